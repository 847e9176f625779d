"""Sentence segmenter benchmark: accuracy on the dev sets and throughput, ours vs pysbd.

    python benchmarks/segment.py                 # accuracy table + speed on a >= 3 MB news text
    python benchmarks/segment.py --no-speed      # accuracy only
    python benchmarks/segment.py --extra DIR     # also score extra JSONL sets found in DIR
                                                 # (e.g. LanguageTool's LGPL sets, kept outside
                                                 # the repository)
    python benchmarks/segment.py --choppa        # also check choppa-srx on the exported SRX

Accuracy: *exact* = a case counts only if the whole list of sentences (stripped) is right;
UD sets are scored as sentence-boundary F1. Our segmenter treats every line break as a hard
boundary; pysbd gets the raw text (its own newline handling), like a user would call it.

Speed: a news-like text of at least 3 MB is built from whole articles (the invented
diplomatic news articles of tests/data/terms, the news sample tests/data/segmentation/
news_text_en.txt and the seed article; names, cities and years varied), written to a
temporary file, then
* ours, whole process: ``python -m glossary segment FILE --format jsonl`` (start-up, reading,
  segmenting and writing the JSON lines included), best of 3 runs;
* pysbd: ``Segmenter(language="en", clean=False).segment(article)`` for each article of the same
  text, in this process (no start-up cost counted for pysbd).
The ratio printed is ours / pysbd in characters per second, both measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "segmentation"
SEED = ROOT / "articles" / "000_b99e290821005e18.txt"
TERM_ARTICLES = ROOT / "tests" / "data" / "terms" / "articles"
sys.path.insert(0, str(ROOT))

from glossary.segment import segment_spans

EXACT_SETS = [
    ("golden_rules_en", "en"), ("sentencex_en", "en"), ("news_en", "en"), ("newspara_en", "en"),
    ("golden_rules_ru", "ru"), ("sentencex_ru", "ru"), ("news_ru", "ru"),
    ("golden_rules_fa", "fa"), ("misc_fa", "fa"), ("news_fa", "fa"),
    ("news_be", "be"),
    ("blind_en", "en"), ("blind_ru", "ru"), ("blind_fa", "fa"), ("blind_be", "be"),
]
F1_SETS = [("ud_en", "en"), ("ud_ru", "ru"), ("ud_fa", "fa"), ("ud_be", "be")]


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ours(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in segment_spans(text, lang)]


_PYSBD: dict[str, object] = {}


def pysbd_split(text: str, lang: str) -> list[str]:
    import pysbd

    code = {"be": "ru"}.get(lang, lang)  # pysbd has no Belarusian rules
    seg = _PYSBD.get(code)
    if seg is None:
        seg = _PYSBD[code] = pysbd.Segmenter(language=code, clean=False)
    return [s.strip() for s in seg.segment(text) if s.strip()]


def boundaries(text: str, sents: list[str]) -> set[int]:
    """End offsets of all sentences but the last, located in order in ``text``."""
    out: set[int] = set()
    pos = 0
    for s in sents[:-1]:
        i = text.find(s, pos)
        if i < 0:
            # the segmenter changed the text; fall back to a whitespace-insensitive cursor
            i = pos
        pos = i + len(s)
        out.add(pos)
    return out


def f1(cases: list[dict], fn, lang: str) -> float:
    tp = fp = fn_ = 0
    for c in cases:
        gold = boundaries(c["text"], c["expected"])
        got = boundaries(c["text"], fn(c["text"], lang))
        tp += len(gold & got)
        fp += len(got - gold)
        fn_ += len(gold - got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn_) if tp + fn_ else 1.0
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def exact(cases: list[dict], fn, lang: str) -> tuple[int, list[str]]:
    ok = 0
    failed: list[str] = []
    for c in cases:
        if fn(c["text"], lang) == [s.strip() for s in c["expected"]]:
            ok += 1
        else:
            failed.append(c["id"])
    return ok, failed


def accuracy(extra: Path | None, with_pysbd: bool, show_failures: bool) -> None:
    sets = [(DATA / f"{n}.jsonl", n, lang) for n, lang in EXACT_SETS]
    if extra is not None:
        for p in sorted(extra.glob("*.jsonl")):
            lang = p.stem.rsplit("_", 1)[-1]
            if lang in ("en", "ru", "fa", "be") and not p.stem.startswith("ud_") \
                    and not (DATA / p.name).exists():
                sets.append((p, p.stem, lang))
    print("| set | cases | ours exact | pysbd exact |")
    print("|---|---|---|---|")
    for path, name, lang in sets:
        cases = load(path)
        ok, failed = exact(cases, ours, lang)
        theirs = exact(cases, pysbd_split, lang)[0] if with_pysbd else None
        print(f"| {name} | {len(cases)} | {ok}/{len(cases)} | "
              f"{'-' if theirs is None else f'{theirs}/{len(cases)}'} |")
        if show_failures and failed:
            print(f"|   failed: {' '.join(failed)} | | | |")
    print()
    print("| set | texts | ours boundary F1 | pysbd boundary F1 |")
    print("|---|---|---|---|")
    for name, lang in F1_SETS:
        cases = load(DATA / f"{name}.jsonl")
        theirs = f1(cases, pysbd_split, lang) if with_pysbd else None
        print(f"| {name} | {len(cases)} | {f1(cases, ours, lang):.1f} | "
              f"{'-' if theirs is None else f'{theirs:.1f}'} |")
    print()


FIRST = ["Abbas", "Maxim", "Sergey", "Antonio", "Josep", "Wang", "Hakan", "Mohammed", "Annalena",
         "Jean-Noel", "Kaja", "Ali", "Rafael", "Vladimir", "Hossein"]
LAST = ["Araghchi", "Ryzhenkov", "Lavrov", "Guterres", "Borrell", "Yi", "Fidan", "Al Thani",
        "Baerbock", "Barrot", "Kallas", "Bagheri", "Grossi", "Makei", "Amir-Abdollahian"]
CITIES = ["Kampala", "Minsk", "Tehran", "Geneva", "Vienna", "New York", "Moscow", "Baku",
          "Washington, D.C.", "Doha", "Oman", "Ankara"]


def build_corpus(min_chars: int) -> list[str]:
    """Whole news articles: the invented diplomatic articles of the term dev set (CC0), the news
    sample and the seed, repeated with names, cities and years varied until ``min_chars``."""
    sources = [p.read_text(encoding="utf-8").strip()
               for p in sorted(TERM_ARTICLES.glob("*.txt")) if p.name != "seed.txt"]
    sources.append(DATA.joinpath("news_text_en.txt").read_text(encoding="utf-8").strip())
    if SEED.exists():
        sources.append(SEED.read_text(encoding="utf-8").strip())
    rng = random.Random(12)
    out: list[str] = []
    total = 0
    names = [(f, l) for f in FIRST for l in LAST]
    while total < min_chars:
        for art in sources:
            f, l = rng.choice(names)
            text = (art.replace("Araghchi", l).replace("Abbas", f)
                    .replace("Kampala", rng.choice(CITIES))
                    .replace("2025", str(rng.randint(1995, 2030))))
            out.append(text)
            total += len(text) + 2
    return out


def speed(min_chars: int, runs: int) -> None:
    import pysbd

    articles = build_corpus(min_chars)
    text = "\n\n".join(articles) + "\n"
    n = len(text)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.txt"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        cmd = [sys.executable, "-m", "glossary", "segment", str(path), "--format", "jsonl"]
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        best = float("inf")
        out_lines = 0
        for _ in range(runs):
            t0 = time.perf_counter()
            res = subprocess.run(cmd, stdout=subprocess.PIPE, env=env, check=True)
            best = min(best, time.perf_counter() - t0)
            out_lines = res.stdout.count(b"\n")
        mod_cmd = [sys.executable, "-m", "glossary.segment", str(path), "--format", "jsonl"]
        best_mod = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(mod_cmd, stdout=subprocess.DEVNULL, env=env, check=True)
            best_mod = min(best_mod, time.perf_counter() - t0)
        empty = Path(tmp) / "empty.txt"
        empty.write_text("", encoding="utf-8")
        floor = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "glossary", "segment", str(empty), "--format",
                            "jsonl"], stdout=subprocess.DEVNULL, env=env, check=True)
            floor = min(floor, time.perf_counter() - t0)
        t0 = time.perf_counter()
        in_proc = segment_spans(text, "en")
        t_in = time.perf_counter() - t0
        seg = pysbd.Segmenter(language="en", clean=False)
        t0 = time.perf_counter()
        p_count = 0
        for art in articles:
            p_count += len(seg.segment(art))
        t_p = time.perf_counter() - t0
    ours_cps = n / best
    pysbd_cps = n / t_p
    print(f"text: {n:,} characters ({size:,} bytes UTF-8), {len(articles):,} articles")
    print(f"ours  (glossary segment --format jsonl, whole process, best of {runs}): "
          f"{best:.3f} s, {ours_cps:,.0f} chars/s, {out_lines:,} sentences")
    print(f"ours  (python -m glossary.segment --format jsonl, whole process): {best_mod:.3f} s, "
          f"{n / best_mod:,.0f} chars/s ({n / best_mod / pysbd_cps:.1f}x pysbd)")
    print(f"      fixed cost alone (the same command on an empty file): {floor:.3f} s")
    print(f"ours  (segment_spans in process):  {t_in:.3f} s, {n / t_in:,.0f} chars/s, "
          f"{len(in_proc):,} sentences")
    print(f"pysbd (per article, in process):   {t_p:.3f} s, {pysbd_cps:,.0f} chars/s, "
          f"{p_count:,} sentences")
    print(f"ratio ours/pysbd (whole process vs pysbd): {ours_cps / pysbd_cps:.1f}x")


def choppa_check() -> None:
    """Split every exact dev set with choppa-srx on the exported SRX and compare with ours."""
    from choppa.iterators import SrxTextIterator
    from choppa.srx_parser import SrxDocument

    from glossary.segment import DEFAULT_SRX

    doc = SrxDocument(ruleset=str(DEFAULT_SRX))

    def choppa_split(text: str, lang: str) -> list[str]:
        out: list[str] = []
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            if line.strip():
                out.extend(s.strip() for s in SrxTextIterator(doc, lang, line) if s.strip())
        return out

    total = same = 0
    for name, lang in EXACT_SETS + F1_SETS:
        for c in load(DATA / f"{name}.jsonl"):
            total += 1
            if choppa_split(c["text"], lang) == ours(c["text"], lang):
                same += 1
            else:
                print(f"  differs: {c['id']}")
    print(f"choppa-srx on the exported SRX: {same}/{total} texts split identically")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput test")
    ap.add_argument("--no-pysbd", action="store_true", help="do not score pysbd")
    ap.add_argument("--failures", action="store_true", help="list the ids of failed cases")
    ap.add_argument("--extra", type=Path, metavar="DIR",
                    help="also score *_{en,ru,fa,be}.jsonl sets in DIR (read at run time)")
    ap.add_argument("--choppa", action="store_true",
                    help="check that choppa-srx splits the dev sets like we do")
    ap.add_argument("--chars", type=int, default=3_200_000, help="size of the speed text")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    accuracy(args.extra, not args.no_pysbd, args.failures)
    if args.choppa:
        choppa_check()
    if not args.no_speed:
        speed(args.chars, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
