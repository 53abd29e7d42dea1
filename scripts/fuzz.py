"""Fuzz the pipeline: mutated corpus PDFs and texts, each converted in a capped worker.

    python scripts/fuzz.py --minutes 10 --corpus ../shared/corpus      (make fuzz)

Every input is converted by the batch's own worker pool (`LocalPool` with `extract_task`), so
each runs in a process with a memory cap and a timeout, as in production. Reported, each with
the mutated input saved under --findings to reproduce it:

- an exception that is not an `InspectparseError` (the worker's `internal_error` record);
- a hang (the input ran past --timeout);
- a memory overrun (past --max-memory: a `too_large` from memory, or a worker killed);
  a mutated real report needing more than 1 GiB is a finding, even though production turns
  it into a typed error.

Typed errors (malformed_pdf, text_decode, empty_input...) are the expected outcome of most
mutations and are only counted. The mutators are also used, bounded, by
tests/hostile/test_properties.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Phrases the rules look for, and values that break naive arithmetic: spliced into texts.
TEXT_SNIPPETS = [
    "Inspection dates: 29 February to 1 January 2024",
    "Inspection dates: 31 June to 31 September 2019",
    "Inspection date: 1 January 0001",
    "Inspection dates: 9 to 3 March 2019",
    "Inspection dates: 4 to 8 March 99999",
    "Lead inspector:",
    "Lead inspector: ",
    "Judgement Grade\nOverall effectiveness  Requires improvement to be good",
    "Overall effectiveness: Outstanding Inadequate Good",
    "Recommendations\n1. \n2.",
    "What needs to improve\n\u2022",
    "Local authority: ",
    "Unique reference number: 99999999999999999999",
    "\f\f\f",
    "\u202e\u200b\ufeff\u0000",
    "1.\n2.\n3.\n" * 20,
    "Page 1 of 0",
    "(" * 50,
    "%PDF-1.7",
]

# A date phrase of a report ("5 March to 14 March 2012", "4-8 March 2019", "22/10/2018"): the
# slot the rules read dates from, where a hostile date does most harm.
DATE_PHRASE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?(?: [A-Z][a-z]+)?(?: \d{4})?\s*(?:to|and|-|–)\s*"
    r"\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}\b|\b\d{1,2} [A-Z][a-z]+ \d{4}\b"
)
HOSTILE_DATES = [
    "29 February to 1 January 2024",
    "31 June to 31 September 2019",
    "1 January 0001",
    "1 to 2 January 1",
    "30 February 2019",
    "9 to 3 March 2019",
    "1 December to 1 January 9999",
    "1 December to 1 January 0001",
    "29 February 2023",
    "0 March 2019",
    "1 Jan 1900 to 1 Jan 2100",
]

# PDF tokens worth replacing with hostile values.
PDF_TOKEN = re.compile(rb"-?\d+(?:\.\d+)?|/[A-Za-z]+|\[|\]|<<|>>|\bobj\b|\bR\b|stream")
PDF_VALUES = [
    b"-1",
    b"0",
    b"99999999999",
    b"1e308",
    b"nan",
    b"abc",
    b"/MediaBox",
    b"[0 0 abc 792]",
    b"[]",
    b"<<>>",
    b"()",
    b"1 0 R",
    b"999 0 R",
    b"/FlateDecode",
    b"/Length 0",
    b"3.4028235e38",
]


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """One to four byte-level edits: flips, deletions, insertions, duplications, truncation."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not buf:
            buf += rng.randbytes(rng.randint(1, 64))
            continue
        op = rng.randrange(6)
        i = rng.randrange(len(buf))
        if op == 0:  # flip a few bits
            for _ in range(rng.randint(1, 8)):
                j = rng.randrange(len(buf))
                buf[j] ^= 1 << rng.randrange(8)
        elif op == 1:  # delete a range
            del buf[i : i + rng.randint(1, 4096)]
        elif op == 2:  # insert random bytes
            buf[i:i] = rng.randbytes(rng.randint(1, 256))
        elif op == 3:  # duplicate a range elsewhere
            chunk = bytes(buf[i : i + rng.randint(1, 4096)])
            j = rng.randrange(len(buf))
            buf[j:j] = chunk
        elif op == 4:  # truncate
            del buf[rng.randrange(len(buf)) :]
        else:  # overwrite with interesting bytes
            buf[i : i + 4] = rng.choice([b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"\n\r\f\t"])
    return bytes(buf)


def mutate_pdf(data: bytes, rng: random.Random) -> bytes:
    """Replace a few PDF tokens (numbers, names, brackets) by hostile values, or edit bytes."""
    if rng.random() < 0.4:
        return mutate_bytes(data, rng)
    tokens = list(PDF_TOKEN.finditer(data[:2_000_000]))
    if not tokens:
        return mutate_bytes(data, rng)
    out = bytearray(data)
    for match in sorted(rng.sample(tokens, min(len(tokens), rng.randint(1, 6))), key=_start)[::-1]:
        out[match.start() : match.end()] = rng.choice(PDF_VALUES)
    return bytes(out)


def _start(match: re.Match[bytes]) -> int:
    return match.start()


