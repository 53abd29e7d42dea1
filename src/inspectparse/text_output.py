"""Text for people, written through rich to a file: in colour on a terminal (unless NO_COLOR
is set), else plain, with no escape codes and no trailing spaces, for pipes, files and `grep`.
`show` and the listings (`history`, `search`) print through it."""

from __future__ import annotations

import io
import os
import shutil
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


class TextOutput:
    """A rich console for `file`. `color` None: colour on a terminal unless NO_COLOR is set;
    `width` None: the terminal's, or $COLUMNS, or `default_width`. Plain output is held
    until `flush`, which writes each line without its padding."""

    def __init__(
        self, file: IO[str], *, color: bool | None, width: int | None, default_width: int
    ) -> None:
        from rich.console import Console

        terminal = file.isatty()
        self.color = bool(terminal and not os.environ.get("NO_COLOR")) if color is None else color
        if width is None:
            width = shutil.get_terminal_size().columns if terminal else _columns(default_width)
        self.file = file
        self._plain = None if self.color else io.StringIO()
        self.console: Console = Console(
            file=file if self._plain is None else self._plain,
            width=width,
            color_system="auto" if self.color else None,
            force_terminal=self.color,
            highlight=False,
            emoji=False,
            markup=False,
        )

    def flush(self) -> None:
        """Write what plain output holds, each line without its padding."""
        if self._plain is not None:
            lines = self._plain.getvalue().splitlines()
            self.file.write("".join(line.rstrip() + "\n" for line in lines))
            self._plain.seek(0)
            self._plain.truncate()


def _columns(default: int) -> int:
    try:
        return max(int(os.environ.get("COLUMNS", "")), 40)
    except ValueError:
        return default
