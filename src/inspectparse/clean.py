"""Clean stage: Unicode normalisation and page furniture, in place on the `Document`.

Furniture (running headers and footers, page numbers) is found by repetition across pages, not by
fixed strings, and is moved to the `furniture` layer rather than deleted, so nothing is lost.
Footnotes at a page's foot are moved to the `footnote` layer (`footnotes.py`): out of the body's
flow, so that a paragraph a page break cuts joins up across it, not onto the footnote.
Joining text across page breaks and de-hyphenation need the paragraph structure and happen in
`segment`; this stage provides the document's vocabulary they consult.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .document import Document, Line, Page
from .footnotes import mark_footnotes
from .load.bullets import BULLET_GLYPHS
from .load.page_numbers import PAGE_NUMBER, TRAILING_PAGE_NUMBER

BULLET = "•"
SUB_BULLET = "–"

# Dash-like glyphs that start a sub-item.
_SUB_BULLET_GLYPHS = "\uf02d\u2212"
_CHAR_MAP = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2011": "-",  # non-breaking hyphen (2026 age ranges)
    "\ufffe": "-",  # pdfium's marker for a hyphen at a line end
    "\u00ad": "",  # soft hyphen
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_TRANSLATE = str.maketrans(_CHAR_MAP)
# str.translate with a dict is slow per character: it runs only on lines that need it.
_MAPPED_CHAR = re.compile(f"[{''.join(_CHAR_MAP)}]")
_LEADING_BULLET = re.compile(rf"^\s*[{BULLET_GLYPHS}]\s*")
_LEADING_SUB_BULLET = re.compile(rf"^\s*[{_SUB_BULLET_GLYPHS}]\s*")
_INNER_BULLET = re.compile(rf"[{BULLET_GLYPHS}]")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_LEADING_STAR = re.compile(r"^\s*\*(?:\s+(?=\S)|\s*$)")
_MARKER_TAB = re.compile(r"^(\s*(?:\d{1,3}[.)]|\(?[a-z]{1,3}\)|[-–•]))\t+(?=[^\t]*$)")
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f]")

# A running line of a part of the document: on this many pages at least, and on this share of
# the pages from its first to its last.
PART_PAGES = 5
PART_SHARE = 0.7
# Furniture: the share of a page (from the top, from the bottom) where headers/footers live.
HEADER_ZONE = 0.10
FOOTER_ZONE = 0.12
# Without geometry: how many lines (rows, for text laid out in columns) at each end of a page are
# candidates each on its own. A running header or footer can be deeper (title, dates and page
# number on three lines; a browser's print adds its address and "page/pages" under them): down
# to DEEP_ZONE_LINES, a line is furniture only where every line between it and the page's
# edge is furniture too.
ZONE_LINES = 2
DEEP_ZONE_LINES = 6
_DIGITS = re.compile(r"\d+")


def normalise_text(text: str) -> str:
    """Map PDF artefacts to plain Unicode while keeping the words verbatim."""
    if not text.isascii():  # every artefact below but emphasis and controls is non-ASCII
        if _MAPPED_CHAR.search(text):
            text = text.translate(_TRANSLATE)
        text = unicodedata.normalize("NFC", text)
        if m := _LEADING_BULLET.match(text):
            text = BULLET + " " + text[m.end() :]
        elif m := _LEADING_SUB_BULLET.match(text):
            text = SUB_BULLET + " " + text[m.end() :]
        text = _INNER_BULLET.sub(BULLET, text)
    if "\t" in text:
        # The only tab of a line, straight after an item's number or dash ("10.<TAB>Managers",
        # as text copied from a word processor's PDF has it), sets the item apart from its
        # marker: it parts no table cells (a contents entry has its page number's tab too).
        text = _MARKER_TAB.sub(r"\1 ", text)
    if "  " in text:
        # Justified text and some converters put two or more spaces between words; the rules
        # read words apart by one (a layout's column gaps are cells by now, tabs are kept).
        text = _SPACE_RUN.sub(" ", text)
    # An asterisk and a space open a list item (markdown's bullet, which converters and some
    # fonts keep; no report's sentence opens so): it is the bullet glyph, alone on its line too.
    if "*" in text and (m := _LEADING_STAR.match(text)):
        text = BULLET + " " + text[m.end() :]
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)
    # Control characters are all non-printable: most lines skip the regex.
    if not text.isprintable() and _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text.rstrip()


# Queries answered by searching the text before its words are indexed: a report asks a few
# dozen (one search each beats listing every word), a long text can ask thousands, and a
# search per query would then scan the text thousands of times.
_SEARCHES_BEFORE_INDEX = 64
# A run of letters and hyphens: a query made of such characters occurs as a whole word
# exactly where it is one such run (letters here as `str.isalpha` has them; see `_runs`).
_LETTER_RUN = re.compile(r"(?:[^\W\d_]|-)+")


class Vocabulary:
    """Answers "does this word occur in the body text?" for de-hyphenation decisions.

    Queries are rare (one per line-end hyphen before a lower-case word), so the text is
    searched on demand rather than every word of every document counted up front; answers are
    kept, and a text that asks many questions has its words indexed once.
    """

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._text: str | None = None
        self._answers: dict[str, bool] = {}
        self._words: set[str] | None = None

    def get(self, word: str, default: int = 0) -> int:
        """1 if `word` occurs as a whole word (not inside a longer or hyphenated one)."""
        w = word.lower()
        found = self._answers.get(w)
        if found is None:
            found = self._answers[w] = self._occurs(w)
        return 1 if found else default

    def _occurs(self, w: str) -> bool:
        if self._text is None:
            # Lowered line by line: str.lower is fast on ASCII lines, slow on a whole text that
            # has any non-ASCII character (and a line break stops every case-mapping context).
            self._text = "\n".join([line.text.lower() for line in self._lines])
        text = self._text
        if w and all(c.isalpha() or c == "-" for c in w):
            if self._words is None and len(self._answers) >= _SEARCHES_BEFORE_INDEX:
                self._words = _runs(text)
            if self._words is not None:
                return w in self._words
        i = text.find(w)
        while i != -1:  # str.find, then a boundary check: far cheaper than a regex scan
            before = text[i - 1] if i else " "
            after = text[i + len(w)] if i + len(w) < len(text) else " "
            if not (before.isalpha() or before == "-" or after.isalpha() or after == "-"):
                return True
            i = text.find(w, i + 1)
        return False


def _runs(text: str) -> set[str]:
    """The text's maximal runs of letters and hyphens: a word of such characters occurs
    bounded by neither (`Vocabulary.get`'s whole word) exactly where it is one of them. The
    regex's letters also take the few numeric characters that are no digits ("²"), which
    `str.isalpha` does not: a run holding one is cut there."""
    words: set[str] = set()
    for run in _LETTER_RUN.findall(text):
        if run.replace("-", "").isalpha():
            words.add(run)
        else:
            words.update(_cut_at_non_letters(run))
    return words


def _cut_at_non_letters(run: str) -> list[str]:
    parts = [""]
    for c in run:
        if c.isalpha() or c == "-":
            parts[-1] += c
        elif parts[-1]:
            parts.append("")
    return [p for p in parts if p]


@dataclass(slots=True)
class CleanedDocument:
    document: Document
    # The body lines in document order, listed once for the stages that walk them all.
    lines: list[Line] = field(init=False)
    vocabulary: Vocabulary = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.document.lines()
        self.vocabulary = Vocabulary(self.lines)


def clean(document: Document) -> CleanedDocument:
    for page in document.pages:
        kept: list[Line] = []
        for line in page.lines:
            line.text = normalise_text(line.text)
            if line.text:  # normalised text is right-stripped: blank lines are now empty
                line.index = len(kept)
                kept.append(line)
        page.lines = kept
    mark_furniture(document)
    mark_footnotes(document)
    return CleanedDocument(document=document)


# Running headers and footers repeat page after page: half the keys asked for are known.
@lru_cache(maxsize=4096)
def furniture_key(text: str) -> str:
    """Text with digits and case folded, so 'Page 3' and 'Page 4' count as one line, and a number at
    either end of a longer line left out."""
    key = _DIGITS.sub("#", text.lower())
    # Whitespace runs to one space; split/join is far cheaper than a regex sub that matches
    # every word gap, and the spaces it drops at the ends would be stripped anyway.
    words = key.split()
    # A running line whose page number is set before it on one page and after it on the next
    # (left and right pages) is one line: a number at either end is left out.
    if len(words) > 1 and words[-1] == "#":
        words.pop()
    if len(words) > 1 and words[0] == "#":
        words.pop(0)
    return " ".join(words).strip(" .:-–|")


# A page's zone: its rows from the page's edge inward, each row the lines it holds.
Zone = list[list[Line]]


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped by text row (cells of a row share a top), in order; one line per row
    where there is no geometry."""
    rows: list[list[Line]] = []
    for ln in lines:
        if rows and ln.top is not None and rows[-1][0].top == ln.top:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return rows


def _zones(document: Document) -> list[tuple[Zone, Zone]]:
    """(header zone, footer zone) of each page, rows from the edge inward. A PDF's zones are
    bands of the page, one row each; text's zones are its first and last rows."""
    zones: list[tuple[Zone, Zone]] = []
    for page in document.pages:
        lines = page.lines
        if lines and lines[0].has_geometry and page.height:
            header_end, footer_start = HEADER_ZONE * page.height, (1 - FOOTER_ZONE) * page.height
            top = [ln for ln in lines if (ln.top or 0) < header_end]
            bottom = [ln for ln in lines if (ln.bottom or 0) > footer_start]
            zones.append(([top] if top else [], [bottom] if bottom else []))
            continue
        rows = _rows(lines)
        # The zones of a short page overlap: deep rows are furniture only where every row
        # between them and the edge is, which the body between header and footer is not.
        depth = DEEP_ZONE_LINES
        zones.append((rows[:depth], rows[::-1][:depth]))
    return zones


def _mark_zone(
    zone: Zone, common: set[str], keys: dict[int, str], running: str, page: Page
) -> None:
    """Mark a zone's furniture, from the page's edge inward: in the first ZONE_LINES rows each
    line on its own; below them only whole rows, and only while every row so far was
    furniture. A page number stands alone on its row or beside furniture; a number beside
    other text (a contents entry's page) is not one. A PDF's zones (sized pages) are margins
    of the page, where no contents entry reaches. Deeper, a lone number is a page number only
    where it is the page's own (a three-line running block set above the page's text)."""
    sized = bool(page.height)
    for depth, row in enumerate(zone):
        if depth >= ZONE_LINES and any(ln.layer != "furniture" for r in zone[:depth] for ln in r):
            return
        marks: dict[int, str] = {}
        for ln in row:
            key = keys[id(ln)]
            if depth >= ZONE_LINES and not any(ch.isalpha() for ch in key):
                # This deep, a lone glyph or number is the page's text (a contents list),
                # unless it is the page's own number.
                if ln.text.strip() == str(page.number):
                    marks[id(ln)] = "page-number"
                continue
            if key in common or _is_running_plus_number(ln.text, common):
                marks[id(ln)] = f"running-{running}"
        for ln in row if depth < ZONE_LINES else ():
            alone = sized or all(id(o) in marks or o is ln for o in row)
            if alone and id(ln) not in marks and PAGE_NUMBER.fullmatch(ln.text.strip()):
                marks[id(ln)] = "page-number"
        if depth >= ZONE_LINES and len(marks) < len(row):
            return
        for ln in row:
            # Deep rows extend the furniture into the body; they do not rename a line the
            # other zone of a short page already took.
            if id(ln) in marks and (depth < ZONE_LINES or ln.layer == "body"):
                ln.layer, ln.furniture_reason = "furniture", marks[id(ln)]


def _is_running_plus_number(text: str, common: set[str]) -> bool:
    """A running line with a page number at its end ("... 2024 6", "... Page 3 of 13"), on
    the same row, or glued to its start where the running line opens with digits too ("620
    to" for page 6 and "20 to")."""
    text = text.strip()
    if text[:1].isdecimal() and any(
        text[k : k + 1].isdecimal() and furniture_key(f"{text[:k]} {text[k:]}") in common
        for k in (1, 2)
    ):
        return True
    # Only a line ending in a digit (`\d` is `isdecimal`) can have a page number to strip:
    # the others skip the regex, which tries every space in the line.
    if not text[-1:].isdecimal():
        return False
    m = TRAILING_PAGE_NUMBER.fullmatch(text)
    return m is not None and furniture_key(m.group(1)) in common


def mark_furniture(document: Document) -> None:
    """Move running headers/footers and page numbers to the furniture layer."""
    zones = _zones(document)
    # Each candidate line's key, by line identity: computed once for counting and marking.
    keys = {
        id(ln): furniture_key(ln.text)
        for top, bottom in zones
        for zone in (top, bottom)
        for row in zone
        for ln in row
    }
    common = _common_keys(zones, keys, len(document.pages), {"header": set(), "footer": set()})
    # A short page's zones overlap: the lines of its footer block (running lines and a page
    # number up from its foot) are no evidence of a header, though they stand near its top,
    # and the other way round. A footer repeating the title would else take the title as a
    # running header from page 1, once a few pages are short.
    other_edge: dict[str, set[int]] = {"header": set(), "footer": set()}
    for top, bottom in zones:
        # A short page's zones share rows (the same row lists; a PDF's bands never do).
        if any(row is other for row in top for other in bottom):
            head = _edge_block(top, keys, common["header"])
            foot = _edge_block(bottom, keys, common["footer"])
            # A page of running lines only is furniture either way: it tells nothing apart.
            other_edge["header"] |= foot - head
            other_edge["footer"] |= head - foot
    if other_edge["header"] or other_edge["footer"]:
        common = _common_keys(zones, keys, len(document.pages), other_edge)
    for page, (top, bottom) in zip(document.pages, zones, strict=True):
        _mark_zone(top, common["header"], keys, "header", page)
        _mark_zone(bottom, common["footer"], keys, "footer", page)


def _common_keys(
    zones: list[tuple[Zone, Zone]], keys: dict[int, str], n_pages: int, skip: dict[str, set[int]]
) -> dict[str, set[str]]:
    """The running lines' keys of each zone ("header", "footer"), leaving out the lines in
    `skip` (by identity) of that zone."""
    if n_pages < 3:
        return {"header": set(), "footer": set()}
    # Keys counted over the whole zones and over their first ZONE_LINES rows alone; the
    # first and last page each key is on (over the whole zones).
    counts = {name: (Counter[str](), Counter[str]()) for name in ("header", "footer")}
    spans: dict[str, dict[str, list[int]]] = {"header": {}, "footer": {}}
    for page, (top, bottom) in enumerate(zones):
        for name, zone in (("header", top), ("footer", bottom)):
            left_out = skip[name]
            for depth, rows in enumerate((zone, zone[:ZONE_LINES])):
                for key in {keys[id(ln)] for row in rows for ln in row if id(ln) not in left_out}:
                    if key and key != "#":
                        counts[name][depth][key] += 1
                        if depth == 0:
                            spans[name].setdefault(key, [page, page])[1] = page
    # A line is running furniture if it repeats in the same zone on enough pages of the
    # document, or on nearly every page of a part of it (a second report bound in after the
    # first, with a running line of its own). Deeper in a page only a line with words or
    # digits: a lone bullet glyph opens many pages' text.
    threshold = max(3, int(0.3 * n_pages + 0.999))

    def running(name: str, key: str, count: int) -> bool:
        first, last = spans[name][key]
        return count >= threshold or (
            count >= PART_PAGES and count >= PART_SHARE * (last - first + 1)
        )

    return {
        name: {
            k
            for k, c in whole.items()
            if running(name, k, c) and (edge[k] >= threshold or any(ch.isalnum() for ch in k))
        }
        for name, (whole, edge) in counts.items()
    }


def _edge_block(zone: Zone, keys: dict[int, str], common: set[str]) -> set[int]:
    """The lines (by identity) of a zone's rows from the page's edge inward while every line
    of the row is a running line or a page number."""
    block: set[int] = set()
    for row in zone:
        if not all(keys[id(ln)] in common or PAGE_NUMBER.fullmatch(ln.text.strip()) for ln in row):
            break
        block.update(id(ln) for ln in row)
    return block
