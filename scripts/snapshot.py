"""Snapshot of every record the extractor gives on the fixtures and the corpus.

    python scripts/snapshot.py --check            # compare with tests/golden/records.json
    python scripts/snapshot.py --update           # rewrite it after an intended change
    python scripts/snapshot.py --dump out/before  # full records, one JSON file each, to diff

A restructuring must leave every record byte-identical: `tests/test_snapshot.py` compares the
digest of each record (fixtures and ../shared/corpus: PDFs with both engines, the Brent text
and every converter's text) with the committed one.
Only digests are committed for corpus reports (their text is Crown copyright and stays in
../shared); `--dump` writes whole records outside the repository for a readable diff.

`parser_version` and `schema_version` are left out of the digest: a version bump alone is not
a change of content. The path is given relative to its root, so the checkout's place does not
matter either.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from inspectparse.load import PDF_ENGINES

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
GOLDEN = REPO / "tests" / "golden" / "records.json"
ENGINES = PDF_ENGINES  # each PDF is snapshotted with every engine
FIXTURE_FILES = (
    "examples/sample-ilacs-report.pdf",
    "tests/fixtures/ilacs_2018_synthetic.pdf",
    "tests/fixtures/ilacs_2026_synthetic.pdf",
    "tests/fixtures/brent_like.txt",
    "tests/fixtures/brent_like_consistent.txt",
)

Case = tuple[str, str, str]  # (root name, path under root, engine)


def cases(corpus: Path | None = CORPUS) -> Iterator[Case]:
    """Every (root, file, engine) to snapshot: PDFs with both engines, texts once."""
    roots: list[tuple[str, Path, Iterable[str]]] = [("repo", REPO, FIXTURE_FILES)]
    if corpus is not None and (corpus / "gold.jsonl").exists():
        gold = (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        files = ["reports/" + json.loads(line)["file"] for line in gold if line]
        # Every converter's text of each PDF (text/<converter>/<report path>.txt).
        text_root = corpus / "text"
        converters = (
            sorted(d.name for d in text_root.iterdir() if d.is_dir()) if text_root.is_dir() else []
        )
        files += [
            f"text/{c}/{f.removeprefix('reports/')}.txt"
            for c in converters
            for f in files
            if f.lower().endswith(".pdf")
        ]
        roots.append(("corpus", corpus, files))
    for name, _root, files in roots:
        for file in files:
            engines = ENGINES if file.lower().endswith(".pdf") else ("text",)
            for engine in engines:
                yield name, file, engine


def _root(name: str, corpus: Path) -> Path:
    return REPO if name == "repo" else corpus


def record_json(case: Case, corpus: Path = CORPUS) -> str:
    """The record as canonical JSON, without the version fields."""
    import inspectparse

    name, file, engine = case
    record = inspectparse.extract(
        _root(name, corpus) / file, engine="auto" if engine == "text" else engine, path=file
    )
    data = record.model_dump(mode="json")
    data.pop("parser_version", None)
    data.pop("schema_version", None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _digest(args: tuple[Case, Path]) -> tuple[str, str]:
    case, corpus = args
    key = "|".join(case)
    try:
        text = record_json(case, corpus)
    except Exception as exc:  # an error is part of the snapshot too
        text = f"error: {type(exc).__name__}: {exc}"
    return key, hashlib.sha256(text.encode("utf-8")).hexdigest()


def digests(corpus: Path = CORPUS, jobs: int = 2) -> dict[str, str]:
    todo = [(c, corpus) for c in cases(corpus)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return dict(sorted(pool.map(_digest, todo, chunksize=4)))


def differences(want: dict[str, str], got: dict[str, str]) -> list[str]:
    keys = sorted(set(want) | set(got))
    return [
        f"{k}: {'missing' if k not in got else 'new' if k not in want else 'changed'}"
        for k in keys
        if want.get(k) != got.get(k)
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--update", action="store_true")
    mode.add_argument("--dump", type=Path, metavar="DIR")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if args.dump:
        for case in cases(args.corpus):
            out = args.dump / (case[0] + "/" + case[1] + f".{case[2]}.json")
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                text = record_json(case, args.corpus)
                out.write_text(json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n")
            except Exception as exc:
                out.write_text(f"error: {type(exc).__name__}: {exc}\n")
        return 0
    got = digests(args.corpus, args.jobs)
    if args.update:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {len(got)} digests to {GOLDEN.relative_to(REPO)}")
        return 0
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    diffs = differences(want, got)
    for d in diffs:
        print(d)
    print(f"{len(got)} records, {len(diffs)} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
