"""``glossary segment FILE``: split a text file into sentences (text or JSON lines with offsets)."""

from __future__ import annotations

import argparse
import json
import sys

from glossary.fileio import read_text
from glossary.segment import LANGUAGES, Segmenter, load_srx


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "segment",
        help="split a text file into sentences",
        description="Split FILE into sentences with SRX rules. Every line break is a hard "
                    "boundary. jsonl: one {\"text\", \"start\", \"end\"} object per sentence, "
                    "where text == file_text[start:end] (character offsets into the decoded "
                    "text, BOM dropped).",
    )
    p.add_argument("file", metavar="FILE", help="UTF-8 text file")
    p.add_argument("--lang", default="en", help="language: en, ru, fa or be (default: en)")
    p.add_argument("--format", choices=("text", "jsonl"), default="text",
                   help="text: one sentence per line (default); jsonl: objects with offsets")
    p.add_argument("--srx", metavar="RULES.srx",
                   help="segment with this SRX 2.0 file instead of the built-in rules")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from glossary.errors import GlossaryError

    if args.srx:
        seg = Segmenter(args.lang, load_srx(args.srx), srx_path=args.srx)
    else:
        if args.lang not in LANGUAGES:
            raise GlossaryError(f"unknown language {args.lang!r} (choose from {', '.join(LANGUAGES)})")
        seg = Segmenter(args.lang)
    text = read_text(args.file)
    spans = seg.spans(text)
    out = sys.stdout
    if args.format == "jsonl":
        dumps = json.JSONEncoder(ensure_ascii=False).encode
        lines = [dumps({"text": text[s:e], "start": s, "end": e}) for s, e in spans]
    else:
        # a sentence never contains a line break (they are hard boundaries), so one per line is lossless
        lines = [text[s:e] for s, e in spans]
    data = "\n".join(lines)
    if lines:
        data += "\n"
    buf = getattr(out, "buffer", None)
    if buf is not None:
        buf.write(data.encode("utf-8"))
        buf.flush()
    else:
        out.write(data)
    return 0
