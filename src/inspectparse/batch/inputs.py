"""Finding the inputs of a batch: files, folders, globs and the members of zip/tar archives.

Archives are listed in place (`zipfile`/`tarfile`), never extracted to disk; they and the
reports in them are recognised by their bytes, never by file name. Hidden files and folders
and `__MACOSX` are skipped. Member names that try to leave the archive ("zip slip": absolute
paths, `..`) keep their name but get a safe relative path for `--output-dir`; member paths
are normalised once (`./x.pdf` and `y/../x.pdf` are `x.pdf`) and made unique (`x~2.pdf`),
so two members never share an output file. Zip members are read by entry, not by name, so
two members of the same name are two inputs. A tar member that is a symbolic link or a device
holds no file: it is an input with an error record, never silently left out.

Folder walks and globs (`**` too) never follow a symbolic link to a folder: a link can loop,
or repeat a whole tree. The links passed over are collected for the summary; a linked folder
given itself as an argument is walked.
"""

from __future__ import annotations

import fnmatch
import io
import os
import posixpath
import re
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

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
    entry: int | None = None  # zip: the member's index in the archive's directory


_GLOB_CHARS = frozenset("*?[")


def _hidden(name: str) -> bool:
    # '.' and '..' are path steps, not hidden names (a member named '../x' is sanitised later).
    return (name.startswith(".") and name not in (".", "..")) or name in _SKIPPED_NAMES


def _safe_member_rel(member: str) -> str:
    # Member names may be absolute or contain '..' ("zip slip"): normalised once ('y/../x' is
    # 'x'), then only plain parts kept, so the path stays inside the output folder.
    normal = posixpath.normpath("/" + member.replace("\\", "/").lstrip("/"))
    parts = [p for p in PurePosixPath(normal).parts if p not in ("/", ".", "..")]
    return "/".join(parts) or "member"


class _UniqueRels:
    """Member paths made unique within an archive: the second `x.pdf` becomes `x~2.pdf`."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def __call__(self, rel: str) -> str:
        candidate, n = rel, 1
        stem, dot, ext = rel.rpartition(".")
        if not stem or "/" in ext:
            stem, dot, ext = rel, "", ""
        while candidate.lower() in self._used:
            n += 1
            candidate = f"{stem}~{n}{dot}{ext}"
        self._used.add(candidate.lower())
        return candidate


def _archive_kind(path: str) -> str | None:
    """'zip' or 'tar' when the file's bytes say it is an archive we read, else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError:
        return None  # reading it later gives the proper error record
    return _archive_kind_of(head, path)


def member_archive_kind(data: bytes) -> str | None:
    """'zip' or 'tar' when an archive member's bytes are themselves an archive of files (an
    Office document or EPUB is a zip too, but one file: None, as for any other file)."""
    kind = _archive_kind_of(data[:512], data)
    if kind == "zip":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if _is_document(zf.infolist()):
                    return None
        except (zipfile.BadZipFile, OSError, ValueError):
            return None  # a damaged zip: the pipeline's own error says what it is
    return kind


def _archive_kind_of(head: bytes, whole: str | bytes) -> str | None:
    """The archive kind of a file's first 512 bytes; `whole` (its path, or all its bytes) is
    opened only to look inside a compressed file."""
    if head.startswith(b"%PDF-"):
        return None
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[257:262] == b"ustar":
        return "tar"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")):
        # Compressed: a tar only if a tar header is inside (a lone .gz is just a bad input).
        try:
            source = {"name": whole} if isinstance(whole, str) else {"fileobj": io.BytesIO(whole)}
            with tarfile.open(mode="r:*", **source) as tar:
                return "tar" if tar.next() is not None else None
        except (tarfile.TarError, OSError, EOFError, ValueError):
            return None
    return None


def _is_document(infos: list[zipfile.ZipInfo]) -> bool:
    """Office documents and EPUBs are zips too, but they are one (unsupported) file, not a
    folder."""
    names = {i.filename for i in infos}
    return "[Content_Types].xml" in names or bool(infos and infos[0].filename == "mimetype")


