"""The one list of corpus reports the rules still read wrong (tests/corpus_known_failures.json),
and the verdict on a result against it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .measure import METRICS, PDF_ENGINES, TEXT_ENGINE_PREFIX, Result


def _known_failures_path() -> Path:
    """tests/corpus_known_failures.json of the checkout this package is in, or, for a package
    installed apart (the compiled build `make test` runs), of the checkout run from."""
    relative = Path("tests", "corpus_known_failures.json")
    beside = Path(__file__).resolve().parents[3] / relative
    return beside if beside.is_file() or not relative.is_file() else relative.resolve()


# The one list of corpus reports the rules still read wrong; absent outside a checkout, where
# nothing is known to fail.
KNOWN_FAILURES = _known_failures_path()


@dataclass(frozen=True)
class KnownFailure:
    """A report whose listed checks are known to fail on the listed engines, and why."""

    file: str
    checks: frozenset[str]
    reason: str
    engines: frozenset[str] | None = None  # None: every PDF engine

    def applies_to(self, engine: str) -> bool:
        if self.engines is None:
            return not engine.startswith(TEXT_ENGINE_PREFIX)
        return engine in self.engines


class KnownFailures:
    """The entries of tests/corpus_known_failures.json, by file; a file may have one entry
    for its PDF engines and others for converters' texts, never two for one engine."""

    def __init__(self, entries: list[KnownFailure]) -> None:
        self._by_file: dict[str, list[KnownFailure]] = {}
        for entry in entries:
            self._by_file.setdefault(entry.file, []).append(entry)

    def get(self, file: str, engine: str) -> KnownFailure | None:
        hits = [e for e in self._by_file.get(file, []) if e.applies_to(engine)]
        if len(hits) > 1:
            raise ValueError(f"{KNOWN_FAILURES.name}: {file}: two entries apply to {engine}")
        return hits[0] if hits else None

    def files(self) -> set[str]:
        return set(self._by_file)

    def entries(self) -> list[KnownFailure]:
        return [e for entries in self._by_file.values() for e in entries]


def load_known_failures(path: Path = KNOWN_FAILURES) -> KnownFailures:
    """The known failures; none when the list is absent."""
    if not path.exists():
        return KnownFailures([])
    entries = json.loads(path.read_text(encoding="utf-8"))["failures"]
    out = []
    for e in entries:
        checks = frozenset(e["checks"])
        unknown = checks - set(METRICS)
        if unknown:
            raise ValueError(f"{path}: {e['file']}: unknown checks {sorted(unknown)}")
        engines = frozenset(e["engines"]) if e.get("engines") else None
        out.append(KnownFailure(e["file"], checks, e["reason"], engines))
    known = KnownFailures(out)
    for entry in out:  # two entries for one (file, engine) would make the verdict ambiguous
        for engine in entry.engines or PDF_ENGINES:
            known.get(entry.file, engine)
    return known


def failed_checks(result: Result) -> set[str]:
    return {k for k, v in result.checks.items() if v is False and k != "full"}


def known_failure_verdict(result: Result, known: KnownFailure | None, engine: str) -> str | None:
    """None when the result is as listed (all right, or exactly the known checks failing);
    otherwise what is wrong with the list or the result."""
    failed = failed_checks(result)
    expected = known.checks if known is not None and known.applies_to(engine) else frozenset()
    if failed == expected:
        return None
    parts = []
    if failed - expected:
        parts.append(f"fails {sorted(failed - expected)} not listed as known failures")
    if expected - failed:
        parts.append(
            f"now passes {sorted(expected - failed)}: strike it from {KNOWN_FAILURES.name}"
        )
    return "; ".join(parts)


def known_failure_section(results: list[Result], known: KnownFailures, engine: str) -> str:
    """Markdown list of the reports that fail a check, with the listed reason."""
    rows = []
    for r in results:
        failed = failed_checks(r) if r.error is None else set()
        if not failed:
            continue
        entry = known.get(r.file, engine)
        reason = entry.reason if entry else "NOT LISTED"
        rows.append(f"- `{r.file}`: {', '.join(sorted(failed))}. {reason}")
    if not rows:
        return ""
    return f"\nReports still failing a check ({len(rows)}):\n\n" + "\n".join(rows) + "\n"
