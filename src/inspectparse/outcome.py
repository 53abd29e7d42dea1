"""One input's result, as the batch and every output see it: `InputId`, `Outcome`, `Stored`.

A record travels here as its JSON dict (`Record.model_dump(mode="json")`): batch workers send
dicts, so the parent never re-validates a record it only has to write.

The batch JSON Lines shape is defined once, by `Outcome.line` and `Outcome.from_line` (its JSON
Schema is `record.batch_line_schema`, printed by `inspectparse schema --batch-line`): a converted
input's line is its record itself, exactly what `extract` prints (so one jq filter or pandas
loader fits both), and a failed input's line is ``{"source": {path, sha256, member}, "error":
{"code", "message"}}``. Lines written before schema 1.4, ``{"source": {...}, "report":
{record}}``, are still read (a rerun resumes an older output).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["OK", "InputId", "InputKey", "Outcome", "Stored", "as_outcome", "record_dict"]

# The status of an input that converted; failed inputs carry their error code instead.
OK = "ok"

InputKey = tuple[str | None, str | None, str | None]


def record_dict(record: Any) -> dict[str, Any]:
    """A record as its JSON dict: accepts a pydantic `Record` or an already-dumped dict."""
    if hasattr(record, "model_dump"):
        data: dict[str, Any] = record.model_dump(mode="json")
        return data
    if isinstance(record, Mapping):
        return dict(record)
    raise TypeError(f"expected a Record or a dict, not {type(record).__name__}")


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
    def key(self) -> InputKey:
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
        kind = (self.record.get("report") or {}).get("kind")
        return None if kind is None else str(kind)

    @property
    def pages(self) -> int:
        if self.record is None:
            return 0
        return int((self.record.get("source") or {}).get("pages") or 0)

    def line(self) -> dict[str, Any]:
        """The batch JSON Lines object: the record itself, or `source` plus `error`.

        A record's `source` names the batch's input (path, member, sha256): the same values
        the default task records, set here so a line always says which input it is.
        """
        if self.record is not None:
            source = {**(self.record.get("source") or {}), **self.input.source()}
            return {**self.record, "source": source}
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
        """Read back a batch JSON Lines object (either shape); ValueError for anything else."""
        src = obj.get("source")
        if not isinstance(src, Mapping):
            raise ValueError("not a batch line: no 'source' object")
        ident = InputId(src.get("path"), src.get("member"), src.get("sha256"), rel)
        report = obj.get("report")
        err = obj.get("error")
        if isinstance(report, Mapping) and err is None:
            if _is_record(report):  # the shape before schema 1.4: the record under "report"
                return cls(ident, record=dict(report))
            return cls(ident, record=dict(obj))
        if isinstance(err, Mapping) and report is None and err.get("code"):
            return cls(ident, code=str(err["code"]), message=err.get("message"))
        raise ValueError("not a batch line: needs exactly one of 'report' and 'error'")


def _is_record(obj: Mapping[str, Any]) -> bool:
    """A whole record (it has its own `source` and `report`), not a record's `report` part."""
    return isinstance(obj.get("source"), Mapping) and isinstance(obj.get("report"), Mapping)


def as_outcome(obj: Any) -> Outcome:
    """An `Outcome` as is, or a record (model or dict) wrapped as one."""
    return obj if isinstance(obj, Outcome) else Outcome.from_record(obj)


@dataclass(frozen=True, slots=True)
class Stored:
    """What an output already holds for an input (used to resume)."""

    status: str
    kind: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK
