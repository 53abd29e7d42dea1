"""Reading the inputs' bytes, in the parent: it must hash them to resume, and each archive is
opened once and read in place, member by member, as the workers need them."""

from __future__ import annotations

import os
import tarfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..errors import ErrorCode, InspectparseError
from ..limits import read_capped, too_large_bytes
from .inputs import InputRef, member_archive_kind

__all__ = ["ReadInput", "read_inputs"]

_TOO_LARGE = ErrorCode.TOO_LARGE.value
_CHUNK = 1024 * 1024
_UNREADABLE = ErrorCode.UNREADABLE.value
_UNSUPPORTED = ErrorCode.UNSUPPORTED_FORMAT.value


@dataclass(slots=True)
class ReadInput:
    ref: InputRef
    data: bytes | None = None
    error: tuple[str, str] | None = None


def _too_large(ref: InputRef, size: int | None, max_bytes: int | None) -> tuple[str, str] | None:
    if max_bytes and size is not None and size > max_bytes:
        return _TOO_LARGE, too_large_bytes(size, max_bytes).message
    return None


def read_inputs(refs: Sequence[InputRef], max_bytes: int | None) -> Iterator[ReadInput]:
    """The bytes of each input, lazily and in order; each archive is opened once."""
    i = 0
    while i < len(refs):
        ref = refs[i]
        # A member already known to be unusable (a tar's symbolic link) stays in its archive's
        # one pass, which yields it as its error: a group cut there would read a compressed
        # archive again from its start.
        if ref.error is not None and ref.container == "file":
            yield ReadInput(ref, error=ref.error)
            i += 1
            continue
        if ref.container == "file":
            yield _read_file(ref, max_bytes)
            i += 1
            continue
        j = i
        while j < len(refs) and refs[j].path == ref.path and refs[j].container == ref.container:
            j += 1
        group = refs[i:j]
        read_group = _read_zip if ref.container == "zip" else _read_tar
        for read in read_group(group, max_bytes):
            yield _refuse_nested_archive(read)
        i = j


def _refuse_nested_archive(read: ReadInput) -> ReadInput:
    """An archive inside an archive is one input, not opened: an error record that says how
    to convert what it holds (its bytes are kept, so the record has its sha256)."""
    if read.data is not None and read.error is None:
        kind = member_archive_kind(read.data)
        if kind is not None:
            ref = read.ref
            read.error = (
                _UNSUPPORTED,
                f"{ref.path}: member {ref.member} is itself a {kind} archive, which batch does "
                "not open inside another; extract it and give batch the inner archive "
                "(or its folder)",
            )
    return read


def _read_file(ref: InputRef, max_bytes: int | None) -> ReadInput:
    from ..api import read_source  # the pipeline (and pydantic) only once a file is read

    try:
        size = os.path.getsize(ref.path)
    except OSError:
        size = None
    too_large = _too_large(ref, size, max_bytes)
    if too_large:
        return ReadInput(ref, error=too_large)
    try:
        data, _ = read_source(ref.path, max_bytes)
    except InspectparseError as exc:
        return ReadInput(ref, error=(exc.code, exc.message))
    return ReadInput(ref, data=data)


def _member_error(ref: InputRef, exc: BaseException) -> tuple[str, str]:
    return _UNREADABLE, f"{ref.path}: member {ref.member} cannot be read ({exc}); check the archive"


def _read_member(zf: zipfile.ZipFile, ref: InputRef, max_bytes: int | None) -> ReadInput:
    """One zip member, by its entry (two members may share a name), in bounded chunks: the
    sizes in a zip's headers may lie, so the byte budget is counted on what inflates."""
    infos = zf.infolist()
    info = infos[ref.entry] if ref.entry is not None else zf.getinfo(ref.member or "")
    chunks: list[bytes] = []
    total = 0
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            total += len(chunk)
            if max_bytes and total > max_bytes:
                return ReadInput(ref, error=_too_large(ref, total, max_bytes))
            chunks.append(chunk)
    return ReadInput(ref, data=b"".join(chunks))


def _read_zip(group: Sequence[InputRef], max_bytes: int | None) -> Iterator[ReadInput]:
    try:
        zf = zipfile.ZipFile(group[0].path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        for ref in group:
            yield ReadInput(ref, error=_member_error(ref, exc))
        return
    with zf:
        for ref in group:
            if ref.error is not None:
                yield ReadInput(ref, error=ref.error)
                continue
            too_large = _too_large(ref, ref.size, max_bytes)
            if too_large:
                yield ReadInput(ref, error=too_large)
                continue
            try:
                read = _read_member(zf, ref, max_bytes)
            except Exception as exc:  # noqa: BLE001 - bad CRC, encryption, odd compression...
                yield ReadInput(ref, error=_member_error(ref, exc))
                continue
            yield read


def _read_tar(group: Sequence[InputRef], max_bytes: int | None) -> Iterator[ReadInput]:
    # Members come in archive order, the order `_tar_members` listed them: one sequential pass
    # reads a compressed tar without seeking back.
    pending = list(group)
    try:
        with tarfile.open(group[0].path, "r:*") as tar:
            for info in tar:
                if not pending:
                    break
                if info.name != pending[0].member:
                    continue
                ref = pending.pop(0)
                if ref.error is not None:
                    yield ReadInput(ref, error=ref.error)
                    continue
                too_large = _too_large(ref, info.size, max_bytes)
                if too_large:
                    yield ReadInput(ref, error=too_large)
                    continue
                try:
                    fh = tar.extractfile(info)
                    data = read_capped(fh, max_bytes) if fh is not None else b""
                except InspectparseError as exc:
                    yield ReadInput(ref, error=(exc.code, exc.message))
                    continue
                except Exception as exc:  # noqa: BLE001 - truncated or corrupt member data
                    yield ReadInput(ref, error=_member_error(ref, exc))
                    continue
                yield ReadInput(ref, data=data)
    except Exception as exc:  # noqa: BLE001 - the archive broke part-way: the rest fail
        for ref in pending:
            yield ReadInput(ref, error=ref.error or _member_error(ref, exc))
        return
    for ref in pending:  # listed before but gone now (the archive changed under us)
        vanished = FileNotFoundError("member vanished")
        yield ReadInput(ref, error=ref.error or _member_error(ref, vanished))
