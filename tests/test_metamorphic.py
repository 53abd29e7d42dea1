"""Metamorphic tests: a report written a little differently reads the same.

`scripts/metamorphic.py` holds meaning-preserving transformations of converted text (lines
wrapped at another width, other dashes and quotes, spacing, ligatures, blank lines, headings
in capitals, ordinal dates). Here they are applied to the repository's synthetic reports (the
fixtures, as reading-order text, and a synthetic letter written below): every scored field
must stay right, with no wrong value or miss left without a review warning on its field.
Everything here is invented ("Northwick"), never a real report's text.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

import inspectparse
from inspectparse.accuracy.measure import compare, facts
from inspectparse.classify.dates import parse_periods, plain_day_numbers
from inspectparse.clean import normalise_text
from repo_scripts import load_script

REPO = Path(__file__).resolve().parent.parent
metamorphic = load_script("metamorphic")
TRANSFORMS = metamorphic.transforms()

FIXTURES = (
    "examples/sample-ilacs-report.pdf",
    "tests/fixtures/ilacs_2018_synthetic.pdf",
    "tests/fixtures/ilacs_2026_synthetic.pdf",
    "tests/fixtures/brent_like.txt",
    "tests/fixtures/brent_like_consistent.txt",
)

# A synthetic ILACS report whose list has items ending "by:" with en-dash sub-items, whose
# last paragraph is followed by Ofsted's back page, and with enough wrapped body text for
# re-wrapping to move its line ends.
_BODY_LINE = "Social workers in Northwick visit children often and write down what they say, and"
_BODY_LINE_2 = "managers check the quality of the work they do and act quickly when"
SYNTHETIC = (
    "Inspection of Northwick local authority children’s services\n"
    "Inspection dates: 8 October 2031 – 19 October 2031\n"
    "Lead inspector: Ada Quill, His Majesty’s Inspector\n\n"
    "Judgement\nGrade\n\n"
    "The impact of leaders on social work practice with children and families\n\nGood\n\n"
    "The experiences and progress of children who need help and protection\n\nGood\n\n"
    "The experiences and progress of children in care\n\nGood\n\n"
    "The experiences and progress of care leavers\n\nGood\n\n"
    "Overall effectiveness\n\nGood\n\n"
    "What needs to improve?\n"
    "\u25fc The quality of plans for children in care, by:\n"
    "– making sure that plans name who will act and when they will\n"
    "act\n"
    "– reviewing plans when a child’s circumstances change.\n"
    "\u25fc The support given to care leavers who live out of the area, by:\n"
    "– keeping in touch with each of them at least once a month.\n"
    "\u25fc The timeliness of return interviews for children who go missing.\n\n"
    "The experiences and progress of children who need help and protection: good\n"
    + "".join(
        f"{n}.\n\n{_BODY_LINE}\n{_BODY_LINE_2}\nit falls short in part {n} of the service.\n\n"
        for n in range(1, 9)
    )
    + "\fThe Office for Standards in Education, Children’s Services and Skills (Ofsted)\n"
    "regulates and inspects to achieve excellence in the care of children and young people.\n"
    "© Crown copyright 2031\n"
)
SYNTHETIC_GOLD: dict[str, Any] = {
    "file": "synthetic",
    "kind": "ilacs",
    "provider": "Northwick",
    "inspection_start": "2031-10-08",
    "inspection_end": "2031-10-19",
    "lead_inspector": "Ada Quill",
    "judgements": {
        "impact_of_leaders": "good",
        "help_and_protection": "good",
        "children_in_care": "good",
        "care_leavers": "good",
        "overall_effectiveness": "good",
    },
    "recommendations": 3,
    "paragraphs": {"first": 1, "last": 8},
}

# A synthetic joint targeted area inspection letter: its dates in a sentence, a letter date.
LETTER = (
    "14 November 2031\n\n"
    "Ms Ada Example\nDirector of Children’s Services, Northwick\n\n"
    "Dear Ms Example\n\n"
    "Joint targeted area inspection of the multi-agency response to children living with\n"
    "neglect in Northwick\n\n"
    "Between 8 October 2031 and 12 October 2031, Ofsted, the Care Quality Commission and His\n"
    "Majesty’s Inspectorate of Constabulary carried out a joint inspection of the response\n"
    "to children living with neglect in Northwick.\n\n"
    "Headline findings\n"
    "Children in Northwick who live with neglect get help early from partners who work\n"
    "well together and who share what they know about each child and their family.\n\n"
    "Areas for improvement\n"
    "\u25fc The timeliness of health assessments for children who live with neglect.\n"
    "\u25fc The quality of referrals that partners make to children’s social care.\n\n"
    "Yours sincerely\n"
)
LETTER_GOLD: dict[str, Any] = {
    "file": "letter",
    "kind": "jtai",
    "provider": "Northwick",
    "inspection_start": "2031-10-08",
    "inspection_end": "2031-10-12",
    "lead_inspector": None,
    "judgements": {},
    "recommendations": 2,
    "paragraphs": None,
}
# A synthetic SIF report in plain pdftotext's order: the headline wraps before its grade and
# the summary table's labels and grades come as separate runs of lines.
_SIF_BODY = (
    "Managers in Northwick check the quality of the work with families every month, and they\n"
    "act quickly when it falls short. Caseloads are kept within agreed limits so that social\n"
    "workers have the time they need to see children and to write down what children say.\n"
)
SIF = (
    "Northwick Borough Council\n"
    "Inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "Inspection date: 4 June 2031–28 June 2031\n"
    "Report published: 17 August 2031\n\n"
    "Children’s services in Northwick require improvement to be\n"
    "good\n\n"
    "1. Children who need help and protection\n\nRequires improvement\n\n"
    "2. Children looked after and achieving\npermanence\n\nRequires improvement\n\n"
    "2.1 Adoption performance\n\nGood\n\n"
    "2.2 Experiences and progress of care leavers\n\nRequires improvement\n\n"
    "3. Leadership, management and governance\n\nRequires improvement\n\n"
    "\fExecutive summary\n" + (_SIF_BODY + "\n") * 6 + "\nLead inspector: Ada Example\n"
)
SIF_GOLD: dict[str, Any] = {
    "file": "sif",
    "kind": "sif",
    "provider": "Northwick Borough Council",
    "inspection_start": "2031-06-04",
    "inspection_end": "2031-06-28",
    "lead_inspector": "Ada Example",
    "judgements": {
        "overall_effectiveness": "requires_improvement",
        "help_and_protection": "requires_improvement",
        "children_looked_after": "requires_improvement",
        "adoption_performance": "good",
        "care_leavers": "requires_improvement",
        "leadership_management_governance": "requires_improvement",
    },
    "recommendations": None,
    "paragraphs": None,
}
SYNTHETIC_SOURCES = {
    "synthetic": (SYNTHETIC, SYNTHETIC_GOLD),
    "letter": (LETTER, LETTER_GOLD),
    "sif": (SIF, SIF_GOLD),
}


def _pdf_text(path: Path) -> str:
    """A PDF as reading-order text with form feeds between pages (as plain pdftotext)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\f".join(
            doc[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(doc))
        )
    finally:
        doc.close()


