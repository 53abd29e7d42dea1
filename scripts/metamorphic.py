"""Metamorphic variants of converted reports: the same report, written a little differently.

Unseen reports differ from the corpus's in small ways that do not change what they say: lines
wrapped at another width, other dash and quote characters, spacing, ligatures, blank lines,
headings in capitals. Each transformation here keeps a report's meaning, so a record read from
the variant must give the same facts as the original. This writes a corpus-shaped folder whose
`text/<converter>+<transform>/` holds every converter's text so transformed, with the corpus's
gold and reports linked, and can score every variant against the gold and the original:

    .venv/bin/python scripts/metamorphic.py --out /tmp/meta --score
    .venv/bin/python -m inspectparse.accuracy --corpus /tmp/meta \\
        --engine text:pdftotext+wrap60 --show-failures

The texts are written outside the repository: they are the reports' own sentences.
tests/test_metamorphic.py applies the same transformations to the synthetic fixtures.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from inspectparse.load.bullets import BULLET_GLYPHS

CONVERTERS = ("markitdown", "pdftotext", "pdftotext-layout")

# A line that opens an item or a numbered paragraph: its marker stays at the line's start.
_ITEM_START = re.compile(
    rf"^(\s*(?:\d{{1,3}}\.|\(?[a-z0-9]{{1,3}}\)|[{BULLET_GLYPHS}\-–*])\s*)(?=\S)"
)
# A paragraph number or a bullet set apart on its own line.
_LONE_MARKER = re.compile(rf"^\s*(?:\d{{1,3}}\.?|[{BULLET_GLYPHS}])\s*$")
# A bullet glyph opening a line: converters map the same bullet to different characters
# (a private-use glyph, "•", "◼", or a plain "-").
_LEADING_GLYPH = re.compile(rf"^(\s*)[{BULLET_GLYPHS}](?=\s)")
# A title page's field ("Inspection dates: ...", "Lead inspector: ..."): a line of its own.
_FIELD = re.compile(r"^\s*[A-Z][\w’' ]{2,30}:\s")
# A line that is a table row or markup, never re-wrapped: a tab, a gap of three or more
# spaces after its first word, a markdown table or heading.
_TABLE_ROW = re.compile(r"\t|\S {3,}\S|^\s*[|#]|\|\s*$")
# The text's width: the line length at this percentile; a line that reaches this share of it
# was wrapped by the converter, so the paragraph goes on after it.
_WIDTH_PERCENTILE = 0.8
_FULL_SHARE = 0.75
# Lines indented further are a table's cells in a column layout, not body text.
_MAX_INDENT = 12


def _text_width(lines: list[str]) -> int:
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    return lengths[int(len(lengths) * _WIDTH_PERCENTILE)] if lengths else 0


def rewrap(text: str, width: int) -> str:
    """Body paragraphs (runs of two or more lines that each but the last reach the text's
    width) wrapped again at `width`; headings, items' markers, paragraph numbers, table rows,
    blank lines and page breaks stay lines. A line ending in a hyphen joins the next whole
    ("multi-" + "agency"), as a converter of the wider page would print it."""
    lines = text.split("\n")
    full = _FULL_SHARE * _text_width(lines)
    out: list[str] = []
    para: list[str] = []

    feed = ""  # the form feed a page's first line carries, kept before its paragraph

    def flush() -> None:
        nonlocal feed
        wrapped = para if len(para) < 2 or _ambiguous(para) else _wrap_paragraph(para, width)
        if wrapped:
            wrapped[0] = feed + wrapped[0]
            feed = ""
        out.extend(wrapped)
        para.clear()

    for line in lines:
        page_break = line.startswith("\f")
        if page_break:
            flush()
            feed, line = "\f" * (len(line) - len(line.lstrip("\f"))), line.lstrip("\f")
        marker = _ITEM_START.match(line)
        rest = line[marker.end() :] if marker else line
        verbatim = (
            not line.strip()
            or "\f" in line
            or _TABLE_ROW.search(rest) is not None
            or _LONE_MARKER.match(line) is not None
            or _FIELD.match(line) is not None
        )
        opens = marker is not None
        if verbatim and page_break:
            line, feed = feed + line, ""
        if verbatim or opens or (para and len(para[-1].rstrip()) < full):
            flush()
        elif para and len(line.rstrip()) < full and not _ends_paragraph(para[-1], line):
            flush()  # a heading or page number after a paragraph's last full line
        if verbatim:
            out.append(line)
        else:
            para.append(line)
    flush()
    return "\n".join(out)


# A line that ends a sentence before a line that opens one: in the original a paragraph may
# end there or go on, so the paragraph is left as it is (joining two would be unfaithful).
_SENTENCE_END = re.compile(r"[.?!:][’”)]?\s*$")
_SENTENCE_START = re.compile(r"^\s*[‘“(]?[A-Z0-9]")


def _ambiguous(para: list[str]) -> bool:
    """Also a paragraph whose lines are not one column (a table's cells, laid out)."""
    indents = {len(ln) - len(ln.lstrip(" ")) for ln in para[1:]}
    if len(indents) > 1 or max(indents) > _MAX_INDENT or para[0][:_MAX_INDENT].isspace():
        return True
    return any(
        _SENTENCE_END.search(a) and _SENTENCE_START.match(b)
        for a, b in zip(para, para[1:], strict=False)
    )


def _ends_paragraph(previous: str, short: str) -> bool:
    """Whether a short line after a full one is the paragraph's last line: it ends a
    sentence or clause, or the full line left its sentence open. A page number, or a
    heading after a finished sentence, is not."""
    text = short.strip()
    if text.isdigit():
        return False
    return text[-1] in ".?!:;,)’”" or previous.rstrip()[-1] not in ".?!:"


def _wrap_paragraph(para: list[str], width: int) -> list[str]:
    first = para[0]
    marker = _ITEM_START.match(first)
    lead = marker.group(1) if marker else first[: len(first) - len(first.lstrip())]
    follow = para[1][: len(para[1]) - len(para[1].lstrip())]
    words = first[len(lead) :].strip()
    for line in para[1:]:
        words += ("" if words.endswith("-") and words[-2:-1].isalpha() else " ") + line.strip()
    return textwrap.wrap(
        words,
        width=width,
        initial_indent=lead,
        subsequent_indent=follow,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _per_line(change: Callable[[str], str]) -> Callable[[str], str]:
    """A change made on each line's text, form feeds kept where they were."""

    def apply(text: str) -> str:
        out = []
        for line in text.split("\n"):
            feed = len(line) - len(line.lstrip("\f"))
            out.append(line[:feed] + change(line[feed:]))
        return "\n".join(out)

    return apply


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# A date range: "27 September to 8 October 2021", "8 - 12 October 2021", "8–12 Oct...".
_DAY = rf"\d{{1,2}}(?: {_MONTH})?(?: (?:19|20)\d{{2}})?"
_RANGE_TO = re.compile(rf"(?<!from )(?<!From )\b({_DAY}) to (\d{{1,2}} {_MONTH} (?:19|20)\d{{2}})")
_RANGE_DASH = re.compile(rf"\b({_DAY}) ?[-–] ?(\d{{1,2}} {_MONTH} (?:19|20)\d{{2}})")
_DAY_OF_MONTH = re.compile(rf"\b(\d{{1,2}})( {_MONTH}\b)")


def _ordinal(match: re.Match[str]) -> str:
    day = int(match.group(1))
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}{match.group(2)}"


def _curly(line: str) -> str:
    line = re.sub(r"(?<=\w)'(?=\w)", "\u2019", line)
    line = re.sub(r"(^|[\s(])'", "\\1\u2018", line)
    line = line.replace("'", "\u2019")
    line = re.sub(r'(^|[\s(])"', "\\1\u201c", line)
    return line.replace('"', "\u201d")


def _short_word_no_break(line: str) -> str:
    """No-break spaces where typesetters put them: inside dates (between a number and a
    word) and after short words."""
    line = re.sub(r"(?<=\d) (?=[A-Za-z])|(?<=[A-Za-z]) (?=\d)", "\u00a0", line)
    return re.sub(r"\b([A-Za-z]{1,3}) (?=\w)", "\\1\u00a0", line)


def _headings_upper() -> Callable[[str], str]:
    from inspectparse.profiles import known_headings

    patterns = known_headings()

    def is_heading(line: str) -> bool:
        bare = line.strip().strip("#*").strip()
        return (
            0 < len(bare) <= 80 and not bare.endswith(".") and any(p.match(bare) for p in patterns)
        )

    def apply(text: str) -> str:
        lines = text.split("\n")
        out = list(lines)
        for i, line in enumerate(lines):
            if not is_heading(line.lstrip("\f")):
                continue
            out[i] = line.upper()
            # A heading wrapped onto a short next line in lower case ("protection: good").
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if (
                nxt.strip()[:1].islower()
                and len(nxt.strip()) < 40
                and not nxt.rstrip().endswith(".")
                and "\f" not in nxt
            ):
                out[i + 1] = nxt.upper()
        return "\n".join(out)

    return apply


def _blank_lines_added(text: str) -> str:
    """A blank line between two paragraphs: after a line that ends a sentence short of the
    text's width (a full line ending a sentence may be inside a paragraph), before a line
    that opens one."""
    lines = text.split("\n")
    full = _FULL_SHARE * _text_width(lines)
    out: list[str] = []
    for line, nxt in zip(lines, [*lines[1:], ""], strict=True):
        out.append(line)
        if (
            len(line.rstrip()) < full
            and _SENTENCE_END.search(line)
            and not line.rstrip().endswith(":")
            and _SENTENCE_START.match(nxt)
        ):
            out.append("")
    return "\n".join(out)


def _blank_lines_removed(text: str) -> str:
    """Text with no blank lines, as some converters write it. Only where form feeds keep the
    page breaks: without them a blank line may be the only trace of one (the Brent text)."""
    return re.sub(r"\n[ \t]*(?=\n)", "", text) if "\f" in text else text


# A line's leading item marker (a paragraph number, a bullet) and the spaces after it.
_MARKER_GAP = re.compile(rf"^(\s*(?:\d{{1,3}}\.|[{BULLET_GLYPHS}\-–]))[ ]+(?=\S)")


def _tabs(line: str) -> str:
    """A tab after an item's number or bullet, as text copied from a word processor's PDF
    has it ("10.<TAB>Managers ...")."""
    return _MARKER_GAP.sub("\\1\t", line)


def _browser_print(gap: str) -> Callable[[str], str]:
    """Every page as a browser prints a PDF it shows: the date and time, then the title, at
    the top; the address, then "page/pages", at the foot (an analyst's "print to PDF" of a
    report read online). A column layout sets each pair on one row, `gap` apart; a reading
    order writer gives each its own line. Only where form feeds mark three pages or more:
    lines on fewer pages are no evidence of running lines, so the title under them on page 1
    is as likely their title as the report's."""

    def apply(text: str) -> str:
        pages = text.split("\f")
        if not pages[-1].strip():
            pages.pop()
        if len(pages) < 3:
            return text
        return "".join(
            f"07/12/2026, 16:20{gap}Ofsted report\n{page.strip(chr(10))}\n"
            f"https://files.ofsted.gov.uk/v1/file/50012345{gap}{n}/{len(pages)}\n\f"
            for n, page in enumerate(pages, 1)
        )

    return apply


def _number_to_top(text: str) -> str:
    """Each page's printed number (a lone number ending the page) set over the page instead,
    as reports with their number in the running header print it."""
    if "\f" not in text:
        return text
    out = []
    for page in text.split("\f"):
        lines = page.rstrip("\n").split("\n")
        if lines and lines[-1].strip().isdigit():
            lines = [lines[-1], *lines[:-1]]
        out.append("\n".join(lines) + "\n")
    return "\f".join(out)


def _title_header(count: int) -> Callable[[str], str]:
    """Page 1's first `count` lines set over every later page too: a report whose running
    header repeats its cover's title or its provider's name. Only where form feeds mark the
    pages: without them the copies are the body's lines."""

    def apply(text: str) -> str:
        if "\f" not in text:
            return text
        first, *rest = text.split("\f")
        head = "".join(f"{ln}\n" for ln in [ln for ln in first.split("\n") if ln.strip()][:count])
        return "\f".join([first, *(head + page if page.strip() else page for page in rest)])

    return apply


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "wrap60": lambda t: rewrap(t, 60),
    "wrap110": lambda t: rewrap(t, 110),
    "unwrapped": lambda t: rewrap(t, 10_000),
    "number-top": _number_to_top,
    "title-header": _title_header(1),
    "title-header-2": _title_header(2),
    "bullets-dot": _per_line(lambda ln: _LEADING_GLYPH.sub("\\1\u2022", ln)),
    "bullets-dash": _per_line(lambda ln: _LEADING_GLYPH.sub("\\1-", ln)),
    "ascii-dashes": lambda t: re.sub("[\u2013\u2014\u2011]", "-", t),
    "date-dash": _per_line(lambda ln: _RANGE_TO.sub("\\1 \u2013 \\2", ln)),
    "date-hyphen": _per_line(lambda ln: _RANGE_TO.sub("\\1-\\2", ln)),
    "date-to": _per_line(lambda ln: _RANGE_DASH.sub("\\1 to \\2", ln)),
    "ordinals": _per_line(lambda ln: _DAY_OF_MONTH.sub(_ordinal, ln)),
    "straight-quotes": lambda t: re.sub("[\u2018\u2019]", "'", re.sub("[\u201c\u201d]", '"', t)),
    "curly-quotes": _per_line(_curly),
    "double-spaces": _per_line(lambda ln: re.sub(r"(?<=[.,:;]) (?=\S)", "  ", ln)),
    "trailing-spaces": _per_line(lambda ln: ln + ("  " if ln.strip() else " ")),
    "tabs": _per_line(_tabs),
    "no-page-breaks": lambda t: t.replace("\f", "\n"),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "nbsp": _per_line(_short_word_no_break),
    "soft-hyphens": _per_line(lambda ln: re.sub(r"\b([A-Za-z]{4})([a-z]{5,})", "\\1\u00ad\\2", ln)),
    "ligatures": lambda t: t.replace("fi", "\ufb01").replace("fl", "\ufb02"),
    "zero-width": _per_line(lambda ln: re.sub(r"(?<![\w\u200b])(?=[A-Z])", "\u200b", ln)),
    "blank-lines-added": _blank_lines_added,
    "blank-lines-removed": _blank_lines_removed,
    "browser-print": _browser_print("\n"),
    "browser-print-layout": _browser_print(" " * 40),
}


