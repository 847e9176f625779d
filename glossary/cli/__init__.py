"""The ``glossary`` command: a thin argparse front end over the library.

Each subcommand lives in its own ``cmd_<name>.py`` module with ``register(subparsers)``; this
module discovers them, runs the chosen one, and turns a :class:`GlossaryError` (bad input, an
unwritable folder) into one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from glossary import __version__
from glossary.errors import GlossaryError


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line and exit 2, like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="glossary", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"glossary {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            importlib.import_module(f"{__name__}.{info.name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GlossaryError as exc:
        print(f"glossary: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("glossary: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
