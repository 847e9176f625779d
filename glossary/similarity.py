"""Fuzzy-match score shared by msgmerge-style merging and the translation memory.

The score is what CAT tools show::

    score(a, b) = 100 * (1 - d(a, b) / max(len(a), len(b)))

where ``a`` and ``b`` are the two sentences as sequences of word tokens (words, with inner
apostrophes, periods and hyphens, and single punctuation marks; compared case-sensitively) and
``d`` is the Levenshtein distance over those tokens (insert, delete, substitute a whole token, each
costing 1), as OmegaT and translate-toolkit compute it. Two empty sentences score 100.

Example: "The ministers met in Minsk ." vs "The ministers met in Kampala ." is one substitution
over six tokens: 100 * (1 - 1/6) = 83.3.

:func:`score_tokens` is the fast form used by the memory: it stops as soon as the score can no
longer reach a minimum (banded dynamic programming), and uses rapidfuzz's C implementation of the
same distance when that package is installed (an optional speed-up; the result is identical).
"""

from __future__ import annotations

import re
from collections import Counter

try:  # optional accelerator; identical results
    from rapidfuzz.distance import Levenshtein as _rf_levenshtein
except ImportError:  # pragma: no cover - exercised when rapidfuzz is absent
    _rf_levenshtein = None

_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w")


def tokens(text: str) -> list[str]:
    """Word and punctuation tokens of ``text``."""
    return _TOKEN.findall(text)


def words(text: str) -> int:
    """Words of ``text`` as CAT tools count them: tokens that hold a letter or digit.

    Punctuation does not count; ``Non-Aligned``, ``U.S.`` and ``Pezeshkian’s`` are one word each.
    """
    return sum(1 for t in _TOKEN.findall(text) if _WORD.match(t))


def _dp(a: list[str], b: list[str], limit: int | None = None) -> int:
    """Levenshtein distance over tokens; above ``limit`` returns ``limit + 1`` early."""
    if len(a) < len(b):
        a, b = b, a
    if limit is None:
        limit = len(a)
    previous = list(range(len(b) + 1))
    for i, ta in enumerate(a, 1):
        current = [i]
        best = i
        for j, tb in enumerate(b, 1):
            v = previous[j - 1] + (ta != tb)
            if previous[j] + 1 < v:
                v = previous[j] + 1
            if current[j - 1] + 1 < v:
                v = current[j - 1] + 1
            current.append(v)
            if v < best:
                best = v
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def token_distance(a: list[str], b: list[str]) -> int:
    """Levenshtein distance between two token lists."""
    if _rf_levenshtein is not None:
        return _rf_levenshtein.distance(a, b)
    return _dp(a, b)


def score(a: str, b: str) -> float:
    """Similarity of two sentences, 0 to 100 (100 only for equal token sequences)."""
    ta, tb = tokens(a), tokens(b)
    longest = max(len(ta), len(tb))
    if longest == 0:
        return 100.0 if a == b else 0.0
    return 100.0 * (1 - token_distance(ta, tb) / longest)


def score_tokens(a: list[str], b: list[str], minimum: float = 0.0) -> float | None:
    """:func:`score` of two token lists, or None when it is certainly below ``minimum``."""
    longest = max(len(a), len(b))
    if longest == 0:
        return 100.0
    # the largest distance that still reaches ``minimum``
    limit = int(longest * (1 - minimum / 100.0) + 1e-9)
    if abs(len(a) - len(b)) > limit:
        return None
    if limit < longest:
        common = sum((Counter(a) & Counter(b)).values())
        if longest - common > limit:
            return None
    if _rf_levenshtein is not None:
        d = _rf_levenshtein.distance(a, b, score_cutoff=limit)
    else:
        d = _dp(a, b, limit)
    if d > limit:
        return None
    return 100.0 * (1 - d / longest)


def length_bound(a: str, b: str) -> float:
    """An upper bound of :func:`score` from token counts alone, to skip hopeless pairs cheaply."""
    la, lb = len(tokens(a)), len(tokens(b))
    longest = max(la, lb)
    return 100.0 if longest == 0 else 100.0 * min(la, lb) / longest
