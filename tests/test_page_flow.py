"""Page breaks that fall elsewhere: a report set otherwise breaks its pages at other lines.

`scripts/substitution.py`'s flow probe puts a page break (with the report's own running
footer and header, and the later pages renumbered) before lines of the body past page 1:
before and inside improvement items and numbered paragraphs. Here it runs on a synthetic
multi-page report in plain pdftotext's shape, where every variant must read as the report
does; and the rules it found wanting are tested on their own. Everything is invented
("Northwick"), never a real report's text.
"""

from __future__ import annotations

import pytest

import inspectparse
from inspectparse.classify.table_rows import rows_by_sentence
from inspectparse.document import Line
from repo_scripts import load_script
from report_parts import SENTENCES, complete
from test_metamorphic import SYNTHETIC

substitution = load_script("substitution")

_FOOTER = (
    "Inspection of Northwick local authority children’s services\n"
    "8 October 2031 – 19 October 2031\n\n{page}\n\n"
)


_ENDINGS = (
    "in each team.",
    "across the whole of the area.",
    "for every child who needs it.",
    "as leaders intend.",
    "whatever the time of day.",
)


def _paragraph(n: int) -> str:
    """Numbered paragraph n: three wrapped lines, unlike any other paragraph's (lines that
    repeat at the top or foot of pages would be running furniture)."""
    first, second = SENTENCES[n % 6], SENTENCES[(n + 1) % 6]
    return (
        f"{n}.\n\nIn part {n} of the service: {first[:-1].lower()},\n"
        f"and so {second[:-1].lower()}\n{_ENDINGS[n % 5]}\n\n"
    )


def _report() -> str:
    """A synthetic ILACS report over five pages, each with the running footer."""
    pages = [
        # The title page and summary table of test_metamorphic's synthetic report.
        SYNTHETIC[: SYNTHETIC.index("What needs to improve?")],
        "What needs to improve?\n"
        "\u25fc The quality of plans for children in care, so that each plan names who will\n"
        "act and by when, and is reviewed whenever a child’s circumstances change.\n"
        "\u25fc The support given to care leavers who live out of the area, including regular\n"
        "contact from their personal adviser and help to find a settled home.\n"
        "\u25fc The timeliness of return interviews for children who go missing from home\n"
        "or from care, and the use made of what children say in them.\n\n"
        + "".join(_paragraph(n) for n in range(1, 4)),
        "".join(_paragraph(n) for n in range(4, 8)),
        "".join(_paragraph(n) for n in range(8, 12)),
        _paragraph(12),
    ]
    return complete(
        "\f".join(page + _FOOTER.format(page=k) for k, page in enumerate(pages, start=1))
    )


def test_a_page_break_anywhere_in_the_body_changes_no_fact() -> None:
    text = _report()
    original, _, title = substitution.record_facts(text)
    assert original["recommendations"] == 3
    assert original["paragraphs"] == (1, 12)
    assert len(original["judgements"]) == 5
    original["_title"] = title
    variants = list(substitution.probe_flow(text, original, "ilacs", ["Northwick"]))
    # Breaks before and inside each item and numbered paragraph (three lines or more down
    # their page), none inside the footers.
    assert len(variants) >= 20
    assert all(v.text.count("\f") == text.count("\f") + 1 for v in variants)
    for variant in variants:
        got, warned, _ = substitution.record_facts(variant.text)
        result = substitution.outcome(variant.expected, got, warned, variant.optional)
        assert result == "predicted", (variant.label, got)


def test_the_flow_probe_renumbers_the_pages_after_its_break() -> None:
    lines = ["Body one.", "Body two.", "Footer", "2", "\fBody three.", "Footer", "3"]
    ends = [3, 6]
    broken = substitution._break_page(lines, 1, ends, ["Footer", "1"], [])
    assert broken == [
        "Body one.",
        "Footer",
        "2",
        "\f",
        "Body two.",
        "Footer",
        "3",
        "\fBody three.",
        "Footer",
        "4",
    ]


def _text_report(body: str) -> inspectparse.Record:
    return inspectparse.extract(body.encode(), input_format="text")


@pytest.mark.parametrize(
    ("foot", "top"),
    [
        # Stopping mid-phrase ("... in order to").
        (
            "The council should commission an independent review of its front door in order to",
            "learn from the cases that inspectors looked at during the visit.",
        ),
        # The next page going on in lower case.
        (
            "The council should make sure that every child in care makes consistently",
            "good progress at school, and close the gap with their classmates.",
        ),
    ],
    ids=["mid-phrase", "lower-case-next"],
)
def test_a_sentence_broken_at_a_page_foot_goes_on_over_the_page(foot: str, top: str) -> None:
    # A paragraph's first line ends its page after a blank line: standing alone between
    # breaks, it would read as a heading if the page's own break were taken for a break in
    # the text.
    body = (
        "Northwick children’s services\n\n"
        "Managers meet every week to look at the work of each team and the plans made.\n\n"
        f"{foot}\n\n"
        "Northwick footer line\n\n2\n\n"
        f"\f{top}\n\n"
        "Leaders have a clear plan for the year ahead and share it with staff.\n\n"
        "Northwick footer line\n\n3\n\n"
        "\fPartners know what the plan asks of them and report on it each quarter.\n\n"
        "Northwick footer line\n\n4\n"
    )
    record = _text_report(body)
    texts = [p.text for p in record.paragraphs]
    assert f"{foot} {top}" in texts, texts
    assert foot not in [s.title for s in record.sections]


def test_a_heading_at_a_page_foot_still_heads_the_next_page() -> None:
    body = (
        "Northwick children’s services\n\n"
        "Managers meet every week to look at the work of each team and the plans made.\n\n"
        "Help for families\n\n"
        "Northwick footer line\n\n2\n\n"
        "\fFamilies get help early from a team that knows the area well.\n\n"
        "Leaders have a clear plan for the year ahead and share it with staff.\n\n"
        "Northwick footer line\n\n3\n\n"
        "\fPartners know what the plan asks of them and report on it each quarter.\n\n"
        "Northwick footer line\n\n4\n"
    )
    record = _text_report(body)
    assert "Help for families" in [s.title for s in record.sections]


def _line(text: str) -> Line:
    return Line(text=text, page=1, index=0)


def test_a_bulleted_line_opens_a_row_of_an_unbulleted_list() -> None:
    # A glyph the text loader joined to a line (its count matched that page's paragraph
    # starts) opens an item, though the line before it was full and ended no row by shape.
    lines = [
        _line("Leaders across the partnership should gather the views of children and their"),
        _line("families so that they can use these views to plan services together."),
        _line("• Leaders across the partnership should use performance data to evaluate"),
        _line("the services they commission jointly for children with SEND."),
    ]
    rows = rows_by_sentence(lines)
    assert [len(row) for row in rows] == [2, 2]
