"""``glossary build [ARTICLE ...] [--out DIR] [--langs fa,ru,be]``."""

from __future__ import annotations

import argparse
import sys

from glossary.articles import default_article_paths
from glossary.langs import DEFAULT_TARGETS, parse_langs
from glossary.pipeline import build


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="segment articles, extract the glossary, write PO/POT and TMX",
                       description="Turn articles into gettext catalogs (locales/) and TMX (tmx/) "
                                   "for each target language, merging translators' work.")
    p.add_argument("articles", nargs="*", metavar="ARTICLE",
                   help="article text files (UTF-8); default: every articles/*.txt")
    p.add_argument("--out", default=".", metavar="DIR",
                   help="project folder that holds locales/ and tmx/ (default: current folder)")
    p.add_argument("--langs", default=",".join(DEFAULT_TARGETS), metavar="LANGS",
                   help="comma-separated target languages (default: fa,ru,be)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    langs = parse_langs(args.langs)
    paths = args.articles or default_article_paths()
    report = build(paths, args.out, langs)
    print(f"{report.articles} article(s), {report.sentences} sentence(s), {report.terms} term(s); "
          f"{len(report.written)} file(s) written, {len(report.unchanged)} unchanged "
          f"({', '.join(langs)})", file=sys.stderr)
    return 0
