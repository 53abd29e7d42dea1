"""Running headers and footers in converted text (synthetic pages written here, never real text):
footers deeper than two lines, a page number sharing its row with a footer cell, and what the
deeper zone must leave alone."""

from __future__ import annotations

from inspectparse.clean import clean
from inspectparse.document import Document
from inspectparse.load.text import load_text

_TEAMS = (
    "alder",
    "birch",
    "cedar",
    "damson",
    "elder",
    "fir",
    "gorse",
    "hazel",
    "iris",
    "juniper",
    "kale",
    "larch",
)
# Distinct words on every line: digits alone would fold into one furniture key.
SENTENCES = [
    f"Inspectors met the {team} team's leaders and read the records kept for each child."
    for team in _TEAMS
]


def _pages(bodies: list[str], footer: str) -> str:
    return "".join(f"{body}\n\n{footer.format(n=n)}\n\f" for n, body in enumerate(bodies, 1))


def _furniture(document: Document) -> list[tuple[int, str, str | None]]:
    return [
        (page.number, ln.text, ln.furniture_reason)
        for page in document.pages
        for ln in page.lines
        if ln.layer == "furniture"
    ]


def test_a_three_line_footer_in_reading_order_text_is_furniture_whole() -> None:
    footer = "Area SEND inspection report: Northwick Local Area Partnership\n1 to 5 May 2031\n{n}"
    bodies = ["\n".join(SENTENCES[k : k + 4]) for k in range(0, 12, 3)]
    document = load_text(_pages(bodies, footer).encode())
    clean(document)
    furniture = _furniture(document)
    titles = [f for f in furniture if f[1].startswith("Area SEND inspection report")]
    assert len(titles) == 4 and all(f[2] == "running-footer" for f in titles)
    assert sum(1 for f in furniture if f[2] == "page-number") == 4
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert all(text in SENTENCES for text in body)


def test_a_report_s_footer_under_a_browser_s_print_footer_is_furniture_whole() -> None:
    # A report printed from a browser: the browser's address and "page/pages" under the
    # report's own three-line footer, its date and the title over the page. Five rows of
    # running lines from the foot, two from the top, each repeating page after page.
    head = "07/12/2031, 16:20\nNorthwick report\n"
    foot = (
        "Area SEND inspection report: Northwick Local Area Partnership\n1 to 5 May 2031\n{n}\n"
        "https://files.example.org/v1/file/5001\n{n}/5"
    )
    bodies = ["\n".join(SENTENCES[k : k + 4]) for k in range(0, 10, 2)]
    pages = [f"{head}{body}\n{foot.format(n=n)}" for n, body in enumerate(bodies, 1)]
    document = load_text(("\f".join(pages) + "\f").encode())
    clean(document)
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert body and all(text in SENTENCES for text in body)
    reasons = {(f[1], f[2]) for f in _furniture(document)}
    assert ("Area SEND inspection report: Northwick Local Area Partnership", "running-footer") in (
        reasons
    )
    assert ("Northwick report", "running-header") in reasons


def test_a_repeated_line_deep_in_a_page_is_body_unless_furniture_runs_to_the_edge() -> None:
    # The repeated sentence is third from the page's top, but the two lines above it are body
    # text that differs on every page: no running header reaches it.
    repeated = "Leaders should act on what children tell them about their plans."
    pages = [
        f"{SENTENCES[k]}\n{SENTENCES[k + 1]}\n{repeated}\n" + "\n".join(SENTENCES[k + 2 : k + 5])
        for k in range(0, 8, 2)
    ]
    document = load_text(("\f".join(pages) + "\f").encode())
    clean(document)
    assert not [f for f in _furniture(document) if f[1] == repeated]


def test_a_lone_glyph_or_number_deep_in_a_page_stays_body() -> None:
    # A bullet glyph on its own line opens each page's text, below a two-line running header;
    # a contents list's page numbers stand in the rows above a two-line running footer.
    header = "Northwick Local Area Partnership\n1 to 5 May 2031\n"
    footer = "\nNorthwick inspection report\nPublished June 2031"
    bodies = [
        f"{header}\u25fc\n{SENTENCES[k]}\n{SENTENCES[k + 1]}\n{SENTENCES[k + 2]}{footer}"
        for k in range(0, 8, 2)
    ]
    contents = f"{header}Contents\nSummary\nFindings\n3\n7{footer}"
    document = load_text((contents + "\f" + "\f".join(bodies) + "\f").encode())
    clean(document)
    furniture = _furniture(document)
    assert not [f for f in furniture if f[1] in ("•", "3", "7")]
    assert sum(1 for f in furniture if f[1] == "Northwick inspection report") == 5


