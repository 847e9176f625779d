"""The fuzzy score: word-token Levenshtein as a percentage of the longer sentence."""

from __future__ import annotations

import random

import pytest

import glossary.similarity as sim
from glossary.similarity import score, score_tokens, tokens, words


def test_formula_examples():
    # one substituted token out of six
    assert score("The ministers met in Minsk.", "The ministers met in Kampala.") == \
        pytest.approx(100 * (1 - 1 / 6))
    # one inserted token: distance 1 over the longer (7 tokens)
    assert score("The ministers met in Minsk.", "The two ministers met in Minsk.") == \
        pytest.approx(100 * (1 - 1 / 7))
    assert score("Same.", "Same.") == 100.0
    assert score("", "") == 100.0
    assert score("Case", "case") == 0.0


def test_tokens_and_words():
    assert tokens("Non-Aligned Movement’s U.S. talks, (NAM).") == [
        "Non-Aligned", "Movement’s", "U.S", ".", "talks", ",", "(", "NAM", ")", "."]
    assert words("Non-Aligned Movement’s U.S. talks, (NAM).") == 5
    assert words("— , .") == 0


@pytest.mark.parametrize("accelerated", [True, False])
def test_score_tokens_matches_score_and_cutoff(monkeypatch, accelerated):
    if not accelerated:
        monkeypatch.setattr(sim, "_rf_levenshtein", None)
    rng = random.Random(7)
    vocab = "a b c d e f g h , .".split()
    for _ in range(300):
        a = [rng.choice(vocab) for _ in range(rng.randint(0, 12))]
        b = [rng.choice(vocab) for _ in range(rng.randint(0, 12))]
        exact = score(" ".join(a), " ".join(b)) if (a or b) else 100.0
        for minimum in (0, 50, 75, 90):
            got = score_tokens(a, b, minimum)
            if exact >= minimum:
                assert got == pytest.approx(exact)
            else:
                assert got is None
