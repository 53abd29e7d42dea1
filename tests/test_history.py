"""History across a council's reports: the lineage, previous grades, the change, the view."""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
from pathlib import Path

import pytest

from conftest import REPO
from inspectparse.history import MISSING, PREVIOUS_MISSING, across, lineage, matches_authority
from inspectparse.output import write_sqlite
from inspectparse.output.csvfile import TableCsvSink, write_table_csv
from inspectparse.output.rows import HISTORY_COLUMNS, history_values
from inspectparse.output.sink import SinkOptions
from inspectparse.profiles import profiles

sys.path.insert(0, str(REPO / "tests" / "output"))
from output_helpers import council, make_record, ok  # noqa: E402

OE = "overall_effectiveness"

HARROW = council()
BARNET = council("Barnet", gss="E09000003", dfe="302", urn="80448")


def _timeline():
    """One council's reports across three frameworks, out of date order."""
    return [
        make_record("h/ilacs-2023.pdf", kind="ilacs", start="2023-01-09",
                    grades={OE: "good"}, authority=HARROW),
        make_record("h/cp-2012.pdf", kind="child_protection_2012", start="2012-03-05",
                    grades={OE: "adequate"}, authority=HARROW),
        make_record("h/fv-2017.pdf", kind="ilacs_focused_visit", start="2017-06-01",
                    grades={}, authority=HARROW),
        make_record("h/sif-2015.pdf", kind="sif", start="2015-05-11",
                    grades={OE: "inadequate"}, authority=HARROW),
        make_record("h/ilacs-2019.pdf", kind="ilacs", start="2019-02-04",
                    grades={OE: "inadequate"}, authority=HARROW),
        make_record("h/ilacs-2026.pdf", kind="ilacs", start="2026-03-02", variant="no_overall",
                    grades={"help_and_protection": "good"}, authority=HARROW),
        # Another council, and reports that have no council: never in Harrow's history.
        make_record("b/sif-2016.pdf", kind="sif", start="2016-01-11",
                    grades={OE: "outstanding"}, authority=BARNET),
        make_record("x/unmatched.pdf", kind="sif", start="2014-01-06", grades={OE: "good"}),
        make_record("s/school.pdf", kind="school_section5", start="2014-01-06",
                    grades={OE: "good"}, authority=council("Northwick School", type="school")),
    ]


def _rows(records):
    return [row for rec in records for row in history_values(ok(rec))]


def _by_path(rows):
    return {Path(r["path"]).name: r for r in rows}


def test_lineage_is_declared_by_the_profiles() -> None:
    assert lineage() == {
        "child_protection_2012": OE,
        "sif": OE,
        "ilacs": OE,
    }
    for profile in profiles():
        keys = {j.key for j in profile.judgements}
        assert profile.overall_lineage is None or profile.overall_lineage in keys


def test_history_reads_the_overall_grade_across_frameworks() -> None:
    rows = across(_rows(_timeline()))
    assert [tuple(r) for r in rows] == [HISTORY_COLUMNS] * len(rows)
    got = _by_path(rows)
    assert set(got) == {
        "cp-2012.pdf", "sif-2015.pdf", "fv-2017.pdf", "ilacs-2019.pdf", "ilacs-2023.pdf",
        "ilacs-2026.pdf", "sif-2016.pdf",
    }  # no row for a report without a council, nor for a school
    expected = {
        # name: grade, code, previous grade, change, since when the grade has stood, latest
        "cp-2012.pdf": ("adequate", 3, None, None, "2012-03-05", 0),
        "sif-2015.pdf": ("inadequate", 4, "adequate", "declined", "2015-05-11", 0),
        "fv-2017.pdf": (None, None, None, None, None, 0),
        "ilacs-2019.pdf": ("inadequate", 4, "inadequate", "same", "2015-05-11", 0),
        "ilacs-2023.pdf": ("good", 2, "inadequate", "improved", "2023-01-09", 0),
        "ilacs-2026.pdf": (None, None, None, None, None, 1),
        "sif-2016.pdf": ("outstanding", 1, None, None, "2016-01-11", 1),
    }
    for name, (grade, code, previous, change, since, latest) in expected.items():
        row = got[name]
        assert (row["overall_grade"], row["overall_grade_code"]) == (grade, code), name
        assert (row["previous_grade"], row["change"]) == (previous, change), name
        assert (row["grade_since"], row["latest"]) == (since, latest), name
    assert got["ilacs-2019.pdf"]["previous_date"] == "2015-05-11"
    assert got["ilacs-2019.pdf"]["previous_kind"] == "sif"
    assert got["ilacs-2023.pdf"]["previous_grade_code"] == 4
    # Listed council by council, oldest first.
    harrow = [Path(r["path"]).name for r in rows if r["dfe_code"] == "310"]
    assert harrow == [
        "cp-2012.pdf", "sif-2015.pdf", "fv-2017.pdf", "ilacs-2019.pdf", "ilacs-2023.pdf",
        "ilacs-2026.pdf",
    ]


