"""The public API: `extract(source, *, engine, input_format, path, member) -> Record`.

All logic lives behind it; `extract_bytes` is the pipeline, one stage per line.
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO, get_args

from ._version import __version__
from .document import SourceFormat
from .errors import InputNotFoundError, InputUnreadableError
from .load import ENGINES, Engine, load
from .record import Record

__all__ = ["INPUT_FORMATS", "ExtractOptions", "Source", "extract", "extract_bytes", "read_source"]

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


def read_source(source: Source) -> tuple[bytes, str | None]:
    """Return the input's bytes and a display path ('-' for streams without a name)."""
    if isinstance(source, (bytes, bytearray)):
        return bytes(source), None
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            return path.read_bytes(), str(source)
        except FileNotFoundError as exc:
            raise InputNotFoundError(
                f"{source}: no such file; check the path", path=str(source)
            ) from exc
        except IsADirectoryError as exc:
            raise InputUnreadableError(
                f"{source}: is a directory; use 'inspectparse batch' for folders",
                path=str(source),
            ) from exc
        except OSError as exc:
            raise InputUnreadableError(
                f"{source}: cannot be read ({exc.strerror}); check permissions", path=str(source)
            ) from exc
    if isinstance(source, io.TextIOBase):
        return source.read().encode("utf-8"), getattr(source, "name", None) or "-"
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        name = getattr(source, "name", None)
        return bytes(data), name if isinstance(name, str) else "-"
    raise TypeError(f"extract() takes a path, bytes or a stream, not {type(source).__name__}")


def extract(
    source: Source,
    *,
    engine: Engine = "auto",
    input_format: SourceFormat | None = None,
    path: str | None = None,
    member: str | None = None,
    format: SourceFormat | None = None,
) -> Record:
    """Extract one inspection report into a validated `Record`.

    `source` is a path, bytes, or a binary or text stream. `engine`: "auto" (pdfium, falling
    back to pdfplumber), "pdfium" or "pdfplumber"; `input_format`: "pdf" or "text" to skip
    sniffing the bytes; `path`: the path to report for bytes and streams; `member`: the archive
    member name. `format` is the old name of `input_format` (deprecated).
    Raises ValueError for an unknown engine or input format, and an
    `inspectparse.errors.InspectparseError` subclass for bad input.
    """
    if format is not None:
        warnings.warn(
            "extract(format=...) is deprecated; use input_format=...",
            DeprecationWarning,
            stacklevel=2,
        )
        if input_format is not None and input_format != format:
            raise ValueError("give input_format only (format is its deprecated old name)")
        input_format = format
    opts = ExtractOptions(engine=engine, input_format=input_format, path=path, member=member)
    data, source_path = read_source(source)
    return extract_bytes(data, opts, path=opts.path or source_path)


def extract_bytes(data: bytes, opts: ExtractOptions, *, path: str | None) -> Record:
    """The pipeline: load -> clean -> segment -> classify -> validate and assemble."""
    from .assemble import build_record
    from .classify import classify
    from .clean import clean
    from .segment import segment

    sha256 = hashlib.sha256(data).hexdigest()
    document = load(data, engine=opts.engine, fmt=opts.input_format)
    cleaned = clean(document)
    structure = segment(cleaned)
    findings = classify(structure)
    return build_record(
        structure,
        findings,
        parser_version=__version__,
        path=path,
        sha256=sha256,
        member=opts.member,
    )
