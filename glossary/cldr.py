"""CLDR suggestions for the glossary catalogs: standard names of countries, regions and cities.

:func:`prefill` is the hook the build calls on each language's glossary catalog after merging.
For every *empty* entry whose category (``msgctxt``) is ``location`` -- and for the United
Nations and the European Union also ``organization`` -- it looks the English term (then its
variants) up in an index built from babel's CLDR data and, if CLDR has a name in the target
language, stores it as a suggestion: ``msgstr`` set, ``fuzzy`` flag, and an extracted comment

    origin: cldr CLDR 49 via babel 2.19.0 [IR] Иран

(origin value ``cldr``, the CLDR and babel versions, the CLDR code and the suggested name). An
entry with a translation is never touched: a translator's entry, approved or fuzzy, survives
every rebuild. If a translator changed a suggestion, the stale ``origin: cldr`` line (which
names the suggested text) is dropped so the entry counts as the translator's.

The English side of the index, built once at run time (``functools.cache``):

* CLDR English territory and region names (``Locale('en').territories``: "Iran", "Uganda",
  "United Kingdom", "Europe", "Western Asia", "United Nations", "European Union", ...);
* CLDR exemplar cities of every time zone (``Locale('en').time_zones[tz]['city']`` or, when
  English has none, the zone id's last part: ``Asia/Tehran`` -> "Tehran",
  ``Africa/Kampala`` -> "Kampala", ``Europe/Minsk`` -> "Minsk"), and old zone ids babel
  aliases ("Kiev", "Calcutta", "Saigon");
* ``glossary/data/location_aliases.tsv``: English forms CLDR lacks ("Britain", "UK",
  "the United States", "Turkey", "Ivory Coast", ...) mapped to a code or zone id.

Keys are compared case-insensitively, without accents, full stops or a leading "the", with
"&" read as "and". A country wins over a city of the same English name (Kuwait, Singapore).
The target side is ``Locale(lang).territories[code]`` or ``Locale(lang).time_zones[tz]['city']``;
Persian names are stored with Persian letter forms (ی ک).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import babel
import polib
from babel import Locale, UnknownLocaleError
from babel.core import get_global

from glossary.textnorm import persian_letters
from glossary.units import ORIGIN_PREFIX

FUZZY = "fuzzy"
CATEGORY = "location"
#: codes that are bodies rather than places: suggested for ``organization`` terms too
ORGANIZATION_CODES = frozenset({"UN", "EU"})
_ZONE_REGIONS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
                 "Europe", "Indian", "Pacific")
_SKIP_TERRITORIES = frozenset({"ZZ"})


def cldr_version() -> str:
    """The CLDR release babel's data comes from (e.g. ``"49"``), or ``"unknown"``."""
    try:
        return str(get_global("cldr").get("version") or "unknown")
    except Exception:  # noqa: BLE001 (older babel without the key)
        return "unknown"


def origin_text() -> str:
    """The free text after ``origin: cldr``: ``CLDR 49 via babel 2.19.0``."""
    return f"CLDR {cldr_version()} via babel {babel.__version__}"


