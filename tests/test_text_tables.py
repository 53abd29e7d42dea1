"""Area SEND improvement tables in converted text (synthetic "Northwick" reports written here,
never real text): one item per table row, the responsible body as the item's actor and never
in its text, in each shape a converter gives (reading order with the cells as separate runs,
column layout with the cells side by side, markdown pipe tables); a review warning where the
cells and the rows read disagree."""

from __future__ import annotations

import inspectparse
from inspectparse.profiles import get
from inspectparse.record import Record
from report_parts import complete

BODY = ("Northwick Borough", "Council and NHS Fenland", "Integrated Care Board")
BODY_TEXT = "Northwick Borough Council and NHS Fenland Integrated Care Board"
ROWS = (
    (
        "Leaders across the partnership should agree a shared plan for",
        "children who wait for an assessment of their needs. Leaders",
        "should review the plan each term.",
    ),
    (
        "Leaders across the partnership should improve how quickly plans",
        "are written, so that:",
        "• families know what support will be given",
        "• schools receive the plan before the new term.",
    ),
    (
        "Leaders across the partnership should make sure that young people",
        "are ready for adult life. They should also ensure that",
        "transitions start early.",
    ),
)
IMPROVEMENTS = (
    "Leaders should publish the local offer in plain language so that parents",
    "can find it easily.",
    "Leaders should widen the choice of alternative provision for pupils",
    "who cannot attend school full time.",
)
HEAD = (
    "Local area partnership report\n"
    "Area SEND inspection of Northwick Local Area Partnership\n"
    "Inspection dates: 4 to 8 March 2030\n"
    "Dates of previous inspection: 1 to 5 May 2025\n\n"
    "Inspection outcome\n"
    "The local area partnership's arrangements lead to inconsistent experiences and outcomes "
    "for children and young people with special educational needs and/or disabilities "
    "(SEND).\n\n"
)
FOOTER = "Area SEND inspection report: Northwick Local Area Partnership\n4 to 8 March 2030\n{n}\n"
PROSE = (
    "Inspectors spoke with children, parents and carers about the support they receive.\n"
    "Leaders know the area well and have started to act on what families tell them.\n"
    "Health visitors check the development of young children at the expected times.\n"
)


def _pages(pages: list[str]) -> str:
    return "".join(
        f"{page}\n{FOOTER.format(n=n) if n > 1 else ''}\f" for n, page in enumerate(pages, 1)
    )


def _record(text: str) -> Record:
    return inspectparse.extract(complete(text).encode("utf-8"))


def _cell() -> str:
    return "\n".join(BODY) + "\n\n"


def _check(record: Record, priority: int = 3) -> None:
    items = record.recommendations
    assert [i.kind for i in items] == ["priority_action"] * priority + ["improvement"] * 2
    for item, row in zip(items, ROWS[:priority], strict=False):
        assert item.actor == BODY_TEXT
        assert item.text.startswith(row[0][:40])
        assert "Council and NHS" not in item.text and "Care Board" not in item.text
    assert items[priority].text.startswith("Leaders should publish")
    assert not [w for w in record.warnings if w.field == "recommendations"]


def _improvements() -> str:
    return (
        "Areas for improvement\nAreas for improvement\n"
        + "\n".join(IMPROVEMENTS)
        + "\n\nLocal area partnership details\nThe council's director of children's services.\n"
    )


def _cells_as_runs_before_rows(
    title: str = "Areas for priority action", header: str = "Responsible body"
) -> str:
    """pdftotext's order: the body cells of a page's rows as one run, then the rows' text; the
    third row's page begins with a bullet's end before the next row."""
    page2 = (
        f"{title}\n{header}\n"
        + _cell() * 2
        + f"\n{title}\n"
        + "\n".join(ROWS[0])
        + "\n"
        + "\n".join(ROWS[1][:3])
        + "\n"
    )
    page3 = _cell() + "\n" + ROWS[1][3] + "\n\n" + "\n".join(ROWS[2]) + "\n\n" + _improvements()
    return _pages([HEAD + PROSE, page2, page3, PROSE])


