"""The README is checked against the code, in the manner of sqlite-utils' test_docs.py.

Every command is documented and has help; the exit-code and error-code tables are exactly the
enums; and the README's commands run, in a folder holding the repo's own sample reports under
the names the README uses.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import inspectparse
from conftest import FIXTURES, REPO
from inspectparse.cli import main
from inspectparse.errors import ErrorCode, ExitCode, InspectparseError

README = (REPO / "README.md").read_text(encoding="utf-8")
SAMPLE = REPO / "examples" / "sample-ilacs-report.pdf"
BIN = Path(sys.executable).parent


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end >= 0 else None]


def _table(title: str) -> list[list[str]]:
    """The rows of the first table in a README section, cells stripped, header and rule left out."""
    rows = [line for line in _section(title).splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_documented_and_has_help(name: str) -> None:
    assert f"inspectparse {name}" in README
    command = main.commands[name]
    assert command.help and command.help.strip()
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_exit_code_table_is_exactly_exit_code() -> None:
    table = {int(code): meaning for code, meaning in _table("Exit codes")}
    assert set(table) == {int(c) for c in ExitCode}
    for code in ExitCode:
        assert table[int(code)].startswith(code.summary), code


def test_error_code_table_is_exactly_error_code() -> None:
    rows = {code.strip("`"): exit_code for code, exit_code, _meaning in _table("Error codes")}
    assert set(rows) == {c.value for c in ErrorCode}
    classes: list[type[InspectparseError]] = [InspectparseError, *_subclasses(InspectparseError)]
    by_code = {cls.code: cls.exit_code for cls in classes}
    for code, exit_code in rows.items():
        # A code some error class raises shows that class's exit code; the others are batch's.
        assert exit_code == (str(int(by_code[code])) if code in by_code else "-"), code


def _subclasses(cls: type[InspectparseError]) -> list[type[InspectparseError]]:
    out: list[type[InspectparseError]] = []
    for sub in cls.__subclasses__():
        out += [sub, *_subclasses(sub)]
    return out


# --- the README's commands ---------------------------------------------------------------------


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def _shell_commands() -> list[str]:
    lines = [line.strip() for block in _blocks("sh") for line in block.splitlines()]
    # `make demo` / `make test` set up the checkout this runs in (and would run this test).
    return [line for line in lines if line and not line.startswith(("#", "make "))]


def _programs(command: str) -> list[str]:
    stages = shlex.split(command.split("#")[0].replace("|", " | "))
    return [stages[0], *(stages[i + 1] for i, word in enumerate(stages) if word == "|")]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the repo's sample reports under the names the README gives them."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copy(SAMPLE, root / "report.pdf")
    shutil.copy(SAMPLE, root / "r.pdf")
    shutil.copy(FIXTURES / "brent_like.txt", root / "report.txt")
    reports = root / "reports"
    (reports / "2023").mkdir(parents=True)
    shutil.copy(SAMPLE, reports / "2023" / "northwick.pdf")
    shutil.copy(FIXTURES / "ilacs_2018_synthetic.pdf", reports / "ilacs_2018.pdf")
    shutil.copy(FIXTURES / "brent_like_consistent.txt", reports / "northwick-2012.txt")
    with zipfile.ZipFile(root / "archive.zip", "w") as zf:
        zf.write(FIXTURES / "brent_like.txt", "letters/northwick.txt")
    with tarfile.open(root / "scraped.tar.gz", "w:gz") as tf:
        tf.add(FIXTURES / "ilacs_2026_synthetic.pdf", "scraped/ilacs_2026.pdf")
    return root


@pytest.mark.parametrize("command", _shell_commands())
def test_readme_command_runs(command: str, sandbox: Path) -> None:
    missing = [
        p for p in _programs(command) if shutil.which(p, path=f"{BIN}:/usr/bin:/bin") is None
    ]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed")
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(sandbox), "LC_ALL": "C.UTF-8"}
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=sandbox,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")


def test_readme_python_runs(sandbox: Path) -> None:
    code = "\n".join(_blocks("python"))
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=sandbox, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    # The block prints one line per recommendation of the sample report, and nothing else.
    recommendations = inspectparse.extract(SAMPLE).recommendations
    assert len(recommendations) > 0
    assert len(proc.stdout.splitlines()) == len(recommendations)
