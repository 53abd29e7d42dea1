"""The public API: `extract(source, *, engine, input_format, path, member) -> Record`.

All logic lives behind it; `extract_bytes` is the pipeline (load, then `read_document`, the
stages after it), one stage per line.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import warnings
from dataclasses import dataclass
from typing import IO, get_args

from ._version import __version__
from .document import Document, SourceFormat
from .errors import InputNotFoundError, InputUnreadableError
from .limits import DEFAULT_MAX_BYTES, read_capped, run_capped, too_large_bytes
from .load import ENGINES, Engine, load
from .record import Record

__all__ = [
    "INPUT_FORMATS",
    "ExtractOptions",
    "Source",
    "extract",
    "extract_bytes",
    "read_document",
    "read_source",
]

Source = str | os.PathLike[str] | bytes | bytearray | IO[bytes] | IO[str]
# The formats `input_format` (and the CLI's --input-format) accept.
INPUT_FORMATS: tuple[str, ...] = get_args(SourceFormat)


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Options of `extract`; the CLI maps its flags onto these names."""

    engine: Engine = "auto"
    # Treat the input as this format instead of sniffing its bytes.
    input_format: SourceFormat | None = None
    # Path to report in the record when the source is bytes or a stream.
    path: str | None = None
    # Member name inside an archive (batch).
    member: str | None = None

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.input_format is not None and self.input_format not in INPUT_FORMATS:
            raise ValueError(
                f"input_format must be one of {', '.join(INPUT_FORMATS)} (or None to sniff the "
                f"bytes), not {self.input_format!r}"
            )


def read_source(
    source: Source, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> tuple[bytes, str | None]:
    """Return the input's bytes and a display path ('-' for streams without a name).

    A path must be a regular file: a folder, a FIFO, a device (`/dev/zero`) or a socket is
    refused (`unreadable`), never read. At most `max_bytes` are read (`too_large` beyond).
    """
    if isinstance(source, (bytes, bytearray)):
        if max_bytes and len(source) > max_bytes:
            raise too_large_bytes(len(source), max_bytes)
        return bytes(source), None
    if isinstance(source, (str, os.PathLike)):
        return _read_path(os.fspath(source), max_bytes), str(source)
    if isinstance(source, io.TextIOBase):
        return read_capped(source, max_bytes), getattr(source, "name", None) or "-"
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        return read_capped(source, max_bytes), name if isinstance(name, str) else "-"
    raise TypeError(f"extract() takes a path, bytes or a stream, not {type(source).__name__}")


def _read_path(source: str, max_bytes: int | None) -> bytes:
    try:
        info = os.stat(source)
    except FileNotFoundError as exc:
        if os.path.islink(source):
            raise InputNotFoundError(
                f"{source}: a symbolic link to a file that does not exist; check the link",
                path=source,
            ) from exc
        raise InputNotFoundError(f"{source}: no such file; check the path", path=source) from exc
    except OSError as exc:  # a symlink loop, a path too long, a folder without permission
        raise InputUnreadableError(
            f"{source}: cannot be read ({exc.strerror}); check the path", path=source
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputUnreadableError(
            f"{source}: is a directory; use 'inspectparse batch' for folders", path=source
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputUnreadableError(
            f"{source}: not a regular file (a pipe, device or socket); save the report to a "
            "file, or pipe it to 'inspectparse extract -'",
            path=source,
        )
    if max_bytes and info.st_size > max_bytes:
        raise too_large_bytes(info.st_size, max_bytes, what=f"{source}: ")
    try:
        with open(source, "rb") as fh:
            return read_capped(fh, max_bytes, what=f"{source}: ")
    except IsADirectoryError as exc:  # replaced by a folder since the check
        raise InputUnreadableError(
            f"{source}: is a directory; use 'inspectparse batch' for folders", path=source
        ) from exc
    except OSError as exc:
        raise InputUnreadableError(
            f"{source}: cannot be read ({exc.strerror}); check permissions", path=source
        ) from exc


def extract(
    source: Source,
    *,
    engine: Engine = "auto",
    input_format: SourceFormat | None = None,
    path: str | None = None,
    member: str | None = None,
    format: SourceFormat | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    max_memory: int | None = None,
    timeout: float | None = None,
) -> Record:
    """Extract one inspection report into a validated `Record`.

    `source` is a path, bytes, or a binary or text stream. `engine`: "auto" (pdfium, falling
    back to pdfplumber), "pdfium" or "pdfplumber"; `input_format`: "pdf" or "text" to skip
    sniffing the bytes; `path`: the path to report for bytes and streams; `member`: the archive
    member name. `format` is the old name of `input_format` (deprecated). `max_bytes`: the most
    read from the source (None: no limit); `max_memory`: convert in a child process whose
    memory is capped at this many bytes (None: here, uncapped; see `inspectparse.limits`);
    `timeout`: convert in a child process stopped after this many seconds (None: no limit).
    Raises ValueError for an unknown engine or input format, and an
    `inspectparse.errors.InspectparseError` subclass for bad input.
    """
    if format is not None:
        warnings.warn(
            "extract(format=...) is deprecated; use input_format=...",
            DeprecationWarning,
            stacklevel=2,
        )
        if format not in INPUT_FORMATS:
            raise ValueError(
                f"format must be one of {', '.join(INPUT_FORMATS)} (or None to sniff the "
                f"bytes), not {format!r}"
            )
        if input_format is not None and input_format != format:
            raise ValueError("give input_format only (format is its deprecated old name)")
        input_format = format
    opts = ExtractOptions(engine=engine, input_format=input_format, path=path, member=member)
    data, source_path = read_source(source, max_bytes)
    target = path or source_path
    return run_capped(lambda d: extract_bytes(d, opts, path=target), data, max_memory, timeout)


def extract_bytes(data: bytes, opts: ExtractOptions, *, path: str | None) -> Record:
    """The pipeline: load, then `read_document`."""
    sha256 = hashlib.sha256(data).hexdigest()
    document = load(data, engine=opts.engine, fmt=opts.input_format)
    return read_document(document, path=path, sha256=sha256, member=opts.member)


def read_document(
    document: Document, *, path: str | None, sha256: str, member: str | None = None
) -> Record:
    """The stages after load: clean -> segment and classify -> validate and assemble."""
    from .assemble import build_record
    from .clean import clean
    from .cover import read_structure

    cleaned = clean(document)
    structure, findings = read_structure(cleaned)
    return build_record(
        structure,
        findings,
        parser_version=__version__,
        path=path,
        sha256=sha256,
        member=member,
    )
