#!/usr/bin/env python3
"""Benchmark: the xlsx workbook's memory does not grow with the batch (issue 14).

    .venv/bin/python bench/bench_xlsx.py [--corpus ../shared/corpus] [--copies 1,4,16]

Extracts every corpus report once, then, in a fresh process per size, writes workbooks of
1x, 4x, 16x ... those records (each copy under its own path) through the xlsx sink, as
`batch --format xlsx` does, and measures the time and how much the process's peak resident
memory grew while writing (records are read one at a time, as a batch receives them). XlsxWriter's
constant-memory mode writes each row to disk as it comes, so the growth should stay flat
while the workbook grows. Prints a markdown section.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _build import REPO  # noqa: E402 - sets the import path first

import inspectparse  # noqa: E402
from inspectparse.outcome import InputId, Outcome  # noqa: E402
from inspectparse.output.xlsx import XlsxSink  # noqa: E402


def _peak_mib() -> float:
    """This process's peak resident memory. VmHWM, where there is one: `ru_maxrss` carries
    over from the parent across exec on Linux, and the parent here is the larger."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # macOS: bytes


def child(records_path: Path, copies: int, target: Path) -> dict[str, float]:
    """One workbook of `copies` x the records, read one at a time as a batch receives them;
    runs in its own process, so its peak memory is this workbook's."""
    XlsxSink.to_path(target.with_suffix(".warm.xlsx")).close()  # imports, first-use caches
    before = _peak_mib()
    start = time.perf_counter()
    sink = XlsxSink.to_path(target)
    for copy in range(copies):
        with records_path.open(encoding="utf-8") as fh:
            for line in fh:
                rec: dict[str, Any] = json.loads(line)
                src = rec["source"]
                ident = InputId(f"{copy}/{src['path']}", None, src["sha256"])
                sink.write(Outcome(ident, record=rec))
    sink.close()
    return {
        "seconds": time.perf_counter() - start,
        "growth": _peak_mib() - before,
        "size": target.stat().st_size / 2**20,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--copies", default="1,4,16", help="comma-separated multiples")
    parser.add_argument(
        "--append", type=Path, help="append the table as a section to this markdown file"
    )
    parser.add_argument("--child", nargs=3, metavar=("RECORDS", "COPIES", "TARGET"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        records, copies, target = args.child
        print(json.dumps(child(Path(records), int(copies), Path(target))))
        return 0
    if not (args.corpus / "gold.jsonl").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        records_path = Path(tmp) / "records.jsonl"
        rows = n = 0
        with records_path.open("w", encoding="utf-8") as fh:
            for line in (args.corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
                rec = inspectparse.extract(args.corpus / "reports" / json.loads(line)["file"])
                data = rec.model_dump(mode="json")
                rows += 1 + sum(len(data[k]) for k in
                                ("judgements", "recommendations", "paragraphs", "warnings"))
                n += 1
                fh.write(json.dumps(data) + "\n")
        lines += [
            f"xlsx workbooks of the {n} corpus records written n times over ({rows} rows per "
            "copy), through the sink `batch --format xlsx` uses, each in a fresh process; "
            "growth of the peak resident memory while writing:",
            "",
            "| reports | rows | memory growth (MiB) | seconds | rows/s | workbook (MiB) |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for copies in (int(c) for c in args.copies.split(",")):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(records_path), str(copies),
                 str(Path(tmp) / f"x{copies}.xlsx")],
                capture_output=True, text=True, check=True,
            )
            got = json.loads(out.stdout)
            lines.append(
                f"| {copies * n} | {copies * rows} | {got['growth']:.1f} | {got['seconds']:.1f} "
                f"| {copies * rows / got['seconds']:.0f} | {got['size']:.1f} |"
            )
    text = "\n".join(lines)
    print(text)
    if args.append:
        with args.append.open("a", encoding="utf-8") as fh:
            fh.write("\n## xlsx: memory by batch size (`bench/bench_xlsx.py`)\n\n" + text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
