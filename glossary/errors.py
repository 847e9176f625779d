"""The one error type the command line turns into a one-line message and exit status 2."""

from __future__ import annotations


class GlossaryError(Exception):
    """Bad input or an unusable output location; ``str()`` is the one line the user sees."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(where + message)
