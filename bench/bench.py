#!/usr/bin/env python3
"""Benchmark: raw engine text extraction vs `inspectparse.extract`, and memory.

    .venv/bin/python bench/bench.py [--corpus ../shared/corpus] [--only NAME ...]
                                    [--repeat 5] [--leak-runs 100] [--write docs/performance.md]

Measurements (each a function registered with `@measurement`; `--only` runs a subset):

* `throughput`: in one process, file by file and interleaved (so a change in machine load hits
  every method alike), on a fixed subset of the corpus (every 4th PDF in path order):
  raw pypdfium2 (`get_text_range` per page), raw pdfplumber (`extract_text` per page),
  `inspectparse.extract(path, engine="pdfium")` and `engine="pdfplumber"`; the two fast pdfium
  methods also on every PDF. Each fast method runs `--repeat` times per file, the methods
  taking turns, and keeps the fastest; pdfplumber runs once. Reports pages/s on wall and CPU
  time and the ratios extract / raw of the same engine (the target for pdfium: at most 1.5).
* `stages`: where the pdfium extract time goes: the loader alone vs the rest of the pipeline.
* `peak_rss`: peak RSS (VmHWM; `ru_maxrss` would carry this process's own peak across exec)
  of a fresh process extracting the largest PDF, per engine, next to a fresh process that
  imports the same modules and reads no PDF.
* `text`: pages per second of `extract` on every converter's texts (../shared/corpus/text).
* `startup`: wall time of `inspectparse --help` and `inspectparse extract --help` in a fresh
  process (best and median of 5).
* `rss_growth`: RSS (/proc/self/statm) of one process after `--leak-runs` consecutive
  extractions vs after a warm-up pass that extracts each of its files once, per engine.

Adding a measurement (e.g. batch speed-up with `--jobs`): write `def batch(ctx: Context) ->
Section` decorated with `@measurement("batch")`; it runs by default and with `--only batch`,
and its section lands in the report. Options it needs go in `build_parser`; `ctx.args` has them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from _build import BUILD, REPO  # noqa: E402 - sets the import path first

PIPELINE_TARGET = 1.5  # issue 4: extract with pdfium at most 1.5x raw pypdfium2 text extraction
SUBSET_STEP = 4  # the fixed subset: every 4th PDF of the corpus in path order
WARMUP_RUNS = 5  # rss_growth: an early mark after the warm-up pass
RSS_GROWTH_TARGET = 10.0  # issue 4: RSS growth over 100 extractions under 10%


# ---------------------------------------------------------------------------------------------
# Plumbing: context, sections, registry


@dataclass
class Context:
    args: argparse.Namespace
    pdfs: list[Path]  # every PDF of the corpus, in path order
    subset: list[Path]  # the fixed subset used when a method is too slow for every file
    results: dict[str, Any] = field(default_factory=dict)  # numbers other sections may reuse


@dataclass
class Section:
    title: str
    lines: list[str]  # markdown: a table and notes
    summary: dict[str, Any] = field(default_factory=dict)


MEASUREMENTS: dict[str, Callable[[Context], Section]] = {}


def measurement(
    name: str,
) -> Callable[[Callable[[Context], Section]], Callable[[Context], Section]]:
    def register(func: Callable[[Context], Section]) -> Callable[[Context], Section]:
        MEASUREMENTS[name] = func
        return func

    return register


def corpus_pdfs(corpus: Path) -> list[Path]:
    # By content, as the loader decides: the corpus has one .PDF and one text report.
    files = sorted(p for p in (corpus / "reports").rglob("*") if p.is_file())
    return [p for p in files if b"%PDF-" in p.read_bytes()[:1024]]


def rel(path: Path, ctx: Context) -> str:
    return str(path.relative_to(ctx.args.corpus / "reports"))


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
        return str(value)

    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# The methods timed


def raw_pdfium(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def raw_pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def extract_pdfium(path: Path) -> int:
    import inspectparse

    return int(inspectparse.extract(path, engine="pdfium").source.pages)


def extract_pdfplumber(path: Path) -> int:
    import inspectparse

    return int(inspectparse.extract(path, engine="pdfplumber").source.pages)


def load_pdfium(path: Path) -> int:
    from inspectparse.load import load

    return load(path.read_bytes(), engine="pdfium").page_count


def load_pdfium_measured(path: Path) -> int:
    from inspectparse.load.pdfium_engine import load_pdf_pdfium

    return load_pdf_pdfium(path.read_bytes(), measure_words=True).page_count


METHODS: dict[str, Callable[[Path], int]] = {
    "raw pypdfium2 (get_text_range)": raw_pdfium,
    "raw pdfplumber (extract_text)": raw_pdfplumber,
    'extract(engine="pdfium")': extract_pdfium,
    'extract(engine="pdfplumber")': extract_pdfplumber,
    "pdfium loader alone": load_pdfium,
    "pdfium loader, every word measured": load_pdfium_measured,
}
FAST = {
    "raw pypdfium2 (get_text_range)",
    'extract(engine="pdfium")',
    "pdfium loader alone",
    "pdfium loader, every word measured",
}


@dataclass
class Timing:
    files: int = 0
    pages: int = 0
    wall: float = 0.0
    cpu: float = 0.0

    def add(self, pages: int, wall: float, cpu: float) -> None:
        self.files += 1
        self.pages += pages
        self.wall += wall
        self.cpu += cpu


def time_files(files: list[Path], methods: list[str], repeat: int) -> dict[str, Timing]:
    """Time each method on each file; fast methods keep their best of `repeat` runs.

    The runs of one file take turns (raw, extract, raw, extract, ...), so a drift in machine
    speed while a file is timed (another process, clock changes) reaches every method alike.
    """
    for name in methods:  # imports, caches and pdfium's font setup happen before any timing
        METHODS[name](files[0])
    timings = {name: Timing() for name in methods}
    for number, path in enumerate(files, start=1):
        log(f"  [{number}/{len(files)}] {path.name}")
        best: dict[str, tuple[float, float, int]] = {}
        for turn in range(repeat):
            for name in methods:
                if turn and name not in FAST:
                    continue
                wall0, cpu0 = time.perf_counter(), time.process_time()
                pages = METHODS[name](path)
                run = (time.perf_counter() - wall0, time.process_time() - cpu0, pages)
                if name not in best or run[1] < best[name][1]:
                    best[name] = run
        for name in methods:
            wall, cpu, pages = best[name]
            timings[name].add(pages, wall, cpu)
    return timings


def timing_rows(timings: dict[str, Timing]) -> list[list[Any]]:
    return [
        [name, t.files, t.pages, t.wall, t.pages / t.wall, t.cpu, t.pages / t.cpu]
        for name, t in timings.items()
    ]


TIMING_HEADER = ["method", "files", "pages", "wall s", "pages/s (wall)", "CPU s", "pages/s (CPU)"]


# ---------------------------------------------------------------------------------------------
# Measurements


@measurement("throughput")
def throughput(ctx: Context) -> Section:
    methods = [
        "raw pypdfium2 (get_text_range)",
        "raw pdfplumber (extract_text)",
        'extract(engine="pdfium")',
        'extract(engine="pdfplumber")',
    ]
    log(f"throughput: {len(ctx.subset)} files, all four methods")
    subset = time_files(ctx.subset, methods, ctx.args.repeat)
    fast = methods[0], methods[2]
    log(f"throughput: all {len(ctx.pdfs)} PDFs, pdfium methods")
    full = time_files(ctx.pdfs, list(fast), ctx.args.repeat)

    def ratio(timings: dict[str, Timing], extract: str, raw: str, attr: str) -> float:
        return float(getattr(timings[extract], attr) / getattr(timings[raw], attr))

    ratios = [
        [
            "pdfium",
            "subset",
            ratio(subset, methods[2], methods[0], "cpu"),
            ratio(subset, methods[2], methods[0], "wall"),
        ],
        [
            "pdfium",
            "all PDFs",
            ratio(full, methods[2], methods[0], "cpu"),
            ratio(full, methods[2], methods[0], "wall"),
        ],
        [
            "pdfplumber",
            "subset",
            ratio(subset, methods[3], methods[1], "cpu"),
            ratio(subset, methods[3], methods[1], "wall"),
        ],
    ]
    pdfium_ratio = ratios[1][2]
    ctx.results["throughput"] = {"subset": subset, "full": full}
    lines = [
        f"Fixed subset: every {SUBSET_STEP}th PDF of the corpus in path order "
        f"({len(ctx.subset)} files, {subset[methods[0]].pages} pages; listed at the end). "
        f"Fast methods: best of {ctx.args.repeat} runs per file, the methods taking turns; "
        "pdfplumber: one run.",
        "",
        *table(TIMING_HEADER, timing_rows(subset)),
        "",
        f"All {len(ctx.pdfs)} PDFs of the corpus ({full[methods[0]].pages} pages):",
        "",
        *table(TIMING_HEADER, timing_rows(full)),
        "",
        "Cost of the whole pipeline over the engine's own text extraction "
        f"(target for pdfium: at most {PIPELINE_TARGET}):",
        "",
        *table(["engine", "files", "extract / raw (CPU)", "extract / raw (wall)"], ratios),
        "",
        f"pdfium over all PDFs: {pdfium_ratio:.2f}, "
        + ("within" if pdfium_ratio <= PIPELINE_TARGET else "above")
        + f" the target of {PIPELINE_TARGET} (for where the time goes, see"
        + ' "Where the pdfium extract time goes").',
    ]
    return Section(
        "Throughput",
        lines,
        {"pdfium_ratio_cpu": pdfium_ratio, "meets_target": pdfium_ratio <= PIPELINE_TARGET},
    )


@measurement("stages")
def stages(ctx: Context) -> Section:
    methods = [
        "raw pypdfium2 (get_text_range)",
        "pdfium loader alone",
        'extract(engine="pdfium")',
        "pdfium loader, every word measured",
    ]
    log(f"stages: all {len(ctx.pdfs)} PDFs")
    timings = time_files(ctx.pdfs, methods, ctx.args.repeat)
    raw, loader, extract, measured = (timings[m].cpu for m in methods)
    pages = timings[methods[0]].pages

    def row(name: str, seconds: float) -> list[Any]:
        return [name, seconds, seconds / pages * 1e3, seconds / raw]

    rows = [
        row("PDFium: parse pages, text (raw extraction)", raw),
        row("loader on top: runs, word boxes, fonts, build_lines", loader - raw),
        row("pipeline: clean, segment, classify, validate", extract - loader),
        row("extract, total", extract),
        row("(loader with `measure_words=True`, on top of raw)", measured - raw),
    ]
    return Section(
        "Where the pdfium extract time goes",
        [
            f"CPU time over all {len(ctx.pdfs)} PDFs ({pages} pages), best of {ctx.args.repeat} "
            "runs per file; the last column is in units of the raw extraction time.",
            "",
            *table(["stage", "CPU s", "ms/page", "x raw"], rows),
        ],
        {"loader_share": (loader - raw) / raw, "pipeline_share": (extract - loader) / raw},
    )


PEAK_PROBE = textwrap.dedent(r"""
    import resource, sys
    engine, path, mode = sys.argv[1:4]
    import inspectparse, inspectparse.api
    from inspectparse.load import pdfium_engine, pdfplumber_engine
    if mode == "import":
        # The same imports as an extraction: the PDF library and the pipeline (via text input).
        __import__("pypdfium2" if engine == "pdfium" else "pdfplumber")
        inspectparse.extract(b"Inspection report\n\nInspection dates: 1 to 5 May 2023\n")
    else:
        inspectparse.extract(path, engine=engine)
    # VmHWM is this process's own peak. ru_maxrss would do on a fresh shell, but Linux keeps it
    # across exec, so a child of this (large) benchmark process would report the parent's peak.
    with open("/proc/self/status") as status:
        hwm = [line.split()[1] for line in status if line.startswith("VmHWM:")]
    print(hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB
""")


def fresh_process(code: str, *argv: str) -> str:
    """Run `code` in a new interpreter; return the last line it printed."""
    result = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(BUILD)},
    )
    if result.returncode != 0:
        raise RuntimeError(f"probe failed ({result.returncode}):\n{result.stderr}")
    return result.stdout.strip().splitlines()[-1]


@measurement("peak_rss")
def peak_rss(ctx: Context) -> Section:
    largest = max(ctx.pdfs, key=lambda p: p.stat().st_size)
    pages = raw_pdfium(largest)
    rows = []
    for engine in ("pdfium", "pdfplumber"):
        log(f"peak_rss: {engine}")
        base = int(fresh_process(PEAK_PROBE, engine, str(largest), "import")) / 1024
        peak = int(fresh_process(PEAK_PROBE, engine, str(largest), "extract")) / 1024
        rows.append([engine, base, peak, peak - base])
    return Section(
        "Peak memory",
        [
            f"Largest PDF of the corpus: `{rel(largest, ctx)}` "
            f"({largest.stat().st_size / 1e6:.2f} MB, {pages} pages). Each figure is the peak "
            "RSS (VmHWM) of a fresh Python process; the baseline process imports the "
            "same modules (and runs the pipeline on a two-line text) but reads no PDF.",
            "",
            *table(["engine", "baseline MiB", "peak MiB", "extraction adds MiB"], rows),
        ],
        {row[0] + "_peak_mib": row[2] for row in rows},
    )


GROWTH_PROBE = textwrap.dedent("""
    import os, sys
    engine, runs, marks_at = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    paths = sys.argv[4:]
    import inspectparse
    page = os.sysconf("SC_PAGE_SIZE")
    def rss():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * page
    at = {int(n) for n in marks_at.split(",")}
    marks = {}
    # Warm-up: each file once (mark -1 after the first file, 0 after the pass), uncounted.
    for i, path in enumerate(paths):
        inspectparse.extract(path, engine=engine)
        if i == 0:
            marks[-1] = rss()
    marks[0] = rss()
    for i in range(runs):
        inspectparse.extract(paths[i % len(paths)], engine=engine)
        if i + 1 in at:
            marks[i + 1] = rss()
    print(" ".join(f"{k}:{v}" for k, v in sorted(marks.items())))
""")


@measurement("rss_growth")
def rss_growth(ctx: Context) -> Section:
    runs = ctx.args.leak_runs
    # Each engine first extracts every file of a fixed set once (the warm-up: the largest
    # file's working set, caches and allocator arenas are in), then runs `runs` counted
    # extractions over the same files in turn. Growth is counted from the end of the warm-up,
    # so what grows is what a leak would leave. pdfplumber (~30x slower) uses the 5 smallest.
    smallest = sorted(ctx.pdfs, key=lambda p: p.stat().st_size)[:5]
    plans = [
        ("pdfium", ctx.subset, f"the {len(ctx.subset)}-file subset in turn"),
        ("pdfplumber", smallest, "the 5 smallest PDFs in turn"),
    ]
    rows = []
    summary: dict[str, Any] = {}
    for engine, paths, what in plans:
        log(f"rss_growth: {engine}, warm-up + {runs} extractions")
        at = sorted({1, WARMUP_RUNS, runs // 2, runs})
        out = fresh_process(
            GROWTH_PROBE, engine, str(runs), ",".join(map(str, at)), *map(str, paths)
        )
        marks = {int(k): int(v) / 2**20 for k, v in (p.split(":") for p in out.split())}
        growth = (marks[runs] - marks[0]) / marks[0] * 100
        rows.append(
            [
                engine,
                what,
                marks[-1],
                marks[0],
                marks[1],
                marks[WARMUP_RUNS],
                marks[runs // 2],
                marks[runs],
                f"{growth:+.1f}%",
            ]
        )
        summary[f"{engine}_growth_pct"] = growth
    worst = max(summary.values())
    return Section(
        "Memory over many extractions",
        [
            f"RSS (from /proc/self/statm, MiB) of one fresh process that extracts each file of a "
            f"fixed set once (warm-up), then runs {runs} consecutive `inspectparse.extract` calls "
            "over the same files in turn. Growth is counted from the end of the warm-up, when "
            "the largest file's working set is already in: a leak shows as growth there. The "
            "first column (after the process's first extraction) shows how much the working "
            "set grows while larger files are met for the first time.",
            "",
            *table(
                [
                    "engine",
                    "files",
                    "after the 1st file",
                    "after warm-up",
                    "+1",
                    f"+{WARMUP_RUNS}",
                    f"+{runs // 2}",
                    f"+{runs}",
                    f"growth over {runs}",
                ],
                rows,
            ),
            "",
            f"Largest growth over {runs} extractions: {worst:+.1f}%, "
            + ("within" if worst < RSS_GROWTH_TARGET else "above")
            + f" the target of {RSS_GROWTH_TARGET:.0f}%.",
        ],
        summary,
    )


STARTUP_RUNS = 5
STARTUP_TARGET = 0.3  # issue 4: `inspectparse --help` under 0.3 s


@measurement("startup")
def startup(ctx: Context) -> Section:
    # The installed console script when there is one (what a user runs), else the module.
    script = Path(sys.executable).with_name("inspectparse")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "inspectparse.cli"]
    rows = []
    summary: dict[str, Any] = {}
    for args in (["--help"], ["extract", "--help"]):
        log(f"startup: {' '.join(args)}")
        times = []
        for _ in range(STARTUP_RUNS):
            start = time.perf_counter()
            subprocess.run([*command, *args], capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        median = sorted(times)[len(times) // 2]
        rows.append([f"`inspectparse {' '.join(args)}`", min(times), median])
        summary[" ".join(args)] = min(times)
    worst = max(row[2] for row in rows)
    return Section(
        "Start-up",
        [
            f"Wall time of a fresh process, {STARTUP_RUNS} runs (no PDF library is imported for "
            "these; tests/test_lazy_imports.py checks that).",
            "",
            *table(["command", "best s", "median s"], rows),
            "",
            f"Slowest median: {worst:.2f} s, "
            + ("within" if worst < STARTUP_TARGET else "above")
            + f" the target of {STARTUP_TARGET} s.",
        ],
        summary,
    )


TEXT_REPEAT = 3  # text: runs over every converter's texts, best of


@measurement("text")
def text(ctx: Context) -> Section:
    """The text path: every converter's texts of the corpus PDFs (../shared/corpus/text), the
    whole pipeline beside the floor any reader pays (decoding the bytes, splitting lines)."""
    import inspectparse

    root = ctx.args.corpus / "text"
    converters = sorted(d for d in root.iterdir() if d.is_dir()) if root.is_dir() else []
    rows = []
    summary: dict[str, Any] = {}
    for converter in converters:
        files = sorted(converter.rglob("*.txt"))
        datas = [f.read_bytes() for f in files]
        log(f"text: {converter.name} ({len(files)} files)")
        best = floor = float("inf")
        pages = 0
        shapes: dict[str, int] = {}
        for _ in range(TEXT_REPEAT):
            pages, shapes = 0, {}
            start = time.perf_counter()
            for data in datas:
                source = inspectparse.extract(data, input_format="text").source
                pages += source.pages or 0
                shape = str(source.text_layout)
                shapes[shape] = shapes.get(shape, 0) + 1
            best = min(best, time.perf_counter() - start)
            start = time.perf_counter()
            for data in datas:
                data.decode("utf-8-sig").splitlines()
            floor = min(floor, time.perf_counter() - start)
        rows.append(
            [
                f"`{converter.name}`",
                len(files),
                pages,
                best,
                pages / best,
                len(files) / best,
                floor * 1000,
                ", ".join(f"{k} {v}" for k, v in sorted(shapes.items())),
            ]
        )
        summary[converter.name] = pages / best
    return Section(
        "Text input",
        [
            "`extract` on each converter's texts of the corpus PDFs, whole pipeline (shape "
            "detection, load, clean, segment, classify, record) in one process, best of "
            f"{TEXT_REPEAT} passes; the floor is only decoding the bytes and splitting lines.",
            "",
            *table(
                [
                    "converter",
                    "files",
                    "pages",
                    "best s",
                    "pages/s",
                    "texts/s",
                    "floor ms",
                    "read as",
                ],
                rows,
            ),
        ],
        summary,
    )


# ---------------------------------------------------------------------------------------------
# Machine description and report


def machine() -> list[tuple[str, str]]:
    def read(path: str) -> str:
        try:
            return Path(path).read_text()
        except OSError:
            return ""

    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in read("/proc/cpuinfo").splitlines()
            if ln.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    mem_kib = next(
        (
            int(ln.split()[1])
            for ln in read("/proc/meminfo").splitlines()
            if ln.startswith("MemTotal:")
        ),
        0,
    )
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    try:
        import pypdfium2

        pdfium_build = str(pypdfium2.version.PDFIUM_INFO)
    except Exception:  # noqa: BLE001 - old pypdfium2 versions name it differently
        pdfium_build = "unknown"
    return [
        ("CPU", cpu),
        ("cores", f"{os.cpu_count()} logical, {usable} usable by this process"),
        ("RAM", f"{mem_kib / 2**20:.1f} GiB"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("inspectparse", version("inspectparse")),
        ("inspectparse build", f"{build_description()} (imported from {build_path()})"),
        ("pypdfium2", f"{version('pypdfium2')} (PDFium {pdfium_build})"),
        ("pdfplumber", version("pdfplumber")),
        ("pdfminer.six", version("pdfminer.six")),
        ("date", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
    ]


def build_description() -> str:
    from inspectparse._compiled import build_description as describe

    return describe()


def build_path() -> str:
    try:
        return str(BUILD.relative_to(REPO))
    except ValueError:
        return str(BUILD)


def load_average() -> str:
    try:
        return " / ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def report(ctx: Context, sections: list[Section], load_before: str, seconds: float) -> str:
    lines = [
        "# Performance",
        "",
        "Generated by `make bench` (`bench/bench.py`); rerun it to refresh. Raw figures depend on",
        "the machine and on what else runs on it; the ratios (same process, same files, methods",
        "interleaved file by file) are what to compare between runs.",
        "",
        "## Machine",
        "",
        *table(["", ""], [list(item) for item in machine()]),
        f"| load average (1/5/15 min) | {load_before} before, {load_average()} after |",
        f"| benchmark wall time | {seconds / 60:.1f} min |",
        "",
    ]
    for section in sections:
        lines += [f"## {section.title}", "", *section.lines, ""]
    if "throughput" in ctx.results:
        lines += ["## The fixed subset", ""]
        lines += [f"- `{rel(p, ctx)}`" for p in ctx.subset]
        lines.append("")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(MEASUREMENTS),
        metavar="NAME",
        help=f"run only this measurement (repeatable): {', '.join(MEASUREMENTS)}",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per file of fast methods")
    parser.add_argument("--leak-runs", type=int, default=100, help="extractions for rss_growth")
    parser.add_argument("--write", type=Path, help="also write the markdown report here")
    parser.add_argument(
        "--append",
        type=Path,
        help="append the sections to this markdown file, titled with the build measured",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.corpus = args.corpus.resolve()
    pdfs = corpus_pdfs(args.corpus)
    if not pdfs:
        print(f"bench: no PDFs under {args.corpus / 'reports'}", file=sys.stderr)
        return 1
    ctx = Context(args=args, pdfs=pdfs, subset=pdfs[::SUBSET_STEP])
    names = args.only or list(MEASUREMENTS)
    load_before, start = load_average(), time.perf_counter()
    sections = []
    for name in names:
        section = MEASUREMENTS[name](ctx)
        sections.append(section)
        print(f"\n## {section.title}\n\n" + "\n".join(section.lines), flush=True)
    text = report(ctx, sections, load_before, time.perf_counter() - start)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(text, encoding="utf-8")
        log(f"bench: wrote {args.write}")
    if args.append:
        build = f"{build_description()}, imported from {build_path()}"
        with args.append.open("a", encoding="utf-8") as fh:
            for section in sections:
                fh.write(f"\n## {section.title}: {build}\n\n" + "\n".join(section.lines) + "\n")
        log(f"bench: appended to {args.append}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
