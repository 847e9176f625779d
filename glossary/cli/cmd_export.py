"""``glossary export [--format tbx,tsv,csv,tmx] [--out DIR] [--langs fa,ru,be] [--tbx-version 2|3]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.exports import FORMATS, catalog_langs, export
from glossary.langs import parse_langs


def _formats(spec: str) -> tuple[str, ...]:
    parts = [p.strip().lower() for p in spec.split(",") if p.strip()]
    if not parts:
        raise GlossaryError("no export format given")
    if "all" in parts:
        return FORMATS
    for p in parts:
        if p not in FORMATS:
            raise GlossaryError(f"unknown export format {p!r} (use {', '.join(FORMATS)} or all)")
    return tuple(dict.fromkeys(parts))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write term bases (TBX, tab/CSV glossaries) and per-pair TMX from locales/",
        description="Regenerate the CAT-tool exports under DIR/tmx/ from the catalogs already "
                    "in DIR/locales/ (no re-extraction): tbx = glossary.tbx (TBX-Basic, TBX v2 "
                    "martif; --tbx-version 3 writes glossary.v3.tbx), tsv = OmegaT glossaries "
                    "glossary.en-<lang>.utf8, csv = glossary.en-<lang>.csv, tmx = bilingual "
                    "<name>.en-<lang>.tmx. Gives the same bytes as glossary build.")
    p.add_argument("--format", default="all", metavar="FORMATS",
                   help=f"comma-separated: {', '.join(FORMATS)} or all (default: all)")
    p.add_argument("--out", default=".", metavar="DIR",
                   help="project folder that holds locales/ and tmx/ (default: current folder)")
    p.add_argument("--langs", default=None, metavar="LANGS",
                   help="comma-separated target languages (default: every language with a "
                        "locales/<lang>/LC_MESSAGES/glossary.po)")
    p.add_argument("--tbx-version", type=int, choices=(2, 3), default=2,
                   help="TBX flavour for --format tbx: 2 = martif, read by OmegaT and "
                        "translate-toolkit (default); 3 = ISO 30042:2019 TBX-Basic dialect")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    formats = _formats(args.format)
    out = Path(args.out)
    langs = parse_langs(args.langs) if args.langs else catalog_langs(out)
    written, unchanged = export(out, langs, formats, args.tbx_version)
    for path in written:
        print(path)
    print(f"{len(written)} file(s) written, {len(unchanged)} unchanged "
          f"({', '.join(formats)}; {', '.join(langs)})", file=sys.stderr)
    return 0
