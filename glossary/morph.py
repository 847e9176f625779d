"""Find a glossary rendering in a translation through inflection and spelling variants.

A text is cut into words (:func:`words`, on the comparison key of :func:`glossary.textnorm.fold`);
every word gets a *set of keys* from the language's analyser; a term of ``n`` words occurs in a
text when ``n`` consecutive words of the text share a key with the term's words, one by one.
Each word of a multi-word term is analysed on its own, so adjective/noun agreement
("Европейский союз" / "Европейского союза") is followed.

Analysers:

* Russian: pymorphy3 with its Russian dictionary (optional extra ``qa``): keys = every normal
  form pymorphy3 gives for the word plus its suffix stem; without pymorphy3, the Snowball Russian
  stemmer whose rule set is ``glossary/data/morph/ru_snowball.tsv``.
* Belarusian: the suffix and alternation rules of ``glossary/data/morph/be_rules.tsv``.
* Persian: the folded word (letter forms, ZWNJ/space, marks and digits folded by
  :func:`glossary.textnorm.fold_persian`) and the word without a plural/ezafe suffix
  (``glossary/data/morph/fa_suffixes.txt``); a multi-word term also matches when written without
  any space or ZWNJ between its parts.
* Any other language: the folded word itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from glossary.textnorm import fold

WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def words(text: str, lang: str) -> list[str]:
    """The words of ``text`` on its comparison key (folded; hyphenated words stay whole)."""
    return WORD.findall(fold(text, lang))


def _data_lines(name: str) -> list[str]:
    text = resources.files("glossary").joinpath("data", "morph", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def base_lang(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


# ---------------------------------------------------------------- Russian: Snowball rules as data


@dataclass
class _SuffixGroup:
    after_a: list[str] = field(default_factory=list)  # suffix must follow а/я
    plain: list[str] = field(default_factory=list)


class RussianStemmer:
    """The Snowball Russian stemmer, its suffix lists read from ``ru_snowball.tsv``."""

    name = "snowball-ru"
    VOWELS = set("аеиоуыэюя")

    def __init__(self) -> None:
        groups: dict[str, _SuffixGroup] = {}
        for line in _data_lines("ru_snowball.tsv"):
            group, cond, suffixes = line.split("\t")
            g = groups.setdefault(group, _SuffixGroup())
            (g.after_a if cond == "a" else g.plain).extend(suffixes.split())
        self.groups = groups

    def _regions(self, word: str) -> tuple[int, int]:
        rv = next((i + 1 for i, ch in enumerate(word) if ch in self.VOWELS), len(word))
        r1 = len(word)
        for i in range(1, len(word)):
            if word[i] not in self.VOWELS and word[i - 1] in self.VOWELS:
                r1 = i + 1
                break
        r2 = len(word)
        for i in range(r1 + 1, len(word)):
            if word[i] not in self.VOWELS and word[i - 1] in self.VOWELS:
                r2 = i + 1
                break
        return rv, r2

    def _strip(self, word: str, start: int, group: str) -> str | None:
        """``word`` without the longest suffix of ``group`` lying after ``start``, or None."""
        g = self.groups[group]
        best: tuple[int, str] | None = None
        for suf in g.plain:
            if word.endswith(suf) and len(word) - len(suf) >= start:
                if best is None or len(suf) > best[0]:
                    best = (len(suf), word[: -len(suf)])
        for suf in g.after_a:
            cut = len(word) - len(suf)
            if word.endswith(suf) and cut - 1 >= start and word[cut - 1] in "ая":
                if best is None or len(suf) > best[0]:
                    best = (len(suf), word[:cut])
        return None if best is None else best[1]

    def stem(self, word: str) -> str:
        word = word.lower().replace("ё", "е")
        if not re.fullmatch(r"[а-я\-]+", word):
            return word
        rv, r2 = self._regions(word)
        # step 1
        out = self._strip(word, rv, "perfective_gerund")
        if out is None:
            word = self._strip(word, rv, "reflexive") or word
            adj = self._strip(word, rv, "adjective")
            if adj is not None:
                out = self._strip(adj, rv, "participle") or adj
            else:
                out = self._strip(word, rv, "verb")
                if out is None:
                    out = self._strip(word, rv, "noun")
        word = out if out is not None else word
        # step 2
        if word.endswith("и") and len(word) - 1 >= rv:
            word = word[:-1]
        # step 3
        word = self._strip(word, r2, "derivational") or word
        # step 4
        if word.endswith("нн"):
            return word[:-1]
        sup = self._strip(word, rv, "superlative")
        if sup is not None:
            return sup[:-1] if sup.endswith("нн") else sup
        if word.endswith("ь") and len(word) - 1 >= rv:
            return word[:-1]
        return word

    def keys(self, word: str) -> frozenset[str]:
        """The word, its Snowball stem, and the word without its noun or adjective ending alone.

        Snowball tries verb endings before noun endings ("Тегерана" -> "тегера"); the extra keys
        let "Тегеран" and "Тегерана" still meet on "тегеран".
        """
        word = word.lower().replace("ё", "е")
        out = {word, self.stem(word)}
        if re.fullmatch(r"[а-я\-]+", word):
            rv, _ = self._regions(word)
            for group in ("noun", "adjective"):
                cut = self._strip(word, rv, group)
                if cut:
                    out.add(cut[:-1] if cut.endswith("ь") else cut)
        return frozenset(out)


class RussianLemmatizer:
    """pymorphy3: every normal form of every parse, plus the Snowball stem."""

    name = "pymorphy3"

    def __init__(self) -> None:
        import pymorphy3  # noqa: PLC0415 (optional dependency)

        self.morph = pymorphy3.MorphAnalyzer(lang="ru")
        self.stemmer = RussianStemmer()

    def keys(self, word: str) -> frozenset[str]:
        lemmas = {p.normal_form.replace("ё", "е") for p in self.morph.parse(word)}
        lemmas.add(self.stemmer.stem(word))
        return frozenset(lemmas)


# ---------------------------------------------------------------- Belarusian rules


class BelarusianStemmer:
    """Suffix stripping with alternation folding, rules read from ``be_rules.tsv``."""

    name = "rules-be"
    VOWELS = set("аеёіоуыэюяй")

    def __init__(self) -> None:
        self.endings: set[str] = set()
        self.final: list[tuple[str, str]] = []
        self.vowels: dict[str, str] = {}
        self.fleeting = ""
        self.min_stem = 3
        for line in _data_lines("be_rules.tsv"):
            kind, *values = line.split("\t")
            if kind == "ending":
                self.endings.update(values[0].split())
            elif kind == "final":
                self.final.append((values[0], values[1]))
            elif kind == "vowel":
                self.vowels[values[0]] = values[1]
            elif kind == "fleeting":
                self.fleeting = values[0].replace(" ", "")
            elif kind == "min_stem":
                self.min_stem = int(values[0])
        self.final.sort(key=lambda fv: -len(fv[0]))
        self.vowel_table = str.maketrans(self.vowels)

    def _normal(self, stem: str) -> set[str]:
        if stem.endswith("ь"):
            stem = stem[:-1]
        if len(stem) > self.min_stem and stem[-1] == stem[-2] and stem[-1] not in self.VOWELS:
            stem = stem[:-1]  # gemination: Беларуссю, ноччу; недалучэнне -> недалучэн
        for src, dst in self.final:
            if stem.endswith(src):
                stem = stem[: -len(src)] + dst
                break
        out = {stem.translate(self.vowel_table)}
        if (len(stem) > self.min_stem and stem[-2] in self.fleeting
                and stem[-1] not in "аеёіоуыэюяй" and stem[-3] not in "аеёіоуыэюяй"):
            out.add((stem[:-2] + stem[-1]).translate(self.vowel_table))
        return out

    def keys(self, word: str) -> frozenset[str]:
        word = word.lower().replace("ў", "у").replace("ё", "е")
        cands = {word}
        for i in range(self.min_stem, len(word)):
            if word[i:] in self.endings:
                cands.add(word[:i])
        out: set[str] = set()
        for c in cands:
            out |= self._normal(c)
        return frozenset(out)


# ---------------------------------------------------------------- Persian and the rest


class PersianKeys:
    """The folded word, and the word without a plural/ezafe suffix from ``fa_suffixes.txt``."""

    name = "fold-fa"

    def __init__(self) -> None:
        self.suffixes = sorted((s.strip() for s in _data_lines("fa_suffixes.txt")),
                               key=len, reverse=True)

    def keys(self, word: str) -> frozenset[str]:
        out = {word}
        for suf in self.suffixes:
            if word.endswith(suf) and len(word) - len(suf) >= 2:
                out.add(word[: -len(suf)])
        return frozenset(out)


class ExactKeys:
    name = "exact"

    def keys(self, word: str) -> frozenset[str]:
        return frozenset({word})


@lru_cache(maxsize=None)
def analyser(lang: str, use_pymorphy: bool = True):
    """The analyser for ``lang`` (pymorphy3 for Russian when installed and allowed)."""
    base = base_lang(lang)
    if base == "ru":
        if use_pymorphy:
            try:
                return RussianLemmatizer()
            except ImportError:
                pass
        return RussianStemmer()
    if base == "be":
        return BelarusianStemmer()
    if base == "fa":
        return PersianKeys()
    return ExactKeys()


class TermMatcher:
    """Finds terms of one language in texts; word keys are cached."""

    def __init__(self, lang: str, use_pymorphy: bool = True) -> None:
        self.lang = lang
        self.analyser = analyser(lang, use_pymorphy)
        self._cache: dict[str, frozenset[str]] = {}
        self.persian = base_lang(lang) == "fa"

    def keys(self, word: str) -> frozenset[str]:
        k = self._cache.get(word)
        if k is None:
            k = self._cache[word] = self.analyser.keys(word)
        return k

    def contains(self, text: str, term: str) -> bool:
        """Whether ``term`` (a rendering from the glossary) occurs in ``text`` in some form."""
        tw = words(term, self.lang)
        if not tw:
            return True
        xw = words(text, self.lang)
        tk = [self.keys(w) for w in tw]
        xk = [self.keys(w) for w in xw]
        n = len(tk)
        for i in range(len(xk) - n + 1):
            if all(tk[j] & xk[i + j] for j in range(n)):
                return True
        if self.persian and n > 1:
            # the parts of a compound written together, without space or ZWNJ
            joined = "".join(tw)
            return any(joined in k for w in xw for k in self.keys(w)) or \
                joined in "".join(xw)
        return False


def contains_term(text: str, term: str, lang: str, use_pymorphy: bool = True) -> bool:
    """Convenience wrapper: does ``term`` occur in ``text`` (language ``lang``) in some form?"""
    return TermMatcher(lang, use_pymorphy).contains(text, term)
