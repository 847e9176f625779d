"""``glossary tm lookup|export|rebuild``: query and maintain the translation memory."""

from __future__ import annotations

import argparse
import sys

from glossary import memory
from glossary.errors import GlossaryError
from glossary.langs import parse_langs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tm", help="look up, export or rebuild the translation memory",
                       description="The translation memory of a project folder "
                                   "(tmx/memory.sqlite): an index of the PO catalogs under "
                                   "locales/ and of imported files.")
    tm = p.add_subparsers(dest="tm_command", metavar="ACTION", parser_class=type(p))
    tm.required = True

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--out", default=".", metavar="DIR",
                       help="project folder that holds locales/ and tmx/ (default: current folder)")

    q = tm.add_parser("lookup", help="exact and fuzzy matches of a sentence, with scores",
                      description="Print the memory's matches for TEXT: score (percent of "
                                  "word tokens unchanged, 100 = exact), translation, and the "
                                  "stored source it translates.")
    q.add_argument("text", metavar="TEXT")
    q.add_argument("--lang", required=True, metavar="LANG", help="target language, e.g. ru")
    q.add_argument("--min", type=float, default=memory.DEFAULT_THRESHOLD, metavar="SCORE",
                   help="lowest score shown, 0-100 (default: 75)")
    q.add_argument("--limit", type=int, default=5, metavar="N",
                   help="at most N matches (default: 5)")
    common(q)
    q.set_defaults(func=lookup)

    q = tm.add_parser("export", help="write tmx/memory.tmx and tmx/memory/en-<lang>.tmx",
                      description="Export the memory's approved translations as one "
                                  "multilingual TMX 1.4b and one TMX per language pair.")
    common(q)
    q.set_defaults(func=export)

    q = tm.add_parser("rebuild", help="recreate tmx/memory.sqlite from locales/ and imports",
                      description="Delete the memory index and rebuild it from the PO catalogs "
                                  "under locales/ and the copies of imported files under "
                                  "tmx/memory/imported/.")
    common(q)
    q.set_defaults(func=rebuild)


def lookup(args: argparse.Namespace) -> int:
    lang = parse_langs(args.lang)[0]
    if not 0 <= args.min <= 100:
        raise GlossaryError("--min must be between 0 and 100")
    if args.limit < 1:
        raise GlossaryError("--limit must be at least 1")
    hits = memory.lookup(args.out, args.text, lang, args.min, args.limit)
    if not hits:
        print(f"no match at or above {args.min:g}%", file=sys.stderr)
        return 1
    for m in hits:
        print(f"{int(m.score):3d}%  {m.text}")
        print(f"      source: {m.source}")
        where = ", ".join(x for x in (m.origin, m.article, m.file) if x)
        print(f"      from: {where}")
    return 0


def export(args: argparse.Namespace) -> int:
    for path, n in memory.export(args.out):
        print(f"{path}: {n} unit(s)")
    return 0


def rebuild(args: argparse.Namespace) -> int:
    report = memory.rebuild(args.out)
    store = memory.open_memory(args.out)
    try:
        counts = store.counts()
    finally:
        store.close()
    print(f"memory rebuilt: {counts.pop('segments')} segment(s); "
          + ", ".join(f"{lang}: {n}" for lang, n in sorted(counts.items()))
          + f" translation(s); {report.files} imported file(s) replayed")
    return 0
