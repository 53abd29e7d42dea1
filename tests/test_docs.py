"""The README is checked against the code, in the manner of sqlite-utils' test_docs.py.

Every command is documented and has help; the exit-code and error-code tables are exactly the
enums; the README's commands run, in a folder holding the repo's own sample reports under the
names the README uses: each line of a `sh` block on its own, each recipe (a `bash` block under
"Recipes") as one script, checked for the answer it promises. `shell` blocks (installing) are
checked against the checkout instead of run.
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
from typing import Any

import pytest
from click.testing import CliRunner

import inspectparse
from conftest import FIXTURES, REPO
from council_texts import DFE_TABLE, write_council_reports
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


def test_warning_code_table_is_exactly_warning_codes() -> None:
    """The README's warning table is `record.WARNING_CODES` as it stands: code, field, severity
    and meaning, in order."""
    from inspectparse.record import WARNING_CODES

    start = README.index("Every warning code")
    lines = README[start:].split("\n\n", 2)[1].splitlines()
    rows = [[cell.strip() for cell in row.strip("|").split("|")] for row in lines[2:]]
    want = [
        [f"`{code}`", f"`{spec.field}`", spec.severity, spec.meaning]
        for code, spec in WARNING_CODES.items()
    ]
    assert rows == want


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
    return _make_sandbox(tmp_path_factory.mktemp("readme"))


def _make_sandbox(root: Path) -> Path:
    """A folder with the repo's sample reports under the names the README gives them."""
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
    # Councils the lookup knows, across frameworks (history, search and join recipes).
    write_council_reports(reports / "councils")
    (root / "children-in-need.csv").write_text(DFE_TABLE, encoding="utf-8")
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


# --- recipes and installing --------------------------------------------------------------------


def _recipes() -> dict[str, str]:
    """Each recipe's title and its script (the `bash` block under its heading)."""
    recipes = {}
    for part in re.split(r"\n### ", _section("Recipes"))[1:]:
        title = part.splitlines()[0].strip()
        found = re.search(r"```bash\n(.*?)```", part, flags=re.S)
        assert found, f"recipe {title!r} has no bash block"
        recipes[title] = found.group(1)
    return recipes


def _reports(root: Path) -> list[Any]:
    return [inspectparse.extract(p) for p in sorted((root / "reports").rglob("*")) if p.is_file()]


