"""``glossary terms FILE ...``: the diplomatic glossary of some articles, as JSON or TSV."""

from __future__ import annotations

import argparse
import json
import sys

from glossary.articles import read_articles
from glossary.terms import extract_terms


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "terms", help="extract the diplomatic glossary (persons, titles, organizations, places, "
                      "events, concepts) of English articles",
        description="Print one entry per referent across all FILEs: the canonical term, its "
                    "category, the other forms it takes in the text, and where it occurs.")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 English article(s)")
    p.add_argument("--format", choices=("json", "tsv"), default="json",
                   help="json: a list of {term, category, variants, count, occurrences}; "
                        "tsv: term, category, variants joined with ' | ', count (default: json)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    terms = extract_terms(read_articles(args.files))
    out = sys.stdout
    if args.format == "json":
        json.dump([t.to_json() for t in terms], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.write("term\tcategory\tvariants\tcount\n")
        for t in terms:
            cells = [t.term, t.category, " | ".join(t.variants), str(t.count)]
            out.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
    return 0
