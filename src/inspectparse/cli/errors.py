"""The one error path of the command line: every failure -> one line on stderr + its exit code.

`handle_errors` maps an `InspectparseError` to its own exit code, an `OSError` or an
`sqlite3.Error` (an output that cannot be written) to 5, Ctrl-C to 130, and a closed stdout
pipe (`| head`) to a quiet exit. Anything else is a bug and keeps its traceback (exit 1).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import NoReturn

import click

from ..errors import EmptyInputError, ExitCode, InspectparseError

__all__ = ["CLOSED_PIPE", "fail", "handle_errors"]

# A reader that went away (`| head`) is not an error: it took what it wanted. Quiet, exit 0,
# for every command (cron and `set -o pipefail` scripts must not see a bug).
CLOSED_PIPE = ExitCode.OK


def fail(message: str, code: ExitCode) -> NoReturn:
    """One line on stderr saying what is wrong and what to try, then exit with `code`."""
    click.echo(f"inspectparse: error: {message}", err=True)
    sys.exit(int(code))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush cannot raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _naming_the_input(exc: InspectparseError, source: str | None) -> str:
    """The error's message with the input it is about in front (once): a person running a
    script over many files must see which one failed. Nothing on stdin says so."""
    if source is None:
        return exc.message
    if source == "-":
        if isinstance(exc, EmptyInputError):
            return (
                "nothing on stdin; pipe a report in (pdftotext report.pdf - | inspectparse "
                "extract -) or give a file name"
            )
        source = "stdin"
    if exc.message.startswith(source) or (exc.path and exc.message.startswith(exc.path)):
        return exc.message
    return f"{source}: {exc.message}"


@contextlib.contextmanager
def handle_errors(output: str = "output", *, source: str | None = None) -> Iterator[None]:
    """Run a command body; `output` names what was being written, when an error does not;
    `source` names the one input a command reads (its errors are prefixed with it)."""
    try:
        yield
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(int(CLOSED_PIPE))
    except InspectparseError as exc:
        fail(_naming_the_input(exc, source), exc.exit_code)
    except OSError as exc:
        where = exc.filename or output
        reason = exc.strerror or exc
        fail(f"{where}: cannot write ({reason}); check the path", ExitCode.OUTPUT_NOT_WRITABLE)
    except KeyboardInterrupt:
        fail("interrupted", ExitCode.INTERRUPTED)
    except Exception as exc:
        # sqlite3 is imported by the SQLite output only (not for --help): no sqlite3.Error
        # can happen before it is.
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is None or not isinstance(exc, sqlite3.Error):
            raise
        fail(f"{output}: cannot write the SQLite database ({exc})", ExitCode.OUTPUT_NOT_WRITABLE)
