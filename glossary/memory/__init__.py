"""Translation memory: translators' PO work and CAT-tool TMX in one store, reused on every build.

Files under the project folder (``glossary build --out DIR``)::

    tmx/memory.sqlite                 the store: segments, translations, files seen
    tmx/memory.index.sqlite           its word index (FTS5), re-derived when missing or behind
    tmx/memory/imported/<sha>-<name>  a copy of every imported .po/.tmx file
    tmx/memory.tmx                    the whole memory as one multilingual TMX 1.4b
    tmx/memory/en-<lang>.tmx          the memory per language pair

Both SQLite files are indexes of the PO catalogs and the imported copies: delete them any time
(``glossary tm rebuild`` recreates them; a missing word index is rebuilt on the next lookup).
Imports rely on that: they do not fsync (a crash of the program still rolls the open batch back;
an OS crash or power loss during an import may leave a corrupt store, which SQLite reports as
"database disk image is malformed": ``glossary tm rebuild`` recreates it), and they leave the
word index to the next fuzzy lookup, which indexes the new segments first (7 to 9 s for a
million).

The store is filled from two places and from nowhere else, so it is always derivable:

* the PO catalogs under ``locales/<lang>/LC_MESSAGES/*.po`` (synced automatically before every
  leverage and lookup; only files whose size or mtime changed are re-read): translated entries
  become approved translations, fuzzy ones suggestions; origin from the ``origin:`` comment line,
  else ``translator``;
* ``glossary import FILE``: filled PO catalogs and CAT-tool TMX (origin ``cat`` unless the TMX
  carries an ``x-origin`` prop), each copied under ``tmx/memory/imported/``.

Nothing is ever deleted from the store: a changed translation is added next to the old one and
preferred because it is newer (human translations before memory and CLDR fills).

:func:`leverage` pre-fills the empty entries of a catalog: an exact match of the source fills
``msgstr``; a fuzzy match (score at or above the threshold, default 75, see
:mod:`glossary.similarity`) fills ``msgstr`` flagged ``fuzzy`` with the matched source as the
previous msgid (``#|``). Either way an extracted comment ``origin: memory <score>%`` records it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib
from lxml import etree

from glossary.errors import GlossaryError
from glossary.formats.po import read_po
from glossary.formats.tmx import XML_LANG, TmxReadStats, _primary, check_tmx, tmx_body
from glossary.gcpause import gc_paused
from glossary.langs import SOURCE_LANG
from glossary.memory.reader import read_batches
from glossary.memory.store import (BATCH, CHUNK, Match, Record, SQLiteStore,
                                   Store, index_path, text_hash)
from glossary.progress import progress

__all__ = ["leverage", "open_memory", "sync", "import_files", "export", "rebuild", "lookup",
           "Match", "Record", "Store", "SQLiteStore", "ImportReport", "DEFAULT_THRESHOLD"]

DEFAULT_THRESHOLD = 75.0
ORIGIN_PREFIX = "origin: "
STORE_NAME = "memory.sqlite"


def memory_path(out: str | os.PathLike[str]) -> Path:
    return Path(out) / "tmx" / STORE_NAME


def imported_dir(out: str | os.PathLike[str]) -> Path:
    return Path(out) / "tmx" / "memory" / "imported"


def open_memory(out: str | os.PathLike[str]) -> SQLiteStore:
    """The store of the project folder ``out`` (created empty if missing)."""
    return SQLiteStore(memory_path(out))


# ---------------------------------------------------------------- PO catalogs


def _origin(entry: polib.POEntry) -> str:
    for line in entry.comment.splitlines():
        if line.startswith(ORIGIN_PREFIX):
            value = line[len(ORIGIN_PREFIX):].split()
            if value:
                return value[0].lower()
    return "translator"


def po_lang(po: polib.POFile, path: Path) -> str:
    """The catalog's language: the ``Language`` header, else ``<lang>/LC_MESSAGES/`` in its path."""
    lang = (po.metadata.get("Language") or "").strip()
    if not lang and path.parent.name == "LC_MESSAGES":
        lang = path.parent.parent.name
    return _primary(lang) if lang else ""


