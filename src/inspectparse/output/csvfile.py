"""The `csv` format: one row per input (a column per judgement), or a long table (`--table`).

CSV is written once, when the run ends, because the judgement columns are the union over all
rows. A file is replaced atomically; a resumed run reads the existing rows back and writes them
out again with the new ones, and an interrupted run leaves the previous file untouched.
`--excel` starts the file with a UTF-8 byte-order mark: without one, Excel reads UTF-8 as the
local code page and shows "children’s" as mojibake.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from ..outcome import OK, InputId, InputKey, Outcome, Stored, as_outcome
from .rows import (
    TABLE_COLUMNS,
    cell,
    item_table,
    report_columns,
    report_row,
    sort_key,
    table_rows,
)
from .sink import DEFAULT_OPTIONS, HeldIndex, SinkOptions, atomic_write_text, write_text

__all__ = [
    "CsvReportSink",
    "CsvSink",
    "TableCsvSink",
    "write_csv_rows",
    "write_report_csv",
    "write_table_csv",
]

Rows = dict[InputKey, list[dict[str, Any]]]


def write_csv_rows(
    rows: Sequence[Mapping[str, Any]], columns: list[str], stream: IO[str], *, ordered: bool = False
) -> None:
    """Write rows as CSV with a header line: sorted by path, member and index, unless `ordered`
    (the history, in each council's order)."""
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows if ordered else sorted(rows, key=sort_key):
        writer.writerow({k: row.get(k, "") for k in columns})


def write_report_csv(outcomes: Iterable[Any], stream: IO[str]) -> None:
    """One CSV row per record or `Outcome` (the `extract --format csv` case too)."""
    rows = [report_row(as_outcome(o)) for o in outcomes]
    write_csv_rows(rows, report_columns(rows), stream)


def write_table_csv(outcomes: Iterable[Any], table: str, stream: IO[str]) -> None:
    """A long table as CSV for records or `Outcome`s."""
    rows = [row for o in outcomes for row in table_rows(as_outcome(o), table)]
    _write_table(rows, table, stream)


def _write_table(rows: list[dict[str, Any]], table: str, stream: IO[str]) -> None:
    if table == "history":  # read across every report: each council's rows in date order
        from ..history import across

        rows = [{k: cell(v) for k, v in row.items()} for row in across(rows)]
        write_csv_rows(rows, list(TABLE_COLUMNS[table]), stream, ordered=True)
    else:
        write_csv_rows(rows, list(TABLE_COLUMNS[table]), stream)


# What `--excel` puts first: the byte-order mark, by which Excel knows the file is UTF-8.
BOM = "\ufeff"


class _CsvTarget:
    """Where a CSV goes: a file (read back on resume, replaced atomically) or a stream."""

    def __init__(
        self, path: Path | None = None, stream: IO[str] | None = None, *, excel: bool = False
    ) -> None:
        self.path = path
        self.stream = stream
        self.excel = excel

    def existing_rows(self) -> Iterable[dict[str, Any]]:
        if self.path is None or not self.path.exists():
            return ()
        # utf-8-sig: a file written with --excel starts with a byte-order mark.
        with self.path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))

    def write(self, rows: Sequence[Mapping[str, Any]], columns: list[str]) -> None:
        self.write_with(lambda buf: write_csv_rows(rows, columns, buf))

    def write_with(self, write: Callable[[IO[str]], None]) -> None:
        buf = io.StringIO()
        if self.excel:
            buf.write(BOM)
        write(buf)
        if self.path is not None:
            atomic_write_text(self.path, buf.getvalue())
        elif self.stream is not None:
            write_text(self.stream, buf.getvalue())


def _ident(row: Mapping[str, Any]) -> InputId:
    def value(key: str) -> str | None:
        return row.get(key) or None

    return InputId(value("path"), value("member"), value("sha256"))


def _all_rows(rows: Rows) -> list[dict[str, Any]]:
    return [r for group in rows.values() for r in group]


