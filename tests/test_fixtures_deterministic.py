"""The synthetic fixtures are reproducible: regenerating them gives the committed bytes.

`scripts/make_fixtures.py --out-dir DIR` writes the same relative layout under DIR, so the
committed files can be compared with a fresh build without touching the working tree. A few
structural checks (xref offsets, table geometry, encryption) guard the generator itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "make_fixtures.py"
FIXTURES = REPO / "tests" / "fixtures"
SAMPLE = REPO / "examples" / "sample-ilacs-report.pdf"
INDEX_FILES = {"tests/fixtures/manifest.json", "tests/fixtures/README.md"}


def _generate(root: Path) -> dict[str, bytes]:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out-dir", str(root)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _generate(tmp_path_factory.mktemp("fixtures"))


def test_regenerated_files_match_the_committed_ones(generated: dict[str, bytes]) -> None:
    assert "examples/sample-ilacs-report.pdf" in generated
    stale = []
    for relative, data in generated.items():
        committed = REPO / relative
        if not committed.is_file() or committed.read_bytes() != data:
            stale.append(relative)
    assert not stale, f"out of date (run `make fixtures` and commit): {stale}"


def test_generation_is_repeatable(generated: dict[str, bytes], tmp_path: Path) -> None:
    assert _generate(tmp_path) == generated


def test_manifest_describes_every_generated_file(generated: dict[str, bytes]) -> None:
    manifest = json.loads(generated["tests/fixtures/manifest.json"])
    described = {entry["file"] for entry in manifest}
    assert described == set(generated) - INDEX_FILES
    readme = generated["tests/fixtures/README.md"].decode("utf-8")
    for name in described:
        assert name.rsplit("/", 1)[-1] in readme


def _valid_pdfs(generated: dict[str, bytes]) -> list[str]:
    manifest = json.loads(generated["tests/fixtures/manifest.json"])
    bad_ok = {"scanned_no_text.pdf", "encrypted.pdf"}
    return [
        entry["file"]
        for entry in manifest
        if entry["file"].endswith(".pdf")
        and ("expect_error" not in entry or entry["file"].rsplit("/", 1)[-1] in bad_ok)
    ]


def test_xref_offsets_point_at_their_objects(generated: dict[str, bytes]) -> None:
    for name in _valid_pdfs(generated):
        data = generated[name]
        match = re.search(rb"startxref\n(\d+)\n%%EOF\n$", data)
        assert match, name
        start = int(match.group(1))
        head = re.match(rb"xref\n0 (\d+)\n", data[start:])
        assert head, name
        table = start + head.end()
        for number in range(1, int(head.group(1))):
            entry = data[table + 20 * number : table + 20 * number + 20]
            assert entry.endswith(b" n \n"), (name, number)
            assert data[int(entry[:10]) :].startswith(b"%d 0 obj" % number), (name, number)


def test_sample_table_grade_straddles_its_label() -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(SAMPLE) as pdf:
        words = pdf.pages[0].extract_words()
    overall = next(w for w in words if w["text"] == "Overall")
    grade_words = [w for w in words if abs(w["x0"] - 330) < 1]
    above = next(w for w in grade_words if w["text"] == "Requires" and w["top"] < overall["top"]
                 and overall["top"] - w["top"] < 10)  # fmt: skip
    below = next(w for w in grade_words if w["text"] == "to" and w["top"] > overall["top"])
    assert abs(overall["x0"] - 57) < 1
    assert above["top"] < overall["top"] < below["top"]
    assert below["top"] - overall["top"] < 10


def test_encrypted_fixture_needs_its_password() -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    path = FIXTURES / "bad" / "encrypted.pdf"
    with pytest.raises(Exception) as raised:  # pdfplumber wraps pdfminer's error
        pdfplumber.open(path)
    assert "Password" in repr(raised.value)
    with pdfplumber.open(path, password="secret") as pdf:
        text = pdf.pages[0].extract_text()
    assert "Inspection of Northwick local authority" in text