def _layout_table(header_width: int, rows: str) -> str:
    """A -layout text whose page 2 is the priority-action table (`rows` set by the caller
    under a header row whose body column is `header_width` wide), then the improvements."""
    page2 = (
        " Areas for priority action\n\n"
        f" {'Responsible body':<{header_width}}Areas for priority action\n"
        + rows
        + "\n Areas for improvement\n\n Areas for improvement\n "
        + "\n ".join(IMPROVEMENTS)
        + "\n\n Local area partnership details\n The council's director.\n"
    )
    return _pages([HEAD.replace("\n", "\n ") + "   " + PROSE, page2, PROSE])


def _layout_row(
    body: tuple[str, ...], action: tuple[str, ...], width: int = 34, gap: str = ""
) -> str:
    """A table row as `pdftotext -layout` sets it: the body cell's lines padded to `width`
    (then `gap`), the action cell's lines beside them."""
    lines = []
    for k in range(max(len(body), len(action))):
        left = body[k] if k < len(body) else ""
        right = action[k] if k < len(action) else ""
        lines.append(f" {left:<{width}}{gap}{right}".rstrip())
    return "\n".join(lines) + "\n"


def test_reading_order_cells_as_runs_before_each_page_of_rows() -> None:
    record = _record(_cells_as_runs_before_rows())
    assert record.source.text_layout == "reading_order"
    _check(record)
    assert record.recommendations[1].text.endswith("before the new term.")


def test_reading_order_cells_interleaved_with_rows_and_a_cell_cut_by_a_page_break() -> None:
    # Each cell before its row's text, the second cell cut off by the page break.
    page2 = (
        "Areas for priority action\nResponsible body\n"
        + _cell()
        + "Areas for priority action\n"
        + "\n".join(ROWS[0])
        + "\n\n"
        + "\n".join(BODY[:2])
        + "\n\n"
        + "\n".join(ROWS[1][:2])
        + "\n"
    )
    page3 = (
        BODY[2]
        + "\n\n"
        + "\n".join(ROWS[1][2:])
        + "\n\n"
        + _cell()
        + "\n".join(ROWS[2])
        + "\n\n"
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, page3, PROSE]))
    _check(record)


def test_layout_text_side_by_side_columns_one_item_per_row() -> None:
    record = _record(_layout_table(34, "".join(_layout_row(BODY, r) for r in ROWS)))
    assert record.source.text_layout == "layout"
    _check(record)
    # "They should also ensure" goes on with its row: three rows, not four.
    assert "They should also ensure" in record.recommendations[2].text


def test_a_list_heading_with_a_colon_is_the_title_its_header_cell_repeats() -> None:
    """Some reports print the heading "Areas for priority action:" over a table whose header
    cell repeats it without the colon: the same title, in both layouts."""
    layout = _layout_table(34, "".join(_layout_row(BODY, r) for r in ROWS))
    reading = _cells_as_runs_before_rows()
    for text in (layout, reading):
        colon = text.replace("Areas for priority action\n", "Areas for priority action:\n", 1)
        assert colon != text
        record = _record(colon)
        _check(record)
        assert record.recommendations[0].heading == "Areas for priority action:"


def test_a_list_heading_the_rules_do_not_know_inside_a_table_is_a_review_warning() -> None:
    """A table with a body column runs on to the next known heading: a heading worded like
    another list's ("Areas for development") inside it means the list ran on over it."""
    text = _cells_as_runs_before_rows().replace("Areas for improvement", "Areas for development")
    record = _record(text)
    unread = [w for w in record.warnings if w.code == "improvement_list_unread"]
    assert len(unread) == 1 and unread[0].field == "recommendations"
    assert "Areas for development" in unread[0].message and unread[0].severity == "review"


def test_markdown_pipe_table_rows_are_items_with_the_body_as_actor() -> None:
    table = (
        "## Areas for priority action\n\n"
        "| Responsible body | Areas for priority action |\n|---|---|\n"
        + "".join(f"| {BODY_TEXT} | {' '.join(r)} |\n" for r in ROWS)
        + "\n## Areas for improvement\n\n"
        + " ".join(IMPROVEMENTS[:2])
        + "\n"
        + " ".join(IMPROVEMENTS[2:])
        + "\n\n## Local area partnership details\n\nThe council's director.\n"
    )
    text = "# Northwick\n\n" + HEAD + PROSE + "\n-----\n\n" + table
    record = _record(text)
    assert record.source.text_layout == "markdown"
    _check(record)


