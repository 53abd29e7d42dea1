#!/usr/bin/env python3
"""Generate the SYNTHETIC test reports and bad inputs, with no dependencies beyond the stdlib.

Everything written here is invented: the council ("Northwick"), the inspectors, the children and
the findings. Only the *layout* of real Ofsted reports is imitated (see ANATOMY.md in the shared
corpus), together with the template wording that every report of a kind shares: headings, table
labels, grade words and field labels.

Outputs, relative to the output root (the repository by default, or ``--out-dir``):

* ``examples/sample-ilacs-report.pdf``: a 2023-style ILACS report (the demo input)
* ``tests/fixtures/ilacs_2018_synthetic.pdf``, ``tests/fixtures/ilacs_2026_synthetic.pdf``
* ``tests/fixtures/brent_like.txt``, ``tests/fixtures/brent_like_consistent.txt``
* ``tests/fixtures/bad/*``: inputs a parser must refuse with a clear error
* ``tests/fixtures/manifest.json`` and ``tests/fixtures/README.md``: the facts a correct
  extraction of each fixture gives (computed from the layout, so they cannot drift)

The PDFs use the standard Type1 fonts Helvetica and Helvetica-Bold in WinAnsiEncoding, uncompressed
content streams and fixed document IDs, so the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGE_W = 595.32
PAGE_H = 841.92

# pdfminer puts a glyph's box from baseline + descent * size to that plus size, so the `top`
# pdfplumber reports for a word is its baseline (measured from the page top) minus this * size.
TOP_FROM_BASELINE = 1 - 0.207

# --------------------------------------------------------------------------------------------
# Fonts: Adobe's Helvetica metrics (AFM widths, 1/1000 em) and the WinAnsi code points we use.
# --------------------------------------------------------------------------------------------

_HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]  # fmt: skip
_HELVETICA_BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
]  # fmt: skip

# Non-ASCII characters: (WinAnsi code, width regular, width bold). U+2212 MINUS SIGN has no
# WinAnsi code, so it is drawn as the en dash (extractors then return U+2013).
_WINANSI: dict[str, tuple[int, int, int]] = {
    "\u2018": (0x91, 222, 278),  # left single quote
    "\u2019": (0x92, 222, 278),  # right single quote / apostrophe
    "\u201c": (0x93, 333, 500),
    "\u201d": (0x94, 333, 500),
    "\u2022": (0x95, 350, 350),  # bullet
    "\u2013": (0x96, 556, 556),  # en dash
    "\u2212": (0x96, 556, 556),  # minus sign -> en dash
    "\u2014": (0x97, 1000, 1000),
    "\u00a3": (0xA3, 556, 556),
    "\u00a9": (0xA9, 737, 737),
    "\u00e9": (0xE9, 556, 556),
}
FONT_REGULAR = "F1"
FONT_BOLD = "F2"


def char_width(ch: str, bold: bool) -> int:
    code = ord(ch)
    if 32 <= code <= 126:
        return (_HELVETICA_BOLD if bold else _HELVETICA)[code - 32]
    if ch in _WINANSI:
        return _WINANSI[ch][2 if bold else 1]
    raise ValueError(f"character {ch!r} is not drawable in WinAnsiEncoding")


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(char_width(ch, bold) for ch in text) * size / 1000


def winansi(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if 32 <= code <= 126:
            out.append(code)
        elif ch in _WINANSI:
            out.append(_WINANSI[ch][0])
        else:
            raise ValueError(f"character {ch!r} is not drawable in WinAnsiEncoding")
    return bytes(out)


def pdf_string(text: str) -> bytes:
    """A PDF literal string, ASCII only: bytes above 0x7e as octal escapes."""
    out = bytearray(b"(")
    for byte in winansi(text):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte > 0x7E:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    out += b")"
    return bytes(out)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap; a newline in `text` forces a break there."""
    lines: list[str] = []
    for chunk in text.split("\n"):
        current = ""
        for word in chunk.split():
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, size, bold) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


# --------------------------------------------------------------------------------------------
# RC4 and the Standard security handler, revision 2 (PDF 1.7 spec, algorithms 3.1-3.4).
# --------------------------------------------------------------------------------------------

PASSWORD_PADDING = bytes.fromhex(
    "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A"
)


def rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) & 0xFF
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) & 0xFF
        j = (j + state[i]) & 0xFF
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) & 0xFF])
    return bytes(out)


def _padded(password: bytes) -> bytes:
    return (password + PASSWORD_PADDING)[:32]


@dataclass(frozen=True)
class Rc4Security:
    """40-bit RC4 (/V 1 /R 2) with the given passwords and permission flags."""

    user_password: bytes
    owner_password: bytes
    permissions: int = -4  # every permission bit set (bits 1-2 must be 0)

    def owner_entry(self) -> bytes:  # algorithm 3.3
        owner_key = hashlib.md5(_padded(self.owner_password or self.user_password)).digest()[:5]
        return rc4(owner_key, _padded(self.user_password))

    def file_key(self, first_id: bytes) -> bytes:  # algorithm 3.2
        digest = hashlib.md5()
        digest.update(_padded(self.user_password))
        digest.update(self.owner_entry())
        digest.update(struct.pack("<i", self.permissions))
        digest.update(first_id)
        return digest.digest()[:5]

    def user_entry(self, first_id: bytes) -> bytes:  # algorithm 3.4
        return rc4(self.file_key(first_id), PASSWORD_PADDING)

    def object_key(self, first_id: bytes, number: int, generation: int = 0) -> bytes:  # 3.1
        key = self.file_key(first_id)
        salt = number.to_bytes(3, "little") + generation.to_bytes(2, "little")
        return hashlib.md5(key + salt).digest()[: len(key) + 5]


# --------------------------------------------------------------------------------------------
# A minimal PDF writer: pages of positioned text and rectangles.
# --------------------------------------------------------------------------------------------


@dataclass
class TextRun:
    x: float
    baseline: float  # distance of the baseline from the TOP of the page
    text: str
    size: float
    bold: bool = False


@dataclass
class Box:
    x: float
    top: float
    width: float
    height: float
    fill: float | None = None  # grey level 0..1, or None for a stroked outline


@dataclass
class Page:
    runs: list[TextRun] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)

    def text(self, x: float, baseline: float, text: str, size: float, bold: bool = False) -> None:
        if text:
            self.runs.append(TextRun(x, baseline, text, size, bold))

    def box(self, x: float, top: float, width: float, height: float,
            fill: float | None = None) -> None:  # fmt: skip
        self.boxes.append(Box(x, top, width, height, fill))


def _num(value: float) -> bytes:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode()


def content_stream(page: Page) -> bytes:
    ops: list[bytes] = []
    for box in page.boxes:
        y = PAGE_H - box.top - box.height
        rect = b"%s %s %s %s re" % (_num(box.x), _num(y), _num(box.width), _num(box.height))
        if box.fill is None:
            ops.append(b"q 0.6 w 0.35 G " + rect + b" S Q")
        else:
            ops.append(b"q %s g " % _num(box.fill) + rect + b" f Q")
    if page.runs:
        ops.append(b"BT")
        for run in page.runs:
            font = FONT_BOLD if run.bold else FONT_REGULAR
            ops.append(
                b"/%s %s Tf 1 0 0 1 %s %s Tm %s Tj"
                % (font.encode(), _num(run.size), _num(run.x), _num(PAGE_H - run.baseline),
                   pdf_string(run.text))
            )  # fmt: skip
        ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def build_pdf(pages: list[Page], *, name: str, security: Rc4Security | None = None) -> bytes:
    """Serialise `pages` as a PDF 1.4 file; `name` seeds the fixed document ID."""
    doc_id = hashlib.md5(f"inspectparse synthetic fixture: {name}".encode()).digest()
    objects: list[bytes | None] = [None, None]  # 1 catalog, 2 page tree
    uses_text = any(page.runs for page in pages)
    font_refs = b""
    if uses_text:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                       b"/Encoding /WinAnsiEncoding >>")  # fmt: skip
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                       b"/Encoding /WinAnsiEncoding >>")  # fmt: skip
        font_refs = b"/Font << /%s 3 0 R /%s 4 0 R >> " % (FONT_REGULAR.encode(),
                                                           FONT_BOLD.encode())  # fmt: skip
    kids: list[int] = []
    streams: dict[int, bytes] = {}
    for page in pages:
        page_number = len(objects) + 1
        kids.append(page_number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << %s"
            b"/ProcSet [/PDF /Text] >> /Contents %d 0 R >>"
            % (_num(PAGE_W), _num(PAGE_H), font_refs, page_number + 1)
        )
        objects.append(None)
        streams[page_number + 1] = content_stream(page)
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))  # fmt: skip
    for number, data in streams.items():
        if security is not None:
            data = rc4(security.object_key(doc_id, number), data)
        objects[number - 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)
    encrypt_ref = b""
    if security is not None:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%s> /U <%s> /P %d >>"
            % (security.owner_entry().hex().upper().encode(),
               security.user_entry(doc_id).hex().upper().encode(), security.permissions)
        )  # fmt: skip
        encrypt_ref = b" /Encrypt %d 0 R" % len(objects)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        assert body is not None
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    hex_id = doc_id.hex().upper().encode()
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\n" % (
        len(objects) + 1, hex_id, hex_id, encrypt_ref)  # fmt: skip
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