def key(name: str) -> str:
    """The English lookup key: no accents, case, full stops, leading "the"; "&" = "and"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u02bc", "'").replace("&", " and ")
    text = text.replace(".", "").replace("_", " ").casefold()
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True)
class Place:
    """What an English name refers to: a territory/region code or a time-zone id (a city)."""

    kind: str  # "territory" | "zone"
    code: str

    @property
    def label(self) -> str:
        return self.code


def _aliases() -> list[tuple[str, str]]:
    text = resources.files("glossary").joinpath("data", "location_aliases.tsv") \
        .read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, *_ = line.split("\t")
        rows.append((name.strip(), code.strip()))
    return rows


def _place(code: str) -> Place:
    return Place("zone", code) if "/" in code else Place("territory", code)


@cache
def english_index() -> dict[str, Place]:
    """English key -> place, from CLDR English names, exemplar cities and the alias table."""
    en = Locale("en")
    index: dict[str, Place] = {}
    for code, name in en.territories.items():
        if code in _SKIP_TERRITORIES:
            continue
        index.setdefault(key(name), Place("territory", code))
        if " (" in name:  # "Myanmar (Burma)" -> "Myanmar" as well
            index.setdefault(key(name.split(" (")[0]), Place("territory", code))
    zones = sorted(get_global("zone_territories"))
    cities: dict[str, Place] = {}
    for tz in zones:
        if tz.split("/")[0] not in _ZONE_REGIONS:
            continue
        city = en.time_zones.get(tz, {}).get("city")
        if not city and tz.count("/") == 1:  # "Asia/Tehran" -> "Tehran"
            city = tz.rsplit("/", 1)[-1].replace("_", " ")
        if city:
            cities.setdefault(key(city), Place("zone", tz))
    for old, new in sorted(get_global("zone_aliases").items()):
        if (old.split("/")[0] in _ZONE_REGIONS and old.count("/") == 1
                and new in get_global("zone_territories")):
            cities.setdefault(key(old.rsplit("/", 1)[-1]), Place("zone", new))
    for k, place in cities.items():
        index.setdefault(k, place)  # a country wins over a city of the same name
    zone_aliases = get_global("zone_aliases")
    for name, code in _aliases():
        if "/" in code:
            code = zone_aliases.get(code, code)
        index[key(name)] = _place(code)
    return index


def lookup(name: str) -> Place | None:
    """The place an English name refers to, or None."""
    return english_index().get(key(name))


@cache
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def local_name(place: Place, lang: str) -> str | None:
    """CLDR's name of ``place`` in ``lang`` (Persian letter forms for Persian), or None."""
    loc = _locale(lang)
    if loc is None:
        return None
    if place.kind == "territory":
        name = loc.territories.get(place.code)
    else:
        name = (loc.time_zones.get(place.code) or {}).get("city")
    if not name:
        return None
    if loc.language in ("fa", "ps", "ur"):
        name = persian_letters(name)
    return name


@dataclass(frozen=True)
class Suggestion:
    text: str
    place: Place
    matched: str  # the English form that was found

    def origin_line(self) -> str:
        return f"{ORIGIN_PREFIX}cldr {origin_text()} [{self.place.label}] {self.text}"


def suggest(term: str, lang: str, variants: tuple[str, ...] = (),
            category: str = CATEGORY) -> Suggestion | None:
    """The CLDR suggestion for an English ``term`` (or one of its ``variants``) in ``lang``."""
    for form in (term, *variants):
        place = lookup(form)
        if place is None:
            continue
        if category != CATEGORY and place.code not in ORGANIZATION_CODES:
            continue
        name = local_name(place, lang)
        if not name:
            continue
        if "(" not in form and re.search(r"\s*\([^()]*\)$", name):
            name = re.sub(r"\s*\([^()]*\)$", "", name)  # "Мьянма (Бирма)" for "Myanmar"
        return Suggestion(name, place, form)
    return None


def _variants(entry: polib.POEntry) -> tuple[str, ...]:
    for line in entry.comment.splitlines():
        if line.startswith("variants: "):
            return tuple(v.strip() for v in line[len("variants: "):].split(" | ") if v.strip())
    return ()


def _cldr_origin(entry: polib.POEntry) -> tuple[int, str] | None:
    for i, line in enumerate(entry.comment.splitlines()):
        if line.startswith(ORIGIN_PREFIX + "cldr"):
            return i, line
    return None


def _set_origin(entry: polib.POEntry, line: str | None) -> None:
    lines = [ln for ln in entry.comment.splitlines() if not ln.startswith(ORIGIN_PREFIX)]
    if line:
        lines.append(line)
    entry.comment = "\n".join(lines)


def prefill(po: polib.POFile, lang: str) -> int:
    """Suggest CLDR names for empty location entries of ``po``; return how many were filled."""
    filled = 0
    for entry in po:
        if entry.obsolete or not entry.msgid or entry.msgid_plural:
            continue
        if entry.msgctxt not in (CATEGORY, "organization"):
            continue
        if entry.msgstr.strip():
            origin = _cldr_origin(entry)
            # a translator replaced the suggestion: its "origin: cldr ... <name>" is stale
            if origin and not origin[1].endswith("] " + entry.msgstr):
                _set_origin(entry, None)
            continue
        found = suggest(entry.msgid, lang, _variants(entry), entry.msgctxt)
        if found is None:
            continue
        entry.msgstr = found.text
        if FUZZY not in entry.flags:
            entry.flags.append(FUZZY)
        _set_origin(entry, found.origin_line())
        filled += 1
    return filled
