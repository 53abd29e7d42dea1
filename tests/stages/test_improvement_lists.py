"""Improvement lists by layout class, on hand-built pages (synthetic wording, never a report's)."""

from __future__ import annotations

from inspectparse.classify.findings import RecommendationFinding
from inspectparse.classify.list_lines import says_list_is_empty
from inspectparse.classify.recommendations import extract_recommendations
from inspectparse.clean import clean
from inspectparse.document import Document, Line, Page
from inspectparse.profiles import get
from inspectparse.segment import segment

# (text, x0, bold) rows, or (text, x0, bold, x1) for a line whose width is given; a None row
# leaves a padded gap (a table row's padding or a blank). A text starting with "|" is a cell on
# the row of the line before.
Row = tuple[str, float, bool] | tuple[str, float, bool, float] | None


def _pages(*pages: list[Row], pitch: float = 14.5, pad: float = 21.0) -> Document:
    out = []
    for number, rows in enumerate(pages, start=1):
        lines: list[Line] = []
        top = 80.0
        for row in rows:
            if row is None:
                top += pad - pitch
                continue
            text, x0, bold = row[:3]
            level = text.startswith("|")
            if level:
                text, top = text[1:], top - pitch
            gap = lines[-1].gap_before if level else bool(lines) and top - lines[-1].top > pitch + 1
            lines.append(
                Line(
                    text=text,
                    page=number,
                    index=len(lines),
                    x0=x0,
                    x1=row[3] if len(row) == 4 else x0 + 5.4 * len(text),
                    top=top,
                    bottom=top + 10,
                    size=10,
                    bold=bold,
                    gap_before=gap,
                )
            )
            top += pitch
        out.append(Page(number=number, lines=lines, width=595.0, height=842.0))
    return Document(pages=out, format="pdf", engine="test")


def _items(kind: str, doc: Document) -> list[RecommendationFinding]:
    profile = get(kind)
    assert profile is not None
    return extract_recommendations(segment(clean(doc)), profile)


def test_empty_list_sentences_are_not_items() -> None:
    assert says_list_is_empty("There are no areas of priority action.")
    assert says_list_is_empty("No areas were identified for immediate improvement.")
    assert says_list_is_empty("The inspection did not find any areas for priority action.")
    assert not says_list_is_empty("There is no shared widget register across teams.")
    assert not says_list_is_empty("Ensure that there are no delays in gadget reviews.")


def test_sif_2014_colon_headings_topic_subheadings_and_none_sentence() -> None:
    rows: list[Row] = [
        ("What does the local authority need to improve?", 70, True),
        ("Priority and immediate action:", 70, True),
        ("1. There are no areas of priority action.", 70, False),
        ("Areas for improvement:", 70, True),
        ("Leadership and management", 70, False),  # a known heading elsewhere, not bold here
        ("2. Improve the widget register so that it is kept up to date.", 70, False),
        ("3. Ensure that gadget audits are completed every quarter.", 70, False),
        ("Care leavers", 70, False),
        ("4. Ensure that every sprocket plan is reviewed on time.", 70, False),
        ("5. Strengthen the oversight of cog panels by senior leaders.", 70, False),
        ("Information about this inspection", 70, True),
        ("6. Inspectors looked at widgets.", 70, False),
    ]
    doc = _pages([r for row in rows for r in (None, row)])
    items = _items("sif", doc)
    assert [i.number for i in items] == [2, 3, 4, 5]
    assert {i.kind for i in items} == {"improvement"}


def test_sif_lscb_priority_actions_heading() -> None:
    doc = _pages(
        [
            ("1. The widget board is adequate.", 70, False),
            ("2. The gadget board meets often.", 70, False),
            ("Priority actions", 70, True),
            ("3. Ensure that the widget board sets clear sprocket priorities.", 70, False),
            ("Areas for improvement", 70, True),
            ("4. Improve the cog dataset used by the board.", 70, False),
            ("Information about this inspection", 70, True),
            ("5. Inspectors looked at widgets.", 70, False),
        ]
    )
    assert [(i.kind, i.number) for i in _items("sif", doc)] == [
        ("priority_action", 3),
        ("improvement", 4),
    ]


def test_focused_visit_colon_heading_variants() -> None:
    doc = _pages(
        [
            ("Areas for priority action:", 70, True),
            ("The local authority needs to act on these widget weaknesses:", 70, False),
            ("• The quality of sprocket plans for a few children.", 70, False),
            ("Areas for improvement:", 70, True),
            ("• The timeliness of gadget checks.", 70, False),
            ("Main findings", 70, True),
            ("• Widgets are generally well kept.", 70, False),
        ]
    )
    assert [i.kind for i in _items("ilacs_focused_visit", doc)] == [
        "priority_action",
        "improvement",
    ]


