"""The batch command: registered, documented, exit codes, conflicting options."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from batch_helpers import BATCH_CLI, cli_env, write_plain_inputs
from inspectparse.cli.errors import CLOSED_PIPE
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


def test_a_closed_stdout_pipe_is_quiet(tmp_path: Path) -> None:
    """`inspectparse batch DIR | true`: the reader is gone before the first line."""
    write_plain_inputs(tmp_path / "in", 3)
    err = tmp_path / "stderr.txt"
    cli = " ".join(f"'{a}'" for a in BATCH_CLI)
    task = "--task batch_helpers:fake_task --jobs 1 -q"
    status = 'echo "${PIPESTATUS[0]}"'
    proc = subprocess.run(
        ["bash", "-c", f'{cli} "{tmp_path / "in"}" {task} 2>"{err}" | true; {status}'],
        capture_output=True,
        text=True,
        env=cli_env(),
        check=True,
        timeout=120,
    )
    assert proc.stdout.strip() == str(int(CLOSED_PIPE))
    assert err.read_text() == ""
