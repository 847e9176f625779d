"""``glossary check [PATH ...] [--lang L] [--format text|json]``."""

from __future__ import annotations

import argparse
import sys

from glossary.langs import check_lang
from glossary.qa import ERROR, check_paths, exit_status, render


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="QA the translations: terminology through inflection, numbers, "
                      "punctuation, headers",
        description="Check PO catalogs: approved glossary terms used in some inflected form "
                    "(Russian, Belarusian, Persian spelling variants), numbers kept, empty, "
                    "untranslated and fuzzy entries, whitespace, end punctuation, quotes and "
                    "headers. One finding per line as file:line: [check] message; exit status "
                    "1 when an error is found, 0 otherwise, 2 for bad input.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="PO files or folders searched for *.po (default: locales)")
    p.add_argument("--lang", metavar="L",
                   help="check only catalogs in language L (and take L for catalogs whose "
                        "language is not known)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: one finding per line (default); json: a list of objects")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = check_lang(args.lang) if args.lang else None
    findings = check_paths(args.paths or ["locales"], lang)
    sys.stdout.write(render(findings, args.format))
    errors = sum(f.severity == ERROR for f in findings)
    print(f"{errors} error(s), {len(findings) - errors} warning(s)", file=sys.stderr)
    return exit_status(findings)
