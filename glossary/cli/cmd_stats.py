"""``glossary stats [--out DIR]``: per article and language, entries and words done and to do."""

from __future__ import annotations

import argparse
import json

from glossary.memory.stats import catalog_stats


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stats", help="translated, fuzzy and untranslated entries and words per catalog",
        description="Count, per article and language, the entries and source words that are "
                    "translated, fuzzy and untranslated, as CAT tools count words (a word is a "
                    "run of letters or digits, with inner ' ’ . - kept; punctuation is not a "
                    "word). Obsolete entries are not counted.")
    p.add_argument("--out", default=".", metavar="DIR",
                   help="project folder that holds locales/ (default: current folder)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="output format (default: text)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = catalog_stats(args.out)
    if args.format == "json":
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        return 0
    width = max([len("article")] + [len(r.article) for r in rows])
    head = (f"{'article':<{width}}  lang  {'translated':>16}  {'fuzzy':>16}  "
            f"{'untranslated':>16}  {'total':>16}")
    print(head)
    print(f"{'':<{width}}        {'entries/words':>16}  {'entries/words':>16}  "
          f"{'entries/words':>16}  {'entries/words':>16}")
    for r in rows:
        cells = [f"{e}/{w}" for e, w in (r.translated, r.fuzzy, r.untranslated, r.total)]
        print(f"{r.article:<{width}}  {r.lang:<4}  " + "  ".join(f"{c:>16}" for c in cells))
    return 0
