"""Text input: recognise the shape of a converted report and rebuild the same `Document` the PDF
loaders build, so every later stage works unchanged.

Shapes (`TextShape`, recorded as `source.text_layout`):
- `layout`: column layout kept with spaces (`pdftotext -layout` and the like). Runs of spaces
  split a line into cells, and each cell gets pseudo-geometry from its place in the text (see
  `load/columns.py`), so the geometric rules (a table's label and grade on one row, the page
  zones where headers and footers live) read it as they read a PDF.
- `markdown`: `#` headings, `**bold**`, `- `/`* ` bullets, pipe tables, backslash escapes
  (`load/markdown.py` turns it into plain lines; table rows become tab-separated cells).
- `reading_order`: one column of text in reading order (plain `pdftotext`, pdfminer, copy and
  paste from a viewer, the seed's own Brent text). No geometry; table labels and grades arrive
  as separate runs of lines and are paired by `classify/reading_order.py`.

Form feeds are page breaks (a converter's last form feed has no page after it). Without any,
markdown page rules (`-----` lines) are tried; failing those the text is one page, and the
document carries a note saying provenance pages and running furniture are lost.
"""

from __future__ import annotations

import re

from ..document import Document, Line, Note, Page
from ..errors import TextDecodeError
from ..record import TextLayout as TextShape
from .bullets import attach_lone_bullets
from .numbers import attach_lone_numbers
from .sniff import utf16_codec

# A line indented by at least two spaces, or with a gap of three or more spaces inside it.
_LAYOUT_LINE = re.compile(r"^ {2,}\S|\S {3,}\S")
# A column layout indents or gaps at least this share of its non-blank lines (plain text and
# pdfminer-style text stay under 2% in the corpus, `pdftotext -layout` is at 4% to 85%).
LAYOUT_SHARE = 0.04
# The text's width is the line length at this percentile; a line shorter than this share of
# it was not wrapped by the converter.
SHORT_LINE_PERCENTILE = 0.8
SHORT_LINE_SHARE = 0.6
# Share of lines near the width that makes a text wrapped (converted PDFs: 42% or more;
# a paragraph per line: 13% or less).
WRAPPED_SHARE = 0.3


# Characters that converters and viewers' copy and paste leave in text and that carry no
# content for the rules: no-break and other fixed spaces read as spaces, zero-width marks go,
# Unicode line and paragraph separators end lines.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SEPARATORS = dict.fromkeys(map(ord, "\u2028\u2029\u0085\u000b"), "\n")
_TRANSLATION = {**_SPACES, **_INVISIBLE, **_SEPARATORS}
# A soft hyphen where a line was wrapped inside a word: the word's end moves up, whole again.
_SOFT_HYPHEN_BREAK = re.compile("\u00ad[ \t]*\n[ \t]*([a-z]\\S*)(?:[ \t]+|[ \t]*\n|$)")


