"""Where paragraphs open on a page of reading-order text, for pairing paragraph numbers that a
converter set apart (`numbers.py`).

Without fonts or positions a paragraph start is read from the text around it: a line after a
break that starts like text, is not a heading (a profile's known heading or grade statement,
or a short block that ends no sentence) and is not running furniture. Two kinds of start are
only possible, not certain, and the pairing tries them both ways: the page's first line after
a page that ended a sentence (a new paragraph, or the one before going on), and the line after
a numbered paragraph's first line standing alone when that line was full or ends no sentence
(the converter may have set the number and its first line apart from the rest of the
paragraph: "74. Quality is good." / blank / "Historically, ...").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..document import Line, Page

# A paragraph number alone on its line: "12.".
NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})\.\s*$")
NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})\.\s+\S")
TEXT_START = re.compile(r"^\s*[A-Za-z\"'‘“(]")
# A line on at least this many pages is running furniture (a header or footer), not a paragraph.
RUNNING_PAGES = 3
# A running header stands in a page's first lines (a report's title and dates, a browser's).
HEAD_LINES = 4
_DIGITS = re.compile(r"\d+")
# A block of lines this short that ends no sentence is a heading, not a paragraph.
HEADING_LENGTH = 100
# A page's last block this short that ends no sentence is a heading; a longer one may run on
# to the next page. A question this short is a heading ("What needs to improve?").
SHORT_BLOCK = 70
# A known heading or grade statement is at most this long (two lines).
WRAPPED_HEADING_LENGTH = 160
# The text's width: the line length at this percentile (as `text.mark_short_line_breaks`).
WIDTH_PERCENTILE = 0.8
# A sentence end, then maybe closing quotes or brackets, or a bracketed note after it
# ("... stability. (Recommendation)").
_SENTENCE_END = re.compile(r"[.:;?!][\"'’”)\]]*(?:\s*\([^()]{1,40}\))?$")


def ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text.rstrip()) is not None


def running_texts(pages: list[Page], head: int | None = None) -> set[str]:
    """Lines repeated on several pages (digits ignored): headers and footers, which reading
    order sets among the paragraphs and which must not be counted as paragraph starts. With
    `head`, only among each page's first `head` lines: a running header's (a body line
    repeating elsewhere on the pages does not count)."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({line_key(ln.text) for ln in page.lines[:head]})
    return {text for text, n in seen.items() if n >= RUNNING_PAGES and text}


def text_width(pages: list[Page]) -> int:
    """The length of a full line of the text (0 for a text too short to tell)."""
    lengths = sorted(len(ln.text.strip()) for page in pages for ln in page.lines)
    return lengths[int(len(lengths) * WIDTH_PERCENTILE)] if len(lengths) >= 20 else 0


def line_key(text: str) -> str:
    """A line's text as running furniture is compared: digits masked, spaces and case folded."""
    return " ".join(_DIGITS.sub("#", text).split()).lower()


@cache
def _known_heading() -> Callable[[str], re.Match[str] | None]:
    """Every profile's section and list headings as one whole-text match."""
    from ..profiles import known_headings

    return re.compile("|".join(f"(?:{p.pattern})" for p in known_headings()), re.I).match


def is_known_heading(block: str) -> bool:
    """A profile's known heading (wrapped or not, with its grade after it), or one of its grade
    statements and nothing more ("The graded judgement about ... is that it requires
    improvement"), which the PDF sets as a heading."""
    if len(block) >= WRAPPED_HEADING_LENGTH:
        return False
    if _known_heading()(block):
        return True
    from ..profiles import grade_statements

    return any(p.match(block) for p in grade_statements())


