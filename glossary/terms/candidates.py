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
from glossary.terms.lexicon import Lexicon

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., H.E.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: M. Ryzhenkov
    r"|\w+(?:[-‐‑]\w+)*(?:['’](?!s\b)\w+(?:-\w+)*)*"
    r"|['’]s\b"
    r"|\S"
)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
_ACRONYM = re.compile(r"(?:[A-Z]{2,}|[A-Z]+-?\d+|(?:[A-Z]\.){2,})$")
_PARTICLE_CAP = re.compile(r"(?:al|el|ad|ash|as|at|az|ul)-[A-Z]")
_CONNECT_ALWAYS = {"of", "for"}
_CONNECT_HEADED = {"and", "on", "in", "&"}
_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "bin", "bint", "ibn", "al", "el", "la", "le", "du", "dos", "y", "ul"}
_PLACE_TAILS = {"sea", "ocean", "strait", "straits", "gulf", "peninsula", "island", "islands",
                "mountains", "river", "valley", "desert", "province", "region", "basin", "canal",
                "bay", "lake", "governorate", "oblast", "district", "heights", "corridor"}
_PLACE_HEADS = {"gulf", "strait", "sea", "lake", "bay", "island", "isle", "port", "republic"}
_REPORT_VERBS = {"said", "says", "told", "added", "noted", "stressed", "stated", "urged",
                 "warned", "announced", "wrote", "emphasized", "emphasised", "underscored",
                 "called", "insisted", "argued", "explained", "declared", "asserted", "met",
                 "welcomed", "expressed", "condemned", "praised", "reaffirmed", "highlighted",
                 "pointed", "affirmed", "tweeted", "posted", "replied", "responded"}
_LOWER_TITLE_OK = {"president", "ambassador", "envoy", "king", "emir", "premier", "chancellor",
                   "queen", "crown prince", "supreme leader"}
_QUOTED = re.compile(r"[“\"‘]([a-z][a-z-]+(?: [a-z][a-z-]+){0,2})[”\"’]")
_LOWER_EVENT_HEADS = {"summit", "session", "conference", "ministerial", "forum"}


@dataclass
class Tok:
    text: str
    start: int  # absolute offset in the article
    end: int
    low: str
    cap: bool
    space_before: bool  # only spaces (no newline) since the previous token


@dataclass
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
    acronym_of: int | None = None  # index of the mention this acronym expands
    prev: str = ""  # lowercase token before the mention
    next: str = ""  # lowercase token after the mention
    extra_forms: list[str] = field(default_factory=list)  # e.g. "Secretary-General of the UN"
    sent_initial: bool = False
    slug: str = ""  # the article, set by the extractor


def tokenize(text: str, offset: int) -> list[Tok]:
    toks: list[Tok] = []
    last = 0
    for m in _TOKEN.finditer(text):
        s = m.start()
        t = m.group()
        gap = text[last:s]
        c = t[0]
        cap = c.isupper() or bool(_PARTICLE_CAP.match(t))
        toks.append(Tok(t, offset + s, offset + m.end(), t.lower().replace("’", "'"), cap,
                        "\n" not in gap and (not toks or s > last or not gap)))
        last = m.end()
    return toks


def _is_headline(text: str) -> bool:
    """A title-case line: no final punctuation and most longer words capitalized."""
    t = text.rstrip()
    if not t or t[-1] in ".!?:;\"”":
        return False
    ws = [w for w in re.findall(r"[A-Za-z][\w'-]*", t) if len(w) > 3]
    return bool(ws) and sum(w[0].isupper() for w in ws) >= 0.6 * len(ws)


