"""``python -m glossary.segment FILE [--lang L] [--format text|jsonl] [--srx RULES.srx]``.

The same as ``glossary segment`` without loading the other subcommands (quicker start-up for
scripts and benchmarks).
"""

from __future__ import annotations

import argparse
import sys

from glossary.cli import cmd_segment
from glossary.errors import GlossaryError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glossary.segment")
    sub = parser.add_subparsers(dest="command")
    cmd_segment.register(sub)
    args = parser.parse_args(["segment", *(sys.argv[1:] if argv is None else argv)])
    try:
        return cmd_segment.run(args)
    except GlossaryError as exc:
        print(f"glossary: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