# --------------------------------------------------------------------------------------------
# Flowing layout: headings, numbered paragraphs and bullets over as many pages as needed.
# --------------------------------------------------------------------------------------------

LEFT = 57.0  # paragraph numbers, headings, labels, bullets
INDENT = 85.0  # numbered paragraph text and its wrapped lines
RIGHT = 538.0
BODY_SIZE = 11.0
LEADING = 14.5
PARA_GAP = 10.0


@dataclass
class LineRecord:
    page: int  # 1-based
    baseline: float
    x: float
    text: str


@dataclass
class ParagraphRecord:
    number: int
    section: str
    lines: list[LineRecord] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})


class Flow:
    """Places blocks top to bottom, starting new pages (with their furniture) as needed."""

    def __init__(self, pages: list[Page], furniture: Callable[[Page, int], None],
                 top: float = 80.0, bottom: float = 765.0) -> None:  # fmt: skip
        self.pages = pages
        self.furniture = furniture
        self.top = top
        self.bottom = bottom
        self.page_bottom: dict[int, float] = {}
        self.y = top
        self.paragraphs: list[ParagraphRecord] = []
        self.headings: list[tuple[int, list[str]]] = []
        self.section = ""

    @property
    def page_no(self) -> int:
        return len(self.pages)

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page())
        self.furniture(self.page, self.page_no)
        self.y = self.top

    def _limit(self) -> float:
        return self.page_bottom.get(self.page_no, self.bottom)

    def ensure(self, height: float) -> None:
        if self.y + height > self._limit():
            self.new_page()

    def gap(self, height: float) -> None:
        self.y += height

    def line(self, x: float, text: str, size: float = BODY_SIZE, bold: bool = False,
             leading: float = LEADING) -> LineRecord:  # fmt: skip
        if self.y > self._limit():
            self.new_page()
        self.page.text(x, self.y, text, size, bold)
        record = LineRecord(self.page_no, self.y, x, text)
        self.y += leading
        return record

    def heading(self, text: str, size: float = 14.0, space_before: float = 16.0) -> None:
        lines = wrap(text, RIGHT - LEFT, size, bold=True)
        leading = size * 1.25
        if self.y != self.top:
            self.gap(space_before)
        self.ensure(leading * len(lines) + 2 * LEADING)  # keep with the next two lines
        for text_line in lines:
            self.line(LEFT, text_line, size, bold=True, leading=leading)
        self.headings.append((self.page_no, lines))
        self.gap(6.0)

    def plain(self, text: str, x: float = LEFT) -> list[LineRecord]:
        records = [self.line(x, text_line) for text_line in wrap(text, RIGHT - x, BODY_SIZE)]
        self.gap(PARA_GAP)
        return records

    def numbered(self, number: int, text: str) -> ParagraphRecord:
        record = ParagraphRecord(number, self.section)
        lines = wrap(text, RIGHT - INDENT, BODY_SIZE)
        if self.y + LEADING > self._limit():  # never leave a number alone at a page foot
            self.new_page()
        self.page.text(LEFT, self.y, f"{number}.", BODY_SIZE)
        for text_line in lines:
            record.lines.append(self.line(INDENT, text_line))
        self.gap(PARA_GAP)
        self.paragraphs.append(record)
        return record

    def bullet(self, text: str, sub_items: Iterable[str] = (), bullet_x: float = LEFT,
               text_x: float = LEFT + 18) -> None:  # fmt: skip
        lines = wrap(text, RIGHT - text_x, BODY_SIZE)
        self.ensure(LEADING * len(lines))
        self.page.text(bullet_x, self.y, "\u2022", BODY_SIZE)
        for text_line in lines:
            self.line(text_x, text_line)
        for sub in sub_items:
            sub_lines = wrap(sub, RIGHT - text_x - 15, BODY_SIZE)
            self.page.text(text_x, self.y, "\u2212", BODY_SIZE)
            for text_line in sub_lines:
                self.line(text_x + 15, text_line)
        self.gap(5.0)


def footer_2021(title: str, dates: str) -> Callable[[Page, int], None]:
    """Pages 2 on: the title sentence, then the dates with the page number on that line."""

    def draw(page: Page, number: int) -> None:
        if number == 1:
            return
        page.text(LEFT, 803.0, title, 8.0)
        page.text(LEFT, 813.0, dates, 8.0)
        page.text(RIGHT - text_width(str(number), 8.0), 813.0, str(number), 8.0)

    return draw


def page_number_top_right(page: Page, number: int) -> None:
    page.text(RIGHT - text_width(str(number), 10.0), 40.0, str(number), 10.0)


def boilerplate_page(flow: Flow, year: int) -> None:
    flow.new_page()
    flow.y = 160.0
    for text in BOILERPLATE:
        flow.plain(text)
    flow.gap(10.0)
    flow.line(LEFT, f"\u00a9 Crown copyright {year}", 10.0)


# --------------------------------------------------------------------------------------------
# Invented prose. Headings, labels and grade words are the reports' template wording.
# --------------------------------------------------------------------------------------------

BOILERPLATE = [
    "This report was produced by the inspectparse fixture generator. It copies the layout of a "
    "published inspection report so that the parser can be tested without real reports. "
    "Northwick, its council, its children and its inspectors are invented, and nothing here "
    "describes a real local authority.",
    "Reports of this kind are published on the inspectorate\u2019s website. A copy of this "
    "document in another format can be made by running the generator again.",
]

HELP_AND_PROTECTION = [
    "Families who need early help are offered support quickly through locality family hubs. "
    "Early help assessments are thorough and capture what daily life is like for children. "
    "When needs increase, the step up to social care is prompt and well managed, and families "
    "do not have to repeat their stories.",
    "The front door service responds to contacts and referrals without delay. Decisions are made "
    "by experienced managers who apply thresholds consistently. Partners understand when and how "
    "to raise concerns, and consent is sought or dispensed with appropriately. Multi-agency "
    "information sharing is timely and well recorded.",
    "Strategy meetings are held promptly when children may be at risk of significant harm. They "
    "are well attended by police, health and education partners, and the reasons for decisions "
    "are clearly recorded. Child protection enquiries are timely and thorough, and children are "
    "seen alone when it is right to do so.",
    "Children at risk of exploitation are identified early. A dedicated team works with partners "
    "to share intelligence and disrupt the adults who harm children, and the multi-\nagency panel "
    "reviews each child\u2019s plan every month. Young people spoke warmly about the workers who "
    "help them to stay safe.",
    "Assessments are mostly detailed and analytical. Social workers visit children regularly and "
    "use direct work well to understand their wishes and feelings. In a small number of "
    "assessments, the history of the family is not used well enough to understand current risks.",
    "Child protection plans are clear about what needs to change. Core groups meet "
    "reg-\nularly and review progress in detail, and conferences are chaired by independent "
    "officers who know the families well. Over the last year, the number of children subject "
    "to a plan for a second time has fallen.",
    "Disabled children receive a sensitive service from a specialist team. Workers communicate "
    "with children in the ways that suit them best. The team has grown over the last two years, "
    "and the number of qualified social workers in it has risen from 9 to\n12. Caseloads are now "
    "manageable, and managers review each child\u2019s plan regularly.",
    "Children who go missing from home are offered return interviews by workers they know. What "
    "they say is shared with the exploitation team and used to update their plans. Arrangements "
    "for children who are privately fostered, and for those who are homeless at 16 or 17, are "
    "well understood by staff.",
]

CHILDREN_IN_CARE = [
    "Decisions for children to come into care are timely and appropriate. Pre-proceedings work is "
    "tracked carefully, and letters to parents are clear about what must change. However, for "
    "some children, the work before proceedings has gone on for too long without enough progress.",
    "Most children in care live in stable homes, with carers who know them well. Their health "
    "needs are assessed promptly, and they see their social workers regularly. Social workers "
    "know their children well and speak about them with warmth.",
    "Plans for permanence are not consistently progressed. For some children, decisions about "
    "long-term fostering or a return to their families are delayed because reviews do not "
    "challenge drift strongly enough. Independent reviewing officers do not yet escalate "
    "concerns as often as they should.",
    "The virtual school tracks the attendance and progress of children in care closely. Personal "
    "education plans are of a good quality, and the number of children excluded from school has "
    "fallen. Children are helped to take part in activities and hobbies that they enjoy.",
    "There are not enough local homes for children in care. Some older children live too far from "
    "their families, schools and friends. Leaders have started to open two new children\u2019s "
    "homes in the borough, but these are not yet registered.",
    "Life-story work is not yet routinely completed. Children who have been in care for some time "
    "do not always have an account of their history written in a way they can understand.",
]