def _zip_members(path: str, rel: str) -> list[InputRef]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [InputRef(path, rel=rel, error=(_UNREADABLE, f"damaged zip archive ({exc})"))]
    if _is_document(infos):
        return [InputRef(path, rel=rel)]
    refs = []
    unique = _UniqueRels()
    for entry, info in enumerate(infos):
        if info.is_dir() or any(_hidden(p) for p in PurePosixPath(info.filename).parts):
            continue
        member_rel = f"{rel}/{unique(_safe_member_rel(info.filename))}"
        refs.append(InputRef(path, info.filename, member_rel, "zip", info.file_size, entry=entry))
    return refs


def _tar_members(path: str, rel: str) -> list[InputRef]:
    refs: list[InputRef] = []
    unique = _UniqueRels()
    try:
        with tarfile.open(path, "r:*") as tar:
            for info in tar:
                if info.isdir() or any(_hidden(p) for p in PurePosixPath(info.name).parts):
                    continue
                member_rel = f"{rel}/{unique(_safe_member_rel(info.name))}"
                unusable = _not_a_file(info)
                error = None if unusable is None else (_UNREADABLE, f"{path}: {unusable}")
                refs.append(InputRef(path, info.name, member_rel, "tar", info.size, error=error))
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


def _not_a_file(info: tarfile.TarInfo) -> str | None:
    """Why a tar member that is no folder holds no file to read (None: it does). A symbolic
    link's target is outside the archive: an error record says so rather than losing it."""
    if info.isreg() or info.islnk():  # a hard link reads as the file it links to
        return None
    if info.issym():
        return (
            f"member {info.name} is a symbolic link (to {info.linkname}): the archive does not "
            "hold the file it points to; make the archive with tar -h (--dereference)"
        )
    return f"member {info.name} is not a file (a device or a pipe); nothing to read"


def _file_refs(path: str, rel: str) -> list[InputRef]:
    if not os.path.exists(path):  # a broken symbolic link, a link loop, a race with a deletion
        why = "a symbolic link that points nowhere (broken, or a loop)"
        msg = f"{path}: {why if os.path.islink(path) else 'no such file'}"
        return [InputRef(path, rel=rel, error=(_NOT_FOUND, msg))]
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


def _walk(
    root: str, excluded: Callable[[str], bool], links: list[str] | None = None
) -> Iterator[str]:
    """Regular files under `root`, sorted, without hidden names; symlinked folders not followed
    (each one passed over is added to `links`)."""
    for dirpath, dirnames, filenames in os.walk(root):
        kept = []
        for d in sorted(dirnames):
            if _hidden(d):
                continue
            if os.path.islink(os.path.join(dirpath, d)):
                if links is not None:
                    links.append(os.path.join(dirpath, d))
                continue
            kept.append(d)
        dirnames[:] = kept
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
    links: list[str] | None = None,
) -> list[InputRef]:
    """Every input under `paths` (files, folders, globs, archive members), in a stable order.

    A path that does not exist (and matches no glob) becomes an input with a `not_found` error,
    so it is accounted for like any other. `exclude` lists files (and folders) never to take as
    inputs: the batch's own outputs, when they sit inside an input folder. Symbolic links to
    folders met by a walk or a glob are not followed; they are added to `links`.
    """
    # realpath, not Path.resolve: a symlink loop (self.pdf -> self.pdf) must not raise here.
    excluded_paths = [os.path.realpath(p) for p in exclude]

    def excluded(p: str) -> bool:
        if not excluded_paths:
            return False
        rp = os.path.realpath(p)
        return any(
            rp == e
            or rp.startswith(e + os.sep)  # inside --output-dir
            # SQLite's -journal / -wal files next to --sqlite
            or (
                os.path.dirname(rp) == os.path.dirname(e)
                and os.path.basename(rp).startswith(os.path.basename(e) + "-")
            )
            for e in excluded_paths
        )

    found: list[tuple[str, str, str]] = []  # (path, root it was found under, kind)
    for arg in paths:
        p = os.fspath(arg)
        if not os.path.lexists(p) and _GLOB_CHARS & set(p):
            matches = _glob(p, links)
            if not matches:
                found.append((p, os.path.dirname(p) or ".", "nomatch"))
            for m in matches:
                found.extend(_classify_arg(m, excluded, links))
        else:
            found.extend(_classify_arg(p, excluded, links))

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
            msg = f"{path}: not a regular file or folder (a pipe, device or socket)"
            refs.append(InputRef(path, rel=rel, error=(_UNREADABLE, msg)))
        else:
            refs.extend(_file_refs(path, rel))
    return refs