def test_a_page_number_beside_a_footer_cell_in_layout_text_is_furniture() -> None:
    footer = (
        " Area SEND inspection report: Northwick Local Area Partnership\n"
        " 1 to 5 May 2031                                                   {n}"
    )
    bodies = [
        "  " + "\n  ".join(SENTENCES[k : k + 3]) + "\n  Leaders          Council leaders"
        for k in range(0, 12, 3)
    ]
    document = load_text(_pages(bodies, footer).encode())
    assert document.text_layout == "layout"
    clean(document)
    numbers = [f for f in _furniture(document) if f[2] == "page-number"]
    assert [f[1] for f in numbers] == ["1", "2", "3", "4"]
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert not any(text.isdigit() for text in body)


def test_a_page_number_glued_to_a_running_line_that_opens_with_digits_is_furniture() -> None:
    # A converter that sets the footer's cells by position can glue the page number to the
    # date range beside it ("4 12 to 16 May 2031" on most pages, "412 to 16 May 2031" on one):
    # furniture still, never a line of the page's text.
    bodies = ["\n".join(SENTENCES[k : k + 3]) for k in range(0, 12, 3)]
    footers = [f"{n} 12 to 16 May 2031" for n in (1, 2, 3)] + ["412 to 16 May 2031"]
    text = "".join(
        f"{body}\nNorthwick area inspection report\n{footer}\n\f"
        for body, footer in zip(bodies, footers, strict=True)
    )
    document = load_text(text.encode())
    clean(document)
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert body == [s for k in range(0, 12, 3) for s in SENTENCES[k : k + 3]]


def test_a_page_s_own_number_under_a_two_line_running_block_at_its_top_is_furniture() -> None:
    # PyMuPDF sets a page's footer first (title, dates, number): the number is the third row
    # from the page's top, below running lines. It is the page's own number: furniture. A
    # lone number that is not the page's stays the page's text.
    block = "Area SEND inspection report: Northwick Local Area Partnership\n1 to 5 May 2031\n"
    bodies = ["\n".join(SENTENCES[k : k + 3]) for k in range(0, 12, 3)]
    text = "".join(f"{block}{n if n != 3 else 14}\n{body}\n\f" for n, body in enumerate(bodies, 1))
    document = load_text(text.encode())
    clean(document)
    numbers = [(f[0], f[1]) for f in _furniture(document) if f[2] == "page-number"]
    assert numbers == [(1, "1"), (2, "2"), (4, "4")]
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert body[:3] == SENTENCES[:3] and "14" in body


def test_text_without_form_feeds_is_cut_at_its_printed_page_numbers() -> None:
    # A viewer's copy: no form feeds, but every page after the cover ends in the running
    # footer and its page number. The pages come back, and the footers leave the body.
    footer = "Area SEND inspection report: Northwick Local Area Partnership\n1 to 5 May 2031\n{n}"
    bodies = ["\n".join(SENTENCES[k : k + 3]) for k in range(0, 12, 3)]
    text = "Northwick cover page\n" + "".join(
        f"{body}\n\n{footer.format(n=n)}\n\n" for n, body in enumerate(bodies, 2)
    )
    assert "\f" not in text
    document = load_text(text.encode())
    assert [p.number for p in document.pages] == [2, 3, 4, 5]
    assert [n.code for n in document.notes] == ["text_pages_from_page_numbers"]
    clean(document)
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert body == ["Northwick cover page", *SENTENCES]