CARE_LEAVERS = [
    "Care leavers are allocated a personal adviser well before their 18th birthday. Personal "
    "advisers keep in touch with young people often and know them well. Young people told "
    "inspectors that their advisers are reliable and easy to talk to.",
    "Pathway plans are regularly updated, but they are not always written with the young person, "
    "and some do not show clearly what young people want to achieve. Plans for young people in "
    "custody are well coordinated with the youth justice service.",
    "Most care leavers live in suitable accommodation and feel safe where they live. The council "
    "has worked with housing providers to increase the number of supported flats. No care leavers "
    "were living in bed and breakfast accommodation at the time of the inspection.",
    "The proportion of care leavers in education, employment or training is above that of "
    "similar areas. Apprenticeships within the council are ring-fenced for care leavers, and "
    "young people are given practical help with budgeting and with their health.",
]

LEADERS = [
    "The director of children\u2019s services and her senior team have a clear and shared vision "
    "for the service. Since the last inspection, they have stabilised the workforce and reduced "
    "caseloads. The lead member and the chief executive provide strong support and effective "
    "challenge.",
    "Leaders\u2019 self-assessment is accurate. Performance information is detailed and is used "
    "at every level to track the progress of children\u2019s plans. However, leaders have not yet "
    "ensured that this leads to consistently good practice in every team.",
    "The quality assurance framework includes regular audits that involve practitioners and "
    "families. Audits are mostly accurate, but the actions that follow them are not always "
    "completed, so the learning is lost for some children.",
    "Management oversight is visible on most children\u2019s records, but it does not always give "
    "clear direction. Supervision takes place regularly, but it is too often a list of tasks "
    "rather than a reflection on children\u2019s progress.",
    "Social workers are positive about working in Northwick. They describe managers who are "
    "visible and approachable, and a training offer that helps them to develop. The proportion of "
    "agency staff has fallen, and most children have had the same worker for a year or more.",
    "The corporate parenting board is well attended, and elected members listen to children in "
    "care. The children in care council has influenced decisions about the local offer for care "
    "leavers and the design of the new children\u2019s homes.",
    "Partnership working is strong. Leaders in health, police and education share the "
    "council\u2019s priorities and have jointly funded a new team for adolescents at risk. "
    "Leaders know that further work is needed to increase the number of local homes for "
    "children in care.",
]

GRADE_TEXT = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement to be good",
    "inadequate": "Inadequate",
    "adequate": "Adequate",
}


# --------------------------------------------------------------------------------------------
# The three ILACS PDFs.
# --------------------------------------------------------------------------------------------


@dataclass
class PdfFixture:
    pages: list[Page]
    facts: dict[str, Any]


def _title_page_2021(page: Page, title_lines: list[str], dates: str, lead: str) -> None:
    baseline = 118.0
    for line in title_lines:
        page.text(LEFT, baseline, line, 24.0)
        baseline += 30.0
    page.text(LEFT, 190.0, f"Inspection dates: {dates}", 12.0, bold=True)
    page.text(LEFT, 214.0, f"Lead inspector: {lead}", 12.0, bold=True)


def _table(page: Page, rows: list[tuple[list[str], list[str], str]], top: float,
           grade_x: float, divider_x: float) -> tuple[float, dict[str, Any]]:  # fmt: skip
    """Draw a Judgement | Grade table. Each row: label lines, grade lines, grade placement.

    placement: "aligned" (grade line i beside label line i) or "straddle" (two grade lines, the
    first half a line above the one-line label, the second half a line below).
    Returns the y below the table and the baselines used (for the manifest).
    """
    left, right = LEFT - 6, RIGHT
    header_h = 26.0
    page.box(left, top, right - left, header_h, fill=0.88)
    page.box(left, top, right - left, header_h)
    page.text(LEFT, top + 17.5, "Judgement", 12.0, bold=True)
    page.text(grade_x, top + 17.5, "Grade", 12.0, bold=True)
    y = top + header_h
    geometry: dict[str, Any] = {}
    for label_lines, grade_lines, placement in rows:
        row_h = 14.0 * max(len(label_lines), len(grade_lines)) + 16.0
        page.box(left, y, divider_x - left, row_h)
        page.box(divider_x, y, right - divider_x, row_h)
        first = y + 8.0 + BODY_SIZE
        if placement == "straddle":
            assert len(label_lines) == 1 and len(grade_lines) == 2
            first += 7.0
            page.text(LEFT, first, label_lines[0], BODY_SIZE)
            page.text(grade_x, first - 7.0, grade_lines[0], BODY_SIZE)
            page.text(grade_x, first + 7.0, grade_lines[1], BODY_SIZE)
            grade_baselines = [first - 7.0, first + 7.0]
        else:
            for i, text in enumerate(label_lines):
                page.text(LEFT, first + 14.0 * i, text, BODY_SIZE)
            for i, text in enumerate(grade_lines):
                page.text(grade_x, first + 14.0 * i, text, BODY_SIZE)
            grade_baselines = [first + 14.0 * i for i in range(len(grade_lines))]
        geometry[" ".join(label_lines)] = {
            "label_x": LEFT,
            "label_baselines": [first + 14.0 * i for i in range(len(label_lines))],
            "grade_x": grade_x,
            "grade_lines": grade_lines,
            "grade_baselines": grade_baselines,
        }
        y += row_h
    return y, geometry


def _paragraph_facts(flow: Flow, require_break: bool = False) -> dict[str, Any]:
    numbers = [p.number for p in flow.paragraphs]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    across = [
        {"paragraph": p.number, "pages": p.pages, "last_line_before_break": next(
            line.text for line in reversed(p.lines) if line.page == p.pages[0]),
         "first_line_after_break": next(line.text for line in p.lines if line.page == p.pages[1])}
        for p in flow.paragraphs if len(p.pages) > 1
    ]  # fmt: skip
    assert across or not require_break, "a paragraph must continue across a page break"
    return {
        "paragraphs": {"first": numbers[0], "last": numbers[-1]},
        "paragraph_sections": {
            section: [p.number for p in flow.paragraphs if p.section == section]
            for section in dict.fromkeys(p.section for p in flow.paragraphs)
        },
        "paragraphs_across_page_breaks": across,
    }


def _find_line(flow: Flow, predicate: Callable[[str], bool]) -> tuple[int, LineRecord, int]:
    for para in flow.paragraphs:
        for i, line in enumerate(para.lines):
            if predicate(line.text):
                return para.number, line, i
    raise AssertionError("expected line not laid out")


def _section_headings(flow: Flow) -> list[dict[str, Any]]:
    return [{"page": page, "lines": lines} for page, lines in flow.headings]