def mutate_text(data: bytes, rng: random.Random) -> bytes:
    """Line-level edits of a text report: splice snippets, drop, repeat or swap lines."""
    text = data.decode("utf-8", "replace")
    lines = text.split("\n") or [""]
    for _ in range(rng.randint(1, 5)):
        op = rng.randrange(7)
        i = rng.randrange(len(lines)) if lines else 0
        if op == 6:  # a hostile date where the report has one
            lines = replace_dates("\n".join(lines), rng).split("\n")
        elif op in (0, 1):
            lines.insert(i, rng.choice(TEXT_SNIPPETS))
        elif op == 2 and lines:
            del lines[i : i + rng.randint(1, 50)]
        elif op == 3 and lines:
            lines[i:i] = lines[i : i + rng.randint(1, 20)]
        elif op == 4 and len(lines) > 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif lines:
            line = lines[i]
            k = rng.randrange(len(line) + 1)
            lines[i] = line[:k] + rng.choice(TEXT_SNIPPETS) + line[k:]
    out = "\n".join(lines).encode("utf-8")
    return mutate_bytes(out, rng) if rng.random() < 0.15 else out


def replace_dates(text: str, rng: random.Random) -> str:
    """Replace one or more of the text's date phrases by hostile dates."""
    found = list(DATE_PHRASE.finditer(text))
    if not found:
        return text
    for match in sorted(rng.sample(found, min(len(found), rng.randint(1, 3))), key=_span_start)[
        ::-1
    ]:
        text = text[: match.start()] + rng.choice(HOSTILE_DATES) + text[match.end() :]
    return text


def _span_start(match: re.Match[str]) -> int:
    return match.start()


def seeds(corpus: Path | None, *, max_pdf_bytes: int = 1_000_000) -> list[tuple[str, bytes]]:
    """The inputs to mutate: corpus PDFs and texts (when present), and the synthetic fixtures."""
    found: list[Path] = []
    if corpus is not None and corpus.is_dir():
        found += sorted((corpus / "reports").rglob("*.pdf"))
        found += sorted((corpus / "text").rglob("*.txt"))
        found += sorted((corpus / "text").rglob("*.md"))
    fixtures = REPO / "tests" / "fixtures"
    found += sorted(fixtures.rglob("*.pdf")) + sorted(fixtures.rglob("*.txt"))
    out = []
    for path in found:
        if path.stat().st_size <= max_pdf_bytes:
            out.append((str(path), path.read_bytes()))
    return out


def mutant(seed: bytes, rng: random.Random) -> bytes:
    if seed.lstrip().startswith(b"%PDF-"):
        return mutate_pdf(seed, rng)
    return mutate_text(seed, rng)


def cases(
    pool: list[tuple[str, bytes]], rng: random.Random, deadline: float
) -> Iterator[tuple[str, bytes]]:
    while time.monotonic() < deadline:
        name, seed = rng.choice(pool)
        yield name, mutant(seed, rng)


FINDINGS = ("internal_error", "timeout", "worker_crashed", "too_large")


def run(args: argparse.Namespace) -> dict[str, object]:
    sys.path.insert(0, str(REPO / "src"))
    from inspectparse.batch.pool import LocalPool
    from inspectparse.batch.task import Job, TaskInput, extract_task
    from inspectparse.load import ENGINES
    from inspectparse.outcome import InputId

    rng = random.Random(args.seed)
    pool_inputs = seeds(args.corpus)
    deadline = time.monotonic() + args.minutes * 60
    saved: dict[str, bytes] = {}

    def jobs() -> Iterator[Job]:
        for n, (name, data) in enumerate(cases(pool_inputs, rng, deadline)):
            key = f"{n:07d}-{hashlib.sha256(data).hexdigest()[:12]}"
            saved[key] = data
            ident = InputId(key, None, None, key)
            yield Job(ident, TaskInput(data, name, None, rng.choice(ENGINES), args.max_memory))

    # Workers are recycled less often than in production (25): a fresh worker costs its
    # imports, and leaks matter less than throughput here.
    workers = LocalPool(
        extract_task,
        jobs=args.jobs,
        timeout=args.timeout,
        max_memory=args.max_memory,
        max_tasks_per_child=200,
    )
    counts: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    args.findings.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    for outcome in workers.run(jobs()):
        key = outcome.input.path or ""
        data = saved.pop(key, b"")
        status = outcome.status
        counts[status] += 1
        if status in FINDINGS:
            cause = _cause(status, outcome.message or "")
            causes[cause] += 1
            if causes[cause] <= args.keep:
                (args.findings / f"{key}.bin").write_bytes(data)
                (args.findings / f"{key}.txt").write_text(f"{status}: {outcome.message}\n")
    total = sum(counts.values())
    report = {
        "minutes": round((time.monotonic() - started) / 60, 1),
        "inputs": total,
        "seeds": len(pool_inputs),
        "by_status": dict(counts.most_common()),
        "findings": sum(causes.values()),
        "causes": dict(causes.most_common()),
        "seed": args.seed,
    }
    return report


def _cause(status: str, message: str) -> str:
    """A short name for a finding, so 180 crashes from 3 causes read as 3 lines."""
    if status == "internal_error":
        match = re.search(r"unexpected (\w+): (.{0,60})", message)
        return f"exception {match.group(1)}: {match.group(2)}" if match else message[:80]
    if status == "too_large":
        return "memory overrun"
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--max-memory", type=int, default=1024**3)
    parser.add_argument("--keep", type=int, default=5, help="inputs saved per cause")
    parser.add_argument("--findings", type=Path, default=REPO / "out" / "fuzz")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(
            f"fuzz: {report['inputs']} inputs in {report['minutes']} min "
            f"from {report['seeds']} seeds (seed {report['seed']})"
        )
        print(f"  by status: {report['by_status']}")
        print(f"  findings: {report['findings']}")
        for cause, n in dict(report["causes"]).items():  # type: ignore[call-overload]
            print(f"    {n:6d}  {cause}")
    return 1 if report["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
