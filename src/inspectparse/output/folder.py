"""`--output-dir`: one JSON file per input under a folder, mirroring the input tree."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ..outcome import OK, InputId, Outcome, Stored
from .sink import atomic_write_text
from .text import dumps

__all__ = ["OutputDirSink"]


class OutputDirSink:
    """One JSON file per input under DIR, mirroring the input tree.

    `<rel>.json` holds the record; a failed input gets `<rel>.error.json` with its error record
    instead, so the folder accounts for every input. Files are replaced atomically.
    """

    stores_reports = True
    stores_errors = True
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
            src = obj.get("source") or {}
            if want_ok:
                if src.get("sha256") == ident.sha256 and src.get("member") == ident.member:
                    return Stored(OK, (obj.get("report") or {}).get("kind"))
            else:
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
        ok_path.parent.mkdir(parents=True, exist_ok=True)  # the input tree's folders
        # Each file is the input's batch line: its record, or {source, error}.
        if outcome.ok:
            atomic_write_text(ok_path, dumps(outcome.line()) + "\n")
            stale = err_path
        else:
            atomic_write_text(err_path, dumps(outcome.line()) + "\n")
            stale = ok_path
        # Exactly one file per input: drop what an earlier run left for the other status.
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()

    def close(self) -> None:
        pass
