"""Load the extractor's knowledge from the data files in ``glossary/terms/data/en/``.

Everything the extractor knows about the world (places, offices, head nouns, concepts, stop
words) is plain text a linguist can edit; this module reads it once and builds the lookup
tables, keyed by lowercase token tuples.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TypeVar

T = TypeVar("T")
_REMEMBERED: list = []


def remembered(fn: Callable[..., T]) -> Callable[..., T]:
    """A pure function of strings, its answers kept (up to 65,536), listed so that
    :func:`forget_remembered` can clear them all."""
    kept = lru_cache(maxsize=65536)(fn)
    _REMEMBERED.append(kept)
    return kept


def forget_remembered() -> None:
    """Clear the answers of every :func:`remembered` function."""
    for kept in _REMEMBERED:
        kept.cache_clear()


# How text is cut into tokens, for the scanner and for lexicon entries alike (so that "S. Korea"
# or "OPEC+" in a data file is keyed the way the scanner reads it in an article). Group 1: the
# spaces before a token, taken with it (no position is tried twice); group 2: the token.
TOKEN = re.compile(
    r"(\s*+)("
    r"(?=[A-ZÀ-ÖØ-Þ])(?:"  # forms that start with a capital
    r"(?:[A-Z]\.){2,}"  # U.S., H.E.
    r"|(?:St|ST|Mt|MT|Ft|FT)\.(?=\s+[A-Z])"  # St. Petersburg
    r"|[A-Z]\.(?=\s+[^\W\da-z_])"  # an initial: M. Ryzhenkov, R. Žilinskas
    r"|[A-Z][A-Z0-9]+\+(?![\w+])"  # a group and its partners: OPEC+, BRICS+
    r"|[A-ZÀ-ÖØ-Þ]\w*+(?=[-‐‑](?:led|brokered|backed|sponsored|mediated|hosted|funded|drafted|based|born|"
    r"allied|aligned|controlled|held|occupied|run|made|built)\b)"  # "Kenya-led": a place, then "-led"
    r")|\w++(?:[-‐‑]\w++)*+(?:['’](?!s\b)\w++(?:-\w++)*+)*+"  # possessive: nothing to retry
    r"|['’]s\b"
    r"|\S)"
)


@remembered
def words(text: str) -> tuple[str, ...]:
    """Lowercase tokens of a lexicon entry, split the way the scanner splits text."""
    text = text.replace("’", "'")
    return tuple([t.lower() for _, t in TOKEN.findall(text)])


def _split_head(phrase: str) -> tuple[str, str, str]:
    """(before, head word, after): the word that takes the number in an English noun phrase.

    "Foreign Minister" -> head "Minister"; "Minister of Foreign Affairs" -> "Minister";
    "Ambassador Extraordinary and Plenipotentiary" -> "Ambassador".
    """
    words = phrase.split(" ")
    at = len(words) - 1
    for k, w in enumerate(words):
        if k and w.lower() in ("of", "for", "to", "on", "in"):
            at = k - 1
            break
    else:
        if "and" in (w.lower() for w in words[1:]) and len(words) > 2 and words[1][:1].isupper():
            at = 0
    return " ".join(words[:at]), words[at], " ".join(words[at + 1:])


def _join(before: str, head: str, after: str) -> str:
    return " ".join(p for p in (before, head, after) if p)


@remembered
def plural(phrase: str) -> str:
    """English plural: 'Foreign Minister' -> 'Foreign Ministers', 'Head of State' -> 'Heads of State'."""
    before, last, after = _split_head(phrase)
    if last.endswith("-General") and len(last) > 8:  # Secretaries-General
        return _join(before, plural(last[:-8]) + "-General", after)
    low = last.lower()
    if low.endswith("man") and low not in ("german", "roman", "human"):
        last = last[:-3] + last[-3] + "en"  # Spokesman -> Spokesmen, Chairman -> Chairmen
    elif low.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif low.endswith("y") and low[-2:-1] not in ("a", "e", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return _join(before, last, after)


@remembered
def singular(phrase: str) -> str:
    """Inverse of :func:`plural` for the common cases."""
    before, last, after = _split_head(phrase)
    if last.endswith("-General") and len(last) > 8:
        return _join(before, singular(last[:-8]) + "-General", after)
    low = last.lower()
    if low.endswith("men") and low not in ("specimen",):
        last = last[:-3] + last[-3] + "an"
    elif low.endswith("ies") and len(low) > 4:
        last = last[:-3] + "y"
    elif low.endswith(("ches", "shes", "sses", "xes")):
        last = last[:-2]
    elif low.endswith("s") and not low.endswith("ss"):
        last = last[:-1]
    return _join(before, last, after)


def _lines(name: str) -> list[str]:
    text = resources.files("glossary.terms").joinpath("data", "en", name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass
class Lexicon:
    """Lookup tables, all keyed by lowercase token tuples (or lowercase strings)."""

    places: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> kind
    place_canon: dict[str, str] = field(default_factory=dict)  # lowercase alias -> lowercase name
    demonyms: set[str] = field(default_factory=set)
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> canonical office
    title_plurals: dict[tuple[str, ...], str] = field(default_factory=dict)  # plural -> canonical
    title_mods: set[str] = field(default_factory=set)
    concept_mods: list[str] = field(default_factory=list)  # "complete" (denuclearization)
    title_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    title_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> synonyms
    honorifics: set[tuple[str, ...]] = field(default_factory=set)
    honorific_first: set[str] = field(default_factory=set)  # first words of the forms of address
    honorific_one: set[str] = field(default_factory=set)  # one-word forms ("Mr", "Dr")
    org_heads: dict[str, bool] = field(default_factory=dict)  # -> national body?
    national_bodies: set[tuple[str, ...]] = field(default_factory=set)
    orgs: set[tuple[str, ...]] = field(default_factory=set)
    event_heads: set[str] = field(default_factory=set)
    instrument_heads: set[str] = field(default_factory=set)
    concepts: dict[str, str] = field(default_factory=dict)  # lowercase form -> canonical
    stop: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)
    portfolio: set[str] = field(default_factory=set)
    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (category, full)
    acronym_prefix: dict[str, str] = field(default_factory=dict)  # "COP" (+ digits) -> category
    acronym_fulls: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word -> full names
    backrefs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "alliance" -> ("nato", ...)
    concept_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    title_first: set[str] = field(default_factory=set)
    place_first: set[str] = field(default_factory=set)
    place_lens: dict[str, list[int]] = field(default_factory=dict)  # first word -> lengths, longest first
    title_lens: dict[str, list[int]] = field(default_factory=dict)
    max_place: int = 1
    max_title: int = 1


def _saint_forms(form: str) -> list[str]:
    """A place name and its other spellings of a leading "Saint" ("St.", "St")."""
    for lead in ("Saint ", "St. ", "St "):
        if form.startswith(lead):
            rest = form[len(lead):]
            return [form] + [x + rest for x in ("Saint ", "St. ", "St ") if x != lead]
    return [form]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon, read from the package data once per process."""
    lx = Lexicon()
    for name in ("gazetteer.tsv", "aliases.tsv"):
        for ln in _lines(name):
            form, kind, canon = (ln.split("\t") + ["", ""])[:3]
            for spelled in _saint_forms(form):  # "St. Kitts", "St Kitts", "Saint Kitts"
                lx.places.setdefault(words(spelled), kind or "place")
                if spelled != form:
                    lx.place_canon.setdefault(spelled.lower(), (canon or form).lower())
            if canon:
                lx.place_canon[form.lower()] = canon.lower()
    lx.max_place = max(len(k) for k in lx.places)
    for ln in _lines("demonyms.txt"):
        low = ln.lower()
        lx.demonyms.add(low)
        lx.demonyms.add(low + "s")
    for ln in _lines("title_synonyms.txt"):
        forms = tuple(f.strip() for f in ln.split("|"))
        for f in forms:
            lx.title_groups[f] = forms
    generic = {ln.lower() for ln in _lines("generic.txt")}
    for ln in _lines("titles.txt") + list(lx.title_groups):
        canon = lx.title_groups.get(ln, (ln,))[0]
        lx.titles.setdefault(words(ln), canon)
        if ln.lower() not in generic:  # "Leaders" is prose, "Foreign Ministers" an office
            lx.title_plurals.setdefault(words(plural(ln)), canon)
    lx.max_title = max(len(k) for k in lx.titles)
    lx.title_prefixes = {k[:i] for k in lx.titles for i in range(1, len(k))}
    lx.title_mods = {ln.lower() for ln in _lines("title_modifiers.txt")}
    lx.concept_mods = [ln.lower() for ln in _lines("concept_modifiers.txt")]
    lx.honorifics = {words(ln.rstrip(".")) for ln in _lines("honorifics.txt")} | {
        words(ln) for ln in _lines("honorifics.txt")}
    lx.honorific_first = {h[0] for h in lx.honorifics}
    lx.honorific_one = {h[0] for h in lx.honorifics if len(h) == 1}
    for ln in _lines("org_heads.txt"):
        head, _, flag = ln.partition("\t")
        if " " in head:
            lx.national_bodies.add(words(head))
        else:
            lx.org_heads[head.lower()] = flag.strip() == "national"
    lx.orgs = {words(ln) for ln in _lines("orgs.txt")}
    lx.event_heads = {ln.lower() for ln in _lines("event_heads.txt")}
    lx.instrument_heads = {ln.lower() for ln in _lines("instrument_heads.txt")}
    for ln in _lines("concepts.txt"):
        forms = [f.strip() for f in ln.split(" | ")]
        for f in forms:  # synonyms share the first form as their canonical term
            low = f.lower()
            lx.concepts.setdefault(low, forms[0])
            lx.concepts.setdefault(plural(low), forms[0])
    for form in lx.concepts:
        key = words(form)
        lx.concept_first.setdefault(key[0], []).append(key)
    for cands in lx.concept_first.values():
        cands.sort(key=len, reverse=True)
    lx.concepts = {" ".join(words(k)): v for k, v in lx.concepts.items()}
    lx.place_first = {k[0] for k in lx.places}
    for table, lens in ((lx.places, lx.place_lens), (lx.titles, lx.title_lens), (lx.title_plurals, lx.title_lens)):
        for k in table:
            lens.setdefault(k[0], [])
            if len(k) not in lens[k[0]]:
                lens[k[0]].append(len(k))
    for lens in (lx.place_lens, lx.title_lens):
        for v in lens.values():
            v.sort(reverse=True)
    lx.title_first = {k[0] for k in lx.titles} | {k[0] for k in lx.title_plurals} | lx.title_mods
    lx.stop = {ln.lower() for ln in _lines("stopwords.txt")}
    lx.generic = {ln.lower() for ln in _lines("generic.txt")}
    lx.portfolio = {ln.lower() for ln in _lines("portfolio.txt")}
    for ln in _lines("backrefs.tsv"):
        parts = ln.split("\t")
        lx.backrefs[parts[0].strip().lower()] = tuple(p.strip().lower() for p in parts[1:])
    lx.acronym_fulls = {}
    for ln in _lines("acronyms.tsv"):
        parts = ln.split("\t")
        if len(parts) > 2 and parts[2].strip():
            full = words(parts[2].strip())
            lx.acronym_fulls.setdefault(full[0], []).append(full)
    for ln in _lines("acronyms.tsv"):
        parts = (ln.split("\t") + ["", ""])[:3]
        if parts[0].endswith("#"):
            lx.acronym_prefix[parts[0][:-1]] = parts[1].strip()
        else:
            lx.acronyms[parts[0]] = (parts[1].strip(), parts[2].strip())
    return lx
