"""The build backend: setuptools', with wheels compiled by mypyc (see setup.py).

A wheel build (`pipx install .`, `pip install .`) compiles the hot modules, unless
INSPECTPARSE_MYPYC=0; an editable build (`make install`) never does, so the source files run
as they are edited.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - every other hook is setuptools' own

# mypyc (part of mypy) is needed only to build a compiled wheel, never to run one.
MYPYC = "mypy>=1.10"


def _compiling() -> bool:
    return os.environ.setdefault("INSPECTPARSE_MYPYC", "1") == "1"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    requires = list(_setuptools.get_requires_for_build_wheel(config_settings))
    return [*requires, MYPYC] if _compiling() else requires


def build_wheel(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    _compiling()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
