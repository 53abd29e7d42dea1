"""Output writers shared by `inspectparse extract` and `inspectparse batch`.

Formats:

- JSON: one record, compact (one line) or pretty;
- JSON Lines (batch): one object per input, ``{"source": {...}, "report": {...}}`` or
  ``{"source": {...}, "error": {"code", "message"}}``, so every line has `source` and exactly one
  of `report`/`error`;
- CSV, one row per input: source columns, status, report metadata, counts, then one column per
  judgement key (the union over all rows, in a stable order);
- long CSV tables: `judgements`, `recommendations`, `paragraphs` (one row per item);
- SQLite: normalised tables `reports`, `judgements`, `recommendations`, `paragraphs`,
  `warnings`, `errors`, keyed on the report's (sha256, member), so sqlite3, DuckDB and pandas
  can join them.

Everything here works on `Outcome`s (one input's result, success or error) or on records, given
as `Record` models or as their JSON dicts (`Record.model_dump(mode="json")`); batch workers send
dicts, so the parent never re-validates a record it only has to write.

Crash safety: JSON Lines are written a whole line per `os.write` call, so a `kill -9` leaves at
most a torn last line, which `repair_jsonl` cuts off before a resumed run appends. CSV and
per-report JSON files are written to a temporary file and moved into place with `os.replace`;
SQLite commits once per input.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

Table = Literal["judgements", "recommendations", "paragraphs"]
TABLES: tuple[str, ...] = ("judgements", "recommendations", "paragraphs")

# The status of an input that converted; failed inputs carry their error code instead.
OK = "ok"


def record_dict(record: Any) -> dict[str, Any]:
    """A record as its JSON dict: accepts a pydantic `Record` or an already-dumped dict."""
    if hasattr(record, "model_dump"):
        return record.model_dump(mode="json")
    if isinstance(record, Mapping):
        return dict(record)
    raise TypeError(f"expected a Record or a dict, not {type(record).__name__}")


def dumps(obj: Any, *, pretty: bool = False) -> str:
    """JSON text: compact (no spaces, one line) or indented; UTF-8 kept as is, not escaped."""
    if pretty:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_json(record: Any, stream: IO[str], *, pretty: bool = False) -> None:
    """Write one record as JSON plus a newline (what `inspectparse extract` prints)."""
    stream.write(dumps(record_dict(record), pretty=pretty) + "\n")
    stream.flush()


# ---------------------------------------------------------------------------------------------
# Outcomes: one input's result


@dataclass(frozen=True, slots=True)
class InputId:
    """Which input a result belongs to: its path, archive member and content hash.

    `rel` is the input's path relative to the batch's common root (used by `--output-dir`).
    `sha256` is None only when the bytes could not be read at all.
    """

    path: str | None
    member: str | None = None
    sha256: str | None = None
    rel: str | None = None

    @property
    def key(self) -> tuple[str | None, str | None, str | None]:
        # Path, member and content together: a changed or moved file is a new input, and two
        # identical files at different paths are two inputs (each gets its own record).
        return (self.path, self.member, self.sha256)

    def source(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "member": self.member}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one input: a record (JSON dict) or an error code and message."""

    input: InputId
    record: dict[str, Any] | None = None
    code: str | None = None
    message: str | None = None
    seconds: float = 0.0

    def __post_init__(self) -> None:
        if (self.record is None) == (self.code is None):
            raise ValueError("an Outcome has exactly one of record and code")

    @property
    def ok(self) -> bool:
        return self.record is not None

    @property
    def status(self) -> str:
        return OK if self.record is not None else str(self.code)

    @property
    def kind(self) -> str | None:
        if self.record is None:
            return None
        return (self.record.get("report") or {}).get("kind")

    @property
    def pages(self) -> int:
        if self.record is None:
            return 0
        return int((self.record.get("source") or {}).get("pages") or 0)

    def line(self) -> dict[str, Any]:
        """The batch JSON Lines object: `source` plus exactly one of `report` / `error`."""
        if self.record is not None:
            return {"source": self.input.source(), "report": self.record}
        return {
            "source": self.input.source(),
            "error": {"code": self.code, "message": self.message},
        }

    @classmethod
    def from_record(cls, record: Any) -> Outcome:
        """Wrap a single extracted record (the `extract` command's case)."""
        data = record_dict(record)
        src = data.get("source") or {}
        return cls(InputId(src.get("path"), src.get("member"), src.get("sha256")), record=data)

    @classmethod
    def from_line(cls, obj: Mapping[str, Any], *, rel: str | None = None) -> Outcome:
        """Read back a batch JSON Lines object; raises ValueError for anything else."""
        src = obj.get("source")
        if not isinstance(src, Mapping):
            raise ValueError("not a batch line: no 'source' object")
        ident = InputId(src.get("path"), src.get("member"), src.get("sha256"), rel)
        if isinstance(obj.get("report"), Mapping) and "error" not in obj:
            return cls(ident, record=dict(obj["report"]))
        err = obj.get("error")
        if isinstance(err, Mapping) and "report" not in obj and err.get("code"):
            return cls(ident, code=str(err["code"]), message=err.get("message"))
        raise ValueError("not a batch line: needs exactly one of 'report' and 'error'")


