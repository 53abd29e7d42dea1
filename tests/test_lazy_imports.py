"""`--help`, the API import and text input must not pay for a PDF engine (pdfminer alone is
~150 ms to import): the engines are imported inside the loaders that use them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HEAVY = ("pdfplumber", "pdfminer", "pypdfium2", "pypdfium2_raw")
REPO = Path(__file__).resolve().parents[1]
TEXT_REPORT = (
    "Inspection of children's social care services\n\n"
    "Inspection dates: 1 to 5 May 2023\n\n"
    "1. The local authority has made steady progress since the last inspection.\n"
)


def loaded_after(code: str) -> list[str]:
    """Run `code` in a fresh interpreter; return which heavy modules it left imported."""
    probe = textwrap.dedent(code) + textwrap.dedent(f"""
        import sys
        print(",".join(m for m in {HEAVY!r} if m in sys.modules))
    """)
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    return [m for m in last.split(",") if m]


def test_importing_the_api_imports_no_pdf_engine() -> None:
    assert loaded_after("import inspectparse, inspectparse.api, inspectparse.cli") == []


def test_importing_the_engine_modules_imports_no_pdf_library() -> None:
    code = "import inspectparse.load.pdfium_engine, inspectparse.load.pdfplumber_engine"
    assert loaded_after(code) == []


def test_help_imports_no_pdf_engine() -> None:
    code = """
        import contextlib, io
        from inspectparse.cli import main
        with contextlib.redirect_stdout(io.StringIO()) as out:
            try:
                main(["--help"])
            except SystemExit as exit:
                assert exit.code in (0, None), exit.code
        assert "Usage" in out.getvalue()
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                main(["extract", "--help"])
            except SystemExit as exit:
                assert exit.code in (0, None), exit.code
    """
    assert loaded_after(code) == []


def test_text_input_imports_no_pdf_engine() -> None:
    code = f"""
        import inspectparse
        record = inspectparse.extract({TEXT_REPORT.encode()!r})
        assert record.source.format == "text"
    """
    assert loaded_after(code) == []


@pytest.mark.parametrize(
    ("engine", "module"), [("pdfium", "pypdfium2"), ("pdfplumber", "pdfplumber")]
)
def test_probe_sees_an_engine_once_a_pdf_is_read(engine: str, module: str) -> None:
    # Guards the probe itself: reading a PDF does import the engine it names.
    code = f"""
        from inspectparse.load import load
        try:
            load(b"%PDF-1.4 not really a pdf", engine={engine!r})
        except Exception:
            pass
    """
    assert module in loaded_after(code)


def test_help_imports_neither_the_batch_machinery_nor_the_writers() -> None:
    # `--help` reads the choices from the library's declarations, and nothing more.
    code = """
        import sys
        from inspectparse.cli import main
        try:
            main(["--help"])
        except SystemExit:
            pass
        heavy = ("multiprocessing", "tarfile", "sqlite3", "tempfile", "pydantic",
                 "inspectparse.batch.pool", "inspectparse.output.sqlitedb", "inspectparse.api")
        print("heavy:" + ",".join(m for m in heavy if m in sys.modules))
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "heavy:"
