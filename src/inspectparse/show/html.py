"""The view as a small HTML fragment, for a notebook (`Record._repr_html_`)."""

from __future__ import annotations

import html
from typing import Any

from .render import GRADE_STYLES, group_head
from .view import humanise, view

_HTML_COLOURS = {"green": "#1a7f37", "yellow": "#9a6700", "red": "#cf222e"}


def to_html(record: Any) -> str:
    """The view as a small HTML fragment (`Record._repr_html_`)."""
    v = view(record)
    esc = html.escape
    parts = [
        "<div>",
        f"<strong>{esc(v.title)}</strong><br><em>{esc(v.kind)}</em>",
        "<table>",
        *(f"<tr><td>{esc(k)}</td><td>{esc(val)}</td></tr>" for k, val in v.facts),
        f"<tr><td>Structure</td><td>{esc(v.structure)}</td></tr>",
        "</table>",
    ]
    if v.judgements:
        parts.append("<table><tr><th>Judgement</th><th>Grade</th></tr>")
        for j in v.judgements:
            style = GRADE_STYLES.get(j.grade or "", "").split()
            colour = _HTML_COLOURS.get(style[-1], "") if style else ""
            grade = humanise(j.grade) if j.grade else "not graded"
            code = f" ({j.grade_code})" if j.grade_code is not None else ""
            parts.append(
                f"<tr><td>{esc(j.label)}</td>"
                f"<td style='color:{colour}'>{esc(grade)}{code}</td></tr>"
            )
        parts.append("</table>")
    for group in v.groups:
        parts.append(f"<p>{esc(group_head(group).plain)}</p><ol>")
        for item in group.items:
            who = f" <em>({esc(item.actor)})</em>" if item.actor else ""
            where = f" <small>{esc(item.where)}</small>" if item.where else ""
            parts.append(f"<li value='{item.number}'>{esc(item.text)}{who}{where}</li>")
        parts.append("</ol>")
    if v.review:
        parts.append("<p><strong>Check by hand</strong></p><ul>")
        parts += [f"<li>{esc(n.field)}: {esc(n.message)}</li>" for n in v.review]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)
