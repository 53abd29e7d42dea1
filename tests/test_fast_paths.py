"""The shortcuts taken for speed in clean/segment give the answers of the plain versions."""

from __future__ import annotations

import dataclasses
import random
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import inspectparse
from conftest import FIXTURES
from inspectparse._compiled import compiled_modules
from inspectparse.authority import authorities, data_version
from inspectparse.classify import list_items as list_items_module
from inspectparse.classify.authority import authority_data
from inspectparse.classify.findings import RecommendationFinding
from inspectparse.classify.judgements import _AFTER_PUBLISHED, _PUBLISHED_CUE
from inspectparse.classify.metadata import _LeadPatterns
from inspectparse.classify.text import LineText
from inspectparse.classify.text_items import ItemGrowth
from inspectparse.classify.text_table import _action_after, _action_before, _has_longer
from inspectparse.clean import CleanedDocument, furniture_key
from inspectparse.document import Document, Evidence, Line, Page
from inspectparse.load.layout import _MARKER, _majority, is_list_marker
from inspectparse.load.page_numbers import TRAILING_PAGE_NUMBER
from inspectparse.profiles import Profile, known_headings, profiles
from inspectparse.segment import blocks as blocks_module
from inspectparse.segment import growing as growing_module
from inspectparse.segment import is_terminal
from inspectparse.segment import numbering as numbering_module
from inspectparse.segment.blocks import LINE_RULES, RULE_GATES, BlockBuilder, LineFacts
from inspectparse.segment.growing import GrowingText
from inspectparse.segment.headings import CONTENTS_HEADING as _CONTENTS_HEADING
from inspectparse.segment.headings import KnownHeadings as _KnownHeadings
from inspectparse.segment.headings import leading_letter as _leading_letter
from inspectparse.segment.joins import END_CHARS, join_edit, join_lines
from inspectparse.segment.units import Block


@pytest.mark.parametrize(
    ("pattern", "letter"),
    [
        (r"^(?:Overview)\s*$", "O"),
        (r"^(?:Areas? for priority actions?)\s*$", "A"),
        (r"^(?:Capacity (?:for|to) improve(?:ment)?)\s*$", "C"),
        (r"^(?:What needs to improve\s*[?:]?\d?)\s*$", "W"),
        (r"^(?:A[|)(]b|c)\s*$", None),  # "|" outside the class: another start
        (r"^(?:A[|)(]b)\s*$", "A"),
        (r"^(?:A\|b\)c)\s*$", "A"),
        (r"^(?:(?:The )?quality of provision)\s*$", None),
        (r"^(?:A?rea)\s*$", None),
        (r"^(?:A{0,1}rea)\s*$", None),
        (r"^(?:Abc|Def)\s*$", None),
        (r"^(?:A)?(?:B)\s*$", None),  # a ")" closing the wrapper
        (r"^(?:A(?#()|B)\s*$", None),  # comments are not looked into
        (r"Overview", None),  # not the known-heading wrapper
    ],
)
def test_leading_letter_only_where_it_is_plain(pattern: str, letter: str | None) -> None:
    assert _leading_letter(pattern) == letter


def test_known_headings_by_first_character_agree_with_one_alternation() -> None:
    patterns = tuple(p.pattern for p in known_headings())
    everything = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    by_first = _KnownHeadings(patterns)
    samples = [
        "Overall effectiveness",
        "overall effectiveness",
        "OVERALL EFFECTIVENESS",
        "What needs to improve?1",
        "What needs to improve in this local authority?",
        "Capacity for improvement",
        "How good are outcomes for looked after children?",
        "outcomes for looked after children and care leavers",
        "The quality of provision",
        "quality of provision",
        "The Local Safeguarding Children Board (LSCB)",
        "Information about this inspection",
        "\u017fummary of findings",  # long s: re.I takes it for "s"
        "\u212aey strengths",  # Kelvin sign: re.I takes it for "k"
        "Key strengths",
        "children's services are good",
        "• a bullet",
        "12. A numbered paragraph",
        "",
    ]
    for text in samples:
        assert by_first.match(text) == bool(everything.match(text)), text


