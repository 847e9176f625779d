"""CAT-tool exports beside the PO and multilingual TMX: term bases and per-pair memories.

Written by ``glossary build`` (through :func:`write_extras`) and by ``glossary export``
(:func:`export`, from the catalogs already under ``locales/``, without re-extracting); both
produce the same bytes. Files, all under ``tmx/`` (``<lang>`` = each target language):

* ``glossary.tbx``: TBX-Basic, TBX v2 (``<martif>``), every term with its translations
  (:mod:`glossary.formats.tbx`); the form OmegaT and translate-toolkit read.
* ``glossary.v3.tbx``: the same as TBX v3 (TBX-Basic dialect). Only on request
  (``glossary export --format tbx --tbx-version 3``); once it exists, ``build`` and every
  TBX export keep it up to date (delete it to stop that).
* ``glossary.en-<lang>.utf8``: OmegaT tab-separated glossary; ``glossary.en-<lang>.csv``: the
  same as CSV (:mod:`glossary.formats.tsv`). Only terms with a translation in ``<lang>``.
* ``<slug>.en-<lang>.tmx`` and ``glossary.en-<lang>.tmx``: bilingual TMX for memoQ/Trados
  (their memories are bilingual). Only units with an approved translation in ``<lang>``:
  a source-only TU is no pair.

The bilingual files (tab, CSV, per-pair TMX) exist only while they hold at least one entry:
an empty glossary or a TMX without a ``<tu>`` gives a CAT tool nothing, and an empty TMX body
is rejected by TMX linters. So a language with no translation yet has no such files, and a
rebuild removes one whose last translation was removed. Every write is atomic and skipped
when the bytes did not change.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.formats.po import read_po
from glossary.formats.tbx import write_tbx
from glossary.formats.tmx import write_tmx
from glossary.formats.tsv import rows as tab_rows
from glossary.formats.tsv import write_csv, write_tab
from glossary.langs import DEFAULT_TARGETS, SOURCE_LANG
from glossary.model import Unit
from glossary.units import GLOSSARY, catalog_units

FORMATS: tuple[str, ...] = ("tbx", "tsv", "csv", "tmx")
V3_NAME = f"{GLOSSARY}.v3.tbx"

# keys of the ``#.`` lines the build writes on glossary entries
_META_KEYS = ("category", "variants", "occurrences", "context", "origin")


def pair(lang: str, srclang: str = SOURCE_LANG) -> str:
    return f"{srclang}-{lang}"


def tbx_path(out: Path, version: int = 2) -> Path:
    return out / "tmx" / (f"{GLOSSARY}.tbx" if version == 2 else V3_NAME)


def tab_path(out: Path, lang: str) -> Path:
    return out / "tmx" / f"{GLOSSARY}.{pair(lang)}.utf8"


def csv_path(out: Path, lang: str) -> Path:
    return out / "tmx" / f"{GLOSSARY}.{pair(lang)}.csv"


def pair_tmx_path(out: Path, name: str, lang: str) -> Path:
    return out / "tmx" / f"{name}.{pair(lang)}.tmx"


# ---------------------------------------------------------------- term metadata


def _comment_fields(comment: str) -> dict[str, str]:
    """``key: value`` lines of an extracted comment; polib hands back wrapped lines split."""
    fields: dict[str, str] = {}
    key = None
    for line in comment.splitlines():
        head, sep, rest = line.partition(": ")
        if sep and head in _META_KEYS:
            key = head
            fields[key] = rest.strip()
        elif key is not None and line.strip():
            prev = fields[key]
            # polib (textwrap) also breaks after a hyphen: "Non-" / "Aligned"
            glue = "" if len(prev) > 1 and prev[-1] == "-" and prev[-2].isalnum() else " "
            fields[key] = f"{prev}{glue}{line.strip()}"
    return fields


def term_metadata(out: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(category, term) -> the concordance fields of ``locales/glossary.pot`` (context, variants)."""
    pot = read_po(out / "locales" / f"{GLOSSARY}.pot")
    if pot is None:
        return {}
    return {(e.msgctxt or "", e.msgid): _comment_fields(e.comment)
            for e in pot if not e.obsolete}


def _enrich(glossary: Sequence[Unit], out: Path) -> tuple[list[Unit], dict[str, list[str]]]:
    """Copies of the glossary units with their context sentence, and their variants by uid."""
    meta = term_metadata(out)
    units, variants = [], {}
    for unit in glossary:
        fields = meta.get((unit.category, unit.source), {})
        units.append(dataclasses.replace(unit, context=unit.context or fields.get("context", ""),
                                         translations=dict(unit.translations)))
        found = [v.strip() for v in fields.get("variants", "").split(" | ") if v.strip()]
        if found:
            variants[unit.uid] = found
    return units, variants


# ---------------------------------------------------------------- writing


def _usable_in(units: Iterable[Unit], lang: str) -> list[Unit]:
    out = []
    for unit in units:
        tr = unit.translations.get(lang)
        if tr is not None and tr.usable:
            out.append(unit)
    return out


