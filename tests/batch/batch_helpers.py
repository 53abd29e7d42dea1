"""Synthetic batch inputs and injected tasks, shared by the batch tests.

Every input is built in tmp_path (invented text, hand-made PDFs, junk). The per-input task is
injectable, so the slow, crashing and polluting cases use the module-level task functions here
(workers import this module, by the name `batch_helpers`, to unpickle them).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Any

from inspectparse.batch import (
    TaskInput,
)
from inspectparse.load import sniff_format
from inspectparse.record import Record

BATCH_DIR = Path(__file__).resolve().parent
REPO = BATCH_DIR.parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
# The batch command on its own, so these tests do not depend on the main group's wiring
# (test_cli_is_registered_and_documented checks that).
BATCH_CLI = [sys.executable, "-c", "from inspectparse.cli.batch import batch; batch()"]

# --------------------------------------------------------------------------------------------
# Synthetic inputs


def tiny_pdf(pages: list[list[str]]) -> bytes:
    """A valid, uncompressed PDF with Helvetica text lines, one list of lines per page."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objs: list[str] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for lines in pages:
        content = "BT /F1 11 Tf 14 TL 72 770 Td " + " ".join(f"({esc(x)}) '" for x in lines) + " ET"
        objs.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        objs.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objs)} 0 R >>"
        )
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def text_report(council: str) -> bytes:
    # Invented wording: only the shape (title, numbered paragraphs, form feed) is report-like.
    return (
        f"{council} Borough Council\nInspection of services for children\n\n"
        "1. Inspectors visited the council for two weeks and met many invented people.\n\n"
        "2. Leaders know what works well and what needs to change.\n\f"
        "3. This is the last invented paragraph on the second page.\n"
    ).encode()


PDF = tiny_pdf([["Westbrook Council", "1. An invented paragraph."], ["2. The second page."]])