def make_sample_2023() -> PdfFixture:
    title = "Inspection of Northwick local authority children\u2019s services"
    dates = "4 to 15 September 2023"
    lead = "Miriam Ashcombe"
    pages = [Page()]
    _title_page_2021(pages[0], ["Inspection of Northwick local authority",
                                "children\u2019s services"], dates,
                     f"{lead}, His Majesty\u2019s Inspector")  # fmt: skip
    ri = "Requires improvement to be good"
    bottom, table = _table(pages[0], [
        (["The impact of leaders on social work", "practice with children and families"], [ri],
         "aligned"),
        (["The experiences and progress of", "children who need help and protection"], ["Good"],
         "aligned"),
        (["The experiences and progress of", "children in care"], [ri], "aligned"),
        (["The experiences and progress of care", "leavers"], ["Good"], "aligned"),
        (["Overall effectiveness"], ["Requires improvement", "to be good"], "straddle"),
    ], top=240.0, grade_x=330.0, divider_x=322.0)  # fmt: skip

    flow = Flow(pages, footer_2021(title, dates))
    flow.y = bottom + 30.0
    for text in [
        "Children and families in Northwick now receive help from a service that has changed a "
        "great deal since the last inspection in 2019, when services were judged to be "
        "inadequate. A settled senior leadership team, strong political support and extra "
        "investment have brought more stable social work teams and a sharper focus on "
        "children\u2019s experiences. Leaders know their service well and are candid about what "
        "is still not good enough.",
        "Most children who need help and protection receive a timely and proportionate response. "
        "Children in care live in homes that meet their needs, and many make good progress, but "
        "some wait too long for decisions about where they will grow up. Care leavers are "
        "supported by personal advisers who know them well.",
        "Leaders have credible plans to improve the consistency of practice, but these have not "
        "yet made a difference for every child. Management oversight does not always prevent "
        "drift, and there are still too few local homes for children in care.",
    ]:
        flow.plain(text)
    flow.heading("What needs to improve?")
    items = [
        ("The timeliness of initial assessments for children who need help and protection.", []),
        ("The consistency and impact of management oversight and supervision, so that plans for "
         "children in care progress without drift or delay.", []),
        ("The quality of pathway planning for care leavers, including:",
         ["how young people\u2019s own views and aspirations shape their plans."]),
        ("The sufficiency of local homes for children in care, particularly for older children.",
         []),
    ]  # fmt: skip
    for text, subs in items:
        flow.bullet(text, subs)
    headings = [
        ("The experiences and progress of children who need help and\nprotection: good",
         HELP_AND_PROTECTION, "help_and_protection"),
        ("The experiences and progress of children in care:\nrequires improvement to be good",
         CHILDREN_IN_CARE, "children_in_care"),
        ("The experiences and progress of care leavers: good", CARE_LEAVERS, "care_leavers"),
        ("The impact of leaders on social work practice with children\nand families: requires "
         "improvement to be good", LEADERS, "impact_of_leaders"),
    ]  # fmt: skip
    number = 0
    for heading, paragraphs, key in headings:
        flow.heading(heading)
        flow.section = key
        for text in paragraphs:
            number += 1
            flow.numbered(number, text)
    boilerplate_page(flow, 2023)

    multi_para, multi_line, _ = _find_line(flow, lambda t: t.endswith("multi-"))
    reg_para, reg_line, _ = _find_line(flow, lambda t: t.endswith("reg-"))
    twelve_para, twelve_line, _ = _find_line(flow, lambda t: t.startswith("12. Caseloads"))
    overall = table["Overall effectiveness"]
    facts: dict[str, Any] = {
        "file": "examples/sample-ilacs-report.pdf",
        "format": "pdf",
        "kind": "ilacs",
        "variant": "2023 on: four sub-judgements, footer with title and dates on pages 2 on",
        "title": title,
        "provider": "Northwick",
        "inspection_start": "2023-09-04",
        "inspection_end": "2023-09-15",
        "lead_inspector": lead,
        "judgements": {
            "overall_effectiveness": "requires_improvement",
            "impact_of_leaders": "requires_improvement",
            "help_and_protection": "good",
            "children_in_care": "requires_improvement",
            "care_leavers": "good",
        },
        "recommendations": len(items),
        "recommendations_where": "'What needs to improve?' (4 bullets; item 3 ends with a colon "
                                 "and has 1 sub-item drawn with an en dash, not counted)",
        "recommendation_timescales": None,
        "sub_items": {"3": 1},
        "pages": len(flow.pages),
        "section_headings": _section_headings(flow),
        **_paragraph_facts(flow, require_break=True),
        "table": table,
        "straddle": {
            "row": "Overall effectiveness",
            "label_baseline": overall["label_baselines"][0],
            "grade_line_above": {"text": "Requires improvement",
                                 "baseline": overall["grade_baselines"][0]},
            "grade_line_below": {"text": "to be good", "baseline": overall["grade_baselines"][1]},
        },
        "line_end_hyphen_compound": {"paragraph": multi_para, "page": multi_line.page,
                                     "line_end": "multi-", "next_line_starts": "agency",
                                     "joined": "multi-agency"},
        "dehyphenate": {"paragraph": reg_para, "page": reg_line.page, "line_end": "reg-",
                        "next_line_starts": "ularly", "joined": "regularly",
                        "word_elsewhere_in_document": True},
        "number_at_wrapped_line_start": {"paragraph": twelve_para, "page": twelve_line.page,
                                         "text": "12.", "x": twelve_line.x,
                                         "is_paragraph_number": False},
        "footer": {"pages": f"2-{len(flow.pages)}", "line_1": title,
                   "line_2": f"{dates} + page number at the right of the same line",
                   "baselines": [803.0, 813.0], "page_1_has_footer": False},
        "bullet_glyph": "\u2022 (WinAnsi 0x95); sub-item glyph \u2013 (U+2212 drawn as en dash)",
        "last_line": "\u00a9 Crown copyright 2023",
    }  # fmt: skip
    whole = [p.number for p in flow.paragraphs
             if any("regularly" in line.text for line in p.lines)]  # fmt: skip
    across = facts["paragraphs_across_page_breaks"]
    facts["notes"] = [
        "Page 1: title wrapped over two lines (24 pt, x=57); bold 'Inspection dates:' and "
        "'Lead inspector:' lines; a Judgement | Grade table with labels wrapped over two lines at "
        "x=57 and grades at x=330 on the first label line.",
        f"Straddle: in the 'Overall effectiveness' row the grade line 'Requires improvement' "
        f"(baseline {overall['grade_baselines'][0]:g}) is above the label line (baseline "
        f"{overall['label_baselines'][0]:g}) and 'to be good' (baseline "
        f"{overall['grade_baselines'][1]:g}) below it; pdfplumber's extract_text gives three "
        "lines: grade start / label / grade end.",
        "Page 1 ends with an unheaded three-paragraph summary that mentions the 2019 grade "
        "'inadequate': not a judgement of this report.",
        "'What needs to improve?' (page 2): 4 items, bullet at x=57 and text at x=75; item 2 "
        "wraps; item 3 ends with a colon and has one sub-item (dash at x=75, text at x=90) that "
        "is not counted.",
        "Graded section headings (bold 14 pt) in the order help and protection, children in care, "
        "care leavers, leaders; the grade follows a colon in lower case; in the children in care "
        "heading the grade is alone on the next line.",
        f"Numbered paragraphs 1-{len(flow.paragraphs)}: number at x=57, first and wrapped lines "
        "at x=85.",
        *[f"Paragraph {a['paragraph']} continues from page {a['pages'][0]} to page "
          f"{a['pages'][1]}; the page {a['pages'][0]} footer lies between its halves in reading "
          "order." for a in across],
        f"Paragraph {multi_para} (page {multi_line.page}): a line ends 'multi-' and the next "
        "starts 'agency': a compound, keep the hyphen ('multi-agency'; 'Multi-agency' is also in "
        "paragraph 2).",
        f"Paragraph {reg_para} (page {reg_line.page}): a line ends 'reg-' and the next starts "
        f"'ularly': one word broken by the line end, join as 'regularly' (whole in paragraphs "
        f"{', '.join(str(n) for n in whole if n != reg_para)}).",
        "pypdfium2 returns both line-end hyphens as U+FFFE with the lines joined "
        "('multi\\ufffeagency', 'reg\\ufffeularly'); pdfplumber keeps '-' and the line break.",
        f"Paragraph {twelve_para} (page {twelve_line.page}): a wrapped line at x=85 starts "
        "'12. Caseloads': not a paragraph number.",
        f"Pages 2-{len(flow.pages)} end with a two-line footer (8 pt): the title sentence, then "
        "the dates with the page number at the right of the same line; page 1 has none. The "
        "footer is drawn first, so pypdfium2 returns it at the start of the page text.",
        "The last page is boilerplate ending '\u00a9 Crown copyright 2023'.",
    ]
    return PdfFixture(flow.pages, facts)


