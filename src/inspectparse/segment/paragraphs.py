"""Grouping blocks into paragraphs (a numbered block with the items and continuations that
belong to it) and sections (a heading with what is under it); the pages' footnotes as
paragraphs of their own."""

from __future__ import annotations

import re

from ..clean import Vocabulary
from ..document import Document, Evidence, Line, Note
from ..footnotes import FOOTNOTE_MARKER
from ..grades import GRADE_PHRASE
from .headings import FOOTNOTE_TAIL, KnownHeadings, strip_footnote
from .joins import join_lines
from .numbering import NUMBER_ALONE, NUMBERED
from .units import Block, ParagraphUnit, SectionUnit

# A heading that is a grade alone ("Grade 4 (Inadequate)" under a graded heading, a summary
# table's grade cell, "Requires" cut from "improvement"): the grade of what it sits under or
# beside, never a section of its own.
GRADE_ALONE = re.compile(rf"^(?:grade\s+\d\s*\(\s*)?(?:{GRADE_PHRASE}|requires?)\s*\)?\.?$", re.I)

# Where Ofsted's back page begins (its description of itself, the alternative-format offer, the
# licence, the Crown copyright line) or the closing boilerplate before it, read on a block's
# whole text (a body sentence may name Ofsted in full; only the back page "regulates").
BACK_PAGE_OPENING = re.compile(
    r"^(?:The Office for Standards in Education, Children.s Services and Skills \(Ofsted\)"
    r"\s+regulates"
    r"|If you would like a copy of this document in a different format"
    r"|You may (?:re-?use|copy) (?:this|all)"
    r"|This publication is available at"
    r"|©\s*Crown copyright"
    # The closing boilerplate of 2014-15 reports before it.
    r"|What the inspection judgements mean"
    r"|Any complaints about the inspection or the report)",
    re.I,
)
# Ofsted's own address: on the back page, and as a letter's letterhead, so never an opening.
# Each form with a word, lower-cased, that every match of it holds (a cheap test first).
_ADDRESS_FORMS = (
    ("piccadilly gate", r"Piccadilly Gate"),
    ("manchester", r"Store St(?:reet)?,? Manchester"),
    ("enquiries@ofsted.gov.uk", r"enquiries@ofsted\.gov\.uk"),
)
OFSTED_ADDRESS = re.compile("|".join(form for _, form in _ADDRESS_FORMS), re.I)
_ADDRESS_WORDS = tuple(word for word, _ in _ADDRESS_FORMS)
# A line that opens the back page or its address, as far as a line wrapped at 60 columns
# shows it: no paragraph runs on into it, and no line of it runs on a block (`blocks`).
BACK_PAGE = re.compile(
    r"^(?:The Office for Standards in Education\b"
    r"|If you would like a copy of this document"
    r"|You may (?:re-?use|copy) (?:this|all)"
    r"|This publication is available at"
    r"|©\s*Crown copyright"
    r"|What the inspection judgements mean"
    r"|Any complaints about the inspection"
    r"|Piccadilly Gate)",
    re.I,
)


def furniture_blocks(blocks: list[Block], known: KnownHeadings) -> set[int]:
    """The indices of the blocks that are Ofsted's printed furniture, not the report's text: the
    back page, from one of its openings up to the end of its page, the report's next numbered
    paragraph, or a heading that is surely one (a known heading, or bold: a second report
    bound in after it, the body after a 2012 report's inside cover; a short line of the back
    page read as a heading in text input does not end it), and Ofsted's address wherever it
    stands (a letter's letterhead)."""
    furniture: set[int] = set()
    back_page: int | None = None  # the page number of the back page being read
    for idx, block in enumerate(blocks):
        if BACK_PAGE_OPENING.match(block.text):
            back_page = block.page
        elif block.number is not None or block.page != back_page or _sure_heading(block, known):
            back_page = None
        in_back_page = back_page is not None
        if in_back_page or (block.number is None and _names_ofsted_address(block.text)):
            furniture.add(idx)
    return furniture


def _names_ofsted_address(text: str) -> bool:
    # A case-insensitive regex scan costs ~30 us per 1,000 characters, and every block is
    # tried: only a text holding one of the address's words in lower case is scanned.
    lowered = text.lower()
    return any(word in lowered for word in _ADDRESS_WORDS) and bool(OFSTED_ADDRESS.search(text))