@dataclass(frozen=True, slots=True)
class Stored:
    """What an output already holds for an input (used to resume)."""

    status: str
    kind: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK


# ---------------------------------------------------------------------------------------------
# JSON Lines


def _write_all(fd: int, data: bytes) -> None:
    # os.write may write less than asked (a signal, a full disk); loop until the line is out.
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def repair_jsonl(path: str | os.PathLike[str]) -> int:
    """Cut a torn last line (no trailing newline) off a JSON Lines file; return bytes dropped."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        return 0
    if size == 0:
        return 0
    with p.open("rb+") as fh:
        # Scan back from the end in blocks for the last newline.
        end = size
        block = 65536
        pos = size
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                end = start + idx + 1
                break
            pos = start
        else:
            end = 0
        if end < size:
            fh.truncate(end)
        return size - end


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Objects of a JSON Lines file; blank, torn or non-object lines are skipped."""
    with Path(path).open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n") or not raw.strip():
                continue  # a torn last line is not a record
            try:
                obj = json.loads(raw)
            except ValueError:
                continue
            if isinstance(obj, dict):
                yield obj


class JsonlWriter:
    """Append whole JSON lines to a file or a stream, flushing each one.

    A file is opened with O_APPEND and each line goes out in one `os.write` of the full line plus
    newline (looping only on a short write), so an interrupted run leaves complete lines only,
    bar a torn last line that `repair_jsonl` removes. `fsync=True` also syncs each line to disk.
    """

    def __init__(
        self,
        target: str | os.PathLike[str] | IO[Any],
        *,
        append: bool = True,
        fsync: bool = False,
    ) -> None:
        self._fsync = fsync
        self._fd: int | None = None
        self._stream: IO[bytes] | None = None
        self.path: Path | None = None
        if isinstance(target, (str, os.PathLike)):
            self.path = Path(target)
            if append:
                repair_jsonl(self.path)
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self._fd = os.open(self.path, flags, 0o666)
        else:
            # A text stream (sys.stdout) is written through its binary buffer, so one line is
            # one write call there too.
            buffer = getattr(target, "buffer", None)
            if buffer is not None:
                target.flush()
                self._stream = buffer
            else:
                self._stream = target  # type: ignore[assignment]

    def write(self, obj: Any) -> None:
        data = (dumps(obj) + "\n").encode("utf-8")
        if self._fd is not None:
            _write_all(self._fd, data)
            if self._fsync:
                os.fsync(self._fd)
        else:
            assert self._stream is not None
            self._stream.write(data)
            self._stream.flush()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        elif self._stream is not None:
            with contextlib.suppress(Exception):
                self._stream.flush()
            self._stream = None


