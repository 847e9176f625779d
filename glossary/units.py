"""From catalogs to exportable :class:`Unit`s: the one mapping build, export and QA share.

A unit is a sentence of an article (``tuid`` = slug + hash of the source, so it survives
re-runs and edits elsewhere) or a glossary term (``tuid`` = category + hash of the term).
PO state maps to :class:`State`: a msgstr without ``fuzzy`` is approved, with ``fuzzy`` it is
suggested; an ``origin: <translator|memory|cldr> ...`` line in the ``#.`` comments gives the
:class:`Origin` of a pre-filled translation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import polib

from glossary.model import Origin, State, Translation, Unit

GLOSSARY = "glossary"
ORIGIN_PREFIX = "origin: "


def sentence_uid(slug: str, text: str) -> str:
    """A stable tuid for a sentence of article ``slug``."""
    return f"{slug}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"


def term_uid(term: str, category: str) -> str:
    """A stable tuid for a glossary term."""
    return f"{GLOSSARY}-{category}-{hashlib.sha1(term.encode('utf-8')).hexdigest()[:12]}"


def origin_of(entry: polib.POEntry) -> Origin:
    """The origin an ``origin:`` comment line names; a translator's by default."""
    for line in entry.comment.splitlines():
        if line.startswith(ORIGIN_PREFIX):
            words = line[len(ORIGIN_PREFIX):].split()
            value = words[0].lower() if words else ""
            return next((o for o in Origin if o.value == value), Origin.TRANSLATOR)
    return Origin.TRANSLATOR


def translation_of(entry: polib.POEntry, lang: str) -> Translation:
    """The entry's msgstr as a Translation in ``lang`` with its state and origin."""
    if not entry.msgstr.strip():
        return Translation("", lang, State.EMPTY, origin_of(entry))
    state = State.SUGGESTED if "fuzzy" in entry.flags else State.APPROVED
    return Translation(entry.msgstr, lang, state, origin_of(entry))


def _add(units: dict[str, Unit], po: polib.POFile, lang: str, slug: str) -> None:
    """Add ``po``'s entries (and their translations when ``lang``) into ``units``."""
    for entry in po:
        if entry.obsolete:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}"
        unit = units.get(key)
        if unit is None:
            uid = (term_uid(entry.msgid, entry.msgctxt or "") if slug == GLOSSARY
                   else sentence_uid(slug, entry.msgid))
            unit = units[key] = Unit(uid, entry.msgid, article="" if slug == GLOSSARY else slug,
                                     category=entry.msgctxt or "")
        if lang:
            unit.translations[lang] = translation_of(entry, lang)


def catalog_units(slug: str, template: polib.POFile | None,
                  catalogs: Mapping[str, polib.POFile | None]) -> list[Unit]:
    """Units of catalog ``slug`` (an article or ``glossary``) with their translations per
    language, in template order (entries only in a language catalog follow)."""
    units: dict[str, Unit] = {}
    if template is not None:
        _add(units, template, "", slug)
    for lang, po in catalogs.items():
        if po is not None:
            _add(units, po, lang, slug)
    return list(units.values())


def term_translations(catalogs: Mapping[str, polib.POFile]
                      ) -> dict[str, dict[tuple[str | None, str], Translation]]:
    """Per language, (category, term) -> translation from glossary catalogs."""
    return {lang: {(e.msgctxt, e.msgid): translation_of(e, lang) for e in po if not e.obsolete}
            for lang, po in catalogs.items()}


__all__: Iterable[str] = ("GLOSSARY", "ORIGIN_PREFIX", "catalog_units", "origin_of",
                          "sentence_uid", "term_translations", "term_uid", "translation_of")
