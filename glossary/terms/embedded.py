"""Forms of a referent that an article uses only inside a longer name.

"UN" in "UN Security Council", "Board of Governors" in "IAEA Board of Governors", "Great Lakes" in
"Great Lakes region", "snapback" in "snapback mechanism": a translator meets these forms in the
text and wants them under the same glossary entry. They are shown as variants only; they never
merge referents (a bare "Commission" must not join two articles' different commissions).
"""

from __future__ import annotations

import re

from glossary.terms.candidates import YEAR, _expands, is_acronym
from glossary.terms.lexicon import Lexicon, words
from glossary.terms.link import Ent, norm, place_short_name

# a place name followed by one of these is the same place ("Great Lakes region", "Rakhine State");
# not "Sea", "Gulf": the "Red Sea" is not "Red"
_AREA_TAILS = {"region", "state", "province", "governorate", "oblast", "archipelago", "district"}
# shortened only when the rest is no country or city: "Bab el-Mandeb Strait", not "Taiwan Strait"
_WATERWAY_TAILS = {"strait", "straits", "channel"}


def add_embedded_forms(ents: list[Ent], lx: Lexicon, text: str) -> None:
    """Give each referent of one article the forms of it that ``text`` holds inside other names."""
    inverse = _lexicon_forms(lx)
    low_text = text.lower()
    spans: dict[str, list[str]] | None = None
    heads = {"organization": lx.org_heads, "concept": lx.instrument_heads, "event": lx.event_heads}
    for e in ents:
        if e.cat in ("person", "title"):
            continue
        cands = _candidates(e, lx, inverse, low_text, heads)
        acronym = e.longest().text
        if is_acronym(acronym):
            if spans is None:
                spans = _name_spans(ents)
            cands.extend(f for f in spans.get(acronym[:1], ()) if _expands(f, acronym))
        if e.cat == "location" and " " not in e.longest().text:
            area = _area_form(low_text, e.longest().text)
            if area:
                cands.append(area)
        if not cands:
            continue
        have = {norm(f) for f in e.forms()} | {norm(x) for m in e.mentions for x in m.loose_forms}
        found: list[str] = []
        for cand in cands:
            n = norm(cand)
            surface = _occurrence(text, low_text, cand) if n and n not in have else None
            if surface:
                have.add(n)
                found.append(surface)
        if found:
            e.longest().loose_forms.extend(found)


def _candidates(e: Ent, lx: Lexicon, inverse: dict[str, list[str]], low_text: str,
                heads: dict[str, set[str] | dict[str, bool]]) -> list[str]:
    out: list[str] = []
    for key in {" ".join(m.toks) for m in e.mentions if m.cat != "backref"}:
        out.extend(inverse.get(key, ()))  # synonyms and acronyms the lexicon knows
    name = e.longest().text
    parts = name.split(" ")
    if e.cat == "concept":
        if e.key:
            out.extend(inverse.get(" ".join(words(e.key)), ()))
        out.extend(_concepts_inside(parts, lx))
    if e.cat in heads and len(parts) > 1 and _is_owner(parts[0], lx):
        rest = parts[1:]  # "IAEA Board of Governors" -> "Board of Governors"
        if rest[0][:1].isupper() and rest[0] != "Plus" and _head_word(rest).lower() in heads[e.cat] \
                and (e.cat == "organization" or len(rest) > 1):  # not "Charter" of "UN Charter"
            out.append(" ".join(rest))
    if e.cat in ("concept", "event"):
        out.extend(_words_before(low_text, name, lx))
    if e.cat == "location" and len(parts) > 1:
        short = place_short_name(name, lx)  # "Ecuador" inside the "Republic of Ecuador"
        if short:
            out.append(short)
    if e.cat == "location" and len(parts) > 1 and parts[-1].lower() in _AREA_TAILS | _WATERWAY_TAILS:
        rest = " ".join(parts[:-1])  # "Great Lakes region" -> "Great Lakes"
        kind = lx.places.get(words(rest))
        known = kind is not None
        if parts[-1].lower() in _WATERWAY_TAILS:
            if kind in (None, "region") and (len(parts) > 2 or "-" in rest):
                out.append(rest)
        elif (len(parts) > 2 or "-" in rest or not known) \
                and not rest.lower().endswith("ern") and rest.lower() not in lx.demonyms:
            out.append(rest)
    return out


def _concepts_inside(parts: list[str], lx: Lexicon) -> list[str]:
    """Known concepts inside a longer one that is the same idea: "non-interference" of
    "non-interference in internal affairs", "freedom of navigation" of "freedom of navigation and
    overflight", "self-defence" of "right to self-defence". Not a narrower kind ("disarmament" of
    "nuclear disarmament") and nothing inside an instrument's name ("Genocide Convention")."""
    if parts[0][:1].isupper():
        return []
    out = []
    for k in range(1, len(parts)):
        if parts[k].lower() in ("in", "and"):
            out.append(" ".join(parts[:k]))
        if " ".join(parts[:k]).lower() in lx.concept_mods:
            out.append(" ".join(parts[k:]))
    return [f for f in out if " ".join(words(f)) in lx.concepts]