def _grades_in_excel(root: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(root / "grades.xlsx", read_only=True)
    rows = list(book["Reports"].iter_rows(values_only=True))
    book.close()
    header, body = rows[0], rows[1:]
    records = _reports(root)
    assert len(body) == len(records) == 8
    grades = {(r[header.index("provider")], r[header.index("overall_effectiveness")]) for r in body}
    want = {(r.report.provider, r.grades.get("overall_effectiveness")) for r in records}
    assert grades == want
    assert "overall_effectiveness_code" in header and "dfe_code" in header


def _immediate_since(root: Path) -> None:
    import csv

    with (root / "immediate.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    want = [
        (r.report.provider, rec.text)
        for r in _reports(root)
        for rec in r.recommendations
        if rec.urgency == "immediate"
        and str(r.report.inspection_end or r.report.letter_date) >= "2012-01-01"
    ]
    assert len(want) > 0
    assert sorted((row["provider"], row["text"]) for row in rows) == sorted(want)
    assert all(row["inspection_end"] >= "2012-01-01" for row in rows)


def _checklist(root: Path) -> None:
    lines = (root / "checklist.md").read_text(encoding="utf-8").splitlines()
    items = [
        r
        for rec in _reports(root)
        if "Northwick" in (rec.report.provider or "")
        for r in rec.recommendations
    ]
    assert len(items) > 0 and len(lines) == len(items)
    assert all(line.startswith("- [ ] ") for line in lines)
    assert {line[6:].rsplit(" (", 1)[0] for line in lines} == {r.text for r in items}


def _timelines(root: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    """Each council's (date, kind, overall grade) in date order, read from the records here,
    not from the history module: the recipes' answers are checked independently."""
    lineage = {"child_protection_2012", "sif", "ilacs"}
    out: dict[str, list[tuple[str, str, str | None]]] = {}
    for rec in _reports(root):
        authority = rec.report.authority
        if authority is None or rec.report.kind not in lineage:
            continue
        date = str(rec.report.inspection_start)
        out.setdefault(authority.name, []).append(
            (date, rec.report.kind, rec.grades.get("overall_effectiveness"))
        )
    return {name: sorted(rows) for name, rows in out.items()}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _inadequate_now(root: Path) -> None:
    want = []
    for name, rows in _timelines(root).items():
        date, kind, grade = rows[-1]
        if grade == "inadequate":
            since = date
            for earlier_date, _, earlier in reversed(rows[:-1]):
                if earlier != "inadequate":
                    break
                since = earlier_date
            want.append((name, date, kind, since))
    assert want == [("Harrow", "2023-03-06", "ilacs", "2019-06-03")]
    got = [(r["authority_name"], r["last_inspected"], r["report_kind"], r["grade_since"])
           for r in _csv_rows(root / "inadequate.csv")]
    assert got == want


def _council_moves(root: Path) -> None:
    rows = _csv_rows(root / "barnet.csv")
    timeline = _timelines(root)["Barnet"]
    assert [(r["date"], r["report_kind"], r["overall_grade"]) for r in rows] == timeline
    assert [r["previous_grade"] for r in rows] == [""] + [g or "" for _, _, g in timeline[:-1]]
    assert [r["change"] for r in rows] == ["", "improved"]  # inadequate, then good


def _exploitation(root: Path) -> None:
    import csv

    with (root / "exploitation.csv").open(encoding="utf-8", newline="") as fh:
        got = sorted(tuple(row) for row in csv.reader(fh))
    want = sorted(
        ((r.report.authority.name if r.report.authority else r.report.provider) or "",
         str(r.report.inspection_start), rec.text)
        for r in _reports(root)
        for rec in r.recommendations
        if rec.urgency == "immediate" and "exploit" in rec.text.lower()
    )
    assert len(want) > 0 and got == want


def _dfe_join(root: Path) -> None:
    import csv
    import io

    latest = {name: rows[-1] for name, rows in _timelines(root).items()}
    codes = {"Barnet": "302", "Harrow": "310"}
    dfe = list(csv.DictReader(io.StringIO(DFE_TABLE)))
    want = [
        (name, codes[name], latest[name][2], latest[name][0], d["time_period"], d["cin_rate"])
        for name in sorted(latest)
        for d in sorted(dfe, key=lambda d: d["time_period"])
        if d["old_la_code"] == codes[name]
    ]
    got = [(r["authority_name"], r["dfe_code"], r["overall_grade"], r["date"], r["time_period"],
            r["cin_rate"]) for r in _csv_rows(root / "joined.csv")]
    assert len(want) == 3 and got == want


_RECIPE_ANSWERS = {
    "All councils' grades into Excel": _grades_in_excel,
    "Every immediate recommendation since a date": _immediate_since,
    "One council's recommendations as a checklist": _checklist,
    "Which councils are inadequate now, and since when?": _inadequate_now,
    "How has this council moved across its inspections?": _council_moves,
    "Which councils were told to act immediately on exploitation?": _exploitation,
    "Join this to the DfE's own tables": _dfe_join,
}


def test_history_lineage_table_is_the_profiles() -> None:
    from inspectparse.history import lineage
    from inspectparse.profiles import get

    section = _section("History across inspections")
    tables = re.findall(r"((?:^\|.*\|\n)+)", section, flags=re.M)
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in
            tables[1].splitlines()[2:]]
    documented = {re.search(r"\(`(\w+)`\)", kind).group(1): key.strip("`")
                  for kind, key, _ in rows}
    assert documented == lineage()
    for kind, cells in zip(documented, rows, strict=True):
        profile = get(kind)
        assert profile is not None
        printed = [g.replace("_", " ") for g in profile.grades]
        assert [g.split(" (")[0] for g in cells[2].split(", ")] == printed, kind


def test_every_recipe_is_checked() -> None:
    assert set(_recipes()) == set(_RECIPE_ANSWERS)


@pytest.mark.parametrize("title", sorted(_RECIPE_ANSWERS))
def test_readme_recipe_gives_its_answer(title: str, tmp_path: Path) -> None:
    script = _recipes()[title]
    root = _make_sandbox(tmp_path)  # its own: no output of another command is there
    # The programs a recipe runs start its unindented lines (indented ones continue a command).
    programs = {m.group(1) for line in script.splitlines() if (m := re.match(r"(\w+)\s", line))}
    missing = [p for p in programs if shutil.which(p, path=f"{BIN}:/usr/bin:/bin") is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed")
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(root), "LC_ALL": "C.UTF-8"}
    proc = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    _RECIPE_ANSWERS[title](root)


def test_install_instructions_match_the_checkout() -> None:
    install = _section("Install")
    commands = [
        line.split("#")[0].strip()
        for block in re.findall(r"```shell\n(.*?)```", install, flags=re.S)
        for line in block.splitlines()
    ]
    assert "pipx install ." in commands and "make install" in commands
    # `pipx install .` installs the console script the project declares.
    assert 'inspectparse = "inspectparse.cli:main"' in (REPO / "pyproject.toml").read_text()
    activate = REPO / ".venv" / "bin" / "activate"
    if not activate.exists():
        pytest.skip("no .venv in this checkout (make install creates it)")
    proc = subprocess.run(
        ["bash", "-c", "source .venv/bin/activate && inspectparse --version"],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "HOME": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("inspectparse"), proc.stderr
