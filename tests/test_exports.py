"""Exports written by ``glossary build`` and ``glossary export``: files, content, stability.

The build may pre-fill glossary entries with fuzzy suggestions (CLDR names of places), so the
tests fill terms no such source knows (a title, a concept) and check suggested vs approved.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
from lxml import etree

from conftest import SEED
from glossary.cli import main
from glossary.pipeline import build

SLUG = SEED.stem
TITLE = "Iran, Belarus Pledge to Deepen Cooperation at NAM Ministerial Meeting"
TITLE_RU = "Иран и Беларусь договорились углублять сотрудничество на министерской встрече"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXPORT_NAME = re.compile(r".*\.(tbx|utf8|csv)$|.*\.en-[a-z-]+\.tmx$")
APPROVED_TERM = ("Foreign Minister", "министр иностранных дел")
SUGGESTED_TERM = ("multilateralism", "многосторонность")


def po_path(kit: Path, lang: str, name: str) -> Path:
    return kit / "locales" / lang / "LC_MESSAGES" / f"{name}.po"


def set_msgstr(kit: Path, lang: str, name: str, msgid: str, text: str, fuzzy: bool = False):
    path = po_path(kit, lang, name)
    po = polib.pofile(str(path), wrapwidth=79)
    hits = [e for e in po if e.msgid == msgid and not e.obsolete]
    assert hits, f"{msgid!r} not in {path}"
    for e in hits:
        e.msgstr = text
        if fuzzy:
            e.flags.append("fuzzy")
        elif "fuzzy" in e.flags:
            e.flags.remove("fuzzy")
    po.save(str(path))


def first_sentences(kit: Path, n: int) -> list[str]:
    return [e.msgid for e in polib.pofile(str(kit / "locales" / f"{SLUG}.pot"))][:n]


def fill_ru(kit: Path) -> None:
    set_msgstr(kit, "ru", SLUG, first_sentences(kit, 1)[0], TITLE_RU)
    set_msgstr(kit, "ru", SLUG, first_sentences(kit, 2)[1], "Черновой перевод.", fuzzy=True)
    set_msgstr(kit, "ru", "glossary", *APPROVED_TERM)
    set_msgstr(kit, "ru", "glossary", *SUGGESTED_TERM, fuzzy=True)


def extras(kit: Path, lang: str | None = None) -> list[str]:
    """Names of this module's exports under tmx/ (optionally only those of one language)."""
    return sorted(p.name for p in (kit / "tmx").iterdir() if EXPORT_NAME.match(p.name)
                  and (lang is None or f".en-{lang}." in p.name or p.suffix == ".tbx"))


def snapshot(kit: Path) -> dict[str, bytes]:
    return {name: (kit / "tmx" / name).read_bytes() for name in extras(kit)}


def tab_lines(kit: Path, lang: str) -> list[str]:
    path = kit / "tmx" / f"glossary.en-{lang}.utf8"
    if not path.exists():
        return []
    return [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]


def test_fresh_kit_has_tbx_but_no_pair_tmx(kit):
    assert "glossary.tbx" in extras(kit)
    assert not [n for n in extras(kit) if n.endswith(".tmx")]  # nothing approved yet
    root = etree.parse(str(kit / "tmx" / "glossary.tbx")).getroot()
    assert root.tag == "martif"
    assert len(root.findall("text/body/termEntry")) == len(
        polib.pofile(str(kit / "locales" / "glossary.pot")))
    statuses = {t.text for t in root.iter("termNote") if t.get("type") == "administrativeStatus"}
    assert statuses <= {"admittedTerm-admn-sts"}  # only pre-filled suggestions, if any
    for lang in ("fa", "ru", "be"):
        assert all(line.endswith("suggested, not approved") for line in tab_lines(kit, lang))


def test_filled_kit_exports(kit):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    assert extras(kit, "ru") == sorted(["glossary.en-ru.csv", "glossary.en-ru.tmx",
                                        "glossary.en-ru.utf8", "glossary.tbx",
                                        f"{SLUG}.en-ru.tmx"])
    assert not [n for n in extras(kit) if n.endswith(("en-fa.tmx", "en-be.tmx"))]
    pair = etree.parse(str(kit / "tmx" / f"{SLUG}.en-ru.tmx")).getroot()
    assert pair.find("header").get("srclang") == "en"
    tus = pair.findall("body/tu")
    assert len(tus) == 1  # the fuzzy sentence is no pair
    assert [t.get(XML_LANG) for t in tus[0].findall("tuv")] == ["en", "ru"]
    assert [s.text for s in tus[0].iter("seg")] == [TITLE, TITLE_RU]
    gpair = etree.parse(str(kit / "tmx" / "glossary.en-ru.tmx")).getroot()
    assert [[s.text for s in tu.iter("seg")] for tu in gpair.iter("tu")] == [list(APPROVED_TERM)]
    body = tab_lines(kit, "ru")
    approved = [l for l in body if l.startswith(APPROVED_TERM[0] + "\t")]
    suggested = [l for l in body if l.startswith(SUGGESTED_TERM[0] + "\t")]
    assert approved == [f"{APPROVED_TERM[0]}\t{APPROVED_TERM[1]}\ttitle"]
    assert suggested == [f"{SUGGESTED_TERM[0]}\t{SUGGESTED_TERM[1]}\tconcept; suggested, not approved"]
    tbx = etree.parse(str(kit / "tmx" / "glossary.tbx")).getroot()
    entries = {e.findtext("langSet/tig/term"): e for e in tbx.iter("termEntry")}
    for (en, ru), status in ((APPROVED_TERM, "preferredTerm-admn-sts"),
                             (SUGGESTED_TERM, "admittedTerm-admn-sts")):
        ru_set = next(ls for ls in entries[en].findall("langSet") if ls.get(XML_LANG) == "ru")
        assert ru_set.findtext("tig/term") == ru
        assert ru_set.findtext("tig/termNote[@type='administrativeStatus']") == status
    assert entries[APPROVED_TERM[0]].findtext("descrip[@type='subjectField']") == "title"
    assert entries[APPROVED_TERM[0]].findtext("langSet/tig/descrip[@type='context']")


