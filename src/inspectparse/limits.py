"""Byte, memory and time limits: how much of an input is read, and how much memory and time
converting it may take.

The defaults suit a 2-core machine with 24 GB shared by a few users: one input is at most
256 MiB (the largest real report is under 1 MiB), and converting it may use at most 2 GiB of
address space per process (a real report needs under 200 MiB; a PDF whose content streams
inflate without end is stopped there with a `too_large` error instead of taking the machine).
`extract`, `show` and every batch worker run under the memory cap (`--max-memory`) and the
time limit (`--timeout`: a PDF whose layout makes PDFium or pdfminer loop is stopped with a
`timeout` error); what is read is capped by `--max-bytes`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import select
import signal
import time
from collections.abc import Callable
from typing import IO, Any, NoReturn, TypeVar

from .errors import ExtractionTimeoutError, InspectparseError, TooLargeError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_MEMORY",
    "DEFAULT_TIMEOUT",
    "cap_memory",
    "memory_exceeded",
    "parse_size",
    "read_capped",
    "run_capped",
    "timed_out",
    "too_large_bytes",
]

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_MEMORY = 2 * 1024 * 1024 * 1024
DEFAULT_TIMEOUT = 300.0  # seconds per input; the slowest real report takes under 2 s

_CHUNK = 1024 * 1024
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)

T = TypeVar("T")


def parse_size(text: str) -> int:
    """'256M', '2G', '1.5GiB', '1048576' -> bytes; '0' means no limit. ValueError otherwise."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a size; give bytes or a number with K, M or G (e.g. 2G)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def human(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} bytes"


def too_large_bytes(size: int | None, max_bytes: int | None, *, what: str = "") -> TooLargeError:
    got = f"{size} bytes" if size is not None else "the input"
    return TooLargeError(
        f"{what}{got} is over the {human(max_bytes or 0)} limit for one input "
        "(--max-bytes); check it is a report, or raise the limit"
    )


def memory_exceeded(max_memory: int | None) -> TooLargeError:
    limit = f"the {human(max_memory)} memory limit" if max_memory else "the memory available"
    return TooLargeError(
        f"converting this input needs more than {limit} (--max-memory); the PDF may be hostile "
        "(a content stream that inflates without end); raise the limit if it is a real report"
    )


def timed_out(timeout: float) -> ExtractionTimeoutError:
    return ExtractionTimeoutError(
        f"converting this input took longer than the {timeout:g} s limit (--timeout) and was "
        "stopped; the PDF may be hostile (a layout that never ends); raise the limit if it is "
        "a real report"
    )


def read_capped(stream: IO[Any], max_bytes: int | None, *, what: str = "") -> bytes:
    """Read a stream to its end, but never more than `max_bytes` (TooLargeError past it)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk: bytes | str = stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8")
        total += len(chunk)
        if max_bytes and total > max_bytes:
            raise too_large_bytes(None, max_bytes, what=what)
        chunks.append(chunk)


def cap_memory(max_memory: int | None) -> None:
    """Limit this process's address space (Linux/macOS); nothing where that is not possible."""
    if not max_memory:
        return
    try:
        import resource
    except ImportError:  # Windows
        return
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = max_memory if hard == resource.RLIM_INFINITY else min(max_memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def run_capped(
    func: Callable[[Any], T],
    arg: Any,
    max_memory: int | None,
    timeout: float | None = None,
) -> T:
    """`func(arg)` in a forked child whose memory is capped and whose time is limited; an
    overrun is a TooLargeError, a child still working after `timeout` seconds is killed and
    that is an ExtractionTimeoutError.

    The child sends back its result or its typed error; one that dies without a word (PDFium
    aborting on a failed allocation, the kernel's OOM killer) is taken as over the memory
    limit. Without fork (Windows), or with neither limit, `func` runs here.
    """
    if not (max_memory or timeout) or not hasattr(os, "fork"):
        return func(arg)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(func, arg, max_memory, write_end)
    os.close(write_end)
    try:
        data = _read_until(read_end, timeout)
    finally:
        os.close(read_end)
    if data is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise timed_out(timeout or 0)
    os.waitpid(pid, 0)
    if not data:
        raise memory_exceeded(max_memory)
    kind, value = pickle.loads(data)  # noqa: S301 - from our own forked child
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    raise value


def _child(func: Callable[[Any], Any], arg: Any, max_memory: int | None, out_fd: int) -> NoReturn:
    """The forked child: run `func`, send back ("ok", result), ("error", typed error) or
    ("raise", anything else) pickled, and exit without running the parent's cleanup."""
    status = 0
    try:
        cap_memory(max_memory)
        try:
            payload: tuple[str, Any] = ("ok", func(arg))
        except MemoryError:
            payload = ("error", memory_exceeded(max_memory))
        except InspectparseError as exc:
            payload = ("error", exc)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the parent
            payload = ("raise", exc)
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an exception that cannot be pickled
            data = pickle.dumps(("raise", RuntimeError(f"{payload[1]!r} ({exc})")))
        with os.fdopen(out_fd, "wb") as out:
            out.write(data)
    except BaseException:  # noqa: BLE001 - nothing may escape a forked child
        status = 70
    finally:
        os._exit(status)


def _read_until(fd: int, timeout: float | None) -> bytes | None:
    """Everything written to `fd` until its writer closes it; None when `timeout` seconds
    pass first."""
    deadline = None if not timeout else time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
