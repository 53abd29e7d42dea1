#!/usr/bin/env python3
"""How extraction time grows with the size of long, odd inputs: each shape timed at two sizes.

    .venv/bin/python scripts/scaling.py [--small 5000] [--factor 4] [--shape NAME ...] [--check]

A real report is a few thousand lines, but an analyst's archive holds what it holds: a CSV
exported by mistake, a text with no full stop, a table of twenty thousand rows. A cost that
grows with the square of the input turns such a file from a second into the `--timeout` (300 s
by default). Each shape below is a synthetic text (or PDF, drawn with make_fixtures.py's
writer) of `--small` lines and of `--factor` times as many; a shape whose time grows by more
than `GROWTH_LIMIT` x the factor is marked (linear growth is about the factor). With `--check`
the script exits 1 on any marked shape. The shapes are Northwick's, never a real report's.

Times are wall-clock on a quiet machine: this is a tool to find superlinear code, not a
benchmark (`make bench` measures speed).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import inspectparse
from inspectparse.errors import InspectparseError

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fixtures as mf  # noqa: E402  (the synthetic PDF writer beside this script)

# Growth beyond this many times the size factor marks a shape (linear is ~1, n log n a little
# more; a quadratic cost at the larger size is ~factor).
GROWTH_LIMIT = 1.6

_HEAD = (
    "Inspection of Northwick local authority children's services\n\n"
    "Inspection dates: 4 to 8 March 2019\n\nLead inspector: Ada Quill, HMI\n\n"
)
_SEND_HEAD = (
    "Area SEND inspection of Northwick Local Area Partnership\n\nAreas for improvement\n\n"
    "Area for improvement\nResponsible body\n"
)


def _csv(n: int) -> str:
    rng = random.Random(1)
    return "".join(f"{i},north{i % 97},some value here,{rng.random():.4f}\n" for i in range(n))


def _no_sentence_end(n: int) -> str:
    return "".join(f"and the text goes on with line {i}\n" for i in range(n))


def _item_runs_on(n: int) -> str:
    return (
        _HEAD
        + "What needs to improve in this local authority?\n\n• Ensure that plans are reviewed.\n"
        + "".join(f"This sentence {i} goes on.\n" for i in range(n))
    )


def _markdown_table(n: int) -> str:
    rows = "".join(f"| Overall effectiveness {i} | Good |\n" for i in range(n))
    return _HEAD + "| Judgement | Grade |\n|---|---|\n" + rows


def _send_table(n: int) -> str:
    return _SEND_HEAD + "".join(
        f"Leaders should improve the thing number {i}.\nNorthwick Council and\nNHS Northwick ICB\n"
        for i in range(n // 3)
    )


def _tab_rows(n: int) -> str:
    return _SEND_HEAD + "".join(
        f"Leaders should improve thing {i}.\tNorthwick Council\n" for i in range(n)
    )


def _footnote_runs(n: int) -> str:
    # Short runs of numbers (footnote digits) past the last number a paragraph can have.
    return _HEAD + "".join(f"{i % 8 + 1} A footnote that goes on.\n\n" for i in range(n // 2))


def _numbered(n: int) -> str:
    return _HEAD + "".join(f"{i % 999 + 1}. A paragraph that ends here.\n\n" for i in range(n // 2))


def _bullets(n: int) -> str:
    return (
        _HEAD
        + "Areas for improvement\n\n"
        + "".join(f"• Item {i} should:\n– sub point {i}\n- dash point {i}\n" for i in range(n // 3))
    )


def _dash_continuations(n: int) -> str:
    return (
        _HEAD
        + "Areas for improvement\n\n"
        + "".join(f"- the item goes on {i}\n\n" for i in range(n // 2))
    )


def _contents(n: int) -> str:
    return "Contents\n" + "".join(f"Section {i} 3\n" for i in range(n))


def _pages(n: int) -> str:
    return _HEAD + "".join(
        f"Northwick report\n{i % 999 + 1}. Text on page {i} goes on and\n\ncontinues.\nPage {i}\n\f"
        for i in range(n // 5)
    )


def _pdf_lines(n: int, text: Callable[[int, int], str], bold: bool = False) -> bytes:
    pages = []
    for i in range(max(1, n // 50)):
        page = mf.Page()
        if i == 0:
            page.text(
                60, 60, "Inspection of Northwick local authority children's services", 14, True
            )
        for k in range(50):
            page.text(60, 120 + k * 13, text(i, k), 10, bold)
        pages.append(page)
    return mf.build_pdf(pages, name="scaling")


SHAPES: dict[str, Callable[[int], str | bytes]] = {
    "csv": _csv,
    "no-sentence-end": _no_sentence_end,
    "item-runs-on": _item_runs_on,
    "markdown-table": _markdown_table,
    "send-table": _send_table,
    "tab-rows": _tab_rows,
    "footnote-runs": _footnote_runs,
    "numbered": _numbered,
    "bullets": _bullets,
    "dash-continuations": _dash_continuations,
    "contents": _contents,
    "pages": _pages,
    "pdf-prose": lambda n: _pdf_lines(
        n, lambda i, k: f"and the text goes on with line {i} {k} and"
    ),
    "pdf-bold": lambda n: _pdf_lines(n, lambda i, k: f"Bold Heading {i} {k} Of The Report", True),
}


def _time(data: bytes) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        record = inspectparse.extract(data)
        outcome = record.report.kind
    except InspectparseError as exc:
        outcome = exc.code
    return time.perf_counter() - start, outcome


def run(shapes: list[str], small: int, factor: int) -> list[tuple[str, float, float, float, str]]:
    """(shape, seconds small, seconds large, growth / factor, outcome at the larger size)."""
    rows = []
    for name in shapes:
        make = SHAPES[name]
        timings = []
        outcome = ""
        for n in (small, small * factor):
            data = make(n)
            seconds, outcome = _time(data if isinstance(data, bytes) else data.encode())
            timings.append(seconds)
        growth = timings[1] / max(timings[0], 1e-3) / factor
        rows.append((name, timings[0], timings[1], growth, outcome))
        print(
            f"| {name} | {timings[0]:.2f} | {timings[1]:.2f} | {growth:.2f} | {outcome} |"
            + (" **superlinear**" if growth > GROWTH_LIMIT else ""),
            flush=True,
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=5000, help="lines of the smaller input")
    parser.add_argument("--factor", type=int, default=4, help="the larger input is this many times")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES))
    parser.add_argument("--check", action="store_true", help="exit 1 on a superlinear shape")
    args = parser.parse_args(argv)
    sizes = f"s at {args.small} | s at {args.small * args.factor}"
    print(f"| shape | {sizes} | growth / {args.factor} | outcome |")
    print("|---|---|---|---|---|")
    _time(_HEAD.encode())  # imports and first-use caches, outside the timings
    rows = run(args.shape or list(SHAPES), args.small, args.factor)
    marked = [row[0] for row in rows if row[3] > GROWTH_LIMIT]
    if marked:
        print(f"superlinear: {', '.join(marked)}", file=sys.stderr)
    return 1 if args.check and marked else 0


if __name__ == "__main__":
    sys.exit(main())
