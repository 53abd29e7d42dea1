"""Typed errors and the documented, stable exit codes of the command line.

Every error a user can cause carries an `ExitCode`, a stable `code` string (used in batch error
records) and a one-line message that says what is wrong and what to try.
"""

from __future__ import annotations

from enum import IntEnum


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
    INTERRUPTED = 130  # Ctrl-C


class InspectparseError(Exception):
    """Base class: a user-facing error with an exit code and a stable error code string."""

    exit_code: ExitCode = ExitCode.ERROR
    code: str = "internal_error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class InputNotFoundError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = "not_found"


class InputUnreadableError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = "unreadable"


class UnsupportedInputError(InspectparseError):
    """The bytes are neither a PDF nor UTF-8 text (e.g. an HTML error page saved as .pdf)."""

    exit_code = ExitCode.INPUT_UNREADABLE
    code = "unsupported_format"


class MalformedPdfError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = "malformed_pdf"


class EncryptedPdfError(InspectparseError):
    exit_code = ExitCode.ENCRYPTED
    code = "encrypted_pdf"


class NoTextLayerError(InspectparseError):
    exit_code = ExitCode.NO_TEXT
    code = "no_text_layer"


class TextDecodeError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = "text_decode"


class EmptyInputError(InspectparseError):
    exit_code = ExitCode.INPUT_UNREADABLE
    code = "empty_input"


class ExtractionTimeoutError(InspectparseError):
    exit_code = ExitCode.TIMEOUT
    code = "timeout"


class OutputNotWritableError(InspectparseError):
    exit_code = ExitCode.OUTPUT_NOT_WRITABLE
    code = "output_not_writable"