def test_rebuild_rewrites_nothing(kit):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    before = {p: p.stat().st_mtime_ns for p in (kit / "tmx").iterdir()}
    report = build([SEED], kit, ["fa", "ru", "be"])
    assert report.written == []
    assert {p: p.stat().st_mtime_ns for p in (kit / "tmx").iterdir()} == before


def test_export_gives_the_same_bytes(kit, capsys, monkeypatch):
    # files are deleted below, so TMX creation dates come from SOURCE_DATE_EPOCH, not the clock
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764300000")
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    built = snapshot(kit)
    assert main(["export", "--out", str(kit)]) == 0
    assert "0 file(s) written" in capsys.readouterr().err
    for name in extras(kit):
        (kit / "tmx" / name).unlink()
    assert main(["export", "--out", str(kit), "--format", "all"]) == 0
    assert snapshot(kit) == built
    for fmt, suffix in [("tbx", ".tbx"), ("tsv", ".utf8"), ("csv", ".csv"), ("tmx", ".tmx")]:
        for name in extras(kit):
            (kit / "tmx" / name).unlink()
        assert main(["export", "--out", str(kit), "--format", fmt]) == 0
        assert extras(kit) == sorted(n for n in built if n.endswith(suffix))
        assert all(snapshot(kit)[n] == built[n] for n in extras(kit))


def test_tbx_v3_on_request_then_kept_up_to_date(kit):
    assert main(["export", "--out", str(kit), "--format", "tbx", "--tbx-version", "3"]) == 0
    v3 = kit / "tmx" / "glossary.v3.tbx"
    root = etree.parse(str(v3)).getroot()
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("style") == "dca"
    assert APPROVED_TERM[1] not in v3.read_text(encoding="utf-8")
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    assert APPROVED_TERM[1] in v3.read_text(encoding="utf-8")


def test_removed_translation_removes_bilingual_files(kit):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    # the reviewer takes the approvals back (emptying would be refilled from the memory)
    set_msgstr(kit, "ru", SLUG, first_sentences(kit, 1)[0], TITLE_RU, fuzzy=True)
    set_msgstr(kit, "ru", "glossary", *APPROVED_TERM, fuzzy=True)
    build([SEED], kit, ["fa", "ru", "be"])
    assert not [n for n in extras(kit) if n.endswith(".tmx")]
    assert f"{APPROVED_TERM[0]}\t{APPROVED_TERM[1]}\ttitle; suggested, not approved" in \
        tab_lines(kit, "ru")


def test_bilingual_files_only_with_entries(tmp_path):
    from glossary.exports import write_formats
    from glossary.model import State, Translation, Unit

    term = Unit("glossary-title-1", "Foreign Minister", category="title",
                translations={"ru": Translation("министр иностранных дел", "ru")})
    written, _ = write_formats(tmp_path, {}, [term], ["ru"])
    assert sorted(p.name for p in written) == ["glossary.en-ru.csv", "glossary.en-ru.tmx",
                                               "glossary.en-ru.utf8", "glossary.tbx"]
    term.translations["ru"] = Translation("министр иностранных дел", "ru", State.SUGGESTED)
    write_formats(tmp_path, {}, [term], ["ru"])
    assert sorted(p.name for p in (tmp_path / "tmx").iterdir()) == [
        "glossary.en-ru.csv", "glossary.en-ru.utf8", "glossary.tbx"]
    term.translations.clear()
    written, _ = write_formats(tmp_path, {}, [term], ["ru"])
    assert sorted(p.name for p in (tmp_path / "tmx").iterdir()) == ["glossary.tbx"]
    assert sorted(p.name for p in written) == ["glossary.en-ru.csv", "glossary.en-ru.utf8",
                                               "glossary.tbx"]
    written, unchanged = write_formats(tmp_path, {}, [], ["ru"])  # no term left at all
    assert list((tmp_path / "tmx").iterdir()) == [] and unchanged == []
    assert [p.name for p in written] == ["glossary.tbx"]


def test_export_errors(tmp_path, capsys):
    assert main(["export", "--out", str(tmp_path)]) == 2
    assert main(["export", "--out", str(tmp_path), "--format", "xliff"]) == 2
    assert main(["export", "--out", str(tmp_path), "--langs", "ru"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("glossary: error: ") for line in err)
    assert "glossary build" in err[0]


def test_export_langs_subset(kit):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    for name in extras(kit):
        (kit / "tmx" / name).unlink()
    assert main(["export", "--out", str(kit), "--langs", "ru", "--format", "tsv"]) == 0
    assert extras(kit) == ["glossary.en-ru.utf8"]


def test_language_order_does_not_change_the_term_base(tmp_path):
    from glossary.exports import write_formats
    from glossary.model import Translation, Unit

    term = Unit("glossary-title-1", "Foreign Minister", category="title",
                translations={"ru": Translation("министр иностранных дел", "ru"),
                              "fa": Translation("وزیر امور خارجه", "fa")})
    write_formats(tmp_path, {}, [term], ["ru", "fa"], ["tbx"])
    first = (tmp_path / "tmx" / "glossary.tbx").read_bytes()
    written, _ = write_formats(tmp_path, {}, [term], ["fa", "ru"], ["tbx"])
    assert written == [] and (tmp_path / "tmx" / "glossary.tbx").read_bytes() == first
