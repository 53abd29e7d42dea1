"""`extract` from several threads at once, and forks while another thread is inside PDFium.

PDFium is not thread-safe: without `pdfium_engine.PDFIUM_LOCK`, eight threads extracting the
fixture PDFs crashed the interpreter (SIGSEGV) on every try, so that check runs in a child
interpreter, where a crash is a failed assertion rather than a lost test run.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import inspectparse
from conftest import FIXTURES
from inspectparse.load.pdfium_engine import PDFIUM_LOCK

_THREADS = """
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import inspectparse

pdfs = [p.read_bytes() for p in sorted(Path(sys.argv[1]).glob("*.pdf"))] * 20


def record(data):
    return inspectparse.extract(data, engine="pdfium").model_dump_json()


alone = [record(data) for data in pdfs]
with ThreadPoolExecutor(8) as pool:
    together = list(pool.map(record, pdfs))
print(len(pdfs), sum(a != b for a, b in zip(alone, together, strict=True)))
"""


def test_extract_from_eight_threads_at_once_gives_the_records_of_one() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _THREADS, str(FIXTURES)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    inputs, differing = map(int, done.stdout.split())
    assert inputs >= 40 and differing == 0


def test_a_fork_waits_until_no_thread_is_inside_pdfium() -> None:
    """A capped `extract` forks its child while another thread holds PDFium (here, the lock
    itself): the fork waits for it, so the child starts with PDFium free. A child that
    inherited the lock held would wait for it until the time limit."""
    pdf = (FIXTURES / "ilacs_2018_synthetic.pdf").read_bytes()
    held = threading.Event()

    def hold_pdfium() -> None:
        with PDFIUM_LOCK:
            held.set()
            time.sleep(0.5)

    holder = threading.Thread(target=hold_pdfium)
    holder.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        record = inspectparse.extract(pdf, engine="pdfium", timeout=20)
        waited = time.monotonic() - started
    finally:
        holder.join()
    assert record.report.kind == "ilacs"
    assert waited < 15  # the 0.5 s the lock was held, not the 20 s limit
