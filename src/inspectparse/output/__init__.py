"""Outputs shared by `inspectparse extract` and `inspectparse batch`.

- `rows.py`: every output column, declared once; CSV, long tables and SQLite are generated
  from it;
- `formats.py`: the `--format` registry (`FORMATS`);
- `sink.py`: the `Sink` protocol every output implements, and its parts;
- one module per output: `jsonl.py` (JSON and JSON Lines), `csvfile.py` (CSV and long
  tables), `sqlitedb.py` (SQLite), `folder.py` (one JSON file per input).

Everything works on `Outcome`s (one input's result, success or error) or on records, given as
`Record` models or as their JSON dicts. Crash safety: JSON Lines are written a whole line per
`os.write`; CSV and per-input JSON files are replaced atomically; SQLite commits per input.
"""

from __future__ import annotations

from ..outcome import OK, InputId, Outcome, Stored
from .csvfile import CsvReportSink, TableCsvSink, write_csv_rows, write_report_csv, write_table_csv
from .folder import OutputDirSink
from .formats import FORMATS, OutputFormat, choose_format, format_names
from .jsonl import JsonlSink, JsonlWriter, JsonSink, dumps, iter_jsonl, repair_jsonl, write_json
from .rows import (
    ITEM_TABLES,
    REPORT,
    REPORT_COLUMNS,
    TABLE_COLUMNS,
    TABLES,
    Column,
    ItemTable,
    Table,
    judgement_column,
    report_columns,
    report_row,
    table_rows,
)
from .sink import Sink, SinkOptions
from .sqlitedb import SqliteSink, write_sqlite

__all__ = [
    "FORMATS",
    "ITEM_TABLES",
    "OK",
    "REPORT",
    "REPORT_COLUMNS",
    "TABLES",
    "TABLE_COLUMNS",
    "Column",
    "CsvReportSink",
    "InputId",
    "ItemTable",
    "JsonSink",
    "JsonlSink",
    "JsonlWriter",
    "Outcome",
    "OutputDirSink",
    "OutputFormat",
    "Sink",
    "SinkOptions",
    "SqliteSink",
    "Stored",
    "Table",
    "TableCsvSink",
    "choose_format",
    "dumps",
    "format_names",
    "iter_jsonl",
    "judgement_column",
    "repair_jsonl",
    "report_columns",
    "report_row",
    "table_rows",
    "write_csv_rows",
    "write_json",
    "write_report_csv",
    "write_sqlite",
    "write_table_csv",
]
