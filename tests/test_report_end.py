"""A report whose end is missing (a text cut short, a PDF without its last pages) says so on
the fields that may be short, instead of giving short counts silently (synthetic text only)."""

from __future__ import annotations

import datetime as dt

import inspectparse
from inspectparse.classify.checks import ENDING_WINDOW_LINES, ending_checks
from inspectparse.document import Document, Line, Page
from inspectparse.profiles import Profile, get
from inspectparse.record import Record

_BACK_PAGE = [
    "If you would like a copy of this document in a different format, such as large print,",
    "please telephone the number below.",
    "You may reuse this publication free of charge under the terms of the Open Government",
    "Licence.",
    "\u00a9 Crown copyright 2031",
]

_FINDINGS = [
    f"{n}. Invented finding {n}: leaders in the Northwick area know their services well and "
    "check how each team works with families."
    for n in range(1, 13)
]


def _ilacs(*, back_page: bool, findings: int = 12) -> str:
    lines = [
        "Northwick City Council",
        "Inspection of children's social care services",
        "",
        "Inspection dates: 2 to 13 June 2031",
        "",
        "Lead inspector: Ada Example",
        "",
        "Judgement\tGrade",
        "The impact of leaders on social work practice with children and families\tGood",
        "The experiences and progress of children who need help and protection\tGood",
        "The experiences and progress of children in care and care leavers\tGood",
        "Overall effectiveness\tGood",
        "",
        "What needs to improve in this local authority?",
        "",
        "- Invented improvement: plans for care leavers are reviewed on time.",
        "",
        *_FINDINGS[:findings],
        "",
    ]
    return "\n".join(lines + (_BACK_PAGE if back_page else [])) + "\n"


def _letter(closing: list[str]) -> str:
    lines = [
        "1 July 2031",
        "",
        "Focused visit to Northwick City Council children's services",
        "",
        "This letter summarises the findings of the focused visit to Northwick children's "
        "services on 10 and 11 June 2031. Ada Example, His Majesty's Inspector, was the lead "
        "inspector.",
        "",
        "What needs to improve in this area of social care practice",
        "",
        "- Invented improvement: assessments say what each child needs.",
        "",
        *_FINDINGS[:6],
        "",
    ]
    return "\n".join(lines + closing) + "\n"


def _extract(text: str) -> Record:
    return inspectparse.extract(text.encode(), input_format="text")


def _end_fields(record: Record) -> set[str]:
    return {w.field for w in record.warnings if w.code == "report_end_missing"}


def test_a_complete_report_ending_with_the_back_page_has_no_warning() -> None:
    record = _extract(_ilacs(back_page=True))
    assert record.report.kind == "ilacs"
    assert _end_fields(record) == set()


def test_a_report_cut_before_its_back_page_flags_lists_and_paragraphs() -> None:
    record = _extract(_ilacs(back_page=False, findings=6))
    assert _end_fields(record) == {"recommendations", "paragraphs"}
    assert record.needs_review
    assert all(
        w.severity == "review" for w in record.warnings if w.code == "report_end_missing"
    )


def test_the_ending_must_be_among_the_last_lines_not_anywhere() -> None:
    # The back page's words early in the text (a quoted licence line) do not make it complete.
    text = _ilacs(back_page=False).replace(
        "Lead inspector: Ada Example\n",
        "Lead inspector: Ada Example\n\u00a9 Crown copyright 2031\n",
    )
    padding = "\n".join(
        f"Invented closing line {k} about the council's plans for its services."
        for k in range(ENDING_WINDOW_LINES)
    )
    record = _extract(text + padding + "\n")
    assert "recommendations" in _end_fields(record)


def test_a_letter_ends_with_its_sign_off_or_the_signatory_s_rank() -> None:
    signed = _extract(_letter(["Yours sincerely", "", "Ada Example", "His Majesty's Inspector"]))
    assert signed.report.kind == "ilacs_focused_visit"
    assert _end_fields(signed) == set()
    # The sign-off drawn as an image: the name and rank on their own lines end it.
    ranked = _extract(_letter(["Ada Example", "Her Majesty's Inspector"]))
    assert _end_fields(ranked) == set()
    cut = _extract(_letter([]))
    assert _end_fields(cut) == {"recommendations", "paragraphs"}


def _profile(kind: str) -> Profile:
    profile = get(kind)
    assert profile is not None, kind
    return profile


def _document(lines: list[str]) -> Document:
    return Document(
        pages=[Page(number=1, lines=[Line(t, 1, k) for k, t in enumerate(lines)])],
        format="text",
        engine="text",
    )


def test_an_optional_judgement_may_be_on_the_missing_pages() -> None:
    sif = _profile("sif")
    optional = {spec.key for spec in sif.judgements if not spec.required}
    assert optional  # the LSCB review's judgement: only some SIF reports include it
    cut = ending_checks(sif, _document(["Invented body text."]), graded=set())
    assert {n.field for n in cut} >= {f"judgements.{key}" for key in optional}
    graded = ending_checks(sif, _document(["Invented body text."]), graded=optional)
    assert not any(n.field and n.field.startswith("judgements.") for n in graded)
    complete = ending_checks(sif, _document(["Invented body text.", *_BACK_PAGE]), set())
    assert complete == []


def test_a_framework_without_a_known_ending_is_not_checked() -> None:
    jar = _profile("joint_area_review")
    assert jar.endings == ()
    assert ending_checks(jar, _document(["Invented body text."]), set()) == []


def test_the_kinds_that_end_with_their_summary_table_are_complete_there() -> None:
    lines = ["Invented body text.", "Record of main findings", "Overall effectiveness\tAdequate"]
    for kind in ("child_protection_2012", "looked_after_children_2012"):
        assert ending_checks(_profile(kind), _document(lines), set()) == [], kind
    assert ending_checks(_profile("ilacs"), _document(lines), set()) != []


def test_dates_in_the_synthetic_texts_are_plausible() -> None:
    # Guards the fixtures above: a dates warning would hide what these tests look at.
    record = _extract(_ilacs(back_page=True))
    assert record.report.inspection_start == dt.date(2031, 6, 2)
    assert not [w for w in record.warnings if w.field.startswith("report.inspection")]