class Scanner:
    """Mentions of one article."""

    def __init__(self, lx: Lexicon) -> None:
        self.lx = lx
        self.hon1 = {h[0] for h in lx.honorifics if len(h) == 1}

    # -- lexicon probes on token lists ------------------------------------------------------

    def place_len(self, toks: list[Tok], i: int) -> int:
        lx = self.lx
        for k in range(min(lx.max_place, len(toks) - i), 0, -1):
            if tuple(t.low for t in toks[i:i + k]) in lx.places:
                return k
        return 0

    def title_len(self, toks: list[Tok], i: int, lower_ok: bool = False) -> tuple[int, str]:
        """Length and canonical office of the longest title at ``i`` (with modifiers)."""
        lx = self.lx
        j = i
        while j < len(toks) and toks[j].low in lx.title_mods and (toks[j].cap or lower_ok):
            j += 1
        for start in range(j, i - 1, -1):
            for k in range(min(lx.max_title, len(toks) - start), 0, -1):
                key = tuple(t.low for t in toks[start:start + k])
                canon = lx.titles.get(key) or lx.title_plurals.get(key)
                if canon and all(t.cap or lower_ok for t in toks[start:start + k]):
                    if start > i:  # modifiers in front: "Deputy Foreign Minister"
                        mods = " ".join(t.text for t in toks[i:start])
                        plural = key not in lx.titles
                        base = canon if not plural else canon
                        canon = f"{mods.title()} {base}"
                    return start + k - i, canon
        return 0, ""

    def honorific_len(self, toks: list[Tok], i: int) -> int:
        for k in (3, 2, 1):
            if tuple(t.low for t in toks[i:i + k]) in self.lx.honorifics and len(toks) > i + k:
                if toks[i + k - 1].cap:
                    return k
        return 0

    # -- the scan ---------------------------------------------------------------------------

    def scan(self, art: Article) -> list[Mention]:
        out: list[Mention] = []
        for si, seg in enumerate(art.segments):
            toks = tokenize(seg.text, seg.start)
            headline = _is_headline(seg.text)
            first = len(out)
            self._scan_sentence(toks, si, headline, out)
            self._concepts(seg.text, seg.start, si, out, first)
        return out

    def _concepts(self, text: str, offset: int, si: int, out: list[Mention], first: int) -> None:
        """Lexicon concepts in any case, and short lowercase phrases in quotes ("maximum pressure")."""
        taken = [(m.start, m.end) for m in out[first:]]
        found = []
        for m in self.lx.concept_re.finditer(text):
            found.append((m.start(), m.end(), self.lx.concepts[m.group().lower().replace("’", "'")]))
        for m in _QUOTED.finditer(text):
            phrase = m.group(1)
            ws = phrase.split()
            if 1 <= len(ws) <= 3 and not any(w in self.lx.stop and w not in ("of",) for w in ws) \
                    and not any(s <= m.start(1) < e for s, e, _ in found):
                found.append((m.start(1), m.end(1), phrase))
        for s, e, canon in found:
            a, b = offset + s, offset + e
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(Mention(text[s:e], "concept", si, a, b, tuple(text[s:e].lower().split()), key=canon))

    def _extends(self, toks: list[Tok], i: int, j: int) -> int:
        """How many tokens starting at ``j`` continue the capitalized run ``toks[i:j]``."""
        lx = self.lx
        n = len(toks)
        t = toks[j]
        if not t.space_before:
            return 0
        if t.cap and (t.text[0].isalpha() or t.text[0].isdigit()):
            if t.low in self.lx.stop and t.low not in lx.org_heads and j + 1 < n and not toks[j + 1].cap:
                return 0
            return 1
        prev = toks[j - 1].low
        if t.text.isdigit() and prev in lx.instrument_heads:
            return 1
        if t.low in _PARTICLES and j + 1 < n and toks[j + 1].cap and toks[j + 1].space_before:
            return 1
        conn = t.low in _CONNECT_ALWAYS
        if not conn and t.low in _CONNECT_HEADED:
            first = toks[i].low
            conn = (first in lx.org_heads or first in lx.event_heads or first in lx.instrument_heads
                    or any(self.place_len(toks, k) > j - k for k in range(i, j)))
        if conn and j + 1 < n:
            k = j + 1
            if toks[k].low == "the" and k + 1 < n:
                k += 1
            if toks[k].cap and toks[k].space_before and toks[k].low not in lx.stop \
                    and toks[k].text[0].isalpha():
                return k - j + 1
        return 0

    def _scan_sentence(self, toks: list[Tok], si: int, headline: bool, out: list[Mention]) -> None:
        lx = self.lx
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            ordinal = bool(_ORDINAL.match(t.low))
            if not t.cap and not ordinal:
                self._lower(toks, i, si, out)
                i += 1
                continue
            if not t.text[0].isalnum():
                i += 1
                continue
            j = i + 1
            while j < n:
                # "Mr. X": keep the dot of an honorific inside the run
                if toks[j].text == "." and toks[j - 1].low in self.hon1 and j + 1 < n and toks[j + 1].cap:
                    j += 1
                    continue
                k = self._extends(toks, i, j)
                if not k:
                    break
                j += k
            # an ordinal or an organization followed by a lowercase event noun
            if j < n and toks[j].low in _LOWER_EVENT_HEADS | ({"meeting"} if ordinal else set()):
                if ordinal or j - i <= 3:
                    j += 1
                    while j < n:
                        k = self._extends(toks, i, j)
                        if not k or toks[j].low not in _CONNECT_ALWAYS:
                            break
                        j += k
                        while j < n and self._extends(toks, i, j) == 1 and toks[j].cap:
                            j += 1
            elif ordinal and j == i + 1:
                i += 1
                continue
            run = [x for x in toks[i:j] if x.text != "."]
            start_out = len(out)
            self._run(run, si, headline, out, toks, i, j)
            # "Non-Aligned Movement (NAM)": link the acronym to the name before it
            if j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")" \
                    and _ACRONYM.match(toks[j + 1].text) and len(out) > start_out:
                a = toks[j + 1]
                target = len(out) - 1
                for c in range(start_out, len(out)):
                    if _initials(out[c].text) == a.text.replace(".", "").upper():
                        target = c
                out.append(Mention(a.text, out[target].cat, si, a.start, a.end, (a.low,),
                                   acronym_of=target))
                j += 3
            i = j

    def _lower(self, toks: list[Tok], i: int, si: int, out: list[Mention]) -> None:
        """Lowercase offices: "foreign minister", "the Iranian president"."""
        lx = self.lx
        t = toks[i]
        if t.low not in lx.title_mods and not any(t.low == k[0] for k in ()) and len(t.low) < 3:
            return
        k, canon = self.title_len(toks, i, lower_ok=True)
        if not k:
            return
        if out and out[-1].end > t.start:
            return
        words = [x.low for x in toks[i:i + k]]
        prev = toks[i - 1].low if i else ""
        after_nat = prev in lx.demonyms or prev == "'s"
        core = " ".join(words)
        if len(words) == 1 or all(w in lx.title_mods or w == words[-1] for w in words):
            if not (after_nat and (core in _LOWER_TITLE_OK or core.rstrip("s") in _LOWER_TITLE_OK)):
                return
        if i + k < len(toks) and toks[i + k].cap and toks[i + k].space_before:
            pass  # "foreign minister Abbas Araghchi": the name is scanned next
        out.append(Mention(" ".join(x.text for x in toks[i:i + k]), "title", si, t.start,
                           toks[i + k - 1].end, tuple(words), key=canon))

    # -- cutting a capitalized run into mentions --------------------------------------------

    def _emit(self, out: list[Mention], toks: list[Tok], cat: str, si: int, all_toks: list[Tok],
              key: str = "", weak: bool = False) -> Mention:
        first, last = toks[0], toks[-1]
        idx = all_toks.index(first)
        lidx = all_toks.index(last)
        m = Mention(
            text=_surface(toks), cat=cat, sent=si, start=first.start, end=last.end,
            toks=tuple(t.low for t in toks), key=key, weak=weak,
            prev=all_toks[idx - 1].low if idx else "",
            next=all_toks[lidx + 1].low if lidx + 1 < len(all_toks) else "",
            sent_initial=idx == 0 or (idx == 1 and all_toks[0].text in "\"“'‘(["),
        )
        out.append(m)
        return m

    def _run(self, run: list[Tok], si: int, headline: bool, out: list[Mention],
             all_toks: list[Tok], i0: int, j0: int) -> None:
        lx = self.lx
        # leading stop words ("The", "During", "Both") unless part of a place ("The Hague")
        while run and run[0].low in lx.stop and not self.place_len(run, 0) \
                and tuple(t.low for t in run) not in lx.orgs:
            if run[0].low == "the" and len(run) > 1 and _is_org(self, run[1:]) and run[-1].low in (
                    "observer", "times", "guardian", "telegraph", "economist", "herald", "tribune"):
                break
            run = run[1:]
        while run and (run[-1].low in _CONNECT_ALWAYS | _CONNECT_HEADED | {"the"} | _PARTICLES):
            run = run[:-1]
        if not run:
            return
        self._cut(run, si, headline, out, all_toks)

    def _cut(self, run: list[Tok], si: int, headline: bool, out: list[Mention], all_toks: list[Tok]) -> None:
        lx = self.lx
        pos = 0
        n = len(run)
        # honorifics, demonyms and possessive-free country names in front of an office or name
        while pos < n:
            h = self.honorific_len(run, pos)
            if h and not self.title_len(run, pos)[0]:
                pos += h
                continue
            low = run[pos].low
            two = " ".join(t.low for t in run[pos:pos + 2])
            dk = 2 if two in lx.demonyms else 1 if low in lx.demonyms else 0
            if dk and pos + dk < n:
                rest = run[pos + dk:]
                if self.title_len(rest, 0)[0] or _national(self, rest) or self.honorific_len(rest, 0):
                    pos += dk
                    continue
            pk = self.place_len(run, pos)
            if pk and pos + pk < n:
                rest = run[pos + pk:]
                if self.title_len(rest, 0)[0] or _national(self, rest):
                    self._emit(out, run[pos:pos + pk], "location", si, all_toks, weak=False)
                    pos += pk
                    continue
            break
        run = run[pos:]
        if not run:
            return
        k, canon = self.title_len(run, 0)
        if k and not (k == len(run) and len(run) == 1 and run[0].low in lx.stop):
            end = k
            extra = ""
            emits: list[tuple[list[Tok], str]] = []
            # portfolio or body after the office: "for Legal Affairs", "of the Arab League"
            if end < len(run) and run[end].low in _CONNECT_ALWAYS:
                c = end + 1 + (end + 1 < len(run) and run[end + 1].low == "the")
                tail_end = c
                while tail_end < len(run) and (run[tail_end].cap or run[tail_end].low in
                                               _CONNECT_ALWAYS | _CONNECT_HEADED | {"the"}) \
                        and not self.honorific_len(run, tail_end):
                    tail_end += 1
                tail = run[c:tail_end]
                # a name after the body: "Secretary-General of the UN Antonio Guterres"
                cat = self.classify(tail) if tail else None
                if cat is None and tail:
                    for cut in range(len(tail) - 1, 0, -1):
                        cat = self.classify(tail[:cut])
                        if cat in ("location", "organization"):
                            tail_end = c + cut
                            tail = tail[:cut]
                            break
                    else:
                        cat = None
                if cat == "location":
                    emits.append((tail, "location"))
                    end = tail_end
                elif cat == "organization":
                    emits.append((tail, "organization"))
                    extra = _surface(run[:tail_end])
                    end = tail_end
                elif run[end].low == "for" and tail and not any(t.low in lx.stop for t in tail):
                    end = tail_end
                    canon = _surface(run[:end])
            title_toks = run[:k] if end != k and not canon.startswith(_surface(run[:k])) else run[:end]
            if extra or emits:
                title_toks = run[:k]
            m = self._emit(out, title_toks, "title", si, all_toks, key=canon)
            if extra:
                m.extra_forms.append(extra)
            for toks_, cat in emits:
                self._cut(toks_, si, headline, out, all_toks) if cat == "organization" else \
                    self._emit(out, toks_, cat, si, all_toks)
            rest = run[end:]
            h = self.honorific_len(rest, 0) if rest else 0
            rest = rest[h:]
            if rest:
                if all(_namey(self, t) for t in rest) and len(rest) <= 5:
                    self._emit(out, rest, "person", si, all_toks, weak=headline and len(rest) > 1)
                else:
                    self._cut(rest, si, headline, out, all_toks)
            return
        if pos and all(_namey(self, t) for t in run) and len(run) <= 5 and self.classify(run) in (None, "person", "single"):
            # after an honorific: a name, even a single one
            self._emit(out, run, "person", si, all_toks)
            return
        cat = self.classify(run)
        if cat is not None:
            comp = _complement(run)
            if comp and cat in ("organization", "event", "concept"):
                inner = run[comp:]
                icat = self.classify(inner)
                if icat == "location" and cat == "organization" and run[comp - 1].low == "of":
                    self._emit(out, run[:comp - 1], cat, si, all_toks)
                    self._emit(out, inner, icat, si, all_toks)
                    return
                if icat == "organization" and cat in ("event", "concept"):
                    self._emit(out, run, cat, si, all_toks)
                    self._emit(out, inner, icat, si, all_toks)
                    return
            self._emit(out, run, cat, si, all_toks, weak=headline and cat in ("person", "single"))
            return
        # fall back: the longest classifiable pieces, left to right
        s = 0
        while s < len(run):
            for e in range(len(run), s, -1):
                piece = run[s:e]
                if piece[0].low in _CONNECT_ALWAYS | _CONNECT_HEADED | _PARTICLES | {"the"} \
                        or piece[-1].low in _CONNECT_ALWAYS | _CONNECT_HEADED | _PARTICLES | {"the"}:
                    continue
                c = self.classify(piece) if e - s < len(run) else None
                if c is not None and (c != "single" or e - s == 1):
                    if e - s == 1 and self.title_len(piece, 0)[0]:
                        break
                    self._emit(out, piece, c, si, all_toks, weak=headline and c in ("person", "single"))
                    s = e
                    break
            else:
                s += 1
                continue
            if s < len(run) and self.title_len(run, s)[0]:
                self._cut(run[s:], si, headline, out, all_toks)
                return

    def classify(self, run: list[Tok]) -> str | None:
        """Category of a whole capitalized run, ``single`` for a lone unknown word, or None."""
        lx = self.lx
        low = tuple(t.low for t in run)
        n = len(run)
        if low in lx.places:
            return "location"
        if low in lx.orgs:
            return "organization"
        if n == 1:
            t = run[0]
            if t.text in lx.acronyms:
                return lx.acronyms[t.text][0]
            if _ACRONYM.match(t.text):
                return "organization"
            if t.low in lx.stop or t.low in lx.demonyms or not t.text[0].isalpha():
                return None
            if t.low in lx.org_heads or t.low in lx.event_heads or t.low in lx.instrument_heads:
                return "backref"
            if (t.low,) in lx.honorifics or (t.low,) in lx.titles:
                return None
            return "single"
        if low[-1] in lx.demonyms or low[0] in _CONNECT_ALWAYS:
            return None
        first_conn = next((k for k, w in enumerate(low) if w in _CONNECT_ALWAYS | {"on"}), n)
        head_before = low[first_conn - 1] if 0 < first_conn < n else ""
        if _ORDINAL.match(low[0]):
            return "event"
        if low[-1] in lx.instrument_heads or head_before in lx.instrument_heads or \
                (low[-1].isdigit() and low[-2] in lx.instrument_heads) or \
                " ".join(low[-3:]) in lx.instrument_heads:
            return "concept"
        if low[-1] in lx.event_heads or head_before in lx.event_heads:
            if low[-1] not in lx.org_heads or low[0] in lx.event_heads:
                return "event"
        if low[-1] in _PLACE_TAILS and low[0] not in lx.org_heads or (low[0] in _PLACE_HEADS and n > 2 and low[1] == "of"):
            return "location"
        if low[-1] in lx.org_heads or head_before in lx.org_heads or low in lx.national_bodies:
            return "organization"
        if any(_ACRONYM.match(t.text) and t.text in lx.acronyms and lx.acronyms[t.text][0] == "organization"
               for t in run) and n <= 3:
            return None
        if n <= 5 and all(_namey(self, t) for t in run) and run[0].low not in _PARTICLES \
                and sum(1 for t in run if t.low not in _PARTICLES) >= 2:
            return "person"
        return None