def test_layout_pages_cut_at_page_numbers_read_as_pages_with_form_feeds() -> None:
    # The blank line a copy keeps where a page broke is that break: once the pages are cut
    # again, no line of a page's first row stands after a gap (every cell of that row had
    # it), and a page's pseudo-geometry is measured from its own top, as with form feeds.
    footer = (
        " Area SEND inspection report: Northwick Local Area Partnership\n"
        " 1 to 5 May 2031                                                   {n}"
    )
    bodies = [
        f"  Leaders                          {SENTENCES[k]}\n  "
        + "\n  ".join(SENTENCES[k + 1 : k + 3])
        for k in range(0, 12, 3)
    ]
    with_breaks = load_text(_pages(bodies, footer).encode())
    without = load_text(_pages(bodies, footer).replace("\f", "\n").encode())
    assert [n.code for n in without.notes] == ["text_pages_from_page_numbers"]
    assert without.text_layout == with_breaks.text_layout == "layout"
    for cut, paged in zip(without.pages[1:], with_breaks.pages[1:], strict=True):
        assert [(ln.text, ln.top, ln.gap_before) for ln in cut.lines] == [
            (ln.text, ln.top, ln.gap_before) for ln in paged.lines
        ]


def test_a_page_number_ending_the_running_line_cuts_the_pages_too() -> None:
    # Raw engine text: the footer's dates and the page number on one line.
    for footer in (
        "Inspection report: Northwick Local Area Partnership\n1 to 5 May 2031 {n}",
        "Inspection report: Northwick School, 1-2 May 2031 Page {n} of 6",
    ):
        bodies = ["\n".join(SENTENCES[k : k + 3]) for k in range(0, 12, 3)]
        text = "Northwick cover page\n" + "".join(
            f"{body}\n{footer.format(n=n)}\n" for n, body in enumerate(bodies, 2)
        )
        document = load_text(text.encode())
        assert [p.number for p in document.pages] == [2, 3, 4, 5], footer
    clean(document)
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert body == ["Northwick cover page", *SENTENCES]


def test_numbers_ending_sentences_that_never_repeat_are_no_page_breaks() -> None:
    # "... in 2031 12" style endings on ordinary lines: their text never repeats, so the
    # counting numbers at their ends are no page numbers.
    text = "".join(
        f"{sentence} Case {n}\n{sentence.replace('leaders', 'staff')} Note {n}\n"
        for n, sentence in enumerate(SENTENCES, 1)
    )
    document = load_text(text.encode())
    assert len(document.pages) == 1


def test_lone_paragraph_numbers_counting_up_are_no_page_breaks() -> None:
    # Paragraph numbers on lines of their own also count up, but no running line repeats
    # beside them: the text stays one page and says what is lost.
    pairs = [(a, b) for a in _TEAMS for b in _TEAMS if a != b][:30]
    text = "".join(
        f"{n}\nInspectors read the {a} files.\nThey met the {b} team.\n"
        f"Leaders of {a} and {b} spoke to them.\nThe {b} records were up to date.\n"
        for n, (a, b) in enumerate(pairs, 1)
    )
    document = load_text(text.encode())
    assert len(document.pages) == 1
    assert [n.code for n in document.notes] == ["text_without_page_breaks"]


def test_a_running_line_with_page_n_of_m_on_its_row_is_furniture() -> None:
    # The footer's text runs on every page; on the last page the converter set the page's
    # "Page 4 of 4" on the same row.
    footer = "Northwick children's services inspection report"
    bodies = ["\n".join(SENTENCES[k : k + 4]) for k in range(0, 12, 3)]
    text = _pages(bodies, footer)
    last = text.rindex(footer) + len(footer)
    document = load_text((text[:last] + " Page 4 of 4" + text[last:]).encode())
    clean(document)
    footers = [f for f in _furniture(document) if f[1].startswith("Northwick")]
    assert [f[0] for f in footers] == [1, 2, 3, 4]
    assert footers[-1][1].endswith("Page 4 of 4")
    assert all(f[2] == "running-footer" for f in footers)


def test_a_footer_repeating_the_title_on_short_pages_leaves_the_title_in_the_body() -> None:
    # The footer repeats the report's title. On a page holding a line or two of text the
    # footer stands within the page's top rows too; counted there, it made the title on page
    # 1 a running header (two short pages and the title reach three pages).
    title = "Inspection of Northwick local authority children's services"
    footer = title + "\n1 to 12 May 2031\n{n}"
    bodies = [
        title + "\n" + "\n".join(SENTENCES[0:4]),
        SENTENCES[4],
        "\n".join(SENTENCES[5:10]),
        SENTENCES[10],
        "\n".join(SENTENCES[11:12] + SENTENCES[0:3]),
    ]
    document = load_text(_pages(bodies, footer).encode())
    clean(document)
    first = document.pages[0].lines[0]
    assert (first.text, first.layer) == (title, "body")
    furniture = _furniture(document)
    assert [f[0] for f in furniture if f[1] == title] == [1, 2, 3, 4, 5]
    assert all(f[2] == "running-footer" for f in furniture if f[1] == title)
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert body[1:] == [*SENTENCES[0:12], *SENTENCES[0:3]]


