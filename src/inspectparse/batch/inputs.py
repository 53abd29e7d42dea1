"""Finding the inputs of a batch: files, folders, globs and the members of zip/tar archives.

Archives are listed in place (`zipfile`/`tarfile`), never extracted to disk; they and the
reports in them are recognised by their bytes, never by file name. Hidden files and folders
and `__MACOSX` are skipped. Member names that try to leave the archive ("zip slip": absolute
paths, `..`) keep their name but get a safe relative path for `--output-dir`.
"""

from __future__ import annotations

import glob
import os
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import ErrorCode

__all__ = ["InputRef", "expand_inputs"]

_NOT_FOUND = ErrorCode.NOT_FOUND.value
_UNREADABLE = ErrorCode.UNREADABLE.value
_SKIPPED_NAMES = ("__MACOSX",)


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input found by `expand_inputs`: a file, or a member of a zip/tar archive.

    `path` is the file (or the archive) as given or found; `rel` is its path below the batch's
    common root, for `--output-dir`; `error` is set when it is already known to be unusable.
    """

    path: str
    member: str | None = None
    rel: str = ""
    container: str = "file"  # "file" | "zip" | "tar"
    size: int | None = None
    error: tuple[str, str] | None = None


_GLOB_CHARS = frozenset("*?[")


def _hidden(name: str) -> bool:
    # '.' and '..' are path steps, not hidden names (a member named '../x' is sanitised later).
    return (name.startswith(".") and name not in (".", "..")) or name in _SKIPPED_NAMES


def _safe_member_rel(member: str) -> str:
    # Member names may be absolute or contain '..' ("zip slip"); keep only plain parts.
    parts = [p for p in PurePosixPath(member.replace("\\", "/")).parts if p not in ("/", ".", "..")]
    return "/".join(parts) or "member"


def _archive_kind(path: str) -> str | None:
    """'zip' or 'tar' when the file's bytes say it is an archive we read, else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError:
        return None  # reading it later gives the proper error record
    if head.startswith(b"%PDF-"):
        return None
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[257:262] == b"ustar":
        return "tar"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")):
        # Compressed: a tar only if a tar header is inside (a lone .gz is just a bad input).
        try:
            with tarfile.open(path, "r:*") as tar:
                return "tar" if tar.next() is not None else None
        except (tarfile.TarError, OSError, EOFError, ValueError):
            return None
    return None


def _zip_members(path: str, rel: str) -> list[InputRef]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [InputRef(path, rel=rel, error=(_UNREADABLE, f"damaged zip archive ({exc})"))]
    names = {i.filename for i in infos}
    # Office documents and EPUBs are zips too, but they are one (unsupported) file, not a folder.
    if "[Content_Types].xml" in names or (infos and infos[0].filename == "mimetype"):
        return [InputRef(path, rel=rel)]
    refs = []
    for info in infos:
        if info.is_dir() or any(_hidden(p) for p in PurePosixPath(info.filename).parts):
            continue
        member_rel = f"{rel}/{_safe_member_rel(info.filename)}"
        refs.append(InputRef(path, info.filename, member_rel, "zip", info.file_size))
    return refs


def _tar_members(path: str, rel: str) -> list[InputRef]:
    refs: list[InputRef] = []
    try:
        with tarfile.open(path, "r:*") as tar:
            for info in tar:
                if not (info.isreg() or info.islnk()):
                    continue
                if any(_hidden(p) for p in PurePosixPath(info.name).parts):
                    continue
                member_rel = f"{rel}/{_safe_member_rel(info.name)}"
                refs.append(InputRef(path, info.name, member_rel, "tar", info.size))
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        # A damaged archive: the members before the damage are inputs, and the archive itself
        # gets an error record for whatever could not be listed.
        refs.append(
            InputRef(
                path,
                rel=rel,
                error=(_UNREADABLE, f"damaged tar archive after {len(refs)} members ({exc})"),
            )
        )
    return refs


def _file_refs(path: str, rel: str) -> list[InputRef]:
    if not os.path.exists(path):  # a broken symbolic link, or a race with a deletion
        return [InputRef(path, rel=rel, error=(_NOT_FOUND, f"{path}: no such file"))]
    kind = _archive_kind(path)
    if kind == "zip":
        return _zip_members(path, rel)
    if kind == "tar":
        return _tar_members(path, rel)
    try:
        size: int | None = os.path.getsize(path)
    except OSError:
        size = None
    return [InputRef(path, rel=rel, size=size)]


def _walk(root: str, excluded: Callable[[str], bool]) -> Iterator[str]:
    """Regular files under `root`, sorted, without hidden names; symlinked folders not followed."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            if _hidden(name) or excluded(full):
                continue
            # FIFOs, sockets and devices are not files; broken links are (they get an error).
            if os.path.isfile(full) or not os.path.exists(full):
                yield full


def expand_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> list[InputRef]:
    """Every input under `paths` (files, folders, globs, archive members), in a stable order.

    A path that does not exist (and matches no glob) becomes an input with a `not_found` error,
    so it is accounted for like any other. `exclude` lists files (and folders) never to take as
    inputs: the batch's own outputs, when they sit inside an input folder.
    """
    excluded_paths = [Path(p).resolve() for p in exclude]

    def excluded(p: str) -> bool:
        if not excluded_paths:
            return False
        rp = Path(p).resolve()
        return any(
            rp == e
            or e in rp.parents  # inside --output-dir
            # SQLite's -journal / -wal files next to --sqlite
            or (rp.parent == e.parent and rp.name.startswith(e.name + "-"))
            for e in excluded_paths
        )

    found: list[tuple[str, str, str]] = []  # (path, root it was found under, kind)
    for arg in paths:
        p = os.fspath(arg)
        if not os.path.lexists(p) and _GLOB_CHARS & set(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                found.append((p, os.path.dirname(p) or ".", "nomatch"))
            for m in matches:
                found.extend(_classify_arg(m, excluded))
        else:
            found.extend(_classify_arg(p, excluded))

    # Paths for --output-dir are relative to the deepest folder all inputs share, so a single
    # folder argument maps to the output folder itself.
    roots = [os.path.abspath(r) for _, r, _ in found]
    try:
        base = os.path.commonpath(roots) if roots else ""
    except ValueError:  # different drives (Windows)
        base = ""

    refs: list[InputRef] = []
    for path, _root, kind in found:
        absolute = os.path.abspath(path)
        rel = os.path.relpath(absolute, base) if base else absolute.lstrip("/\\")
        rel = rel.replace(os.sep, "/")
        if kind == "missing":
            refs.append(InputRef(path, rel=rel, error=(_NOT_FOUND, f"{path}: no such file")))
        elif kind == "nomatch":
            msg = f"{path}: no file matches this pattern (use **/ to search subfolders)"
            refs.append(InputRef(path, rel=rel, error=(_NOT_FOUND, msg)))
        elif kind == "special":
            msg = f"{path}: not a regular file or folder"
            refs.append(InputRef(path, rel=rel, error=(_UNREADABLE, msg)))
        else:
            refs.extend(_file_refs(path, rel))
    return refs


def _classify_arg(p: str, excluded: Callable[[str], bool]) -> list[tuple[str, str, str]]:
    if os.path.isdir(p):
        return [(f, p, "file") for f in _walk(p, excluded)]
    if os.path.isfile(p):
        return [(p, os.path.dirname(p) or ".", "file")]
    if os.path.lexists(p):
        return [(p, os.path.dirname(p) or ".", "special")]
    return [(p, os.path.dirname(p) or ".", "missing")]