@pytest.mark.parametrize(
    "text",
    ["end.", 'said."', "end.1", "end.12", "(see above)", "items;)", "", "done. ", "why?’", "x2"],
)
def test_is_terminal_agrees_with_its_regex(text: str) -> None:
    assert is_terminal(text) == bool(re.search(r"[.!?:;][\"'’”)\]]*\d?$", text.rstrip()))


@pytest.mark.parametrize(
    "text",
    ["  Page 3 of 12 ", "Ofsted\u00a0 report |", "-  x  -", "\t", "", "3 Review 4", "12", "1 2"],
)
def test_furniture_key_agrees_with_its_regex(text: str) -> None:
    key = re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()
    # A number at either end of a longer line is left out (a page number on either side).
    key = re.sub(r"^# (?=\S)", "", re.sub(r"(?<=\S) #$", "", key))
    assert furniture_key(text) == key.strip(" .:-–|")


_LEAD_SAMPLES = [
    "Lead inspector: Jane Smith",
    "lead inspectors Jane Smith, HMI",
    "LEAD INSPECTOR: A B",
    "Reporting inspector: Joe Bloggs",
    "Jane Smith, lead inspector",
    "Jane Smith, HMI Lead",
    "Jane Smith Ofsted HMI Lead",
    "Mr John Smith, Ofsted Lead",
    "\u017fomething",  # long s: re.I takes it for "s"
    "\u212aate Smith, lead inspector",  # Kelvin sign: re.I takes it for "k"
    "the lead inspector was",
    "12. Lead inspector: not a name",
    "",
]


@pytest.mark.parametrize("profile", profiles(), ids=lambda p: p.name)
def test_lead_patterns_by_first_character_agree_with_all_patterns(profile: Profile) -> None:
    every = profile.compiled("lead_patterns")
    by_first = _LeadPatterns(profile)
    for text in _LEAD_SAMPLES:
        expected = [p.pattern for p in every if p.match(text)]
        assert [p.pattern for p in by_first.for_first(text[:1]) if p.match(text)] == expected


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Ofsted report 12", "Ofsted report"),
        ("Page 3", "Page"),
        ("Ofsted report Page 3 of 13", "Ofsted report"),
        ("x \u0663", "x"),  # an Arabic-Indic three: a decimal, which \d matches
        ("12", "12"),  # no space before the number: nothing to strip
        ("report 12a", "report 12a"),
        ("x \u00b2", "x \u00b2"),  # a superscript two is a digit but not a decimal
        ("", ""),
    ],
)
def test_trailing_page_number_needs_a_final_decimal(text: str, stripped: str) -> None:
    # `mark_furniture` tries the regex only on lines that end in a decimal digit: the regex
    # must change no other line, and the cases it does change show it is really tried.
    m = TRAILING_PAGE_NUMBER.fullmatch(text)
    assert (m.group(1) if m else text) == stripped
    if not text[-1:].isdecimal():
        assert stripped == text


def test_contents_heading_starts_with_one_of_its_gate_letters() -> None:
    # `_Builder.build` tries the contents-heading regex only on lines starting c, C, t or T.
    for first in map(chr, range(0x10000)):  # the whole Basic Multilingual Plane
        for text in (f"{first}ontents", f"{first}able of contents", f"{first}"):
            if _CONTENTS_HEADING.match(text):
                assert first in "cCtT", text
    assert _CONTENTS_HEADING.match("Contents") and _CONTENTS_HEADING.match("TABLE OF CONTENTS")


