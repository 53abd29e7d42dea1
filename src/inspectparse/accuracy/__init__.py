"""Accuracy harness: extract every report in the corpus and compare with gold.jsonl.

    python -m inspectparse.accuracy --corpus ../shared/corpus [--engine auto] [--write FILE]
    python -m inspectparse.accuracy --kind ilacs --show-failures

`make accuracy` runs it and writes docs/accuracy.md. The tests use `compare` too.

Prints per kind and overall: kind, provider, dates, lead inspector, judgement fields, false
grades, reports fully right, recommendation counts exact, numbered paragraphs first/last, text
clean (`text.text_failures`: no back-page furniture in a paragraph (numbered or not) or an item, no
responsible-body cell in an item, every judgement label a label).
Exits non-zero when a record is missing or cannot be produced, so it cannot pass silently.
"""

from .known import (
    KNOWN_FAILURES,
    KnownFailure,
    KnownFailures,
    failed_checks,
    known_failure_section,
    known_failure_verdict,
    load_known_failures,
)
from .measure import (
    METRICS,
    PDF_ENGINES,
    TEXT_ENGINE_PREFIX,
    Result,
    agreement,
    compare,
    facts,
    run,
    source_path,
    text_engines,
)
from .report import main, table
from .text import text_failures

__all__ = [
    "KNOWN_FAILURES",
    "METRICS",
    "PDF_ENGINES",
    "TEXT_ENGINE_PREFIX",
    "KnownFailure",
    "KnownFailures",
    "Result",
    "agreement",
    "compare",
    "facts",
    "failed_checks",
    "known_failure_section",
    "known_failure_verdict",
    "load_known_failures",
    "main",
    "run",
    "source_path",
    "table",
    "text_engines",
    "text_failures",
]