def test_cells_and_rows_that_disagree_get_a_review_warning() -> None:
    # Three body cells head a stretch where only two rows can be told apart (the third row's
    # text begins with a pronoun's sentence): no silent guess.
    rows = "\n".join(ROWS[0]) + "\n" + "\n".join(ROWS[1]) + "\nThey should act on it.\n"
    page2 = (
        "Areas for priority action\nResponsible body\n"
        + _cell() * 3
        + "Areas for priority action\n"
        + rows
        + "\n"
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    warnings = [w for w in record.warnings if w.code == "improvement_table_rows_unsure"]
    assert warnings and warnings[0].field == "recommendations" and warnings[0].severity == "review"


def test_body_cell_shape_is_profile_data() -> None:
    from inspectparse.classify.text_table import is_body_line

    column = get("area_send").body_column
    assert column is not None
    for line in (*BODY, "Board (ICB)", "Area leaders", "North East Fenland ICB and", "area ICB"):
        assert is_body_line(line, column), line
    for line in (
        "Leaders across the partnership should agree a shared plan for",
        "SEND.",
        "children who wait for an assessment",
    ):
        assert not is_body_line(line, column), line


def test_layout_text_whose_action_column_moves_between_blocks_of_rows() -> None:
    # The converter sets the last row on its own grid: its action text starts further left,
    # one of its body lines is joined to the action text by a single space, and the rows
    # have no padding between them. Each row is still one item, its body never in the text.
    first = "".join(
        f" {left:<34}{right}\n"
        for left, right in zip(
            (*BODY, ""),
            (
                "Leaders across the partnership should agree a shared plan",
                "for children who wait for an assessment of their",
                "needs so that families know what comes next.",
                "",
            ),
            strict=True,
        )
    )
    other = ("NHS Fenland Integrated", "Care Board and Northwick", "Borough Council")
    last = (
        f" {other[0]:<24}Leaders across the partnership should improve\n"
        f" {other[1]} how quickly plans are written for children.\n"
        f" {other[2]:<24}They should share plans with schools.\n"
    )
    record = _record(_layout_table(34, first + last))
    assert record.source.text_layout == "layout"
    items = [i for i in record.recommendations if i.kind == "priority_action"]
    assert [i.actor for i in items] == [BODY_TEXT, " ".join(other)]
    assert items[1].text == (
        "Leaders across the partnership should improve how quickly plans are written for "
        "children. They should share plans with schools."
    )


def test_body_column_read_after_the_whole_action_column() -> None:
    # A converter that reads the action column first and the body column after it: the rows
    # come from the sentences, the cells pair with them in order where the counts agree, and
    # a review warning where they do not.
    def page2(cells: int) -> str:
        return (
            "Areas for priority action\nResponsible body\nAreas for priority action\n"
            + "".join("\n".join(r) + "\n" for r in ROWS)
            + "\n"
            + _cell() * cells
            + _improvements()
        )

    record = _record(_pages([HEAD + PROSE, page2(3), PROSE]))
    _check(record)
    record = _record(_pages([HEAD + PROSE, page2(2), PROSE]))
    assert [w.code for w in record.warnings if w.field == "recommendations"] == [
        "improvement_table_rows_unsure"
    ]


def test_a_name_line_inside_a_sentence_of_a_one_column_table_stays_in_its_text() -> None:
    # A wrapped sentence can leave a line of names alone: it is the item's text, not a cell.
    rows = (
        "Leaders should agree with the leaders of\n"
        "Northwick Borough Council and NHS Fenland ICB\n"
        "how families will be told about waiting times.\n"
        "Leaders should widen the choice of alternative provision.\n"
    )
    page2 = (
        "Areas for improvement\nAreas for improvement\n"
        + rows
        + "\nLocal area partnership details\nThe council's director.\n"
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    items = record.recommendations
    assert len(items) == 2
    assert "leaders of Northwick Borough Council and NHS Fenland ICB how families" in items[0].text
    assert not [w for w in record.warnings if w.field == "recommendations"]


def test_a_row_start_is_a_recommendation_not_a_sentence_going_on() -> None:
    from inspectparse.classify.table_rows import opens_recommendation

    for text in (
        "Leaders across the partnership should agree a plan.",
        "2. The council must publish its offer.",
        "Leaders, including commissioners and providers, should act on delays.",
        "Area leaders need to review waiting times.",
    ):
        assert opens_recommendation(text), text
    for text in (
        "They should also ensure that plans are shared.",
        "Leaders across the partnership should also ensure that plans are shared.",
        "This should include the views of families.",
        "Some children wait too long for an assessment.",
        "In particular they should improve the plans.",
    ):
        assert not opens_recommendation(text), text


def test_header_row_read_across_is_no_text_and_a_row_s_later_sentence_no_row() -> None:
    # pypdf and PDFium read the header row across ("Responsible body Areas for priority
    # action") and then each cell before its row. The header is neither action text nor a
    # row of its own, and a row's second sentence of a recommendation's shape starting a
    # line stays in its row: one item per cell.
    first = (
        "Leaders across the partnership should agree a shared plan for",
        "children who wait for an assessment of their needs.",
        "Leaders need to make sure that the plan is reviewed each term.",
    )
    page2 = (
        "Areas for priority action\n\nResponsible body Areas for priority action\n"
        + "\n".join(BODY)
        + "\n"
        + "\n".join(first)
        + "\n"
        + "".join("\n".join(BODY) + "\n" + "\n".join(row) + "\n" for row in ROWS[1:])
        + "\n"
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    _check(record)
    assert record.recommendations[0].text == " ".join(first)


def test_header_row_read_before_the_first_cell_the_cell_is_no_action_text() -> None:
    # PyMuPDF reads both header cells, then each row's cell before its text, with no blank
    # lines: the line after the action column's header is the first cell (it comes again
    # on every row), not the first row's text.
    page2 = (
        "Areas for priority action\nResponsible body\nAreas for priority action\n"
        + "".join("\n".join(BODY) + "\n" + "\n".join(row) + "\n" for row in ROWS)
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    _check(record)


def test_layout_text_whose_body_cells_reach_past_the_action_header() -> None:
    # PyMuPDF's sorted text sets the header row by its own widths: the action column's header
    # starts left of where the body cells' longest lines end. A body line with the action text
    # beside it as a cell of its own is the body whole, never cut at the header's column.
    rows = "".join(_layout_row(BODY, r, width=26, gap="    ") for r in ROWS)
    record = _record(_layout_table(20, rows))
    assert record.source.text_layout == "layout"
    _check(record)
    assert record.recommendations[0].text == " ".join(ROWS[0])


def test_a_cell_interleaved_line_by_line_with_its_row_is_split_from_the_text() -> None:
    # pdftotext can read a cell across its row's text line by line, and set one line of
    # each on a single line ("Care Board and Northwick are ready for ..."): the cell's words
    # are the actor, the rest goes on with the row's sentence.
    other = ("NHS Fenland Integrated", "Care Board and Northwick", "Borough Council")
    row3 = f"{other[0]}\n{ROWS[2][0]}\n{other[1]} {ROWS[2][1]}\n{other[2]}\n{ROWS[2][2]}\n"
    page2 = (
        "Areas for priority action\nResponsible body\n"
        + _cell()
        + "Areas for priority action\n"
        + "\n".join(ROWS[0])
        + "\n\n"
        + _cell()
        + "\n".join(ROWS[1])
        + "\n\n"
        + row3
        + "\n"
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    items = [i for i in record.recommendations if i.kind == "priority_action"]
    assert [i.actor for i in items] == [BODY_TEXT, BODY_TEXT, " ".join(other)]
    assert items[2].text == " ".join(ROWS[2])
    assert not [w for w in record.warnings if w.field == "recommendations"]


def test_a_line_opening_with_names_inside_a_row_stays_its_text() -> None:
    # Names opening a line of the row's text are its text where no cell is read across the
    # row (no body line close above and below).
    row = (
        "Leaders across the partnership should agree with the leaders of",
        "Northwick Borough Council and NHS Fenland ICB how families will be told",
        "about waiting times.",
    )
    page2 = (
        "Areas for priority action\nResponsible body\n"
        + _cell()
        + "Areas for priority action\n"
        + "\n".join(row)
        + "\n\n"
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    items = [i for i in record.recommendations if i.kind == "priority_action"]
    assert len(items) == 1 and items[0].actor == BODY_TEXT
    assert items[0].text == " ".join(row)


def test_a_row_opening_with_a_long_line_of_names_is_action_text() -> None:
    # A row's sentence can open with a line in the name shape ("Leaders, NHS Fenland and
    # Northwick Borough Council"): it is as wide as the action column, twice a body line's
    # width, so it is the row's text, not its cell.
    row2 = (
        "Leaders, NHS Fenland and Northwick Borough Council",
        "and school leaders should improve how quickly plans",
        "are written, so that families know what support will be given.",
    )
    page2 = (
        "Areas for priority action\nResponsible body\n"
        + _cell()
        + "Areas for priority action\n"
        + "\n".join(ROWS[0])
        + "\n"
        + "\n".join(BODY)
        + "\n"
        + "\n".join(row2)
        + "\n"
        + "\n".join(BODY)
        + "\n"
        + "\n".join(ROWS[2])
        + "\n\n"
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    items = [i for i in record.recommendations if i.kind == "priority_action"]
    assert [i.actor for i in items] == [BODY_TEXT] * 3
    assert [i.text for i in items] == [" ".join(r) for r in (ROWS[0], row2, ROWS[2])]
    assert not [w for w in record.warnings if w.field == "recommendations"]


def test_header_row_read_down_before_a_first_cell_that_never_comes_again() -> None:
    # Both headers on lines of their own, then the first cell: a body line, even where the
    # first cell names other bodies than the rest (its lines never come again).
    first = ("Northwick Borough Council and", "NHS Fenland ICB")
    page2 = (
        "Areas for priority action\nResponsible body\nAreas for priority action\n"
        + "\n".join(first)
        + "\n"
        + "\n".join(ROWS[0])
        + "\n"
        + "".join("\n".join(BODY) + "\n" + "\n".join(row) + "\n" for row in ROWS[1:])
        + "\n"
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    items = [i for i in record.recommendations if i.kind == "priority_action"]
    assert [i.actor for i in items] == [" ".join(first), BODY_TEXT, BODY_TEXT]
    assert items[0].text == " ".join(ROWS[0])


def test_table_headers_in_capitals_read_as_headers() -> None:
    """Older templates print headings in capitals: the body column's header too."""
    record = _record(_cells_as_runs_before_rows("AREAS FOR PRIORITY ACTION", "RESPONSIBLE BODY"))
    _check(record)


def test_cells_run_into_their_rows_lines_get_a_review_warning() -> None:
    # pdfplumber's plain text runs each row's cells into one line ("Northwick Borough
    # Leaders across the partnership should ..."): the body column's header is read, none
    # of its cells can be told apart, so the rows are read by their shape and flagged.
    rows = "".join(
        f"{body} {action}\n"
        for row in ROWS
        for body, action in zip((*BODY, "", ""), row, strict=False)
    )
    page2 = (
        "Areas for priority action\nResponsible body Areas for priority action\n"
        + rows
        + _improvements()
    )
    record = _record(_pages([HEAD + PROSE, page2, PROSE]))
    warnings = [w for w in record.warnings if w.code == "improvement_table_rows_unsure"]
    assert warnings and warnings[0].field == "recommendations"
    assert warnings[0].severity == "review" and record.needs_review
    assert "none of its cells" in warnings[0].message


def _table_over_a_page_break() -> str:
    """A -layout text whose priority-action table runs over a page break: two rows at page
    2's foot (with its running footer), the third at page 3's head."""
    page2 = (
        PROSE
        + "\n Areas for priority action\n\n"
        + f" {'Responsible body':<34}Areas for priority action\n"
        + _layout_row(BODY, ROWS[0])
        + _layout_row(BODY, ROWS[1])
    )
    page3 = (
        _layout_row(BODY, ROWS[2])
        + "\n Areas for improvement\n\n Areas for improvement\n "
        + "\n ".join(IMPROVEMENTS)
        + "\n\n Local area partnership details\n The council's director.\n"
    )
    return _pages([HEAD.replace("\n", "\n ") + "   " + PROSE, page2, page3, PROSE, PROSE])


def test_a_table_row_at_a_page_head_in_layout_text_without_form_feeds() -> None:
    # Text copied without its form feeds keeps a blank line where each page broke. The pages
    # are cut again at the printed page numbers, and that blank line is the break, not a gap
    # inside the page's first row: the body cell there is a cell beside its action text, not
    # a heading that ends the list after the rows of the page before.
    text = _table_over_a_page_break()
    for variant in (text, text.replace("\f", "\n")):
        record = _record(variant)
        assert record.source.text_layout == "layout"
        _check(record)
        assert record.recommendations[2].text == " ".join(ROWS[2])
