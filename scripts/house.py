"""Measure the house: module lengths and function lengths in src/ (an AST walk).

    python scripts/house.py              # modules over 500 lines, functions over 80
    python scripts/house.py --top 15     # also the 15 longest functions
    python scripts/house.py --markdown   # the table docs/architecture.md shows

A function's length is its lines from `def` (decorators left out) to its last statement,
docstring and comments included: what a reader has to hold in mind. Nested functions count
inside their parent and on their own.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "inspectparse"
MODULE_LIMIT = 500
FUNCTION_LIMIT = 80


@dataclass(frozen=True, slots=True)
class Length:
    name: str  # module path, or module:qualified.function
    lines: int


def module_lengths(src: Path = SRC) -> list[Length]:
    return sorted(
        (
            Length(str(p.relative_to(src.parent)), len(p.read_text(encoding="utf-8").splitlines()))
            for p in src.rglob("*.py")
        ),
        key=lambda m: -m.lines,
    )


def function_lengths(src: Path = SRC) -> list[Length]:
    found: list[Length] = []
    for path in src.rglob("*.py"):
        module = str(path.relative_to(src.parent))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        _walk(tree, module, "", found)
    return sorted(found, key=lambda f: -f.lines)


def _walk(node: ast.AST, module: str, prefix: str, found: list[Length]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = f"{prefix}{child.name}"
            assert child.end_lineno is not None
            found.append(Length(f"{module}:{name}", child.end_lineno - child.lineno + 1))
            _walk(child, module, f"{name}.", found)
        elif isinstance(child, ast.ClassDef):
            _walk(child, module, f"{prefix}{child.name}.", found)
        else:
            _walk(child, module, prefix, found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=0, help="also list the N longest functions")
    parser.add_argument("--markdown", action="store_true", help="a markdown table")
    args = parser.parse_args(argv)
    modules = module_lengths()
    functions = function_lengths()
    long_modules = [m for m in modules if m.lines > MODULE_LIMIT]
    long_functions = [f for f in functions if f.lines > FUNCTION_LIMIT]
    total = sum(m.lines for m in modules)
    if args.markdown:
        print(f"{len(modules)} modules, {total:,} lines; the longest:\n")
        print("| module | lines |  | function | lines |")
        print("|---|---:|---|---|---:|")
        for m, f in zip(modules[:8], functions[:8], strict=True):
            print(f"| `{m.name}` | {m.lines} |  | `{f.name}` | {f.lines} |")
        return 0
    print(f"{len(modules)} modules, {total:,} lines, {len(functions)} functions")
    print(f"modules over {MODULE_LIMIT} lines: {len(long_modules)}")
    for m in long_modules:
        print(f"  {m.lines:5}  {m.name}")
    print(f"functions over {FUNCTION_LIMIT} lines: {len(long_functions)}")
    for f in long_functions:
        print(f"  {f.lines:5}  {f.name}")
    if args.top:
        print(f"the {args.top} longest functions:")
        for f in functions[: args.top]:
            print(f"  {f.lines:5}  {f.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