def _namey(sc: Scanner, t: Tok) -> bool:
    """Could be part of a personal name: a capitalized word, initial or particle, not known."""
    lx = sc.lx
    if t.low in _PARTICLES or re.fullmatch(r"[A-Z]\.", t.text) or re.fullmatch(r"[IVX]+", t.text):
        return True
    if not t.cap or not t.text[0].isalpha() or _ACRONYM.match(t.text):
        return False
    lw = t.low
    return not (lw in lx.stop or lw in lx.demonyms or (lw,) in lx.places or lw in lx.org_heads
                or lw in lx.event_heads or lw in lx.instrument_heads or (lw,) in lx.titles
                or lw in lx.title_mods or lw in _PLACE_TAILS or (lw,) in lx.orgs)


def _national(sc: Scanner, run: list[Tok]) -> bool:
    """A country's own body: "Foreign Ministry", "Ministry of Foreign Affairs", "Parliament"."""
    lx = sc.lx
    low = tuple(t.low for t in run)
    if low in lx.national_bodies:
        return True
    first_conn = next((k for k, w in enumerate(low) if w in _CONNECT_ALWAYS), len(low))
    head = low[first_conn - 1] if first_conn < len(low) else low[-1]
    return lx.org_heads.get(head, False)


def _is_org(sc: Scanner, run: list[Tok]) -> bool:
    return sc.classify(run) == "organization"


def _surface(toks: list[Tok]) -> str:
    out = []
    for k, t in enumerate(toks):
        if k and t.start > toks[k - 1].end:
            out.append(" ")
        out.append(t.text)
    return "".join(out)


def _complement(run: list[Tok]) -> int:
    """Index where the last "of (the) X" complement of a run starts, or 0."""
    for k in range(len(run) - 2, 0, -1):
        if run[k].low == "of":
            return k + 1 + (run[k + 1].low == "the" and k + 2 < len(run))
    return 0


def _initials(text: str) -> str:
    out = []
    for w in text.split():
        if w.lower() in ("of", "the", "and", "for", "on", "in", "&"):
            continue
        if _ACRONYM.match(w):
            out.append(w.replace(".", ""))
            continue
        out.extend(p[0].upper() for p in re.split(r"[-‐‑]", w) if p)
    return "".join(out)
