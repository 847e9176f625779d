"""Diplomatic term extraction (placeholder: capitalized runs; the real extractor replaces it)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossary.model import Article, Occurrence, Term

_CAPS = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w’'-]*)*")
_STOP = {"The", "A", "An", "He", "She", "They", "Both", "During", "Addressing", "It", "In", "On"}


def extract_terms(articles: Sequence[Article]) -> list[Term]:
    """Glossary terms across ``articles``, one per referent, in order of first occurrence."""
    found: dict[str, list[Occurrence]] = {}
    for art in articles:
        for i, seg in enumerate(art.segments):
            for m in _CAPS.finditer(seg.text):
                words = m.group(0).split()
                while words and words[0] in _STOP:
                    words.pop(0)
                if not words:
                    continue
                term = " ".join(words)
                start = seg.start + m.end() - len(term)
                found.setdefault(term, []).append(Occurrence(art.slug, i, start, seg.start + m.end()))
    return [Term(t, "concept", (), tuple(o)) for t, o in found.items()]
