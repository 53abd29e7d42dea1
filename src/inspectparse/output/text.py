"""Compact JSON text, shared by every output (a JSON Lines line, a CSV cell, an SQLite value)."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["dumps"]


def dumps(obj: Any, *, pretty: bool = False) -> str:
    """JSON text: compact (no spaces, one line) or indented; UTF-8 kept as is, not escaped."""
    if pretty:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
