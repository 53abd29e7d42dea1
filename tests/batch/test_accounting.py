"""Every input accounted for exactly once, with the real pipeline; exit codes; iter_batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from batch_helpers import (
    failing_task,
    fake_task,
    make_inputs,
    read_lines,
    statuses,
    write_plain_inputs,
)
from inspectparse.batch import (
    BatchSummary,
    iter_batch,
    run_batch,
)
from inspectparse.errors import ExitCode
from inspectparse.outcome import Outcome
from inspectparse.record import Record


def test_every_input_accounted_for_exactly_once(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([tmp_path / "in"], output=out, errors=errors, jobs=2, timeout=120)

    reports, failures = read_lines(out), read_lines(errors)
    assert all("report" in o for o in reports) and all("error" in o for o in failures)
    got = statuses(reports + failures)
    assert got == expected
    for obj in reports:  # each report is a valid record naming its own input
        record = Record.model_validate(obj)  # a batch line is the record itself
        assert (record.source.path, record.source.member) == (
            obj["source"]["path"],
            obj["source"]["member"],
        )
        assert record.source.sha256 == obj["source"]["sha256"]
    for obj in failures:
        assert obj["error"]["message"] and obj["source"]["sha256"]
    n_ok = sum(1 for s in expected.values() if s == "ok")
    assert summary.inputs == len(expected)
    assert (summary.converted, summary.failed, summary.skipped) == (n_ok, len(expected) - n_ok, 0)
    assert summary.exit_code == ExitCode.BATCH_PARTIAL
    assert summary.pages > 0 and sum(summary.by_kind.values()) == n_ok
    text = summary.format()
    assert "by status" in text and "unsupported_format" in text


def test_exit_codes_all_ok_and_all_failed(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "good", 2)
    ok = run_batch([tmp_path / "good"], output=tmp_path / "a.jsonl", task=fake_task, jobs=1)
    assert ok.exit_code == ExitCode.OK and ok.failed_total == 0
    bad = run_batch([tmp_path / "good"], output=tmp_path / "b.jsonl", task=failing_task, jobs=1)
    assert bad.exit_code == ExitCode.BATCH_ALL_FAILED
    lines = read_lines(tmp_path / "b.jsonl")
    assert {o["error"]["code"] for o in lines} == {"internal_error"}
    assert "ValueError: boom" in lines[0]["error"]["message"]
    empty = run_batch([tmp_path / "missing"], output=tmp_path / "c.jsonl", task=fake_task)
    assert empty.exit_code == ExitCode.BATCH_ALL_FAILED  # a missing path is a failed input
    # Nothing to convert (an empty folder) is not a success (issue 12): exit 9, said so.
    assert BatchSummary().exit_code == ExitCode.BATCH_ALL_FAILED
    assert "nothing to convert" in BatchSummary().format()


def test_iter_batch_yields_one_outcome_per_input(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    outcomes = list(iter_batch([tmp_path / "in"], task=fake_task, jobs=2))
    assert all(isinstance(o, Outcome) for o in outcomes)
    assert {(o.input.path, o.input.member) for o in outcomes} == set(expected)
    assert len(outcomes) == len(expected)


def test_a_repeated_archive_member_is_counted_once_and_said(tmp_path: Path) -> None:
    """A zip holding one member name twice with the same bytes: one record, and the summary
    counts the second as a repeat, so converted + failed + skipped + repeats = inputs."""
    import warnings
    import zipfile

    from batch_helpers import text_report

    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a/report.txt", text_report("Northwick"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of the repeated name
            zf.writestr("a/report.txt", text_report("Northwick"))
        zf.writestr("b/other.txt", text_report("Southmere"))
    out = tmp_path / "out.jsonl"
    first = run_batch([archive], output=out, task=fake_task, jobs=2)
    assert len(read_lines(out)) == 2
    assert (first.inputs, first.converted, first.repeats, first.skipped) == (3, 2, 1, 0)
    assert "2 converted, 0 failed, 1 repeated" in first.format()
    assert first.exit_code == ExitCode.OK

    again = run_batch([archive], output=out, task=fake_task, jobs=2)
    assert len(read_lines(out)) == 2
    assert (again.converted, again.failed, again.skipped, again.repeats) == (0, 0, 2, 1)
    # A rerun says that nothing was converted now (not "2 converted ... skipped").
    assert "0 converted, 0 failed, 2 already in the outputs (skipped)" in again.format()
    assert again.exit_code == ExitCode.OK


def test_iter_batch_yields_repeated_members_too(tmp_path: Path) -> None:
    """Without outputs, the library form gives one outcome per input, repeats included."""
    import warnings
    import zipfile

    from batch_helpers import text_report

    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zf.writestr("r.txt", text_report("Eastfold"))
        zf.writestr("r.txt", text_report("Eastfold"))
    assert len(list(iter_batch([archive], task=fake_task, jobs=1))) == 2


def test_the_summary_of_a_rerun_tells_stored_failures_apart(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], output=out, task=failing_task, jobs=1)
    again = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=1)
    assert (again.converted, again.skipped, again.skipped_failed) == (0, 2, 2)
    assert "2 already in the outputs (skipped; 2 of them failures)" in again.format()
    assert again.exit_code == ExitCode.BATCH_ALL_FAILED  # the stored failures still count


def test_an_archive_inside_an_archive_is_an_error_record_saying_what_to_do(tmp_path: Path) -> None:
    """A zip or tar member that is itself an archive is not opened (nor sent to the pipeline,
    which would say "batch reads archives" inside a batch): an unsupported_format record
    with its sha256, while a Word document inside the zip stays the pipeline's own error."""
    import io
    import tarfile
    import zipfile

    from batch_helpers import text_report

    inner_zip = io.BytesIO()
    with zipfile.ZipFile(inner_zip, "w") as zf:
        zf.writestr("r.txt", text_report("Westbury"))
    inner_tar = io.BytesIO()
    with tarfile.open(fileobj=inner_tar, mode="w:gz") as tar:
        info = tarfile.TarInfo("r.txt")
        info.size = len(text_report("Westbury"))
        tar.addfile(info, io.BytesIO(text_report("Westbury")))
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    archive = tmp_path / "outer.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("year/inner.zip", inner_zip.getvalue())
        zf.writestr("year/inner.tgz", inner_tar.getvalue())
        zf.writestr("year/letter.docx", docx.getvalue())
        zf.writestr("year/report.txt", text_report("Westbury"))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([archive], output=out, errors=errors, jobs=1)
    assert (summary.converted, summary.failed) == (1, 3)
    failed = {o["source"]["member"]: o for o in read_lines(errors)}
    for member, kind in (("year/inner.zip", "zip"), ("year/inner.tgz", "tar")):
        error = failed[member]["error"]
        assert error["code"] == "unsupported_format"
        assert f"itself a {kind} archive" in error["message"] and "extract it" in error["message"]
        assert failed[member]["source"]["sha256"]
    assert "Word document" in failed["year/letter.docx"]["error"]["message"]


