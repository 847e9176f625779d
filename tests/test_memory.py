"""Translation memory: the round trip from translators' PO and CAT TMX into a new article."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from xml.sax.saxutils import escape

import polib
from conftest import SEED

from glossary import memory
from glossary.cli import main
from glossary.formats.tmx import iter_tmx
from glossary.memory.store import Record, SQLiteStore, text_hash

# ---------------------------------------------------------------- helpers, shared by the
# other memory tests (test_import, test_merge, test_stats)

SLUG = SEED.stem


def po_path(kit: Path, lang: str, slug: str = SLUG) -> Path:
    return kit / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"


def seed_sentences(kit: Path) -> list[str]:
    return [e.msgid for e in polib.pofile(str(po_path(kit, "ru")))]


def fill(kit: Path, lang: str, indexes, prefix: str, slug: str = SLUG) -> dict[str, str]:
    """Translate entries ``indexes`` of a catalog like a translator would; return msgid->msgstr."""
    path = po_path(kit, lang, slug)
    po = polib.pofile(str(path), wrapwidth=79)
    done = {}
    for i, entry in enumerate(po):
        if i in indexes:
            entry.msgstr = f"{prefix}-{i}"
            done[entry.msgid] = entry.msgstr
    po.save(str(path))
    return done


def cat_tmx(path: Path, pairs: list[tuple[str, str]], lang: str = "ru") -> Path:
    """A bilingual TMX as OmegaT writes project_save.tmx (en-US source, tuv dates)."""
    units = "".join(
        f'    <tu>\n      <tuv xml:lang="en-US"><seg>{escape(s)}</seg></tuv>\n'
        f'      <tuv xml:lang="{lang}" changeid="anna" changedate="20260101T120000Z">'
        f"<seg>{escape(t)}</seg></tuv>\n    </tu>\n" for s, t in pairs)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n<tmx version="1.1">\n'
        '  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" '
        'datatype="plaintext" creationtoolversion="6.0.1" segtype="sentence" srclang="en-US"/>\n'
        f"  <body>\n{units}  </body>\n</tmx>\n", encoding="utf-8")
    return path


def memory_dump(kit: Path) -> list:
    """Everything the memory holds, for before/after comparisons."""
    path = kit / "tmx" / "memory.sqlite"
    if not path.exists():
        return []
    db = sqlite3.connect(str(path))
    try:
        return [db.execute("SELECT id, hash, source FROM segments ORDER BY id").fetchall(),
                db.execute("SELECT * FROM translations ORDER BY seg, lang, text").fetchall(),
                db.execute("SELECT path, kind, sha1 FROM files ORDER BY path").fetchall()]
    finally:
        db.close()


def entries(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(path)) if not e.obsolete}

# ---------------------------------------------------------------- tests


def _second_article(tmp_path: Path, s: list[str]) -> tuple[Path, dict[str, str]]:
    """A new article sharing two sentences exactly and two with one-word edits with the seed."""
    edited_po = s[4].replace("renewed momentum", "new momentum")
    edited_cat = s[6].replace("preserving multilateralism", "defending multilateralism")
    assert edited_po != s[4] and edited_cat != s[6]
    lines = ["Belarus and Iran Hold Consultations in Minsk", "", s[2], edited_po, edited_cat,
             s[7], "The next round of consultations will take place in Tehran next spring."]
    path = tmp_path / "articles" / "001_second.txt"
    path.parent.mkdir()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, {"exact_po": s[2], "edited_po": edited_po, "edited_cat": edited_cat,
                  "exact_cat": s[7], "title": lines[0], "new": lines[-1]}


def test_round_trip_po_and_cat_tmx_into_a_new_article(kit, tmp_path, capsys):
    s = seed_sentences(kit)
    # 1. translators fill ru entries 0-5 in Poedit
    done = fill(kit, "ru", range(6), "RU")
    # 2. a CAT tool brings back a TMX with other sentences (6 and 7) translated
    tmx = cat_tmx(tmp_path / "project_save.tmx", [(s[6], "CAT-6"), (s[7], "CAT-7"),
                                                   ("Unrelated sentence.", "Несвязанное.")])
    assert main(["import", str(tmx), "--out", str(kit)]) == 0
    assert "3 unit(s) read" in capsys.readouterr().out
    # 3. a new article sharing sentences exactly and with edits is built
    article, sent = _second_article(tmp_path, s)
    assert main(["build", str(article), "--out", str(kit)]) == 0
    ru = entries(po_path(kit, "ru", article.stem))
    assert set(ru) == {sent["title"], sent["exact_po"], sent["edited_po"], sent["edited_cat"],
                       sent["exact_cat"], sent["new"]}

    exact_po, exact_cat = ru[sent["exact_po"]], ru[sent["exact_cat"]]
    assert exact_po.msgstr == done[s[2]] and "fuzzy" not in exact_po.flags
    assert exact_cat.msgstr == "CAT-7" and "fuzzy" not in exact_cat.flags
    for e in (exact_po, exact_cat):
        assert e.previous_msgid is None
        assert any(line.startswith("origin: memory 100%") for line in e.comment.splitlines())

    edited_po, edited_cat = ru[sent["edited_po"]], ru[sent["edited_cat"]]
    assert edited_po.msgstr == done[s[4]] and "fuzzy" in edited_po.flags
    assert edited_po.previous_msgid == s[4]
    assert edited_cat.msgstr == "CAT-6" and "fuzzy" in edited_cat.flags
    assert edited_cat.previous_msgid == s[6]
    for e in (edited_po, edited_cat):
        assert any(line.startswith("origin: memory ") for line in e.comment.splitlines())

    # nothing else touched: the new title and sentence stay empty, other languages stay empty
    for key in ("title", "new"):
        e = ru[sent[key]]
        assert e.msgstr == "" and not e.flags and e.previous_msgid is None
        assert "origin:" not in e.comment
    for lang in ("fa", "be"):
        assert all(e.msgstr == "" and not e.flags
                   for e in entries(po_path(kit, lang, article.stem)).values())
    # the first article's catalog is the translators' own, untouched
    first = polib.pofile(str(po_path(kit, "ru")))
    assert {e.msgid: e.msgstr for e in first if e.msgstr} == done

    # and the PO file shows the previous source as #| for Poedit
    text = po_path(kit, "ru", article.stem).read_text(encoding="utf-8")
    assert '#| msgid "' in text and "#, fuzzy" in text

    # a rebuild keeps the memory fills and their origin lines (nothing new, nothing lost)
    assert main(["build", str(article), "--out", str(kit)]) == 0
    again = entries(po_path(kit, "ru", article.stem))
    assert {k: (e.msgstr, e.flags, e.previous_msgid) for k, e in again.items()} == \
        {k: (e.msgstr, e.flags, e.previous_msgid) for k, e in ru.items()}
    assert all(again[k].comment == ru[k].comment for k in ru)


def test_translator_edits_of_memory_fills_flow_back(kit, tmp_path):
    s = seed_sentences(kit)
    fill(kit, "ru", [3], "RU")
    art = tmp_path / "002_again.txt"
    art.write_text(s[3] + "\n", encoding="utf-8")
    assert main(["build", str(art), "--out", str(kit)]) == 0
    assert entries(po_path(kit, "ru", art.stem))[s[3]].msgstr == "RU-3"
    # the translator changes the first article's translation: the newer one is preferred
    path = po_path(kit, "ru")
    po = polib.pofile(str(path))
    po.find(s[3]).msgstr = "RU-3 revised"
    po.save(str(path))
    hits = memory.lookup(kit, s[3], "ru")
    assert hits[0].text == "RU-3 revised" and hits[0].score == 100
    # and the old one is still kept in the memory
    store = memory.open_memory(kit)
    try:
        texts = {r[0] for r in store.db.execute("SELECT text FROM translations")}
    finally:
        store.close()
    assert {"RU-3", "RU-3 revised"} <= texts


def test_store_keeps_everything_and_ranks_humans_first(tmp_path):
    store = SQLiteStore(tmp_path / "m.sqlite")
    try:
        with store.transaction():
            store.add([Record("Hello world.", "ru", "Привет, мир (CLDR).", origin="cldr",
                              when=300),
                       Record("Hello world.", "ru", "Здравствуй, мир.", origin="cat", when=100),
                       Record("Hello world.", "ru", "Привет, мир.", origin="translator",
                              when=200),
                       Record("Hello world.", "ru", "Эскиз.", state="suggested", when=400)])
        with store.transaction():
            assert store.add([Record("Hello world.", "ru", "Привет, мир.", when=500)]) == (0, 0)
        hits = store.exact("Hello world.", "ru")
        assert [h.text for h in hits] == ["Привет, мир.", "Здравствуй, мир.",
                                          "Привет, мир (CLDR)."]
        assert store.exact("Hello world", "ru") == []
        assert store.exact("Hello world.", "fa") == []
        assert store.counts() == {"segments": 1, "ru": 4}
    finally:
        store.close()


def test_fuzzy_lookup_scores_and_threshold(tmp_path):
    store = SQLiteStore(tmp_path / "m.sqlite")
    try:
        with store.transaction():
            store.add([Record("The ministers met in Minsk on Thursday.", "ru", "A"),
                       Record("The weather was fine in Minsk on Thursday.", "ru", "B"),
                       Record("Completely different words here.", "ru", "C")])
        hits = store.fuzzy("The ministers met in Kampala on Thursday.", "ru", 75, 5)
        assert [(h.text, round(h.score, 1)) for h in hits] == [("A", 87.5)]
        assert store.fuzzy("The ministers met in Kampala on Thursday.", "ru", 90, 5) == []
        assert [h.text for h in store.fuzzy("The ministers met in Kampala on Thursday.",
                                            "ru", 0, 5)][:2] == ["A", "B"]
    finally:
        store.close()


def test_memory_exports_multilingual_and_per_pair_tmx(kit, tmp_path):
    s = seed_sentences(kit)
    fill(kit, "ru", [0, 1], "RU")
    fill(kit, "fa", [1], "FA")
    assert main(["tm", "export", "--out", str(kit)]) == 0
    units = list(iter_tmx(kit / "tmx" / "memory.tmx"))
    by_source = {u.source.text: {v.lang: (v.text, v.origin) for v in u.targets} for u in units}
    assert by_source[s[0]] == {"ru": ("RU-0", "translator")}
    assert by_source[s[1]] == {"fa": ("FA-1", "translator"), "ru": ("RU-1", "translator")}
    pair = list(iter_tmx(kit / "tmx" / "memory" / "en-fa.tmx"))
    assert [(u.source.text, [v.text for v in u.targets]) for u in pair] == [(s[1], ["FA-1"])]


def test_rebuild_from_locales_and_imported_copies(kit, tmp_path, capsys):
    s = seed_sentences(kit)
    fill(kit, "ru", [0], "RU")
    tmx = cat_tmx(tmp_path / "cat.tmx", [(s[5], "CAT-5")])
    assert main(["import", str(tmx), "--out", str(kit), "--no-export"]) == 0
    tmx.unlink()  # the CAT file is gone: the project keeps its own copy
    (kit / "tmx" / "memory.sqlite").unlink()
    assert main(["tm", "rebuild", "--out", str(kit)]) == 0
    assert "1 imported file(s) replayed" in capsys.readouterr().out
    assert memory.lookup(kit, s[5], "ru")[0].text == "CAT-5"
    assert memory.lookup(kit, s[0], "ru")[0].text == "RU-0"


def test_schema_1_store_migrates_on_open_keeping_every_translation(tmp_path: Path) -> None:
    """A store written by the previous release (translations keyed by a text hash) opens as
    schema 2 with the same translations, and takes new ones."""
    path = tmp_path / "memory.sqlite"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        INSERT INTO meta VALUES ('schema', '1');
        CREATE TABLE segments(id INTEGER PRIMARY KEY, hash INTEGER NOT NULL,
            source TEXT NOT NULL, created REAL NOT NULL);
        CREATE UNIQUE INDEX segments_hash ON segments(hash);
        CREATE TABLE translations(seg INTEGER NOT NULL, lang TEXT NOT NULL,
            hash INTEGER NOT NULL, text TEXT NOT NULL, state TEXT NOT NULL,
            origin TEXT NOT NULL, article TEXT NOT NULL DEFAULT '',
            file INTEGER NOT NULL DEFAULT 0, created REAL NOT NULL, updated REAL NOT NULL,
            PRIMARY KEY(seg, lang, hash)) WITHOUT ROWID;
        INSERT INTO translations VALUES (1, 'ru', 7, 'Стороны согласились.', 'approved',
            'translator', 'a', 0, 1.0, 1.0);
        INSERT INTO translations VALUES (1, 'fa', 8, 'دو طرف توافق کردند.', 'suggested',
            'memory', 'a', 0, 1.0, 2.0);
    """)
    db.execute("INSERT INTO segments VALUES (1, ?, 'Both sides agreed.', 1.0)",
               (text_hash("Both sides agreed."),))
    db.commit()
    db.close()
    store = SQLiteStore(path)
    try:
        assert store.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("2",)
        rows = store.db.execute("SELECT seg, lang, text, state, origin, updated FROM "
                                "translations ORDER BY lang").fetchall()
        assert rows == [(1, "fa", "دو طرف توافق کردند.", "suggested", "memory", 2.0),
                        (1, "ru", "Стороны согласились.", "approved", "translator", 1.0)]
        with store.transaction():
            store.add([Record("Both sides agreed.", "be", "Бакі пагадзіліся.")])
        assert [m.text for m in store.exact("Both sides agreed.", "be")] == ["Бакі пагадзіліся."]
        assert [m.text for m in store.exact("Both sides agreed.", "ru")] == ["Стороны согласились."]
    finally:
        store.close()