def write_formats(out: Path, articles: Mapping[str, Sequence[Unit]], glossary: Sequence[Unit],
                  langs: Sequence[str], formats: Iterable[str] = FORMATS,
                  tbx_versions: Iterable[int] = (2,)) -> tuple[list[Path], list[Path]]:
    """Write the chosen exports; return (rewritten, unchanged) paths."""
    formats = set(formats)
    unknown = formats - set(FORMATS)
    if unknown:
        raise GlossaryError(f"unknown export format {sorted(unknown)[0]!r} "
                            f"(use {', '.join(FORMATS)})")
    written: list[Path] = []
    unchanged: list[Path] = []

    def record(path: Path, changed: bool) -> None:
        (written if changed else unchanged).append(path)

    (out / "tmx").mkdir(parents=True, exist_ok=True)
    terms, variants = _enrich(glossary, out)
    if "tbx" in formats:
        for version in sorted(set(tbx_versions)):
            path = tbx_path(out, version)  # no term at all: no TBX (an empty body is invalid)
            record(path, write_tbx(path, terms, _canonical(langs), SOURCE_LANG, version,
                                   variants) if terms else _remove(path))
    for lang in langs:
        has_terms = bool(tab_rows(terms, lang))
        if "tsv" in formats:
            path = tab_path(out, lang)
            record(path, write_tab(path, terms, lang, SOURCE_LANG) if has_terms
                   else _remove(path))
        if "csv" in formats:
            path = csv_path(out, lang)
            record(path, write_csv(path, terms, lang, SOURCE_LANG) if has_terms
                   else _remove(path))
        if "tmx" in formats:
            for name, units in [*articles.items(), (GLOSSARY, terms)]:
                path = pair_tmx_path(out, name, lang)
                pairs = _usable_in(units, lang)
                record(path, write_tmx(path, pairs, [lang], SOURCE_LANG) if pairs
                       else _remove(path))
    return written, [p for p in unchanged if p.exists()]


def _canonical(langs: Sequence[str]) -> list[str]:
    """Languages in one fixed order (fa, ru, be, then the rest sorted), whatever order
    ``--langs`` gave, so that build and export write the same term base."""
    rest = sorted(set(langs) - set(DEFAULT_TARGETS))
    return [l for l in DEFAULT_TARGETS if l in langs] + rest


def _remove(path: Path) -> bool:
    """Delete a bilingual export that has nothing left to carry; True if one was there."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def write_extras(out: Path, articles: Mapping[str, Sequence[Unit]], glossary: Sequence[Unit],
                 langs: Sequence[str]) -> tuple[list[Path], list[Path]]:
    """Write term bases and per-pair memories under ``out``; return (rewritten, unchanged).

    The TBX v3 file is refreshed only when an earlier ``glossary export --tbx-version 3``
    created it.
    """
    out = Path(out)
    versions = (2, 3) if tbx_path(out, 3).exists() else (2,)
    return write_formats(out, articles, glossary, langs, FORMATS, versions)


# ---------------------------------------------------------------- export from catalogs


def catalog_langs(out: Path) -> tuple[str, ...]:
    """Target languages that have a glossary catalog under ``out/locales`` (fa, ru, be first)."""
    found = {p.parent.parent.name
             for p in (out / "locales").glob(f"*/LC_MESSAGES/{GLOSSARY}.po")}
    return tuple([l for l in DEFAULT_TARGETS if l in found]
                 + sorted(found - set(DEFAULT_TARGETS)))


def units_from_catalogs(out: Path, langs: Sequence[str]
                        ) -> tuple[dict[str, list[Unit]], list[Unit]]:
    """The article and glossary Units ``glossary build`` would hand to :func:`write_extras`,
    rebuilt from ``locales/`` (templates and ``<lang>/LC_MESSAGES`` catalogs)."""
    locales = out / "locales"
    if not (locales / f"{GLOSSARY}.pot").is_file():
        raise GlossaryError("no locales/glossary.pot here: run glossary build first", str(out))
    missing = [l for l in langs
               if not (locales / l / "LC_MESSAGES" / f"{GLOSSARY}.po").is_file()]
    if missing:
        raise GlossaryError(f"no glossary catalog for {', '.join(missing)}: "
                            f"run glossary build --langs {','.join(langs)} first", str(locales))
    articles: dict[str, list[Unit]] = {}
    for pot_path in sorted(locales.glob("*.pot")):
        slug = pot_path.stem
        if slug in (GLOSSARY, "memory"):
            continue
        articles[slug] = catalog_units(slug, read_po(pot_path), {
            lang: read_po(locales / lang / "LC_MESSAGES" / f"{slug}.po") for lang in langs})
    terms = catalog_units(GLOSSARY, None, {
        lang: read_po(locales / lang / "LC_MESSAGES" / f"{GLOSSARY}.po") for lang in langs})
    return articles, terms


def export(out: str | Path, langs: Sequence[str] | None = None,
           formats: Iterable[str] = FORMATS, tbx_version: int = 2
           ) -> tuple[list[Path], list[Path]]:
    """Regenerate exports from the catalogs under ``out``; return (rewritten, unchanged)."""
    out = Path(out)
    langs = tuple(langs) if langs else catalog_langs(out)
    if not langs:
        raise GlossaryError("no locales/<lang>/LC_MESSAGES/glossary.po here: "
                            "run glossary build first", str(out))
    articles, glossary = units_from_catalogs(out, langs)
    if "tbx" in set(formats) and not glossary:
        raise GlossaryError("the glossary has no terms: nothing to write as TBX", str(out))
    versions = {tbx_version} | ({3} if tbx_path(out, 3).exists() else set())  # as build does
    return write_formats(out, articles, glossary, langs, formats, versions)
