#!/usr/bin/env python3
"""Benchmark: what the authority lookup adds to `inspectparse.extract` (issue 13: under 2%).

    .venv/bin/python bench/bench_authority.py [--corpus ../shared/corpus] [--repeat 200]

On every corpus report: its extract time (engine auto, best of 2) and its provider and date;
then, in the same process, the lookup's one-off load (best of `--repeat`, caches cleared), a
cold match (every cache cleared before each call: the cost for a provider text seen for the
first time) and a warm match (a batch repeating a provider), each the best of `--repeat`
passes over all the providers. Prints a markdown section; the ratios are per report:
cold match / extract, and the one-off load / extract of the median report (a single
`inspectparse extract` run pays it once; a batch worker once for all its files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import inspectparse  # noqa: E402
from inspectparse import authority  # noqa: E402

Provider = tuple[str | None, dt.date | None, str]


def extract_all(corpus: Path) -> tuple[list[Provider], list[float]]:
    providers: list[Provider] = []
    seconds: list[float] = []
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        data = (corpus / "reports" / json.loads(line)["file"]).read_bytes()
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            record = inspectparse.extract(data)
            best = min(best, time.perf_counter() - start)
        report = record.report
        providers.append((report.provider, report.inspection_start, report.kind))
        seconds.append(best)
    return providers, seconds


def clear_caches() -> None:
    authority._lookup.cache_clear()
    authority._levels.cache_clear()
    authority._match.cache_clear()


def best_per_call(run: Callable[[], None], calls: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best / calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    if not (args.corpus / "gold.jsonl").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    providers, seconds = extract_all(args.corpus)

    def cold() -> None:
        for text, on, kind in providers:
            authority._levels.cache_clear()
            authority._match.cache_clear()
            authority.match_authority(text, on, kind=kind)

    def warm() -> None:
        for text, on, kind in providers:
            authority.match_authority(text, on, kind=kind)

    def load() -> None:
        clear_caches()
        authority._lookup()

    n = len(providers)
    load_s = best_per_call(load, 1, args.repeat)
    authority._lookup()
    cold_s = best_per_call(cold, n, args.repeat)
    warm()
    warm_s = best_per_call(warm, n, args.repeat)
    median = statistics.median(seconds)
    worst = max(cold_s / s for s in seconds)
    matched = sum(authority.match_authority(t, on, kind=k) is not None for t, on, k in providers)
    print(f"## Authority lookup (data {authority.data_version()})\n")
    print(f"{n} corpus reports, {matched} matched; extract (auto) median {median * 1e3:.1f} ms.\n")
    print("| cost | time | share of extract |")
    print("|---|---|---|")
    print(f"| one-off load | {load_s * 1e3:.2f} ms | {load_s / median:.2%} of the median report |")
    print(f"| match, cold | {cold_s * 1e6:.1f} us | {worst:.3%} at most (shortest report) |")
    print(f"| match, warm | {warm_s * 1e6:.2f} us | - |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
