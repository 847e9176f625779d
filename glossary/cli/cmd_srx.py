"""``glossary srx``: write the segmentation rules as an SRX 2.0 file for OmegaT, Okapi and others."""

from __future__ import annotations

import argparse
import sys

from glossary.fileio import atomic_write
from glossary.formats import srx as srxfmt
from glossary.segment import DEFAULT_SRX, LANGUAGES


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "srx",
        help="write the segmentation rules as SRX 2.0",
        description="Write the SRX 2.0 rules `glossary segment` uses, so that CAT tools "
                    "(OmegaT, Okapi) segment the same way. In OmegaT, also enable "
                    "'Sentence-level segmenting' and a line break as paragraph boundary, "
                    "since every line break is a hard boundary here.",
    )
    p.add_argument("--lang", action="append", metavar="L",
                   help="only the rules for this language (en, ru, fa, be); repeatable; "
                        "default: all")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from glossary.errors import GlossaryError

    langs = args.lang
    for lang in langs or ():
        if lang not in LANGUAGES:
            raise GlossaryError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    if langs:
        doc = srxfmt.parse(DEFAULT_SRX.read_bytes(), str(DEFAULT_SRX))
        data = srxfmt.serialize(doc, languages=langs)
    else:
        data = DEFAULT_SRX.read_bytes()
    if args.output:
        atomic_write(args.output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0
