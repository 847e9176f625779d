"""``glossary import FILE ... [--out DIR]``: translators' PO catalogs and CAT-tool TMX into the memory."""

from __future__ import annotations

import argparse
import sys

from glossary import memory
from glossary.langs import parse_langs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="import filled PO catalogs and CAT-tool TMX into the translation memory",
        description="Add the translations of PO catalogs (.po) and TMX 1.1-1.4b files (.tmx, "
                    "bilingual or multilingual, e.g. OmegaT's project_save.tmx, Trados or memoQ "
                    "exports) to the translation memory of the project folder "
                    "(tmx/memory.sqlite). Importing the same file twice adds nothing. TMX files "
                    "that declare entities are refused; malformed units are skipped and counted.")
    p.add_argument("files", nargs="+", metavar="FILE", help=".po or .tmx files")
    p.add_argument("--out", default=".", metavar="DIR",
                   help="project folder that holds locales/ and tmx/ (default: current folder)")
    p.add_argument("--lang", metavar="LANG",
                   help="language of PO catalogs that have no Language header")
    p.add_argument("--langs", metavar="LANGS",
                   help="only import these target languages from TMX (default: all)")
    p.add_argument("--no-export", action="store_true",
                   help="do not rewrite tmx/memory.tmx and the per-pair TMX afterwards")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    langs = parse_langs(args.langs) if args.langs else None
    lang = parse_langs(args.lang)[0] if args.lang else None
    report = memory.import_files(args.out, args.files, lang=lang, langs=langs)
    print(report.summary())
    if not args.no_export:
        written = memory.export(args.out)
        print("memory exported: " + ", ".join(f"{p.name} ({n} units)" for p, n in written),
              file=sys.stderr)
    return 0
