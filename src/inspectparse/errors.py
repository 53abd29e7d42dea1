"""Typed errors, the stable error codes of error records, and the exit codes of the CLI.

Every error a user can cause carries an `ExitCode`, a stable `code` (an `ErrorCode`, used in
batch error records) and a one-line message that says what is wrong and what to try. The
README's tables of exit codes and error codes are checked against these enums (test_docs).
"""

from __future__ import annotations

from enum import Enum, IntEnum


class ExitCode(IntEnum):
    """Exit codes of `inspectparse`. Part of the stable interface: never renumber."""

    OK = 0
    ERROR = 1  # an unexpected internal error (a bug: please report it)
    USAGE = 2  # bad command-line usage (click's own code)
    INPUT_UNREADABLE = 3  # missing file, unreadable, not a PDF or text, malformed PDF
    ENCRYPTED = 4  # password-protected PDF
    OUTPUT_NOT_WRITABLE = 5
    BATCH_PARTIAL = 6  # batch: some inputs failed, the rest converted
    TIMEOUT = 7  # a single input exceeded --timeout
    NO_TEXT = 8  # PDF without a text layer (scanned): needs OCR first
    BATCH_ALL_FAILED = 9  # batch: every input failed
    TOO_LARGE = 10  # an input over --max-bytes, or its conversion over --max-memory
    CLUSTER_UNREACHABLE = 11  # batch --dask-scheduler: the scheduler cannot be reached
    INTERRUPTED = 130  # Ctrl-C

    @property
    def summary(self) -> str:
        """A few words for the help text; the README's table starts each meaning with them."""
        return _EXIT_SUMMARIES[self]


_EXIT_SUMMARIES = {
    ExitCode.OK: "ok",
    ExitCode.ERROR: "internal error",
    ExitCode.USAGE: "usage error",
    ExitCode.INPUT_UNREADABLE: "input unreadable",
    ExitCode.ENCRYPTED: "encrypted PDF",
    ExitCode.OUTPUT_NOT_WRITABLE: "output not writable",
    ExitCode.BATCH_PARTIAL: "batch: some inputs failed",
    ExitCode.TIMEOUT: "timeout",
    ExitCode.NO_TEXT: "PDF without a text layer",
    ExitCode.BATCH_ALL_FAILED: "batch: every input failed",
    ExitCode.TOO_LARGE: "input too large",
    ExitCode.CLUSTER_UNREACHABLE: "Dask scheduler unreachable",
    ExitCode.INTERRUPTED: "interrupted",
}


class ErrorCode(str, Enum):
    """The `code` of an error record (`{"error": {"code", "message"}}`) and of each error class.

    Part of the stable interface: add, never rename. Values are plain strings where they are
    stored (`ErrorCode.X.value`), so records, CSV cells and SQLite rows hold the word itself.
    """

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    UNSUPPORTED_FORMAT = "unsupported_format"
    MALFORMED_PDF = "malformed_pdf"
    ENCRYPTED_PDF = "encrypted_pdf"
    NO_TEXT_LAYER = "no_text_layer"
    TEXT_DECODE = "text_decode"
    EMPTY_INPUT = "empty_input"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    WORKER_CRASHED = "worker_crashed"
    INTERNAL_ERROR = "internal_error"
    OUTPUT_NOT_WRITABLE = "output_not_writable"
    CLUSTER_UNREACHABLE = "cluster_unreachable"
    BAD_QUERY = "bad_query"

    def __str__(self) -> str:
        return self.value


class InspectparseError(Exception):
    """Base class: a user-facing error with an exit code and a stable error code string."""

    exit_code: ExitCode = ExitCode.ERROR
    code: str = ErrorCode.INTERNAL_ERROR.value

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class InputNotFoundError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = ErrorCode.NOT_FOUND.value


class InputUnreadableError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = ErrorCode.UNREADABLE.value


class UnsupportedInputError(InspectparseError):
    """The bytes are neither a PDF nor UTF-8 text (e.g. an HTML error page saved as .pdf)."""

    exit_code = ExitCode.INPUT_UNREADABLE
    code = ErrorCode.UNSUPPORTED_FORMAT.value


class MalformedPdfError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = ErrorCode.MALFORMED_PDF.value


class EncryptedPdfError(InspectparseError):
    exit_code = ExitCode.ENCRYPTED
    code = ErrorCode.ENCRYPTED_PDF.value


class NoTextLayerError(InspectparseError):
    exit_code = ExitCode.NO_TEXT
    code = ErrorCode.NO_TEXT_LAYER.value


class TextDecodeError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = ErrorCode.TEXT_DECODE.value


class EmptyInputError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = ErrorCode.EMPTY_INPUT.value


class ExtractionTimeoutError(InspectparseError):
    exit_code = ExitCode.TIMEOUT
    code = ErrorCode.TIMEOUT.value


class OutputNotWritableError(InspectparseError):
    exit_code = ExitCode.OUTPUT_NOT_WRITABLE
    code = ErrorCode.OUTPUT_NOT_WRITABLE.value


class TooLargeError(InspectparseError):
    """An input over the byte limit, or one whose conversion needs more than the memory limit."""

    exit_code = ExitCode.TOO_LARGE
    code = ErrorCode.TOO_LARGE.value


class ClusterUnreachableError(InspectparseError):
    exit_code = ExitCode.CLUSTER_UNREACHABLE
    code = ErrorCode.CLUSTER_UNREACHABLE.value


class SearchQueryError(InspectparseError):
    """`inspectparse search`: a query FTS5 cannot read (an open quote, a dangling AND)."""

    exit_code = ExitCode.USAGE
    code = ErrorCode.BAD_QUERY.value