def po_records(po: polib.POFile, lang: str, article: str, file: str) -> list[Record]:
    """Translated entries (approved) and fuzzy ones (suggested) of a catalog as records."""
    out = []
    for e in po:
        if e.obsolete or not e.msgid or e.msgid_plural or not e.msgstr.strip():
            continue
        fuzzy = "fuzzy" in e.flags
        if fuzzy and e.previous_msgid and e.previous_msgid != e.msgid:
            # the translation belongs to the previous source until a translator confirms it
            continue
        out.append(Record(e.msgid, lang, e.msgstr, "suggested" if fuzzy else "approved",
                          _origin(e), article, file))
    return out


def _catalogs(out: Path) -> list[Path]:
    return sorted((out / "locales").glob("*/LC_MESSAGES/*.po"))


def sync(store: SQLiteStore, out: str | os.PathLike[str]) -> int:
    """Add the translations of every changed PO catalog under ``out/locales``; return how many."""
    out = Path(out)
    added = 0
    for path in _catalogs(out):
        try:
            st = path.stat()
        except OSError:
            continue
        key = path.relative_to(out).as_posix()
        state = store.file_state(key)
        if state is not None and state[0] == st.st_mtime_ns and state[1] == st.st_size:
            continue
        digest = hashlib.sha1(path.read_bytes()).hexdigest()
        if state is not None and state[2] == digest:
            continue  # same bytes under a new mtime (a copy, a checkout): nothing to write
        po = read_po(path)
        if po is None:
            continue
        lang = po_lang(po, path)
        if not lang:
            continue
        records = po_records(po, lang, path.stem, key)
        with store.transaction():
            added += store.add(records)[1]
            store.set_file_state(key, "locale", st.st_mtime_ns, st.st_size, digest, len(records))
    return added


# ---------------------------------------------------------------- leverage


def _mark(entry: polib.POEntry, note: str) -> None:
    lines = [line for line in entry.comment.splitlines() if not line.startswith(ORIGIN_PREFIX)]
    lines.append(ORIGIN_PREFIX + note)
    entry.comment = "\n".join(lines)


def fill(po: polib.POFile, lang: str, store: Store,
         threshold: float = DEFAULT_THRESHOLD) -> int:
    """Fill the empty entries of ``po`` from ``store``; return how many were filled."""
    lang = _primary(lang)
    filled = 0
    for entry in po:
        if entry.obsolete or not entry.msgid or entry.msgid_plural or entry.msgstr.strip():
            continue
        hits = store.exact(entry.msgid, lang)
        if hits:
            entry.msgstr = hits[0].text
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            entry.previous_msgid = entry.previous_msgctxt = None
            _mark(entry, f"memory 100% ({hits[0].origin})")
            filled += 1
            continue
        hits = store.fuzzy(entry.msgid, lang, threshold, 1)
        if hits:
            best = hits[0]
            entry.msgstr = best.text
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
            entry.previous_msgctxt = None
            entry.previous_msgid = best.source
            _mark(entry, f"memory {int(best.score)}% ({best.origin})")
            filled += 1
    return filled


def leverage(po: polib.POFile, lang: str, out: Path,
             threshold: float = DEFAULT_THRESHOLD) -> int:
    """Pre-fill empty entries of ``po`` from the memory under ``out``; return how many.

    The memory first takes in every PO catalog under ``out/locales`` that changed since the last
    call, so translators' latest work is what gets reused.
    """
    store = open_memory(out)
    try:
        sync(store, out)
        return fill(po, lang, store, threshold)
    finally:
        store.close()


def refresh(out: str | os.PathLike[str]) -> int:
    """Take in the catalogs a build just wrote, so the next build finds the memory current."""
    store = open_memory(out)
    try:
        return sync(store, out)
    finally:
        store.close()


# ---------------------------------------------------------------- import


@dataclass
class ImportReport:
    files: int = 0
    units: int = 0
    new_segments: int = 0
    new_translations: int = 0
    skipped: Counter = field(default_factory=Counter)
    inline: int = 0

    def summary(self) -> str:
        text = (f"{self.files} file(s), {self.units} unit(s) read: {self.new_segments} new "
                f"segment(s), {self.new_translations} new translation(s)")
        if self.inline:
            text += f"; inline tags dropped in {self.inline} unit(s)"
        if any(self.skipped.values()):
            text += "; skipped " + ", ".join(f"{n} ({why})"
                                             for why, n in sorted(self.skipped.items()) if n)
        return text


