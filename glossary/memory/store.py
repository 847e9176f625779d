"""The memory store: an interface and its SQLite implementation.

The store is an index: everything in it is derivable from the PO catalogs under ``locales/`` and
the copies of imported files under ``tmx/memory/imported/`` (see :mod:`glossary.memory`), so it
can be deleted and rebuilt at any time. A server database can replace it by implementing
:class:`Store`.

Schema, ``tmx/memory.sqlite`` (rollback journal)::

    segments(id INTEGER PRIMARY KEY,     -- sequential; also the word index's rowid
             hash INTEGER UNIQUE,        -- 64-bit BLAKE2b of the source text (exact lookup)
             source TEXT, created REAL)
    translations(seg, lang, text,        -- PRIMARY KEY (segment id, language, text)
                 state,                  -- approved | suggested (fuzzy in a PO)
                 origin,                 -- translator | cat | memory | cldr
                 article, file,          -- where it was first seen (file -> files.id)
                 created, updated)       -- unix time (seconds, fractional)
                 WITHOUT ROWID
    files(id, path UNIQUE, kind, mtime_ns, size, sha1, units, seen)  -- synced/imported files
    meta(key, value)                     -- schema version

``tmx/memory.index.sqlite`` (WAL), the word index, derived from ``segments``::

    seg_fts   FTS5(source, content='', detail=none, unicode61)  -- rowid = segments.id
    seg_vocab fts5vocab(seg_fts, 'row')                          -- document frequencies
    meta('indexed_upto', last indexed segment id)

Fuzzy lookup (:meth:`SQLiteStore.fuzzy`): the query's distinct lowercased words are looked up in
the FTS5 vocabulary for their document frequency; the rarest ones (up to ``RARE_TERMS`` words,
stopping once their posting lists exceed ``POSTING_BUDGET`` rows) vote for the segments that
contain them, weighted by inverse document frequency, inside SQLite; the best ``CANDIDATES``
segments are re-ranked with the exact word-token edit-distance score of
:mod:`glossary.similarity`. A 1 to 3-word edit of a stored sentence keeps most of its rare words,
so the original is among the candidates.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from glossary.errors import GlossaryError
from glossary.similarity import score_tokens, tokens

SCHEMA_VERSION = "2"  # 1: translations keyed by a hash of the text (migrated on open)
BATCH = 20_000  # units per import transaction
CHUNK = 1_000  # units per write (and per batch from the reader process)
INDEX_STEP = 10_000  # segments per word-index transaction
RARE_TERMS = 10
POSTING_BUDGET = 40_000
CANDIDATES = 60

ORIGIN_RANK = {"translator": 0, "cat": 0, "memory": 1, "cldr": 2}
_FTS_WORD = re.compile(r"[^\W_]+")


def text_hash(text: str) -> int:
    """A stable signed 64-bit hash of ``text`` (BLAKE2b)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(),
                          "big", signed=True)


@dataclass(frozen=True, slots=True)
class Record:
    """One translation to add: source, language (primary subtag), text, state, origin, where."""

    source: str
    lang: str
    text: str
    state: str = "approved"
    origin: str = "translator"
    article: str = ""
    file: str = ""
    when: float = 0


@dataclass(frozen=True, slots=True)
class Match:
    """A memory hit: the stored source, its translation, the score (0-100) and provenance."""

    score: float
    source: str
    text: str
    lang: str
    origin: str
    state: str
    article: str
    file: str
    updated: float