# ---------------------------------------------------------------------------------------------
# CSV: one row per input, and long tables

REPORT_COLUMNS: tuple[str, ...] = (
    "path",
    "sha256",
    "member",
    "status",
    "error_code",
    "error_message",
    "kind",
    "variant",
    "provider",
    "inspection_start",
    "inspection_end",
    "lead_inspector",
    "published",
    "format",
    "pages",
    "n_judgements",
    "n_recommendations",
    "n_paragraphs",
    "n_warnings",
)

# Judgement columns come after REPORT_COLUMNS; these lead, the rest are alphabetical, so the
# order never depends on which report finished first.
_LEADING_JUDGEMENTS = ("overall_effectiveness",)

_SOURCE_COLUMNS = ("path", "sha256", "member")
_PROV = ("page", "page_end", "paragraph")

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "judgements": (
        *_SOURCE_COLUMNS,
        "index",
        "key",
        "label",
        "grade",
        "grade_text",
        "rule",
        "confirmed_by",
        *_PROV,
        "evidence",
    ),
    "recommendations": (
        *_SOURCE_COLUMNS,
        "index",
        "number",
        "kind",
        "heading",
        "timescale",
        "actor",
        "text",
        "sub_items",
        "rule",
        *_PROV,
    ),
    "paragraphs": (
        *_SOURCE_COLUMNS,
        "index",
        "number",
        "number_inferred",
        "section",
        "text",
        "page",
        "page_end",
    ),
}


def judgement_column(key: str) -> str:
    """CSV column of a judgement key; prefixed only if it would clash with a fixed column."""
    return f"judgement_{key}" if key in REPORT_COLUMNS else key


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return dumps(value)
    return value


def report_row(outcome: Outcome) -> dict[str, Any]:
    """One CSV row for an input (error inputs get status 'error' and empty report columns)."""
    ident = outcome.input
    row: dict[str, Any] = {
        "path": ident.path,
        "sha256": ident.sha256,
        "member": ident.member,
        "status": OK if outcome.ok else "error",
        "error_code": outcome.code,
        "error_message": outcome.message,
    }
    rec = outcome.record
    if rec is not None:
        rep = rec.get("report") or {}
        src = rec.get("source") or {}
        row.update(
            kind=rep.get("kind"),
            variant=rep.get("variant"),
            provider=rep.get("provider"),
            inspection_start=rep.get("inspection_start"),
            inspection_end=rep.get("inspection_end"),
            lead_inspector=rep.get("lead_inspector"),
            published=rep.get("published"),
            format=src.get("format"),
            pages=src.get("pages"),
            n_judgements=len(rec.get("judgements") or ()),
            n_recommendations=len(rec.get("recommendations") or ()),
            n_paragraphs=len(rec.get("paragraphs") or ()),
            n_warnings=len(rec.get("warnings") or ()),
        )
        for j in rec.get("judgements") or ():
            row.setdefault(judgement_column(j["key"]), j.get("grade"))
    return {k: _cell(v) for k, v in row.items()}


def report_columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """REPORT_COLUMNS plus the union of the rows' judgement columns, in a stable order."""
    extra: set[str] = set()
    for row in rows:
        extra.update(k for k in row if k not in REPORT_COLUMNS)
    leading = [k for k in _LEADING_JUDGEMENTS if k in extra]
    return [*REPORT_COLUMNS, *leading, *sorted(extra - set(leading))]


