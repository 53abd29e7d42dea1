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

# A line indented by at least two spaces, or with a gap of three or more spaces inside it.
_LAYOUT_LINE = re.compile(r"^ {2,}\S|\S {3,}\S")
# A column layout indents or gaps at least this share of its non-blank lines (plain text and
# pdfminer-style text stay under 2% in the corpus, `pdftotext -layout` is at 4% to 85%).
LAYOUT_SHARE = 0.04
# A paragraph number alone on its line: "12." (reading-order converters put the number column
# before or apart from its text).
_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})\.\s*$")
# The text's width is the line length at this percentile; a line shorter than this share of
# it was not wrapped by the converter.
SHORT_LINE_PERCENTILE = 0.8
SHORT_LINE_SHARE = 0.6
# Share of lines near the width that makes a text wrapped (converted PDFs: 42% or more;
# a paragraph per line: 13% or less).
WRAPPED_SHARE = 0.3
_TEXT_START = re.compile(r"^\s*[A-Za-z\"'‘“(]")


def decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextDecodeError(
            f"the text is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "re-save it as UTF-8, e.g. iconv -f latin1 -t utf-8"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
    if shape != "layout":
        mark_short_line_breaks(pages)
    for page in pages:
        attach_lone_numbers(page)
    if not has_form_feeds and len(pages) == 1 and len(pages[0].lines) > 80:
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
        page.lines.append(Line(text=raw.rstrip(), page=number, index=len(page.lines), gap_before=gap))
        gap = False
    return page


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


def _is_paragraph_start(lines: list[Line], i: int) -> bool:
    """A line that opens a paragraph: after a break, starting like text, and not a short line
    standing alone without a sentence end (a heading)."""
    line = lines[i]
    if not (line.gap_before or i == 0) or not _TEXT_START.match(line.text):
        return False
    if line.text.strip()[:1].islower():
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    alone = nxt is None or nxt.gap_before
    text = line.text.strip()
    return not (alone and len(text) < 70 and text[-1:] not in ".:;?!")


def attach_lone_numbers(page: Page) -> None:
    """Put paragraph numbers that a reading-order converter set apart back on their text.

    "12." alone on a line followed by its text is joined to that text. A run of numbers
    stacked one after another ("4." "5." "6.", then the three paragraphs, as pdfminer-based
    converters give a number column) is paired in order with the paragraph starts that follow
    on the page, and only when their counts agree; otherwise the numbers are left as they are
    (segment then reports the gap rather than guess).
    """
    lines = page.lines
    i = 0
    out: list[Line] = []
    while i < len(lines):
        m = _NUMBER_ONLY.match(lines[i].text)
        if m is None:
            out.append(lines[i])
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines) and (mj := _NUMBER_ONLY.match(lines[j].text)):
            if int(mj.group(1)) != int(_NUMBER_ONLY.match(lines[run[-1]].text).group(1)) + 1:  # type: ignore[union-attr]
                break
            run.append(j)
            j += 1
        numbers = [lines[k].text.strip() for k in run]
        # The paragraph starts after the run, up to the next number line (or numbered line).
        starts: list[int] = []
        k = j
        while k < len(lines) and not _NUMBER_ONLY.match(lines[k].text):
            if k > j and re.match(r"^\s*\d{1,3}\.\s+\S", lines[k].text) and lines[k].gap_before:
                break
            if _is_paragraph_start(lines, k) or (k == j and _TEXT_START.match(lines[k].text)):
                starts.append(k)
            k += 1
        if len(run) == 1 and j < len(lines) and _TEXT_START.match(lines[j].text):
            starts = [j]
        if len(starts) < len(run) or (len(run) > 1 and len(starts) != len(run)):
            out.extend(lines[i:j])
            i = j
            continue
        first_number_line = lines[i]
        for number, k in zip(numbers, starts, strict=False):
            target = lines[k]
            target.text = f"{number} {target.text.lstrip()}"
        # The first text line takes the numbers' place in the flow (its break before).
        lines[j].gap_before = lines[j].gap_before or first_number_line.gap_before
        i = j
    for index, line in enumerate(out):
        line.index = index
    page.lines = out
