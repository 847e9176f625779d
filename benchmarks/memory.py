"""Translation-memory benchmark: TMX import and fuzzy lookup at 100k and 1M units.

    python benchmarks/memory.py [--quick] [--sizes 100000,1000000] [--work DIR]

For each size it

1. generates a multilingual TMX 1.4b file (en source, fa/ru/be targets) of synthetic
   diplomatic-news-like sentences (Zipf vocabulary, deterministic seed);
2. imports it with ``glossary import`` machinery into a fresh memory (units/s, peak RSS of a
   separate process) and reads it with translate-toolkit's ``tmxfile`` in another separate
   process (units/s, peak RSS), in the same run on the same file;
3. brings the word index up to date (the import leaves it to the first lookup; timed as
   ``index_seconds``) and runs 200 fuzzy queries (1 to 3-word edits of stored segments) through
   :meth:`glossary.memory.Memory.lookup` and through brute-force rapidfuzz
   (``Levenshtein.normalized_similarity`` over token sequences against every segment), and
   reports p50/p95 latency and recall@1 (our best score equals the brute-force best score).

Peak RSS of each child process is its own ``VmHWM`` (``/proc/self/status``; ``ru_maxrss``
elsewhere, which on Linux would also count the parent's RSS at the fork); the TMX reader
processes of our import (two for a big file, one per half) are reported separately: the
largest one's peak (``ru_maxrss`` of the importer's children) times their number, an upper
bound of what they hold at once.
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
import shutil
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


# ------------------------------------------------------------------ child processes


def _peak_mb(who: int) -> float:
    """Peak RSS in MB. For this process, VmHWM where Linux has it: ``ru_maxrss`` keeps the RSS the
    process had before ``exec``, i.e. the benchmark parent's, which is large right after it has
    generated a TMX (a 1M run then reported 282 MB for an import whose own peak is 81 MB)."""
    if who == resource.RUSAGE_SELF:
        try:
            with open("/proc/self/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024.0
        except OSError:
            pass
    return resource.getrusage(who).ru_maxrss / 1024.0  # kilobytes on Linux


def child_import(tmx: str, out: str) -> dict:
    """Our import, as ``glossary import`` runs it (without keeping a copy of the file)."""
    from glossary import memory
    from glossary.memory import reader

    readers = 2 if reader.planned_split(tmx) is not None else 1
    t0 = time.perf_counter()
    report = memory.import_files(out, [tmx], keep_copy=False, show_progress=False)
    seconds = time.perf_counter() - t0
    return {"units": report.units, "seconds": seconds, "new_segments": report.new_segments,
            "new_translations": report.new_translations,
            "peak_rss_mb": _peak_mb(resource.RUSAGE_SELF),
            "reader_peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN), "readers": readers,
            "total_peak_rss_mb": _peak_mb(resource.RUSAGE_SELF)
            + readers * _peak_mb(resource.RUSAGE_CHILDREN)}


def child_ttk(tmx: str) -> dict:
    """translate-toolkit's TMX reader: every unit, the text of every language variant."""
    from translate.storage import tmx as ttk_tmx

    t0 = time.perf_counter()
    with open(tmx, "rb") as fh:
        store = ttk_tmx.tmxfile(fh)
    units = chars = 0
    for unit in store.units:
        for node in unit.getlanguageNodes():
            chars += len(unit.getNodeText(node) or "")
        units += 1
    seconds = time.perf_counter() - t0
    return {"units": units, "seconds": seconds, "chars": chars,
            "peak_rss_mb": _peak_mb(resource.RUSAGE_SELF)}


def run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ lookups


def make_queries(sources: list[str], n: int, seed: int = SEED) -> list[tuple[str, str]]:
    """``n`` (query, original) pairs: 1 to 3 word edits (substitute, insert, delete)."""
    rng = random.Random(seed + 1)
    corpus = Corpus(seed + 2)
    out = []
    for original in rng.sample(sources, n):
        words = original.split()
        for _ in range(rng.randint(1, 3)):
            op = rng.choice(("sub", "ins", "del")) if len(words) > 4 else "sub"
            i = rng.randrange(len(words))
            if op == "sub":
                words[i] = corpus.word()
            elif op == "ins":
                words.insert(i, corpus.word())
            else:
                del words[i]
        out.append((" ".join(words), original))
    return out


def _encode(tokens: list[str], ids: dict[str, int]) -> str:
    """A token sequence as a string of one code point per token (for rapidfuzz)."""
    return "".join(chr(0x10000 + ids.setdefault(t, len(ids))) for t in tokens)