# name -> (bytes, expected status: "ok" or the error code)
GOOD: dict[str, tuple[bytes, str]] = {
    "northwick.txt": (text_report("Northwick"), "ok"),
    "reports/eastmoor.txt": (text_report("Eastmoor"), "ok"),
    "reports/westbrook.pdf": (PDF, "ok"),
    "reports/deep/southfield.PDF": (tiny_pdf([["Southfield", "1. Invented."]]), "ok"),
}
BAD: dict[str, tuple[bytes, str]] = {
    "saved-page.pdf": (b"<!DOCTYPE html><html><body>Not found</body></html>", "unsupported_format"),
    "empty.pdf": (b"", "empty_input"),
    "reports/truncated.pdf": (PDF[: len(PDF) // 2], "malformed_pdf"),
    "reports/junk.bin": (bytes(range(256)) * 8, "unsupported_format"),
    "reports/latin1.txt": (b"Caf\xe9 invented report\n", "text_decode"),
}
SKIPPED = {".hidden.pdf": PDF, ".git/config.txt": b"x", "__MACOSX/._northwick.txt": b"\x00\x05"}


def _zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("folder/", b"")  # a directory entry: not an input
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _tar_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


ZIP_MEMBERS = {
    "a/inner.txt": (text_report("Zipton"), "ok"),
    "inner.pdf": (tiny_pdf([["Zipton", "1. Inside a zip."]]), "ok"),
    "page.pdf": (b"<html><head></head>gone</html>", "unsupported_format"),
    "empty.txt": (b"   \n", "empty_input"),
}
TAR_MEMBERS = {
    "x/tarred.pdf": (tiny_pdf([["Tarham", "1. Inside a tar."]]), "ok"),
    "x/tarred.txt": (text_report("Tarham"), "ok"),
    "x/broken.pdf": (PDF[:300], "malformed_pdf"),
    "x/noise.dat": (b"\x00\x01\x02\x03" * 50, "unsupported_format"),
}


def make_inputs(root: Path) -> dict[tuple[str, str | None], str]:
    """Write the input tree; return {(path, member): expected status} for every real input."""
    expected: dict[tuple[str, str | None], str] = {}
    for name, (data, status) in {**GOOD, **BAD}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[(str(path), None)] = status
    for name, data in SKIPPED.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    # Archives named to mislead: recognised by their bytes, not by their extensions.
    zpath = root / "bundle.dat"
    members = {k: v[0] for k, v in ZIP_MEMBERS.items()}
    members.update({"__MACOSX/a/._inner.txt": b"\x00", "a/.DS_Store": b"\x00"})
    zpath.write_bytes(_zip_bytes(members))
    expected.update({(str(zpath), k): v[1] for k, v in ZIP_MEMBERS.items()})
    tpath = root / "reports" / "more.pdf"  # a .tar.gz called .pdf
    tpath.write_bytes(_tar_bytes({k: v[0] for k, v in TAR_MEMBERS.items()}))
    expected.update({(str(tpath), k): v[1] for k, v in TAR_MEMBERS.items()})
    return expected


def read_lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw == b"" or raw.endswith(b"\n"), "a partial last line"
    return [json.loads(line) for line in raw.splitlines()]


def statuses(lines: list[dict[str, Any]]) -> dict[tuple[str, str | None], str]:
    out: dict[tuple[str, str | None], str] = {}
    for obj in lines:
        # A record line is the record itself (schema_version, source, report, ...); an error
        # line is {source, error}.
        assert "report" in obj or set(obj) == {"source", "error"}
        assert "error" not in obj or "report" not in obj
        key = (obj["source"]["path"], obj["source"]["member"])
        assert key not in out, f"{key} twice"
        out[key] = "ok" if "report" in obj else obj["error"]["code"]  # a record, or an error
    return out


def canonical(lines: list[dict[str, Any]]) -> set[str]:
    return {json.dumps(obj, sort_keys=True) for obj in lines}


# --------------------------------------------------------------------------------------------
# Injected tasks (module level: the workers unpickle them by name)


def fake_task(item: TaskInput) -> dict[str, Any]:
    """A fast stand-in for the pipeline: typed errors from sniffing, a minimal valid record.

    Inputs starting with SLEEP <s>, CRASH or PRINT make it sleep, kill its own process or
    write to stdout.
    """
    data = item.data
    fmt = sniff_format(data)
    if data.startswith(b"SLEEP"):
        time.sleep(float(data.split()[1]))
    elif data.startswith(b"CRASH"):
        os._exit(3)
    elif data.startswith(b"PRINT"):
        print("pollution from print()", flush=True)
        os.write(1, b"pollution on fd 1\n")
    record = Record.model_validate(
        {
            "parser_version": "test",
            "source": {
                "path": item.path,
                "sha256": hashlib.sha256(data).hexdigest(),
                "format": fmt,
                "pages": 2,
                "engine": "fake",
                "member": item.member,
            },
            "report": {"kind": "fake", "title": data[:20].decode("utf-8", "replace")},
            "judgements": [
                {
                    "key": "overall_effectiveness",
                    "label": "Overall",
                    "grade": "good",
                    "grade_text": "Good",
                    "rule": "fake",
                    "provenance": {"page": 1},
                }
            ],
        }
    )
    return record.model_dump(mode="json")


def pid_task(item: TaskInput) -> dict[str, Any]:
    record = fake_task(item)
    record["report"]["title"] = str(os.getpid())
    return record


def paced_task(item: TaskInput) -> dict[str, Any]:
    time.sleep(0.25)  # slow enough for a kill to land mid-run
    return fake_task(item)


def failing_task(item: TaskInput) -> dict[str, Any]:
    raise ValueError("boom")


def write_plain_inputs(root: Path, n: int, prefix: bytes = b"report") -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = root / f"r{i:02d}.txt"
        path.write_bytes(prefix + b" number %d\n" % i)
        paths.append(path)
    return paths


def cli_env() -> dict[str, str]:
    """The environment of a batch subprocess: it must import this module (its tasks)."""
    return dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(BATCH_DIR), os.environ.get("PYTHONPATH", "")])
    )


def run_cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*BATCH_CLI, *args],
        capture_output=True,
        env=cli_env(),
        timeout=120,
        **kwargs,
    )
