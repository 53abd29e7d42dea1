"""Framework profiles on small synthetic texts: detection never guesses, letters, outcomes."""

from __future__ import annotations

import datetime as dt

import inspectparse
from conftest import README_KINDS
from inspectparse.profiles import known_headings, profiles

FOCUSED_VISIT = """\
14 March 2019

Ms A Example
Director of Children's Services
Northwick Council

Dear Ms Example

Focused visit to Northwick children’s services

This letter summarises the findings of a focused visit to Northwick children’s services
on 5 and 6 February. The inspectors were Jo Bloggs HMI and Sam Smith HMI.

Overview

Practice is improving. In 2017 services were judged to be good, and leaders say the
service remains good.

What needs to improve in this area of social work practice

• The quality of plans for children in need.
• The timeliness of strategy discussions.

Findings

• Thresholds are well understood.

Yours sincerely

Jo Bloggs (Lead Inspector)
Her Majesty’s Inspector
"""

AREA_SEND = """\
Local area partnership report

Area SEND inspection of Northwick Local Area Partnership

Inspection dates: 3 to 7 June 2024
Dates of previous inspection: 1 to 5 May 2019

Inspection outcome

The local area partnership’s arrangements typically lead to positive experiences and
outcomes for children and young people with special educational needs and/or
disabilities (SEND).

Areas for improvement

Leaders should improve the timeliness of assessments.
Leaders should strengthen the way they gather the views of families.
"""


def test_focused_visit_letter_is_ungraded_with_year_from_letter_date() -> None:
    record = inspectparse.extract(FOCUSED_VISIT.encode())
    rep = record.report
    assert rep.kind == "ilacs_focused_visit"
    assert rep.provider == "Northwick"
    # The visit dates print no year: it comes from the letter's date (14 March 2019).
    assert (rep.inspection_start, rep.inspection_end) == (dt.date(2019, 2, 5), dt.date(2019, 2, 6))
    assert rep.letter_date == dt.date(2019, 3, 14)
    # Only an explicit lead label counts; here the signatory is marked as the lead.
    assert rep.lead_inspector == "Jo Bloggs"
    # "good" in the prose of an ungraded letter is never a judgement.
    assert record.judgements == []
    assert [r.text for r in record.recommendations] == [
        "The quality of plans for children in need.",
        "The timeliness of strategy discussions.",
    ]


def test_letter_without_lead_label_has_no_lead() -> None:
    text = FOCUSED_VISIT.replace("Jo Bloggs (Lead Inspector)", "Jo Bloggs")
    record = inspectparse.extract(text.encode())
    assert record.report.lead_inspector is None
    assert not [w for w in record.warnings if "lead" in w.code]


def test_area_send_outcome_and_unbulleted_items() -> None:
    record = inspectparse.extract(AREA_SEND.encode())
    assert record.report.kind == "area_send"
    assert record.report.provider == "Northwick Local Area Partnership"
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2024, 6, 3),
        dt.date(2024, 6, 7),
    )
    assert record.grades == {"area_send_outcome": "positive"}
    assert len(record.recommendations) == 2
    assert all(r.actor == "Leaders" for r in record.recommendations)


def test_unknown_kind_gets_structure_and_no_grades() -> None:
    text = "A review of something\n\n1. The service is good.\n2. It is outstanding.\n" + "".join(
        f"{n}. Paragraph {n}.\n" for n in range(3, 8)
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "unknown"
    assert record.judgements == []
    assert [p.number for p in record.paragraphs if p.number] == list(range(1, 8))
    assert any(w.code == "kind_unknown" for w in record.warnings)


def test_every_profile_is_declarative_and_consistent() -> None:
    kinds = [p.kind for p in profiles()]
    assert len(kinds) == len(set(kinds))
    assert set(kinds) == README_KINDS
    for profile in profiles():
        assert profile.title_patterns
        if not profile.graded:
            assert profile.judgements == ()
        for spec in profile.judgements:
            assert spec.label or spec.sentences, spec.key
    assert known_headings()


def test_requires_improvement_wording_variants() -> None:
    base = (
        "Northwick Council\nInspection of services for children in need of help and protection, "
        "children looked after and care leavers\nInspection date: 1 June 2014 – 20 June 2014\n\n"
        "{sentence}\n\n"
    )
    for sentence, grade in [
        ("The overall judgement is requires improvement", "requires_improvement"),
        (
            "The overall judgement is that children’s services require improvement",
            "requires_improvement",
        ),
        ("Children’s services in Northwick are inadequate", "inadequate"),
        ("Children’s services require improvement to be good", "requires_improvement"),
    ]:
        record = inspectparse.extract(base.format(sentence=sentence).encode())
        assert record.report.kind == "sif"
        assert record.grades.get("overall_effectiveness") == grade, sentence


def test_sif_graded_judgement_read_as_is_that_it_requires_improvement() -> None:
    text = (
        "Northwick Council\nInspection of services for children in need of help and protection, "
        "children looked after and care leavers\nInspection date: 1 June 2014 – 20 June 2014\n\n"
        "The graded judgement about the experience and progress of care leavers\n"
        "is that it requires improvement\n\n"
        "The graded judgement for adoption performance is that it is good\n\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.grades.get("care_leavers") == "requires_improvement"
    assert record.grades.get("adoption_performance") == "good"


def test_focused_visit_to_a_trust() -> None:
    text = FOCUSED_VISIT.replace(
        "Focused visit to Northwick children’s services",
        "Focused visit to Northwick Children’s Trust",
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs_focused_visit"
    assert record.report.provider == "Northwick Children's Trust"


JOINT_AREA_REVIEW = """\
Inspection of progress made in the provision of safeguarding services in Northwick

Published: 3 March 2009
Reference no: 999999

Care Quality Commission, HMI Constabulary and Ofsted

Introduction

1. This inspection looked at the progress made since the joint area review.
2. Inspectors judged that good progress had been made in several areas.

Priorities for further improvement

3. The partnership should address the following priorities.

\u0083 Improve the timeliness of initial assessments.
\u0083 Ensure that child protection plans are specific.

4. Progress on the remaining areas is adequate.
5. Further work is needed.
"""


def test_joint_area_review_is_ungraded_with_c1_bullets() -> None:
    record = inspectparse.extract(JOINT_AREA_REVIEW.encode())
    rep = record.report
    assert rep.kind == "joint_area_review"
    assert rep.provider == "Northwick"
    assert rep.inspection_start is None and rep.lead_inspector is None
    assert rep.published == dt.date(2009, 3, 3)
    # "good progress" and "adequate" in prose are descriptions, never grades.
    assert record.judgements == []
    assert [r.text for r in record.recommendations] == [
        "Improve the timeliness of initial assessments.",
        "Ensure that child protection plans are specific.",
    ]
    assert [p.number for p in record.paragraphs if p.number] == [1, 2, 3, 4, 5]
    # No dates are printed in this framework: not a warning.
    assert not [w for w in record.warnings if w.code == "dates_missing"]
