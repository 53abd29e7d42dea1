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

from ..errors import ExitCode, InspectparseError

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


@contextlib.contextmanager
def handle_errors(output: str = "output") -> Iterator[None]:
    """Run a command body; `output` names what was being written, when an error does not."""
    try:
        yield
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(int(CLOSED_PIPE))
    except InspectparseError as exc:
        fail(exc.message, exc.exit_code)
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
