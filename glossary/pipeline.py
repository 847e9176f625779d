"""``glossary build``: articles in, translator kit out (PO/POT under locales/, TMX under tmx/).

Every input is read and checked before anything is written; existing catalogs are merged, never
overwritten (:mod:`glossary.merge`); every file is written atomically and left alone when its
content did not change.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import polib

from glossary import cldr, exports, memory
from glossary.articles import read_articles
from glossary.fileio import check_writable_dir
from glossary.formats.po import new_catalog, read_po, write_po
from glossary.formats.tmx import write_tmx
from glossary.merge import merge
from glossary.model import Article, State, Term, Translation, Unit
from glossary.progress import progress
from glossary.terms import extract_terms
from glossary.units import GLOSSARY, ORIGIN_PREFIX, catalog_units, term_translations

RESERVED_SLUGS = frozenset({GLOSSARY, "memory"})


@dataclass
class BuildReport:
    """What a build did: files rewritten, files already up to date, counts."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    articles: int = 0
    sentences: int = 0
    terms: int = 0

    def record(self, path: Path, changed: bool) -> None:
        (self.written if changed else self.unchanged).append(path)


# ---------------------------------------------------------------- catalog entries


def _glossary_entries(terms: Sequence[Term], articles: Sequence[Article],
                      carried: Sequence[polib.POEntry]) -> list[polib.POEntry]:
    """One entry per term: msgctxt = category; the concordance in comments and references."""
    by_slug = {a.slug: a for a in articles}
    entries = []
    for term in terms:
        refs, context = [], ""
        for occ in term.occurrences:
            art = by_slug[occ.article]
            seg = art.segments[occ.sentence]
            line = seg.line + art.text.count("\n", seg.start, occ.start)
            if (art.path, str(line)) not in refs:
                refs.append((art.path, str(line)))
            context = context or seg.text
        lines = [f"category: {term.category}"]
        if term.variants:
            lines.append("variants: " + " | ".join(term.variants))
        lines.append(f"occurrences: {term.count}")
        if context:
            lines.append(f"context: {context}")
        entries.append(polib.POEntry(msgctxt=term.category, msgid=term.term, msgstr="",
                                     occurrences=refs, comment="\n".join(lines)))
    entries.extend(_copy_template_entry(e) for e in carried)
    return entries


def _copy_template_entry(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr="",
                         occurrences=list(entry.occurrences), comment=entry.comment)


def _carried_glossary_entries(pot: polib.POFile | None,
                              articles: Sequence[Article]) -> list[polib.POEntry]:
    """Terms of articles not in this build (whose files still exist) stay in the glossary."""
    if pot is None:
        return []
    built = {a.path for a in articles}
    kept = []
    for entry in pot:
        files = {f for f, _ in entry.occurrences}
        if files and not files & built and any(Path(f).is_file() for f in files):
            kept.append(entry)
    return kept



def _sentence_entries(article: Article, terms_here: dict[int, list[Term]],
                      term_tr: Mapping[str, Mapping[tuple[str | None, str], Translation]],
                      lang: str | None) -> list[polib.POEntry]:
    """One entry per distinct sentence in article order, with the glossary terms it contains
    and, in a language's catalog, their translation there."""
    entries: dict[str, polib.POEntry] = {}
    for i, seg in enumerate(article.segments):
        entry = entries.get(seg.text)
        if entry is None:
            lines = []
            for term in terms_here.get(i, []):
                hint = f"glossary: {term.term} ({term.category})"
                tr = term_tr[lang].get((term.category, term.term)) if lang else None
                if tr is not None and tr.text.strip():
                    hint += f" = {tr.text}"
                    if tr.state is State.SUGGESTED:
                        hint += " (suggested)"
                lines.append(hint)
            entry = polib.POEntry(msgid=seg.text, msgstr="", comment="\n".join(lines))
            entries[seg.text] = entry
        entry.occurrences.append((article.path, str(seg.line)))
    return list(entries.values())


def _terms_by_sentence(terms: Sequence[Term], slug: str) -> dict[int, list[Term]]:
    out: dict[int, list[tuple[int, Term]]] = {}
    for term in terms:
        for occ in term.occurrences:
            if occ.article == slug:
                bucket = out.setdefault(occ.sentence, [])
                if all(t is not term for _, t in bucket):
                    bucket.append((occ.start, term))
    return {i: [t for _, t in sorted(v, key=lambda x: x[0])] for i, v in out.items()}