def _name_spans(ents: list[Ent]) -> dict[str, list[str]]:
    """Word spans inside the article's names that may spell out an acronym, by first letter:
    "Southern African Development Community" inside "Southern African Development Community
    Electoral Observation Mission" (for "SADC"). Spans start a name or follow "of", "the", "for"."""
    out: dict[str, list[str]] = {}
    for other in ents:
        parts = other.longest().text.split(" ")
        for a in range(len(parts) - 1):
            if not parts[a][:1].isupper() or (a and parts[a - 1].lower() not in ("of", "the", "for")):
                continue
            acronym_inside = is_acronym(parts[a])
            for b in range(a + 2, len(parts) + (a > 0)):
                acronym_inside = acronym_inside or is_acronym(parts[b - 1])
                if not parts[b - 1][:1].isupper():
                    continue
                if acronym_inside:
                    break  # not across an acronym: "UN Security" is no "US"
                out.setdefault(parts[a][0], []).append(" ".join(parts[a:b]))
    return out


def _words_before(low_text: str, name: str, lx: Lexicon) -> list[str]:
    """The name with a neutral modifier or a year the text puts before it: "complete
    denuclearization", "the principle of non-refoulement", "the 1975 Algiers Agreement"."""
    low = name.lower()
    out = []
    at = low_text.find(" " + low)
    while at != -1:
        before = low_text[max(0, at - 20):at]
        if name[:1].isupper():
            if YEAR.fullmatch(before[-4:]) and (len(before) == 4 or not before[-5].isalnum()):
                out.append(f"{before[-4:]} {name}")
        else:
            out.extend(f"{mod} {name}" for mod in lx.concept_mods if before.endswith(mod)
                       and (len(before) == len(mod) or not before[-len(mod) - 1].isalnum()))
        at = low_text.find(" " + low, at + 1)
    return out


def _area_form(low_text: str, name: str) -> str | None:
    """"Rakhine State" where the text names the place "Rakhine" with an area word after it."""
    low = name.lower()
    at = low_text.find(low + " ")
    while at != -1:
        after = low_text[at + len(low) + 1:at + len(low) + 14].split(" ", 1)[0].rstrip(".,;:)")
        if after in _AREA_TAILS and (at == 0 or not _word_char(low_text[at - 1])):
            return f"{name} {after.capitalize()}"
        at = low_text.find(low + " ", at + 1)
    return None


def _is_owner(word: str, lx: Lexicon) -> bool:
    """An acronym ("IAEA") or a pair of places ("Iran-Pakistan") naming the body's owners; a single
    place is part of the name ("Shanghai Cooperation Organization", "Caribbean Community")."""
    if is_acronym(word):
        return True
    pieces = [p for p in re.split(r"[-–]", word) if p]
    return len(pieces) > 1 and all(words(p) in lx.places for p in pieces)


def _head_word(rest: list[str]) -> str:
    for i, w in enumerate(rest):
        if i and w.lower() in ("of", "for", "on"):
            return rest[i - 1]
    return rest[-1]


_INVERSE: dict[int, tuple[Lexicon, dict[str, list[str]]]] = {}


def _lexicon_forms(lx: Lexicon) -> dict[str, list[str]]:
    """Lowercase form -> the other forms of the same term: concept synonyms, acronym <-> name."""
    cached = _INVERSE.get(id(lx))
    if cached is not None and cached[0] is lx:
        return cached[1]
    inverse: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    for form, canon in lx.concepts.items():
        groups.setdefault(canon, []).append(form)
    for forms in groups.values():
        for f in forms:
            inverse.setdefault(f, []).extend(g for g in forms if g != f)
    for acronym, (_cat, full) in lx.acronyms.items():
        if full:
            inverse.setdefault(" ".join(words(full)), []).append(acronym)
            inverse.setdefault(acronym.lower(), []).append(full)
    _INVERSE[id(lx)] = (lx, inverse)
    return inverse


def _occurrence(text: str, low_text: str, form: str) -> str | None:
    """``form`` as whole words in the text, as the text writes it (an acronym only in its own
    case, anything else in any case)."""
    hay, needle = (text, form) if is_acronym(form) else (low_text, form.lower())
    first = None
    at = hay.find(needle)
    while at != -1:
        end = at + len(needle)
        if (at == 0 or not _word_char(hay[at - 1])) and (end == len(hay) or not _word_char(hay[end])):
            if text[at:end] == form:
                return form  # the form as written, not a sentence-initial capital
            first = first or text[at:end]
        at = hay.find(needle, at + 1)
    return first


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "-_"
