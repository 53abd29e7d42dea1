"""Accuracy harness: extract every report in the corpus and compare with gold.jsonl.

    python -m inspectparse.accuracy --corpus ../shared/corpus [--engine auto] [--write FILE]
    python -m inspectparse.accuracy --kind ilacs --show-failures

`make accuracy` runs it and writes docs/accuracy.md. The tests use `compare` too.

Prints per kind and overall: kind, provider, dates, lead inspector, judgement fields, false
grades, reports fully right, recommendation counts exact, numbered paragraphs first/last, text
clean (`text_failures`: no back-page furniture in a numbered paragraph or an item, no
responsible-body cell in an item, every judgement label a label).
Exits non-zero when a record is missing or cannot be produced, so it cannot pass silently.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import extract
from .errors import InspectparseError
from .load import Engine
from .record import Record

METRICS = ("kind", "provider", "dates", "lead", "judgements", "recs", "paras", "text", "full")
# The one list of corpus reports the rules still read wrong (tests/corpus_known_failures.json);
# absent outside a checkout, where nothing is known to fail.
KNOWN_FAILURES = Path(__file__).resolve().parents[2] / "tests" / "corpus_known_failures.json"


# The PDF engines; a converter's text is measured as engine "text:<converter>", read from
# ../shared/corpus/text/<converter>/<report path>.txt.
PDF_ENGINES = ("auto", "pdfium", "pdfplumber")
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


@dataclass(frozen=True)
class KnownFailure:
    """A report whose listed checks are known to fail on the listed engines, and why."""

    file: str
    checks: frozenset[str]
    reason: str
    engines: frozenset[str] | None = None  # None: every PDF engine

    def applies_to(self, engine: str) -> bool:
        if self.engines is None:
            return not engine.startswith(TEXT_ENGINE_PREFIX)
        return engine in self.engines


class KnownFailures:
    """The entries of tests/corpus_known_failures.json, by file; a file may have one entry
    for its PDF engines and others for converters' texts, never two for one engine."""

    def __init__(self, entries: list[KnownFailure]) -> None:
        self._by_file: dict[str, list[KnownFailure]] = {}
        for entry in entries:
            self._by_file.setdefault(entry.file, []).append(entry)

    def get(self, file: str, engine: str) -> KnownFailure | None:
        hits = [e for e in self._by_file.get(file, []) if e.applies_to(engine)]
        if len(hits) > 1:
            raise ValueError(f"{KNOWN_FAILURES.name}: {file}: two entries apply to {engine}")
        return hits[0] if hits else None

    def files(self) -> set[str]:
        return set(self._by_file)

    def entries(self) -> list[KnownFailure]:
        return [e for entries in self._by_file.values() for e in entries]


def load_known_failures(path: Path = KNOWN_FAILURES) -> KnownFailures:
    """The known failures; none when the list is absent."""
    if not path.exists():
        return KnownFailures([])
    entries = json.loads(path.read_text(encoding="utf-8"))["failures"]
    out = []
    for e in entries:
        checks = frozenset(e["checks"])
        unknown = checks - set(METRICS)
        if unknown:
            raise ValueError(f"{path}: {e['file']}: unknown checks {sorted(unknown)}")
        engines = frozenset(e["engines"]) if e.get("engines") else None
        out.append(KnownFailure(e["file"], checks, e["reason"], engines))
    known = KnownFailures(out)
    for entry in out:  # two entries for one (file, engine) would make the verdict ambiguous
        for engine in entry.engines or PDF_ENGINES:
            known.get(entry.file, engine)
    return known


def failed_checks(result: Result) -> set[str]:
    return {k for k, v in result.checks.items() if v is False and k != "full"}


def known_failure_verdict(result: Result, known: KnownFailure | None, engine: str) -> str | None:
    """None when the result is as listed (all right, or exactly the known checks failing);
    otherwise what is wrong with the list or the result."""
    failed = failed_checks(result)
    expected = known.checks if known is not None and known.applies_to(engine) else frozenset()
    if failed == expected:
        return None
    parts = []
    if failed - expected:
        parts.append(f"fails {sorted(failed - expected)} not listed as known failures")
    if expected - failed:
        parts.append(
            f"now passes {sorted(expected - failed)}: strike it from {KNOWN_FAILURES.name}"
        )
    return "; ".join(parts)


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


