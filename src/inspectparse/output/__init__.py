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

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ..outcome import OK as OK
    from ..outcome import InputId as InputId
    from ..outcome import Outcome as Outcome
    from ..outcome import Stored as Stored
    from .csvfile import CsvReportSink as CsvReportSink
    from .csvfile import TableCsvSink as TableCsvSink
    from .csvfile import write_csv_rows as write_csv_rows
    from .csvfile import write_report_csv as write_report_csv
    from .csvfile import write_table_csv as write_table_csv
    from .folder import OutputDirSink as OutputDirSink
    from .formats import FORMATS as FORMATS
    from .formats import OutputFormat as OutputFormat
    from .formats import choose_format as choose_format
    from .formats import format_names as format_names
    from .jsonl import JsonlSink as JsonlSink
    from .jsonl import JsonlWriter as JsonlWriter
    from .jsonl import JsonSink as JsonSink
    from .jsonl import iter_jsonl as iter_jsonl
    from .jsonl import repair_jsonl as repair_jsonl
    from .jsonl import write_json as write_json
    from .rows import ITEM_TABLES as ITEM_TABLES
    from .rows import REPORT as REPORT
    from .rows import REPORT_COLUMNS as REPORT_COLUMNS
    from .rows import TABLE_COLUMNS as TABLE_COLUMNS
    from .rows import TABLES as TABLES
    from .rows import Column as Column
    from .rows import ItemTable as ItemTable
    from .rows import Table as Table
    from .rows import judgement_column as judgement_column
    from .rows import report_columns as report_columns
    from .rows import report_row as report_row
    from .rows import table_rows as table_rows
    from .sink import Sink as Sink
    from .sink import SinkOptions as SinkOptions
    from .sqlitedb import SqliteSink as SqliteSink
    from .sqlitedb import write_sqlite as write_sqlite
    from .text import dumps as dumps

# name -> its module, imported on first use (PEP 562): the command line reads FORMATS and
# TABLES for `--help` without loading every output.
_EXPORTS = {
    "OK": "..outcome",
    "InputId": "..outcome",
    "Outcome": "..outcome",
    "Stored": "..outcome",
    "CsvReportSink": ".csvfile",
    "TableCsvSink": ".csvfile",
    "write_csv_rows": ".csvfile",
    "write_report_csv": ".csvfile",
    "write_table_csv": ".csvfile",
    "OutputDirSink": ".folder",
    "FORMATS": ".formats",
    "OutputFormat": ".formats",
    "choose_format": ".formats",
    "format_names": ".formats",
    "JsonlSink": ".jsonl",
    "JsonlWriter": ".jsonl",
    "JsonSink": ".jsonl",
    "dumps": ".text",
    "iter_jsonl": ".jsonl",
    "repair_jsonl": ".jsonl",
    "write_json": ".jsonl",
    "ITEM_TABLES": ".rows",
    "REPORT": ".rows",
    "REPORT_COLUMNS": ".rows",
    "TABLE_COLUMNS": ".rows",
    "TABLES": ".rows",
    "Column": ".rows",
    "ItemTable": ".rows",
    "Table": ".rows",
    "judgement_column": ".rows",
    "report_columns": ".rows",
    "report_row": ".rows",
    "table_rows": ".rows",
    "Sink": ".sink",
    "SinkOptions": ".sink",
    "SqliteSink": ".sqlitedb",
    "write_sqlite": ".sqlitedb",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
