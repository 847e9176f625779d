"""Score predicted glossaries against gold ones, with the rules of the project's ``score.py``.

A predicted entry matches a gold entry when its folded term equals the folded gold term or one
of the gold variants; the first match is a true positive, a second one a false positive
(unmerged variants cost precision); entries matching an ``optional`` gold entry are ignored.
Category accuracy is measured on matches; variant linking is the share of a matched gold
entry's other forms (those occurring in the article) that the prediction lists as variants.
Used by the tests and ``benchmarks/terms.py``; standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_APOS = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`\u02bc"), "'")
_DQUOTES = dict.fromkeys(map(ord, "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"), None)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212"), "-")
_EDGE = " \t\n.,;:!?()[]{}'*/\\|\u2014-"


def fold(s: str) -> str:
    """Case, quotes, dashes, a leading "the" and a final possessive folded away."""
    s = unicodedata.normalize("NFKC", s).translate(_APOS).translate(_DQUOTES).translate(_DASHES)
    s = re.sub(r"\s+", " ", s.casefold()).strip(_EDGE)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    return s.strip(_EDGE)


def _fold_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_APOS).translate(_DQUOTES).translate(_DASHES)
    return " " + re.sub(r"\s+", " ", s.casefold()) + " "


def _has(text: str, form: str) -> bool:
    f = fold(form)
    return bool(f) and re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text) is not None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cat_ok: int = 0
    cat_total: int = 0
    var_hit: int = 0
    var_total: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("tp", "fp", "fn", "cat_ok", "cat_total", "var_hit", "var_total"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.false_positives += other.false_positives
        self.missed += other.missed

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def category_accuracy(self) -> float:
        return self.cat_ok / self.cat_total if self.cat_total else 0.0

    @property
    def variant_linking(self) -> float:
        return self.var_hit / self.var_total if self.var_total else 0.0


def score_article(gold: list[dict], pred: list[dict], text: str | None = None) -> Score:
    """Compare one article's predicted entries (``Term.to_json()`` shape) with its gold list."""
    idx: dict[str, int] = {}
    for i, g in enumerate(gold):
        for form in [g["term"], *g.get("variants", [])]:
            idx.setdefault(fold(form), i)
    ftext = _fold_text(text) if text is not None else None
    sc = Score()
    matched: dict[int, dict] = {}
    for p in pred:
        f = fold(p["term"])
        if not f:
            continue
        g = idx.get(f)
        if g is None:
            sc.fp += 1
            sc.false_positives.append(p["term"])
        elif gold[g].get("optional"):
            continue
        elif g in matched:
            sc.fp += 1
            sc.false_positives.append(p["term"])
        else:
            matched[g] = p
            sc.tp += 1
            if p.get("category"):
                sc.cat_total += 1
                sc.cat_ok += p["category"] == gold[g]["category"]
    for i, g in enumerate(gold):
        if not g.get("optional") and i not in matched:
            sc.fn += 1
            sc.missed.append(g["term"])
    for i, p in matched.items():
        forms = {fold(f) for f in [gold[i]["term"], *gold[i].get("variants", [])]}
        if ftext is not None:
            forms = {f for f in forms if _has(ftext, f)}
        forms.discard(fold(p["term"]))
        have = {fold(v) for v in p.get("variants", [])}
        sc.var_total += len(forms)
        sc.var_hit += len(forms & have)
    return sc