# Ofsted's back page: its self-description, the alternative-format offer, the licence, the
# address and the Crown copyright line. No numbered paragraph or item may hold any of it.
_BACK_PAGE = re.compile(
    r"Children.s Services and Skills \(Ofsted\) regulates and inspects"
    r"|in a different format, such as large print"
    r"|Open Government Licence|open-government-licence"
    r"|Piccadilly Gate|Store St(?:reet)?,? Manchester|enquiries@ofsted\.gov\.uk"
    r"|©\s*Crown copyright",
    re.I,
)
# A responsible-body cell of an area SEND table ("X Council and NHS Y Integrated Care Board")
# woven into an item's text.
_BODY_CELL = re.compile(
    r"\bCouncil\b(?:\s+\S+){0,6}?\s+and NHS\b"
    r"|\band NHS\b(?:\s+\S+){0,8}?\s+(?:Integrated Care Board|ICB)\b(?:\s+\S+){0,3}?\s+"
    r"(?:Area |Health )?[Ll]eaders\b"
    r"|\b(?:Council|Board|ICB)\s+(?:Area |Health |Local authority )?[Ll]eaders\b",
)
# A judgement label that runs on into its grade or a grade cell.
_NOT_A_LABEL = re.compile(
    r"\bGrade\s+\d|\($|\b(?:is|are)\W*$"
    r"|\b(?:is|are)\s+(?:outstanding|good|inadequate|adequate|requires?)\b"
    r"|\b(?:outstanding|inadequate|requires? improvement(?: to be good)?)\W*$",
    re.I,
)
LABEL_MAX = 100


def text_failures(record: dict[str, Any]) -> list[str]:
    """What the record's text holds that it must not: back-page furniture in a numbered
    paragraph or an item, a responsible-body cell in an item, a judgement label that is not a
    label (too long, a grade in it, a trailing "Grade 3 (")."""
    out = []
    for p in record["paragraphs"]:
        if p["number"] is not None and (m := _BACK_PAGE.search(p["text"])):
            out.append(f"paragraph {p['number']} holds back-page text {m.group()!r}")
    for k, item in enumerate(record["recommendations"], start=1):
        if m := _BACK_PAGE.search(item["text"]):
            out.append(f"item {k} holds back-page text {m.group()!r}")
        if m := _BODY_CELL.search(item["text"]):
            out.append(f"item {k} holds a responsible-body cell {m.group()!r}")
    for j in record["judgements"]:
        label = j["label"]
        if len(label) > LABEL_MAX or _NOT_A_LABEL.search(label.strip()):
            out.append(f"judgement {j['key']}: label {label!r} is not a label")
    return out


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


def run(
    corpus: Path,
    engine: Engine,
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
                record = extract(path, engine=engine)
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


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}% ({num}/{den})" if den else "n/a"


def table(results: list[Result]) -> str:
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        groups[r.kind].append(r)
    groups["ALL"] = results
    head = (
        "| kind | files | kind | provider | dates | lead inspector | judgement fields "
        "| false grades | fully right | recs exact | paragraphs first/last | text clean "
        "| wrong values, no warning | misses, no warning | errors |"
    )
    rows = [head, "|" + "---|" * 15]
    for kind, rs in groups.items():
        ok = [r for r in rs if r.error is None]

        def rate(metric: str, rs: list[Result] = ok) -> str:
            vals = [r.checks.get(metric) for r in rs if r.checks.get(metric) is not None]
            return pct(sum(bool(v) for v in vals), len(vals))

        jf = sum(r.judgement_fields for r in ok)
        jr = sum(r.judgement_right for r in ok)
        rows.append(
            f"| {kind} | {len(rs)} | {rate('kind')} | {rate('provider')} | {rate('dates')} "
            f"| {rate('lead')} | {pct(jr, jf)} | {sum(r.false_grades for r in ok)} "
            f"| {rate('full')} | {rate('recs')} | {rate('paras')} | {rate('text')} "
            f"| {sum(len(r.silent_wrong) for r in ok)} | {sum(len(r.silent_miss) for r in ok)} "
            f"| {len(rs) - len(ok)} |"
        )
    return "\n".join(rows)