@cache
def _source(name: str) -> tuple[str, dict[str, Any]]:
    """The text and the gold facts of a fixture (from its manifest) or of the synthetic text."""
    if name in SYNTHETIC_SOURCES:
        return SYNTHETIC_SOURCES[name]
    manifest = json.loads((REPO / "tests/fixtures/manifest.json").read_text(encoding="utf-8"))
    gold = next(entry for entry in manifest if entry["file"] == name)
    gold = {"paragraphs": None, **gold}
    path = REPO / name
    text = _pdf_text(path) if name.endswith(".pdf") else path.read_text(encoding="utf-8")
    return text, gold


def _record(text: str) -> dict[str, Any]:
    record = inspectparse.extract(text.encode("utf-8"), input_format="text")
    return json.loads(record.model_dump_json())  # type: ignore[no-any-return]


def _scored(record: dict[str, Any]) -> dict[str, Any]:
    """The facts the engines must agree on, with every paragraph number and each item's
    sub-item count (a transform may change how the text is read, not what it says)."""
    scored = facts(record)
    del scored["text_layout"]
    scored["sub_items"] = [len(r["sub_items"]) for r in record["recommendations"]]
    scored["paragraphs"] = [p["number"] for p in record["paragraphs"] if p["number"] is not None]
    return scored


@pytest.mark.parametrize("name", [*FIXTURES, *SYNTHETIC_SOURCES])
def test_the_untransformed_text_reads_right(name: str) -> None:
    text, gold = _source(name)
    result = compare(gold, _record(text))
    assert result.failures == []


