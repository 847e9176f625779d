"""Fuzzy-match score shared by msgmerge-style merging and the translation memory.

The score is what CAT tools show: ``100 * (1 - d / max(len(a), len(b)))`` where ``d`` is the
Levenshtein distance between the two sentences as sequences of word tokens (words and
punctuation marks, compared case-sensitively), as OmegaT and translate-toolkit compute it.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Word and punctuation tokens of ``text``."""
    return _TOKEN.findall(text)


def token_distance(a: list[str], b: list[str]) -> int:
    """Levenshtein distance between two token lists."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ta in enumerate(a, 1):
        current = [i]
        for j, tb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ta != tb)))
        previous = current
    return previous[-1]


def score(a: str, b: str) -> float:
    """Similarity of two sentences, 0 to 100 (100 only for equal token sequences)."""
    ta, tb = tokens(a), tokens(b)
    longest = max(len(ta), len(tb))
    if longest == 0:
        return 100.0 if a == b else 0.0
    return 100.0 * (1 - token_distance(ta, tb) / longest)


def length_bound(a: str, b: str) -> float:
    """An upper bound of :func:`score` from token counts alone, to skip hopeless pairs cheaply."""
    la, lb = len(tokens(a)), len(tokens(b))
    longest = max(la, lb)
    return 100.0 if longest == 0 else 100.0 * min(la, lb) / longest