def _file_sha1(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def import_tmx(store: SQLiteStore, path: Path, report: ImportReport, file: str = "",
               langs: Sequence[str] | None = None, show_progress: bool = True,
               parallel: bool | None = None) -> None:
    """Stream ``path`` into ``store``: one transaction per batch of ``BATCH`` units.

    The DOCTYPE is checked first (entity declarations refused) so that a refused file leaves
    the memory unchanged; a unit is written whole or skipped (and counted) whole.
    """
    check_tmx(path)
    stats = TmxReadStats()
    wanted = frozenset(_primary(x) for x in langs) if langs else None
    with store.transaction():
        fid = store.file_id(file or path.name)
    batches = read_batches(path, SOURCE_LANG, wanted, CHUNK, stats, parallel)
    if show_progress:
        size = path.stat().st_size
        batches = progress(batches, None, f"importing {path.name} ({size >> 20} MB), batches "
                                          f"of {BATCH} units")
    # no word indexing here: the index is derived and catches up in bulk before the next fuzzy
    # lookup (SQLiteStore.catch_up), so an import spends its CPU on reading and writing only
    # no fsync during the import: a crash of the program still rolls the open batch back (the
    # journal is written), only an OS crash or power loss could leave a corrupt store, and the
    # store is derived (``glossary tm rebuild``); fsyncs cost 10% of a 1M-unit import
    store.db.execute("PRAGMA synchronous=OFF")
    try:
        with gc_paused():
            batches = iter(batches)
            more = True
            while more:  # one transaction per BATCH units, written CHUNK units at a time
                with store.transaction():
                    done = 0
                    while done < BATCH:
                        chunk = next(batches, None)
                        if chunk is None:
                            more = False
                            break
                        s, t = store.add_units(chunk, fid, time.time())
                        report.new_segments += s
                        report.new_translations += t
                        done += len(chunk[0])
    finally:
        store.db.execute("PRAGMA synchronous=NORMAL")
        report.units += stats.units
        report.skipped.update(stats.skipped)
        report.inline += stats.inline


def import_po(store: SQLiteStore, path: Path, report: ImportReport, file: str = "",
              lang: str | None = None) -> None:
    po = read_po(path)
    if po is None:
        raise GlossaryError("no such file", str(path))
    lang = _primary(lang) if lang else po_lang(po, path)
    if not lang:
        raise GlossaryError("the catalog has no Language header; give --lang", str(path))
    records = po_records(po, lang, path.stem, file or path.name)
    with store.transaction():
        s, t = store.add(records)
    report.units += len(records)
    left = sum(1 for e in po if not e.obsolete and e.msgid) - len(records)
    if left:
        report.skipped["untranslated entries"] += left
    report.new_segments += s
    report.new_translations += t


def import_files(out: str | os.PathLike[str], paths: Sequence[str | os.PathLike[str]],
                 lang: str | None = None, langs: Sequence[str] | None = None,
                 keep_copy: bool = True, show_progress: bool = True) -> ImportReport:
    """Import PO and TMX files into the memory of ``out``; keep a copy of each file there."""
    out = Path(out)
    files = [Path(p) for p in paths]
    for p in files:  # check everything before anything is written
        if not p.is_file():
            raise GlossaryError("no such file", str(p))
        if p.suffix.lower() not in (".po", ".tmx"):
            raise GlossaryError("can import .po and .tmx files only", str(p))
        if p.suffix.lower() == ".tmx":
            check_tmx(p)  # entity declarations refused before the memory is touched
        elif read_po(p) is None:
            raise GlossaryError("no such file", str(p))
    report = ImportReport()
    store = open_memory(out)
    try:
        sync(store, out)
        for p in files:
            sha = _file_sha1(p) if keep_copy else ""
            name = f"{sha[:12]}-{p.name}" if keep_copy else p.name
            if p.suffix.lower() == ".tmx":
                import_tmx(store, p, report, name, langs, show_progress)
            else:
                import_po(store, p, report, name, lang)
            report.files += 1
            if keep_copy:
                copy = imported_dir(out) / name
                if not copy.exists():
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    tmp = copy.with_name(f".{copy.name}.tmp")
                    shutil.copyfile(p, tmp)
                    os.replace(tmp, copy)
                st = copy.stat()
                with store.transaction():
                    store.set_file_state(copy.relative_to(out).as_posix(), "import",
                                         st.st_mtime_ns, st.st_size, sha, report.units)
    finally:
        store.close()
    return report


def rebuild(out: str | os.PathLike[str], show_progress: bool = True) -> ImportReport:
    """Recreate the store from ``locales/`` and the copies in ``tmx/memory/imported/``."""
    out = Path(out)
    path = memory_path(out)
    for base in (path, index_path(path)):
        for suffix in ("", "-wal", "-shm"):
            Path(str(base) + suffix).unlink(missing_ok=True)
    copies = sorted(imported_dir(out).glob("*")) if imported_dir(out).is_dir() else []
    report = ImportReport()
    store = open_memory(out)
    try:
        sync(store, out)
        for p in copies:
            if p.name.startswith("."):
                continue
            if p.suffix.lower() == ".tmx":
                import_tmx(store, p, report, p.name, None, show_progress)
            elif p.suffix.lower() == ".po":
                import_po(store, p, report, p.name)
            else:
                continue
            report.files += 1
            st = p.stat()
            with store.transaction():
                store.set_file_state(p.relative_to(out).as_posix(), "import", st.st_mtime_ns,
                                     st.st_size, p.name.split("-", 1)[0], report.units)
    finally:
        store.close()
    return report


# ---------------------------------------------------------------- lookup and export


def lookup(out: str | os.PathLike[str], text: str, lang: str,
           minimum: float = DEFAULT_THRESHOLD, limit: int = 5) -> list[Match]:
    """Exact and fuzzy matches of ``text`` in the memory of ``out``, best first."""
    store = open_memory(out)
    try:
        sync(store, out)
        lang = _primary(lang)
        hits = store.exact(text, lang)[:limit]
        seen = {h.source for h in hits}
        for m in store.fuzzy(text, lang, minimum, limit + len(hits)):
            if m.source not in seen and len(hits) < limit:
                hits.append(m)
        return hits
    finally:
        store.close()


def _write_tmx(path: Path, units: Iterator[tuple[str, list[Match]]], langs: Sequence[str] | None,
               stamp: str) -> int:
    """Stream a TMX 1.4b file atomically; return the number of units written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    n = 0
    try:
        with open(tmp, "wb") as fh, tmx_body(fh, stamp, SOURCE_LANG) as xf:
            for source, matches in units:
                best: dict[str, Match] = {}
                for m in matches:
                    if (langs is None or m.lang in langs) and m.lang not in best:
                        best[m.lang] = m
                if not best:
                    continue
                tu = etree.Element("tu", tuid=f"m{text_hash(source) & (2**63 - 1):x}")
                tuv = etree.SubElement(tu, "tuv", {XML_LANG: SOURCE_LANG})
                etree.SubElement(tuv, "seg").text = source
                for lang in sorted(best):
                    m = best[lang]
                    tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                    etree.SubElement(tuv, "prop", type="x-origin").text = m.origin
                    etree.SubElement(tuv, "seg").text = m.text
                xf.write(tu)
                xf.write("\n")
                n += 1
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def export(out: str | os.PathLike[str], pairs: bool = True) -> list[tuple[Path, int]]:
    """Write ``tmx/memory.tmx`` (all languages) and ``tmx/memory/en-<lang>.tmx`` per pair."""
    out = Path(out)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    store = open_memory(out)
    written = []
    try:
        sync(store, out)
        path = out / "tmx" / "memory.tmx"
        written.append((path, _write_tmx(path, store.iter_units(), None, stamp)))
        if pairs:
            langs = sorted(k for k in store.counts() if k != "segments")
            for lang in langs:
                path = out / "tmx" / "memory" / f"{SOURCE_LANG}-{lang}.tmx"
                written.append((path, _write_tmx(path, store.iter_units(), [lang], stamp)))
    finally:
        store.close()
    return written