def make_ilacs_2018() -> PdfFixture:
    provider = "Northwick City Council"
    lead = "Tobias Wrenfield"
    pages = [Page()]
    page_number_top_right(pages[0], 1)
    page = pages[0]
    page.text(LEFT, 118.0, provider, 24.0)
    page.text(LEFT, 160.0, "Inspection of children\u2019s social care services", 16.0, bold=True)
    page.text(LEFT, 194.0, "Inspection dates: 2 October 2018 to 12 October 2018", 12.0, True)
    label = "Lead inspector: "
    page.text(LEFT, 222.0, label + lead, 12.0, bold=True)
    his_x = LEFT + text_width(label, 12.0, bold=True)
    page.text(his_x, 237.0, "Her Majesty\u2019s Inspector", 12.0, bold=True)
    ri = ["Requires improvement", "to be good"]
    bottom, table = _table(page, [
        (["The impact of leaders on social work practice with children", "and families"],
         ["Good"], "aligned"),
        (["The experiences and progress of children who need help and", "protection"], ri,
         "aligned"),
        (["The experiences and progress of children in care and care", "leavers"], ri,
         "aligned"),
        (["Overall effectiveness"], ri, "aligned"),
    ], top=270.0, grade_x=395.0, divider_x=387.0)  # fmt: skip

    flow = Flow(pages, page_number_top_right, top=80.0, bottom=780.0)
    flow.y = bottom + 30.0
    flow.plain(
        "Services for children in Northwick have improved since the last inspection in 2015, "
        "when they were judged to be inadequate. Senior leaders have a good understanding of "
        "the strengths of the service and of where it needs to improve. Children at immediate "
        "risk of harm are protected, but the quality of assessments and plans for other "
        "children is too variable, and some children in care wait too long for permanence."
    )
    flow.heading("What needs to improve")
    items = [
        "The quality and timeliness of assessments and plans for children in need of help and "
        "protection.",
        "The effectiveness of strategy discussions in sharing information between partners.",
        "The progress of plans for permanence for children in care.",
        "The range and sufficiency of local homes for children in care.",
        "The consistency of management oversight and supervision.",
    ]
    for text in items:
        flow.bullet(text)
    sections = [
        ("The experiences and progress of children who need help and\nprotection requires "
         "improvement to be good", HELP_AND_PROTECTION[:5], "help_and_protection"),
        ("The experiences and progress of children in care and care\nleavers requires "
         "improvement to be good", CHILDREN_IN_CARE[:4] + CARE_LEAVERS[:2],
         "children_in_care_and_care_leavers"),
        ("The impact of leaders on social work practice with children\nand families is good",
         LEADERS[:4], "impact_of_leaders"),
    ]  # fmt: skip
    number = 0
    for heading, paragraphs, key in sections:
        flow.heading(heading)
        flow.section = key
        for text in paragraphs:
            number += 1
            flow.numbered(number, text)
    boilerplate_page(flow, 2018)
    facts: dict[str, Any] = {
        "file": "tests/fixtures/ilacs_2018_synthetic.pdf",
        "format": "pdf",
        "kind": "ilacs",
        "variant": "2018-20: provider line first, three sub-judgements, page numbers only",
        "title": "Inspection of children\u2019s social care services",
        "provider": provider,
        "inspection_start": "2018-10-02",
        "inspection_end": "2018-10-12",
        "lead_inspector": lead,
        "lead_inspector_layout": "'Lead inspector: Tobias Wrenfield' with 'Her Majesty\u2019s "
                                 "Inspector' on the next line, aligned under the name",
        "judgements": {
            "overall_effectiveness": "requires_improvement",
            "impact_of_leaders": "good",
            "help_and_protection": "requires_improvement",
            "children_in_care_and_care_leavers": "requires_improvement",
        },
        "recommendations": len(items),
        "recommendations_where": "'What needs to improve' (no question mark; 5 bullets)",
        "recommendation_timescales": None,
        "sub_items": {},
        "pages": len(flow.pages),
        "section_headings": _section_headings(flow),
        **_paragraph_facts(flow),
        "table": table,
        "furniture": "page number only, top right (x\u2248530, baseline 40) on every page "
                     "including page 1; no footer",
        "bullet_glyph": "\u2022 (WinAnsi 0x95)",
        "last_line": "\u00a9 Crown copyright 2018",
        "notes": [
            "Page 1: the provider line 'Northwick City Council' (24 pt) comes first, then "
            "'Inspection of children\u2019s social care services' (bold 16 pt).",
            f"'Lead inspector: {lead}' with 'Her Majesty\u2019s Inspector' on the next line at "
            f"x={his_x:.1f}, under the name.",
            "Table with wide labels (two lines, x=57) and grades at x=395. 'Requires improvement' "
            "/ 'to be good' wraps over two lines in the grade column: beside the two label lines "
            "in the wrapped rows; in the one-line 'Overall effectiveness' row the first grade line "
            "shares the label's baseline and 'to be good' is on the line below.",
            "The unheaded summary on page 1 mentions the 2015 grade 'inadequate': not a "
            "judgement of this report.",
            "'What needs to improve' (no question mark, page 1): 5 bullets, item 1 wraps.",
            "Section headings are sentences with no colon ('... protection requires improvement "
            "to be good', '... is good'), wrapped over two lines.",
            "Furniture: only a page number at the top right of every page, page 1 included (drawn "
            "first, so pypdfium2 returns it at the start of the page text); no footer.",
            "The last page is boilerplate ending '\u00a9 Crown copyright 2018'.",
        ],
    }  # fmt: skip
    return PdfFixture(flow.pages, facts)


def make_ilacs_2026() -> PdfFixture:
    title = "Inspection of Northwick local authority children\u2019s services"
    dates = "9 to 20 March 2026"
    lead = "Constance Aldridge-Fey"
    pages = [Page()]
    _title_page_2021(pages[0], ["Inspection of Northwick local authority",
                                "children\u2019s services"], dates,
                     f"{lead}, His Majesty\u2019s Inspector")  # fmt: skip
    bottom, table = _table(pages[0], [
        (["The impact of leaders on practice with", "children and families"], ["Good"],
         "aligned"),
        (["The experiences and progress of", "children who need help and protection"], ["Good"],
         "aligned"),
        (["The experiences and progress of", "children in care"], ["Outstanding"], "aligned"),
        (["The experiences and progress of care", "leavers"],
         ["Requires improvement to be good"], "aligned"),
    ], top=240.0, grade_x=330.0, divider_x=322.0)  # fmt: skip

    flow = Flow(pages, footer_2021(title, dates))
    flow.y = bottom + 30.0
    for text in [
        "Children in Northwick benefit from thoughtful and consistent social work. Since the "
        "previous inspection in 2023, when services were judged to require improvement to be "
        "good overall, leaders have strengthened management oversight and have opened two new "
        "children\u2019s homes in the borough.",
        "Children in care are exceptionally well supported and make strong progress. Support for "
        "care leavers is improving but is not yet consistently good, because pathway plans do not "
        "always reflect what young people want for their future.",
    ]:
        flow.plain(text)
    # The heading of the improvement list carries a footnote digit ("improve?1" once extracted).
    flow.gap(16.0)
    heading = "What needs to improve?"
    flow.page.text(LEFT, flow.y, heading, 14.0, bold=True)
    flow.page.text(LEFT + text_width(heading, 14.0, bold=True) + 0.5, flow.y - 5.0, "1", 8.0)
    footnote_page = flow.page_no
    flow.headings.append((flow.page_no, [heading + "1"]))
    flow.gap(14.0 * 1.25 + 6.0)
    flow.page_bottom[footnote_page] = 735.0
    flow.page.text(LEFT, 760.0, "1", 6.5)
    flow.page.text(LEFT + 8.0, 763.0, "Each area for improvement is linked to an outcome in the "
                   "national framework for children\u2019s social care.", 9.0)  # fmt: skip
    items = [
        "The quality of pathway plans, so that they show what each young person wants to "
        "achieve. (Outcome 4, national framework)",
        "The timeliness of return home interviews for children who go missing. (Outcome 3, "
        "national framework)",
        "The recording of management decisions in the front door service. (Outcome 2, national "
        "framework)",
    ]
    for text in items:
        flow.bullet(text)
    sections = [
        ("The experiences and progress of children who need help and\nprotection: good",
         HELP_AND_PROTECTION[:4], "help_and_protection"),
        ("The experiences and progress of children in care: outstanding",
         CHILDREN_IN_CARE[1:2] + CHILDREN_IN_CARE[3:4] + CHILDREN_IN_CARE[:1],
         "children_in_care"),
        ("The experiences and progress of care leavers: requires\nimprovement to be good",
         CARE_LEAVERS[:3], "care_leavers"),
        ("The impact of leaders on practice with children and families:\ngood",
         LEADERS[:1] + LEADERS[4:7], "impact_of_leaders"),
    ]  # fmt: skip
    number = 0
    for section_heading, paragraphs, key in sections:
        flow.heading(section_heading)
        flow.section = key
        for text in paragraphs:
            number += 1
            flow.numbered(number, text)
    boilerplate_page(flow, 2026)
    facts: dict[str, Any] = {
        "file": "tests/fixtures/ilacs_2026_synthetic.pdf",
        "format": "pdf",
        "kind": "ilacs",
        "variant": "2026: four sub-judgements, no overall effectiveness row",
        "title": title,
        "provider": "Northwick",
        "inspection_start": "2026-03-09",
        "inspection_end": "2026-03-20",
        "lead_inspector": lead,
        "judgements": {
            "impact_of_leaders": "good",
            "help_and_protection": "good",
            "children_in_care": "outstanding",
            "care_leavers": "requires_improvement",
        },
        "judgements_absent": ["overall_effectiveness"],
        "recommendations": len(items),
        "recommendations_where": "'What needs to improve?' with a footnote digit glued on "
                                 "(extracts as 'What needs to improve?1'); 3 bullets, each "
                                 "ending '(Outcome N, national framework)'",
        "recommendation_timescales": None,
        "sub_items": {},
        "footnote": {"page": footnote_page, "text": "1 Each area for improvement is linked "
                     "to an outcome in the national framework for children\u2019s social care."},
        "pages": len(flow.pages),
        "section_headings": _section_headings(flow),
        **_paragraph_facts(flow),
        "table": table,
        "footer": {"pages": f"2-{len(flow.pages)}", "line_1": title,
                   "line_2": f"{dates} + page number at the right of the same line",
                   "baselines": [803.0, 813.0], "page_1_has_footer": False},
        "summary_mentions_earlier_grade": "page 1 summary says services were judged to "
                                          "require improvement to be good in 2023",
        "last_line": "\u00a9 Crown copyright 2026",
        "notes": [
            "Table with four rows and NO 'Overall effectiveness' row; the leaders label is 'The "
            "impact of leaders on practice with children and families' (no 'social work'); "
            "children in care and care leavers are separate rows.",
            "The page 1 summary mentions the 2023 grade 'require improvement to be good': not a "
            "judgement of this report.",
            "'What needs to improve?' carries a raised 8 pt footnote digit 0.5 pt after the "
            "question mark, so extractors give 'improve?1'. The footnote itself (a 6.5 pt '1' and "
            f"9 pt text) sits at the foot of page {footnote_page}: not a paragraph or an item.",
            "3 items, each ending '(Outcome N, national framework)' and each wrapping onto a "
            "second line at x=75.",
            "Headings with the grade after a colon; the leaders heading has 'good' alone on its "
            "second line, the care leavers heading splits 'requires' / 'improvement to be good'.",
            f"Pages 2-{len(flow.pages)} carry the two-line footer (title; dates + page number), "
            "page 1 none.",
            "The last page is boilerplate ending '\u00a9 Crown copyright 2026'.",
        ],
    }  # fmt: skip
    return PdfFixture(flow.pages, facts)