def test_a_tar_member_that_is_a_link_or_no_file_is_an_error_record(tmp_path: Path) -> None:
    """A symbolic link's target is not in the archive, and a device holds nothing: each gets an
    error record naming the member and what to do, never silently left out; a hard link
    reads as the file it links to, and a folder entry is no input."""
    import io
    import tarfile

    from batch_helpers import text_report

    archive = tmp_path / "links.tar"
    report = text_report("Westbury")
    with tarfile.open(archive, "w") as tar:
        folder = tarfile.TarInfo("year")
        folder.type = tarfile.DIRTYPE
        tar.addfile(folder)
        info = tarfile.TarInfo("year/report.txt")
        info.size = len(report)
        tar.addfile(info, io.BytesIO(report))
        for name, kind, target in (
            ("year/copy.txt", tarfile.LNKTYPE, "year/report.txt"),
            ("year/linked.txt", tarfile.SYMTYPE, "/elsewhere/report.txt"),
            ("year/device", tarfile.CHRTYPE, ""),
        ):
            member = tarfile.TarInfo(name)
            member.type, member.linkname = kind, target
            tar.addfile(member)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([archive], output=out, errors=errors, jobs=1)
    assert (summary.converted, summary.failed) == (2, 2)
    assert sorted(o["source"]["member"] for o in read_lines(out)) == [
        "year/copy.txt",
        "year/report.txt",
    ]
    failed = {o["source"]["member"]: o["error"] for o in read_lines(errors)}
    assert set(failed) == {"year/linked.txt", "year/device"}
    assert {e["code"] for e in failed.values()} == {"unreadable"}, failed
    assert "symbolic link (to /elsewhere/report.txt)" in failed["year/linked.txt"]["message"]
    assert "tar -h" in failed["year/linked.txt"]["message"]
    assert "not a file" in failed["year/device"]["message"]


def test_links_between_the_members_of_a_compressed_tar_leave_it_read_in_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each link is an error record in its place, and the archive is opened twice in all (to
    list it, then to read it): never again from its start after each link (a .tar.gz is
    decompressed on every opening)."""
    import io
    import tarfile

    from batch_helpers import text_report

    archive = tmp_path / "mixed.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for n, town in enumerate(("Westbury", "Northwick", "Eastham")):
            report = text_report(town)
            info = tarfile.TarInfo(f"r{n}.txt")
            info.size = len(report)
            tar.addfile(info, io.BytesIO(report))
            link = tarfile.TarInfo(f"link{n}.txt")
            link.type, link.linkname = tarfile.SYMTYPE, f"/elsewhere/{n}.txt"
            tar.addfile(link)
    opened = []
    real_open = tarfile.open

    def counting_open(*args: Any, **kwargs: Any) -> tarfile.TarFile:
        opened.append(tuple(str(a) for a in args[:1]))
        return real_open(*args, **kwargs)

    monkeypatch.setattr(tarfile, "open", counting_open)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([archive], output=out, errors=errors, jobs=1)
    assert (summary.converted, summary.failed) == (3, 3)
    assert opened.count((str(archive),)) == 2
    assert [o["source"]["member"] for o in read_lines(errors)] == [
        "link0.txt",
        "link1.txt",
        "link2.txt",
    ]