def test_published_cue_is_held_by_every_match() -> None:
    # `sentence_judgements` searches `_AFTER_PUBLISHED` only in text whose lower case holds
    # the cue: each character re.I takes for a letter of the cue must lower-case to it.
    assert _AFTER_PUBLISHED.pattern.lower().startswith(r"\b" + _PUBLISHED_CUE)
    every_character = "".join(map(chr, range(0x110000)))
    for letter in set(_PUBLISHED_CUE):
        takes = re.findall(re.escape(letter), every_character, re.I)
        assert takes and all(c.lower() == letter for c in takes), letter
    for text in (
        "REPORT PUBLISHED: 3 May 2019 Children's services",
        "Report published 1 June 2018 x",
    ):
        assert _AFTER_PUBLISHED.search(text) and _PUBLISHED_CUE in text.lower()


def _random_lines(rng: random.Random, count: int) -> list[Line]:
    """Lines of every start a rule looks at, with and without geometry, fonts and breaks."""
    starts = ["", "- ", "• ", "– ", "-", "1. ", "12 ", "(a) ", "\uf0b7 ", "\u017f", "\u212a"]
    bodies = [
        "contents",
        "Contents",
        "Table of contents",
        "Immediately:",
        "within three months:",
        "Longer term",
        "Areas for improvement",
        "continued text of the sentence",
        "The council has improved.",
        "Leaders know their services",
        "About the widgets 3",
        "Widget quality\tGood",
        "leaders act on it.",
        "Ofsted",
        "7",
    ]
    lines: list[Line] = []
    page, top = 1, 100.0
    for i in range(count):
        if rng.random() < 0.1:
            page, top = page + 1, 100.0
        top += rng.choice([12.0, 30.0])
        text = rng.choice(starts) + rng.choice(bodies)
        geometric = rng.random() < 0.7
        lines.append(
            Line(
                text=text,
                page=page,
                index=i,
                x0=rng.choice([60.0, 80.0]) if geometric else None,
                x1=500.0 if geometric else None,
                top=top if geometric else None,
                bottom=top + 10 if geometric else None,
                bold=rng.choice([None, True, False]) if geometric else None,
                gap_before=rng.random() < 0.2,
            )
        )
    return lines


