#!/usr/bin/env python3
"""Benchmark: the text path's speed (issue 15), pages per second on the corpus's converted texts.

    .venv/bin/python bench/bench_text.py [--corpus ../shared/corpus] [--repeat 3]
        [--append docs/performance.md]

For each converter under `<corpus>/text/<converter>/`: every text through `inspectparse.extract`
(the whole pipeline: shape detection, load, clean, segment, classify, validate), best of
`--repeat` passes, and the same texts' bytes only decoded and split into lines (the floor any
reader pays). Pages are the record's `source.pages` (form feeds; markdown page rules). Prints a
markdown section; `--append` adds it to a file.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import inspectparse  # noqa: E402


def texts(root: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(root.rglob("*.txt"))]


def best_pass(items: list[tuple[Path, bytes]], repeat: int) -> tuple[float, int, dict[str, int]]:
    """(best seconds over all texts, pages, shapes read) for the whole pipeline."""
    best = float("inf")
    pages = 0
    shapes: dict[str, int] = {}
    for _ in range(repeat):
        pages, shapes = 0, {}
        start = time.perf_counter()
        for path, data in items:
            record = inspectparse.extract(data, input_format="text", path=str(path))
            pages += record.source.pages or 0
            shape = record.source.text_layout or "?"
            shapes[shape] = shapes.get(shape, 0) + 1
        best = min(best, time.perf_counter() - start)
    return best, pages, shapes


def floor_pass(items: list[tuple[Path, bytes]], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _, data in items:
            data.decode("utf-8-sig").splitlines()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--append", type=Path, help="append the table as a section to this file")
    args = ap.parse_args()
    root = args.corpus / "text"
    if not root.is_dir():
        print(f"no converted texts under {root}", file=sys.stderr)
        return 1
    rows = []
    for conv in sorted(d for d in root.iterdir() if d.is_dir()):
        items = texts(conv)
        seconds, pages, shapes = best_pass(items, args.repeat)
        floor = floor_pass(items, args.repeat)
        shape = ", ".join(f"{k} {v}" for k, v in sorted(shapes.items()))
        rows.append(
            f"| {conv.name} | {len(items)} | {shape} | {pages} | {seconds:.2f} | "
            f"{pages / seconds:.0f} | {len(items) / seconds:.1f} | {floor * 1000:.0f} |"
        )
    section = "\n".join(
        [
            "",
            "## Text input (issue 15)",
            "",
            "Every corpus text of each converter through `inspectparse.extract` (whole "
            f"pipeline), best of {args.repeat}; the floor is only decoding the bytes and "
            "splitting lines.",
            "",
            "| converter | texts | read as | pages | seconds | pages/s | texts/s | floor (ms) |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    print(section)
    if args.append:
        with args.append.open("a", encoding="utf-8") as fh:
            fh.write(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
