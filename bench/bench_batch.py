#!/usr/bin/env python3
"""Batch wall time over the corpus PDFs with --jobs 1 and --jobs 2 (and any other counts).

    .venv/bin/python bench/bench_batch.py [--corpus ../shared/corpus] [--jobs 1,2] [--repeat 1]

Prints a markdown table: one row per job count, with wall time, pages/s and the speedup over
the first count. Each run is a fresh `run_batch` (force, new output file), after one untimed
warm-up run on two files so imports and the page cache do not favour whichever runs second.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _build import REPO  # noqa: E402 - sets the import path first

from inspectparse.batch import available_cpus, run_batch  # noqa: E402


def corpus_pdfs(corpus: Path) -> list[Path]:
    # By content, as batch itself decides: every file that starts like a PDF.
    files = sorted(p for p in (corpus / "reports").rglob("*") if p.is_file())
    return [p for p in files if p.read_bytes()[:1024].find(b"%PDF-") >= 0]


def time_batch(pdfs: list[Path], jobs: int, out_dir: Path) -> tuple[float, int, int]:
    out = out_dir / f"jobs{jobs}.jsonl"
    t0 = time.perf_counter()
    summary = run_batch([str(p) for p in pdfs], output=out, jobs=jobs, force=True)
    seconds = time.perf_counter() - t0
    return seconds, summary.pages, summary.failed_total


def _load() -> float:
    # Other processes competing for the CPUs make the speedup meaningless: say so.
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts")
    parser.add_argument("--repeat", type=int, default=1, help="runs per job count (median)")
    parser.add_argument(
        "--append", type=Path, help="append the table as a section to this markdown file"
    )
    args = parser.parse_args(argv)

    pdfs = corpus_pdfs(args.corpus)
    if not pdfs:
        print(f"no PDFs under {args.corpus / 'reports'}", file=sys.stderr)
        return 1
    counts = [int(j) for j in args.jobs.split(",")]
    load_before = _load()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp)
        run_batch([str(p) for p in pdfs[:2]], output=out_dir / "warmup.jsonl", jobs=1)
        # Interleaved (1, 2, 1, 2, ...), so a burst of load elsewhere hits every count alike.
        runs: dict[int, list[tuple[float, int, int]]] = {jobs: [] for jobs in counts}
        for _ in range(args.repeat):
            for jobs in counts:
                runs[jobs].append(time_batch(pdfs, jobs, out_dir))
        results = [
            (jobs, statistics.median(r[0] for r in rs), rs[0][1], rs[0][2])
            for jobs, rs in runs.items()
        ]

    base = results[0][1]
    lines = [
        f"Batch over {len(pdfs)} corpus PDFs ({results[0][2]} pages), "
        f"{available_cpus()} CPUs available, median of {args.repeat} interleaved runs, "
        f"load average before {load_before:.2f}, after {_load():.2f}:",
        "",
        "| jobs | wall time (s) | pages/s | failed | speedup |",
        "|---:|---:|---:|---:|---:|",
    ]
    for jobs, seconds, pages, failed in results:
        lines.append(
            f"| {jobs} | {seconds:.1f} | {pages / seconds:.1f} | {failed} | {base / seconds:.2f}x |"
        )
    text = "\n".join(lines)
    print(text)
    if args.append:
        with args.append.open("a", encoding="utf-8") as fh:
            fh.write("\n## Batch: parallel speed-up (`bench/bench_batch.py`)\n\n" + text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