def _classify_arg(
    p: str, excluded: Callable[[str], bool], links: list[str] | None = None
) -> list[tuple[str, str, str]]:
    if os.path.isdir(p):
        return [(f, p, "file") for f in _walk(p, excluded, links)]
    if os.path.isfile(p):
        return [(p, os.path.dirname(p) or ".", "file")]
    if os.path.lexists(p):
        if not os.path.exists(p):  # a broken link or a link loop: an input with an error
            return [(p, os.path.dirname(p) or ".", "file")]
        return [(p, os.path.dirname(p) or ".", "special")]
    return [(p, os.path.dirname(p) or ".", "missing")]


def _component_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(fnmatch.translate(pattern))


def _glob(pattern: str, links: list[str] | None) -> list[str]:
    """`glob.glob(pattern, recursive=True)`, sorted, without following links to folders.

    The standard glob follows them (a `**` over a linked tree repeats it; two links that
    loop never end). Here the literal folder the pattern starts from is walked with
    `os.walk` (which does not follow them), matching path parts against the pattern's parts.
    """
    parts = pattern.replace(os.sep, "/").split("/")
    first = next(i for i, part in enumerate(parts) if _GLOB_CHARS & set(part))
    root = "/".join(parts[:first]) or ("/" if pattern.startswith("/") else ".")
    if not os.path.isdir(root):
        return []
    pats = parts[first:]
    regexes = [None if p == "**" else _component_regex(p) for p in pats]
    deep = any(r is None for r in regexes)
    prefix = "" if root == "." and not pattern.startswith("./") else root.rstrip("/") + "/"
    matches: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        depth = 0 if rel_dir == "." else rel_dir.count(os.sep) + 1
        rel_parts = [] if rel_dir == "." else rel_dir.split(os.sep)
        kept = []
        for d in sorted(dirnames):
            full = os.path.join(dirpath, d)
            descend = not d.startswith(".") and (deep or depth + 1 < len(regexes))
            if os.path.islink(full):
                # Passed over, whether the pattern names it or would search inside it.
                if (descend or _match([*rel_parts, d], regexes)) and links is not None:
                    links.append(prefix + "/".join([*rel_parts, d]))
                continue
            if _match([*rel_parts, d], regexes):
                matches.append(prefix + "/".join([*rel_parts, d]))
            if descend:
                kept.append(d)
        dirnames[:] = kept
        for name in filenames:
            if _match([*rel_parts, name], regexes):
                matches.append(prefix + "/".join([*rel_parts, name]))
    # A folder matched and the files in it would be inputs twice: the folder covers them.
    folders = [m for m in matches if os.path.isdir(m)]
    result = [m for m in matches if not any(m.startswith(f + "/") for f in folders)]
    return sorted(set(result))


def _match(parts: list[str], regexes: list[re.Pattern[str] | None]) -> bool:
    """Whether path parts match pattern parts (None is `**`: any number of parts)."""
    if not regexes:
        return not parts
    head = regexes[0]
    if head is None:
        return any(_match(parts[i:], regexes[1:]) for i in range(len(parts) + 1))
    if not parts or (parts[0].startswith(".") and not head.pattern.startswith(r"(?s:\.")):
        return False
    return head.match(parts[0]) is not None and _match(parts[1:], regexes[1:])
