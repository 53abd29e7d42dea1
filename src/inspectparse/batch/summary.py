"""`BatchSummary`: what a batch did, its exit code and the summary printed on stderr."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..errors import ExitCode
from ..outcome import OK, Outcome, Stored

__all__ = ["BatchSummary"]


@dataclass
class BatchSummary:
    """What a batch did: converted + failed + skipped + repeats = inputs (unless interrupted)."""

    inputs: int = 0
    converted: int = 0  # converted in this run
    failed: int = 0  # failed in this run
    skipped: int = 0  # already in the outputs (resume), whatever their status
    skipped_failed: int = 0  # of those, the ones the outputs hold as failures
    # Inputs with the same path, member and bytes as one met earlier in this run (an archive
    # holding one member name twice): one record stands for both.
    repeats: int = 0
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    # Folders reached through a symbolic link, never walked (a link can loop, or repeat a tree).
    links_skipped: list[str] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    failures: list[Outcome] = field(default_factory=list)

    @property
    def ok_total(self) -> int:
        return self.by_status.get(OK, 0)

    @property
    def failed_total(self) -> int:
        return sum(n for status, n in self.by_status.items() if status != OK)

    @property
    def exit_code(self) -> ExitCode:
        """0 when every input converted, BATCH_PARTIAL when some failed, BATCH_ALL_FAILED."""
        if self.interrupted:
            return ExitCode.INTERRUPTED
        if self.inputs == 0:
            return ExitCode.BATCH_ALL_FAILED  # nothing to convert is not success
        if self.failed_total == 0:
            return ExitCode.OK
        return ExitCode.BATCH_ALL_FAILED if self.ok_total == 0 else ExitCode.BATCH_PARTIAL

    def _count(self, status: str, kind: str | None) -> None:
        self.by_status[status] += 1
        if status == OK:
            self.by_kind[kind or "unknown"] += 1

    def add(self, outcome: Outcome) -> None:
        self._count(outcome.status, outcome.kind)
        if outcome.ok:
            self.converted += 1
            self.pages += outcome.pages
        else:
            self.failed += 1
            self.failures.append(outcome)

    def add_skipped(self, stored: Stored) -> None:
        self.skipped += 1
        if not stored.ok:
            self.skipped_failed += 1
        self._count(stored.status, stored.kind)

    def _counts(self) -> str:
        """This run's work, then what it did not convert and why (every input is counted)."""
        parts = [f"{self.converted} converted", f"{self.failed} failed"]
        if self.skipped:
            failed_before = (
                f"; {self.skipped_failed} of them failures" if self.skipped_failed else ""
            )
            parts.append(f"{self.skipped} already in the outputs (skipped{failed_before})")
        if self.repeats:
            parts.append(
                f"{self.repeats} repeated (the same member and bytes as an earlier input; "
                "one record stands for both)"
            )
        return ", ".join(parts)

    def format(self, *, max_failures: int = 20) -> str:
        """The human summary printed on stderr at the end of a run."""
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"batch: {self.inputs} inputs: {self._counts()}"
            f"; {self.seconds:.1f} s, {self.pages} pages ({rate:.1f} pages/s)"
            + (
                " - INTERRUPTED: rerun the same command to go on (inputs already written to "
                "an output file are skipped)"
                if self.interrupted
                else ""
            )
        ]
        if self.inputs == 0:
            lines.append(
                "  nothing to convert: no files found (hidden files and __MACOSX are skipped); "
                "check the paths"
            )
        if self.links_skipped:
            shown = ", ".join(self.links_skipped[:5])
            more = f" and {len(self.links_skipped) - 5} more" if len(self.links_skipped) > 5 else ""
            lines.append(
                f"  {len(self.links_skipped)} linked folders not followed: {shown}{more} "
                "(give a linked folder itself as an input to convert it)"
            )
        if self.by_kind:
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.by_kind.items()))
            lines.append(f"  by kind: {kinds}")
        if self.by_status:
            statuses = sorted(self.by_status.items(), key=lambda kv: (kv[0] != OK, kv[0]))
            lines.append("  by status: " + ", ".join(f"{s} {n}" for s, n in statuses))
        for outcome in self.failures[:max_failures]:
            where = outcome.input.path or "-"
            if outcome.input.member:
                where += f" [{outcome.input.member}]"
            lines.append(f"  failed: {where}: {outcome.code}: {outcome.message}")
        if len(self.failures) > max_failures:
            lines.append(f"  ... and {len(self.failures) - max_failures} more failures")
        return "\n".join(lines)
