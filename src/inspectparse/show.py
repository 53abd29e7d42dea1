"""A record as a person reads it: `inspectparse show`, and `Record`'s notebook view.

`view(record)` turns a record (a `Record` or its JSON dict, of this schema or an earlier one)
into a `View`: plain data, what a reader wants first (who, what kind, when, which grades, what
must improve by when and who must act, what to check by hand). `render` lays a view out with
rich for a terminal, or as plain text (no colour, no escape codes) for a pipe or under
NO_COLOR; `to_html` is the same view for a notebook. `read_outcomes` reads what `show` is
given: a report (PDF or text), a saved record, or batch JSON Lines.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from .grades import GRADES, Tone
from .outcome import Outcome, record_dict
from .urgency import urgency

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from .document import SourceFormat
    from .load import Engine

__all__ = [
    "GRADE_STYLES",
    "View",
    "plain_text",
    "print_outcomes",
    "read_outcomes",
    "render",
    "render_outcome",
    "to_html",
    "view",
]

Rec = Mapping[str, Any]

# How each grade reads on a terminal: good news green, a concern yellow, a failure red.
_TONE_STYLES: dict[Tone, str] = {
    "best": "bold green",
    "good": "green",
    "concern": "yellow",
    "failure": "bold red",
}
GRADE_STYLES: dict[str, str] = {grade: _TONE_STYLES[w.tone] for grade, w in GRADES.items()}
_URGENCY_WORDS = {
    "immediate": "immediate",
    "within_3_months": "within 3 months",
    "within_6_months": "within 6 months",
    "unspecified": "no timescale",
}
_ACRONYMS = {"lscb": "LSCB", "send": "SEND"}


@dataclass(slots=True)
class JudgementLine:
    label: str
    grade: str | None
    grade_code: int | None
    printed: str | None


@dataclass(slots=True)
class Item:
    number: int  # its place in the report's lists, 1-based
    text: str
    actor: str | None
    where: str  # "p. 3, para 12"
    sub_items: list[str]


@dataclass(slots=True)
class Group:
    """Items under one heading and timescale, in the report's order."""

    title: str  # the printed timescale, else the list's heading
    heading: str | None  # the list's heading, when the title is its timescale
    urgency: str
    actor: str | None = None  # who must act, as most items name it (others say theirs)
    where: str | None = None  # where every item is, when they share it (others say theirs)
    items: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class Note:
    field: str
    message: str


@dataclass(slots=True)
class ParagraphLine:
    number: int | None
    section: str | None
    text: str


@dataclass(slots=True)
class View:
    """What `show` prints for one record, as plain data."""

    title: str
    kind: str
    facts: list[tuple[str, str]]  # (label, value) lines of the header, in order
    judgements: list[JudgementLine]
    groups: list[Group]
    review: list[Note]
    repairs: int  # warnings of severity info: repairs made with certainty
    structure: str
    paragraphs: list[ParagraphLine]


