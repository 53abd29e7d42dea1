"""`scripts/scaling.py` stays runnable: every shape is built and read at small sizes.

Whether a shape grows linearly is the script's own (timed) verdict, run by hand; no test here
asserts a time.
"""

from __future__ import annotations

import pytest

from repo_scripts import load_script

scaling = load_script("scaling")


def test_every_shape_is_read_at_small_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    rows = scaling.run(sorted(scaling.SHAPES), 60, 2)
    assert [row[0] for row in rows] == sorted(scaling.SHAPES)
    outcomes = {row[0]: row[4] for row in rows}
    # Report-like shapes are read as their kind; the rest are `unknown`, never an error.
    assert outcomes["send-table"] == "area_send"
    assert outcomes["item-runs-on"] == "ilacs"
    assert set(outcomes.values()) <= {"area_send", "ilacs", "unknown"}
    printed = capsys.readouterr().out
    assert printed.count("\n") == len(rows)


def test_the_check_flag_turns_a_marked_shape_into_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scaling, "GROWTH_LIMIT", -1.0)  # every shape marked
    assert scaling.main(["--small", "40", "--factor", "2", "--shape", "csv", "--check"]) == 1
    assert scaling.main(["--small", "40", "--factor", "2", "--shape", "csv"]) == 0
