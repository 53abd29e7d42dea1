"""The harness's command line: measure each engine, print and write the tables."""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from .known import (
    KNOWN_FAILURES,
    KnownFailures,
    failed_checks,
    known_failure_section,
    known_failure_verdict,
    load_known_failures,
)
from .measure import (
    PDF_ENGINES,
    TEXT_ENGINE_PREFIX,
    Result,
    agreement,
    run,
    text_engines,
)


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


def _parser() -> argparse.ArgumentParser:
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
    return ap


def main() -> int:
    ap = _parser()
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
        by_engine[engine] = {}
        section, engine_failed = _measure_engine(args, engine, known, kinds, by_engine[engine])
        sections.append(section)
        failed = failed or engine_failed
    if len(pdf_engines) > 1:
        sections.append(_agreement_section({e: by_engine[e] for e in pdf_engines}))
    if args.write:
        _write_report(args.write, sections)
    return 1 if failed else 0


def _measure_engine(
    args: argparse.Namespace,
    engine: str,
    known: KnownFailures,
    kinds: set[str] | None,
    facts: dict[str, dict[str, Any]],
) -> tuple[str, bool]:
    """Run one engine over the corpus, print its table and verdicts: (its section, failed)."""
    started = time.perf_counter()
    results = run(args.corpus, engine, kinds, facts)
    elapsed = time.perf_counter() - started
    text = table(results)
    print(f"engine {engine} ({elapsed:.0f} s)")
    print(text)
    errors = [f"- ERROR {r.file}: {r.error}" for r in results if r.error]
    for line in errors:
        print(line)
    listed = [r for r in results if r.error is None and failed_checks(r)]
    print(f"known failures (tests/{KNOWN_FAILURES.name}): {len(listed)} reports fail a check")
    verdicts = [
        f"- UNEXPECTED {r.file}: {v}"
        for r in results
        if r.error is None and (v := known_failure_verdict(r, known.get(r.file, engine), engine))
    ]
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
        for facts_ in facts.values():
            counts[str(facts_.get("text_layout"))] += 1
        shapes = "Read as: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ".\n\n"
        print(shapes.strip())
    section = (
        f"## {title}\n\n{len(results)} reports in {elapsed:.0f} s.\n\n{shapes}{text}\n"
        + ("\n" + "\n".join(errors) + "\n" if errors else "")
        + known_failure_section(results, known, engine)
    )
    return section, bool(errors) or bool(verdicts)


def _agreement_section(by_engine: dict[str, dict[str, dict[str, Any]]]) -> str:
    diffs = agreement(by_engine)
    print(f"engines disagree on {len(diffs)} files")
    for d in diffs:
        print("  " + d)
    return "## Agreement between engines\n\n" + (
        f"The engines ({', '.join(by_engine)}) give the same kind, provider, dates, lead "
        "inspector, judgements, recommendation count and paragraph first/last on every "
        "file.\n"
        if not diffs
        else "Files where they differ:\n\n" + "\n".join(f"- {d}" for d in diffs) + "\n"
    )


def _write_report(path: Path, sections: list[str]) -> None:
    commit = (
        subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        or "unknown"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Accuracy on ../shared/corpus\n\n"
        f"Measured by `make accuracy` (`python -m inspectparse.accuracy`) at commit `{commit}` "
        f"on {dt.date.today().isoformat()}. Each cell: share of files whose field equals the "
        "hand-checked gold fact (`../shared/corpus/gold.jsonl`). *judgement fields*: every "
        "judgement key in gold or in the record; *false grades*: a grade the record gives "
        "that gold does not have or has differently; *text clean*: no back-page furniture "
        "(licence, Ofsted's address, Crown copyright) in a paragraph (numbered or not) or an "
        "item, every item with text, no responsible-body cell in an item's text, every "
        "judgement label a label; "
        "*fully right*: every checked field of "
        "the file right.\n\n" + "\n".join(sections),
        encoding="utf-8",
    )
