"""inspectparse: structured extraction from UK inspection reports (Ofsted).

Public API::

    import inspectparse
    record = inspectparse.extract("report.pdf")          # a path, bytes or a binary/text stream
    record.grades                                          # {"overall_effectiveness": "good", ...}
    record.model_dump_json()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .record import Record

__all__ = ["__version__", "extract"]


def extract(source: Any, **options: Any) -> Record:
    """Extract one report. See `inspectparse.api.extract` for the options."""
    from .api import extract as _extract

    return _extract(source, **options)