# --- the view ------------------------------------------------------------------------------------


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _span(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None or end is None:
        day = start or end
        return None if day is None else _day(day)
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {_day(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} to {_day(end)}"
    return f"{_day(start)} to {_day(end)}"


def _humanise(key: str) -> str:
    words = [_ACRONYMS.get(w, w) for w in key.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _kind_name(kind: str) -> str:
    from .profiles import get

    profile = get(kind)
    return f"{profile.name} · {kind}" if profile is not None else kind


def _authority(auth: Rec | None) -> str | None:
    if not auth:
        return None
    parts = [str(auth.get("name") or "")]
    for label, key in (("GSS", "gss_code"), ("DfE", "dfe_code"), ("Ofsted URN", "ofsted_urn")):
        if auth.get(key):
            parts.append(f"{label} {auth[key]}")
    if auth.get("region_name"):
        parts.append(str(auth["region_name"]))
    return " · ".join(p for p in parts if p)


def _where(prov: Rec | None) -> str:
    prov = prov or {}
    parts = []
    if prov.get("page") is not None:
        parts.append(f"p. {prov['page']}")
    if prov.get("paragraph") is not None:
        parts.append(f"para {prov['paragraph']}")
    return ", ".join(parts)


def _groups(recommendations: Iterable[Rec]) -> list[Group]:
    groups: list[Group] = []
    for number, rec in enumerate(recommendations, 1):
        heading = str(rec.get("heading") or "What must improve").rstrip(":? ")
        timescale = rec.get("timescale")
        level = rec.get("urgency") or urgency(timescale, rec.get("heading"), rec.get("kind"))
        title, under = (str(timescale), heading) if timescale else (heading, None)
        last = groups[-1] if groups else None
        if last is None or (last.title, last.heading, last.urgency) != (title, under, level):
            groups.append(Group(title, under, str(level)))
        groups[-1].items.append(
            Item(
                number,
                str(rec.get("text") or ""),
                rec.get("actor"),
                _where(rec.get("provenance")),
                [str(s) for s in rec.get("sub_items") or ()],
            )
        )
    for group in groups:
        # Said once for the group: the actor most items name, the place all items share.
        group.actor = _most_common([i.actor for i in group.items])
        places = {i.where for i in group.items}
        group.where = places.pop() if len(places) == 1 and len(group.items) > 1 else None
        for item in group.items:
            if item.actor == group.actor:
                item.actor = None
            if group.where is not None:
                item.where = ""
    return groups


def _most_common(values: list[str | None]) -> str | None:
    named = [v for v in values if v]
    if not named:
        return None
    best = max(dict.fromkeys(named), key=named.count)
    return best if named.count(best) * 2 > len(values) else None


def _structure(rec: Rec) -> str:
    numbers = [p.get("number") for p in rec.get("paragraphs") or () if p.get("number") is not None]
    sections = len(rec.get("sections") or ())
    if numbers:
        text = f"{len(numbers)} numbered paragraphs ({min(numbers)}-{max(numbers)})"
    else:
        text = "no numbered paragraphs"
    unnumbered = len(rec.get("paragraphs") or ()) - len(numbers)
    if unnumbered:
        text += f", {unnumbered} unnumbered"
    return f"{text}, {sections} sections"


def view(record: Any) -> View:
    """The view of one record (a `Record`, or its JSON dict from this or an earlier schema)."""
    rec = record_dict(record)
    report: Rec = rec.get("report") or {}
    source: Rec = rec.get("source") or {}
    kind = str(report.get("kind") or "unknown")
    facts: list[tuple[str, str]] = []
    authority = _authority(report.get("authority"))
    if authority:
        facts.append(("Authority", authority))
    periods = report.get("inspection_periods") or [
        {"start": report.get("inspection_start"), "end": report.get("inspection_end")}
    ]
    spans = [_span(_date(p.get("start")), _date(p.get("end"))) for p in periods]
    inspected = "; ".join(s for s in spans if s)
    dates = [f"inspected {inspected}" if inspected else "no inspection dates found"]
    for label, key in (("letter", "letter_date"), ("published", "published")):
        day = _date(report.get(key))
        if day is not None:
            dates.append(f"{label} {_day(day)}")
    facts.append(("Dates", "; ".join(dates)))
    if report.get("lead_inspector"):
        facts.append(("Lead inspector", str(report["lead_inspector"])))
    shape = source.get("text_layout")
    layout = f", {str(shape).replace('_', ' ')}" if shape else ""
    pages = source.get("pages")
    member = f" ({source['member']})" if source.get("member") else ""
    facts.append(
        (
            "Source",
            f"{source.get('format', '?')}{layout}, {pages} page{'s' if pages != 1 else ''}: "
            f"{source.get('path') or '-'}{member}",
        )
    )
    warnings = rec.get("warnings") or []
    review = [
        Note(str(w.get("field") or w.get("code")), str(w.get("message") or w.get("code")))
        for w in warnings
        if w.get("severity", "review") == "review"
    ]
    return View(
        title=str(report.get("provider") or "(no provider found)"),
        kind=_kind_name(kind)
        + (f" · {report['variant']}" if report.get("variant") not in (None, "default") else ""),
        facts=facts,
        judgements=[
            JudgementLine(
                _humanise(str(j.get("key"))),
                j.get("grade"),
                j.get("grade_code"),
                j.get("grade_text"),
            )
            for j in rec.get("judgements") or ()
        ],
        groups=_groups(rec.get("recommendations") or ()),
        review=review,
        repairs=len(warnings) - len(review),
        structure=_structure(rec),
        paragraphs=[
            ParagraphLine(p.get("number"), p.get("section"), str(p.get("text") or ""))
            for p in rec.get("paragraphs") or ()
        ],
    )


# --- rich (terminal) and plain text -------------------------------------------------------------


def _grade_text(line: JudgementLine) -> Any:
    from rich.text import Text

    if line.grade is None:
        return Text("not graded", style="dim")
    text = Text(_humanise(line.grade), style=GRADE_STYLES.get(line.grade, ""))
    if line.grade_code is not None:
        text.append(f"  ({line.grade_code})", style="dim")
    return text


def render(v: View, *, paragraphs: bool = False) -> list[RenderableType]:
    """The view as rich renderables, in order. Record text never goes through rich markup."""
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [
        Text(v.title, style="bold"),
        Text(v.kind, style="italic"),
    ]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    for label, value in v.facts:
        facts.add_row(label, Text(value))
    facts.add_row("Structure", Text(v.structure))
    out += [facts, Text("")]

    if v.judgements:
        out.append(Text("Judgements", style="bold underline"))
        table = Table.grid(padding=(0, 3))
        table.add_column(no_wrap=False)
        table.add_column(no_wrap=True)
        for j in v.judgements:
            table.add_row(Text(j.label), _grade_text(j))
        out += [table, Text("")]
    else:
        out += [Text("No graded judgements", style="bold"), Text("")]

    count = sum(len(g.items) for g in v.groups)
    out.append(Text(f"What must improve ({count})", style="bold underline"))
    if not v.groups:
        out.append(Text("none found", style="dim"))
    for group in v.groups:
        out.append(_group_head(group))
        items = Table.grid(padding=(0, 1))
        items.add_column(justify="right", no_wrap=True, style="dim")
        items.add_column()
        for item in group.items:
            body = Text(item.text)
            for sub in item.sub_items:
                body.append(f"\n- {sub}")
            if item.actor:
                body.append(f" (who: {item.actor})", style="cyan")
            if item.where:
                body.append(f" [{item.where}]", style="dim")
            items.add_row(f"{item.number}.", body)
        out.append(items)
    out.append(Text(""))

    if v.review:
        out.append(Text(f"Check by hand ({len(v.review)})", style="bold yellow"))
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True, style="yellow")
        notes.add_column()
        for note in v.review:
            notes.add_row(f"! {note.field}", Text(note.message))
        out.append(notes)
    else:
        out.append(Text("Nothing flagged for review", style="green"))
    if v.repairs:
        repairs = f"{v.repairs} repairs made with certainty (the record's warnings list them)"
        out.append(Text(repairs, style="dim"))

    if paragraphs:
        out += [Text(""), Text("Numbered paragraphs", style="bold underline")]
        section: str | None = None
        para = Table.grid(padding=(0, 1))
        para.add_column(justify="right", no_wrap=True, style="dim")
        para.add_column()
        for p in v.paragraphs:
            if p.section != section and p.section:
                section = p.section
                para.add_row("", Text(section, style="bold"))
            para.add_row("" if p.number is None else f"{p.number}.", Text(p.text))
        out.append(para)
    return out


def _group_head(group: Group) -> Any:
    from rich.text import Text

    head = Text(group.title, style="bold")
    if group.heading:
        head.append(f" ({group.heading})")
    words = _URGENCY_WORDS.get(group.urgency, group.urgency)
    head.append(f" · urgency: {words}", style=_urgency_style(group.urgency))
    if group.actor:
        head.append(f" · who must act: {group.actor}")
    if group.where:
        head.append(f" · {group.where}", style="dim")
    return head


def _urgency_style(level: str) -> str:
    return {"immediate": "bold red", "within_3_months": "yellow"}.get(level, "dim")


def render_outcome(console: Console, outcome: Outcome, *, paragraphs: bool = False) -> None:
    """Print one outcome: its record's view, or what went wrong with its input."""
    from rich.text import Text

    if outcome.record is not None:
        for part in render(view(outcome.record), paragraphs=paragraphs):
            console.print(part)
        return
    line = Text(f"{outcome.input.path or '-'}", style="bold")
    if outcome.input.member:
        line.append(f" ({outcome.input.member})")
    line.append(f": failed, {outcome.code}: {outcome.message}", style="red")
    console.print(line)


def print_outcomes(
    outcomes: Iterable[Outcome],
    file: IO[str],
    *,
    width: int | None = None,
    color: bool | None = None,
    paragraphs: bool = False,
) -> None:
    """Print each outcome's view to `file`, a rule between two.

    `color` None: colour on a terminal unless NO_COLOR is set. Without colour the text is
    plain: no escape codes and no trailing spaces, for pipes, files and `grep`. `width` None:
    the terminal's, or $COLUMNS, or 80.
    """
    import io
    import os
    import shutil

    from rich.console import Console
    from rich.rule import Rule

    terminal = file.isatty()
    if color is None:
        color = terminal and not os.environ.get("NO_COLOR")
    if width is None:
        width = shutil.get_terminal_size().columns if terminal else _columns()
    target: IO[str] = file if color else io.StringIO()
    console = Console(
        file=target,
        width=width,
        color_system="auto" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for number, outcome in enumerate(outcomes):
        if number:
            console.print(Rule(style="dim"))
        render_outcome(console, outcome, paragraphs=paragraphs)
        if not color:  # plain: written out per record, each line without its padding
            assert isinstance(target, io.StringIO)
            file.write("".join(line.rstrip() + "\n" for line in target.getvalue().splitlines()))
            target.seek(0)
            target.truncate()
    file.flush()


def _columns() -> int:
    import os

    try:
        return max(int(os.environ.get("COLUMNS", "")), 40)
    except ValueError:
        return 80


def plain_text(record: Any, *, width: int = 100, paragraphs: bool = False) -> str:
    """The view of a record as plain text, as `show` prints it into a pipe."""
    import io

    buf = io.StringIO()
    outcome = Outcome.from_record(record)
    print_outcomes([outcome], buf, width=width, color=False, paragraphs=paragraphs)
    return buf.getvalue()


# --- HTML (notebooks) ----------------------------------------------------------------------------

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
            grade = _humanise(j.grade) if j.grade else "not graded"
            code = f" ({j.grade_code})" if j.grade_code is not None else ""
            parts.append(
                f"<tr><td>{esc(j.label)}</td>"
                f"<td style='color:{colour}'>{esc(grade)}{code}</td></tr>"
            )
        parts.append("</table>")
    for group in v.groups:
        parts.append(f"<p>{esc(_group_head(group).plain)}</p><ol>")
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


# --- input ---------------------------------------------------------------------------------------


def _json_objects(data: bytes) -> list[Any] | None:
    """The JSON objects of a record file (one document) or JSON Lines; None if not JSON."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"{"):
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        return [json.loads(text)]
    except ValueError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except ValueError:
        return None


def read_outcomes(
    data: bytes,
    *,
    path: str | None,
    engine: Engine = "auto",
    input_format: SourceFormat | None = None,
) -> Iterator[Outcome]:
    """What `show` is given, as outcomes: a saved record (JSON), batch JSON Lines (a record or
    an error per line, either line shape), or a report (PDF or text) extracted on the way."""
    from .errors import UnsupportedInputError

    objects = _json_objects(data) if input_format is None else None
    if objects is None:
        from .api import extract

        record = extract(data, path=path, engine=engine, input_format=input_format)
        yield Outcome.from_record(record)
        return
    for number, obj in enumerate(objects, 1):
        try:
            if not isinstance(obj, dict):
                raise ValueError("not an object")
            yield Outcome.from_line(obj)
        except ValueError:
            where = f"{path or 'stdin'}" + (f", line {number}" if len(objects) > 1 else "")
            raise UnsupportedInputError(
                f"{where}: JSON that is neither a record nor a batch line; give a report "
                "(PDF or text), a record saved by 'inspectparse extract', or lines of "
                "'inspectparse batch'",
                path=path,
            ) from None
