"""Where an output goes, checked before anything is written; its file mode; its lock.

One rule for every output file (`-o`, `--errors`, `--sqlite`, `--table`, `extract -o`): its
folder must exist (`--output-dir` is a folder and is created, with its parents). One mode for
every file written: what the umask gives a new file (0644 under the usual 022), whether it is
appended to, replaced atomically or made by a library. A file that is not a regular file
(`/dev/stdout`, a pipe) is a stream: written, never read back to resume, never locked.
Two batches writing one output would both convert everything; the second fails fast instead
(`OutputLock`, exit 5).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from ..errors import OutputNotWritableError

__all__ = [
    "OutputLock",
    "check_file_target",
    "check_sqlite_target",
    "file_mode",
    "is_stream_path",
]

_SQLITE_MAGIC = b"SQLite format 3\x00"


def file_mode() -> int:
    """The mode a new file gets under this process's umask (0o644 under the usual 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def is_stream_path(path: str | os.PathLike[str]) -> bool:
    """Whether `path` exists and is not a regular file (a device such as /dev/stdout, a pipe)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode)


def _not_writable(path: Path, why: str) -> OutputNotWritableError:
    return OutputNotWritableError(f"{path}: cannot write ({why})", path=str(path))


def check_file_target(path: str | os.PathLike[str]) -> None:
    """Refuse (exit 5) an output file whose folder is missing, or that is a folder itself."""
    target = Path(path)
    if is_stream_path(target):
        return
    if target.is_dir():
        raise _not_writable(target, "it is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise _not_writable(target, f"the folder {folder} does not exist; create it first")
    if target.exists():
        if not os.access(target, os.W_OK):
            raise _not_writable(target, "permission denied; check the file's permissions")
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise _not_writable(target, f"the folder {folder} is not writable; check its permissions")


def check_sqlite_target(path: str | os.PathLike[str]) -> None:
    """`check_file_target`, and an existing file must be an SQLite database (or empty)."""
    target = Path(path)
    if is_stream_path(target):
        raise _not_writable(target, "SQLite needs a regular file, not a device or pipe")
    check_file_target(target)
    if not target.exists():
        return
    try:
        with target.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise _not_writable(target, f"{exc.strerror}; check the file's permissions") from exc
    if head and head != _SQLITE_MAGIC:
        raise _not_writable(target, "it exists and is not an SQLite database; choose another name")


class OutputLock:
    """An exclusive, non-blocking lock that says "a batch is writing this output".

    A file is locked through a hidden `.<name>.lock` beside it (CSV and workbooks are replaced
    by a rename, so the output's own inode cannot carry the lock); a folder (`--output-dir`)
    through itself. Held until `release` or the process ends (the kernel drops it on kill -9).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> OutputLock:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks here
            return self
        if is_stream_path(self.path):
            return self
        if self.path.is_dir():
            where = self.path
            fd = os.open(where, os.O_RDONLY)
        else:
            where = self.path.with_name(f".{self.path.name}.lock")
            fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise OutputNotWritableError(
                f"{self.path}: another inspectparse is writing this output (locked through "
                f"{where}); wait for it to finish, or choose another output",
                path=str(self.path),
            ) from exc
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