# --------------------------------------------------------------------------------------------
# The child-protection text conversion (2012), imitating the artefacts of the Brent file.
# --------------------------------------------------------------------------------------------

CP_SECTION_HELP = (
    "The effectiveness of the help and protection provided to children, young people, families "
    "and carers"
)


class TextDoc:
    """Lines of a text conversion, with bookmarks for the manifest (1-based line numbers)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.marks: dict[str, int] = {}

    def add(self, *lines: str, mark: str | None = None) -> None:
        if mark is not None:
            self.marks[mark] = len(self.lines) + 1
        self.lines.extend(lines)

    def blank(self) -> None:
        self.lines.append("")


def make_brent_like(disagree: bool) -> tuple[str, dict[str, Any]]:
    doc = TextDoc()
    doc.add("", "", "Inspection of local authority arrangements for the protection of children", "",
            "London Borough of Northwick", "", "Inspection dates: 5 March to 14 March 2012", "",
            "Lead inspector Rosalind Thackeray", "", "Age group: All", "", "", "")  # fmt: skip
    doc.add("Contents", "",
            "Inspection of local authority arrangements for the protection of\t",
            "children\t2",
            "The inspection judgements and what they mean\t2",
            "Overall effectiveness\t2",
            "Areas for improvement\t2",
            "About this inspection\t3",
            "Service information\t4",
            "Overall effectiveness\t4",
            f"{CP_SECTION_HELP}\t5",
            "The quality of practice\t7",
            "Leadership and governance\t9",
            "Record of main findings\t11", "")  # fmt: skip
    doc.add("Inspection of local authority arrangements for the protection of children", "",
            "The inspection judgements and what they mean", "")  # fmt: skip
    doc.add("1. Every judgement in this report is made on the following four point scale.", "",
            mark="p1")
    doc.add("Outstanding\ta service that far exceeds minimum requirements\t",
            "Good\ta service that is above minimum requirements\t",
            "Adequate\ta service that meets minimum requirements\t",
            "Inadequate\ta service that falls short of minimum requirements\t", "")  # fmt: skip
    doc.add("Overall effectiveness", "")
    doc.add("2. The overall effectiveness of the arrangements to protect children in Northwick is "
            "judged to be **adequate**.", "", mark="p2")  # fmt: skip
    doc.add("Areas for improvement", "")
    doc.add("3. To improve the help and protection that children and young people in Northwick "
            "receive, the local authority and its partners should take the following action.",
            "", mark="p3")  # fmt: skip
    doc.add("Immediately:", "", mark="immediately")
    doc.add("- review every referral closed by the duty team in the last three months with no "
            "further action, to make sure that each child is safe",
            "- make sure that the police attend strategy discussions and share what they know "
            "about a family on the same day",
            "- ensure that managers record the reasons for their decisions on every referral",
            )  # fmt: skip
    doc.add("- ensure that assessments weigh the history of each family and describe daily "
            "life from the", mark="split_item")  # fmt: skip
    doc.blank()
    doc.add("- child's point of view, and that parents are given copies of assessments and "
            "plans.", mark="split_item_continuation")  # fmt: skip
    doc.blank()
    doc.add("Within three months:", "", mark="three_months")
    doc.add("- ensure that child protection conferences start on time and that reports are "
            "shared with families beforehand",
            "- ensure that core groups review each plan against clear and measurable outcomes",
            "- ensure that supervision records show how managers challenge drift in children's "
            "plans.", "")  # fmt: skip
    doc.add("About this inspection", "")
    doc.add("- 4. The council was not told about this inspection in advance.", mark="p4")
    doc.add("- 5. Inspectors followed the experiences of children through the child protection "
            "system. They read case files, watched social workers and managers at work, and "
            "talked to children, parents, carers and the professionals who help them. They also "
            "studied the council's performance data and audits.",
            "- 6. The inspection looked at how well agencies in Northwick work together to "
            "identify children who are at risk of harm from abuse or neglect, and at the early "
            "help offered to families before problems become serious.")  # fmt: skip
    doc.add("- Three of Her Majesty's Inspectors and a senior social worker on secondment from a "
            "neighbouring council carried out the inspection.", mark="p7_lost")  # fmt: skip
    doc.add("- 8. Inspectors used the powers given to them by section 136 of the Education and "
            "Inspections Act 2006.", "")  # fmt: skip
    doc.add("Service information", "")
    doc.add("9. About 240,000 people live in Northwick, of whom 58,000 are children and young "
            "people. The borough has grown quickly in the last ten years, and almost half of its "
            "pupils speak a language other than English at home. One child in four lives in a "
            "low-income household.", "")  # fmt: skip
    doc.add("- 10. Referrals to children's social care are received by a single duty team and "
            "passed to one of four area social work teams. A separate team works with disabled "
            "children, and an early help service runs from six children's centres.",
            "- 11. The council last had an inspection of its safeguarding services in 2010, when "
            "leaders were asked to improve the quality of assessments and the recording of "
            "management decisions.", "")  # fmt: skip
    doc.add("Overall effectiveness", "")
    doc.add("- 12. The overall effectiveness of the arrangements to protect children in the London "
            "Borough of Northwick is judged to be adequate. Children at immediate risk of harm "
            "are identified quickly and protected. Leaders have a clear vision, and practice has "
            "improved since the last inspection, but the quality of work with families is still "
            "too variable.", mark="p12")  # fmt: skip
    doc.add("- 13. Thresholds for help and protection are understood across the partnership. The "
            "early help offer is growing, and the common assessment framework is used by schools "
            "and health visitors with increasing confidence.",
            "- 14. Elected members take a close interest in child protection. They visit teams, "
            "read audits and question senior officers about the quality of practice. Elected "
            "members meet with")  # fmt: skip
    doc.blank()
    doc.add("senior managers every month to review performance data and the progress of the "
            "improvement plan.", mark="p14_continuation")  # fmt: skip
    doc.blank()
    doc.add("15. Performance management is well established. Managers at every level receive "
            "reliable weekly reports, and the council's own audits find the same strengths and "
            "weaknesses as inspectors did.", "", mark="p15")  # fmt: skip
    doc.add(CP_SECTION_HELP, "")
    doc.add(f"- 16. {CP_SECTION_HELP} is good. Early help is well coordinated, and families are "
            "offered the right support at the right time.", mark="p16")  # fmt: skip
    doc.add("- 17. When concerns about a child increase, cases are stepped up promptly after "
            "careful multi-", mark="p17")  # fmt: skip
    doc.blank()
    doc.add("- agency discussion, and stepped down again when risks have reduced and the family "
            "no longer needs a social worker.", mark="p17_continuation")  # fmt: skip
    doc.add("- 18. The duty team gives partners clear and consistent advice. Decisions on "
            "referrals are made within a day, and children at risk are seen quickly.",
            "- 19. Domestic abuse is recognised as a risk in many families. Staff have been "
            "trained to assess it, and the council funds two specialist workers in the duty "
            "team.",
            "- 20. Children who go missing from home are offered an interview on their return, "
            "and what they say is used to update their plans.", "")  # fmt: skip
    doc.add("The quality of practice", "")
    doc.add("- 21. The quality of practice is adequate. Most referrals are handled promptly and "
            "are risk assessed by experienced managers. However, in too many cases the purpose "
            "of the work that follows a referral is not clear.", mark="p21")  # fmt: skip
    doc.add("- 22. Social workers see children regularly and often see them alone. Most social "
            "workers use direct work well to help children say what life is like for them.")
    doc.add("- Strategy discussions are held promptly, but they are usually between the police "
            "and a team manager only, so what health and education staff know is not always "
            "considered.", mark="p23_lost")  # fmt: skip
    doc.add("- 24. Child protection enquiries are completed within timescales by qualified social "
            "workers. In most cases seen, the", mark="p24")  # fmt: skip
    doc.blank()
    doc.add("- decisions that followed were sound, although a few actions agreed at strategy "
            "meetings were not carried out.", mark="p24_continuation")  # fmt: skip
    doc.add("- The council knows that the quality of 25. management oversight in one area team "
            "has not been good enough and has acted to improve it. A new manager is in post, and "
            "all open cases in the team have been audited.", mark="p25_displaced")  # fmt: skip
    doc.add("- 26. Child protection plans are too long and their outcomes too general. Core "
            "groups meet regularly but do not always check whether the plan is working.", "")
    doc.add("Leadership and governance", "")
    doc.add("- 27. Leadership and governance are adequate. The council's plans for children are "
            "ambitious and are shared by its partners, and budgets for child protection have "
            "been protected.", mark="p27")  # fmt: skip
    doc.add("- 28. The Local Safeguarding Children Board meets its statutory duties. It has a new "
            "independent chair and a shorter business plan.",
            "- 29. Staff speak well of the support and training they receive. Supervision takes "
            "place regularly, although records do not always show how managers challenge drift.",
            "- 30. Lessons from serious case reviews are shared with staff through briefings and "
            "team meetings.",
            "- 31. The workforce strategy has helped to reduce the use of agency social workers, "
            "but it has no action plan against which progress can be measured.", "")  # fmt: skip
    doc.add("Record of main findings", "", mark="table")
    doc.add("Local authority arrangements for the protection of children\t\t\t")
    quality_in_table = "Good" if disagree else "Adequate"
    doc.add("Overall effectiveness\tAdequate\t\t",
            f"{CP_SECTION_HELP}\tGood\t\t")  # fmt: skip
    doc.add(f"The quality of practice\t{quality_in_table}\t\t", mark="quality_row")
    doc.add("Leadership and governance\tAdequate\t\t")
    text = "\n".join(doc.lines)  # like the Brent file: no newline after the last table row

    name = "brent_like.txt" if disagree else "brent_like_consistent.txt"
    m = doc.marks
    facts: dict[str, Any] = {
        "file": f"tests/fixtures/{name}",
        "format": "text",
        "kind": "child_protection_2012",
        "title": "Inspection of local authority arrangements for the protection of children",
        "provider": "London Borough of Northwick",
        "inspection_start": "2012-03-05",
        "inspection_end": "2012-03-14",
        "lead_inspector": "Rosalind Thackeray",
        "judgements": {
            "overall_effectiveness": "adequate",
            "help_and_protection": "good",
            "quality_of_practice": "adequate",
            "leadership_and_governance": "adequate",
        },
        "judgement_sources": {
            "overall_effectiveness": f"paragraph 2 (line {m['p2']}, grade in ** markers) and "
                                     f"paragraph 12 (line {m['p12']})",
            "help_and_protection": f"paragraph 16 (line {m['p16']}) opening sentence",
            "quality_of_practice": f"paragraph 21 (line {m['p21']}) opening sentence",
            "leadership_and_governance": f"paragraph 27 (line {m['p27']}) opening sentence",
        },
        "scale_key": f"paragraph 1 (lines {m['p1']}-{m['p1'] + 6}) names all four grades; "
                     "not a judgement",
        "recommendations": 7,
        "recommendation_timescales": {"Immediately": 4, "Within three months": 3},
        "recommendations_where": f"'Areas for improvement' (paragraph 3, line {m['p3']}): "
                                 f"'Immediately:' (line {m['immediately']}; 4 items, the 4th split "
                                 f"across a page break) + 'Within three months:' (line "
                                 f"{m['three_months']}; 3 items)",
        "split_recommendation": {
            "line": m["split_item"],
            "continuation_line": m["split_item_continuation"],
            "joined_text": "ensure that assessments weigh the history of each family and "
                           "describe daily life from the child's point of view, and that parents "
                           "are given copies of assessments and plans.",
        },
        "paragraphs": {"first": 1, "last": 31},
        "paragraphs_without_bullet": [1, 2, 3, 9, 15],
        "paragraph_sections": [  # in document order; "Overall effectiveness" occurs twice
            ["The inspection judgements and what they mean", [1]],
            ["Overall effectiveness", [2]],
            ["Areas for improvement", [3]],
            ["About this inspection", [4, 5, 6, 7, 8]],
            ["Service information", [9, 10, 11]],
            ["Overall effectiveness", [12, 13, 14, 15]],
            [CP_SECTION_HELP, [16, 17, 18, 19, 20]],
            ["The quality of practice", [21, 22, 23, 24, 25, 26]],
            ["Leadership and governance", [27, 28, 29, 30, 31]],
        ],
        "inferred_paragraph_numbers": [
            {"number": 7, "line": m["p7_lost"], "why": "number lost: '- ' + capitalised sentence "
                                                       "between 6 and 8"},
            {"number": 23, "line": m["p23_lost"], "why": "number lost: '- ' + capitalised "
                                                         "sentence between 22 and 24"},
        ],
        "displaced_paragraph_number": {
            "number": 25, "line": m["p25_displaced"],
            "text_starts": "The council knows that the quality of management oversight",
            "why": "'25.' appears mid-line after 'the quality of'; the line starts '- ' + a "
                   "capitalised sentence",
        },
        "page_break_joins": [
            {"kind": "recommendation", "line": m["split_item"],
             "continuation_line": m["split_item_continuation"],
             "continuation_starts": "- child's point of view"},
            {"kind": "paragraph", "paragraph": 14, "continuation_line": m["p14_continuation"],
             "continuation_starts": "senior managers every month",
             "joined": "Elected members meet with senior managers every month"},
            {"kind": "paragraph", "paragraph": 17, "continuation_line": m["p17_continuation"],
             "continuation_starts": "- agency discussion",
             "joined": "after careful multi-agency discussion"},
            {"kind": "paragraph", "paragraph": 24, "continuation_line": m["p24_continuation"],
             "continuation_starts": "- decisions that followed",
             "joined": "In most cases seen, the decisions that followed were sound"},
        ],
        "main_findings_table": {
            "line": m["table"],
            "rows": {
                "overall_effectiveness": "Adequate",
                "help_and_protection": "Good",
                "quality_of_practice": quality_in_table,
                "leadership_and_governance": "Adequate",
            },
            "disagrees_with_narrative": (
                [{"key": "quality_of_practice", "line": m["quality_row"], "table": "good",
                  "narrative": "adequate"}] if disagree else []
            ),
        },
        "ends_with_newline": False,
        "notes": [
            "Title block: the title phrase, the provider on its own line, 'Inspection dates:', "
            "'Lead inspector' + name with NO colon, 'Age group: All'.",
            "A Contents list whose page numbers follow a tab; its first entry wraps (the first "
            "line ends with a tab, 'children<TAB>2' follows).",
            f"Paragraph 1 (line {m['p1']}) is the four-point scale key: one tab-separated row per "
            "grade, each naming a grade. Skip it when scanning for grades.",
            "Paragraph 2 gives the overall grade in ** bold markers.",
            f"'Areas for improvement' (paragraph 3) ends 'the following action.'; 'Immediately:' "
            f"has 4 '- ' items, the 4th split across a page break (line {m['split_item']} ends "
            f"'from the', a blank line, then line {m['split_item_continuation']} '- child's point "
            "of view...'): one item, not two. 'Within three months:' has 3 items.",
            "Most numbered paragraphs carry a bullet before the number ('- 5.'); paragraphs 1, 2, "
            "3, 9 and 15 do not.",
            f"Paragraphs 7 (line {m['p7_lost']}) and 23 (line {m['p23_lost']}) lost their "
            "numbers: '- ' + a capitalised sentence, numbered neighbours on both sides; infer "
            "7 and 23.",
            f"Paragraph 25 (line {m['p25_displaced']}): the number is displaced into the line: "
            "'- The council knows that the quality of 25. management oversight ...'.",
            f"Page-break joins (a blank line, then a continuation): line {m['split_item']} -> "
            f"{m['split_item_continuation']} ('- ' + lowercase, recommendation); paragraph 14 -> "
            f"line {m['p14_continuation']} (plain lowercase line); paragraph 17 -> line "
            f"{m['p17_continuation']} ('multi-' + '- agency': join as 'multi-agency'); "
            f"paragraph 24 -> line {m['p24_continuation']} ('- ' + lowercase).",
            "Each section opens with a sentence giving its grade: 'Overall effectiveness' (12), "
            "help and protection (16, good), 'The quality of practice' (21, adequate), "
            "'Leadership and governance' (27, adequate).",
            (f"'Record of main findings' (line {m['table']}): tab-separated rows. The 'The "
             f"quality of practice' row (line {m['quality_row']}) says Good but paragraph 21 "
             "says adequate: the cross-check must warn." if disagree else
             f"'Record of main findings' (line {m['table']}): tab-separated rows that all agree "
             "with the narrative: no cross-check warning."),
            "The page breaks of the original show only as blank lines (no form feeds); the file "
            "has no newline after its last line.",
        ],
    }  # fmt: skip
    return text, facts


# --------------------------------------------------------------------------------------------
# Bad inputs.
# --------------------------------------------------------------------------------------------

HTML_NOT_FOUND = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Report not found</title>
</head>
<body>
<header><a href="/">Inspection reports</a></header>
<main>
<h1>Report not found</h1>
<p>The report you asked for could not be found. It may have been moved or withdrawn.</p>
<p><a href="/search">Search for another report</a></p>
</main>
</body>
</html>
"""