def test_a_one_line_footer_under_a_page_s_one_line_of_text_is_furniture() -> None:
    # A page of two rows (the last lines of a list, pushed over a page) has a footer too, and
    # a footer standing within a short page's top rows is still a footer, not a header.
    footer = "Northwick inspection report: 1 to 12 May 2031, page {n} of 5"
    bodies = [
        "\n".join(SENTENCES[0:4]),
        "\n".join(SENTENCES[4:8]),
        SENTENCES[8],
        "\n".join(SENTENCES[9:12]),
        "\n".join(SENTENCES[0:3]),
    ]
    document = load_text(_pages(bodies, footer).encode())
    clean(document)
    furniture = _furniture(document)
    assert [f[0] for f in furniture] == [1, 2, 3, 4, 5]
    assert {f[2] for f in furniture} == {"running-footer"}
    assert [ln.text for ln in document.pages[2].lines if ln.layer == "body"] == [SENTENCES[8]]


def _numbers_set_apart(browser: bool) -> str:
    """Four pages whose paragraph numbers a reading-order converter set apart, after each
    page's paragraphs; page 1's last paragraph runs on to page 2 (its next line opens with a
    capital). With `browser`, a browser's print lines over and under every page."""
    head = "07/12/2031, 16:20\nNorthwick report\n" if browser else ""
    foot = "https://files.example.org/v1/file/5001\n{n}/4\n" if browser else ""
    s = SENTENCES
    bodies = [
        (f"{s[0]}\n{s[1]}\n\n{s[2]}\n{s[3]}\n\n{s[4]}\nThe plans they wrote with", "1. 2. 3."),
        (
            f"Fenland Council were clear and were reviewed when things changed.\n\n{s[5]}\n{s[6]}",
            "4.",
        ),
        (f"{s[7]}\n{s[8]}\n\n{s[9]}\n{s[10]}", "5. 6."),
        (f"{s[11]}\n{s[0]}", "7."),
    ]
    return "".join(
        f"{head}{body}\n\n" + "\n\n".join(numbers.split()) + f"\n\n{n}\n{foot.format(n=n)}\f"
        for n, (body, numbers) in enumerate(bodies, 1)
    )


def test_running_lines_around_a_page_leave_its_paragraph_numbers_paired_as_without() -> None:
    # The page's first line of text is the one under the running lines (a browser's date and
    # title): the break the short title leaves before it is no paragraph's, so a paragraph
    # going on from the page before is no start of its own. A lone number before the page
    # number and a running line (the browser's address) is not joined to that line.
    def numbered(browser: bool) -> list[str]:
        document = load_text(_numbers_set_apart(browser).encode())
        return [ln.text for page in document.pages for ln in page.lines if ln.text[:2] in labels]

    labels = {f"{n}." for n in range(1, 8)}
    plain = numbered(False)
    assert [text.split()[0] for text in plain] == [f"{n}." for n in range(1, 8)]
    assert all("Inspectors met" in text for text in plain)
    assert numbered(True) == plain


def test_a_running_footer_whose_page_number_changes_sides_is_furniture() -> None:
    # A second report bound in after the first (pages 11-20), its footer's number before the
    # footer on left pages and after it on right pages: neither form alone is on enough of
    # the part's pages to be running, the footer is.
    words = [f"{a} {b}" for a in _TEAMS[:5] for b in _TEAMS[5:9]]
    bodies = [f"Inspectors read the {w} records kept for each child." for w in words]

    def footer(n: int) -> str:
        if n <= 10:
            return f"Inspection of Northwick's services {n}"
        return (
            f"{n} Review of Northwick's board" if n % 2 == 0 else f"Review of Northwick's board {n}"
        )

    pages = "".join(f"{body}\n\n{footer(n)}\n\f" for n, body in enumerate(bodies, 1))
    document = load_text(pages.encode())
    clean(document)
    footers = [f for f in _furniture(document) if "Review of Northwick" in f[1]]
    assert len(footers) == 10 and {f[2] for f in footers} == {"running-footer"}
    body = [ln.text for page in document.pages for ln in page.lines if ln.layer == "body"]
    assert body == bodies