class CsvReportSink:
    """One CSV row per input (reports, and errors unless they go to a separate file)."""

    stores_reports = True

    def __init__(self, target: _CsvTarget, index: HeldIndex, *, resumable: bool) -> None:
        self._target = target
        self._index = index
        self._rows: Rows = {}
        self.resumable = resumable

    @property
    def stores_errors(self) -> bool:
        return self._index.errors

    @classmethod
    def to_path(cls, path: Path, options: SinkOptions = DEFAULT_OPTIONS) -> CsvReportSink:
        sink = cls(_CsvTarget(path=path, excel=options.excel), _index(options), resumable=True)
        if not options.force:
            for row in sink._target.existing_rows():
                sink._load_row(row)
        return sink

    @classmethod
    def to_stream(cls, stream: IO[str], options: SinkOptions = DEFAULT_OPTIONS) -> CsvReportSink:
        target = _CsvTarget(stream=stream, excel=options.excel)
        return cls(target, _index(options), resumable=False)

    def _load_row(self, row: dict[str, Any]) -> None:
        ident = _ident(row)
        ok = row.get("status") == OK
        if not ok and not self._index.errors:
            return
        status = OK if ok else (row.get("error_code") or "error")
        self._index.hold(ident, Stored(status, row.get("kind") or None))
        self._rows[ident.key] = [row]

    def lookup(self, ident: InputId) -> Stored | None:
        return self._index.lookup(ident)

    def write(self, outcome: Outcome) -> None:
        if self._index.accepts(outcome):
            self._rows[outcome.input.key] = [report_row(outcome)]
            self._index.remember(outcome)

    def close(self) -> None:
        rows = _all_rows(self._rows)
        self._target.write(rows, report_columns(rows))


def _index(options: SinkOptions) -> HeldIndex:
    return HeldIndex(errors=options.errors, force=options.force)


class TableCsvSink:
    """A long table; holds reports only, and cannot tell a report with no rows from a missing one.

    So it never decides that an input is done (not `resumable`), but it keeps its existing rows
    and replaces an input's rows when that input is converted again.
    """

    stores_reports = True
    stores_errors = False
    resumable = False

    def __init__(self, target: _CsvTarget, table: str) -> None:
        self.table = table if table == "history" else item_table(table).name
        self._target = target
        self._rows: Rows = {}

    @classmethod
    def to_path(cls, path: Path, options: SinkOptions) -> TableCsvSink:
        sink = cls(_CsvTarget(path=path, excel=options.excel), _table(options))
        if not options.force:
            for row in sink._target.existing_rows():
                sink._rows.setdefault(_ident(row).key, []).append(row)
        return sink

    @classmethod
    def to_stream(cls, stream: IO[str], options: SinkOptions) -> TableCsvSink:
        return cls(_CsvTarget(stream=stream, excel=options.excel), _table(options))

    def lookup(self, ident: InputId) -> Stored | None:
        return None

    def write(self, outcome: Outcome) -> None:
        if outcome.ok:
            self._rows[outcome.input.key] = table_rows(outcome, self.table)

    def close(self) -> None:
        rows = _all_rows(self._rows)
        self._target.write_with(lambda buf: _write_table(rows, self.table, buf))


def _table(options: SinkOptions) -> str:
    if options.table is None:
        raise ValueError("a long table needs its name (--table)")
    return options.table


class CsvSink:
    """The `csv` format as the registry opens it: the report rows, or the long `table`."""

    @classmethod
    def to_path(cls, path: Path, options: SinkOptions) -> CsvReportSink | TableCsvSink:
        if options.table:
            return TableCsvSink.to_path(path, options)
        return CsvReportSink.to_path(path, options)

    @classmethod
    def to_stream(cls, stream: IO[str], options: SinkOptions) -> CsvReportSink | TableCsvSink:
        if options.table:
            return TableCsvSink.to_stream(stream, options)
        return CsvReportSink.to_stream(stream, options)
