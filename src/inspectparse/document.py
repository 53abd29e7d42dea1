"""The engine-independent document model that every stage after `load` works on.

A loader (text, pdfplumber, pypdfium2) turns its source into `Document` -> `Page` -> `Line`.
Nothing downstream knows which engine produced the lines: geometry and font facts are
optional (`None` for text input), and stages fall back to textual cues when they are absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

# The PDF engines, named once: `load` adds "auto" (pdfium, falling back to pdfplumber) for a
# caller's choice; a text input is read by the text loader, named "text".
PdfEngine = Literal["pdfium", "pdfplumber"]
SourceFormat = Literal["pdf", "text"]
# body: the report's text; furniture: a page's running header or footer, its page number;
# footnote: the footnotes at a page's foot, out of the body's flow (`footnotes.mark_footnotes`).
Layer = Literal["body", "furniture", "footnote"]


@dataclass(slots=True)
class Line:
    """One line of text as the source laid it out.

    `x0/x1/top/bottom` are PDF points from the page's top-left corner (None for text input).
    `gap_before` says a visible break (blank line, or a vertical gap larger than the line
    spacing) separates this line from the one before it on the same page.
    """

    text: str
    page: int
    index: int
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    size: float | None = None
    bold: bool | None = None
    font: str | None = None
    gap_before: bool = False
    layer: Layer = "body"
    # Why a line left the body (e.g. "running-footer", "page-number"); None for body lines.
    furniture_reason: str | None = None

    @property
    def has_geometry(self) -> bool:
        return self.top is not None and self.x0 is not None

    @property
    def height(self) -> float:
        if self.top is None or self.bottom is None:
            return 0.0
        return self.bottom - self.top


@dataclass(slots=True)
class Page:
    """A page: its 1-based number, size in points (0 for text input) and lines in reading order."""

    number: int
    lines: list[Line] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0

    @property
    def body_lines(self) -> list[Line]:
        return [line for line in self.lines if line.layer == "body"]


@dataclass(slots=True)
class Evidence:
    """Where something was read: the lines, the text, and the span of a match in it."""

    lines: list[Line]
    text: str | None
    char_start: int | None = None
    char_end: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A warning raised by any stage; `validate` turns it into a record warning.

    `field` is the record path it concerns ("report.provider", "judgements.lscb"); None takes
    the default that `record.WARNING_CODES` declares for the code, as does its severity.
    """

    code: str
    message: str
    field: str | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Document:
    """A loaded source: pages of lines plus facts about how it was read."""

    pages: list[Page]
    format: SourceFormat
    # A `PdfEngine`, or "text" for the text loader.
    engine: str
    # Notes raised while loading (e.g. an engine fallback).
    notes: list[Note] = field(default_factory=list)
    # Text input: the shape the text loader recognised ("layout", "markdown", "reading_order").
    text_layout: str | None = None

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def cover_index(self) -> int:
        """The index of the report's first page, the first with body text: a blank page, or
        one of furniture or an image only (a cover sheet), before it is none of the report's."""
        for index, page in enumerate(self.pages):
            if any(line.layer == "body" for line in page.lines):
                return index
        return 0

    @property
    def cover_lines(self) -> list[Line]:
        """The body lines of the report's first page (`cover_index`)."""
        return self.pages[self.cover_index].body_lines if self.pages else []

    def lines(self, layer: Layer | None = "body") -> list[Line]:
        """All lines in document order, optionally only one layer."""
        # A list comprehension: `list(self.iter_lines(layer))` costs ~40% more per line.
        if layer is None:
            return [ln for p in self.pages for ln in p.lines]
        return [ln for p in self.pages for ln in p.lines if ln.layer == layer]

    def iter_lines(self, layer: Layer | None = "body") -> Iterator[Line]:
        """`lines`, one at a time: for readers that stop early."""
        return (ln for p in self.pages for ln in p.lines if layer is None or ln.layer == layer)
