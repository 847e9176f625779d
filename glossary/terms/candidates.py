"""Find term mentions in one article: capitalized runs, titles, concepts.

One pass of a token regex per sentence, then a scan over the tokens. Capitalized runs
("Iranian Foreign Minister Abbas Araghchi") are cut into mentions by the lexicon: honorifics
and demonyms are dropped, a leading office becomes a ``title`` mention, the rest a name, and
whole runs are classified by gazetteer, head nouns and name shape. Lowercase offices
("the Iranian foreign minister") and concepts ("use of force") are matched from the lexicon.
Uncertain mentions (a lone capitalized word, a back-reference like "the Commission") are
marked and settled by :mod:`glossary.terms.link` once the whole article is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glossary.model import Article
from glossary.terms.lexicon import TOKEN, Lexicon, remembered

_INITIAL_OR_ROMAN = re.compile(r"[A-Z]\.|[IVX]+")
# an ordinal in Roman numerals of two letters or more, "II" to "XCIX" ("XLVIII", not "CD" or "I");
# the linker strips it from event names as well
ROMAN_NUMERAL = r"(?=[IVXL]{2})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN = re.compile(ROMAN_NUMERAL)
_DASHES = {"--", "-", "–", "—"}
# forms of address that begin a new name even inside a capitalized run (not "General", "Lord")
_ADDRESS_FORMS = {"mr", "mrs", "ms", "dr", "prof", "h.e.", "sheikh", "sheikha", "ayatollah",
                  "hojatoleslam", "datuk", "dato", "madam"}
_HYPHENS = re.compile(r"[-‐‑]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a year in news text, "1907" to "2099"
_UN_SYMBOL = re.compile(r"[A-Z]{1,3}/(?:[A-Z0-9.]+/)+[A-Z]*\.?[0-9]+(?:/[A-Za-z0-9.]+)*")
# an ordinal in words, "first" to "ninety-ninth" and "hundredth" (the linker strips it as well)
SPELLED_ORDINAL = (r"(?:(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?)?"
                   r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
                   r"|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
                   r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth)")
_SPELLED_ORDINAL = re.compile(SPELLED_ORDINAL, re.IGNORECASE)
_ORDINAL_ENDS = {"th", "st", "nd", "rd"}
_ACRONYM = re.compile(r"(?:[A-Z]{2,}\+?|[A-Z]+-?\d+|(?:[A-Z]\.){2,})$")


@remembered
def is_acronym(text: str) -> bool:
    """ "NAM", "OPEC+", "G20", "U.S.": asked of nearly every mention, so the answers are kept."""
    return _ACRONYM.match(text) is not None


_PARTICLE_CAP = re.compile(r"(?:al|el|ad|ash|as|at|az|ul)-[A-Z]")
_CONNECT_ALWAYS = {"of", "for"}
_CONNECT_HEADED = {"and", "on", "in", "&"}
_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "bin", "bint", "ibn", "al", "el", "la", "le", "du", "dos", "y", "ul"}
# the connector sets the scanner tests words against, built once
_LINKS = _CONNECT_ALWAYS | _CONNECT_HEADED
_LINKS_THE = _LINKS | {"the"}
_EDGE = _LINKS_THE | _PARTICLES
_OF_THE = _CONNECT_ALWAYS | {"the"}
_OF_THE_AND = _CONNECT_ALWAYS | {"the", "and"}
_OF_AND_ON = _CONNECT_ALWAYS | {"and", "on"}
_OF_ON = _CONNECT_ALWAYS | {"on"}
_FIRST_CONN = _CONNECT_ALWAYS | {"on", "in", "at"}
_NONE: frozenset[str] = frozenset()
# the lowercase tokens and marks that may continue a capitalized run (see Scanner._extends)
_RUN_GLUE = frozenset({"'s", ",", "–", "'", "’", "until", "at", "/", "to", "in"} | _LINKS | _PARTICLES)
_VOUCHED = ("event", "organization", "concept", "location")  # a headline name the body's words vouch for
# the last word of a place's name only when nothing links other words in: "Beagle Channel",
# "Ho Chi Minh City" (not "Residents of Gaza City", "Fubara of Rivers"), and no known body before
# it ("Al Jazeera Channel")
_PLAIN_PLACE_TAILS = {"city", "channel", "passage", "rivers", "lakes"}
_PLACE_TAILS = {"plant", "station", "airport", "crossing", "bridge", "dam", "terminal", "route", "shoal", "reef", "atoll", "sea", "ocean", "strait", "straits", "gulf", "peninsula", "island", "islands",
                "mountains", "river", "valley", "desert", "province", "region", "basin", "canal",
                "bay", "lake", "governorate", "oblast", "district", "heights", "corridor", "palace"}
# the official long form of a state: "Socialist Republic of Viet Nam", "People's Republic of
# Bangladesh" (tokens: "people", "'s"); the linker strips it to find the short name
STATE_ADJECTIVES = {"socialist", "islamic", "federal", "democratic", "arab", "federative", "bolivarian",
                    "cooperative", "co-operative", "people", "hashemite", "united"}
STATE_HEADS = {"republic", "kingdom", "sultanate", "emirate", "principality", "federation"}
_PLAIN_STATE_HEADS = {"state", "commonwealth"}  # a state's long form only before a country's name
_PLACE_HEADS = {"gulf", "strait", "sea", "lake", "bay", "island", "isle", "port", "republic"}
_PLACE_FIRST = {"lake", "mount", "cape"}  # "Lake Titicaca", "Mount Elbrus"
_REPORT_VERBS = {"said", "says", "told", "added", "noted", "stressed", "stated", "urged",
                 "warned", "announced", "wrote", "emphasized", "emphasised", "underscored",
                 "called", "insisted", "argued", "explained", "declared", "asserted", "met",
                 "welcomed", "expressed", "condemned", "praised", "reaffirmed", "highlighted",
                 "pointed", "affirmed", "tweeted", "posted", "replied", "responded"}
_LOWER_TITLE_OK = {"president", "ambassador", "envoy", "king", "emir", "premier", "chancellor",
                   "queen", "spokesman", "spokeswoman", "spokesperson"}
_QUOTE_CUES = {"so-called", "of"}
_TITLE_INNER = {"of", "for", "the", "and", "d'affaires", "d’affaires"}
# Page furniture written in capitals ("READ MORE:"), never an acronym.
_CAPS_NOISE = {"read", "more", "related", "breaking", "update", "updated", "exclusive", "watch", "video",
               "photo", "photos", "live", "opinion", "analysis", "editorial", "advertisement", "also",
               "see", "news", "top", "latest", "story", "stories", "interview", "feature", "explainer",
               "factbox"}
# Plural nouns whose possessive is part of a name: "Women's Forum", "Workers' Party".
_PLURAL_OWNERS = {"people", "women", "men", "children", "workers", "veterans", "nations", "states",
                  "farmers", "youth", "writers", "journalists", "lawyers", "scientists", "students"}
_LIST_END = re.compile(r"(?:,|\band|\bor)\s+(?:the\s+)?$")
_PLACE_NOUNS = {"region", "province", "oblast", "governorate", "crossing", "district", "county", "state", "department"}
# "Agreement on the Resolution of the Conflict in the Republic of South Sudan": a named instrument
# goes on with "in" after its topic ("Code of Conduct in the South China Sea" does not)
_IN_TOPICS = {"conflict", "crisis", "war", "peace", "situation", "security", "cooperation", "co-operation"}
_IN_HEADS = {"mission", "office", "embassy", "representation", "operation", "force", "court"}
# nouns a regional adjective describes: "Nordic and Baltic countries" (not the Baltic region)
_GROUP_NOUNS = {"countries", "states", "nations", "governments", "leaders", "capitals", "partners",
                "neighbours", "neighbors", "peoples", "republics", "members", "allies"}
_LOWER_CONFLICT = {"war", "conflict", "crisis"}
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
            "southwest", "upper", "lower", "greater"}
_TOPIC_OFFICES = {"rapporteur", "envoy", "representative", "coordinator", "adviser", "advisor"}  # "... on Myanmar"
_ACR_INNER = {"and", "&", "for", "of", "on", "in", "the", "to"}
_LOWER_EVENT_HEADS = {"summit", "session", "conference", "ministerial", "forum", "pilgrimage"}
_SESSION_KINDS = {"regular", "ordinary", "special", "extraordinary", "emergency", "annual", "plenary", "resumed"}


@dataclass(eq=False, slots=True)
class Tok:
    text: str
    start: int  # absolute offset in the article
    end: int
    low: str
    cap: bool
    space_before: bool  # only spaces (no newline) since the previous token
    idx: int = 0  # position in the sentence's token list


@dataclass(eq=False, slots=True)
class Mention:
    """One surface form found in the text, before linking."""

    text: str
    cat: str  # person | title | organization | location | event | concept | single | backref
    sent: int
    start: int
    end: int
    toks: tuple[str, ...] = ()  # lowercase tokens of the surface form
    key: str = ""  # canonical office / concept, for titles and concepts
    weak: bool = False  # headline guess, kept only if the body confirms it
    acronym_of: Mention | None = None  # the mention this acronym expands
    prev: str = ""  # lowercase token before the mention
    prev2: str = ""  # and the one before that ("port" of "port of Hobyo")
    next: str = ""  # lowercase token after the mention
    extra_forms: list[str] = field(default_factory=list)  # e.g. "Secretary-General of the UN"
    loose_forms: list[str] = field(default_factory=list)  # shown as variants, never used to merge
    sent_initial: bool = False
    slug: str = ""  # the article, set by the extractor


def add_place_noun_form(m: Mention) -> None:
    """A place's name with the area noun the text puts after it is one of its forms: "Kursk
    region", "the Rafah crossing"."""
    if m.next in _PLACE_NOUNS:
        m.extra_forms.append(f"{m.text} {m.next}")