def test_a_reorganised_council_is_a_history_of_its_own() -> None:
    old = council("Northamptonshire", gss="E10000021", dfe="928", urn="80500")
    new = council("North Northamptonshire", gss="E06000061", dfe="940", urn="2637539")
    rows = across(_rows([
        make_record("n/sif.pdf", kind="sif", start="2019-01-07", grades={OE: "inadequate"},
                    authority=old),
        make_record("n/ilacs.pdf", kind="ilacs", start="2022-01-10", grades={OE: "good"},
                    authority=new),
    ]))
    assert [(r["dfe_code"], r["previous_grade"], r["latest"]) for r in rows] == [
        ("940", None, 1),
        ("928", None, 1),
    ]


def test_reports_on_the_same_day_keep_a_stable_order() -> None:
    records = [
        make_record(f"d/{name}.pdf", kind="sif", start="2016-01-11", grades={OE: grade},
                    authority=HARROW)
        for name, grade in (("one", "good"), ("two", "inadequate"))
    ]
    first = across(_rows(records))
    again = across(_rows(list(reversed(records))))
    assert first == again
    assert [r["change"] for r in first] == [None, "declined" if first[0]["overall_grade"] ==
                                            "good" else "improved"]


def test_the_same_report_at_two_paths_is_one_inspection() -> None:
    """A copy of a report in another folder or archive is the same inspection (the same
    sha256), as in the SQLite output: listed once, never its own previous grade, and the
    table does not multiply with the copies."""
    from inspectparse.outcome import InputId, Outcome

    records = _timeline()
    outcomes = [ok(rec) for rec in records]
    copies = [
        Outcome(InputId(f"copy{n}/{o.input.path}", o.input.member, o.input.sha256), record=o.record)
        for n in range(3)
        for o in outcomes
    ]
    once = across([row for o in outcomes for row in history_values(o)])
    with_copies = across([row for o in outcomes + copies for row in history_values(o)])
    assert with_copies == once
    assert len(once) == len(_rows(records))


def test_the_sqlite_view_gives_the_rows_the_table_gives(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    records = _timeline()
    write_sqlite(records, db)
    conn = sqlite3.connect(db)
    cursor = conn.execute("SELECT * FROM history ORDER BY authority_name, date, report_kind")
    header = tuple(d[0] for d in cursor.description)
    assert header == HISTORY_COLUMNS
    from_view = [dict(zip(header, row, strict=True)) for row in cursor]
    conn.close()
    from_records = across(_rows(records))
    for row in from_records:
        row["member"] = ""
    assert from_view == from_records


def test_history_csv_resumes_across_runs(tmp_path: Path) -> None:
    out = tmp_path / "history.csv"
    records = _timeline()
    sink = TableCsvSink.to_path(out, SinkOptions(table="history"))
    for rec in records[:3]:
        sink.write(ok(rec))
    sink.close()
    # A second run adds the rest: the previous grades are read across both runs.
    sink = TableCsvSink.to_path(out, SinkOptions(table="history"))
    for rec in records[3:]:
        sink.write(ok(rec))
    sink.close()
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == HISTORY_COLUMNS
    got = _by_path(rows)
    assert len(rows) == 7
    assert (got["ilacs-2019.pdf"]["previous_grade"], got["ilacs-2019.pdf"]["change"]) == (
        "inadequate",
        "same",
    )
    assert got["ilacs-2023.pdf"]["change"] == "improved"
    assert got["sif-2015.pdf"]["previous_grade"] == "adequate"

    buf = io.StringIO()
    write_table_csv(records, "history", buf)
    assert buf.getvalue() == out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("wanted", "found"),
    [("310", True), ("E09000015", True), ("80499", True), ("harrow", True),
     ("Borough Council", True), ("302", False), ("Barnet", False)],
)
def test_authority_is_matched_by_code_or_name(wanted: str, found: bool) -> None:
    row = {"authority_name": "Harrow", "provider": "Northwick Borough Council",
           "dfe_code": "310", "gss_code": "E09000015", "ofsted_urn": "80499"}
    assert matches_authority(row, wanted) is found