def table_rows(outcome: Outcome, table: str) -> list[dict[str, Any]]:
    """Rows of a long table (`judgements`, `recommendations` or `paragraphs`) for one input."""
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    rec = outcome.record
    if rec is None:
        return []
    ident = outcome.input
    base = {"path": ident.path, "sha256": ident.sha256, "member": ident.member}
    rows: list[dict[str, Any]] = []
    for index, item in enumerate(rec.get(table) or ()):
        prov = item.get("provenance") or {}
        row = dict(base, index=index)
        if table == "judgements":
            row.update(
                key=item.get("key"),
                label=item.get("label"),
                grade=item.get("grade"),
                grade_text=item.get("grade_text"),
                rule=item.get("rule"),
                confirmed_by=item.get("confirmed_by") or [],
                evidence=prov.get("text"),
            )
        elif table == "recommendations":
            row.update(
                number=item.get("number"),
                kind=item.get("kind"),
                heading=item.get("heading"),
                timescale=item.get("timescale"),
                actor=item.get("actor"),
                text=item.get("text"),
                sub_items=item.get("sub_items") or [],
                rule=item.get("rule"),
            )
        else:
            row.update(
                number=item.get("number"),
                number_inferred=item.get("number_inferred"),
                section=item.get("section"),
                text=item.get("text"),
            )
        for k in _PROV:
            if k in TABLE_COLUMNS[table]:
                row[k] = prov.get(k)
        rows.append({k: _cell(row.get(k)) for k in TABLE_COLUMNS[table]})
    return rows


def _sort_key(row: Mapping[str, Any]) -> tuple[str, str, int]:
    index = row.get("index")
    try:
        position = int(index) if index not in (None, "") else -1
    except ValueError:
        position = -1
    return (str(row.get("path") or ""), str(row.get("member") or ""), position)


def write_csv_rows(rows: list[Mapping[str, Any]], columns: list[str], stream: IO[str]) -> None:
    """Write rows (sorted by path, member, index) as CSV with a header line."""
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=_sort_key):
        writer.writerow({k: row.get(k, "") for k in columns})


def write_report_csv(outcomes: Iterable[Any], stream: IO[str]) -> None:
    """One CSV row per record or `Outcome` (the `extract --format csv` case too)."""
    rows = [report_row(_as_outcome(o)) for o in outcomes]
    write_csv_rows(rows, report_columns(rows), stream)


def write_table_csv(outcomes: Iterable[Any], table: str, stream: IO[str]) -> None:
    """A long table as CSV for records or `Outcome`s."""
    rows = [row for o in outcomes for row in table_rows(_as_outcome(o), table)]
    write_csv_rows(rows, list(TABLE_COLUMNS[table]), stream)


def _as_outcome(obj: Any) -> Outcome:
    return obj if isinstance(obj, Outcome) else Outcome.from_record(obj)


def _none_if_empty(value: str | None) -> str | None:
    return value if value else None


def _atomic_write_text(path: Path, text: str) -> None:
    # Temp file in the same folder + os.replace: readers see the old file or the new one, never
    # half of one, even if the process is killed mid-write.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------------------------------------
# Batch sinks: where a batch's outcomes go, and what each already holds (for resume)


class Sink:
    """An output of a batch run.

    `stores_reports` / `stores_errors` say which outcomes it keeps; `resumable` says it can tell
    what it already holds (`lookup`), so a rerun can skip those inputs. `write` ignores an input
    the sink already holds unless the sink was opened with `force`, so a rerun that has to redo
    an input for one output does not duplicate it in another.
    """

    name = "sink"
    stores_reports = True
    stores_errors = True
    resumable = False

    def lookup(self, ident: InputId) -> Stored | None:
        return None

    def write(self, outcome: Outcome) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _KeyedSink(Sink):
    """A sink that indexes what it holds by the input key."""

    def __init__(self, *, force: bool) -> None:
        self.force = force
        self._held: dict[tuple[str | None, str | None, str | None], Stored] = {}

    def lookup(self, ident: InputId) -> Stored | None:
        return self._held.get(ident.key)

    def _accepts(self, outcome: Outcome) -> bool:
        if not (self.stores_reports if outcome.ok else self.stores_errors):
            return False
        return self.force or outcome.input.key not in self._held

    def _remember(self, outcome: Outcome) -> None:
        self._held[outcome.input.key] = Stored(outcome.status, outcome.kind)