def decode(data: bytes) -> str:
    """UTF-8, or UTF-16 where `sniff.utf16_codec` finds it, with any line ends (CRLF, CR)
    and the invisible or spacing characters above normalised."""
    codec = utf16_codec(data[:4096])
    try:
        text = data.decode(codec or "utf-8-sig")
    except UnicodeDecodeError as exc:
        if codec:
            raise TextDecodeError(
                f"the text looks like UTF-16 but is not valid UTF-16 (byte {exc.start}); "
                "re-save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 in.txt > out.txt"
            ) from exc
        raise TextDecodeError(
            f"the text is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "re-save it as UTF-8, e.g. iconv -f latin1 -t utf-8"
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = text.translate(_TRANSLATION)
        if "\u00ad" in text:
            text = _SOFT_HYPHEN_BREAK.sub(r"\1\n", text).replace("\u00ad", "")
    return text


def detect_shape(text: str) -> TextShape:
    """Which shape a converted text has, from its own lines (never from a converter's name)."""
    from .markdown import looks_like_markdown

    if looks_like_markdown(text):
        return "markdown"
    lines = [ln for ln in text.replace("\f", "\n").split("\n") if ln.strip()]
    if len(lines) >= 5:
        laid_out = sum(1 for ln in lines if _LAYOUT_LINE.search(ln))
        if laid_out >= LAYOUT_SHARE * len(lines):
            return "layout"
    return "reading_order"


def split_pages(text: str) -> list[str]:
    chunks = text.split("\f")
    # A file ending in a form feed has no page after it.
    if len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()
    return chunks


def load_text(data: bytes) -> Document:
    text = decode(data)
    shape = detect_shape(text)
    notes: list[Note] = []
    has_form_feeds = "\f" in text
    if shape == "markdown":
        from .markdown import markdown_to_text

        text, ruled = markdown_to_text(text, page_rules=not has_form_feeds)
        has_form_feeds = has_form_feeds or ruled
    chunks = split_pages(text)
    if shape == "layout":
        from .columns import layout_page

        pages = [layout_page(chunk, number) for number, chunk in enumerate(chunks, start=1)]
    else:
        pages = [plain_page(chunk, number) for number, chunk in enumerate(chunks, start=1)]
    recovered = None
    if not has_form_feeds and len(pages) == 1:
        from .page_numbers import split_at_page_numbers

        recovered = split_at_page_numbers(pages[0])
    if recovered is not None:
        pages = recovered
        notes.append(
            Note(
                "text_pages_from_page_numbers",
                f"the text has no page breaks (form feeds): {len(pages)} pages were cut after "
                "its printed page numbers; the pages before the first number count as one",
            )
        )
    if shape != "layout":
        mark_short_line_breaks(pages)
        mark_dated_field_ends(pages)
        attach_lone_bullets(pages)
    attach_lone_numbers(pages)
    if recovered is None and not has_form_feeds and len(pages) == 1 and len(pages[0].lines) > 80:
        notes.append(
            Note(
                "text_without_page_breaks",
                "the text has no page breaks (form feeds): every item is on page 1, and running "
                "headers and footers cannot be told from the body by repetition; convert with "
                "page breaks kept (e.g. plain `pdftotext`) to cite pages",
            )
        )
    return Document(pages=pages, format="text", engine="text", notes=notes, text_layout=shape)


def plain_page(chunk: str, number: int) -> Page:
    """Lines in reading order; blank lines become `gap_before` on the next line."""
    page = Page(number=number)
    gap = False
    for raw in chunk.split("\n"):
        if not raw.strip():
            gap = True
            continue
        page.lines.append(
            Line(text=raw.rstrip(), page=number, index=len(page.lines), gap_before=gap)
        )
        gap = False
    return page


# A field line whose value is a date: "Inspection date: 19 November 2031 - 1 December 2031",
# and a lower-case line going on with it ("and 2 December 2031").
_DATED_FIELD = re.compile(r"^[A-Z][A-Za-z ’']{2,40}:\s+\S.*\b(?:19|20)\d{2}$")
_DATED_TAIL = re.compile(r"^[a-z].*\b(?:19|20)\d{2}$")


def mark_dated_field_ends(pages: list[Page]) -> None:
    """A title-page field whose value is a date ends complete, however long: the next line
    gets `gap_before`, so a sentence on it ("The overall judgement is good.") is not run
    into the field. A lower-case next line still goes on with it (segment's rule for text
    after a break), and when it ends in a date too the field ends after it."""
    for page in pages:
        in_field = False
        for prev, line in zip(page.lines, page.lines[1:], strict=False):
            text = prev.text.strip()
            in_field = _DATED_FIELD.match(text) is not None or (
                in_field and _DATED_TAIL.match(text) is not None
            )
            if in_field and not line.gap_before:
                line.gap_before = True


def mark_short_line_breaks(pages: list[Page]) -> None:
    """In reading-order text a line that ends far short of the text's width was not wrapped:
    it ended a title line, a label or a paragraph, which a PDF shows by the empty space to
    its right. The next line gets `gap_before`, as after a blank line, so title-page lines
    and table cells do not run together; a lower-case next line still continues an
    unfinished sentence (segment's rule for text after a break)."""
    lengths = sorted(len(ln.text.strip()) for page in pages for ln in page.lines)
    if len(lengths) < 20:
        return
    width = lengths[int(len(lengths) * SHORT_LINE_PERCENTILE)]
    # Only a wrapped text has a width: most of its lines end near it. Text with a paragraph
    # per line (the seed's Brent text) has lines of every length, and no such breaks.
    near = sum(1 for n in lengths if 0.75 * width <= n <= 1.05 * width)
    if near < WRAPPED_SHARE * len(lengths):
        return
    short = SHORT_LINE_SHARE * width
    for page in pages:
        for prev, line in zip(page.lines, page.lines[1:], strict=False):
            if not line.gap_before and len(prev.text.strip()) < short:
                line.gap_before = True
