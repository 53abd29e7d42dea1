"""Finding inputs: files, folders, globs, archive members; the outputs are never inputs."""

from __future__ import annotations

from pathlib import Path

from batch_helpers import (
    _zip_bytes,
    fake_task,
    make_inputs,
    read_lines,
    write_plain_inputs,
)
from inspectparse.batch import (
    expand_inputs,
    run_batch,
)


def test_expand_inputs_finds_every_file_and_archive_member(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    refs = expand_inputs([tmp_path / "in"])
    keys = [(r.path, r.member) for r in refs]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(expected)
    assert all(r.error is None for r in refs)
    by_key = {(r.path, r.member): r for r in refs}
    assert (
        by_key[(str(tmp_path / "in" / "bundle.dat"), "a/inner.txt")].rel == "bundle.dat/a/inner.txt"
    )
    assert by_key[(str(tmp_path / "in" / "reports" / "westbrook.pdf"), None)].rel == (
        "reports/westbrook.pdf"
    )
    # Same order twice: resume and --output-dir rely on it.
    assert [(r.path, r.member) for r in expand_inputs([tmp_path / "in"])] == keys


def test_expand_inputs_globs_missing_paths_and_special_cases(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in")
    refs = expand_inputs([str(tmp_path / "in" / "reports" / "*.txt"), tmp_path / "nope.pdf"])
    found = {(Path(r.path).name, r.error[0] if r.error else None) for r in refs}
    assert found == {("eastmoor.txt", None), ("latin1.txt", None), ("nope.pdf", "not_found")}
    assert expand_inputs([str(tmp_path / "none-*.pdf")])[0].error[0] == "not_found"

    # A Word file is a zip, but one input, not a folder of XML members.
    docx = tmp_path / "letter.docx"
    docx.write_bytes(_zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}))
    (ref,) = expand_inputs([docx])
    assert ref.member is None and ref.container == "file"

    # A member trying to escape keeps its name, but its output path stays inside.
    evil = tmp_path / "evil.zip"
    evil.write_bytes(_zip_bytes({"../../etc/evil.txt": b"x", "/abs.txt": b"y"}))
    rels = sorted(r.rel for r in expand_inputs([evil]))
    assert rels == ["evil.zip/abs.txt", "evil.zip/etc/evil.txt"]

    # A damaged archive is an input with an error record, not a crash.
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (ref,) = expand_inputs([broken])
    assert ref.error is not None and ref.error[0] == "unreadable"


def test_outputs_inside_the_input_folder_are_not_inputs(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        summary = run_batch(
            [tmp_path], output=out, sqlite=tmp_path / "o.db", task=fake_task, jobs=1
        )
        assert summary.inputs == 3
    assert len(read_lines(out)) == 3