def test_themed_strengths_heading_ends_a_list() -> None:
    doc = _pages(
        [
            ("What needs to improve?", 70, True),
            ("• Leaders should improve widget planning.", 70, False),
            ("Early help strengths", 70, True),
            ("• Gadget teams respond quickly.", 70, False),
        ]
    )
    assert [i.text for i in _items("jtai", doc)] == ["Leaders should improve widget planning."]


def test_area_send_two_column_table_one_item_per_row_body_is_actor() -> None:
    body = ["Widgetshire Council and", "NHS Gadget Integrated", "Care Board"]
    doc = _pages(
        [
            ("Areas for priority action", 57, True),
            None,
            ("Responsible body", 62, True),
            ("|Areas for priority action", 224, True),
            (body[0], 62, False),
            ("|Leaders should urgently improve widget plans:", 224, False),
            (body[1], 62, False),
            ("|• so that sprocket needs are known; and", 224, False),
            (body[2], 62, False),
            ("|• so that cog reviews happen. They should report", 224, False),
            ("on progress to the board.", 241, False),
            None,
            (body[0], 62, False),
            ("|Leaders should shorten the wait for gadget", 224, False),
            (body[1], 62, False),
            ("|assessments. Families should be told how long the", 224, False),
            (body[2], 62, False),
            ("|wait will be and where to find help while they", 224, False),
        ],
        [
            ("wait.", 224, False),
            None,
            # The loader joined a body cell and an action cell into one line.
            (body[0] + " Leaders should make sure every sprocket", 62, False, 224 + 5.4 * 39),
            (body[1], 62, False),
            ("|plan is checked each year.", 224, False),
            (body[2], 62, False),
            None,
            ("Areas for improvement", 57, True),
            None,
            ("Areas for improvement", 62, True),
            ("Leaders should improve widget training. Training should", 62, False),
            ("reach every team.", 62, False),
            None,
            ("Leaders should publish the gadget offer.", 62, False),
            None,
            ("Local area partnership details", 57, True),
        ],
    )
    items = _items("area_send", doc)
    assert [i.kind for i in items] == ["priority_action"] * 3 + ["improvement"] * 2
    actor = "Widgetshire Council and NHS Gadget Integrated Care Board"
    assert [i.actor for i in items[:3]] == [actor] * 3
    for item in items[:3]:
        assert "Widgetshire" not in item.text and "Care Board" not in item.text
    assert items[1].text.endswith("while they wait.")  # the row runs on over the page break
    assert items[2].text == "Leaders should make sure every sprocket plan is checked each year."
    training = "Leaders should improve widget training. Training should reach every team."
    assert items[3].text == training


def _codes(kind: str, doc: Document) -> list[str]:
    from inspectparse.classify.recommendations import read_lists

    profile = get(kind)
    assert profile is not None
    return [n.code for n in read_lists(segment(clean(doc)), profile)[1]]


def test_list_heading_with_text_but_no_item_is_a_review_warning() -> None:
    rows: list[Row] = [
        ("What needs to improve?", 70, True),
        ("Widget leaders were asked to look again at how gadget plans are written.", 70, False),
        ("Main findings", 70, True),
    ]
    assert _codes("jtai", _pages(rows)) == ["improvement_list_empty"]
    # A sentence saying the list is empty is an answer, not a doubt.
    none = [rows[0], ("There are no areas for improvement in this widget report.", 70, False)]
    assert _codes("jtai", _pages(none + [rows[2]])) == []


def test_umbrella_heading_over_lists_is_not_an_empty_list() -> None:
    rows: list[Row] = [
        ("What does the local authority need to improve?", 70, True),
        ("Priority and immediate action", 70, True),
        ("1. Ensure that widget plans are reviewed.", 70, False),
        ("2. Ensure that gadget checks happen.", 70, False),
        ("3. Ensure that sprockets are counted.", 70, False),
        ("4. Ensure that cogs are oiled monthly.", 70, False),
    ]
    assert _codes("sif", _pages([r for row in rows for r in (None, row)])) == []


def test_missing_list_is_a_review_warning_where_the_framework_always_gives_one() -> None:
    rows: list[Row] = [("Widget findings", 70, True), ("Gadgets are well kept.", 70, False)]
    assert _codes("ilacs", _pages(rows)) == ["improvement_list_missing"]
    assert _codes("ilacs_focused_visit", _pages(rows)) == []  # some letters have none
