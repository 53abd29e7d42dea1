"""inspectparse: structured extraction from UK inspection reports (Ofsted).

Public API::

    import inspectparse
    record = inspectparse.extract("report.pdf")          # a path, bytes or a binary/text stream
    record.grades                                          # {"overall_effectiveness": "good", ...}
    record.model_dump_json()

    summary = inspectparse.run_batch(["reports/"], output="reports.jsonl", jobs=4)
    summary.exit_code                                      # an inspectparse.ExitCode

Names are imported on first use (PEP 562), so `import inspectparse` stays cheap and never
loads a PDF engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._version import __version__

if TYPE_CHECKING:
    from .api import extract as extract
    from .batch import BatchOptions as BatchOptions
    from .batch import BatchSummary as BatchSummary
    from .batch import iter_batch as iter_batch
    from .batch import run_batch as run_batch
    from .errors import (
        ClusterUnreachableError as ClusterUnreachableError,
    )
    from .errors import (
        EmptyInputError as EmptyInputError,
    )
    from .errors import (
        EncryptedPdfError as EncryptedPdfError,
    )
    from .errors import (
        ErrorCode as ErrorCode,
    )
    from .errors import (
        ExitCode as ExitCode,
    )
    from .errors import (
        ExtractionTimeoutError as ExtractionTimeoutError,
    )
    from .errors import (
        InputNotFoundError as InputNotFoundError,
    )
    from .errors import (
        InputUnreadableError as InputUnreadableError,
    )
    from .errors import (
        InspectparseError as InspectparseError,
    )
    from .errors import (
        MalformedPdfError as MalformedPdfError,
    )
    from .errors import (
        NoTextLayerError as NoTextLayerError,
    )
    from .errors import (
        OutputNotWritableError as OutputNotWritableError,
    )
    from .errors import (
        TextDecodeError as TextDecodeError,
    )
    from .errors import (
        TooLargeError as TooLargeError,
    )
    from .errors import (
        UnsupportedInputError as UnsupportedInputError,
    )
    from .outcome import Outcome as Outcome
    from .record import Record as Record

# name -> the module that defines it
_EXPORTS = {
    "extract": ".api",
    "Record": ".record",
    "Outcome": ".outcome",
    "BatchOptions": ".batch",
    "BatchSummary": ".batch",
    "iter_batch": ".batch",
    "run_batch": ".batch",
    **dict.fromkeys(
        (
            "ExitCode",
            "ErrorCode",
            "InspectparseError",
            "InputNotFoundError",
            "InputUnreadableError",
            "UnsupportedInputError",
            "MalformedPdfError",
            "EncryptedPdfError",
            "NoTextLayerError",
            "TextDecodeError",
            "EmptyInputError",
            "ExtractionTimeoutError",
            "OutputNotWritableError",
            "TooLargeError",
            "ClusterUnreachableError",
        ),
        ".errors",
    ),
}

__all__ = ["__version__", *_EXPORTS]
__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