def _sure_heading(block: Block, known: KnownHeadings) -> bool:
    return block.kind == "heading" and (bool(block.lines[0].bold) or known.match(block.text))


def group_paragraphs(
    blocks: list[Block], furniture: set[int]
) -> tuple[list[ParagraphUnit], list[SectionUnit]]:
    """Paragraphs and sections of the report's own text: Ofsted's furniture (the blocks in
    `furniture_blocks`: its back page and address) is in neither."""
    paragraphs: list[ParagraphUnit] = []
    sections: list[SectionUnit] = []
    current_section: str | None = None
    current: ParagraphUnit | None = None
    for idx, block in enumerate(blocks):
        if idx in furniture:
            current = None  # the back page: the last paragraph ends here
            continue
        if block.kind == "heading" and GRADE_ALONE.match(block.text):
            current = None  # the grade of the heading above, or a table's cell
            continue
        if block.kind == "heading":
            current_section = block.text
            sections.append(SectionUnit(block.text, idx, block.page))
            current = None
            continue
        if block.kind in ("contents", "table"):
            current = None
            continue
        if block.kind == "subheading":
            if current is not None:
                current.blocks.append(block)
            continue
        if block.number is not None:
            current = ParagraphUnit(block.number, block.number_inferred, current_section, [block])
            current.repairs.extend(block.repairs)
            paragraphs.append(current)
            if sections:
                sections[-1].paragraph_numbers.append(block.number)
            continue
        if current is not None and (current.number is not None or _goes_on(current, block)):
            current.blocks.append(block)
            current.repairs.extend(block.repairs)
            continue
        current = ParagraphUnit(None, False, current_section, [block])
        paragraphs.append(current)
    # A heading with nothing under it before the next heading (title-page lines, a heading
    # that wraps into two blocks, a table's row label over its grade cell) is not a section
    # of its own.
    ends = [s.block_index for s in sections[1:]] + [len(blocks)] if sections else []
    sections = [
        s
        for s, end in zip(sections, ends, strict=True)
        if any(
            blocks[k].kind not in ("heading", "contents", "table") and k not in furniture
            for k in range(s.block_index + 1, end)
        )
    ]
    return paragraphs, sections


def footnote_blocks(document: Document, vocabulary: Vocabulary) -> list[Block]:
    """Each footnote the clean stage set apart (layer `footnote`) as a block: its marker's line
    and the lines after it, up to the next footnote's marker (the next number) or the page's
    end. A marker alone after the lines before it (a converter read the superscript last)
    leads their text."""
    footnotes: list[Block] = []
    for page in document.pages:
        number: int | None = None  # the page's last footnote's
        before: list[Line] = []  # footnote lines before the page's first marker
        for line in page.lines:
            if line.layer != "footnote":
                continue
            text = line.text.strip()
            marker = FOOTNOTE_MARKER.match(text)
            if marker and before and text.isdecimal():
                number = int(text)
                footnotes.append(
                    Block("footnote", [*before, line], f"{text} {_joined(before, vocabulary)}")
                )
                before = []
            elif marker and (number is None or int(marker.group(1)) == number + 1):
                number = int(marker.group(1))
                footnotes.append(Block("footnote", [line], text))
            elif number is None:
                before.append(line)
            else:
                footnote = footnotes[-1]
                footnote.lines.append(line)
                if footnote.text.isdecimal():  # its marker alone above its text ("3")
                    footnote.text = f"{footnote.text} {text}"
                else:
                    footnote.text = join_lines(footnote.text, text, vocabulary)
        if before:  # no marker followed them: their text all the same, never lost
            footnotes.append(Block("footnote", before, _joined(before, vocabulary)))
    return footnotes


def _joined(lines: list[Line], vocabulary: Vocabulary) -> str:
    text = lines[0].text.strip()
    for line in lines[1:]:
        text = join_lines(text, line.text.strip(), vocabulary)
    return text


def unmark_headings(blocks: list[Block], footnotes: list[Block]) -> None:
    """A heading's footnote marker, its number glued to its last word ("... Board1"), left out
    of its text where its page has that footnote: the title is the words ("Annex 2", with no
    such footnote, keeps its number)."""
    if not footnotes:
        return
    cited = {
        (note.page, int(m.group(1)))
        for note in footnotes
        if (m := FOOTNOTE_MARKER.match(note.text))
    }
    for block in blocks:
        text = block.text
        if (
            block.kind == "heading"
            and text[-1:].isdigit()
            and (block.page, int(text[-1])) in cited
            and FOOTNOTE_TAIL.search(text)
        ):
            block.text = strip_footnote(text)


