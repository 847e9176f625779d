"""Group mentions into referents: surnames, initials, acronyms and back-references merged.

Within one article: an acronym in parentheses joins the name before it; an unexpanded acronym
joins the name whose initials spell it; "Araghchi" and "A. Araghchi" join "Abbas Araghchi";
"the Commission" joins the one named body with that head noun mentioned before it; "NAM
Ministerial Meeting" joins "19th Mid-Term Ministerial Meeting of the Non-Aligned Movement"
(same head, same body, no words of its own). Across articles, referents sharing a form merge.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from glossary.model import Occurrence, Term
from glossary.terms.candidates import (
    _ORDINAL,
    _REPORT_VERBS,
    ROMAN_NUMERAL,
    SPELLED_ORDINAL,
    STATE_ADJECTIVES,
    STATE_HEADS,
    Mention,
    add_place_noun_form,
    is_acronym,
)
from glossary.terms.lexicon import Lexicon, plural, remembered, singular, words

_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "’": "'", "‘": "'"})
_HYPHEN_RE = re.compile(r"[-‐‑]")
_INITIAL_RE = re.compile(r"\w\.")
_PLACE_PREV = {"in", "near", "around"}
_MEMBER_BODY = {(w,) for w in ("ministers", "governors", "heads", "representatives", "ambassadors",
                                "experts", "elders", "deputies", "delegates", "commissioners", "judges")}
# two words before an unknown name that make it a place: "the port of Hobyo", "based on Gotland",
# "travel to Karbala"
_PLACE_PREV2 = {
    "of": {"port", "city", "town", "village", "region", "province", "island", "capital", "outskirts",
           "suburbs", "district", "governorate", "enclave", "archipelago", "department", "departments"},
    "on": {"based", "stationed", "island", "deployed"},
    "to": {"travel", "travelled", "traveled", "flew", "trip", "trips", "pilgrimage", "relocated"},
}
_PLACE_NEXT = {"region", "regions", "province", "provinces", "district", "districts", "oblast",
               "governorate", "archipelago", "peninsula", "peninsulas", "site", "sites", "valley",
               "basin", "crossing", "crossings", "department"}
_ORDINAL_PREFIX = re.compile(rf"^(?:\d+(?:st|nd|rd|th)|{SPELLED_ORDINAL})\s+", re.IGNORECASE)
_ROMAN_WORD = re.compile(rf"(?:^| ){ROMAN_NUMERAL}(?= |$)")
_ORDINAL_WORD = re.compile(SPELLED_ORDINAL, re.IGNORECASE)  # a lone one names nothing
_SKIP_INITIALS = {"of", "the", "and", "for", "on", "in", "&"}


_SPACES = re.compile(r"\s+")


@remembered
def norm(s: str) -> str:
    """The scorer's folding: case, a leading "the", dashes, quotes, a possessive 's."""
    s = _SPACES.sub(" ", s.translate(_DASHES).casefold().strip(" .,;:"))
    return s.removeprefix("the ").removesuffix("'s")


@dataclass(eq=False, slots=True)
class Ent:
    cat: str
    mentions: list[Mention] = field(default_factory=list)
    key: str = ""  # canonical office or concept
    extra: list[str] = field(default_factory=list)  # forms that are variants without a mention
    order: tuple[int, int] = (0, 0)
    slugs: list[str] = field(default_factory=list)
    _longest: Mention | None = None
    _n: int = 0

    def forms(self) -> list[str]:
        return [m.text for m in self.mentions] + self.extra

    def key_forms(self) -> list[str]:
        """Forms that identify the referent beyond its article (not "the Commission")."""
        return [m.text for m in self.mentions if m.cat != "backref"] + self.extra

    def longest(self) -> Mention:
        if self._longest is not None and self._n == len(self.mentions):
            return self._longest
        self._n = len(self.mentions)
        self._longest = self._compute_longest()
        return self._longest

    def _compute_longest(self) -> Mention:
        named = [m for m in self.mentions if not is_acronym(m.text)] or self.mentions
        # fullest form; of equal ones the first not in capitals ("Tehran", not the dateline "TEHRAN")
        return max(named, key=lambda m: (len(m.toks), len(m.text), not m.text.isupper(), -m.start))


def initials(toks: tuple[str, ...], texts: list[str]) -> str:
    out = []
    for low, txt in zip(toks, texts):
        if low in _SKIP_INITIALS:
            continue
        if is_acronym(txt):
            out.append(txt.replace(".", "").upper())
            continue
        for part in _HYPHEN_RE.split(txt):
            if part:
                out.append(part[0].upper())
    return "".join(out)


def link_article(mentions: list[Mention], lx: Lexicon, known: list[Ent] | None = None) -> list[Ent]:
    """Referents of one article, in order of first mention."""
    ents: list[Ent] = []
    by_key: dict[tuple[str, str], Ent] = {}
    owner: dict[int, Ent] = {}  # id(mention) -> referent
    singles: list[Mention] = []
    backrefs: list[Mention] = []
    weak: list[tuple[int, Mention]] = []

    def add(m: Mention, cat: str, key: str) -> Ent:
        e = by_key.get((cat, key))
        if e is None:
            e = Ent(cat, key=m.key if cat in ("title", "concept") else "")
            by_key[(cat, key)] = e
            ents.append(e)
        e.mentions.append(m)
        if m.extra_forms:
            e.extra.extend(f for f in m.extra_forms if f not in e.extra)
        return e

    placed = set()
    for m in mentions:
        if m.cat == "person" and _place_context(m) and len(m.toks) <= 3 and not m.weak:
            m.cat = "location"  # "in El Fasher"
            placed.add(m.toks)
    if placed:  # "... over Huangyan Dao": the same words are the same place
        for m in mentions:
            if m.cat == "person" and m.toks in placed:
                m.cat = "location"
    for idx, m in enumerate(mentions):
        if m.acronym_of is not None and id(m.acronym_of) in owner:
            e = owner[id(m.acronym_of)]
            e.mentions.append(m)
            by_key.setdefault((e.cat, norm(m.text)), e)
            owner[id(m)] = e
            continue
        if m.cat == "single":
            singles.append(m)
            continue
        if m.cat == "backref":
            backrefs.append(m)
            continue
        if m.weak:
            weak.append((idx, m))
            continue
        if m.cat in ("title", "concept"):
            key = norm(m.key)
        elif m.cat == "location":
            key = _place_key(m.text, lx)
        else:
            key = norm(m.text)
        owner[id(m)] = add(m, m.cat, key)

    persons = [e for e in ents if e.cat == "person"]

    def person_for(toks: tuple[str, ...]) -> Ent | None:
        """The full-named person whose surname (and initial) this short form matches."""
        toks = _unsuffix(toks)
        last = toks[-1]
        given = [t[0] for t in toks[:-1]] if _initials_only(toks[:-1]) else []  # "S. V." Korotkov
        best = None
        for e in persons:
            full = _unsuffix(e.longest().toks)
            if len(full) < 2 or full == toks or full[-1] != last:
                continue
            if given and (len(full) <= len(given) or [w[0] for w in full[:len(given)]] != given):
                continue
            best = e
        if best is None and known and len(toks) == 1:  # a surname from an earlier article
            for e in known:
                if e.cat == "person" and len(e.longest().toks) > 1 and _unsuffix(e.longest().toks)[-1] == last:
                    best = add(Mention(e.longest().text, "person", -1, -1, -1, e.longest().toks),
                               "person", norm(e.longest().text))
                    best.mentions.pop()
                    best.extra.append(e.longest().text)  # so the articles' referents merge
                    persons.append(best)
                    break
        if best is None and len(toks) == 1:  # "Xi" for Xi Jinping, "Anwar" for Anwar Ibrahim
            firsts = [e for e in persons if len(e.longest().toks) >= 2 and e.longest().toks[0] == last]
            if len(firsts) == 1:
                best = firsts[0]
        if best is None and len(toks) == 1:  # "Lula" for Luiz Inácio Lula da Silva
            inner = [e for e in persons if last in e.longest().toks[1:-1] and len(e.longest().toks) >= 3]
            if len(inner) == 1:
                best = inner[0]
        return best

    # short person forms ("Araghchi", "M. Ryzhenkov") join the full name
    for e in list(persons):
        full = e.longest().toks
        if len(full) == 1 or (len(full) <= 4 and _initials_only(full[:-1])):
            target = person_for(full)
            if target is not None and target is not e:
                target.mentions.extend(e.mentions)
                ents.remove(e)
                persons.remove(e)

    # "Aboul Gheit" for Ahmed Aboul Gheit: a multiword surname
    for e in list(persons):
        t = e.longest().toks
        for other in persons:
            o = other.longest().toks
            if other is not e and len(o) > len(t) >= 2 and o[-len(t):] == t and e in ents:
                other.mentions.extend(e.mentions)
                ents.remove(e)
                persons.remove(e)
                break

    for idx, m in weak:
        target = None
        if m.cat == "person":
            target = next((e for e in persons if norm(e.longest().text) == norm(m.text)), None) \
                or person_for(m.toks)
        elif m.cat == "location":
            target = by_key.get(("location", _place_key(m.text, lx)))
        else:
            target = by_key.get((m.cat, norm(m.text)))
        if target is not None:
            target.mentions.append(m)
            owner[id(m)] = target

    form_owner: dict[str, Ent] = {}
    for e in ents:
        if e.cat != "title":
            for f in e.forms():
                form_owner.setdefault(norm(f), e)
    # "the Fordow, Natanz and Isfahan facilities": unknown words listed with a place are places
    pos = {id(m): k for k, m in enumerate(mentions)}

    def listed_with_place(m: Mention) -> bool:
        k = pos[id(m)]
        for d, sep in ((1, m.next), (-1, m.prev)):
            if sep in (",", "and", "or") and 0 <= k + d < len(mentions):
                o = mentions[k + d]
                gap = o.start - m.end if d == 1 else m.start - o.end
                if o.sent == m.sent and o.cat == "location" and 0 < gap <= 6:
                    return True
        return False

    # "in Murmansk", "the Svalbard archipelago", "the Natanz site(s)": unknown words placed by
    # their context are places before the lists above are read ("Murmansk, Dikson and Pevek")
    singles = [m for m in singles if not _ORDINAL_WORD.fullmatch(m.text)]  # "Second, India will ..."
    for m in singles:
        if m.cat == "single" and not m.weak and norm(m.text) not in form_owner \
                and ((_place_context(m) and not m.sent_initial) or m.next in _PLACE_NEXT) \
                and person_for(m.toks) is None:
            m.cat = "location"
    for seq in (reversed(singles), singles):
        for m in seq:
            if m.cat == "single" and not m.weak and listed_with_place(m) \
                    and norm(m.text) not in form_owner and person_for(m.toks) is None:
                m.cat = "location"
    for m in singles:
        if m.cat == "location":
            add_place_noun_form(m)  # "the Mehran crossing"
            form_owner[norm(m.text)] = add(m, "location", _place_key(m.text, lx))
            continue
        target = person_for(m.toks)
        if target is not None:
            target.mentions.append(m)
            continue
        same = form_owner.get(norm(m.text))
        if same is not None:
            same.mentions.append(m)
            continue
        if m.weak:
            continue
        if m.next in _REPORT_VERBS:
            m.cat = "person"
            e = form_owner[norm(m.text)] = add(m, "person", norm(m.text))
            persons.append(e)

    # "the Commission": the named body with that head mentioned before
    for m in backrefs:
        head = m.toks[0]
        cat = ("organization" if head in lx.org_heads else "event" if head in lx.event_heads
               else "concept")
        cats = {cat, "event"} if head in lx.org_heads else {cat}  # "the Assembly" of a session
        cands = [e for e in ents if e.cat in cats and any(
            x.start < m.start and len(x.toks) > 1 and _head(x.toks) == head for x in e.mentions)]
        # the body the article is about: most mentioned, then most recent
        best = max(cands, key=lambda e: (len(e.mentions), max(x.start for x in e.mentions)), default=None)
        if best is None and head in lx.backrefs:  # "the Alliance": NATO
            names = lx.backrefs[head]
            best = next((e for e in ents if e.cat == "organization" and any(
                norm(x.text) in names for x in e.mentions if x.start < m.start)), None)
        if best is not None:
            best.mentions.append(m)
        elif m.prev == "'s" and lx.org_heads.get(head):  # "Iran's Parliament": a country's own body
            m.cat = "organization"
            add(m, "organization", norm(m.text))

    # other names of one body: "Majlis" for the Islamic Consultative Assembly
    for e in [e for e in ents if e.cat == "organization"]:
        # not through a back-reference already resolved: "the Union" of the Union for the Mediterranean
        names = {n for f in e.key_forms() for n in lx.backrefs.get(norm(f), ())}
        if not names:
            continue
        other = next((o for o in ents if o is not e and o.cat == "organization"
                      and any(norm(f) in names for f in o.forms())), None)
        if other is not None:
            other.mentions.extend(e.mentions)
            ents.remove(e)

    # acronyms without parentheses: initials, then the lexicon's expansion
    for e in list(ents):
        acr = e.mentions
        if not acr or not all(is_acronym(m.text) for m in acr) or e not in ents:
            continue  # a referent known only by its acronym
        a = acr[0].text.replace(".", "").upper()
        full = lx.acronyms.get(acr[0].text, ("", ""))[1]
        for other in ents:
            if other is not e and any(x.text == acr[0].text for x in other.mentions):
                other.mentions.extend(e.mentions)  # defined in parentheses after a concept
                ents.remove(e)
                break
            if other is e or other.cat != e.cat:
                continue
            forms = [x for x in other.mentions if len(x.toks) > 1]
            if any(initials(x.toks, x.text.split()) == a for x in forms) or \
                    (full and any(norm(x.text) == norm(full) for x in forms)) or \
                    (full and any(lx.acronyms.get(x.text, ("", ""))[1] == full
                                  for x in other.mentions)):  # "U.N." and "UN"
                other.mentions.extend(e.mentions)
                ents.remove(e)
                break

    # short forms of a body: "Security Council" for "UN Security Council"
    orgs = [e for e in ents if e.cat == "organization"]
    merged_away: set[int] = set()
    for e in orgs:
        t = e.longest().toks
        if len(t) < 2:
            continue
        for other in orgs:
            if other is e or id(other) in merged_away:
                continue
            o = other.longest().toks
            if len(o) <= len(t):
                continue
            pre = o[:o.index("of")] if "of" in o and not _of_members(o) else ()
            suffix = o[-len(t):] == t and o[-len(t) - 1] not in ("of", "the", "for") and _names_body(
                other.longest().text.split()[:len(o) - len(t)], lx)
            if suffix or pre == t:
                other.mentions.extend(e.mentions)
                ents.remove(e)
                merged_away.add(id(e))
                break

    # "the Minister", "the Ambassador": the one fuller office of the article with that word
    person_starts = {m.start for e in ents if e.cat == "person" for m in e.mentions}
    for e in [e for e in ents if e.cat == "title"]:
        if any(len(m.toks) > 1 or not m.text[:1].isupper() for m in e.mentions) or e.extra:
            continue  # not "the Secretary-General of the League of Arab States"
        if any(any(m.end < p <= m.end + 6 for p in person_starts) for m in e.mentions):
            continue
        word = e.mentions[0].toks[0]
        # not a lesser office of that name: "Assistant Secretary-General" is not the Secretary-General
        fuller = [o for o in ents if o.cat == "title" and o is not e
                  and any(len(x.toks) > 1 and word in (x.toks[0], x.toks[-1], _head(x.toks))
                          and x.toks[0] not in lx.title_mods for x in o.mentions)]
        if fuller:  # the office the article is about: most mentioned, then first
            best = max(fuller, key=lambda o: (len(o.mentions), -min(x.start for x in o.mentions)))
            best.mentions.extend(e.mentions)
            ents.remove(e)

    # "the High Commissioner": the one office of the article it is the start of
    # ("High Commissioner for Human Rights")
    for e in [e for e in ents if e.cat == "title"]:
        forms = {m.toks for m in e.mentions}
        if len(forms) != 1:
            continue
        t = next(iter(forms))
        k = len(t)
        if k < 2:
            continue
        fuller = [o for o in ents if o.cat == "title" and o is not e and any(
            len(x.toks) > k + 1 and x.toks[:k] == t and x.toks[k] in ("for", "on", "of") for x in o.mentions)]
        if len(fuller) == 1:
            fuller[0].mentions.extend(e.mentions)
            ents.remove(e)

    _merge_events(ents, lx)
    _merge_place_prefixes(ents, lx)
    ents = [e for e in ents if e.mentions and not all(m.weak for m in e.mentions)]
    ents.sort(key=lambda e: min([m.start for m in e.mentions]))
    return ents


_STATE_FORMS = re.compile(
    r"^(?:the )?(?:(?:" + "|".join(sorted((STATE_ADJECTIVES - {"people"}) | {"people's"})) + r") )*"
    r"(?:" + "|".join(sorted(STATE_HEADS | {"state", "commonwealth"})) + r") of (?:the )?")


def _of_members(toks: tuple[str, ...]) -> bool:
    """A body named after its members ("Nordic Council of Ministers", "Board of Governors"): another
    body than the one its first words name ("Nordic Council")."""
    return "of" in toks and toks[toks.index("of") + 1:toks.index("of") + 2] in _MEMBER_BODY


def _initials_only(toks: tuple[str, ...]) -> bool:
    return bool(toks) and all(_INITIAL_RE.fullmatch(t) for t in toks)


def _place_context(m: Mention) -> bool:
    """Whether the words before ``m`` name a place: "in Murmansk", "the port of Hobyo"."""
    return m.prev in _PLACE_PREV or m.prev2 in _PLACE_PREV2.get(m.prev, ())


def _place_key(text: str, lx: Lexicon) -> str:
    """One key for the forms of a place: "Republic of Indonesia" and "Indonesia", "UK" and "United Kingdom"."""
    low = norm(text)
    if words(low) not in lx.places:  # a long form known in itself keeps its referent: the
        # "Republic of Korea" is not the "Democratic People's Republic of Korea"
        short = _STATE_FORMS.sub("", low)
        if short != low and tuple(short.split()) in lx.places:
            low = short
        elif low.endswith(" city") and lx.places.get(words(low[:-5])) == "city":
            low = low[:-5]  # "Hiroshima City" is Hiroshima (but "Kuwait City" is not Kuwait)
    # accents folded: a dateline in capitals often drops them ("YAOUNDE" is "Yaoundé")
    low = lx.place_canon.get(low, low)
    low = lx.place_canon.get(low, low)  # a spelling of an alias: "St Kitts and Nevis"
    return _unaccent(low.replace(" & ", " and "))


def place_short_name(text: str, lx: Lexicon) -> str:
    """ "Ecuador" of the "Republic of Ecuador", "Qatar" of the "State of Qatar", "Hiroshima" of
    "Hiroshima City": the short name inside a place's long form when it names the same place
    (not "Korea" of the "Republic of Korea", not "Kuwait" of "Kuwait City"), else ""."""
    form = _STATE_FORMS.match(text.lower().replace("’", "'"))
    if form is not None:
        short = " ".join(text.split(" ")[len(form.group().split()):])
    elif text.endswith(" City"):
        short = text[:-5]
    else:
        return ""
    return short if short and _place_key(short, lx) == _place_key(text, lx) else ""


@remembered
def _unaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _names_body(words: list[str], lx: Lexicon) -> bool:
    """Whether the words before a short form name a body or place ("UN", "African Union",
    "Iran-Pakistan"), not an adjective ("Supreme National" Security Council)."""
    if not words:
        return False
    low = tuple([w.lower() for w in words])
    if is_acronym(words[0]) or low in lx.places or low in lx.orgs or low[-1] in lx.org_heads:
        return True
    parts = [p for w in low for p in _HYPHEN_RE.split(w) if p]
    return all((p,) in lx.places or p.upper() in lx.acronyms or p in lx.demonyms for p in parts)


def _unsuffix(toks: tuple[str, ...]) -> tuple[str, ...]:
    while len(toks) > 1 and toks[-1] in ("jr", "sr", "ii", "iii", "iv", "jr.", "sr."):
        toks = toks[:-1]
    return toks


def _head(toks: tuple[str, ...]) -> str:
    for k, w in enumerate(toks):
        if w in ("of", "for", "on") and k:
            return toks[k - 1]
    return toks[-1]


def _merge_place_prefixes(ents: list[Ent], lx: Lexicon) -> None:
    """A place named in full elsewhere in the article: "Rio" for "Rio de Janeiro", "Bab el-Mandeb"
    for "Bab el-Mandeb Strait" (not a known place of its own: "Gaza" is not the "Gaza Strip")."""
    places = [e for e in ents if e.cat == "location"]
    gone: set[int] = set()
    for e in places:
        toks = e.longest().toks
        if toks in lx.places or any(m.cat == "backref" for m in e.mentions):
            continue
        fuller = [o for o in places if o is not e and id(o) not in gone
                  and len(o.longest().toks) > len(toks) and o.longest().toks[:len(toks)] == toks]
        if len(fuller) == 1:
            fuller[0].mentions.extend(e.mentions)
            ents.remove(e)
            gone.add(id(e))


def _merge_events(ents: list[Ent], lx: Lexicon) -> None:
    """Join an event mention into a fuller one with the same head and body."""
    expand: dict[str, set[str]] = {}
    for e in ents:
        if e.cat != "organization":
            continue
        words = set()
        for m in e.mentions:
            if not is_acronym(m.text):
                words |= {w for w in m.toks if w not in _SKIP_INITIALS}
        for m in e.mentions:
            if is_acronym(m.text):
                expand[m.toks[0]] = words

    def bag(toks: tuple[str, ...]) -> set[str]:
        out = set()
        for w in toks:
            if w in _SKIP_INITIALS or _ORDINAL.match(w):
                continue
            out |= expand.get(w, {w})
        return out

    # named instruments too ("Revitalized Agreement" of "Revitalized Agreement on the Resolution of
    # …"), but not lowercase concepts ("international law" is not "international humanitarian law")
    events = [e for e in ents if len(e.longest().toks) > 1 and (
        e.cat in ("event", "organization", "location")
        or (e.cat == "concept" and all(m.text[:1].isupper() for m in e.mentions)))]
    longest = {id(e): e.longest().toks for e in events}
    # only names of one kind with one head word can be one referent
    same_head: dict[tuple[str, str], list[Ent]] = {}
    for e in events:
        same_head.setdefault((e.cat, _head(longest[id(e)])), []).append(e)
    gone: set[int] = set()
    for e in sorted(events, key=lambda e: len(longest[id(e)])):
        small = longest[id(e)]
        if e.cat == "location" and small in lx.places:
            continue  # a known place is its own: the "Republic of Korea" is not the DPRK
        for other in same_head[(e.cat, _head(small))]:
            if other is e or id(other) in gone or id(e) in gone:
                continue
            big = other.longest().toks
            if len(big) <= len(small):
                continue
            if e.cat == "organization" and (big[len(big) - len(small):] == small or _of_members(big)):
                continue  # "Security Council" is not the "Supreme National Security Council"
            o_small = [w for w in small if _ORDINAL.match(w)]
            if o_small and o_small != [w for w in big if _ORDINAL.match(w)]:
                continue
            if bag(small) <= bag(big):
                other.mentions.extend(e.mentions)
                ents.remove(e)
                gone.add(id(e))


def _title_case(s: str) -> str:
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in s.split(" "))


def to_term(e: Ent) -> Term:
    """The glossary entry: fullest explicit form as term, the other in-text forms as variants."""
    if e.cat == "title":
        caps = [m.text for m in e.mentions if m.text[:1].isupper() and not is_acronym(m.text)]
        only_plural = all(norm(m.text) != norm(singular(m.text)) for m in e.mentions
                          if not is_acronym(m.text)) and any(not is_acronym(m.text) for m in e.mentions)
        if only_plural:
            term = caps[0] if caps else _title_case(e.mentions[0].text)
            number = singular(term)
        else:
            singular_forms = [m.text for m in e.mentions if norm(m.text) == norm(singular(m.text))
                              and not is_acronym(m.text)]
            capsing = [f for f in singular_forms if f[:1].isupper()]
            term = (max(capsing, key=capsing.count) if capsing else
                    _title_case(singular_forms[0]) if singular_forms else e.key)
            number = plural(term)
        extra = [number]
    elif e.cat == "concept":
        term = e.key if any(norm(m.text) == norm(e.key) for m in e.mentions) else e.mentions[0].text
        extra = []
    else:
        term = e.longest().text
        extra = []
    if e.cat == "event":  # the forms without their number: "OTS Summit", "Brussels Conference"
        for f in [term] + e.forms():
            bare = _ROMAN_WORD.sub("", _ORDINAL_PREFIX.sub("", f)).strip()
            if bare != f and " " in bare:
                extra.append(bare)
    variants: list[str] = []
    seen = {norm(term)}
    for f in e.forms() + extra + [x for m in e.mentions for x in m.loose_forms]:
        nf = norm(f)
        if nf and nf not in seen:
            seen.add(nf)
            variants.append(f)
    rank = {s: k for k, s in enumerate(e.slugs)} if len(e.slugs) > 1 else {}
    occ = sorted({(rank.get(m.slug, 0), m.start, m.end, m.sent, m.slug) for m in e.mentions})
    return Term(term, e.cat, tuple(variants), tuple([Occurrence._make((slug, sent, start, end))
                                                     for _, start, end, sent, slug in occ]))