def junk_bytes(length: int) -> bytes:
    """Deterministic random-looking bytes (SHA-256 in counter mode), NUL-rich, no PDF header."""
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(b"inspectparse junk %d" % counter).digest()
        counter += 1
    data = bytearray(out[:length])
    for i in range(0, length, 7):
        data[i] = 0
    assert b"%PDF" not in data
    return bytes(data)


def scanned_pages() -> list[Page]:
    pages = []
    for n in range(2):
        page = Page()
        page.box(40, 40, PAGE_W - 80, PAGE_H - 80, fill=0.97)
        for i in range(24):
            width = 380 - (i * 37 + n * 53) % 140
            page.box(LEFT, 110 + i * 26, width, 9, fill=0.3)
        pages.append(page)
    return pages


LATIN1_TEXT = (
    "Inspection of local authority arrangements for the protection of children\n\n"
    "London Borough of Northwick\n\n"
    "Inspection dates: 5 March to 14 March 2012\n\n"
    "2. The council\u2019s early help budget rose to \u00a32.5 million, and the caf\u00e9 at the "
    "family centre is run by care leavers.\n"
)


# --------------------------------------------------------------------------------------------
# Manifest and output.
# --------------------------------------------------------------------------------------------

BAD_EXPECTATIONS = {
    "tests/fixtures/bad/html_saved_as.pdf": ("unsupported_format",
                                             "an HTML 'Report not found' page saved as .pdf"),
    "tests/fixtures/bad/empty.pdf": ("empty_input", "0 bytes"),
    "tests/fixtures/bad/truncated.pdf": ("malformed_pdf",
                                         "the first 40% of ilacs_2018_synthetic.pdf: header and "
                                         "some objects, no xref, no trailer, no %EOF"),
    "tests/fixtures/bad/junk.pdf": ("unsupported_format",
                                    "4096 deterministic random bytes, every 7th byte NUL, no "
                                    "%PDF header"),
    "tests/fixtures/bad/scanned_no_text.pdf": ("no_text_layer",
                                               "a valid 2-page PDF that only fills rectangles: "
                                               "no fonts, no text"),
    "tests/fixtures/bad/no_pages.pdf": ("empty_input",
                                        "a valid PDF whose page tree holds no pages"),
    "tests/fixtures/bad/encrypted.pdf": ("encrypted_pdf",
                                         "Standard security handler, RC4 40-bit (/V 1 /R 2), "
                                         "user password 'secret', owner password "
                                         "'northwick-owner'; pages 1-2 of "
                                         "ilacs_2026_synthetic.pdf"),
    "tests/fixtures/bad/latin1.txt": ("text_decode",
                                      "cp1252 text: 0x92 (apostrophe), 0xA3 (pound), 0xE9 "
                                      "(e acute) are invalid UTF-8; first bad byte at offset "
                                      "{offset}"),
}  # fmt: skip


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _render_entry(entry: dict[str, Any]) -> list[str]:
    out = [f"### `{entry['file']}`", ""]
    judgements = entry["judgements"]
    timescales = entry.get("recommendation_timescales")
    recs = f"{entry['recommendations']}: {entry['recommendations_where']}"
    if timescales:
        recs += " (" + ", ".join(f"{k}: {v}" for k, v in timescales.items()) + ")"
    paragraphs = entry["paragraphs"]
    rows = [
        ("kind", entry["kind"] + (f" ({entry['variant']})" if entry.get("variant") else "")),
        ("provider", entry["provider"]),
        ("inspection dates", f"{entry['inspection_start']} to {entry['inspection_end']}"),
        ("lead inspector", entry["lead_inspector"]),
        ("judgements", "; ".join(f"`{k}`: `{v}`" for k, v in judgements.items())),
        ("recommendations", recs),
        ("paragraphs", f"{paragraphs['first']} to {paragraphs['last']}"),
    ]
    if "pages" in entry:
        rows.append(("pages", str(entry["pages"])))
    out += ["| fact | value |", "|---|---|"]
    out += [f"| {name} | {_cell(value)} |" for name, value in rows]
    out += ["", "Layout and artefacts:", ""]
    out += [f"- {note}" for note in entry["notes"]]
    out.append("")
    return out


