"""Exports written by ``glossary build`` and ``glossary export``: files, content, stability."""

from __future__ import annotations

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
    set_msgstr(kit, "ru", "glossary", "Iran", "Иран")
    set_msgstr(kit, "ru", "glossary", "Belarus", "Беларусь", fuzzy=True)


def snapshot(kit: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((kit / "tmx").iterdir())}


def extras(kit: Path) -> list[str]:
    return sorted(p.name for p in (kit / "tmx").iterdir()
                  if p.name not in (f"{SLUG}.tmx", "glossary.tmx"))


def test_fresh_kit_has_tbx_but_no_empty_bilingual_files(kit):
    assert extras(kit) == ["glossary.tbx"]
    root = etree.parse(str(kit / "tmx" / "glossary.tbx")).getroot()
    assert root.tag == "martif"
    assert all(len(e.findall("langSet")) == 1 for e in root.iter("termEntry"))


def test_filled_kit_exports(kit):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    assert extras(kit) == sorted(["glossary.en-ru.csv", "glossary.en-ru.tmx",
                                  "glossary.en-ru.utf8", "glossary.tbx", f"{SLUG}.en-ru.tmx"])
    pair = etree.parse(str(kit / "tmx" / f"{SLUG}.en-ru.tmx")).getroot()
    assert pair.find("header").get("srclang") == "en"
    tus = pair.findall("body/tu")
    assert len(tus) == 1  # the fuzzy sentence is no pair
    assert [t.get(XML_LANG) for t in tus[0].findall("tuv")] == ["en", "ru"]
    assert [s.text for s in tus[0].iter("seg")] == [TITLE, TITLE_RU]
    gpair = etree.parse(str(kit / "tmx" / "glossary.en-ru.tmx")).getroot()
    assert [[s.text for s in tu.iter("seg")] for tu in gpair.iter("tu")] == [["Iran", "Иран"]]
    tab = (kit / "tmx" / "glossary.en-ru.utf8").read_text(encoding="utf-8").splitlines()
    body = [line for line in tab if not line.startswith("#")]
    assert body[0].startswith("Iran\tИран\t")
    assert body[1].startswith("Belarus\tБеларусь\t") and "suggested" in body[1]
    tbx = etree.parse(str(kit / "tmx" / "glossary.tbx")).getroot()
    status = {e.findtext("langSet[2]/tig/term"):
              e.findtext("langSet[2]/tig/termNote[@type='administrativeStatus']")
              for e in tbx.iter("termEntry") if len(e.findall("langSet")) > 1}
    assert status == {"Иран": "preferredTerm-admn-sts", "Беларусь": "admittedTerm-admn-sts"}
    iran = next(e for e in tbx.iter("termEntry") if e.findtext("langSet/tig/term") == "Iran")
    assert iran.findtext("langSet/tig/descrip[@type='context']")  # from the glossary.pot


def test_rebuild_rewrites_nothing(kit):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    before = {p: p.stat().st_mtime_ns for p in (kit / "tmx").iterdir()}
    report = build([SEED], kit, ["fa", "ru", "be"])
    assert report.written == []
    assert {p: p.stat().st_mtime_ns for p in (kit / "tmx").iterdir()} == before


def test_export_gives_the_same_bytes(kit, capsys):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    built = snapshot(kit)
    assert main(["export", "--out", str(kit)]) == 0
    assert "0 file(s) written" in capsys.readouterr().err
    for name in extras(kit):
        (kit / "tmx" / name).unlink()
    assert main(["export", "--out", str(kit), "--format", "all"]) == 0
    assert snapshot(kit) == built
    for fmt, expect in [("tbx", ["glossary.tbx"]), ("tsv", ["glossary.en-ru.utf8"]),
                        ("csv", ["glossary.en-ru.csv"]),
                        ("tmx", sorted(["glossary.en-ru.tmx", f"{SLUG}.en-ru.tmx"]))]:
        for name in extras(kit):
            (kit / "tmx" / name).unlink()
        assert main(["export", "--out", str(kit), "--format", fmt]) == 0
        assert extras(kit) == expect
        assert all(snapshot(kit)[n] == built[n] for n in expect)


def test_tbx_v3_on_request_then_kept_up_to_date(kit):
    assert main(["export", "--out", str(kit), "--format", "tbx", "--tbx-version", "3"]) == 0
    v3 = kit / "tmx" / "glossary.v3.tbx"
    root = etree.parse(str(v3)).getroot()
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("style") == "dca"
    assert "Иран" not in v3.read_text(encoding="utf-8")
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    assert "Иран" in v3.read_text(encoding="utf-8")


def test_removed_translation_removes_bilingual_files(kit):
    fill_ru(kit)
    build([SEED], kit, ["fa", "ru", "be"])
    set_msgstr(kit, "ru", SLUG, first_sentences(kit, 1)[0], "")
    set_msgstr(kit, "ru", "glossary", "Iran", "")
    set_msgstr(kit, "ru", "glossary", "Belarus", "")
    build([SEED], kit, ["fa", "ru", "be"])
    assert extras(kit) == ["glossary.tbx"]


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
