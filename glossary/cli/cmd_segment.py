"""``glossary segment FILE``: split a text file into sentences (text or JSON lines with offsets)."""

from __future__ import annotations

import argparse
import json
import os
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


PARALLEL_MIN_CHARS = 1_000_000  # below this, forking a second worker costs more than it saves


def _render(text: str, spans: list[tuple[int, int]], fmt: str) -> bytes:
    if fmt == "jsonl":
        # the same bytes as json.dumps({"text": …, "start": …, "end": …}, ensure_ascii=False)
        enc = json.encoder.encode_basestring  # type: ignore[attr-defined]
        lines = [f'{{"text": {enc(text[s:e])}, "start": {s}, "end": {e}}}\n' for s, e in spans]
    else:
        # a sentence never contains a line break (they are hard boundaries): one per line is lossless
        lines = [text[s:e] + "\n" for s, e in spans]
    return "".join(lines).encode("utf-8")


def _render_parallel(seg: Segmenter, text: str, fmt: str) -> bytes | None:
    """Segment and render the two halves of a large text on two cores (fork); None if not possible.

    Line breaks are hard boundaries, so splitting at a line break gives exactly the sentences of
    the whole text; the child renders the second half and hands the bytes back through a pipe.
    """
    if len(text) < PARALLEL_MIN_CHARS or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return None
    mid = text.find("\n", len(text) // 2)
    if mid < 0:
        return None
    rules = seg.rules
    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return None
    if pid == 0:  # child: second half
        code = 1
        try:
            os.close(r)
            data = _render(text, rules.spans_range(text, mid, len(text)), fmt)
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    first = _render(text, rules.spans_range(text, 0, mid), fmt)
    with os.fdopen(r, "rb") as fh:
        second = fh.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        second = _render(text, rules.spans_range(text, mid, len(text)), fmt)
    return first + second


def run(args: argparse.Namespace) -> int:
    from glossary.errors import GlossaryError

    if args.srx:
        seg = Segmenter(args.lang, load_srx(args.srx), srx_path=args.srx)
    else:
        if args.lang not in LANGUAGES:
            raise GlossaryError(f"unknown language {args.lang!r} (choose from {', '.join(LANGUAGES)})")
        seg = Segmenter(args.lang)
    text = read_text(args.file)
    data = _render_parallel(seg, text, args.format)
    if data is None:
        data = _render(text, seg.spans(text), args.format)
    out = sys.stdout
    buf = getattr(out, "buffer", None)
    if buf is not None:
        out.flush()
        buf.write(data)
        buf.flush()
    else:
        out.write(data.decode("utf-8"))
    return 0
