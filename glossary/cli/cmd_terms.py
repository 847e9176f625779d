"""``glossary terms FILE ...``: the diplomatic glossary of some articles, as JSON or TSV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.fileio import read_text
from glossary.model import Article
from glossary.segment import segment
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


def load_article(path: str) -> Article:
    """Read and segment one article; an empty file is a :class:`GlossaryError`."""
    text = read_text(path)
    if not text.strip():
        raise GlossaryError("empty article", path)
    return Article(Path(path).stem, str(path), text, tuple(segment(text, "en")))


def run(args: argparse.Namespace) -> int:
    articles = [load_article(p) for p in args.files]
    slugs = [a.slug for a in articles]
    if len(set(slugs)) != len(slugs):
        dup = next(s for s in slugs if slugs.count(s) > 1)
        raise GlossaryError(f"two input files share the name {dup!r}; occurrences would be ambiguous")
    terms = extract_terms(articles)
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
