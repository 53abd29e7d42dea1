"""`inspectparse show`: a record as a person reads it, on a terminal and in a pipe."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

import inspectparse
from conftest import CORPUS, FIXTURES, REPO
from inspectparse.cli import main
from inspectparse.errors import ExitCode
from inspectparse.outcome import Outcome
from inspectparse.record import Grade
from inspectparse.show import (
    GRADE_STYLES,
    plain_text,
    print_outcomes,
    render_outcome,
    to_html,
    view,
)

BRENT = CORPUS / "reports" / "child_protection_2012" / "brent-2012-child-protection.txt"
SAMPLE = REPO / "examples" / "sample-ilacs-report.pdf"
BRENT_LIKE = FIXTURES / "brent_like.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _show(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> str:
    """`inspectparse show` in a real subprocess whose stdout is a pipe."""
    proc = subprocess.run(
        [sys.executable, "-m", "inspectparse", "show", *args],
        capture_output=True,
        input=stdin,
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode("utf-8")


def _check_brent(text: str) -> None:
    lines = text.splitlines()
    assert len(lines) < 60, len(lines)
    assert all(len(line) <= 100 for line in lines)
    assert lines[0] == "London Borough of Brent"
    assert "inspected 22 to 31 October 2012" in text
    assert "Pietro Battista" in text and "DfE 304" in text
    for label in ("Overall effectiveness", "Help and protection", "Quality of practice"):
        assert re.search(rf"^{label} +Adequate +\(3\)$", text, re.M), label
    assert re.search(r"^Leadership and governance +Adequate +\(3\)$", text, re.M)
    # The 12 recommendations, numbered, under their two timescales with who must act.
    numbers = [int(m) for m in re.findall(r"^ ?(\d+)\. ", text, re.M)]
    assert numbers == list(range(1, 13))
    immediately = text.index("Immediately (Areas for improvement) · urgency: immediate")
    within = text.index("Within three months (Areas for improvement) · urgency: within 3 months")
    assert immediately < text.index("\n1. ") < within < text.index("\n 8. ")
    flat = " ".join(text.split())  # phrases may wrap
    assert flat.count("who must act: the local authority and its partners") == 2
    assert "(who: the Brent Safeguarding Children Board)" in flat
    assert "Check by hand (1)" in text and "source.pages" in text


@pytest.mark.corpus
def test_brent_on_a_pipe_fits_one_screen(corpus: Path) -> None:
    text = _show(str(BRENT))
    assert not ANSI.search(text) and not re.search(r" $", text, re.M)  # plain text
    _check_brent(text)


@pytest.mark.corpus
def test_brent_on_a_terminal_has_colour(corpus: Path) -> None:
    # rich's own capture of a terminal console: colour codes, and the same lines.
    console = Console(force_terminal=True, color_system="standard", width=100)
    with console.capture() as capture:
        render_outcome(console, Outcome.from_record(inspectparse.extract(BRENT)))
    coloured = capture.get()
    assert "\x1b[33mAdequate" in coloured  # adequate in yellow
    assert "\x1b[1;31m" in coloured  # "immediate" in bold red
    _check_brent("\n".join(line.rstrip() for line in ANSI.sub("", coloured).splitlines()))


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    record = inspectparse.extract(SAMPLE)
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = Terminal()
    print_outcomes([Outcome.from_record(record)], terminal, width=100)
    assert ANSI.search(terminal.getvalue())
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    print_outcomes([Outcome.from_record(record)], plain, width=100)
    assert not ANSI.search(plain.getvalue())
    assert plain.getvalue() == plain_text(record, width=100)
    pipe = io.StringIO()
    monkeypatch.delenv("NO_COLOR")
    print_outcomes([Outcome.from_record(record)], pipe, width=100)
    assert pipe.getvalue() == plain.getvalue()


def test_every_grade_has_a_colour() -> None:
    from typing import get_args

    assert set(GRADE_STYLES) == set(get_args(Grade))


@pytest.mark.corpus
def test_show_runs_on_every_corpus_report(corpus: Path) -> None:
    failures = []
    files = sorted(p for p in (corpus / "reports").rglob("*") if p.is_file())
    assert len(files) > 90
    for path in files:
        try:
            text = plain_text(inspectparse.extract(path), width=100, paragraphs=True)
            assert text.splitlines()[0].strip() and "What must improve (" in text
        except Exception as exc:  # noqa: BLE001 - collect every failing report
            failures.append(f"{path.name}: {exc!r}")
    assert failures == []


def test_a_saved_record_a_batch_line_and_stdin_show_the_same(tmp_path: Path) -> None:
    from_report = _show(str(BRENT_LIKE))
    record = tmp_path / "record.json"
    CliRunner().invoke(main, ["extract", "--pretty", str(BRENT_LIKE), "-o", str(record)])
    assert _show(str(record)) == from_report
    assert _show("-", stdin=record.read_bytes()) == from_report
    data = json.loads(record.read_text(encoding="utf-8"))
    # A line written before schema 1.4: the record under "report", no urgency yet.
    for item in data["recommendations"]:
        del item["urgency"]
    old = {"source": {"path": data["source"]["path"], "sha256": "x", "member": None}}
    error = {
        "source": {"path": "bad.pdf", "sha256": None, "member": None},
        "error": {"code": "unsupported_format", "message": "an HTML page"},
    }
    lines = "\n".join(json.dumps(o) for o in ({**old, "report": data}, error)) + "\n"
    text = _show("-", stdin=lines.encode("utf-8"))
    assert text.startswith(from_report)  # urgency derived for the old record
    assert "bad.pdf: failed, unsupported_format: an HTML page" in text


def test_json_that_is_no_record_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"name": "not a record"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "x.json")])
    assert result.exit_code == ExitCode.INPUT_UNREADABLE
    assert "neither a record nor a batch line" in result.stderr
    missing = CliRunner().invoke(main, ["show", str(tmp_path / "missing.pdf")])
    assert missing.exit_code == ExitCode.INPUT_UNREADABLE and "no such file" in missing.stderr
    folder = CliRunner().invoke(main, ["show", str(tmp_path)])
    assert folder.exit_code == ExitCode.INPUT_UNREADABLE and "inspectparse batch" in folder.stderr


def test_paragraphs_are_listed_with_their_numbers() -> None:
    record = inspectparse.extract(SAMPLE)
    numbers = [p.number for p in record.paragraphs if p.number is not None]
    without = plain_text(record, width=100)
    text = plain_text(record, width=100, paragraphs=True)
    assert f"{len(numbers)} numbered paragraphs ({numbers[0]}-{numbers[-1]})" in without
    listed = text[text.index("Numbered paragraphs") :]
    assert [int(n) for n in re.findall(r"^ *(\d+)\. ", listed, re.M)] == numbers
    assert "Numbered paragraphs" not in without


def test_record_text_is_never_read_as_markup_and_html_is_escaped() -> None:
    data = inspectparse.extract(BRENT_LIKE).model_dump(mode="json")
    data["report"]["provider"] = "Northwick [bold]Council[/bold] <script>"
    data["recommendations"][0]["text"] = "ensure [red]that[/] plans <b>work</b>"
    text = plain_text(data)
    assert "Northwick [bold]Council[/bold] <script>" in text
    assert "ensure [red]that[/] plans <b>work</b>" in text
    page = to_html(data)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;work" in page


def test_a_record_in_python_is_short_and_a_notebook_gets_the_view() -> None:
    record = inspectparse.extract(SAMPLE)
    text = repr(record)
    assert text.startswith("Record(kind='ilacs', provider='Northwick', date='2023-09-15'")
    assert len(text) < 500 and str(record) == text
    page = record._repr_html_()
    assert page.startswith("<div>") and "Northwick" in page and len(page) < 10_000
    assert page == to_html(record)
    console = Console(width=100, color_system=None)
    with console.capture() as capture:
        console.print(record)  # rich uses the same view
    assert capture.get().splitlines()[0] == "Northwick"
    assert view(record).judgements[0].label == "Impact of leaders"
