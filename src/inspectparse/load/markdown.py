"""Markdown from document converters (markitdown, pymupdf4llm, docling, marker, ...) -> plain
lines in the shape the text loader and later stages read.

- `# Heading` lines lose their hashes and stand alone between blank lines (the text rule for
  headings: a short line standing alone);
- `- `, `* ` and `+ ` bullets become the bullet glyph `•` (a real list item, unlike the bare
  "- " artefact of the seed's text conversion, which stays for `segment` to judge);
- pipe tables: a row's cells are joined with tabs (the layout the summary-table reader takes
  for text), the delimiter row is dropped, `<br>` inside a cell is a space;
- backslash escapes are undone, links and images keep their text, HTML comments go;
- `**bold**` and `__bold__` stay for `clean` to unwrap (it does so for every text);
- with no form feeds, thematic-break lines (`---`, `***`, `___`), which converters write
  between pages, are page breaks when there are at least two of them.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
# Markdown's escapable punctuation.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'])")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_CODE_FENCE = re.compile(r"^\s*(```|~~~)")
# Split a table row at pipes that are not escaped.
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def looks_like_markdown(text: str) -> bool:
    """Markdown's own syntax: `#` headings, a pipe table, or backslash escapes beside bullets.

    Bold markers and "- " lines alone are not enough: plain conversions have them too (the
    seed's text has bold grades and "- " artefacts that are not list items).
    """
    headings = tables = escapes = 0
    for line in text.split("\n"):
        if _HEADING.match(line):
            headings += 1
        elif _TABLE_DELIMITER.match(line):
            tables += 1
        elif "\\" in line and _ESCAPE.search(line):
            escapes += 1
        if headings >= 2 or tables:
            return True
    return headings >= 1 and escapes >= 1 or escapes >= 3


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _inline(text: str) -> str:
    """Inline markdown to plain text (emphasis is left for `clean`)."""
    if "<" in text:
        text = _BREAK_TAG.sub(" ", text)
    if "](" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "\\" in text:
        text = unescape(text)
    return text


def _table_row(line: str) -> str:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = [_inline(c.strip()) for c in _CELL_SPLIT.split(body)]
    # Repeated cells (a header merged across columns) and empty cells carry nothing.
    kept = [c for c in cells if c]
    return "\t".join(kept) if len(kept) > 1 else (kept[0] if kept else "")


def markdown_to_text(text: str, *, page_rules: bool) -> tuple[str, bool]:
    """(plain text, whether page breaks were taken from thematic-break lines)."""
    text = _HTML_COMMENT.sub("", text)
    lines = text.split("\n")
    breaks = sum(1 for ln in lines if _THEMATIC_BREAK.match(ln)) if page_rules else 0
    use_rules = breaks >= 2
    out: list[str] = []
    in_code = False
    for line in lines:
        if _CODE_FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            out.append(line)
            continue
        if _THEMATIC_BREAK.match(line):
            # A page rule becomes a form feed; any other rule is a visible break.
            out.append("\f" if use_rules else "")
            continue
        if _TABLE_DELIMITER.match(line):
            continue
        if _TABLE_ROW.match(line):
            out.append(_table_row(line))
            continue
        heading = _HEADING.match(line)
        if heading:
            out.extend(["", _inline(heading.group(2)), ""])
            continue
        bullet = _BULLET.match(line)
        if bullet:
            line = "• " + line[bullet.end() :]
        elif line.lstrip().startswith(">"):
            line = line.lstrip()[1:].lstrip()
        out.append(_inline(line))
    plain = "\n".join(out).replace("\n\f\n", "\f").replace("\f\n", "\f").replace("\n\f", "\f")
    return plain, use_rules
