"""Measuring one extraction against its gold facts: `compare`, over the corpus: `run`, and the
engines' agreement: `agreement`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import extract
from ..errors import InspectparseError
from ..load import ENGINES, Engine
from ..record import Record
from .text import text_failures

METRICS = ("kind", "provider", "dates", "lead", "judgements", "recs", "paras", "text", "full")

# The PDF engines; a converter's text is measured as engine "text:<converter>", read from
# ../shared/corpus/text/<converter>/<report path>.txt.
PDF_ENGINES = ENGINES
TEXT_ENGINE_PREFIX = "text:"


def text_engines(corpus: Path) -> list[str]:
    """ "text:<converter>" for every converter whose texts the corpus holds."""
    root = corpus / "text"
    if not root.is_dir():
        return []
    return [TEXT_ENGINE_PREFIX + d.name for d in sorted(root.iterdir()) if d.is_dir()]


def source_path(corpus: Path, file: str, engine: str) -> Path | None:
    """Where a gold report is read from for an engine (None: that engine has no copy)."""
    if not engine.startswith(TEXT_ENGINE_PREFIX):
        return corpus / "reports" / file
    if not file.lower().endswith(".pdf"):
        return None  # a report that is text already has no converter's copy
    return corpus / "text" / engine.removeprefix(TEXT_ENGINE_PREFIX) / (file + ".txt")


@dataclass
class Result:
    file: str
    kind: str
    checks: dict[str, bool | None] = field(default_factory=dict)
    judgement_fields: int = 0
    judgement_right: int = 0
    false_grades: int = 0
    failures: list[str] = field(default_factory=list)
    error: str | None = None
    # Fields whose value is wrong (or missing) with no `review` warning on that field.
    silent_wrong: list[str] = field(default_factory=list)
    silent_miss: list[str] = field(default_factory=list)


def norm(text: str | None) -> str | None:
    return " ".join(text.split()).lower() if text else text


def review_fields(record: dict[str, Any]) -> set[str]:
    """Record fields that carry a `review` warning."""
    return {
        w["field"]
        for w in record.get("warnings", [])
        if w.get("severity") == "review" and w.get("field")
    }


def compare(gold: dict[str, Any], record: dict[str, Any]) -> Result:
    res = Result(gold["file"], gold["kind"])
    rep = record["report"]
    c = res.checks
    flagged = review_fields(record)

    def check(name: str, ok: bool, detail: str) -> None:
        c[name] = ok
        if not ok:
            res.failures.append(f"{name}: {detail}")

    def unflagged(field: str, got: Any, want: Any) -> None:
        """A wrong value or a miss on `field` with no review warning on it is silent."""
        if got == want or field in flagged:
            return
        (res.silent_miss if got in (None, 0) else res.silent_wrong).append(field)

    check("kind", rep["kind"] == gold["kind"], f"got {rep['kind']!r}, gold {gold['kind']!r}")
    unflagged("report.kind", rep["kind"], gold["kind"])
    check(
        "provider",
        norm(rep["provider"]) == norm(gold["provider"]),
        f"got {rep['provider']!r}, gold {gold['provider']!r}",
    )
    unflagged("report.provider", norm(rep["provider"]), norm(gold["provider"]))
    dates = (rep["inspection_start"], rep["inspection_end"])
    gdates = (gold["inspection_start"], gold["inspection_end"])
    check("dates", dates == gdates, f"got {dates}, gold {gdates}")
    unflagged("report.inspection_start", dates[0], gdates[0])
    unflagged("report.inspection_end", dates[1], gdates[1])
    check(
        "lead",
        norm(rep["lead_inspector"]) == norm(gold["lead_inspector"]),
        f"got {rep['lead_inspector']!r}, gold {gold['lead_inspector']!r}",
    )
    unflagged("report.lead_inspector", norm(rep["lead_inspector"]), norm(gold["lead_inspector"]))
    got = {j["key"]: j["grade"] for j in record["judgements"]}
    want = gold["judgements"]
    for key in sorted(set(got) | set(want)):
        res.judgement_fields += 1
        if got.get(key) == want.get(key):
            res.judgement_right += 1
        else:
            if key in got:
                res.false_grades += 1
            res.failures.append(f"judgement {key}: got {got.get(key)!r}, gold {want.get(key)!r}")
        unflagged(f"judgements.{key}", got.get(key), want.get(key))
    c["judgements"] = res.judgement_right == res.judgement_fields
    if gold.get("recommendations") is not None:
        n = len(record["recommendations"])
        check("recs", n == gold["recommendations"], f"got {n}, gold {gold['recommendations']}")
        unflagged("recommendations", n, gold["recommendations"])
    else:
        c["recs"] = None
    if gold.get("paragraphs"):
        nums = [p["number"] for p in record["paragraphs"] if p["number"] is not None]
        got_fl = (nums[0], max(nums)) if nums else None
        want_fl = (gold["paragraphs"]["first"], gold["paragraphs"]["last"])
        # The first numbering run is the report's own (a bound-in second report restarts).
        if nums:
            run_end = next((i for i in range(1, len(nums)) if nums[i] < nums[i - 1] - 5), len(nums))
            got_fl = (nums[0], max(nums[:run_end]))
        check("paras", got_fl == want_fl, f"got {got_fl}, gold {want_fl}")
        unflagged("paragraphs", got_fl, want_fl)
    else:
        c["paras"] = None
    texts = text_failures(record)
    check("text", not texts, "; ".join(texts))
    c["full"] = all(v is not False for k, v in c.items() if k != "full")
    res.failures += [f"silent wrong value: {f} has no review warning" for f in res.silent_wrong]
    res.failures += [f"silent miss: {f} has no review warning" for f in res.silent_miss]
    return res


def facts(record: dict[str, Any]) -> dict[str, Any]:
    """The fields both engines must agree on."""
    rep = record["report"]
    nums = [p["number"] for p in record["paragraphs"] if p["number"] is not None]
    return {
        "kind": rep["kind"],
        "provider": rep["provider"],
        "dates": (rep["inspection_start"], rep["inspection_end"]),
        "lead": rep["lead_inspector"],
        "judgements": {j["key"]: j["grade"] for j in record["judgements"]},
        "recommendations": len(record["recommendations"]),
        "paragraphs": (nums[0], nums[-1]) if nums else None,
        "text_layout": record["source"].get("text_layout"),
    }


def _pdf_engine(name: str) -> Engine:
    for engine in ENGINES:
        if engine == name:
            return engine
    raise ValueError(f"unknown engine {name!r}")


def run(
    corpus: Path,
    engine: str,
    kinds: set[str] | None,
    records: dict[str, dict[str, Any]] | None = None,
) -> list[Result]:
    """Compare every gold entry with its extraction; `records` collects facts per file."""
    results = []
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if kinds and gold["kind"] not in kinds:
            continue
        path = source_path(corpus, gold["file"], engine)
        if path is None:
            continue
        try:
            if engine.startswith(TEXT_ENGINE_PREFIX):
                record = extract(path, input_format="text")
            else:
                record = extract(path, engine=_pdf_engine(engine))
            # Loud on a record that does not survive its own schema.
            dumped = json.loads(record.model_dump_json())
            Record.model_validate(dumped)
        except InspectparseError as exc:
            results.append(Result(gold["file"], gold["kind"], error=f"{exc.code}: {exc.message}"))
            continue
        except ValidationError as exc:
            results.append(Result(gold["file"], gold["kind"], error=f"invalid record: {exc}"))
            continue
        if records is not None:
            records[gold["file"]] = facts(dumped)
        results.append(compare(gold, dumped))
    return results


def agreement(by_engine: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    """Files where the engines' records differ in any fact, with the differences."""
    engines = list(by_engine)
    out: list[str] = []
    if len(engines) < 2:
        return out
    first, *others = engines
    for file, facts_a in by_engine[first].items():
        for other in others:
            facts_b = by_engine[other].get(file)
            if facts_b is None:
                out.append(f"{file}: no record from {other}")
                continue
            diffs = [
                f"{k}: {first} {facts_a[k]!r} / {other} {facts_b[k]!r}"
                for k in facts_a
                if facts_a[k] != facts_b[k]
            ]
            if diffs:
                out.append(f"{file}: " + "; ".join(diffs))
    return out
