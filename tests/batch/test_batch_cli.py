"""The batch command: registered, documented, exit codes, conflicting options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from batch_helpers import (
    write_plain_inputs,
)
from inspectparse.errors import ExitCode


def test_cli_is_registered_and_documented() -> None:
    from click.testing import CliRunner

    from inspectparse.cli import main

    assert "batch" in main.commands
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--output-dir" in result.output


@pytest.mark.parametrize(
    ("task", "code"),
    [("fake_task", 6), ("failing_task", 9)],
)
def test_cli_exit_codes(tmp_path: Path, task: str, code: int) -> None:
    from click.testing import CliRunner

    from inspectparse.cli.batch import batch

    write_plain_inputs(tmp_path / "in", 2)
    (tmp_path / "in" / "junk.bin").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(
        batch, [str(tmp_path / "in"), "--task", f"batch_helpers:{task}", "--jobs", "1"]
    )
    assert result.exit_code == code, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3


def test_cli_rejects_conflicting_options(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from inspectparse.cli.batch import batch

    result = CliRunner().invoke(
        batch, [str(tmp_path), "--table", "paragraphs", "--format", "jsonl"]
    )
    assert result.exit_code == ExitCode.USAGE
    result = CliRunner().invoke(batch, [str(tmp_path), "-o", "x.jsonl", "--errors", "x.jsonl"])
    assert result.exit_code == ExitCode.USAGE
