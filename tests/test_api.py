"""The public face: `extract`'s typed keywords, the lazy exports, the version in one place."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

import inspectparse
from conftest import FIXTURES, REPO
from inspectparse.errors import ErrorCode, ExitCode, InspectparseError

BRENT_LIKE = FIXTURES / "brent_like.txt"


def test_input_format_skips_sniffing_and_format_is_its_deprecated_alias() -> None:
    record = inspectparse.extract(BRENT_LIKE, input_format="text")
    assert record.source.format == "text"
    with pytest.warns(DeprecationWarning, match="input_format"):
        old = inspectparse.extract(BRENT_LIKE, format="text")
    assert old == record
    with pytest.raises(ValueError, match="input_format only"), pytest.warns(DeprecationWarning):
        inspectparse.extract(BRENT_LIKE, format="text", input_format="pdf")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the new name alone warns about nothing
        inspectparse.extract(BRENT_LIKE, input_format="text")


@pytest.mark.parametrize(
    ("option", "allowed"),
    [("engine", "auto, pdfium, pdfplumber"), ("input_format", "pdf, text")],
)
def test_an_unknown_option_value_names_the_allowed_ones(option: str, allowed: str) -> None:
    with pytest.raises(ValueError, match=allowed) as info:
        inspectparse.extract(BRENT_LIKE, **{option: "docx"})  # type: ignore[arg-type]
    assert "'docx'" in str(info.value)


def test_an_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        inspectparse.extract(BRENT_LIKE, engines="auto")  # type: ignore[call-arg]


def test_every_exported_name_resolves() -> None:
    for name in inspectparse.__all__:
        assert getattr(inspectparse, name) is not None, name
    assert inspectparse.ExitCode is ExitCode
    assert issubclass(inspectparse.OutputNotWritableError, InspectparseError)
    assert inspectparse.run_batch.__module__ == "inspectparse.batch.run"
    assert set(inspectparse.__all__) <= set(dir(inspectparse))
    with pytest.raises(AttributeError):
        _ = inspectparse.no_such_name


def test_the_version_is_declared_once() -> None:
    from importlib.metadata import version

    from inspectparse._version import __version__

    assert inspectparse.__version__ == __version__ == version("inspectparse")
    assert inspectparse.extract(BRENT_LIKE).parser_version == __version__


def test_importing_the_package_imports_no_pipeline() -> None:
    # PEP 562: names are imported on first use, so `import inspectparse` stays cheap.
    probe = (
        "import sys, inspectparse; inspectparse.ExitCode; "
        "print(sorted(m for m in ('pydantic', 'inspectparse.api', 'inspectparse.batch') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"


def test_every_error_class_code_is_an_error_code() -> None:
    classes: list[type[InspectparseError]] = [InspectparseError, *_subclasses(InspectparseError)]
    codes = {cls.code for cls in classes}
    assert codes <= {c.value for c in ErrorCode}
    for cls in classes:
        assert type(cls.code) is str  # plain strings in records, CSV cells and SQLite rows


def test_error_codes_print_as_their_value() -> None:
    assert str(ErrorCode.WORKER_CRASHED) == "worker_crashed"
    assert f"{ErrorCode.TOO_LARGE}" == "too_large"
    assert ErrorCode("timeout") is ErrorCode.TIMEOUT


def _subclasses(cls: type[InspectparseError]) -> list[type[InspectparseError]]:
    out: list[type[InspectparseError]] = []
    for sub in cls.__subclasses__():
        out += [sub, *_subclasses(sub)]
    return out


def test_pdfminer_logging_is_quiet_unless_the_program_set_its_level() -> None:
    """Reading a PDF quietens pdfminer's parse noise, but a level the program set stays."""
    code = (
        "import logging, sys\n"
        "if sys.argv[1] == 'set': logging.getLogger('pdfminer').setLevel(logging.DEBUG)\n"
        "import inspectparse.load.pdfplumber_engine\n"
        "print(logging.getLevelName(logging.getLogger('pdfminer').level))\n"
    )
    levels = [
        subprocess.run(
            [sys.executable, "-c", code, arg], capture_output=True, text=True, check=True
        ).stdout.strip()
        for arg in ("unset", "set")
    ]
    assert levels == ["ERROR", "DEBUG"]
