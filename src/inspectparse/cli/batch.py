"""`inspectparse batch`: flags -> `BatchOptions` -> `run_batch` -> exit code.

All logic is in `inspectparse.batch`; this module only parses flags and maps the summary to an
exit code.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..batch.defaults import DEFAULT_MAX_TASKS_PER_CHILD
from ..errors import InspectparseError
from .errors import handle_errors
from .options import (
    CONTEXT_SETTINGS,
    engine_option,
    excel_option,
    format_option,
    limit_options,
    table_option,
)

if TYPE_CHECKING:
    from ..load import Engine

__all__ = ["batch"]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default=None,
    help="Write records here (- for stdout). Default: stdout, unless --output-dir or "
    "--sqlite is given. An existing file is resumed: inputs it holds are skipped.",
)
@click.option(
    "--errors",
    "errors_file",
    metavar="FILE",
    default=None,
    help="Write error records to this JSON Lines file instead of the main output.",
)
@click.option(
    "--output-dir",
    metavar="DIR",
    default=None,
    help="Also write one JSON file per input under DIR, mirroring the input tree "
    "(<name>.json, or <name>.error.json for a failed input).",
)
@format_option("batch", "Main output format")
@table_option("Write this long table as CSV (one row per item) as the main output.")
@excel_option
@click.option(
    "--sqlite",
    metavar="FILE",
    default=None,
    help="Also write normalised tables (reports, judgements, recommendations, paragraphs, "
    "warnings, errors) to this SQLite file.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes. Default: the number of CPUs.",
)
@limit_options
@click.option("--force", is_flag=True, help="Convert every input again, even those already done.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary on stderr.")
@engine_option
@click.option(
    "--dask-scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run on a Dask cluster (e.g. tcp://host:8786); needs pip install 'inspectparse[dask]'.",
)
@click.option(
    "--max-tasks-per-child",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_TASKS_PER_CHILD,
    hidden=True,
    help="Replace each worker after this many inputs.",
)
@click.option(
    "--task",
    "task_spec",
    metavar="MODULE:FUNCTION",
    default=None,
    hidden=True,
    help="Replace the per-input function (tests and plugins).",
)
def batch(
    paths: tuple[str, ...],
    output: str | None,
    errors_file: str | None,
    output_dir: str | None,
    output_format: str | None,
    table: str | None,
    excel: bool,
    sqlite: str | None,
    jobs: int | None,
    timeout: float,
    max_bytes: int,
    max_memory: int,
    force: bool,
    quiet: bool,
    engine: Engine,
    dask_scheduler: str | None,
    max_tasks_per_child: int,
    task_spec: str | None,
) -> None:
    """Convert many reports: files, folders (recursively), globs, .zip and .tar(.gz) archives.

    Every input gets one line: its record, exactly as `extract` prints it, or
    {"source": {...}, "error": {"code", "message"}} (`inspectparse schema --batch-line`).
    Inputs are recognised by their bytes, not their names; hidden files and __MACOSX are
    skipped. Rerunning the same command after a stop (even kill -9) skips what the outputs
    already hold; --force redoes all.

    \b
    Exit codes: 0 every input converted, 6 some failed, 9 all failed (or nothing to
    convert), 5 an output cannot be written or another batch is writing it, 130 interrupted.
    The output's name picks its format (.jsonl, .csv, .xlsx; .db or .sqlite: SQLite).
    Folders reached through symbolic links are not followed (the summary lists them).
    Progress and a summary go to stderr; stdout carries data only.

    \b
    Example:
        inspectparse batch reports/ archive.zip -o reports.jsonl --errors errors.jsonl
        inspectparse batch reports/ --format csv -o grades.csv --jobs 4
        inspectparse batch reports/ --format xlsx -o reports.xlsx
        inspectparse batch 'reports/**/*.pdf' --sqlite reports.db --timeout 120
    """
    from ..batch import BatchOptions, make_progress, resolve_task, run_batch

    if output is None and output_dir is None and sqlite is None:
        output = "-"
    if excel and output_format is None:
        output_format = "csv"  # --excel alone asks for CSV
    try:
        task = resolve_task(task_spec) if task_spec else None
        options = BatchOptions(
            output=output,
            errors=errors_file,
            output_dir=output_dir,
            format=output_format,
            table=table,
            excel=excel,
            sqlite=sqlite,
            jobs=jobs,
            timeout=timeout,
            max_bytes=max_bytes or None,
            max_memory=max_memory or None,
            force=force,
            engine=engine,
            max_tasks_per_child=max_tasks_per_child,
            dask_scheduler=dask_scheduler,
        )
    except (ValueError, ImportError, AttributeError) as exc:
        raise click.UsageError(str(exc)) from exc

    with handle_errors(output=output or sqlite or output_dir or "output"):
        try:
            summary = run_batch(paths, options, task=task, progress=make_progress(quiet=quiet))
        except RuntimeError as exc:  # no Dask, no worker processes
            raise InspectparseError(str(exc)) from exc
    if not quiet:
        click.echo(summary.format(), err=True)
    sys.exit(int(summary.exit_code))