def test_rules_offered_by_their_gates_take_the_lines_all_rules_take(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `BlockBuilder.build` offers a line only the rules `RULE_GATES` allow: the
    # blocks must be those that offering every line to every rule in order gives.
    headings = [re.compile(r"^(?:Areas for improvement)\s*$", re.I)]

    def blocks(lines: list[Line]) -> list[tuple[str, str, int | None]]:
        doc = Document(pages=[Page(number=1, lines=lines)], format="pdf", engine="test")
        built = BlockBuilder(CleanedDocument(document=doc), headings).build()
        return [(b.kind, b.text, b.candidate) for b in built]

    rng = random.Random(11)
    for _ in range(300):
        lines = _random_lines(rng, 12)
        gated = blocks([replace(ln) for ln in lines])
        with monkeypatch.context() as patch:
            patch.setattr(blocks_module, "rules_for", lambda *line: LINE_RULES)
            every = blocks([replace(ln) for ln in lines])
        assert gated == every, [ln.text for ln in lines]
    # Each gate refuses some line, or it would spare no rule call.
    facts = [
        LineFacts(first, geometric, inside, broke, current)
        for first in "xT"
        for geometric in (False, True)
        for inside in (False, True)
        for broke in (False, True)
        for current in (None, "text", "heading", "bullet", "table")
    ]
    for gate in RULE_GATES.values():
        assert not all(gate(line) for line in facts)


_JOIN_TEXT = st.text(alphabet="ab -.)1\t", max_size=3 * END_CHARS)


@settings(max_examples=300, deadline=None)
@given(
    left=_JOIN_TEXT,
    right=_JOIN_TEXT,
    words=st.dictionaries(st.sampled_from(["abab", "ab-ab", "aab", "ab"]), st.integers(0, 2)),
)
def test_join_edit_is_join_lines_and_reads_only_the_end(
    left: str, right: str, words: dict[str, int]
) -> None:
    drop, add = join_edit(left, right, words)
    assert left[: len(left) - drop] + add == join_lines(left, right, words)
    # A text that ends in no space is joined the same from its last characters alone.
    stripped = left.rstrip()
    if stripped.strip():
        tail = stripped[-2 * END_CHARS :]
        if tail.strip():
            assert join_edit(tail, right, words) == join_edit(stripped, right, words)


_LONG_BLOCK_BODIES = [
    "the work of multi-",
    "agency teams goes on and reg-",
    "ularly checked, regularly and",
    "the reorganisa-",
    "tion of work, reorganisation and",
    "in 2019 and 3",
    "- the list goes on",
    "-",
    "",
    "continued text of the sentence",
    "leaders act on it.",
    "Areas for improvement",
    "• an item",
    "Contents",
    "About the widgets 3",
]


def _long_block_lines(rng: random.Random, count: int) -> list[Line]:
    lines = _random_lines(rng, count)
    for line in lines:
        if rng.random() < 0.7:
            line.text = rng.choice(_LONG_BLOCK_BODIES)
            line.gap_before = line.gap_before and rng.random() < 0.3
    return lines


def test_a_growing_block_kept_in_parts_gives_the_text_joined_line_by_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A block longer than `OPEN_CHARS` keeps its text in parts and its end apart while it
    # grows; keeping every block so (0) must give the blocks that joining in place gives.
    headings = [re.compile(r"^(?:Areas for improvement)\s*$", re.I)]

    def blocks(lines: list[Line], open_chars: int) -> list[tuple[str, str, int]]:
        doc = Document(pages=[Page(number=1, lines=lines)], format="pdf", engine="test")
        with monkeypatch.context() as patch:
            patch.setattr(growing_module, "OPEN_CHARS", open_chars)
            built = BlockBuilder(CleanedDocument(document=doc), headings).build()
        return [(b.kind, b.text, len(b.lines)) for b in built]

    rng = random.Random(5)
    for _ in range(300):
        lines = _long_block_lines(rng, 40)
        in_parts = blocks([replace(ln) for ln in lines], 0)
        assert in_parts == blocks([replace(ln) for ln in lines], 10**9), [ln.text for ln in lines]


@pytest.mark.skipif(
    "inspectparse.segment.blocks" in compiled_modules(),
    reason="compiled code calls is_terminal directly: a spy set on the module is never called",
)
def test_the_rules_read_only_the_end_of_a_long_block(monkeypatch: pytest.MonkeyPatch) -> None:
    # One block of 3,000 lines with no sentence end (a CSV, a text without full stops): a rule
    # that read or copied its whole text at every line made it quadratic (100,000 lines took
    # 26 s). The sentence-end test sees at most a block's first `OPEN_CHARS` and a line.
    seen: list[int] = []

    def spy(text: str) -> bool:
        seen.append(len(text))
        return is_terminal(text)

    monkeypatch.setattr(blocks_module, "is_terminal", spy)
    lines = [
        Line(text=f"{i},northwick,a value here,{i * 7}", page=1 + i // 50, index=i)
        for i in range(3000)
    ]
    doc = Document(
        pages=[Page(number=n, lines=[ln for ln in lines if ln.page == n]) for n in range(1, 61)],
        format="text",
        engine="test",
    )
    built = BlockBuilder(CleanedDocument(document=doc), []).build()
    assert len(built) == 1 and len(built[0].lines) == 3000
    assert built[0].text == " ".join(ln.text for ln in lines)
    assert len(seen) >= 2999
    assert max(seen) < growing_module.OPEN_CHARS + 100


def test_growing_text_is_join_lines_line_by_line() -> None:
    rng = random.Random(3)
    words = {"regularly": 1, "reorganisation": 2}
    for _ in range(200):
        lines = [rng.choice(_LONG_BLOCK_BODIES) for _ in range(rng.randint(1, 60))]
        growing, joined = GrowingText(lines[0]), lines[0]
        for line in lines[1:]:
            growing.join(line, words)
            joined = join_lines(joined, line, words)
            assert joined.endswith(growing.end)
            assert len(growing.end) >= min(len(joined), 2 * END_CHARS)
        assert growing.start() == joined[: len(growing.start())]
        assert growing.text() == joined


def test_an_item_grown_block_by_block_is_its_blocks_joined() -> None:
    item = RecommendationFinding(
        text="Ensure that plans are reviewed.",
        kind="improvement",
        timescale=None,
        actor=None,
        heading="Areas for improvement",
        number=None,
        sub_items=[],
        rule="test",
        evidence=Evidence(lines=[Line("- Ensure that plans are reviewed.", 1, 0)], text="- x"),
    )
    blocks = [
        Block("text", [Line(f"Sentence {i}.", 1, i + 1)], f" Sentence {i}. ") for i in range(50)
    ]
    growth = ItemGrowth(item)
    for block in blocks:
        growth.add(block)
    assert growth.end.endswith("Sentence 49.")
    growth.done()
    text, evidence = "Ensure that plans are reviewed.", "- x"
    for block in blocks:
        text, evidence = join_lines(text, block.text.strip()), join_lines(evidence, block.text)
    assert (item.text, item.evidence.text) == (text, evidence)
    assert len(item.evidence.lines) == 51


@pytest.mark.skipif(
    "inspectparse.classify.list_items" in compiled_modules(),
    reason="compiled code calls goes_on_item directly: a spy set on the module is never called",
)
def test_an_item_that_runs_on_is_never_read_whole_at_each_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An improvement item followed by 3,000 sentences that go on with it (text without page
    # breaks): joining each onto the item's whole text and evidence was quadratic (40,000 took
    # 8.9 s). Whether the next block goes on reads only the item's end.
    seen: list[int] = []
    goes_on = list_items_module.goes_on_item

    def spy(item_block: Block, block: Block, item_text: str) -> bool:
        seen.append(len(item_text))
        return goes_on(item_block, block, item_text)

    monkeypatch.setattr(list_items_module, "goes_on_item", spy)
    fixture = (FIXTURES / "brent_like.txt").read_text(encoding="utf-8")
    last_item = "- ensure that supervision records show how managers challenge drift"
    assert last_item in fixture
    filler = "".join(f"This sentence {i} goes on.\n" for i in range(3000))
    at = fixture.index(last_item)
    end = fixture.index("\n", at) + 1
    record = inspectparse.extract((fixture[:end] + filler + fixture[end:]).encode())
    longest = max(record.recommendations, key=lambda r: len(r.text))
    assert longest.text.endswith("This sentence 2999 goes on.")
    assert len(seen) >= 3000
    assert max(seen) <= 4 * END_CHARS


def test_lines_in_a_span_are_those_a_scan_of_every_line_finds() -> None:
    rng = random.Random(2)
    for _ in range(3000):
        texts = [rng.choice(["", "a", "abc", "hello world"]) for _ in range(rng.randint(0, 8))]
        lines = [Line(t, 1, i) for i, t in enumerate(texts)]
        joined = LineText.of(lines, sep=rng.choice(["\n", "", " "]))
        start = rng.randint(-1, len(joined.text) + 1)
        end = rng.randint(start, len(joined.text) + 2)
        scanned = [
            ln
            for ln, at in zip(joined.lines, joined.starts, strict=True)
            if at < end and at + len(ln.text) > start
        ]
        assert [ln.index for ln in joined.lines_in(start, end)] == [ln.index for ln in scanned]


def test_a_longer_copy_of_a_cell_is_found_by_one_search() -> None:
    rng = random.Random(4)
    for _ in range(3000):
        texts = ["".join(rng.choice("ab ") for _ in range(rng.randint(0, 4))) for _ in range(6)]
        text = rng.choice([*texts, "a", ""])
        assert _has_longer(sorted(texts), text) == any(
            t != text and t.startswith(text) for t in texts
        )


def test_the_action_lines_around_a_run_are_the_nearest_ones() -> None:
    kinds = [
        ("action" if kind == "a" else "body", Line(f"line {i}", 1, i))
        for i, kind in enumerate("abaabbab")
    ]
    for k in range(len(kinds) + 1):
        expected = next((ln for kind, ln in reversed(kinds[:k]) if kind == "action"), None)
        assert _action_before(kinds, k) is expected
    assert _action_before(kinds, 2) is kinds[0][1] and _action_before(kinds, 0) is None
    for k in range(len(kinds) + 1):
        expected = next((ln for kind, ln in kinds[k:] if kind == "action"), None)
        assert _action_after(kinds, k) is expected
    assert _action_after(kinds, 4) is kinds[6][1] and _action_after(kinds, 7) is None


def test_thousands_of_short_number_runs_are_read_up_to_a_limit_and_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Footnote digits 1-8 under every paragraph, past the last number a paragraph can have
    # (three digits): each run of them cost a pass over every candidate left (quadratic).
    calls: list[int] = []
    best_chain = numbering_module._best_chain

    def spy(*args: object) -> list[int]:
        calls.append(1)
        return best_chain(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(numbering_module, "_best_chain", spy)
    text = "".join(f"{i % 8 + 1} A footnote that goes on.\n\n" for i in range(4000))
    record = inspectparse.extract(("Northwick report\n\n" + text).encode())
    assert len(calls) <= numbering_module.MAX_RUNS
    numbers = [p.number for p in record.paragraphs if p.number is not None]
    assert 0 < len(numbers) <= 8 * numbering_module.MAX_RUNS
    assert any(w.code == "paragraph_run_short" and w.field == "paragraphs" for w in record.warnings)


def test_authority_data_is_the_dataclass_less_its_validity_period() -> None:
    # `authority_data` copies fields one by one instead of `dataclasses.asdict`.
    entries = authorities()
    assert len(entries) > 100
    matched = dataclasses.replace(entries[0], matched_from="Somewhere", rule="name")
    for entry in (*entries, matched):
        expected = dataclasses.asdict(entry)
        del expected["valid_from"], expected["valid_to"]
        expected["lookup_version"] = data_version()
        data = authority_data(entry)
        assert data == expected and list(data or ()) == list(expected)
    assert authority_data(None) is None


def test_majority_of_two_votes_is_the_tally() -> None:
    # `layout._majority` decides two votes (a list marker and its text) without a tally.
    def tally(votes: list[tuple[object, int]]) -> object:
        counts: dict[object, int] = {}
        for value, weight in votes:
            counts[value] = counts.get(value, 0) + weight
        return max(counts, key=counts.__getitem__)

    rng = random.Random(3)
    for _ in range(2000):
        votes = [(rng.choice(["Arial", "Arial-Bold", 9.5, 11.0]), rng.randint(1, 4))]
        votes.append((rng.choice([votes[0][0], "Symbol", 12.0]), rng.randint(1, 4)))
        assert _majority(votes) == tally(votes), votes


def test_list_marker_regex_matches_five_characters_at_most() -> None:
    # `is_list_marker` tries `_MARKER` only on tokens of five characters or fewer, and
    # `_cells` asks `is_list_marker` (memoised) what it used to ask `_MARKER`.
    import itertools

    # Every six-character string of the characters a marker is made of: none is one.
    for chars in itertools.product("(1a.)-\u2022\uf0b7", repeat=6):
        assert not _MARKER.match("".join(chars))
    assert is_list_marker("(123)") and is_list_marker("12.") and not is_list_marker("(1234)")