def tokenize(text: str, offset: int) -> list[Tok]:
    """The tokens of one sentence, ``offset`` its start in the article."""
    toks: list[Tok] = []
    append = toks.append
    last = 0
    particle = _PARTICLE_CAP.match
    for n, (space, t) in enumerate(TOKEN.findall(text)):
        s = last + len(space)
        last = s + len(t)
        c = t[0]
        low = t.lower()
        if "’" in low:
            low = low.replace("’", "'")
        append(Tok(t, offset + s, offset + last, low,
                   c.isupper() or (c in "aeu" and "-" in t and particle(t) is not None),
                   "\n" not in space, n))
    return toks


def _is_headline(text: str) -> bool:
    """A title-case line: no final punctuation and most longer words capitalized."""
    t = text.rstrip()
    if not t or t[-1] in ".!?:;\"”" or t.startswith(("By ", "(", "Photo", "Source")):
        return False  # a sentence, a byline, a credit
    ws = [w for w in re.findall(r"[A-Za-z][\w'-]*", t) if len(w) > 3]
    return bool(ws) and sum(w[0].isupper() for w in ws) >= 0.6 * len(ws)


class Scanner:
    """Mentions of one article."""

    def __init__(self, lx: Lexicon) -> None:
        self.lx = lx
        self._pending_extra = ""
        self._name_words: set[str] = set()  # words of the body's names, set by scan()

    # -- lexicon probes on token lists ------------------------------------------------------

    def place_len(self, toks: list[Tok], i: int) -> int:
        lx = self.lx
        lens = lx.place_lens.get(toks[i].low)
        if lens is None:
            return 0
        room = len(toks) - i
        for k in lens:  # longest first
            if k <= room and tuple([t.low for t in toks[i:i + k]]) in lx.places:
                return k
        return 0

    def title_len(self, toks: list[Tok], i: int, lower_ok: bool = False) -> tuple[int, str]:
        """Length and canonical office of the longest title at ``i`` (with modifiers)."""
        lx = self.lx
        if toks[i].low not in lx.title_first:
            return 0, ""
        j = i
        while j < len(toks) and toks[j].low in lx.title_mods and (toks[j].cap or lower_ok):
            j += 1
        for start in range(j, i - 1, -1):
            if start >= len(toks):
                continue
            room = len(toks) - start
            for k in lx.title_lens.get(toks[start].low, ()):
                if k > room:
                    continue
                key = tuple([t.low for t in toks[start:start + k]])
                canon = lx.titles.get(key) or lx.title_plurals.get(key)
                if canon and all(t.cap or lower_ok or t.low in _TITLE_INNER for t in toks[start:start + k]):
                    if start > i:  # modifiers in front: "Deputy Foreign Minister"
                        mods = " ".join([t.text for t in toks[i:start]])
                        canon = f"{mods.title()} {canon}"
                    return start + k - i, canon
        return 0, ""

    def honorific_len(self, toks: list[Tok], i: int) -> int:
        if toks[i].low not in self.lx.honorific_first:
            return 0
        for k in (3, 2, 1):
            if tuple([t.low for t in toks[i:i + k]]) in self.lx.honorifics and len(toks) > i + k \
                    and toks[i + k - 1].cap:
                return k
        return 0

    # -- the scan ---------------------------------------------------------------------------

    def scan(self, art: Article) -> list[Mention]:
        """Mentions in text order; title-case headlines are read after the body that confirms them."""
        out: list[Mention] = []
        heads = []
        self._text = art.text
        self._seen: dict[str | tuple[str, ...], str | None] = {}  # classify() memo, per article
        self.body_forms: dict[str, str] = {}
        self.body_words: dict[str, set[str]] = {}
        for si, seg in enumerate(art.segments):
            if _is_headline(seg.text):
                heads.append((si, seg))
                continue
            first = len(out)
            toks = tokenize(seg.text, seg.start)
            self._scan_sentence(toks, si, False, out)
            self._concepts(toks, si, out, first)
        self.body_titles = {m.key.lower() for m in out if m.cat == "title"}
        for m in out:
            self.body_forms.setdefault(_fold(m.text), m.cat)
            self.body_words.setdefault(m.cat, set()).update(m.toks)
        # every word a headline name may use (see _headline_cat)
        self._name_words = set().union(*(self.body_words.get(c, _NONE) for c in _VOUCHED)) | _OF_THE
        for si, seg in heads:
            first = len(out)
            toks = tokenize(seg.text, seg.start)
            self._scan_sentence(toks, si, True, out)
            self._concepts(toks, si, out, first)
        out.sort(key=lambda m: m.start)
        return out

    def _concepts(self, toks: list[Tok], si: int, out: list[Mention], first: int) -> None:
        """Lexicon concepts in any case, and quoted phrases named as a policy ("campaign of
        “maximum pressure”")."""
        lx = self.lx
        n = len(toks)
        found = []
        firsts = lx.concept_first
        done = 0  # tokens before this one are inside a concept already found
        for i in [k for k, t in enumerate(toks) if t.low in firsts or t.low == "resolution"]:
            if i < done:
                continue
            low = toks[i].low
            j = self._resolution_end(toks, i) if low == "resolution" and i + 1 < n else 0
            if j:
                found.append((i, j, _surface(toks[i:j])))
                done = j
                continue
            for phrase in firsts.get(low, ()):  # longest first
                k = len(phrase)
                if i + k <= n and (k == 1 or toks[i + 1].low == phrase[1]) \
                        and all(toks[i + x].low == phrase[x] for x in range(2, k)) \
                        and (i + k == n or toks[i + k].text not in "-‐‑"):
                    found.append((i, i + k, lx.concepts[" ".join(phrase)]))
                    done = i + k
                    break
        span = self._text[toks[0].start:toks[-1].end] if toks else ""
        quoted = "“" in span or '"' in span or "‘" in span
        for i in range(n - 3 if quoted else 0):
            if toks[i].low in _QUOTE_CUES and toks[i + 1].text in "“\"‘":
                j = i + 2
                while j < n and j < i + 6 and toks[j].text not in "”\"’":
                    j += 1
                phrase = toks[i + 2:j]
                if j < n and toks[j].text in "”\"’" and phrase and all(t.text.islower() for t in phrase) \
                        and not any(a < j and i + 2 < b for a, b, _ in found):
                    found.append((i + 2, j, _surface(phrase)))
        if not found:
            return
        # what a concept may not overlap: names, except those it strictly covers and a
        # person guess with exactly its words ("Nationally Determined Contributions")
        taken = [(m.start, m.end) for m in out[first:] if m.cat not in ("single", "person")]
        guesses = [(m.start, m.end) for m in out[first:] if m.cat == "person"]
        for a, b, canon in found:
            s, e = toks[a].start, toks[b - 1].end
            if any(x < e and s < y and not (s <= x and y <= e and (x, y) != (s, e))
                   for x, y in taken) or any(x < e and s < y and not (s <= x and y <= e)
                                             for x, y in guesses):
                continue
            # a lone capitalized word inside a known concept is part of it ("Silencing the Guns"),
            # unless the concept ends a longer name ("African Continental Free Trade Area")
            inside = [m for m in out[first:] if m.cat == "single" and m.start < e and s < m.end]
            if inside and a and toks[a - 1].cap and toks[a - 1].text[0].isalpha() and toks[a - 1].low not in lx.stop:
                continue
            # a known concept also wins over the names it strictly covers ("Belt" and "Road
            # Initiative" in "Belt and Road Initiative")
            out[first:] = [m for m in out[first:] if m not in inside and not (
                s <= m.start and m.end <= e and ((m.start, m.end) != (s, e) or m.cat == "person"))]
            concept = Mention(_surface(toks[a:b]), "concept", si, s, e,
                              tuple([t.low for t in toks[a:b]]), key=canon)
            out.append(concept)
            if b + 2 < n and toks[b].text == "(" and toks[b + 2].text == ")" \
                    and _spells(toks[a:b], _defined_acronym(toks[b + 1].text)):
                # "exclusive economic zone (EEZ)": the acronym is the concept's
                acr = toks[b + 1]
                out[first:] = [m for m in out[first:] if (m.start, m.end) != (acr.start, acr.end)]
                out.append(Mention(acr.text, "concept", si, acr.start, acr.end, (acr.low,),
                                   acronym_of=concept))

    def _resolution_end(self, toks: list[Tok], i: int) -> int:
        """Where a resolution named by its number or document symbol ends, or 0: "resolution
        2231", "General Assembly resolution 76/262", "resolution A/80/L.27", "S/RES/2231"."""
        n = len(toks)
        sym = _UN_SYMBOL.match(self._text, toks[i + 1].start)
        if sym:
            j = i + 1
            while j < n and toks[j].end <= sym.end():
                j += 1
            return j
        if not toks[i + 1].text.isdigit() or toks[i].cap:
            return 0  # a capitalized "Resolution 2231" is a name the run scanner reads
        j = i + 2
        while j + 1 < n and toks[j].text == "/" and toks[j + 1].text.isdigit() \
                and toks[j].start == toks[j - 1].end and toks[j + 1].start == toks[j].end:
            j += 2
        return j

    def _inside_place(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether a known place name starting at ``i`` goes on past ``j``: "Saint Vincent and the
        Grenadines", "St. John's"."""
        return toks[i].low in self.lx.place_lens and self.place_len(toks, i) > j - i

    def _extends(self, toks: list[Tok], i: int, j: int) -> int:
        """How many tokens starting at ``j`` continue the capitalized run ``toks[i:j]``."""
        lx = self.lx
        n = len(toks)
        t = toks[j]
        if not t.cap and t.low not in _RUN_GLUE and not t.text[0].isdigit() and t.text[:2] not in ("d'", "d’"):
            # a plain lowercase word or a mark ends the run, unless a known place goes on
            # ("Saint Vincent and the Grenadines" is read below: "and" is glue)
            return 1 if t.space_before and self._inside_place(toks, i, j) else 0
        if t.cap and (t.text[0].isalpha() or t.text[0].isdigit()):
            # a capitalized word on the same line goes on, unless a stop word or page furniture
            return 0 if not t.space_before or (t.low in lx.stop and t.text not in lx.acronyms) \
                or (t.text.isupper() and t.low in _CAPS_NOISE) else 1
        if t.low == "'s" and i + 1 < j and self._inside_place(toks, i, j):
            return 1  # "St. John's Declaration"
        if t.text == "," and j > i + 2:
            return self._comma_list(toks, i, j)
        if t.text == "–" and t.start == toks[j - 1].end and j + 1 < n and toks[j + 1].start == t.end \
                and toks[j + 1].cap and self.place_len(toks, j + 1) and j + 1 + self.place_len(toks, j + 1) < n \
                and toks[j + 1 + self.place_len(toks, j + 1)].cap:
            return 1 + self.place_len(toks, j + 1)  # "Peru–Bolivia Binational Cabinet"
        if not t.space_before:
            return 0
        if t.text in "'’" and j + 1 < n and toks[j - 1].low.endswith("s") and toks[j - 1].end == t.start \
                and toks[j + 1].cap and (toks[j + 1].low in lx.event_heads or toks[j + 1].low in lx.org_heads):
            return 1  # "Leaders' Summit", "Workers' Party"
        if t.text[:2] in ("d'", "d’") and t.text[2:3].isupper():
            return 1  # "Chargé d'Affaires", "Côte d'Ivoire"
        if t.low == "'s" and j + 1 < n and toks[j + 1].cap and toks[j - 1].cap and (
                toks[j - 1].low == "people" or (
                    (toks[j + 1].low in lx.org_heads or toks[j + 1].low in lx.event_heads)
                    and toks[j - 1].low in _PLURAL_OWNERS)):
            return 1  # "Democratic People's Republic of Korea", "National People's Congress"
        if self._inside_place(toks, i, j):
            return 1  # inside a known place name: "Saint Vincent and the Grenadines"
        prev = toks[j - 1].low
        if t.text.isdigit() and prev in lx.instrument_heads:
            return 1
        if t.low == "until" and prev in lx.instrument_heads and j + 1 < n and YEAR.fullmatch(toks[j + 1].text):
            return 2  # "CIS Economic Development Strategy until 2030"
        if t.low == "at" and prev == "office" and j + 1 < n and self.place_len(toks, j + 1):
            return 1 + self.place_len(toks, j + 1)  # "United Nations Office at Geneva"
        if t.text == "/" and prev.isdigit() and j + 1 < n and toks[j + 1].text.isdigit() \
                and j >= 2 and toks[j - 2].low in lx.instrument_heads and toks[j + 1].start == t.end and t.start == toks[j - 1].end:
            return 2  # "Resolution 76/262"
        if t.low in _PARTICLES:
            k = j + 1
            while k < n and toks[k].low in _PARTICLES and k < j + 3:
                k += 1
            if k < n and toks[k].cap and toks[k].text[0].isalpha() and toks[k].low not in lx.stop:
                return k - j + 1
        if t.low == "in" and j + 3 < n and toks[j + 1].low == "the" and toks[j + 3].low == "century" \
                and (_ORDINAL.match(toks[j + 2].low) or _SPELLED_ORDINAL.fullmatch(toks[j + 2].low)):
            return 4  # "Eurasian Charter of Diversity and Multipolarity in the 21st Century"
        conn = t.low in _CONNECT_ALWAYS or (t.low == "to" and prev in ("parties", "party"))
        # "Conference of the Parties to the Treaty on …": the treaty's parties
        if not conn and t.low in _CONNECT_HEADED:
            lows = [x.low for x in toks[i:j]]
            if t.low == "on":
                of_at = lows.index("of") if "of" in lows else 0
                conn = prev in lx.instrument_heads or prev in lx.event_heads or prev in _TOPIC_OFFICES or (
                    of_at and lows[of_at - 1] in lx.org_heads and j - i - of_at <= 3) or (
                    prev in lx.org_heads and j + 1 < n and (prev == "group" or not self.place_len(toks, j + 1))
                    and not (toks[j + 1].low == "the" and j + 2 < n and self.place_len(toks, j + 2)))
            elif t.low == "in":
                topic = prev in _IN_TOPICS
                conn = (prev in _IN_HEADS or (j - i >= 3 and any(w in _CONNECT_ALWAYS for w in lows) and any(
                    w in lx.org_heads or (topic and w in lx.instrument_heads)
                    for w in lows[:next(x for x, w in enumerate(lows) if w in _CONNECT_ALWAYS)]))) \
                    and not (j + 1 < n and self.place_len(toks, j + 1) and prev not in _IN_HEADS
                             and lx.places.get(tuple([x.low for x in toks[j + 1:j + 1 + self.place_len(toks, j + 1)]])) == "city")
            elif tuple(lows[-3:]) + ("and",) in lx.title_prefixes or tuple(lows[-2:]) + ("and",) in lx.title_prefixes:
                conn = True  # "Ambassador Extraordinary and Plenipotentiary"
            elif any(toks[i:i + len(f)] and len(f) <= n - i and all(toks[i + x].low == f[x] for x in range(len(f)))
                     for f in lx.acronym_fulls.get(toks[i].low, ()) if len(f) > j - i):
                conn = True  # a known full name: "United Nations Relief and Works Agency ..."
            elif "and" in lows or (j + 1 < n and toks[j + 1].low == "the"):
                conn = False  # "Ministry of Agriculture and Environment and the ...": a list
            else:  # "and" / "&" inside a portfolio or complement, or a place ("Bosnia and Herzegovina")
                nxt = toks[j + 1] if j + 1 < n else None
                conn = (any(w in _CONNECT_ALWAYS or w == "on" for w in lows) or lows[0] in lx.org_heads) \
                    and nxt is not None and not self.place_len(toks, j + 1) \
                    and not (j + 1 + (nxt.low in lx.demonyms) < n
                             and self.title_len(toks, j + 1 + (nxt.low in lx.demonyms))[0])
                # not a second office: "... al-Jubouri and Iranian Foreign Minister Tavakoli"
                conn = conn or any(self.place_len(toks, k) > j - k for k in range(i, j))
                if not conn and prev in lx.demonyms and nxt is not None:
                    # "Latin American and Caribbean States": two regional adjectives of one name
                    pl = self.place_len(toks, j + 1)
                    after = toks[j + 1 + pl] if pl and j + 1 + pl < n else None
                    conn = after is not None and after.cap and after.space_before \
                        and after.low not in lx.stop and after.text[0].isalpha()
                if not conn and toks[j - 1].low in lx.portfolio:
                    for k in range(j + 1, min(j + 4, n)):
                        if not toks[k].cap or toks[k].low in lx.stop:
                            break
                        if toks[k].low in lx.org_heads or toks[k].low in lx.event_heads:
                            conn = True
                            break
        if not conn and t.low == "to" and j + 1 < n and toks[j + 1].cap and not self.place_len(toks, j + 1) \
                and not self.title_len(toks, j + 1)[0] and not self.honorific_len(toks, j + 1) \
                and self.classify(toks[j + 1:j + 2]) in ("single", None):
            # a topic that goes on with "to" inside a named body or instrument: "Agreement on the
            # Path to Normalisation", "Fund for Responding to Loss and Damage" (not "... to Geneva",
            # "... to the Security Council", "... to President Trump")
            lows = [x.low for x in toks[i:j]]
            conn = any(w in ("on", "for") and (lows[k - 1] in lx.org_heads or lows[k - 1] in lx.instrument_heads)
                       for k, w in enumerate(lows) if k)
        if conn and j + 1 < n:
            k = j + 1
            if toks[k].low == "the" and k + 1 < n:
                k += 1
            if toks[k].cap and toks[k].space_before and toks[k].low not in lx.stop \
                    and toks[k].text[0].isalpha():
                return k - j + 1
        return 0

    def _comma_list(self, toks: list[Tok], i: int, j: int) -> int:
        """A name's complement that is a list of capitalized items ("Ministry of Agriculture,
        Forestry and Fisheries", "Commission on Trade, Economic, Scientific and Technical
        Cooperation"): the tokens from the comma at ``j`` to the end of the list's last item,
        or 0. Only after "of", "on", "for" or "relating to" inside the run, only items of one to
        three capitalized words that are no places or demonyms, and only when "and" brings the
        last item."""
        lx = self.lx
        n = len(toks)
        if not any(x.low in ("of", "on", "for", "to") for x in toks[i + 1:j]):
            return 0
        k = j
        while k < n and toks[k].text == ",":
            w = k + 1
            while w < n and w - k <= 3 and toks[w].cap and toks[w].text[0].isalpha() \
                    and toks[w].low not in lx.stop and toks[w].low not in lx.demonyms \
                    and not self.place_len(toks, w) and not self.title_len(toks, w)[0] \
                    and not self.honorific_len(toks, w):
                w += 1
            if w == k + 1:
                return 0
            k = w
            if k < n and toks[k].low == "and":
                w = k + 1
                while w < n and w - k <= 3 and toks[w].cap and toks[w].text[0].isalpha() \
                        and toks[w].low not in lx.stop and not self.place_len(toks, w):
                    w += 1
                if w == k + 1 or (w < n and toks[w].cap):
                    return 0
                return w - j
        return 0

    def _scan_sentence(self, toks: list[Tok], si: int, headline: bool, out: list[Mention]) -> None:
        lx = self.lx
        n = len(toks)
        i = 0
        title_first = lx.title_first
        # the tokens that can start something: capitalized words, offices, ordinals; the
        # others are skipped without a look
        marks = [k for k, t in enumerate(toks) if t.cap or t.low in title_first
                 or t.low[0].isdigit() or t.low[-2:] in _ORDINAL_ENDS]
        next_mark, n_marks = 0, len(marks)
        while True:
            while next_mark < n_marks and marks[next_mark] < i:
                next_mark += 1
            if next_mark == n_marks:
                break
            i = marks[next_mark]
            t = toks[i]
            if not t.cap:
                low = t.low
                ordinal = low[0].isdigit() and _ORDINAL.match(low) is not None
                if not ordinal and low[-2:] in _ORDINAL_ENDS and _SPELLED_ORDINAL.fullmatch(low):
                    # "the sixty-third regular session of the Human Rights Council" (a session or
                    # summit is numbered by its body; "the first meeting of" is not a name)
                    k = i + 1
                    while k < n and toks[k].low in _SESSION_KINDS:
                        k += 1
                    ordinal = k + 1 < n and toks[k].low in ("session", "summit") \
                        and (toks[k + 1].low == "of" or k > i + 1)  # "the tenth emergency special session"
                if not ordinal:
                    if low in title_first:
                        self._lower(toks, i, si, out)
                    i += 1
                    continue
            else:
                ordinal = False
            if not t.text[0].isalnum():
                i += 1
                continue
            if i and toks[i - 1].text in "#@" and toks[i - 1].end == t.start:
                i += 1  # a hashtag or a handle
                while i < n and toks[i].start == toks[i - 1].end and toks[i].text not in ",.;:)":
                    i += 1
                continue
            if t.low in lx.title_first and i + 1 < n and not toks[i + 1].cap:
                # "Foreign ministers of the bloc ...": an office at the start of a sentence
                k = self.title_len(toks, i, lower_ok=True)[0]
                if k > 1 and not any(x.cap for x in toks[i + 1:i + k]):
                    self._lower(toks, i, si, out)
                    i += k
                    continue
            j = i + 1
            while j < n:
                # "Mr. X": keep the dot of an honorific inside the run
                if toks[j].text == "." and toks[j - 1].low in self.lx.honorific_one and j + 1 < n and toks[j + 1].cap:
                    j += 1
                    continue
                k = self._extends(toks, i, j)
                if not k:
                    break
                j += k
            if j <= i + 4 and 2 <= i <= 12 and j + 1 < n and toks[i - 1].text == "(" \
                    and toks[j].text == ")" and toks[j + 1].text in _DASHES \
                    and t.text not in lx.acronyms and tuple([x.low for x in toks[i:j]]) not in lx.places:
                # a dateline's source, "ASTANA, Nov. 27 (Kazinform) --", "(Central Asia Newswire) —"
                self._emit(out, toks[i:j], "organization", si, toks)
                i = j
                continue
            if j < n and toks[j].low in _ACR_INNER:
                j = self._to_acronym(toks, i, j)
            if ordinal and j == i + 1:
                while j < n and toks[j].low in _SESSION_KINDS:
                    j += 1
            # an ordinal or an organization followed by a lowercase event noun
            if j < n and (toks[j].low in _LOWER_EVENT_HEADS or (ordinal and toks[j].low == "meeting")) \
                    and not (toks[j].low == "pilgrimage"
                             and all(x.low in lx.demonyms or x.low in lx.stop for x in toks[i:j])):
                # "the Arab summit", but not "the Iranian pilgrimage"
                if ordinal or j - i <= 3:
                    j += 1
                    while j < n:
                        k = self._extends(toks, i, j)
                        if not k or toks[j].low not in _OF_ON:
                            break
                        j += k
                        while j < n and self._extends(toks, i, j) == 1 and toks[j].cap:
                            j += 1
            elif ordinal and j == i + 1:
                i += 1
                continue
            elif j < n and toks[j].low in _LOWER_CONFLICT and toks[j].space_before \
                    and (self.classify([x for x in toks[i:j] if x.low not in self.lx.stop]) == "location"
                         or (j - i == 1 and t.low in lx.demonyms) or (j - i == 2 and toks[i].low in lx.stop
                                                                   and toks[i + 1].low in lx.demonyms)):
                j += 1
            run = [x for x in toks[i:j] if x.text != "."]
            start_out = len(out)
            named = self._named_by_acronym(run, toks, j)
            alias_of = self._alias_target(toks, i, out, si) if i > 2 and "as" in (toks[i - 1].low, toks[i - 2].low) else None
            if named:
                if named[0] is not run[0]:  # "Secretary-General of the" before the name
                    k = run.index(named[0])
                    head = run[:k]
                    while head and head[-1].low in ("of", "the", "for"):
                        head = head[:-1]
                    if head and self.classify(run) == "event":
                        self._emit(out, run, "event", si, toks)  # "11th session of the ... Body (INB)"
                    elif head:
                        self._run(head, si, headline, out, toks, i, j)
                self._emit(out, named, "concept" if " ".join([t.low for t in named]) in lx.concepts
                           else "organization", si, toks)
            elif i == 0 and j < n and toks[j].text in ",(–—-" and all(x.text.isupper() for x in run) \
                    and (len(run[0].text) >= 4 or run[0].low in ("st.", "mt.", "ft.")) and run[0].text not in lx.acronyms \
                    and (len(run) == 1 or self.classify(run) in (None, "single", "person", "location")):
                self._emit(out, run, "location", si, toks)  # a dateline: "GYEONGJU, South Korea"
            else:
                self._run(run, si, headline, out, toks, i, j)
            if alias_of is not None and len(out) == start_out + 1 and out[start_out].acronym_of is None:
                if alias_of.cat == "backref":
                    alias_of.cat = "organization"  # "the Iranian Parliament": named here
                out[start_out].acronym_of = alias_of
                out[start_out].cat = alias_of.cat
            # "Non-Aligned Movement (NAM)": link the acronym to the name before it
            if j + 3 < n and toks[j].text == "(" and toks[j + 3].text == ")" and len(out) > start_out \
                    and is_acronym(toks[j + 1].text) and toks[j + 2].low == out[-1].toks[-1] \
                    and _expands(" ".join(out[-1].text.split()[:-1]), toks[j + 1].text):
                a0, a1 = toks[j + 1], toks[j + 2]
                out.append(Mention(f"{a0.text} {a1.text}", out[-1].cat, si, a0.start, a1.end,
                                   (a0.low, a1.low), acronym_of=out[-1]))
                j += 4
            elif j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")" \
                    and _defined_acronym(toks[j + 1].text) and len(out) > start_out:
                a = toks[j + 1]
                target = None
                acr = _defined_acronym(a.text)
                for c in range(len(out) - 1, start_out - 1, -1):
                    if _expands(out[c].text, acr):
                        target = c
                if target is None:
                    for c in range(start_out, len(out)):
                        m_ = out[c]
                        if m_.cat in ("organization", "event", "concept") and len(m_.toks) > 1 \
                                and m_.text[0].upper() == acr[0]:
                            target = c  # the outermost name that starts like the acronym
                            break
                if target is not None:
                    out.append(Mention(a.text, out[target].cat, si, a.start, a.end, (a.low,),
                                       acronym_of=out[target]))
                    j += 3
            elif j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")" and len(out) > start_out \
                    and out[-1].cat in ("organization", "event", "concept") and len(out[-1].toks) > 2 \
                    and out[-1].end == toks[j - 1].end and toks[j + 1].cap and toks[j + 1].text.isalpha() \
                    and len(toks[j + 1].text) > 3 and self.classify(toks[j + 1:j + 2]) in ("single", "organization"):
                # a short name in parentheses: "Southern Common Market (Mercosur)"
                a = toks[j + 1]
                out.append(Mention(a.text, out[-1].cat, si, a.start, a.end, (a.low,), acronym_of=out[-1]))
                j += 3
            i = j

    def _to_acronym(self, toks: list[Tok], i: int, j: int) -> int:
        """Where a name the following acronym spells ends: "NATO Security Assistance and
        Training for Ukraine (NSATU)" is one name although "and" alone would end the run."""
        n = len(toks)
        for p in range(j + 1, min(n - 2, j + 10)):
            t = toks[p]
            if t.text == "(":
                acr = toks[p + 1].text.replace(".", "")
                if toks[p + 2].text == ")" and is_acronym(toks[p + 1].text) and toks[p - 1].cap:
                    if any(_expands(_surface(toks[q:p]), acr) for q in range(i, j)
                           if q == i or (toks[q].cap and toks[q - 1].low in ("of", "the"))):
                        return p  # "Director of the International Campaign to Ban Landmines (ICBL)"
                    if _spells(toks[i:p], acr) and not any(
                            _expands(_surface(toks[q:p]), acr) for q in range(j + 1, p) if toks[q].cap):
                        return p  # not "Iran and the International Atomic Energy Agency (IAEA)"
                return j
            if not (t.cap or t.low in _ACR_INNER) or not t.text[0].isalnum():
                return j
        return j

    def _alias_target(self, toks: list[Tok], i: int, out: list[Mention], si: int) -> Mention | None:
        """The name an apposition renames: "the Iranian Parliament, known as the Majlis"."""
        k = i - 1
        if k >= 0 and toks[k].low == "the":
            k -= 1
        if k < 2 or toks[k].low != "as" or toks[k - 1].low not in ("known", "called", "named"):
            return None
        p = k - 2
        if p >= 0 and toks[p].low == "also":
            p -= 1
        if p >= 0 and toks[p].text == ",":
            p -= 1
        if p < 0:
            return None
        for m in reversed(out):
            if m.sent == si and m.end == toks[p].end and m.cat in (
                    "organization", "location", "event", "concept", "person", "backref"):
                if _LIST_END.search(self._text, max(0, m.start - 12), m.start):
                    return None  # "Germany, France and the UK, known as the E3": the group's name
                return m
        return None

    def _named_by_acronym(self, run: list[Tok], toks: list[Tok], j: int) -> list[Tok] | None:
        """A name the text itself expands: "Asia-Pacific Economic Cooperation (APEC)"."""
        if not (j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")"
                and is_acronym(toks[j + 1].text)):
            return None
        acr = toks[j + 1].text.replace(".", "")
        for k in range(len(run) - 1):
            if k and run[k - 1].low not in ("of", "the"):
                continue
            name = run[k:]
            if name[0].low in self.lx.stop or self.title_len(name, 0)[0] or self.honorific_len(name, 0):
                continue
            if _expands(_surface(name), acr) and (self.classify(name) in (None, "person") or (
                    self.place_len(name, 0) == 1 and _initials(_surface(name)) == acr)):
                return name  # "Kurdistan Regional Government (KRG)": the place is part of the name
        return None

    def _lower(self, toks: list[Tok], i: int, si: int, out: list[Mention]) -> None:
        """Lowercase offices: "foreign minister", "the Iranian president", "Kremlin spokesman"."""
        lx = self.lx
        t = toks[i]
        if len(t.low) < 3:
            return
        k, canon = self.title_len(toks, i, lower_ok=True)
        if not k:
            return
        if out and out[-1].end > t.start:
            return
        words = [x.low for x in toks[i:i + k]]
        core = [w for w in words if w not in lx.title_mods] or words
        if len(core) == 1 and len(words) == 1:
            prev = toks[i - 1] if i else None
            after = prev is not None and (prev.low in lx.demonyms or prev.low == "'s"
                                          or (prev.cap and prev.low not in lx.stop))
            w = core[0]
            if not (after and (w in _LOWER_TITLE_OK or w.rstrip("s") in _LOWER_TITLE_OK)):
                return
        m = Mention(" ".join([x.text for x in toks[i:i + k]]), "title", si, t.start,
                    toks[i + k - 1].end, tuple(words), key=canon)
        prev = toks[i - 1] if i else None
        if prev is not None and prev.cap and out and out[-1].end == prev.end and len(core) == 1 \
                and out[-1].cat in ("organization", "backref"):
            m.extra_forms.append(f"{out[-1].text} {m.text}")  # "Foreign Ministry spokesperson"
        out.append(m)

    # -- cutting a capitalized run into mentions --------------------------------------------

    def _emit(self, out: list[Mention], toks: list[Tok], cat: str, si: int, all_toks: list[Tok],
              key: str = "", weak: bool = False) -> Mention:
        first, last = toks[0], toks[-1]
        idx = first.idx
        lidx = last.idx
        text = _surface(toks)
        # positional, in field order: the hottest constructor of the scan
        m = Mention(text, cat, si, first.start, last.end, tuple([t.low for t in toks]), key or text, weak,
                    None,  # acronym_of
                    all_toks[idx - 1].low if idx else "",  # prev
                    all_toks[idx - 2].low if idx > 1 else "",  # prev2
                    all_toks[lidx + 1].low if lidx + 1 < len(all_toks) else "",  # next
                    [], [],  # extra_forms, loose_forms
                    idx == 0 or (idx == 1 and all_toks[0].text in "\"“'‘(["))  # sent_initial
        if cat == "organization" and self._pending_extra:
            m.extra_forms.append(self._pending_extra)
        self._pending_extra = ""
        if cat == "location":
            add_place_noun_form(m)
        elif cat == "concept" and len(toks) > 1 and toks[-1].low in self.lx.instrument_heads \
                and is_acronym(toks[-2].text):
            m.extra_forms.append(_surface(toks[:-1]))  # "New START" for "New START Treaty"
        out.append(m)
        return m

    def _run(self, run: list[Tok], si: int, headline: bool, out: list[Mention],
             all_toks: list[Tok], i0: int, j0: int) -> None:
        lx = self.lx
        # leading stop words ("The", "During", "Both") unless part of a place ("The Hague")
        while run and run[0].low in lx.stop and not self.place_len(run, 0) \
                and tuple([t.low for t in run]) not in lx.orgs and run[0].text not in lx.acronyms:
            if run[0].low == "the" and len(run) > 1 and _is_org(self, run[1:]) and run[-1].low in (
                    "observer", "times", "guardian", "telegraph", "economist", "herald", "tribune"):
                break
            run = run[1:]
        # "Leaders of the Association ...": a generic plural in front of a name
        while len(run) > 2 and self.place_len(run, 0) != len(run) and not self.title_len(run, 0)[0] \
                and run[0].low not in lx.org_heads and (run[0].low in lx.generic or run[0].low in lx.stop) \
                and run[1].low in _CONNECT_ALWAYS and not _is_state_form(tuple([t.low for t in run]), lx.places):
            run = run[2 + (run[2].low == "the"):]
        while run and (run[-1].low in _EDGE):
            run = run[:-1]
        if not run:
            return
        if headline:
            self._headline(run, si, out, all_toks)
        else:
            self._cut(run, si, headline, out, all_toks)

    def _headline(self, run: list[Tok], si: int, out: list[Mention], all_toks: list[Tok]) -> None:
        """A title-case line: keep only pieces the lexicon or the article body vouches for."""
        edge = _EDGE
        s, n = 0, len(run)
        while s < n:
            for e in range(n, s, -1):
                piece = run[s:e]
                if piece[0].low in edge or piece[-1].low in edge:
                    continue
                cat = self._headline_cat(piece)
                if cat is None:
                    continue
                if cat == "title" or (cat == "organization" and self._portfolio_body(piece)):
                    self._cut(piece, si, True, out, all_toks)  # "... of Japan": the body and the place
                else:
                    self._emit(out, piece, cat, si, all_toks, weak=cat in ("person", "single"))
                s = e
                break
            else:
                s += 1

    def _portfolio_body(self, piece: list[Tok]) -> bool:
        """A country's own body named by its head and portfolio, "Ministry of External Affairs",
        "Ministry of Foreign Affairs of Japan": a name even in a title-case line."""
        return len(piece) > 2 and piece[1].low == "of" and piece[0].low in self.lx.org_heads \
            and _national(self, piece) and self.classify(piece) == "organization"

    def _headline_cat(self, piece: list[Tok]) -> str | None:
        """The category of a piece of a title-case line, or None when neither the lexicon nor the
        article's body vouches for it (in a headline every word is capitalized)."""
        folded = _fold(_surface(piece))
        if folded in self.body_forms:
            return self.body_forms[folded]
        k, canon = self.title_len(piece, 0)
        if k == len(piece):
            # an office named only in the headline ("Envoys Trade Accusations") is a headline word
            return "title" if canon.lower() in self.body_titles or len(piece) > 1 else None
        if len(piece) > 1:
            if tuple([t.low for t in piece]) in self.lx.places:
                return "location"
            if self._portfolio_body(piece):
                return "organization"
            words = self._name_words
            if not all(t.low in words or is_acronym(t.text) for t in piece):
                return None  # a word the body does not use in a name: nothing below can vouch
        cat = self.classify(piece)
        if len(piece) == 1 and is_acronym(piece[0].text) and piece[0].text not in self.lx.acronyms:
            return None  # "New START Limits": an unknown capitalized word, not an acronym
        if len(piece) == 1 and ((piece[0].low,) in self.lx.places
                                or cat in ("organization", "single", "location", "concept", "title")):
            return cat
        if cat in _VOUCHED:
            own, orgs = self.body_words.get(cat, _NONE), self.body_words.get("organization", _NONE)
            shouted = all(t.text.isupper() for t in piece)  # in capitals every word looks like an acronym
            if all(t.low in own or t.low in orgs or (is_acronym(t.text) and not shouted)
                   or t.low in _OF_THE for t in piece):
                return cat
        return None

    def _cut(self, run: list[Tok], si: int, headline: bool, out: list[Mention], all_toks: list[Tok]) -> None:
        lx = self.lx
        # "the Ministry of Foreign Affairs Dr Saad bin Nasser": a body, then a name (an office
        # before the form of address is the office logic's: "Leader of ... Ayatollah Khamenei")
        for p in range(1, len(run) - 1 if len(run) > 2 and not self.title_len(run, 0)[0] else 0):
            if run[p].low in _ADDRESS_FORMS and run[p - 1].low not in _OF_THE_AND \
                    and self.honorific_len(run, p) and self.honorific_len(run, 0) < p:  # not "H.E. Mr X"
                self._cut(run[:p], si, headline, out, all_toks)
                self._cut(run[p:], si, headline, out, all_toks)
                return
        if len(run) == 1 and run[0].low not in lx.title_first:  # the common case: "Iran", "Araghchi"
            cat = self.classify(run)
            nxt = all_toks[run[0].idx + 1] if run[0].idx + 1 < len(all_toks) else None
            if nxt is not None and ((nxt.text == "$" and nxt.start == run[0].end)  # "US$12 million"
                                    or (run[0].low in lx.demonyms and nxt.low in _GROUP_NOUNS)):
                return  # an adjective before a noun: "Nordic and Baltic countries"
            if cat is not None:
                self._emit(out, run, cat, si, all_toks, weak=headline and cat in ("person", "single"))
            return
        pos = 0
        n = len(run)
        # honorifics, demonyms and possessive-free country names in front of an office or name
        while pos < n:
            h = self.honorific_len(run, pos)
            if h and not self.title_len(run, pos)[0] and not (
                    pos + h < n and (run[pos + h].low in lx.org_heads or run[pos + h].low in lx.event_heads)):
                pos += h
                continue
            low = run[pos].low
            two = " ".join([t.low for t in run[pos:pos + 2]])
            dk = 2 if two in lx.demonyms else 1 if low in lx.demonyms else 0
            if dk and pos + dk < n:
                rest = run[pos + dk:]
                if self.title_len(rest, 0)[0] or _national(self, rest) or self.honorific_len(rest, 0):
                    pos += dk
                    continue
            pk = self.place_len(run, pos)
            if pk and pos + pk < n:
                rest = run[pos + pk:]
                if self.title_len(rest, 0)[0]:  # "US President": the country is a nationality here,
                    # an occurrence only if the article names the country elsewhere
                    self._emit(out, run[pos:pos + pk], "location", si, all_toks, weak=True)
                    pos += pk
                    continue
                if _national(self, rest) or self.honorific_len(rest, 0):
                    self._emit(out, run[pos:pos + pk], "location", si, all_toks, weak=False)
                    if _national(self, rest):
                        self._pending_extra = _surface(run[pos:])
                    pos += pk
                    continue
            break
        run = run[pos:]
        if not run:
            return
        # "OIC Secretary-General Hissein Brahim Taha": the body, then its office
        whole = self.classify(run) if len(run) > 2 else None
        # (not inside an office opened by a modifier: "Chief Cabinet Secretary Taro Sato")
        first = self.title_len(run, 0)[0] if run[0].low in lx.title_mods else 1
        for p in range(max(1, first), min(5, len(run))
                       if whole not in ("event", "location", "concept") else 0):
            if run[p - 1].low not in _LINKS_THE \
                    and self.title_len(run, p)[0] and self.classify(run[:p]) in ("organization", "backref") \
                    and (p > 1 or is_acronym(run[0].text) or self.classify(run[:p]) == "backref"
                         or (run[0].low,) in lx.orgs):  # "Commonwealth Secretary-General"
                self._emit(out, run[:p], self.classify(run[:p]), si, all_toks)
                k1 = self.title_len(run, p)[0]
                self._title(run[p:], si, headline, out, all_toks, _surface(run[:p + k1]))
                return
        k0 = self.title_len(run, 0)[0]
        if k0 and (whole not in ("event", "organization", "concept") or (
                whole == "organization" and k0 + 1 < len(run) and run[k0].low == "of"
                and self.classify(run[k0 + 1 + (run[k0 + 1].low == "the"):]) in ("organization", "backref"))):
            # "President of the General Assembly": the office, its body a variant form
            self._title(run, si, headline, out, all_toks, "")
            return
        if pos and all(_namey(self, t) for t in run) and len(run) <= 5 and self.classify(run) in (None, "person", "single"):
            # after an honorific: a name, even a single one
            self._emit(out, run, "person", si, all_toks)
            return
        cat = self.classify(run)
        if len(run) > 1 and " ".join([t.low for t in run]) in lx.concepts:
            cat = "concept"  # a whole run that is a known term: "Comprehensive Strategic Partnership"
        if cat is not None:
            if cat in ("organization", "event", "concept"):
                comp = _state_form_start(run, _complement(run))
                if comp and cat == "organization" and run[comp - 1].low in ("of", "the") \
                        and self.classify(run[comp:]) == "location":
                    body = run[:comp - 1 - (run[comp - 1].low == "the")]
                    if body and run[len(body)].low == "of" and _national(self, body):
                        # "Ministry of Foreign Affairs of the Republic of Belarus": the ministry,
                        # the country, and the whole as a form of the ministry
                        m = self._emit(out, body, cat, si, all_toks)
                        if comp < len(run) - 1 or run[comp - 1].low == "the":
                            m.extra_forms.append(_surface(run))
                        self._emit(out, run[comp:], "location", si, all_toks)
                        return
                if cat == "organization" and len(run) > 2 and is_acronym(run[0].text) \
                        and self.classify(run[:1]) == "organization" and self.classify(run[1:]) == "organization" \
                        and run[1].low not in lx.org_heads:
                    m = self._emit(out, run, cat, si, all_toks)  # "IAEA Board of Governors"
                    m.extra_forms.append(_surface(run[1:]))
                    return
                for c in reversed(_complements(run)):
                    if self.classify(run[c:]) == "organization":
                        body = run[:c - 1 - (run[c - 1].low == "the")]
                        if cat == "organization" and self.classify(body) == "person":
                            # "Zhou Liqiang of the National Development and Reform Commission"
                            self._emit(out, body, "person", si, all_toks)
                            self._emit(out, run[c:], "organization", si, all_toks)
                            return
                        m = self._emit(out, run, cat, si, all_toks)
                        self._emit(out, run[c:], "organization", si, all_toks)
                        if cat == "organization":  # "Board of Governors" of "... of the IAEA"
                            m.extra_forms.append(_surface(run[:c - 1 - (run[c - 1].low == "the")]))
                        return
                if comp and cat == "organization" and run[comp - 1 - (run[comp - 1].low == "the")].low == "of" \
                        and self.classify(run[comp:]) == "location":
                    m = self._emit(out, run, cat, si, all_toks)  # "Security Council of the Russian Federation"
                    m.extra_forms.append(_surface(run[:comp - 1 - (run[comp - 1].low == "the")]))
                    return
                # "UN Security Council Resolution 2231": the body, then its instrument
                if cat == "concept":
                    for p in range(len(run) - 1, 0, -1):
                        if run[-1].text.isdigit() and (run[-2].low in lx.instrument_heads or run[-2].text == "/") \
                                and self.classify(run[:p]) == "organization" \
                                and self.classify(run[p:]) == "concept":
                            self._emit(out, run[:p], "organization", si, all_toks)
                            self._emit(out, run[p:], "concept", si, all_toks).extra_forms.append(_surface(run))
                            return
            self._emit(out, run, cat, si, all_toks, weak=headline and cat in ("person", "single"))
            return
        # fall back: the longest classifiable pieces, left to right
        s = done = 0
        while s < len(run):
            for e in range(len(run), s, -1):
                piece = run[s:e]
                if piece[0].low in _EDGE \
                        or piece[-1].low in _EDGE:
                    continue
                c = self.classify(piece) if e - s < len(run) else None
                if c == "person" and s > 0 and s != done and run[s - 1].low not in _LINKS:
                    c = None  # "New Safe Confinement" is not a person "Safe Confinement"
                if c is not None and (c != "single" or e - s == 1):
                    if e - s == 1 and self.title_len(piece, 0)[0]:
                        break
                    self._emit(out, piece, c, si, all_toks, weak=headline and c in ("person", "single"))
                    s = done = e
                    break
            else:
                s += 1
                continue
            if s < len(run) and self.title_len(run, s)[0]:
                self._cut(run[s:], si, headline, out, all_toks)
                return

    def _title(self, run: list[Tok], si: int, headline: bool, out: list[Mention],
               all_toks: list[Tok], extra: str) -> None:
        """An office at the start of ``run``, with its portfolio or body, then the holder's name."""
        lx = self.lx
        k, canon = self.title_len(run, 0)
        n = len(run)
        # "Prime Minister Gaston Browne of Antigua and Barbuda": the holder's country after the name
        o = next((x for x in range(k, n - 1) if run[x].low == "of"), 0)
        if o > k + 1 and all(_namey(self, t) and t.low not in lx.portfolio for t in run[k:o]):
            p = o + 1 + (run[o + 1].low == "the" and o + 2 < n)
            if self.place_len(run, p) == n - p:
                self._title(run[:o], si, headline, out, all_toks, extra)
                self._emit(out, run[p:], "location", si, all_toks)
                return
        # the holder's name: after an honorific, or the trailing name-like words
        name_at = n
        for x in range(k, n):
            h = self.honorific_len(run, x)
            if h and not (x + h < n and (run[x + h].low in lx.org_heads or run[x + h].low in lx.event_heads)):
                name_at = x  # not "General" in "of the General Assembly"
                break
        else:
            placed = {y for x in range(k, n) for y in range(x, x + self.place_len(run, x))}
            while name_at > k and _namey(self, run[name_at - 1]) \
                    and run[name_at - 1].low not in lx.portfolio and name_at - 1 not in placed \
                    and not (name_at - 2 >= k and run[name_at - 2].low in _TITLE_INNER) \
                    and sum(t.low not in _PARTICLES for t in run[name_at:]) < 5:
                name_at -= 1
            if name_at < n and name_at > k and run[name_at - 1].low in _PARTICLES:
                name_at -= 1
            while name_at < n and run[name_at].low in _PARTICLES:
                name_at += 1
        middle = run[k:name_at]
        title_toks = run[:k]
        loose: list[str] = []
        extras = [extra] if extra else []
        if middle and middle[0].low in _OF_AND_ON:
            # "of <place>" at the end is dropped like a demonym
            place = None
            for comp in _complements([run[k - 1]] + middle):
                comp -= 1
                of_at = comp - 1 - (middle[comp - 1].low == "the")
                if middle[of_at].low == "of" and self.classify(middle[comp:]) == "location" \
                        and not any(self.place_len(middle, x) > of_at - x for x in range(of_at)):
                    # not the tail of a place: "Special Envoy for the Horn of Africa"
                    place = middle[comp:]
                    middle = middle[:of_at]
                    break
            if middle:
                body_at = 1 + (len(middle) > 1 and middle[1].low == "the")
                body = middle[body_at:]
                if middle[0].low == "of" and body and self.classify(body) in ("organization", "backref") \
                        and not any(t.low in ("for", "and") for t in body):
                    extras.append(_surface(run[:k] + middle))
                    self._emit(out, title_toks, "title", si, all_toks, key=canon).extra_forms.extend(extras)
                    self._cut(body, si, headline, out, all_toks)
                    extras = None
                else:
                    short = _surface(run[:k])
                    title_toks = run[:k] + middle
                    key = tuple([t.low for t in title_toks])
                    canon = lx.titles.get(key) or lx.title_plurals.get(key) or _surface(title_toks)
                    if canon == _surface(title_toks):
                        loose.append(short)  # "High Representative" of "... for Foreign Affairs ..."
                    # "UN High Commissioner" + "for Human Rights": the body's form of the whole office
                    extras += [f"{x} {_surface(middle)}" for x in extras]
            if extras is not None:
                m = self._emit(out, title_toks, "title", si, all_toks, key=canon)
                m.extra_forms.extend(extras)
                m.loose_forms.extend(loose)
            if place:
                self._emit(out, place, "location", si, all_toks)
        elif middle:
            self._emit(out, title_toks, "title", si, all_toks, key=canon).extra_forms.extend(extras)
            self._cut(middle, si, headline, out, all_toks)
        else:
            self._emit(out, title_toks, "title", si, all_toks, key=canon).extra_forms.extend(extras)
        rest = run[name_at:]
        h = self.honorific_len(rest, 0) if rest else 0
        rest = rest[h:]
        if rest:
            if all(_namey(self, t) for t in rest) and len(rest) <= 5:
                self._emit(out, rest, "person", si, all_toks, weak=headline)
            else:
                self._cut(rest, si, headline, out, all_toks)

    def classify(self, run: list[Tok]) -> str | None:
        """Category of a whole capitalized run, ``single`` for a lone unknown word, or None."""
        key = run[0].text if len(run) == 1 else tuple([t.text for t in run])
        try:
            return self._seen[key]
        except KeyError:
            cat = self._seen[key] = self._classify(run)
            return cat

    def _classify(self, run: list[Tok]) -> str | None:
        lx = self.lx
        low = tuple([t.low for t in run])
        n = len(run)
        if not n:
            return None  # "The war in Gaza": nothing but a stop word before "war"
        if low in lx.places:
            return "location"
        if low in lx.orgs:
            return "organization"
        if n > 1 and low[0] in _COMPASS and low[1:] in lx.places:
            return "location"  # "North Darfur", "Eastern Ukraine"
        if n == 1:
            t = run[0]
            if t.text in lx.acronyms:
                return lx.acronyms[t.text][0]
            if t.text[0] in "IVXL" and _ROMAN.fullmatch(t.text) and t.text not in lx.acronyms:
                return None  # a bare ordinal in Roman numerals: "ATCM XLVIII"
            stem = t.text.rstrip("0123456789-")
            if stem != t.text and stem in lx.acronym_prefix:
                return lx.acronym_prefix[stem]
            if is_acronym(t.text) and t.low not in _CAPS_NOISE and t.low not in lx.stop \
                    and (t.low,) not in lx.honorifics:  # not "H.E."
                return "organization"
            if t.low in lx.stop or t.low in lx.demonyms or not t.text[0].isalpha():
                return None
            if t.low in lx.org_heads or t.low in lx.event_heads or t.low in lx.instrument_heads:
                return "backref"
            if t.low in lx.generic:
                return None
            if (t.low,) in lx.honorifics or (t.low,) in lx.titles:
                return None
            return "single"
        if low[-1] in lx.demonyms or low[0] in _CONNECT_ALWAYS:
            return None
        first_conn = next((k for k, w in enumerate(low) if w in _FIRST_CONN), n)
        head_before = low[first_conn - 1] if 0 < first_conn < n else ""
        if n <= 2 and low[-1] in ("century", "centuries", "millennium"):
            return None  # "the 21st Century": a time, not an event
        if (low[0][0].isdigit() and _ORDINAL.match(low[0])) or (
                low[0][-2:] in _ORDINAL_ENDS and _SPELLED_ORDINAL.fullmatch(low[0]) and any(
                w in lx.event_heads or w in _LOWER_EVENT_HEADS or w == "assembly" for w in low[1:])):
            return "event"  # "19th Summit", "Fourth Ministerial Meeting", not "First Deputy Minister"
        if n > 3 and low[-2] == "until" and low[-3] in lx.instrument_heads and YEAR.fullmatch(low[-1]):
            return "concept"  # "SCO Development Strategy until 2035"
        if low[-1] in lx.instrument_heads or head_before in lx.instrument_heads or \
                (low[-1].isdigit() and (low[-2] in lx.instrument_heads or (
                    n > 3 and low[-2] == "/" and low[-4] in lx.instrument_heads))) or \
                " ".join(low[-3:]) in lx.instrument_heads:
            return "concept"
        if (low[-1] in lx.event_heads or head_before in lx.event_heads) \
                and (low[-1] not in lx.org_heads or low[0] in lx.event_heads):
            return "event"
        if (((low[-1] in _PLACE_TAILS and head_before not in lx.org_heads) or head_before in _PLACE_TAILS)
                and low[0] not in lx.org_heads) \
                or (low[-1] in _PLAIN_PLACE_TAILS and first_conn == n and low[:-1] not in lx.orgs) \
                or (low[0] in _PLACE_HEADS and n > 2 and low[1] == "of") \
                or (low[0] in _PLACE_FIRST and 1 < n <= 3 and all(t.cap for t in run)) \
                or _is_state_form(low, lx.places):
            return "location"
        if low[-1] in lx.org_heads or head_before in lx.org_heads or low in lx.national_bodies \
                or low[:first_conn] in lx.orgs:
            return "organization"
        if any(is_acronym(t.text) and t.text in lx.acronyms and lx.acronyms[t.text][0] == "organization"
               for t in run) and n <= 3:
            return None
        if n <= 4 and run[0].cap and run[0].low in _PARTICLES and all(_namey(self, t) for t in run) \
                and sum(1 for t in run if t.low not in _PARTICLES) == 1:
            return "single"  # "Von der Leyen" at the start of a sentence
        if n <= 6 and all(_namey(self, t) for t in run) and (run[0].low not in _PARTICLES or run[0].cap) \
                and sum(1 for t in run if t.low not in _PARTICLES) >= 2:
            return "person"
        if n <= 3 and any(w in lx.org_heads for w in low[:-1]) and all(t.cap for t in run):
            return "organization"  # "Union State"
        return None


def _namey(sc: Scanner, t: Tok) -> bool:
    """Could be part of a personal name: a capitalized word, initial or particle, not known."""
    lx = sc.lx
    if t.low in _PARTICLES or _INITIAL_OR_ROMAN.fullmatch(t.text):
        return True
    if not t.cap or not t.text[0].isalpha() or is_acronym(t.text):
        return False
    lw = t.low
    if "-" in lw and any((p,) in lx.places or p.upper() in lx.acronyms for p in lw.split("-")):
        return False  # "China-ASEAN", "Iran-Pakistan"
    return not (lw in lx.stop or lw in lx.generic or lw in lx.portfolio or lw in lx.demonyms or (lw,) in lx.places or lw in lx.org_heads
                or lw in lx.event_heads or lw in lx.instrument_heads or (lw,) in lx.titles
                or lw in lx.title_mods or lw in _PLACE_TAILS or (lw,) in lx.orgs)


def _national(sc: Scanner, run: list[Tok]) -> bool:
    """A country's own body: "Foreign Ministry", "Ministry of Foreign Affairs", "Parliament"."""
    lx = sc.lx
    low = tuple([t.low for t in run])
    if low in lx.national_bodies:
        return True
    first_conn = next((k for k, w in enumerate(low) if w in _CONNECT_ALWAYS), len(low))
    head = low[first_conn - 1] if first_conn < len(low) else low[-1]
    return lx.org_heads.get(head, False)


def _is_org(sc: Scanner, run: list[Tok]) -> bool:
    return sc.classify(run) == "organization"


def _surface(toks: list[Tok]) -> str:
    """The tokens as the text shows them, any run of spaces or line breaks as one space."""
    if len(toks) == 1:
        return toks[0].text
    out = []
    for k, t in enumerate(toks):
        if k and t.start > toks[k - 1].end:
            out.append(" ")
        out.append(t.text)
    return "".join(out)


def _is_state_form(low: tuple[str, ...], places: dict[tuple[str, ...], str]) -> bool:
    """ "Socialist Republic of Viet Nam", "People's Republic of Bangladesh", "Kingdom of Bahrain";
    "State of Qatar", "Commonwealth of Dominica" only before a known country ("State of
    Emergency", "State of New York" and "Islamic State of Iraq" are none)."""
    k = 0
    while k < len(low) and (low[k] in STATE_ADJECTIVES or low[k] == "'s"):
        k += 1
    if k + 2 >= len(low) or low[k + 1] != "of":
        return False
    return low[k] in STATE_HEADS or (k == 0 and low[0] in _PLAIN_STATE_HEADS
                                     and places.get(low[2 + (low[2] == "the"):]) == "country")


def _state_form_start(run: list[Tok], comp: int) -> int:
    """Where a complement starts once a state form before it is taken in: "of the Republic of
    Belarus", "of the People's Republic of Bangladesh" start at "Republic" / "People"."""
    k = comp - 1
    if comp <= 2 or run[k].low != "of" or (run[k - 1].low not in STATE_HEADS
                                           and run[k - 1].low not in _PLAIN_STATE_HEADS):
        return comp
    s = k - 1
    while s > 0 and (run[s - 1].low in STATE_ADJECTIVES or run[s - 1].low == "'s"):
        s -= 1
    return s if s > 0 and run[s - 1].low in ("of", "the") else comp


def _complement(run: list[Tok]) -> int:
    """Index where the last "of (the) X" complement of a run starts, or 0."""
    for k in range(len(run) - 2, 0, -1):
        if run[k].low == "of":
            return k + 1 + (run[k + 1].low == "the" and k + 2 < len(run))
    return 0


# small words an acronym skips: "International Campaign to Ban Landmines (ICBL)"
_NAME_FUNCTION_WORDS = {"of", "the", "and", "for", "on", "in", "&", "to"}


def _initials(text: str) -> str:
    out = []
    for w in text.split():
        if w.lower() in _NAME_FUNCTION_WORDS:
            continue
        if is_acronym(w):
            out.append(w.replace(".", ""))
            continue
        out.extend(p[0].upper() for p in _HYPHENS.split(w) if p)
    return "".join(out)


def _fold(s: str) -> str:
    s = s.replace("’", "'").casefold()
    s = s.removeprefix("the ")
    return s.removesuffix("'s")


def _complements(run: list[Tok]) -> list[int]:
    """Start indexes of every "of (the) X" complement, first first."""
    out = []
    for k in range(1, len(run) - 1):
        if run[k].low == "of":
            out.append(k + 1 + (run[k + 1].low == "the" and k + 2 < len(run)))
    return out


def _defined_acronym(text: str) -> str:
    """The letters of an acronym introduced in parentheses after its name, upper case ("NAM",
    "U.N.", plural "NDCs", mixed-case "iTA", "R-ARCSS"); "" for an ordinary word."""
    if is_acronym(text):
        return text.replace(".", "").upper()
    if len(text) > 3 and text.endswith("s") and text[:-1].isupper() and text[:-1].isalpha():
        return text[:-1]  # "Nationally Determined Contributions (NDCs)"
    letters = text.replace("-", "")
    if len(letters) >= 3 and letters.isalpha() and text[0] != "-" and \
            sum(c.isupper() for c in letters) >= max(2, len(letters) - 2):
        return letters.upper()
    return ""


def _spells(toks: list[Tok], acr: str) -> bool:
    """A looser test for a name introduced with its acronym: the acronym's letters are word
    initials in order, function words included ("Code of Conduct ... (COC)", "Declaration on
    the Conduct of Parties ... (DOC)"), the first letter from the first word."""
    if len(acr) < 3 or not toks or toks[0].text[0].upper() != acr[0]:
        return False
    k = 1
    for t in toks[1:]:
        if k < len(acr) and t.text[0].upper() == acr[k]:
            k += 1
    return k == len(acr)


@remembered
def _expands(name: str, acr: str) -> bool:
    """Whether ``acr`` abbreviates ``name``: its initials, their tail ("UN Office for the
    Coordination of Humanitarian Affairs (OCHA)") or the initials of every word."""
    ini = _initials(name)
    if ini == acr:
        return True
    words = name.split()
    if len(words) > 2 and is_acronym(words[0]) and _initials(" ".join(words[1:])) == acr:
        return True  # "UN Office for the Coordination of Humanitarian Affairs (OCHA)"
    every = "".join(p[0].upper() for w in name.split() for p in _HYPHENS.split(w) if p)
    whole = "".join(w[0].upper() for w in name.split() if w.lower() not in _NAME_FUNCTION_WORDS)
    return every == acr or whole == acr  # "Intermediate-Range Nuclear Forces (INF)"
