"""The view laid out with rich for a terminal, or as plain text (no colour, no escape codes)
for a pipe or under NO_COLOR. rich is imported only when something is drawn."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from ..grades import GRADES, Tone
from ..outcome import Outcome
from .view import URGENCY_WORDS, Group, JudgementLine, View, humanise, view

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


# How each grade reads on a terminal: good news green, a concern yellow, a failure red.
_TONE_STYLES: dict[Tone, str] = {
    "best": "bold green",
    "good": "green",
    "concern": "yellow",
    "failure": "bold red",
}
GRADE_STYLES: dict[str, str] = {grade: _TONE_STYLES[w.tone] for grade, w in GRADES.items()}


def _grade_text(line: JudgementLine) -> Any:
    from rich.text import Text

    if line.grade is None:
        return Text("not graded", style="dim")
    text = Text(humanise(line.grade), style=GRADE_STYLES.get(line.grade, ""))
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
        out.append(group_head(group))
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


def group_head(group: Group) -> Any:
    from rich.text import Text

    head = Text(group.title, style="bold")
    if group.heading:
        head.append(f" ({group.heading})")
    words = URGENCY_WORDS.get(group.urgency, group.urgency)
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
    from rich.rule import Rule

    from ..text_output import TextOutput

    out = TextOutput(file, color=color, width=width, default_width=80)
    for number, outcome in enumerate(outcomes):
        if number:
            out.console.print(Rule(style="dim"))
        render_outcome(out.console, outcome, paragraphs=paragraphs)
        out.flush()  # plain output is written per record
    file.flush()


def plain_text(record: Any, *, width: int = 100, paragraphs: bool = False) -> str:
    """The view of a record as plain text, as `show` prints it into a pipe."""
    import io

    buf = io.StringIO()
    outcome = Outcome.from_record(record)
    print_outcomes([outcome], buf, width=width, color=False, paragraphs=paragraphs)
    return buf.getvalue()
