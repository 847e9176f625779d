"""Sentence segmentation (placeholder: a plain splitter; the SRX engine replaces it)."""

from __future__ import annotations

import re

from glossary.model import Segment

_BREAK = re.compile(r"(?<=[.!?…؟])[\"'”’»)]*\s+|\n\s*")


def segment(text: str, lang: str = "en") -> list[Segment]:
    """Split ``text`` into sentences with exact character offsets (``text[start:end]``)."""
    out: list[Segment] = []
    pos = 0
    for m in list(_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if m and m.group(0)[0] not in " \n\t":
            end = m.start() + len(m.group(0).rstrip())
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = pos + lead, pos + len(chunk.rstrip())
        if e > s:
            out.append(Segment(text[s:e], s, e, text.count("\n", 0, s) + 1))
        pos = m.end() if m else len(text)
    return out
