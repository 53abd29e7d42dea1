"""The `xlsx` format: one Excel workbook, written in constant memory.

Sheets: Reports (one row per report: the report columns, each judgement's grade and grade code,
authority codes, `needs_review`), Judgements, Recommendations, Paragraphs and Warnings (one row
per item, each repeating the report's context, so a sheet stands alone), History (each
council's overall grade across its reports, as `--table history`) and Errors (one row per
failed input). Every sheet has its header frozen and filters on; columns are sized to their
contents (within limits); dates are real dates; each report's source path links to the file.
Columns come from `rows.py`, like the CSV's: this module declares none.

XlsxWriter's constant-memory mode writes each row to disk as it comes, so a batch of any size
takes the same memory. The Reports sheet needs the union of the judgement columns first: its
rows wait in a temporary file until the run ends, as do the History sheet's (read across every
report: one small row per council report). A workbook cannot be appended to, so it is
written whole each run: the sink holds nothing when opened, and a rerun converts every input
again for it (other outputs still skip what they hold). It is built in a temporary file and
put in place when the run ends, so a failed run leaves any earlier workbook whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import OutputNotWritableError
from ..outcome import InputId, Outcome, Stored
from .rows import (
    CONTEXT_COLUMNS,
    HISTORY_ACROSS,
    HISTORY_COLUMNS,
    HISTORY_REPORT,
    INPUT_COLUMNS,
    ITEM_TABLES,
    REPORT,
    ItemTable,
    history_values,
    report_columns,
    report_values,
    table_columns,
    table_values,
)
from .sink import DEFAULT_OPTIONS, SinkOptions

__all__ = ["MAX_CELL", "MAX_ROWS", "XlsxSink", "write_xlsx"]

# Excel's limits: rows per sheet, characters per cell, links per sheet, characters per link.
MAX_ROWS = 1_048_576
MAX_CELL = 32_767
_MAX_LINKS = 65_530
_MAX_URL = 255
# Column widths, in characters: at least the header's, at most this.
_MAX_WIDTH = 60

# The item sheets, in workbook order: sheet title -> the item table it shows.
ITEM_SHEETS: dict[str, ItemTable] = {
    "Judgements": next(t for t in ITEM_TABLES if t.name == "judgements"),
    "Recommendations": next(t for t in ITEM_TABLES if t.name == "recommendations"),
    "Paragraphs": next(t for t in ITEM_TABLES if t.name == "paragraphs"),
    "Warnings": next(t for t in ITEM_TABLES if t.name == "warnings"),
}
ERROR_COLUMNS: tuple[str, ...] = (*INPUT_COLUMNS, "error_code", "error_message")
# Report-row columns the Reports sheet leaves out: errors have their own sheet.
_STATUS_COLUMNS = ("status", "error_code", "error_message")
# Columns that hold ISO dates, by name (report columns, their long-table context names and
# the history's).
DATE_COLUMNS: frozenset[str] = frozenset(
    c.name for c in (*REPORT, *CONTEXT_COLUMNS, *HISTORY_REPORT, *HISTORY_ACROSS) if c.date
)


def _cut(text: str) -> str:
    """Text that fits a cell; a longer one ends saying how much was cut (the JSON has it all)."""
    if len(text) <= MAX_CELL:
        return text
    note = " [... {} more characters: the full text is in the JSON record]"
    keep = MAX_CELL - len(note.format(len(text)))
    return text[:keep] + note.format(len(text) - keep)


def _link(path: str | None, base: Path) -> str | None:
    """A link to a report's source file (an archive, for a member), relative to the folder the
    workbook is in (`base`), so a folder of reports and its workbook can move together; None
    where there is no file or Excel would not take the link."""
    if not path or path == "-":
        return None
    try:
        target = Path(path).resolve()
        try:
            rel = os.path.relpath(target, base)
        except ValueError:  # another drive (Windows): absolute
            return target.as_uri() if len(target.as_uri()) <= _MAX_URL else None
    except (OSError, ValueError):
        return None
    url = "file:///" + Path(rel).as_posix()
    return url if len(url) <= _MAX_URL else None


class _Sheet:
    """One sheet's rows, written as they come; a sheet that fills continues on "Name (2)"."""

    def __init__(
        self,
        book: Any,
        title: str,
        columns: Iterable[str],
        formats: _Formats,
        *,
        worksheet: Any = None,
        links_from: Path | None = None,
    ) -> None:
        self.book = book
        self.links_from = links_from  # the workbook's folder: `path` cells link to the file
        self.title = title
        self.columns = tuple(columns)
        self.formats = formats
        self.widths = [min(len(c) + 2, _MAX_WIDTH) for c in self.columns]
        self.links = 0
        self.parts: list[tuple[Any, int]] = []  # (worksheet, rows written, header included)
        self._new_part(worksheet)

    def _new_part(self, worksheet: Any = None) -> None:
        number = len(self.parts) + 1
        sheet = worksheet or self.book.add_worksheet(
            self.title if number == 1 else f"{self.title} ({number})"
        )
        for col, name in enumerate(self.columns):
            sheet.write_string(0, col, name, self.formats.header)
        self.parts.append((sheet, 1))
        self.links = 0

    def add(self, row: Mapping[str, Any]) -> None:
        sheet, at = self.parts[-1]
        if at >= MAX_ROWS:
            self._new_part()
            sheet, at = self.parts[-1]
        for col, name in enumerate(self.columns):
            value = row.get(name)
            if value is None or value == "":
                continue
            if self.links_from is not None and name == "path":
                url = _link(str(value), self.links_from)
                if url is not None and self.links < _MAX_LINKS:
                    sheet.write_url(at, col, url, self.formats.link, _cut(str(value)))
                    self.links += 1
                    self._fit(col, str(value))
                    continue
            self._write(sheet, at, col, name, value)
        self.parts[-1] = (sheet, at + 1)

    def _write(self, sheet: Any, row: int, col: int, name: str, value: Any) -> None:
        if isinstance(value, bool):
            sheet.write_boolean(row, col, value)
            self._fit(col, "FALSE")
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value)
            self._fit(col, str(value))
        elif name in DATE_COLUMNS and isinstance(value, str) and _is_date(value):
            sheet.write_datetime(row, col, dt.date.fromisoformat(value), self.formats.date)
            self._fit(col, value)
        else:
            text = _cut(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
            sheet.write_string(row, col, text)
            self._fit(col, text)

    def _fit(self, col: int, text: str) -> None:
        if self.widths[col] < _MAX_WIDTH:
            self.widths[col] = min(max(self.widths[col], len(text) + 2), _MAX_WIDTH)

    def finish(self) -> None:
        """Header frozen, filters over the rows, columns sized: set before the book is closed."""
        last_col = max(len(self.columns) - 1, 0)
        for sheet, rows in self.parts:
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(rows - 1, 0), last_col)
            for col, width in enumerate(self.widths):
                sheet.set_column(col, col, width)


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class _Formats:
    def __init__(self, book: Any) -> None:
        self.header = book.add_format({"bold": True, "bg_color": "#D9E1F2", "bottom": 1})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.link = book.add_format({"font_color": "blue", "underline": 1})