class Store(Protocol):
    """What the memory needs from a backend (SQLite here; a server database later)."""

    def transaction(self): ...
    def file_id(self, path: str) -> int: ...
    def add(self, records: Sequence[Record]) -> tuple[int, int]: ...
    def add_units(self, batch: tuple[list, list], file: int, when: float) -> tuple[int, int]: ...
    def exact(self, source: str, lang: str) -> list[Match]: ...
    def fuzzy(self, source: str, lang: str, minimum: float = 75.0,
              limit: int = 5) -> list[Match]: ...
    def iter_units(self, approved_only: bool = True) -> Iterator[tuple[str, list[Match]]]: ...
    def counts(self) -> dict[str, int]: ...
    def file_state(self, path: str) -> tuple[int, int, str] | None: ...
    def set_file_state(self, path: str, kind: str, mtime_ns: int, size: int, sha1: str,
                       units: int) -> None: ...
    def close(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS segments(
    id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, source TEXT NOT NULL,
    created REAL NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS segments_hash ON segments(hash);
CREATE TABLE IF NOT EXISTS translations(
    seg INTEGER NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL,
    state TEXT NOT NULL, origin TEXT NOT NULL, article TEXT NOT NULL DEFAULT '',
    file INTEGER NOT NULL DEFAULT 0, created REAL NOT NULL, updated REAL NOT NULL,
    PRIMARY KEY(seg, lang, text)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL DEFAULT '',
    mtime_ns INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL DEFAULT 0,
    sha1 TEXT NOT NULL DEFAULT '', units INTEGER NOT NULL DEFAULT 0,
    seen INTEGER NOT NULL DEFAULT 0);
"""

_INDEX_SCHEMA = """
CREATE TABLE IF NOT EXISTS {p}meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS {p}seg_fts USING fts5(
    source, content='', detail=none, columnsize=0,
    tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS {p}seg_vocab USING fts5vocab(seg_fts, 'row');
INSERT OR IGNORE INTO {p}meta VALUES ('indexed_upto', 0);
"""

# schema 1 -> 2: the translation key is the text itself (no per-translation hash to compute)
_MIGRATE_1 = """
ALTER TABLE translations RENAME TO translations_v1;
""" + _SCHEMA + """
INSERT INTO translations SELECT seg, lang, text, state, origin, article, file, created, updated
    FROM translations_v1 WHERE true ON CONFLICT DO NOTHING;
DROP TABLE translations_v1;
UPDATE meta SET value = '2' WHERE key = 'schema';
"""

_INSERT_SEGMENT = ("INSERT INTO segments(hash, source, created) VALUES (?, ?, ?) "
                   "ON CONFLICT(hash) DO NOTHING")
# same text again: nothing new, except that an approval upgrades a suggestion
_INSERT_TRANSLATION = """
INSERT INTO translations(seg, lang, text, state, origin, article, file, created, updated)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(seg, lang, text) DO UPDATE SET state = excluded.state, origin = excluded.origin,
    updated = excluded.updated
WHERE excluded.state = 'approved' AND translations.state <> 'approved'
"""
_SELECT = ("SELECT t.text, t.lang, t.origin, t.state, t.article, coalesce(f.path, ''), "
           "t.updated FROM translations t LEFT JOIN files f ON f.id = t.file "
           "WHERE t.seg = ? AND t.lang = ? AND t.state = 'approved'")


def _rank(row: tuple) -> tuple:
    # human translations first, the most recently changed first
    return (ORIGIN_RANK.get(row[2], 3), -row[6])


def _connect(path: Path, cache_kb: int = 24_000, journal: str = "WAL",
             page_size: int = 0) -> sqlite3.Connection:
    """A connection with a bounded page cache (memory stays flat whatever the import size);
    ``page_size`` applies to a new file only."""
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    if page_size:
        db.execute(f"PRAGMA page_size={int(page_size)}")
    db.execute(f"PRAGMA journal_mode={journal}")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA cache_size=-{cache_kb}")
    db.execute("PRAGMA temp_store=FILE")
    db.execute("PRAGMA busy_timeout=10000")
    return db


def index_path(path: Path) -> Path:
    """The word index beside the store: ``memory.sqlite`` -> ``memory.index.sqlite``."""
    return path.with_name(path.stem + ".index" + path.suffix)


class SQLiteStore:
    """The SQLite memory: bounded page caches (flat memory on huge imports).

    Two files: the store (segments, translations, files) and its word index (FTS5), a derived
    file kept in step lazily: segments with an id above the index's ``indexed_upto`` are indexed
    before the next fuzzy lookup (:meth:`catch_up`), in steps of ``INDEX_STEP`` segments; imports
    do no indexing at all (a 1M-unit import leaves 7 to 9 s of indexing to the next lookup).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.index_path = index_path(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # a rollback journal: appended pages are written once (WAL writes them twice, in
            # the log and at the checkpoint: 17% slower imports); readers wait for a batch.
            # 16 KiB pages (new files): bulk imports spend 15% less CPU on page splits
            self.db = _connect(self.path, journal="DELETE", page_size=16384)
            version = None
            if self.db.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
                row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                version = row[0] if row else None
            if version == "1":
                self.db.executescript("BEGIN;" + _MIGRATE_1 + "COMMIT;")
                version = SCHEMA_VERSION
            if version not in (None, SCHEMA_VERSION):
                raise GlossaryError(f"memory schema {version} is not {SCHEMA_VERSION}; "
                                    "run 'glossary tm rebuild'", str(self.path))
            self.db.executescript("BEGIN;" + _SCHEMA + "INSERT OR IGNORE INTO meta VALUES "
                                  f"('schema', '{SCHEMA_VERSION}'); COMMIT;")
            # the index has its own connection (a transaction here never locks it), and
            # reads the store through an attachment
            self.ix = _connect(self.index_path, 8_000)
            self.ix.executescript("BEGIN;" + _INDEX_SCHEMA.format(p="") + "COMMIT;")
            self.ix.execute("ATTACH DATABASE ? AS store", (str(self.path),))
        except sqlite3.DatabaseError as exc:
            raise GlossaryError(f"cannot open the memory: {exc} (delete it or run "
                                "'glossary tm rebuild')", str(self.path)) from None
        self._df: dict[str, int] = {}

    def catch_up(self) -> int:
        """Index the segments the word index does not hold yet; return how many."""
        upto = self.ix.execute("SELECT value FROM meta WHERE key = 'indexed_upto'").fetchone()[0]
        last = self.db.execute("SELECT coalesce(max(id), 0) FROM segments").fetchone()[0]
        if last <= upto:
            return 0
        for start in range(upto, last, INDEX_STEP):
            _index_range(self.ix, start, min(last, start + INDEX_STEP))
        self._df.clear()
        return last - upto

    # ------------------------------------------------------------ writing

    def transaction(self):
        return _Transaction(self)

    def file_id(self, path: str) -> int:
        """The id of a source file (a catalog under locales/ or an imported copy)."""
        row = self.db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
        if row:
            return row[0]
        return self.db.execute("INSERT INTO files(path) VALUES (?)", (path,)).lastrowid

    def _segment_ids(self, insert: str, segs: list[tuple]) -> tuple[dict[int, int], int]:
        """Insert the segments ``segs`` (hash first) with ``insert``; return ``{hash: id}`` for
        all of them and how many were new. The new ones' ids come from one scan of the rows
        just appended; only sources stored before need the hash index (a lookup per row costs
        40% of a 1M import once the index outgrows the page cache)."""
        db = self.db
        last = db.execute("SELECT coalesce(max(id), 0) FROM segments").fetchone()[0]
        db.executemany(insert, segs)
        ids = dict(db.execute("SELECT hash, id FROM segments WHERE id > ?", (last,)))
        new = len(ids)
        if new < len(segs):
            for seg in segs:
                if seg[0] not in ids:
                    ids[seg[0]] = db.execute("SELECT id FROM segments WHERE hash = ?",
                                             (seg[0],)).fetchone()[0]
        return ids, new

    def add(self, records: Sequence[Record]) -> tuple[int, int]:
        """Add records (inside the caller's transaction); return (new segments, new translations)."""
        now = time.time()
        seen: dict[str, int] = {}
        segs = []
        files: dict[str, int] = {}
        for r in records:
            if r.source not in seen:
                seen[r.source] = h = text_hash(r.source)
                segs.append((h, r.source, r.when or now))
            if r.file not in files:
                files[r.file] = self.file_id(r.file) if r.file else 0
        ids, new_segments = self._segment_ids(_INSERT_SEGMENT, segs)
        rows = []
        for r in records:
            when = r.when or now
            rows.append((ids[seen[r.source]], r.lang, r.text, r.state,
                         r.origin, r.article, files[r.file], when, when))
        before = self.db.total_changes
        self.db.executemany(_INSERT_TRANSLATION, rows)
        return new_segments, self.db.total_changes - before

    def add_units(self, batch: tuple[list, list], file: int, when: float) -> tuple[int, int]:
        """Fast path for imports, rows exactly as the TMX reader prepares them:
        ``([(source hash, source)], [(source hash, lang, text, origin, article)])`` with source
        and text as UTF-8 bytes (stored as TEXT); all approved. Returns (new segments, new
        translations)."""
        segs, rows = batch
        db = self.db
        stamp = repr(float(when))
        ids, new_segments = self._segment_ids(
            "INSERT INTO segments(hash, source, created) VALUES (?, CAST(? AS TEXT), "
            f"{stamp}) ON CONFLICT(hash) DO NOTHING", segs)
        before = db.total_changes
        db.executemany(
            "INSERT INTO translations(seg, lang, text, state, origin, article, file, "
            "created, updated) VALUES (?, ?, CAST(? AS TEXT), "
            f"'approved', ?, ?, {int(file)}, {stamp}, {stamp}) "
            "ON CONFLICT(seg, lang, text) DO UPDATE SET state = excluded.state, "
            "origin = excluded.origin, updated = excluded.updated "
            "WHERE translations.state <> 'approved'",
            [(ids[h], lang, text, origin, article) for h, lang, text, origin, article in rows])
        return new_segments, db.total_changes - before

    def file_state(self, path: str) -> tuple[int, int, str] | None:
        row = self.db.execute("SELECT mtime_ns, size, sha1 FROM files WHERE path = ? AND "
                              "kind <> ''", (path,)).fetchone()
        return tuple(row) if row else None

    def set_file_state(self, path: str, kind: str, mtime_ns: int, size: int, sha1: str,
                       units: int) -> None:
        fid = self.file_id(path)
        self.db.execute("UPDATE files SET kind = ?, mtime_ns = ?, size = ?, sha1 = ?, units = ?, "
                        "seen = ? WHERE id = ?",
                        (kind, mtime_ns, size, sha1, units, int(time.time()), fid))

    def files(self) -> list[tuple[str, str, str, int]]:
        return self.db.execute("SELECT path, kind, sha1, units FROM files WHERE kind <> '' "
                               "ORDER BY path").fetchall()

    # ------------------------------------------------------------ reading

    def _matches(self, sid: int, source: str, lang: str, score: float) -> list[Match]:
        rows = sorted(self.db.execute(_SELECT, (sid, lang)).fetchall(), key=_rank)
        return [Match(score, source, *row) for row in rows]

    def exact(self, source: str, lang: str) -> list[Match]:
        row = self.db.execute("SELECT id, source FROM segments WHERE hash = ?",
                              (text_hash(source),)).fetchone()
        if row is None or row[1] != source:
            return []
        return self._matches(row[0], source, lang, 100.0)

    def _doc_freq(self, words: list[str]) -> dict[str, int]:
        missing = [w for w in words if w not in self._df]
        if missing:
            found = dict(self.ix.execute(
                f"SELECT term, doc FROM seg_vocab WHERE term IN ({','.join('?' * len(missing))})",
                missing).fetchall())
            for w in missing:
                self._df[w] = found.get(w, 0)
            if len(self._df) > 200_000:
                self._df.clear()
        return {w: self._df[w] for w in words}

    def candidates(self, source: str, limit: int = CANDIDATES) -> list[tuple[int, str]]:
        """Segments sharing the query's rarest words: ``(id, source)``, best first."""
        self.catch_up()
        words = sorted(set(_FTS_WORD.findall(source.lower())))
        if not words:
            return []
        df = {w: n for w, n in self._doc_freq(words).items() if n}
        if not df:
            return []
        total = self.db.execute("SELECT count(*) FROM segments").fetchone()[0] \
            if "_total" not in self._df else self._df["_total"]
        self._df["_total"] = total
        chosen, budget = [], 0
        for w in sorted(df, key=df.get):
            if chosen and (len(chosen) >= RARE_TERMS or budget + df[w] > POSTING_BUDGET):
                break
            chosen.append(w)
            budget += df[w]
        parts, params = [], []
        for w in chosen:
            parts.append("SELECT rowid AS id, ? AS w FROM seg_fts WHERE seg_fts MATCH ?")
            params += [math.log(1 + total / df[w]), '"' + w.replace('"', '""') + '"']
        sql = (f"SELECT id FROM ({' UNION ALL '.join(parts)}) GROUP BY id "
               "ORDER BY sum(w) DESC LIMIT ?")
        ids = [r[0] for r in self.ix.execute(sql, params + [limit])]
        if not ids:
            return []
        found = dict(self.db.execute(
            f"SELECT id, source FROM segments WHERE id IN ({','.join('?' * len(ids))})", ids))
        return [(i, found[i]) for i in ids if i in found]

    def fuzzy(self, source: str, lang: str, minimum: float = 75.0, limit: int = 5,
              with_translation: bool = True) -> list[Match]:
        """Stored segments scoring at least ``minimum`` against ``source``, best first."""
        query = tokens(source)
        scored = []
        for sid, cand in self.candidates(source):
            s = score_tokens(query, tokens(cand), minimum)
            if s is not None and s >= minimum:
                scored.append((s, sid, cand))
        scored.sort(key=lambda x: -x[0])
        out: list[Match] = []
        for s, sid, cand in scored:
            if with_translation:
                found = self._matches(sid, cand, lang, s)
                if not found:
                    continue
                out.append(found[0])
            else:
                out.append(Match(s, cand, "", lang, "", "", "", "", 0))
            if len(out) >= limit:
                break
        return out

    def iter_units(self, approved_only: bool = True) -> Iterator[tuple[str, list[Match]]]:
        """Every segment with its translations (best first per language), in segment order."""
        cond = "WHERE t.state = 'approved'" if approved_only else ""
        cur = self.db.execute(
            "SELECT s.id, s.source, t.text, t.lang, t.origin, t.state, t.article, "
            "coalesce(f.path, ''), t.updated FROM segments s JOIN translations t ON t.seg = s.id "
            f"LEFT JOIN files f ON f.id = t.file {cond} "
            "ORDER BY s.id")
        current, source, rows = None, "", []
        for row in cur:
            if row[0] != current:
                if rows:
                    yield source, [Match(100.0, source, *r) for r in sorted(rows, key=_rank)]
                current, source, rows = row[0], row[1], []
            rows.append(row[2:])
        if rows:
            yield source, [Match(100.0, source, *r) for r in sorted(rows, key=_rank)]

    def counts(self) -> dict[str, int]:
        out = {"segments": self.db.execute("SELECT count(*) FROM segments").fetchone()[0]}
        for lang, n in self.db.execute("SELECT lang, count(*) FROM translations GROUP BY lang"):
            out[lang] = n
        return out

    def close(self) -> None:
        self.ix.close()
        self.db.close()


def _index_range(ix: sqlite3.Connection, upto: int, last: int) -> None:
    """Index segments ``upto < id <= last`` (``ix`` has the store attached as ``store``)."""
    ix.execute("BEGIN")  # deferred: writes the index only, reads a snapshot of the store
    try:
        ix.execute("INSERT INTO seg_fts(rowid, source) SELECT id, source FROM store.segments "
                   "WHERE id > ? AND id <= ?", (upto, last))
        ix.execute("UPDATE meta SET value = ? WHERE key = 'indexed_upto'", (last,))
        ix.execute("COMMIT")
    except BaseException:
        ix.execute("ROLLBACK")
        raise


class _Transaction:
    """``with store.transaction():`` BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    def __enter__(self):
        self.store.db.execute("BEGIN IMMEDIATE")
        return self.store

    def __exit__(self, exc_type, exc, tb) -> None:
        self.store.db.execute("ROLLBACK" if exc_type else "COMMIT")
