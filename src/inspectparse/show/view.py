"""The view: a record (a `Record` or its JSON dict, of this schema or an earlier one) as plain
data, what a reader wants first: who, what kind, when, which grades, what must improve by when
and who must act, what to check by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..outcome import record_dict
from ..urgency import urgency

Rec = Mapping[str, Any]

URGENCY_WORDS = {
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


def humanise(key: str) -> str:
    words = [_ACRONYMS.get(w, w) for w in key.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _kind_name(kind: str) -> str:
    from ..profiles import get

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
                humanise(str(j.get("key"))),
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