def known_failure_section(results: list[Result], known: KnownFailures, engine: str) -> str:
    """Markdown list of the reports that fail a check, with the listed reason."""
    rows = []
    for r in results:
        failed = failed_checks(r) if r.error is None else set()
        if not failed:
            continue
        entry = known.get(r.file, engine)
        reason = entry.reason if entry else "NOT LISTED"
        rows.append(f"- `{r.file}`: {', '.join(sorted(failed))}. {reason}")
    if not rows:
        return ""
    return f"\nReports still failing a check ({len(rows)}):\n\n" + "\n".join(rows) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument(
        "--engine",
        action="append",
        help="engine(s) to measure (repeatable; default auto): auto, pdfium, pdfplumber, or "
        "text:<converter> for the converter's texts under CORPUS/text. With two PDF engines, "
        "their agreement too.",
    )
    ap.add_argument(
        "--texts",
        action="store_true",
        help="also measure every converter's texts under CORPUS/text (one table each)",
    )
    ap.add_argument("--kind", action="append", help="only these kinds (repeatable)")
    ap.add_argument("--show-failures", action="store_true")
    ap.add_argument("--write", type=Path, help="write the tables to this markdown file")
    args = ap.parse_args()
    if not (args.corpus / "gold.jsonl").exists():
        print(f"accuracy: no gold.jsonl under {args.corpus}; nothing measured", file=sys.stderr)
        return 2
    engines = args.engine or ["auto"]
    if args.texts:
        engines += [e for e in text_engines(args.corpus) if e not in engines]
    for engine in engines:
        if engine not in PDF_ENGINES and not (
            engine.startswith(TEXT_ENGINE_PREFIX)
            and (args.corpus / "text" / engine.removeprefix(TEXT_ENGINE_PREFIX)).is_dir()
        ):
            ap.error(f"unknown engine {engine!r}: auto, pdfium, pdfplumber or text:<converter>")
    known = load_known_failures()
    kinds = set(args.kind) if args.kind else None
    sections: list[str] = []
    by_engine: dict[str, dict[str, dict[str, Any]]] = {}
    pdf_engines = [e for e in engines if e in PDF_ENGINES]
    failed = False
    for engine in engines:
        started = time.perf_counter()
        by_engine[engine] = {}
        results = run(args.corpus, engine, kinds, by_engine[engine])
        elapsed = time.perf_counter() - started
        text = table(results)
        print(f"engine {engine} ({elapsed:.0f} s)")
        print(text)
        errors = [f"- ERROR {r.file}: {r.error}" for r in results if r.error]
        failed = failed or bool(errors)
        for line in errors:
            print(line)
        listed = [r for r in results if r.error is None and failed_checks(r)]
        print(f"known failures (tests/{KNOWN_FAILURES.name}): {len(listed)} reports fail a check")
        verdicts = [
            f"- UNEXPECTED {r.file}: {v}"
            for r in results
            if r.error is None
            and (v := known_failure_verdict(r, known.get(r.file, engine), engine))
        ]
        failed = failed or bool(verdicts)
        for line in verdicts:
            print(line)
        if args.show_failures:
            for r in results:
                if r.failures:
                    print(f"- {r.file}")
                    for f in r.failures:
                        print(f"    {f}")
        title = (
            f"Text from `{engine.removeprefix(TEXT_ENGINE_PREFIX)}`"
            if engine.startswith(TEXT_ENGINE_PREFIX)
            else f"Engine `{engine}`"
        )
        shapes = ""
        if engine.startswith(TEXT_ENGINE_PREFIX):
            counts: dict[str, int] = defaultdict(int)
            for facts_ in by_engine[engine].values():
                counts[str(facts_.get("text_layout"))] += 1
            shapes = (
                "Read as: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ".\n\n"
            )
            print(shapes.strip())
        sections.append(
            f"## {title}\n\n{len(results)} reports in {elapsed:.0f} s.\n\n{shapes}{text}\n"
            + ("\n" + "\n".join(errors) + "\n" if errors else "")
            + known_failure_section(results, known, engine)
        )
    if len(pdf_engines) > 1:
        diffs = agreement({e: by_engine[e] for e in pdf_engines})
        print(f"engines disagree on {len(diffs)} files")
        for d in diffs:
            print("  " + d)
        sections.append(
            "## Agreement between engines\n\n"
            + (
                f"The engines ({', '.join(pdf_engines)}) give the same kind, provider, dates, lead "
                "inspector, judgements, recommendation count and paragraph first/last on every "
                "file.\n"
                if not diffs
                else "Files where they differ:\n\n" + "\n".join(f"- {d}" for d in diffs) + "\n"
            )
        )
    if args.write:
        commit = (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
            ).stdout.strip()
            or "unknown"
        )
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(
            "# Accuracy on ../shared/corpus\n\n"
            f"Measured by `make accuracy` (`python -m inspectparse.accuracy`) at commit `{commit}` "
            f"on {dt.date.today().isoformat()}. Each cell: share of files whose field equals the "
            "hand-checked gold fact (`../shared/corpus/gold.jsonl`). *judgement fields*: every "
            "judgement key in gold or in the record; *false grades*: a grade the record gives "
            "that gold does not have or has differently; *text clean*: no back-page furniture "
            "(licence, Ofsted's address, Crown copyright) in a numbered paragraph or an item, no "
            "responsible-body cell in an item's text, every judgement label a label; "
            "*fully right*: every checked field of "
            "the file right.\n\n" + "\n".join(sections),
            encoding="utf-8",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
