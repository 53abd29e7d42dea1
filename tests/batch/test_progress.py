"""Progress: drawn only on a terminal, and never on stdout."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from batch_helpers import (
    fake_task,
    write_plain_inputs,
)
from inspectparse.batch import (
    NullProgress,
    RichProgress,
    make_progress,
    run_batch,
)


def test_progress_is_off_unless_stderr_is_a_terminal() -> None:
    assert isinstance(make_progress(quiet=False, stream=io.StringIO()), NullProgress)
    assert isinstance(make_progress(quiet=True), NullProgress)


def test_rich_progress_never_writes_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_plain_inputs(tmp_path / "in", 3)
    progress = RichProgress()
    summary = run_batch(
        [tmp_path / "in"], output=tmp_path / "o.jsonl", task=fake_task, jobs=1, progress=progress
    )
    assert summary.converted == 3
    assert capsys.readouterr().out == ""