def render_readme(entries: list[dict[str, Any]]) -> str:
    out = [
        "# Test fixtures: synthetic reports and bad inputs",
        "",
        "Generated by `scripts/make_fixtures.py` (`make fixtures`): do not edit by hand; change",
        "the script and regenerate. Regenerating gives identical bytes, which",
        "`tests/test_fixtures_deterministic.py` checks.",
        "",
        "Everything here is **invented**: the council (Northwick), the inspectors, the children",
        "and the findings. Only the layout and the template wording (headings, table labels, grade",
        "words, field labels) of real Ofsted reports are imitated; real reports stay in",
        "`../shared/corpus` and are never copied into this repository.",
        "",
        "## Manifest",
        "",
        "The facts below are also in `manifest.json` (a list of objects, one per file, with more",
        "detail: table geometry, section headings, line numbers) for tests to load. Fields follow",
        "`gold.jsonl` in `../shared/corpus/README.md`; grades are the canonical keys.",
        "",
        "Positions are PDF points on an A4 page (595.32 x 841.92) measured from the **top** of the",
        "page. A `baseline` is where text sits; pdfplumber's `top` for a word is",
        f"`baseline - {TOP_FROM_BASELINE:.3f} * font size` (body text is 11 pt, so 8.72 less).",
        "Line numbers in the text fixtures are 1-based. The PDFs use the standard Type1 fonts",
        "Helvetica and Helvetica-Bold (WinAnsiEncoding): bullets extract as U+2022 and the",
        "sub-item dash as U+2013, not the private-use or U+25FC glyphs of real reports.",
        "",
        "## Reports",
        "",
    ]
    bad: list[dict[str, Any]] = []
    for entry in entries:
        if "expect_error" in entry:
            bad.append(entry)
        else:
            out += _render_entry(entry)
    out += [
        "## Bad inputs (`bad/`)",
        "",
        "Each must be refused with a clear message; the code is the `code` of the matching",
        "`inspectparse.errors` class.",
        "",
        "| file | expected error | what it is |",
        "|---|---|---|",
    ]
    for entry in bad:
        what = entry["what"]
        if "user_password" in entry:
            what += f"; with the password it {entry['with_password']}"
        out.append(f"| `{entry['file'].rsplit('/', 1)[-1]}` | `{entry['expect_error']}` | "
                   f"{_cell(what)} |")  # fmt: skip
    out.append("")
    return "\n".join(out)


def build_all() -> dict[str, bytes]:
    """Every output file: repo-relative path -> bytes."""
    files: dict[str, bytes] = {}
    entries: list[dict[str, Any]] = []

    sample = make_sample_2023()
    files[sample.facts["file"]] = build_pdf(sample.pages, name=sample.facts["file"])
    entries.append(sample.facts)
    ilacs_2018 = make_ilacs_2018()
    files[ilacs_2018.facts["file"]] = build_pdf(ilacs_2018.pages, name=ilacs_2018.facts["file"])
    entries.append(ilacs_2018.facts)
    ilacs_2026 = make_ilacs_2026()
    files[ilacs_2026.facts["file"]] = build_pdf(ilacs_2026.pages, name=ilacs_2026.facts["file"])
    entries.append(ilacs_2026.facts)
    for disagree in (True, False):
        text, facts = make_brent_like(disagree)
        files[facts["file"]] = text.encode("utf-8")
        entries.append(facts)

    bad = "tests/fixtures/bad/"
    files[bad + "html_saved_as.pdf"] = HTML_NOT_FOUND.encode("utf-8")
    files[bad + "empty.pdf"] = b""
    whole = files[ilacs_2018.facts["file"]]
    files[bad + "truncated.pdf"] = whole[: len(whole) * 40 // 100]
    files[bad + "junk.pdf"] = junk_bytes(4096)
    files[bad + "scanned_no_text.pdf"] = build_pdf(scanned_pages(), name=bad + "scanned")
    files[bad + "no_pages.pdf"] = build_pdf([], name=bad + "no_pages.pdf")
    files[bad + "encrypted.pdf"] = build_pdf(
        ilacs_2026.pages[:2], name=bad + "encrypted.pdf",
        security=Rc4Security(b"secret", b"northwick-owner"),
    )
    latin1 = LATIN1_TEXT.encode("cp1252")
    files[bad + "latin1.txt"] = latin1
    bad_offset = next(i for i, b in enumerate(latin1) if b > 0x7F)
    for path, (code, what) in BAD_EXPECTATIONS.items():
        entry: dict[str, Any] = {"file": path, "expect_error": code,
                                 "what": what.replace("{offset}", str(bad_offset))}
        if path.endswith("encrypted.pdf"):
            entry["user_password"] = "secret"
            entry["with_password"] = "opens; the text of pages 1-2 of ilacs_2026_synthetic.pdf"
        entries.append(entry)

    files["tests/fixtures/manifest.json"] = (
        json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
    ).encode("utf-8")
    files["tests/fixtures/README.md"] = render_readme(entries).encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", type=Path, default=REPO,
                        help="root to write under (same relative layout); default: the repo")
    args = parser.parse_args(argv)
    for relative, data in build_all().items():
        target = args.out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        print(f"{relative} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