class _Spool:
    """Rows kept on disk until the end (the Reports sheet's), with the union of their keys."""

    def __init__(self) -> None:
        # Open for the sink's life, closed by `close`.
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.keys: dict[str, None] = {}

    def add(self, row: Mapping[str, Any]) -> None:
        self.keys.update(dict.fromkeys(row))
        self._file.write(json.dumps(row, ensure_ascii=False) + "\n")

    def rows(self) -> Iterator[dict[str, Any]]:
        self._file.seek(0)
        for line in self._file:
            row: dict[str, Any] = json.loads(line)
            yield row

    def close(self) -> None:
        self._file.close()


class XlsxSink:
    """An Excel workbook of the run's records, put in place (or sent to a stream) at close."""

    stores_reports = True
    # It can tell what it holds: nothing, when opened (a workbook is written whole each run),
    # so `already_done` has every input converted again for it.
    resumable = True

    def __init__(
        self, *, path: Path | None = None, stream: IO[bytes] | None = None, errors: bool = True
    ) -> None:
        import xlsxwriter  # here: the command line imports the registry, not the writer

        self._path = path
        self._stream = stream
        self.stores_errors = errors
        if path is not None:
            # Beside the target (so it is put in place by a rename), created by XlsxWriter
            # itself, with the mode any new file gets.
            self._tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        else:
            fd, tmp = tempfile.mkstemp(prefix=".inspectparse-", suffix=".xlsx.tmp")
            os.close(fd)
            self._tmp = Path(tmp)
        self._book = xlsxwriter.Workbook(
            str(self._tmp),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        self._formats = _Formats(self._book)
        # Reports comes first in the workbook but is written last (its columns need every row).
        self._reports_sheet = self._book.add_worksheet("Reports")
        self._items = {
            title: _Sheet(self._book, title, table_columns(table), self._formats)
            for title, table in ITEM_SHEETS.items()
        }
        self._history_sheet = self._book.add_worksheet("History")  # written at the end too
        self._errors = _Sheet(self._book, "Errors", ERROR_COLUMNS, self._formats)
        self._reports = _Spool()
        self._history = _Spool()
        self._closed = False

    @classmethod
    def to_path(cls, path: Path, options: SinkOptions = DEFAULT_OPTIONS) -> XlsxSink:
        try:
            return cls(path=path, errors=options.errors)
        except OSError as exc:
            raise OutputNotWritableError(
                f"{path}: cannot write the workbook ({exc.strerror or exc}); check the folder",
                path=str(path),
            ) from exc

    @classmethod
    def to_stream(cls, stream: IO[Any], options: SinkOptions = DEFAULT_OPTIONS) -> XlsxSink:
        if stream.isatty():
            raise OutputNotWritableError(
                "an Excel workbook is binary, not for the terminal: write it to a file "
                "with -o FILE.xlsx"
            )
        return cls(stream=getattr(stream, "buffer", stream), errors=options.errors)

    def lookup(self, ident: InputId) -> Stored | None:
        return None

    def write(self, outcome: Outcome) -> None:
        if outcome.ok:
            row = report_values(outcome)
            for name in _STATUS_COLUMNS:
                row.pop(name, None)
            self._reports.add(row)
            for title, table in ITEM_SHEETS.items():
                for item in table_values(outcome, table):
                    self._items[title].add(item)
            for history_row in history_values(outcome):
                self._history.add(history_row)
        elif self.stores_errors:
            values = report_values(outcome)
            self._errors.add({k: values.get(k) for k in ERROR_COLUMNS})

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._write_reports()
            self._write_history()
            for sheet in (*self._items.values(), self._errors):
                sheet.finish()
            self._book.close()
            self._reports.close()
            self._history.close()
            if self._path is not None:
                os.replace(self._tmp, self._path)
            elif self._stream is not None:
                with self._tmp.open("rb") as fh:
                    shutil.copyfileobj(fh, self._stream)
                self._stream.flush()
        finally:
            with contextlib.suppress(FileNotFoundError):
                self._tmp.unlink()

    def _write_reports(self) -> None:
        held = [dict.fromkeys(self._reports.keys)]
        columns = [c for c in report_columns(held) if c not in _STATUS_COLUMNS]
        # Links are relative to the workbook's folder (a stream's: the working folder).
        folder = (self._path.parent if self._path is not None else Path()).resolve()
        sheet = _Sheet(
            self._book,
            "Reports",
            columns,
            self._formats,
            worksheet=self._reports_sheet,
            links_from=folder,
        )
        for row in self._reports.rows():
            sheet.add(row)
        sheet.finish()

    def _write_history(self) -> None:
        from ..history import across  # reads every council's reports in date order

        sheet = _Sheet(
            self._book, "History", HISTORY_COLUMNS, self._formats, worksheet=self._history_sheet
        )
        for row in across(self._history.rows()):
            sheet.add(row)
        sheet.finish()


def write_xlsx(records: Iterable[Any], path: str | os.PathLike[str]) -> None:
    """Write records (or `Outcome`s) as one workbook at `path`."""
    from ..outcome import as_outcome

    sink = XlsxSink.to_path(Path(path))
    try:
        for obj in records:
            sink.write(as_outcome(obj))
    finally:
        sink.close()