def bench_lookup(out: str, queries: list[tuple[str, str]], lang: str = "ru") -> dict:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from glossary.memory.store import SQLiteStore
    from glossary.similarity import tokens

    store = SQLiteStore(Path(out) / "tmx" / "memory.sqlite")
    try:
        t0 = time.perf_counter()
        indexed = store.catch_up()  # the import leaves the word index to the first lookup
        index_s = time.perf_counter() - t0
        store.fuzzy(queries[0][0], lang, 0, 1)  # open caches, as a running service would
        ours, our_best = [], []
        for q, _ in queries:
            t0 = time.perf_counter()
            hits = store.fuzzy(q, lang, 0, 1)
            ours.append(time.perf_counter() - t0)
            our_best.append(hits[0].score if hits else -1.0)
        ids: dict[str, int] = {}
        choices = [_encode(tokens(s), ids)
                   for (s,) in store.db.execute("SELECT source FROM segments")]
    finally:
        store.close()
    brute, brute_best = [], []
    for q, _ in queries:
        t0 = time.perf_counter()
        enc = _encode(tokens(q), ids)
        best = process.extractOne(enc, choices, scorer=Levenshtein.normalized_similarity)
        brute.append(time.perf_counter() - t0)
        brute_best.append(100.0 * best[1])
    hits = sum(1 for a, b in zip(our_best, brute_best) if abs(a - b) < 1e-6)

    def pct(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return 1000 * xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]

    return {"queries": len(queries), "segments": len(choices), "indexed": indexed,
            "index_seconds": index_s,
            "ours_p50_ms": pct(ours, 0.5), "ours_p95_ms": pct(ours, 0.95),
            "brute_p50_ms": pct(brute, 0.5), "brute_p95_ms": pct(brute, 0.95),
            "recall_at_1": hits / len(queries),
            "mean_best_score": statistics.mean(brute_best)}


# ------------------------------------------------------------------ main


def run_size(units: int, work: Path, n_queries: int, skip_ttk: bool) -> dict:
    tmx = work / f"bench-{units}.tmx"
    sample_path = work / f"bench-{units}.sample.json"
    if not (tmx.exists() and sample_path.exists()):
        t0 = time.perf_counter()
        sample = generate_tmx(tmx, units)
        sample_path.write_text(json.dumps(sample), encoding="utf-8")
        print(f"[{units}] generated {tmx.name} ({tmx.stat().st_size >> 20} MB) in "
              f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    sample = json.loads(sample_path.read_text(encoding="utf-8"))
    out = work / f"project-{units}"
    if out.exists():
        shutil.rmtree(out)
    result: dict = {"units": units, "file_mb": tmx.stat().st_size / 2**20}
    os.sync()  # the generated file's pages reach the disk now, not during the timed import
    result["ours"] = run_child("_import", str(tmx), str(out))
    result["ours"]["units_per_s"] = result["ours"]["units"] / result["ours"]["seconds"]
    print(f"[{units}] ours: {result['ours']}", file=sys.stderr)
    if not skip_ttk:
        os.sync()  # likewise the memory the import just wrote
        result["ttk"] = run_child("_ttk", str(tmx))
        result["ttk"]["units_per_s"] = result["ttk"]["units"] / result["ttk"]["seconds"]
        result["speedup"] = result["ours"]["units_per_s"] / result["ttk"]["units_per_s"]
        print(f"[{units}] ttk: {result['ttk']}", file=sys.stderr)
    result["lookup"] = bench_lookup(str(out), make_queries(sample, n_queries))
    print(f"[{units}] lookup: {result['lookup']}", file=sys.stderr)
    return result


def report(results: list[dict]) -> str:
    lines = ["| units | ours units/s | ttk units/s | ratio | ours peak RSS (writer + readers = total) "
             "| ttk peak RSS | p50 | p95 | brute-force p50/p95 | recall@1 |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        o, t, lk = r["ours"], r.get("ttk"), r["lookup"]
        lines.append(
            f"| {r['units']:,} | {o['units_per_s']:,.0f} | "
            f"{t['units_per_s']:,.0f} | {r['speedup']:.2f}x | " if t else
            f"| {r['units']:,} | {o['units_per_s']:,.0f} | - | - | ")
        lines[-1] += (f"{o['peak_rss_mb']:.0f} + {o['readers']} x "
                      f"{o['reader_peak_rss_mb']:.0f} = {o['total_peak_rss_mb']:.0f} MB | "
                      f"{(str(round(t['peak_rss_mb'])) + ' MB') if t else '-'} | "
                      f"{lk['ours_p50_ms']:.1f} ms | {lk['ours_p95_ms']:.1f} ms | "
                      f"{lk['brute_p50_ms']:.0f}/{lk['brute_p95_ms']:.0f} ms | "
                      f"{lk['recall_at_1']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_import":
        print(json.dumps(child_import(argv[1], argv[2])))
        return 0
    if argv and argv[0] == "_ttk":
        print(json.dumps(child_ttk(argv[1])))
        return 0
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="100k units only")
    p.add_argument("--sizes", default="100000,1000000", help="comma-separated unit counts")
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--work", default=None, help="folder for the generated files (kept)")
    p.add_argument("--skip-ttk", action="store_true", help="do not run translate-toolkit")
    args = p.parse_args(argv)
    sizes = [100_000] if args.quick else [int(x) for x in args.sizes.split(",")]
    work = Path(args.work or tempfile.mkdtemp(prefix="glossary-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = [run_size(n, work, args.queries, args.skip_ttk) for n in sizes]
    (work / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(report(results))
    print(f"(files and results.json in {work})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
