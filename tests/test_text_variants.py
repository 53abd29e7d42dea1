"""Text from converters that are not in the corpus: line ends, invisible and spacing characters,
encodings and markdown dialects that other tools write. Each variant of a synthetic report must
read exactly as its plain version does (synthetic "Northwick" text, never a real report's)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import inspectparse
from inspectparse.load.text import decode, load_text
from test_text_shapes import BODY, GRADES, HEAD, LABELS, MARKDOWN, WANT


def _facts(data: bytes) -> dict[str, object]:
    record = inspectparse.extract(data)
    return {
        "provider": record.report.provider,
        "lead": record.report.lead_inspector,
        "dates": (record.report.inspection_start, record.report.inspection_end),
        "grades": record.grades,
        "recommendations": [r.text for r in record.recommendations],
        "paragraphs": [(p.number, p.text) for p in record.paragraphs if p.number],
        "layout": record.source.text_layout,
    }


TABLE = "Judgement\nGrade\n" + "".join(
    f"{label}\n\n{grade}\n\n" for label, grade in zip(LABELS, GRADES, strict=True)
)
PLAIN = HEAD + TABLE + "\f" + BODY


def test_the_plain_report_reads_right() -> None:
    facts = _facts(PLAIN.encode())
    assert facts["grades"] == WANT and facts["lead"] == "Ada Quill"
    assert [n for n, _ in facts["paragraphs"]] == [1, 2, 3, 4]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r"), id="old-mac-cr"),
        pytest.param(lambda t: "\ufeff" + t, id="utf8-bom"),
        pytest.param(lambda t: t.replace(" ", "\u00a0", 40), id="no-break-spaces"),
        pytest.param(lambda t: t.replace("Families", "Fam\u00adi\u00adlies"), id="soft-hyphens"),
        pytest.param(
            lambda t: t.replace("area well and\n", "area well and chil\u00ad\ndren"),
            id="soft-hyphen-wrap",
        ),
        pytest.param(lambda t: t.replace("Social", "\u200bSocial"), id="zero-width-space"),
        pytest.param(lambda t: t.replace(" \n", "\n").replace("\n", "  \n"), id="trailing-spaces"),
        pytest.param(lambda t: t.replace("\n", "\u2028"), id="unicode-line-separators"),
    ],
)
def test_a_converter_variant_reads_as_the_plain_text(variant: object) -> None:
    plain = _facts(PLAIN.encode())
    text = variant(PLAIN)  # type: ignore[operator]
    got = _facts(text.encode())
    if "chil\u00ad" in text:  # the word wrapped with a soft hyphen is whole again
        assert any("area well and children" in t for _, t in got["paragraphs"])  # type: ignore[attr-defined]
        got["paragraphs"] = plain["paragraphs"]
    assert got == plain


def test_invisible_and_spacing_characters_are_normalised() -> None:
    assert decode("a\u00a0b\u200bc\u2028d\u00ade".encode()) == "a bc\nde"


def test_viewer_copy_without_page_breaks_reads_and_says_what_is_lost() -> None:
    """A viewer's copy and paste: no form feeds, so one page and a review warning on the
    source's pages, but every fact still read."""
    body = "".join(
        f"Inspectors found in part {n} that the work is recorded and checked by managers.\n\n"
        for n in range(60)
    )
    text = PLAIN.replace("\f", "\n\n") + "\n" + body
    record = inspectparse.extract(text.encode())
    assert record.grades == WANT and record.source.pages == 1
    assert {(w.code, w.field) for w in record.warnings} >= {
        ("text_without_page_breaks", "source.pages")
    }


def test_pandoc_style_markdown_reads_like_the_markitdown_style() -> None:
    """pandoc writes `-   ` bullets, `1.  ` items and escaped apostrophes: the same facts."""
    pandoc = (
        MARKDOWN.replace("- The timeliness", "-   The timeliness")
        .replace("* The quality", "-   The quality")
        .replace("1\\. Families", "1.  Families")
        .replace("children's social care", "children\\'s social care")
    )
    assert _facts(pandoc.encode()) == _facts(MARKDOWN.encode())


def test_markdown_with_crlf_and_no_page_rules_is_one_page_with_its_facts() -> None:
    text = MARKDOWN.replace("-----\n", "").replace("\n", "\r\n")
    document = load_text(text.encode())
    assert document.text_layout == "markdown" and document.page_count == 1
    assert inspectparse.extract(text.encode()).grades == WANT


def test_the_readme_pipe_recipe_reads_pdftotext_output_on_stdin(corpus: Path) -> None:
    """`pdftotext report.pdf - | inspectparse extract -` (README): the second half, fed the
    corpus's plain `pdftotext` text of a report, gives the PDF's judgements and real pages."""
    golds = [json.loads(ln) for ln in (corpus / "gold.jsonl").read_text("utf-8").splitlines()]
    gold = next(g for g in golds if g["kind"] == "ilacs")
    text = corpus / "text" / "pdftotext" / (gold["file"] + ".txt")
    if not text.exists():
        pytest.skip("the corpus has no pdftotext texts")
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "inspectparse"), "extract", "-"],
        input=text.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    record = json.loads(proc.stdout)
    assert {j["key"]: j["grade"] for j in record["judgements"]} == gold["judgements"]
    assert record["source"]["pages"] > 1


def test_a_bullet_wrapped_in_plain_text_stays_one_item() -> None:
    """Plain `pdftotext` wraps a bullet's text onto lines without the glyph; they are the
    bullet's, not a new paragraph, while the sentence is unfinished."""
    findings = (
        "Summary of findings\n\n"
        "\u2022 The quality of practice is not yet consistently good enough, and this\n"
        "includes the recording of visits made to children who are in care.\n"
        "\u2022 Plans are reviewed on time.\n\n"
        "Inspectors found that leaders know their services well and act on what they find.\n"
    )
    record = inspectparse.extract((PLAIN + "\f" + findings).encode())
    texts = [p.text for p in record.paragraphs]
    assert any("good enough, and this includes the recording" in t for t in texts)
    assert not any(t.startswith("includes the recording") for t in texts)
