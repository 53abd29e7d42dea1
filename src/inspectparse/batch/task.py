"""The per-input task: what a worker runs for one input, and what it sends back."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from ..errors import ErrorCode, InspectparseError
from ..load import Engine
from ..outcome import OK, InputId, Outcome, record_dict

__all__ = [
    "Job",
    "Result",
    "Task",
    "TaskInput",
    "extract_task",
    "outcome_of",
    "resolve_task",
    "run_task",
]


@dataclass(frozen=True, slots=True)
class TaskInput:
    """What a worker gets for one input: its bytes and how to name it in the record."""

    data: bytes
    path: str | None
    member: str | None = None
    engine: Engine = "auto"
    max_memory: int | None = None  # the cap the worker runs under (for the message)


# A task turns one input into its record (a `Record` or its JSON dict), raising an
# `InspectparseError` for bad input. It must be picklable (a module-level function).
Task = Callable[[TaskInput], Any]

# (status, record dict) or (error code, message): what crosses the process boundary.
Result = tuple[str, Any]


@dataclass(slots=True)
class Job:
    """An input ready for a worker: who it is, and what the task gets."""

    ident: InputId
    item: TaskInput


def extract_task(item: TaskInput) -> dict[str, Any]:
    """The default task: the full pipeline (`extract_bytes`), as a JSON-ready dict."""
    from ..api import ExtractOptions, extract_bytes

    opts = ExtractOptions(engine=item.engine, member=item.member)
    record = extract_bytes(item.data, opts, path=item.path)
    # Serialised in the worker, so the parent only writes what it receives.
    return record.model_dump(mode="json")


def run_task(task: Task, item: TaskInput) -> Result:
    """Run a task and turn its failure into a typed error result (runs in the worker)."""
    internal = ErrorCode.INTERNAL_ERROR.value
    try:
        return OK, record_dict(task(item))
    except InspectparseError as exc:
        return exc.code, exc.message
    except MemoryError:
        from ..limits import memory_exceeded

        return ErrorCode.TOO_LARGE.value, memory_exceeded(item.max_memory).message
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop the run
        return internal, f"unexpected {type(exc).__name__}: {exc} (a bug: please report it)"


def outcome_of(ident: InputId, result: Result, seconds: float) -> Outcome:
    """The `Outcome` of a task's result, back in the parent."""
    status, payload = result
    if status == OK:
        return Outcome(ident, record=payload, seconds=seconds)
    return Outcome(ident, code=status, message=str(payload), seconds=seconds)


def resolve_task(spec: str) -> Task:
    """A task from 'module:function' (the CLI's hidden --task, used by tests and plugins)."""
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ValueError(f"task must be 'module:function', not {spec!r}")
    func = getattr(importlib.import_module(module), name)
    if not callable(func):
        raise ValueError(f"{spec} is not callable")
    return cast(Task, func)
