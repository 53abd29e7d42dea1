"""Clean stage: Unicode normalisation and page furniture, in place on the `Document`.

Furniture (running headers and footers, page numbers) is found by repetition across pages, not by
fixed strings, and is moved to the `furniture` layer rather than deleted, so nothing is lost.
Joining text across page breaks and de-hyphenation need the paragraph structure and happen in
`segment`; this stage provides the document's vocabulary they consult.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .document import Document, Line
from .load.bullets import BULLET_GLYPHS

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
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f]")

# Furniture: the share of a page (from the top, from the bottom) where headers/footers live.
HEADER_ZONE = 0.10
FOOTER_ZONE = 0.12
# Without geometry: how many lines at each end of a page are candidates.
ZONE_LINES = 2
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_TRAILING_PAGE_NUMBER = re.compile(r"\s+\d{1,4}$")


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
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)
    # Control characters are all non-printable: most lines skip the regex.
    if not text.isprintable() and _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text.rstrip()


class Vocabulary:
    """Answers "does this word occur in the body text?" for de-hyphenation decisions.

    Queries are rare (one per line-end hyphen before a lower-case word), so the text is
    searched on demand rather than every word of every document counted up front.
    """

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._text: str | None = None

    def get(self, word: str, default: int = 0) -> int:
        """1 if `word` occurs as a whole word (not inside a longer or hyphenated one)."""
        if self._text is None:
            # Lowered line by line: str.lower is fast on ASCII lines, slow on a whole text that
            # has any non-ASCII character (and a line break stops every case-mapping context).
            self._text = "\n".join([line.text.lower() for line in self._lines])
        text, w = self._text, word.lower()
        i = text.find(w)
        while i != -1:  # str.find, then a boundary check: far cheaper than a regex scan
            before = text[i - 1] if i else " "
            after = text[i + len(w)] if i + len(w) < len(text) else " "
            if not (before.isalpha() or before == "-" or after.isalpha() or after == "-"):
                return 1
            i = text.find(w, i + 1)
        return default


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
    return CleanedDocument(document=document)


def furniture_key(text: str) -> str:
    """Text with digits and case folded, so 'Page 3' and 'Page 4' count as one line."""
    key = _DIGITS.sub("#", text.lower())
    # Whitespace runs to one space; split/join is far cheaper than a regex sub that matches
    # every word gap, and the spaces it drops at the ends would be stripped anyway.
    return " ".join(key.split()).strip(" .:-–|")


def _zones(document: Document) -> list[tuple[list[Line], list[Line]]]:
    """(header candidates, footer candidates) for each page."""
    zones = []
    for page in document.pages:
        lines = page.lines
        if lines and lines[0].has_geometry and page.height:
            header_end, footer_start = HEADER_ZONE * page.height, (1 - FOOTER_ZONE) * page.height
            top = [ln for ln in lines if (ln.top or 0) < header_end]
            bottom = [ln for ln in lines if (ln.bottom or 0) > footer_start]
        elif lines and lines[0].has_geometry:
            # Text laid out in columns (pseudo-geometry, page size unknown): the first and
            # last rows, each with all its cells.
            rows = sorted({ln.top for ln in lines if ln.top is not None})
            first, last = (
                set(rows[:ZONE_LINES]),
                set(rows[-ZONE_LINES:] if len(rows) > ZONE_LINES else []),
            )
            top = [ln for ln in lines if ln.top in first]
            bottom = [ln for ln in lines if ln.top in last]
        else:
            top, bottom = lines[:ZONE_LINES], lines[-ZONE_LINES:] if len(lines) > ZONE_LINES else []
        zones.append((top, bottom))
    return zones


def _alone_on_row(line: Line, zone: list[Line]) -> bool:
    """A page number stands alone; a number beside other text on its row (a contents entry's
    page) is not one. Needed where the zones are rows (text laid out in columns): a PDF's
    zones are margins of the page, where no contents entry reaches."""
    if line.top is None:
        return True
    return not any(other is not line and other.top == line.top for other in zone)


def mark_furniture(document: Document) -> None:
    """Move running headers/footers and page numbers to the furniture layer."""
    zones = _zones(document)
    n_pages = len(document.pages)
    # Each candidate line's key, by line identity: computed once for counting and marking.
    keys = {id(ln): furniture_key(ln.text) for top, bottom in zones for ln in (*top, *bottom)}
    counts: dict[str, Counter[str]] = {"header": Counter(), "footer": Counter()}
    for top, bottom in zones:
        for zone, lines in (("header", top), ("footer", bottom)):
            for key in {keys[id(ln)] for ln in lines}:
                if key and key != "#":
                    counts[zone][key] += 1
    # A line is running furniture if it repeats in the same zone on enough pages.
    threshold = max(3, int(0.3 * n_pages + 0.999))
    common = {zone: {k for k, c in cnt.items() if c >= threshold} for zone, cnt in counts.items()}
    for page, (top, bottom) in zip(document.pages, zones, strict=True):
        for zone, lines in (("header", top), ("footer", bottom)):
            for ln in lines:
                text = ln.text.strip()
                if _PAGE_NUMBER.match(text) and (page.height or _alone_on_row(ln, lines)):
                    ln.layer, ln.furniture_reason = "furniture", "page-number"
                elif n_pages >= 3 and keys[id(ln)] in common[zone]:
                    ln.layer, ln.furniture_reason = "furniture", f"running-{zone}"
        # A footer line that is the running text plus a page number on the same row.
        in_bottom = {id(ln) for ln in bottom}
        for ln in bottom + top:
            if ln.layer != "body":
                continue
            text = ln.text.strip()
            # Only a line ending in a digit (`\d` is `isdecimal`) can have a page number to
            # strip: the others skip the regex, which tries every space in the line.
            if not text[-1:].isdecimal():
                continue
            stripped = _TRAILING_PAGE_NUMBER.sub("", text)
            zone = "footer" if id(ln) in in_bottom else "header"
            if stripped != text and furniture_key(stripped) in common[zone]:
                ln.layer, ln.furniture_reason = "furniture", f"running-{zone}"
