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


def command_names() -> list[str]:
    """Subcommand names: one per ``cmd_<name>.py`` module of this package."""
    return sorted(m.name[4:] for m in pkgutil.iter_modules(__path__) if m.name.startswith("cmd_"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or only ``only`` (start-up stays light: a command
    imports just the library modules it uses)."""
    parser = _Parser(prog="glossary", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"glossary {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in [only] if only else command_names():
        importlib.import_module(f"{__name__}.cmd_{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv and argv[0] in command_names() else None)
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