def with_footnotes(paragraphs: list[ParagraphUnit], footnotes: list[Block]) -> list[ParagraphUnit]:
    """The paragraphs with each footnote after the last paragraph begun on its page or before
    (the one its page's text ends in), in that paragraph's section."""
    if not footnotes:
        return paragraphs
    merged: list[ParagraphUnit] = []
    pending = list(reversed(footnotes))
    for k, unit in enumerate(paragraphs):
        merged.append(unit)
        following = paragraphs[k + 1].page if k + 1 < len(paragraphs) else None
        while pending and (following is None or pending[-1].page < following):
            merged.append(ParagraphUnit(None, False, unit.section, [pending.pop()]))
    merged.extend(ParagraphUnit(None, False, None, [note]) for note in reversed(pending))
    return merged


def _goes_on(unit: ParagraphUnit, block: Block) -> bool:
    """Whether a block goes on an unnumbered paragraph: a sub-item does (a sub-bullet, or an
    item in another glyph after an item that ends in a colon), and so does an item of a list
    the paragraph's text leads in to (ending in a colon) or of a list of phrases (the item
    starts in lower case). An item that is a whole paragraph (as a letter's findings are set,
    one bulleted paragraph after another) is a paragraph of its own, and so is text."""
    if block.kind == "text":
        return False
    if block.kind != "bullet":
        return True
    first = unit.blocks[0]
    if first.kind == "text" and first.text.rstrip().endswith(":"):
        return True
    if block.text.lstrip(_GLYPHS)[:1].islower():
        return True
    glyph = block.text.lstrip()[:1]
    return glyph != first.text.lstrip()[:1] and any(
        b.text.rstrip().endswith(":") for b in unit.blocks
    )


# What sets an item apart from its text.
_GLYPHS = "•-–*· \t"


# Unnumbered body text after the numbered run, beyond this many characters and this share of
# the numbered text, means the run stopped early (the report's paragraphs go on unnumbered).
SHORT_RUN_TAIL_CHARS = 5000
SHORT_RUN_TAIL_SHARE = 0.5


def check_run_end(
    paragraphs: list[ParagraphUnit], blocks: list[Block], furniture: set[int]
) -> list[Note]:
    """A review warning when the numbered run stops long before the body text ends: the text
    after the last paragraph number (up to Ofsted's back page) holds the next number, or is
    long beside the numbered text."""
    numbered = [k for k, unit in enumerate(paragraphs) if unit.number is not None]
    if not numbered:
        return []
    last = paragraphs[numbered[-1]]
    assert last.number is not None
    index = {id(block): k for k, block in enumerate(blocks)}
    start = index[id(last.blocks[0])]
    stop = min((k for k in furniture if k > start), default=len(blocks))
    tail = [u for u in paragraphs[numbered[-1] + 1 :] if index[id(u.blocks[0])] < stop]
    # Blocks after the last numbered one: the rest of its paragraph, then the tail.
    after = last.blocks[1:] + [block for unit in tail for block in unit.blocks]
    follows = next(
        (
            block
            for block in after
            if (n := _opening_number(block.text)) is not None and 0 < n - last.number <= 2
        ),
        None,
    )
    tail_chars = sum(len(block.text) for block in after)
    numbered_chars = sum(len(paragraphs[k].text) for k in numbered)
    long_tail = tail_chars > max(SHORT_RUN_TAIL_CHARS, SHORT_RUN_TAIL_SHARE * numbered_chars)
    if follows is None and not long_tail:
        return []
    if follows is not None:
        where = follows.lines
        reason = f"text numbered {_opening_number(follows.text)} follows it"
    else:
        where = after[0].lines
        reason = f"{tail_chars} characters of unnumbered text follow it"
    return [
        Note(
            "paragraph_run_short",
            f"the numbered paragraphs stop at {last.number} but {reason}",
            evidence=Evidence(where, None, paragraph=last.number),
        )
    ]


def _opening_number(text: str) -> int | None:
    """The number a block opens with: with its text, or alone (a number a converter set
    apart that no paragraph start took)."""
    if m := NUMBERED.match(text):
        return int(m["num"])
    alone = NUMBER_ALONE.match(text.strip())
    return int(alone[1]) if alone else None
