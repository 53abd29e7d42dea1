"""What `show` is given, read as outcomes: a report (PDF or text), a saved record, or batch
JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..outcome import Outcome

if TYPE_CHECKING:
    from ..document import SourceFormat
    from ..load import Engine


def _json_objects(data: bytes) -> list[Any] | None:
    """The JSON objects of a record file (one document) or JSON Lines; None if not JSON."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"{"):
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        return [json.loads(text)]
    except ValueError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except ValueError:
        return None


def read_outcomes(
    data: bytes,
    *,
    path: str | None,
    engine: Engine = "auto",
    input_format: SourceFormat | None = None,
    max_memory: int | None = None,
    timeout: float | None = None,
) -> Iterator[Outcome]:
    """What `show` is given, as outcomes: a saved record (JSON), batch JSON Lines (a record or
    an error per line, either line shape), or a report (PDF or text) extracted on the way
    (under `extract`'s memory and time limits)."""
    from ..errors import UnsupportedInputError

    objects = _json_objects(data) if input_format is None else None
    if objects is None:
        from ..api import extract

        record = extract(
            data,
            path=path,
            engine=engine,
            input_format=input_format,
            max_bytes=None,  # `data` has been read already
            max_memory=max_memory,
            timeout=timeout,
        )
        yield Outcome.from_record(record)
        return
    for number, obj in enumerate(objects, 1):
        try:
            if not isinstance(obj, dict):
                raise ValueError("not an object")
            yield Outcome.from_line(obj)
        except ValueError:
            where = f"{path or 'stdin'}" + (f", line {number}" if len(objects) > 1 else "")
            raise UnsupportedInputError(
                f"{where}: JSON that is neither a record nor a batch line; give a report "
                "(PDF or text), a record saved by 'inspectparse extract', or lines of "
                "'inspectparse batch'",
                path=path,
            ) from None