def test_a_grade_not_found_is_said_never_skipped(tmp_path: Path) -> None:
    missing = [{"code": "judgement_missing", "message": "not found", "severity": "review",
                "field": f"judgements.{OE}"}]
    records = [
        make_record("w/sif-2012.pdf", kind="sif", start="2012-01-09", grades={OE: "inadequate"},
                    authority=HARROW),
        make_record("w/sif-2015.pdf", kind="sif", start="2015-10-26", warnings=missing,
                    grades={"help_and_protection": "good"}, authority=HARROW),
        make_record("w/ilacs-2019.pdf", kind="ilacs", start="2019-02-25",
                    grades={OE: "inadequate"}, authority=HARROW),
    ]
    rows = across(_rows(records))
    got = _by_path(rows)
    gap, after = got["sif-2015.pdf"], got["ilacs-2019.pdf"]
    assert (gap["overall_grade"], gap["overall_missing"], gap["review"]) == (None, 1, MISSING)
    assert gap["previous_grade"] == "inadequate" and gap["change"] is None
    # Not "inadequate since 2012, same": the grade between was not found.
    assert (after["previous_date"], after["previous_kind"]) == ("2015-10-26", "sif")
    assert (after["previous_grade"], after["change"], after["grade_since"]) == (None, None, None)
    assert after["review"] == PREVIOUS_MISSING
    assert got["sif-2012.pdf"]["review"] is None

    db = tmp_path / "w.db"
    write_sqlite(records, db)
    conn = sqlite3.connect(db)
    cursor = conn.execute("SELECT * FROM history ORDER BY date")
    header = [d[0] for d in cursor.description]
    from_view = [dict(zip(header, row, strict=True)) for row in cursor]
    conn.close()
    for row in rows:
        row["member"] = ""
    assert from_view == rows


def test_extract_and_batch_offer_the_history_table(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from council_texts import write_council_reports
    from inspectparse.cli import main

    paths = write_council_reports(tmp_path / "in")
    runner = CliRunner()
    one = runner.invoke(main, ["extract", "--table", "history", str(paths[1])])
    assert one.exit_code == 0, one.stderr
    rows = list(csv.DictReader(io.StringIO(one.stdout)))
    assert [(r["authority_name"], r["overall_grade"], r["latest"]) for r in rows] == [
        ("Barnet", "good", "1")
    ]
    out = tmp_path / "history.csv"
    result = runner.invoke(main, ["batch", str(tmp_path / "in"), "--table", "history", "-o",
                                  str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["authority_name"], r["date"], r["change"]) for r in rows] == [
        ("Barnet", "2015-05-11", ""),
        ("Barnet", "2019-02-04", "improved"),
        ("Harrow", "2016-01-11", ""),
        ("Harrow", "2019-06-03", "declined"),
        ("Harrow", "2023-03-06", "same"),
    ]
    assert rows[-1]["grade_since"] == "2019-06-03"


def test_the_table_to_read_says_a_grade_was_not_found(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from inspectparse.cli import main

    missing = [{"code": "judgement_missing", "message": "not found", "severity": "review",
                "field": f"judgements.{OE}"}]
    records = [
        make_record("w/sif-2015.pdf", kind="sif", start="2015-10-26", warnings=missing,
                    grades={"help_and_protection": "good"}, authority=HARROW),
        make_record("w/ilacs-2019.pdf", kind="ilacs", start="2019-02-25",
                    grades={OE: "inadequate"}, authority=HARROW),
        make_record("w/fv-2020.pdf", kind="ilacs_focused_visit", start="2020-02-03",
                    grades={}, authority=HARROW),
    ]
    db = tmp_path / "w.db"
    write_sqlite(records, db)
    result = CliRunner().invoke(main, ["history", str(db)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()[1:]
    assert "sif" in lines[0] and "not found" in lines[0]  # its own grade
    assert "ilacs " in lines[1] and "inadequate" in lines[1] and "not found" in lines[1]
    assert "not found" not in lines[2]  # a focused visit has no overall grade to give