@dataclass
class PageText:
    """One page's lines and what is known around them: running texts, whether the page
    before ended a sentence, and the text's full-line width."""

    lines: list[Line]
    running: set[str]
    top_opens: bool
    width: int
    # The text has no page breaks: this one page is the whole report.
    unbroken: bool = False
    # Keys of the running lines that head pages (`running_texts` of the first HEAD_LINES).
    heads: set[str] = field(default_factory=set)
    # The page's first line of text: past the running lines and page number over it (a
    # browser's print sets its date and title there), which leave a break before it that is
    # no paragraph's.
    top: int = field(init=False)

    def __post_init__(self) -> None:
        self.top = next(
            (
                k
                for k, ln in enumerate(self.lines[:HEAD_LINES])
                # A lone paragraph number is the page's text: its masked key ("##.") may
                # head pages as often as a running line does.
                if is_number(ln)
                or not (ln.text.strip().isdigit() or line_key(ln.text) in self.heads)
            ),
            0,
        )

    def is_running(self, line: Line) -> bool:
        text = line.text.strip()
        return text.isdigit() or line_key(text) in self.running

    def block(self, i: int) -> tuple[str, int]:
        """The block of lines from line i up to the next break or lone number, and its end."""
        lines = self.lines
        end = next(
            (k for k in range(i + 1, len(lines)) if lines[k].gap_before or is_number(lines[k])),
            len(lines),
        )
        return " ".join(ln.text.strip() for ln in lines[i:end]), end

    def opens(self, i: int, top_opens: bool) -> bool:
        """Whether line i opens a paragraph, the page's first line opening one only when
        `top_opens` (the page before ended a sentence)."""
        line = self.lines[i]
        text = line.text.strip()
        broke = line.gap_before if i > self.top else top_opens or (i == 0 and line.gap_before)
        if not broke or not TEXT_START.match(text) or text[:1].islower():
            return False
        if line_key(text) in self.running:
            return False
        block, end = self.block(i)
        if is_known_heading(block):
            return False
        if ends_sentence(block):
            return not block.endswith("?") or len(block) >= SHORT_BLOCK
        # A block that ends no sentence: a paragraph that runs on (onto the next page, or past
        # a break into lower-case text), else a heading when short.
        following = self.next_text(end)
        if following is None:
            return len(block) >= SHORT_BLOCK
        return following[:1].islower() or len(block) >= HEADING_LENGTH

    def next_text(self, start: int) -> str | None:
        """The next line of text from `start` on the page, past lone numbers, page numbers
        and running lines; None when the page's text ends first."""
        for line in self.lines[start:]:
            if not (is_number(line) or self.is_running(line)):
                return line.text.strip()
        return None

    def starts(self, start: int, end: int) -> tuple[list[int], list[int]]:
        """The paragraph starts among lines start..end-1: those that are sure, and those that
        may be a start or may go on with the paragraph before (see the module's note)."""
        sure: list[int] = []
        maybe: list[int] = []
        for k in range(start, end):
            if k == self.top and self.top_opens and not self.opens(k, False):
                if self.opens(k, True):
                    maybe.append(k)
            elif self.opens(k, self.top_opens):
                if not self.after_folio(k):
                    (maybe if self.may_go_on(k) else sure).append(k)
                elif text_ends_sentence(self, k - 1, True):
                    maybe.append(k)
                # else: it goes on with the sentence the page before left open
        return sure, maybe

    def after_folio(self, k: int) -> bool:
        """In a text without page breaks, a line after a page number is a page's first line:
        after a sentence end it may open a paragraph or go on with the one before; else it
        goes on with the open sentence."""
        return self.unbroken and k > 0 and self.lines[k - 1].text.strip().isdigit()

    def lone_numbered_line_before(self, k: int) -> str | None:
        """The text before line k (past lone numbers) when it is a numbered paragraph's first
        line standing alone: the converter may have cut it from the rest of its paragraph."""
        p = k - 1
        while p >= 0 and is_number(self.lines[p]):
            p -= 1
        if p < 0 or not (p == 0 or self.lines[p].gap_before):
            return None
        text = self.lines[p].text.strip()
        return text if NUMBERED_LINE.match(text) else None

    def may_go_on(self, k: int) -> bool:
        """Whether line k may be the rest of the numbered paragraph whose first line stands
        alone before it: that line ends no sentence, or it was full (line k's first word
        would not have fitted on it)."""
        prev = self.lone_numbered_line_before(k)
        if prev is None:
            return False
        if not ends_sentence(prev):
            return True
        word = self.lines[k].text.split()[0]
        return bool(self.width) and len(prev) + 1 + len(word) > self.width


def is_number(line: Line) -> bool:
    return NUMBER_ONLY.match(line.text) is not None


def page_ends_sentence(page: PageText) -> bool:
    """Whether the page's last line of text (not a number, page number or running line)
    ends a sentence, so that the next page's first line may open a paragraph."""
    return text_ends_sentence(page, len(page.lines), True)


def text_ends_sentence(page: PageText, i: int, default: bool) -> bool:
    """Whether the page's text before line i ends a sentence (`default` with no text before
    it); the line before the last is read too, for a bracketed note wrapped onto a line of
    its own ("... stability." / "(Recommendation)")."""
    texts: list[str] = []
    for line in reversed(page.lines[:i]):
        if not (is_number(line) or page.is_running(line)):
            texts.insert(0, line.text.strip())
            if len(texts) == 2:
                break
    return ends_sentence(" ".join(texts)) if texts else default


def heading_before(page: PageText, k: int) -> int:
    """The last line before line k that opens a heading block (-1: none on the page)."""
    for i in range(k - 1, -1, -1):
        line = page.lines[i]
        if (i == 0 or line.gap_before) and TEXT_START.match(line.text) and not is_number(line):
            block, _ = page.block(i)
            if is_known_heading(block):
                return i
    return -1