def _carry_origin(entries: Sequence[polib.POEntry], old: polib.POFile | None) -> None:
    """Keep the ``origin:`` line a memory or CLDR fill added, as long as its msgstr stays."""
    if old is None:
        return
    origins = {}
    for e in old:
        for line in e.comment.splitlines():
            if line.startswith(ORIGIN_PREFIX):
                origins[(e.msgctxt, e.msgid, e.msgstr)] = line
    for e in entries:
        line = origins.get((e.msgctxt, e.msgid, e.msgstr))
        if line and line not in e.comment.splitlines():
            e.comment = f"{e.comment}\n{line}" if e.comment else line


def _catalog(project: str, lang: str | None, entries: Sequence[polib.POEntry],
             obsolete: Sequence[polib.POEntry] = ()) -> polib.POFile:
    po = new_catalog(project, lang)
    po.extend(entries)
    po.extend(obsolete)
    return po



# ---------------------------------------------------------------- the build


def _catalog_paths(out: Path, name: str, langs: Sequence[str]) -> list[Path]:
    """The template, then each language's catalog, of one catalog ``name``."""
    return [out / "locales" / f"{name}.pot"] + [
        out / "locales" / lang / "LC_MESSAGES" / f"{name}.po" for lang in langs]


def _write_catalogs(out: Path, name: str, entries: Callable[[str | None], list[polib.POEntry]],
                    langs: Sequence[str], existing: dict[Path, polib.POFile | None],
                    report: BuildReport, fill: Callable[[polib.POFile, str], int]
                    ) -> tuple[polib.POFile, dict[str, polib.POFile]]:
    """Write ``locales/<name>.pot`` and merge ``locales/<lang>/LC_MESSAGES/<name>.po``.

    ``entries(lang)`` makes fresh template entries (``lang=None`` for the POT); ``fill`` then
    pre-fills empty translations of each merged catalog (CLDR, translation memory).
    """
    pot_path, *po_paths = _catalog_paths(out, name, langs)
    pot = _catalog(name, None, entries(None))
    report.record(pot_path, write_po(pot_path, pot, existing[pot_path]))
    catalogs = {}
    for lang, path in zip(langs, po_paths):
        old = existing[path]
        active, gone = merge(entries(lang), old)
        _carry_origin(active, old)
        po = _catalog(name, lang, active, gone)
        fill(po, lang)
        report.record(path, write_po(path, po, old))
        catalogs[lang] = po
    return pot, catalogs


def build(paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str],
          langs: Sequence[str]) -> BuildReport:
    """Build the kit for ``paths`` into ``out`` for target languages ``langs``."""
    articles = read_articles(paths, reserved=RESERVED_SLUGS)
    out = check_writable_dir(out)
    for sub in ("locales", "tmx"):
        check_writable_dir(out / sub)
    # every existing catalog is parsed before the first write: a broken one stops the build
    existing = {path: read_po(path) for name in [GLOSSARY] + [a.slug for a in articles]
                for path in _catalog_paths(out, name, langs)}
    report = BuildReport(articles=len(articles), sentences=sum(len(a.segments) for a in articles))
    terms = extract_terms(articles)
    report.terms = len(terms)

    # the glossary first: sentence hints show its translations
    carried = _carried_glossary_entries(existing[out / "locales" / f"{GLOSSARY}.pot"], articles)
    _, glossary_pos = _write_catalogs(
        out, GLOSSARY, lambda _lang: _glossary_entries(terms, articles, carried), langs,
        existing, report, cldr.prefill)
    term_tr = term_translations(glossary_pos)

    def leverage(po: polib.POFile, lang: str) -> int:
        return memory.leverage(po, lang, out)

    article_units: dict[str, list[Unit]] = {}
    for art in progress(articles, len(articles), "building"):
        entries = partial(_sentence_entries, art, _terms_by_sentence(terms, art.slug), term_tr)
        pot, pos = _write_catalogs(out, art.slug, entries, langs, existing, report, leverage)
        article_units[art.slug] = catalog_units(art.slug, pot, pos)
        path = out / "tmx" / f"{art.slug}.tmx"
        report.record(path, write_tmx(path, article_units[art.slug], langs))

    glossary_units = catalog_units(GLOSSARY, None, glossary_pos)
    path = out / "tmx" / f"{GLOSSARY}.tmx"
    report.record(path, write_tmx(path, glossary_units, langs))
    written, unchanged = exports.write_extras(out, article_units, glossary_units, langs)
    report.written += written
    report.unchanged += unchanged
    memory.refresh(out)
    return report