# The transformations that change each source (one that changes nothing proves nothing).
CASES = [
    pytest.param(name, transform, id=f"{Path(name).stem}-{transform}")
    for name in [*FIXTURES, *SYNTHETIC_SOURCES]
    for transform in TRANSFORMS
    # The sources are reading-order text, as plain pdftotext writes it.
    if metamorphic.applies(transform, "pdftotext")
    and TRANSFORMS[transform](_source(name)[0]) != _source(name)[0]
]


@pytest.mark.parametrize(("name", "transform"), CASES)
def test_a_transformed_report_reads_the_same(name: str, transform: str) -> None:
    text, gold = _source(name)
    original = _record(text)
    variant = _record(TRANSFORMS[transform](text))
    result = compare(gold, variant)
    assert result.failures == []
    assert _scored(variant) == _scored(original)


def test_every_transformation_is_tried_on_some_source() -> None:
    # Every transformation a reading-order writer's text can have (the sources' shape).
    tried = {case.values[1] for case in CASES}
    assert tried == {t for t in TRANSFORMS if metamorphic.applies(t, "pdftotext")}
    assert "browser-print" in tried


def test_ordinal_day_numbers_read_as_days() -> None:
    assert plain_day_numbers("Between 8th October 2031 and 12th October 2031") == (
        "Between 8 October 2031 and 12 October 2031"
    )
    assert plain_day_numbers("on the 15th and 16th of May 2031") == "on the 15 and 16 of May 2031"
    assert plain_day_numbers("the 4th floor and the 21st century") == (
        "the 4th floor and the 21st century"
    )
    assert [tuple(str(d) for d in p) for p in parse_periods("1st - 3rd March 2031")] == [
        ("2031-03-01", "2031-03-03")
    ]


def test_runs_of_spaces_between_words_read_as_one() -> None:
    text = "Children’s  Services and   Skills\t2"
    assert normalise_text(text) == "Children’s Services and Skills\t2"
    assert normalise_text("10.\tManagers check the work.") == "10. Managers check the work."
    assert normalise_text("1.\tIntroduction\t3") == "1.\tIntroduction\t3"


def test_ascii_dash_sub_items_under_an_item_ending_in_a_colon_are_its_sub_items() -> None:
    record = _record(SYNTHETIC.replace("–", "-"))
    assert [len(r["sub_items"]) for r in record["recommendations"]] == [2, 1, 0]


def test_lower_case_dash_items_after_a_break_are_items_unless_cut_mid_phrase() -> None:
    """Bullets written as "- " (an ASCII converter): in a list whose items open in lower case,
    a "- " line after a blank line or a page break is the next item; one after an item cut
    mid-phrase ("... from the") is its rest, as a page break leaves it."""
    items = (
        "- the identification of risk to children who live with neglect over a long\n"
        "time\n\n"
        "- the timeliness of plans for children in care\n\n"
        "- the quality of supervision for staff who work with families in the\n"
        "\f- evenings and at weekends\n\n"
        "- the sufficiency of local homes for children in care\n"
    )
    start = SYNTHETIC.index("What needs to improve?")
    end = SYNTHETIC.index("The experiences", start)
    text = SYNTHETIC[:start] + "What needs to improve:\n" + items + "\n" + SYNTHETIC[end:]
    record = _record(text)
    assert [r["text"].split()[1] for r in record["recommendations"]] == [
        "identification",
        "timeliness",
        "quality",
        "sufficiency",
    ]
    assert record["recommendations"][2]["text"].endswith("in the evenings and at weekends")


def test_a_page_number_between_a_paragraph_number_and_its_text_is_stepped_over() -> None:
    """Plain pdftotext can set a page's number after the paragraph number that opens the page
    ("5." / "2" / "Social workers ..."); without form feeds the page number stays in the
    body, between the number and its text."""
    paged = SYNTHETIC.replace("\n5.\n\n", "\n\f5.\n2\n", 1)
    for text in (paged, TRANSFORMS["no-page-breaks"](paged)):
        record = _record(text)
        numbers = [p["number"] for p in record["paragraphs"] if p["number"] is not None]
        assert numbers == list(range(1, 9))
        fifth = next(p for p in record["paragraphs"] if p["number"] == 5)
        assert fifth["text"].startswith("Social workers in Northwick")