class JsonlSink(_KeyedSink):
    """Batch JSON Lines to a file (appended to, so resumable) or to stdout."""

    name = "jsonl"

    def __init__(
        self,
        target: str | os.PathLike[str] | IO[Any],
        *,
        reports: bool = True,
        errors: bool = True,
        force: bool = False,
        fsync: bool = False,
    ) -> None:
        super().__init__(force=force)
        self.stores_reports = reports
        self.stores_errors = errors
        is_file = isinstance(target, (str, os.PathLike))
        # Only a real file can be read back; stdout cannot.
        self.resumable = is_file
        if is_file and not force and Path(target).exists():  # type: ignore[arg-type]
            repair_jsonl(target)  # type: ignore[arg-type]
            for obj in iter_jsonl(target):  # type: ignore[arg-type]
                try:
                    self._remember(Outcome.from_line(obj))
                except ValueError:
                    continue
        self._writer = JsonlWriter(target, append=not force, fsync=fsync)

    def write(self, outcome: Outcome) -> None:
        if self._accepts(outcome):
            self._writer.write(outcome.line())
            self._remember(outcome)

    def close(self) -> None:
        self._writer.close()


class _CsvSink(_KeyedSink):
    """CSV written once, when the run ends, to a temporary file moved into place.

    The judgement columns are the union over all rows, so the header is only known at the end.
    A resumed run reads the existing file's rows back and writes them out again with the new
    ones; an interrupted run leaves the previous file untouched.
    """

    def __init__(self, target: str | os.PathLike[str] | IO[str], *, force: bool) -> None:
        super().__init__(force=force)
        self.target = target
        self.resumable = isinstance(target, (str, os.PathLike))
        self._rows: dict[tuple[str | None, str | None, str | None], list[dict[str, Any]]] = {}
        if self.resumable and not force and Path(target).exists():  # type: ignore[arg-type]
            with Path(target).open(encoding="utf-8", newline="") as fh:  # type: ignore[arg-type]
                for row in csv.DictReader(fh):
                    self._load_row(row)

    def _load_row(self, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def _columns(self, rows: list[dict[str, Any]]) -> list[str]:
        raise NotImplementedError

    def close(self) -> None:
        rows = [r for group in self._rows.values() for r in group]
        buf = io.StringIO()
        write_csv_rows(rows, self._columns(rows), buf)
        if isinstance(self.target, (str, os.PathLike)):
            _atomic_write_text(Path(self.target), buf.getvalue())
            return
        # stdout: UTF-8 bytes through the binary buffer, whatever the locale says.
        buffer = getattr(self.target, "buffer", None)
        if buffer is not None:
            self.target.flush()
            buffer.write(buf.getvalue().encode("utf-8"))
            buffer.flush()
        else:
            self.target.write(buf.getvalue())
            self.target.flush()


class CsvReportSink(_CsvSink):
    """One CSV row per input (reports, and errors unless they go to a separate file)."""

    name = "csv"

    def __init__(
        self, target: str | os.PathLike[str] | IO[str], *, errors: bool = True, force: bool = False
    ) -> None:
        self.stores_errors = errors
        super().__init__(target, force=force)

    def _load_row(self, row: dict[str, Any]) -> None:
        ident = InputId(
            _none_if_empty(row.get("path")),
            _none_if_empty(row.get("member")),
            _none_if_empty(row.get("sha256")),
        )
        ok = row.get("status") == OK
        status = OK if ok else (row.get("error_code") or "error")
        if not ok and not self.stores_errors:
            return
        self._held[ident.key] = Stored(status, _none_if_empty(row.get("kind")))
        self._rows[ident.key] = [row]

    def _columns(self, rows: list[dict[str, Any]]) -> list[str]:
        return report_columns(rows)

    def write(self, outcome: Outcome) -> None:
        if self._accepts(outcome):
            self._rows[outcome.input.key] = [report_row(outcome)]
            self._remember(outcome)


class TableCsvSink(_CsvSink):
    """A long table; holds reports only, and cannot tell a report with no rows from a missing one.

    So it never decides that an input is done (not `resumable` for lookup purposes), but it
    keeps its existing rows and replaces an input's rows when that input is converted again.
    """

    name = "table"
    stores_errors = False

    def __init__(
        self, target: str | os.PathLike[str] | IO[str], table: str, *, force: bool = False
    ) -> None:
        if table not in TABLES:
            raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
        self.table = table
        super().__init__(target, force=force)
        self.resumable = False

    def lookup(self, ident: InputId) -> Stored | None:
        return None

    def _load_row(self, row: dict[str, Any]) -> None:
        ident = InputId(
            _none_if_empty(row.get("path")),
            _none_if_empty(row.get("member")),
            _none_if_empty(row.get("sha256")),
        )
        self._rows.setdefault(ident.key, []).append(row)

    def _columns(self, rows: list[dict[str, Any]]) -> list[str]:
        return list(TABLE_COLUMNS[self.table])

    def write(self, outcome: Outcome) -> None:
        if outcome.ok:
            self._rows[outcome.input.key] = table_rows(outcome, self.table)


class OutputDirSink(Sink):
    """One JSON file per input under DIR, mirroring the input tree.

    `<rel>.json` holds the record; a failed input gets `<rel>.error.json` with its error record
    instead, so the folder accounts for every input. Files are replaced atomically.
    """

    name = "output-dir"
    resumable = True

    def __init__(self, root: str | os.PathLike[str], *, force: bool = False) -> None:
        self.root = Path(root)
        self.force = force
        self.root.mkdir(parents=True, exist_ok=True)
        self._root_resolved = self.root.resolve()

    def _paths(self, ident: InputId) -> tuple[Path, Path]:
        rel = ident.rel or Path(ident.path or "stdin").name
        if ident.member and not ident.rel:
            rel = f"{rel}/{ident.member}"
        base = self.root / rel
        # Archive members and odd paths must never escape the output folder ("zip slip").
        resolved = base.resolve()
        if resolved != self._root_resolved and self._root_resolved not in resolved.parents:
            raise ValueError(f"output path {base} escapes {self.root}")
        return base.with_name(base.name + ".json"), base.with_name(base.name + ".error.json")

    def lookup(self, ident: InputId) -> Stored | None:
        ok_path, err_path = self._paths(ident)
        for path, want_ok in ((ok_path, True), (err_path, False)):
            try:
                obj = json.loads(path.read_bytes())
            except (OSError, ValueError):
                continue
            if want_ok:
                src = obj.get("source") or {}
                if src.get("sha256") == ident.sha256 and src.get("member") == ident.member:
                    return Stored(OK, (obj.get("report") or {}).get("kind"))
            else:
                src = obj.get("source") or {}
                err = obj.get("error") or {}
                same = (src.get("path"), src.get("member"), src.get("sha256")) == ident.key
                if same:
                    return Stored(str(err.get("code") or "error"))
        return None

    def write(self, outcome: Outcome) -> None:
        if not self.force:
            held = self.lookup(outcome.input)
            # Keep what is there, except that a success replaces an earlier error file.
            if held is not None and (held.ok or not outcome.ok):
                return
        ok_path, err_path = self._paths(outcome.input)
        if outcome.ok:
            _atomic_write_text(ok_path, dumps(outcome.record) + "\n")
            stale = err_path
        else:
            _atomic_write_text(err_path, dumps(outcome.line()) + "\n")
            stale = ok_path
        # Exactly one file per input: drop what an earlier run left for the other status.
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


# ---------------------------------------------------------------------------------------------
# SQLite

_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    sha256 TEXT NOT NULL,
    member TEXT NOT NULL DEFAULT '',
    path TEXT,
    format TEXT,
    pages INTEGER,
    engine TEXT,
    kind TEXT,
    kind_rule TEXT,
    variant TEXT,
    title TEXT,
    provider TEXT,
    inspection_start TEXT,
    inspection_end TEXT,
    lead_inspector TEXT,
    published TEXT,
    letter_date TEXT,
    schema_version TEXT,
    parser_version TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (sha256, member)
);
CREATE TABLE IF NOT EXISTS judgements (
    sha256 TEXT NOT NULL,
    member TEXT NOT NULL DEFAULT '',
    idx INTEGER NOT NULL,
    key TEXT NOT NULL,
    label TEXT,
    grade TEXT,
    grade_text TEXT,
    rule TEXT,
    confirmed_by TEXT,
    page INTEGER,
    page_end INTEGER,
    paragraph INTEGER,
    evidence TEXT,
    PRIMARY KEY (sha256, member, idx),
    FOREIGN KEY (sha256, member) REFERENCES reports (sha256, member) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS recommendations (
    sha256 TEXT NOT NULL,
    member TEXT NOT NULL DEFAULT '',
    idx INTEGER NOT NULL,
    number INTEGER,
    kind TEXT,
    heading TEXT,
    timescale TEXT,
    actor TEXT,
    text TEXT,
    sub_items TEXT,
    rule TEXT,
    page INTEGER,
    page_end INTEGER,
    paragraph INTEGER,
    PRIMARY KEY (sha256, member, idx),
    FOREIGN KEY (sha256, member) REFERENCES reports (sha256, member) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS paragraphs (
    sha256 TEXT NOT NULL,
    member TEXT NOT NULL DEFAULT '',
    idx INTEGER NOT NULL,
    number INTEGER,
    number_inferred INTEGER,
    section TEXT,
    text TEXT,
    page INTEGER,
    page_end INTEGER,
    PRIMARY KEY (sha256, member, idx),
    FOREIGN KEY (sha256, member) REFERENCES reports (sha256, member) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS warnings (
    sha256 TEXT NOT NULL,
    member TEXT NOT NULL DEFAULT '',
    idx INTEGER NOT NULL,
    code TEXT NOT NULL,
    message TEXT,
    page INTEGER,
    PRIMARY KEY (sha256, member, idx),
    FOREIGN KEY (sha256, member) REFERENCES reports (sha256, member) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS errors (
    path TEXT NOT NULL,
    member TEXT NOT NULL DEFAULT '',
    sha256 TEXT,
    code TEXT NOT NULL,
    message TEXT,
    PRIMARY KEY (path, member)
);
"""

_CHILD_TABLES = ("judgements", "recommendations", "paragraphs", "warnings")


class SqliteSink(Sink):
    """Normalised SQLite tables, one transaction per input.

    A report is keyed on (sha256, member); `member` is '' rather than NULL outside archives, so
    plain `JOIN ... USING (sha256, member)` works (NULLs never compare equal in SQL). The same
    content found at two paths is one report (the first path is kept). `reports.record` holds
    the full record JSON for anything the columns leave out (sections, provenance).
    """

    name = "sqlite"
    resumable = True

    def __init__(self, path: str | os.PathLike[str], *, force: bool = False) -> None:
        self.path = Path(path)
        self.force = force
        # The batch parent is the only writer; one connection, used from one thread.
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.executescript(_SQLITE_SCHEMA)
        self.conn.commit()

    def lookup(self, ident: InputId) -> Stored | None:
        if ident.sha256 is not None:
            row = self.conn.execute(
                "SELECT kind FROM reports WHERE sha256 = ? AND member = ?",
                (ident.sha256, ident.member or ""),
            ).fetchone()
            if row is not None:
                return Stored(OK, row[0])
        row = self.conn.execute(
            "SELECT code, sha256 FROM errors WHERE path = ? AND member = ?",
            (ident.path or "", ident.member or ""),
        ).fetchone()
        if row is not None and row[1] == ident.sha256:
            return Stored(row[0])
        return None

    def write(self, outcome: Outcome) -> None:
        ident = outcome.input
        member = ident.member or ""
        with self.conn:  # one transaction: commit on success, roll back on error
            if outcome.ok:
                self._write_report(outcome, member)
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO errors (path, member, sha256, code, message) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (ident.path or "", member, ident.sha256, outcome.code, outcome.message),
                )

    def _write_report(self, outcome: Outcome, member: str) -> None:
        ident = outcome.input
        rec = outcome.record or {}
        key = (ident.sha256 or (rec.get("source") or {}).get("sha256"), member)
        exists = self.conn.execute(
            "SELECT 1 FROM reports WHERE sha256 = ? AND member = ?", key
        ).fetchone()
        # A success supersedes an earlier error for the same input.
        self.conn.execute(
            "DELETE FROM errors WHERE path = ? AND member = ?", (ident.path or "", member)
        )
        if exists and not self.force:
            return
        for table in (*_CHILD_TABLES, "reports"):
            self.conn.execute(f"DELETE FROM {table} WHERE sha256 = ? AND member = ?", key)
        src = rec.get("source") or {}
        rep = rec.get("report") or {}
        self.conn.execute(
            "INSERT INTO reports (sha256, member, path, format, pages, engine, kind, kind_rule,"
            " variant, title, provider, inspection_start, inspection_end, lead_inspector,"
            " published, letter_date, schema_version, parser_version, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *key,
                ident.path,
                src.get("format"),
                src.get("pages"),
                src.get("engine"),
                rep.get("kind"),
                rep.get("kind_rule"),
                rep.get("variant"),
                rep.get("title"),
                rep.get("provider"),
                rep.get("inspection_start"),
                rep.get("inspection_end"),
                rep.get("lead_inspector"),
                rep.get("published"),
                rep.get("letter_date"),
                rec.get("schema_version"),
                rec.get("parser_version"),
                dumps(rec),
            ),
        )
        for idx, j in enumerate(rec.get("judgements") or ()):
            prov = j.get("provenance") or {}
            self.conn.execute(
                "INSERT INTO judgements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *key,
                    idx,
                    j.get("key"),
                    j.get("label"),
                    j.get("grade"),
                    j.get("grade_text"),
                    j.get("rule"),
                    dumps(j.get("confirmed_by") or []),
                    prov.get("page"),
                    prov.get("page_end"),
                    prov.get("paragraph"),
                    prov.get("text"),
                ),
            )
        for idx, r in enumerate(rec.get("recommendations") or ()):
            prov = r.get("provenance") or {}
            self.conn.execute(
                "INSERT INTO recommendations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *key,
                    idx,
                    r.get("number"),
                    r.get("kind"),
                    r.get("heading"),
                    r.get("timescale"),
                    r.get("actor"),
                    r.get("text"),
                    dumps(r.get("sub_items") or []),
                    r.get("rule"),
                    prov.get("page"),
                    prov.get("page_end"),
                    prov.get("paragraph"),
                ),
            )
        for idx, p in enumerate(rec.get("paragraphs") or ()):
            prov = p.get("provenance") or {}
            self.conn.execute(
                "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *key,
                    idx,
                    p.get("number"),
                    int(bool(p.get("number_inferred"))),
                    p.get("section"),
                    p.get("text"),
                    prov.get("page"),
                    prov.get("page_end"),
                ),
            )
        for idx, w in enumerate(rec.get("warnings") or ()):
            prov = w.get("provenance") or {}
            self.conn.execute(
                "INSERT INTO warnings VALUES (?, ?, ?, ?, ?, ?)",
                (*key, idx, w.get("code"), w.get("message"), prov.get("page")),
            )

    def close(self) -> None:
        self.conn.close()


def write_sqlite(records: Iterable[Any], path: str | os.PathLike[str]) -> None:
    """Write records (or `Outcome`s) into an SQLite file, replacing rows of the same report."""
    sink = SqliteSink(path, force=True)
    try:
        for obj in records:
            sink.write(_as_outcome(obj))
    finally:
        sink.close()
