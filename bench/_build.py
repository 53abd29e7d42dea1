"""Which inspectparse the benchmarks import: the source tree, or the build INSPECTPARSE_BUILD
names (`make bench` measures the compiled build a wheel install gives, `make compiled`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUILD = Path(os.environ.get("INSPECTPARSE_BUILD") or REPO / "src").resolve()
sys.path.insert(0, str(BUILD))
