"""Progress of a batch: drawn by the parent only, on stderr only, and only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import IO, Any, Protocol

from ..outcome import Outcome

__all__ = ["NullProgress", "Progress", "RichProgress", "make_progress"]


class Progress(Protocol):
    """What the batch reports as it goes; only the parent process ever calls it."""

    def start(self, total: int) -> None: ...

    def skip(self, count: int = 1) -> None: ...

    def advance(self, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


class NullProgress:
    """No progress display (stderr is not a terminal, or --quiet)."""

    def start(self, total: int) -> None:
        pass

    def skip(self, count: int = 1) -> None:
        pass

    def advance(self, outcome: Outcome) -> None:
        pass

    def close(self) -> None:
        pass


class RichProgress:
    """A rich progress bar on stderr: files done, pages/s, failures, ETA."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as _RichProgress

        self._bar = _RichProgress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            # Never touch stdout: it carries the data.
            redirect_stdout=False,
            redirect_stderr=False,
            transient=False,
        )
        self._task: Any = None
        self._pages = 0
        self._failed = 0
        self._t0 = time.monotonic()

    def start(self, total: int) -> None:
        self._t0 = time.monotonic()
        self._bar.start()
        self._task = self._bar.add_task("batch", total=total, rate=0.0, failed=0)

    def skip(self, count: int = 1) -> None:
        # Skipped inputs leave the total instead of counting as done, so the ETA reflects work.
        task = self._bar.tasks[0]
        self._bar.update(self._task, total=max(0, (task.total or 0) - count))

    def advance(self, outcome: Outcome) -> None:
        self._pages += outcome.pages
        self._failed += 0 if outcome.ok else 1
        rate = self._pages / max(time.monotonic() - self._t0, 1e-6)
        self._bar.update(self._task, advance=1, rate=rate, failed=self._failed)

    def close(self) -> None:
        self._bar.stop()


def make_progress(*, quiet: bool = False, stream: IO[str] | None = None) -> Progress:
    """The rich bar when `stream` (stderr) is a terminal and not quiet, else the null one."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        return NullProgress()
    return RichProgress()
