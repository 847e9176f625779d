"""Translation-memory benchmark: TMX import and fuzzy lookup at 100k and 1M units.

    python benchmarks/memory.py [--quick] [--sizes 100000,1000000] [--work DIR]

For each size it

1. generates a multilingual TMX 1.4b file (en source, fa/ru/be targets) of synthetic
   diplomatic-news-like sentences (Zipf vocabulary, deterministic seed);
2. imports it with ``glossary import`` machinery into a fresh memory (units/s, peak RSS of a
   separate process) and reads it with translate-toolkit's ``tmxfile`` in another separate
   process (units/s, peak RSS), in the same run on the same file;
3. runs 200 fuzzy queries (1 to 3-word edits of stored segments) through
   :meth:`glossary.memory.Memory.lookup` and through brute-force rapidfuzz
   (``Levenshtein.normalized_similarity`` over token sequences against every segment), and
   reports p50/p95 latency and recall@1 (our best score equals the brute-force best score).

Peak RSS is ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` of each child process.
``--quick`` runs 100k only.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 20261128
TARGETS = ("fa", "ru", "be")

# ------------------------------------------------------------------ synthetic corpus

_CONS = "bcdfghjklmnprstvz"
_VOW = "aeiou"
_FUNCTION = ("the of and to in a on for with that by as at from its their was were is are "
             "has have had be will would said also which this between after over both not "
             "during who it an or two new first").split()
_RU = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    "абкдефгхийклмнопкрстувшксзАБКДЕФГХИЙКЛМНОПКРСТУВШКСЗ")
_BE = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    "абцдэфгхійклмнопкрстуўшксзАБЦДЭФГХІЙКЛМНОПКРСТУЎШКСЗ")
_FA = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ابچدهفگحیجکلمنوپقرستووخیزژ")


def vocabulary(rng: random.Random, size: int = 60000) -> list[str]:
    words = set()
    while len(words) < size:
        n = rng.randint(2, 4)
        words.add("".join(rng.choice(_CONS) + rng.choice(_VOW) for _ in range(n))
                  + rng.choice(("", "n", "s", "r", "t")))
    return list(_FUNCTION) + sorted(words)


class Corpus:
    """Sentences of 6 to 34 word tokens, Zipf-distributed words, some capitals and commas."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        weights = [1.0 / (r + 10) ** 1.05 for r in range(len(self.words))]
        self.cum = list(itertools.accumulate(weights))

    def word(self) -> str:
        return self.words[bisect.bisect(self.cum, self.rng.random() * self.cum[-1])]

    def sentence(self) -> str:
        rng = self.rng
        n = rng.randint(6, 34)
        words = rng.choices(self.words, cum_weights=self.cum, k=n)
        words[0] = words[0].capitalize()
        for i in range(1, n):
            if rng.random() < 0.12:
                words[i] = words[i].capitalize()
        if n > 10 and rng.random() < 0.5:
            words[rng.randrange(3, n - 2)] += ","
        return " ".join(words) + "."


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def generate_tmx(path: Path, units: int, seed: int = SEED) -> list[str]:
    """Write a multilingual TMX of ``units`` units; return a sample of 2,000 sources."""
    corpus = Corpus(seed)
    sample_every = max(1, units // 2000)
    sample = []
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<tmx version="1.4">\n<header creationtool="bench" creationtoolversion="1" '
                 'segtype="sentence" o-tmf="bench" adminlang="en" srclang="en" '
                 'datatype="plaintext"/>\n<body>\n')
        seen = set()
        i = 0
        while i < units:
            src = corpus.sentence()
            if src in seen:
                continue
            seen.add(src)
            if i % sample_every == 0:
                sample.append(src)
            e = _esc(src)
            fh.write(f'<tu tuid="u{i}"><tuv xml:lang="en"><seg>{e}</seg></tuv>'
                     f'<tuv xml:lang="fa"><seg>{_esc(src.translate(_FA))}</seg></tuv>'
                     f'<tuv xml:lang="ru"><seg>{_esc(src.translate(_RU))}</seg></tuv>'
                     f'<tuv xml:lang="be"><seg>{_esc(src.translate(_BE))}</seg></tuv></tu>\n')
            i += 1
        fh.write("</body>\n</tmx>\n")
    return sample