# Transformations faithful to some converters only. A column layout's blank lines are its
# vertical geometry and markdown's are its paragraph syntax: neither writer drops them. A
# layout writer sets every gap with spaces, never a tab.
ONLY_FOR = {
    # In a column layout a blank line is vertical space (a table's row padding too): added
    # only after short lines it would space some rows and paragraphs and not others.
    "blank-lines-added": ("markitdown", "pdftotext"),
    "blank-lines-removed": ("pdftotext",),
    "tabs": ("markitdown", "pdftotext"),
    "browser-print": ("markitdown", "pdftotext"),
    "browser-print-layout": ("pdftotext-layout",),
}


def applies(transform: str, converter: str) -> bool:
    return converter in ONLY_FOR.get(transform, (converter,))


def transforms() -> dict[str, Callable[[str], str]]:
    """Every transformation by name (upper-case headings need the profiles' headings)."""
    return {**TRANSFORMS, "upper-headings": _headings_upper()}


def write_variants(corpus: Path, out: Path, converters: list[str], names: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("gold.jsonl", "reports", "README.md"):
        link = out / name
        if not link.exists() and (corpus / name).exists():
            link.symlink_to((corpus / name).resolve())
    table = transforms()
    for converter in converters:
        base = corpus / "text" / converter
        for src in sorted(base.rglob("*.txt")):
            text = src.read_text(encoding="utf-8")
            rel = src.relative_to(base)
            for name in (n for n in names if applies(n, converter)):
                dest = out / "text" / f"{converter}+{name}" / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(table[name](text), encoding="utf-8", newline="")
        print(f"{converter}: {len(names)} variants written", file=sys.stderr)


def score(corpus: Path, out: Path, converters: list[str], names: list[str]) -> list[str]:
    """Each variant against the gold and against its converter's original record."""
    from inspectparse.accuracy.measure import Result, run

    def summary(results: list[Result]) -> tuple[int, int, int, int]:
        ok = [r for r in results if r.error is None]
        return (
            sum(bool(r.checks.get("full")) for r in ok),
            sum(len(r.silent_wrong) for r in ok),
            sum(len(r.silent_miss) for r in ok),
            len(results),
        )

    rows = [
        "| variant | every field right | wrong, no warning | misses, no warning | facts changed |",
        "|---|---|---|---|---|",
    ]
    for converter in converters:
        base_facts: dict[str, dict[str, object]] = {}
        base = run(corpus, f"text:{converter}", None, base_facts)
        full, wrong, miss, n = summary(base)
        rows.append(f"| {converter} | {full}/{n} | {wrong} | {miss} | - |")
        base_fail = {r.file: set(r.failures) for r in base}
        for name in (n for n in names if applies(n, converter)):
            facts: dict[str, dict[str, object]] = {}
            results = run(out, f"text:{converter}+{name}", None, facts)
            full, wrong, miss, n = summary(results)
            changed = [f for f in facts if facts[f] != base_facts.get(f)]
            rows.append(f"| {converter}+{name} | {full}/{n} | {wrong} | {miss} | {len(changed)} |")
            for r in results:
                new = [f for f in r.failures if f not in base_fail.get(r.file, set())]
                if r.error:
                    new.append(f"error: {r.error}")
                if new:
                    print(f"{converter}+{name}: {r.file}", file=sys.stderr)
                    for failure in new:
                        print(f"    {failure}", file=sys.stderr)
            for f in changed:
                diff = {
                    k: (base_facts[f].get(k), v)
                    for k, v in facts[f].items()
                    if base_facts[f].get(k) != v
                }
                print(f"  changed {converter}+{name}: {f}: {diff}", file=sys.stderr)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/meta"))
    parser.add_argument("--converter", action="append", choices=CONVERTERS)
    parser.add_argument("--transform", action="append", choices=sorted(transforms()))
    parser.add_argument("--score", action="store_true", help="score every variant (table)")
    parser.add_argument("--no-write", action="store_true", help="score texts already written")
    args = parser.parse_args()
    converters = args.converter or list(CONVERTERS)
    names = args.transform or list(transforms())
    if not args.no_write:
        write_variants(args.corpus, args.out, converters, names)
    if args.score:
        print("\n".join(score(args.corpus, args.out, converters, names)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
