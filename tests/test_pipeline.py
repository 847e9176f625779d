"""End to end: the seed article into a kit; rebuilds keep translators' work and bytes."""

import json
import subprocess
from pathlib import Path

import polib
import pytest
from lxml import etree

from conftest import DATA, SEED, require_tool
from glossary.cli import main

SLUG = SEED.stem
DTD = etree.DTD(str(DATA / "schemas" / "tmx14.dtd"))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _po(kit: Path, lang: str, name: str = SLUG) -> polib.POFile:
    return polib.pofile(str(kit / "locales" / lang / "LC_MESSAGES" / f"{name}.po"))


def _snapshot(kit: Path) -> dict[str, bytes]:
    return {str(p.relative_to(kit)): p.read_bytes() for p in sorted(kit.rglob("*")) if p.is_file()
            and p.suffix != ".sqlite"}


def test_build_writes_every_catalog(kit):
    for name in (SLUG, "glossary"):
        assert (kit / "locales" / f"{name}.pot").is_file()
        assert (kit / "tmx" / f"{name}.tmx").is_file()
        for lang in ("fa", "ru", "be"):
            assert (kit / "locales" / lang / "LC_MESSAGES" / f"{name}.po").is_file()


def test_sentences_are_msgids_in_article_order_with_references(kit):
    pot = polib.pofile(str(kit / "locales" / f"{SLUG}.pot"))
    msgids = [e.msgid for e in pot]
    assert len(msgids) == 12
    assert msgids[0] == "Iran, Belarus Pledge to Deepen Cooperation at NAM Ministerial Meeting"
    assert msgids[3].startswith("Araghchi and Ryzhenkov underscored")
    assert msgids[4] == ("Both sides agreed to pursue relevant meetings of the Commission with "
                         "seriousness and renewed momentum.")
    assert msgids[9] == ("He characterized the move as part of a political campaign of "
                         "“maximum pressure” targeting the Iranian nation.")
    assert pot[0].occurrences == [("articles/" + SEED.name, "1")]
    assert pot[1].occurrences == [("articles/" + SEED.name, "3")]
    assert pot[4].occurrences == [("articles/" + SEED.name, "5")]


def test_headers_per_language(kit):
    expected = {"fa": "nplurals=2; plural=(n > 1);", "ru": "nplurals=3;", "be": "nplurals=3;"}
    for lang, plural in expected.items():
        for name in (SLUG, "glossary"):
            raw = (kit / "locales" / lang / "LC_MESSAGES" / f"{name}.po").read_bytes()
            assert not raw.startswith(b"\xef\xbb\xbf")
            meta = polib.pofile(raw.decode("utf-8")).metadata
            assert meta["Language"] == lang
            assert meta["Plural-Forms"].startswith(plural)
            assert meta["Content-Type"] == "text/plain; charset=UTF-8"
            assert meta["Project-Id-Version"] == name
            assert meta["X-Generator"].startswith("glossary")
            assert b"#, fuzzy\nmsgid \"\"" not in raw


def test_glossary_catalog_has_terms_with_concordance(kit):
    pot = polib.pofile(str(kit / "locales" / "glossary.pot"))
    by_id = {e.msgid: e for e in pot}
    nam = by_id["Non-Aligned Movement"]
    assert nam.msgctxt == "organization"
    assert "category: organization" in nam.comment
    assert "occurrences: " in nam.comment and "context: " in nam.comment
    assert all(f == "articles/" + SEED.name for f, _ in nam.occurrences)
    assert by_id["Iran"].msgctxt == "location"


def test_most_gold_terms_are_glossary_msgids(kit):
    gold = json.loads((DATA / "terms" / "gold" / "seed.json").read_text("utf-8"))
    wanted = [g["term"] for g in gold if not g.get("optional")]
    msgids = {e.msgid.casefold() for e in polib.pofile(str(kit / "locales" / "glossary.pot"))}
    found = [t for t in wanted if t.casefold() in msgids]
    assert len(found) / len(wanted) >= 0.8, sorted(set(wanted) - set(found))


def test_sentence_entries_name_their_terms(kit):
    first = _po(kit, "ru")[1]
    assert "glossary: Abbas Araghchi (person)" in first.comment
    assert "glossary: Kampala (location)" in first.comment


def test_every_tmx_is_dtd_valid_and_has_no_empty_seg(kit):
    for path in (kit / "tmx").glob("*.tmx"):
        root = etree.parse(str(path)).getroot()
        assert DTD.validate(root), (path, DTD.error_log.filter_from_errors())
        assert root.find("header").get("srclang") == "en"
        assert all(seg.text and seg.text.strip() for seg in root.iter("seg"))
    tus = etree.parse(str(kit / "tmx" / f"{SLUG}.tmx")).getroot().findall("body/tu")
    assert len(tus) == 12
    assert len({tu.get("tuid") for tu in tus}) == 12


def test_rebuild_keeps_translation_and_tmx_carries_it_then_is_byte_stable(kit):
    po = _po(kit, "ru")
    entry = po[4]
    entry.msgstr = "Стороны договорились с новой силой продолжить заседания Комиссии."
    entry.tcomment = "checked by the desk"
    po.save()
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    kept = _po(kit, "ru")[4]
    assert kept.msgstr == entry.msgstr and kept.tcomment == "checked by the desk"
    tmx = etree.parse(str(kit / "tmx" / f"{SLUG}.tmx")).getroot()
    ru = [tuv.find("seg").text for tuv in tmx.iter("tuv") if tuv.get(XML_LANG) == "ru"]
    assert ru == [entry.msgstr]
    before = _snapshot(kit)
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    assert _snapshot(kit) == before


def test_fuzzy_translation_stays_out_of_tmx(kit):
    po = _po(kit, "be")
    po[0].msgstr = "Іран і Беларусь"
    po[0].flags.append("fuzzy")
    po.save()
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    assert "fuzzy" in _po(kit, "be")[0].flags
    tmx = (kit / "tmx" / f"{SLUG}.tmx").read_text("utf-8")
    assert "Іран і Беларусь" not in tmx


def test_vanished_sentence_becomes_obsolete_and_comes_back(kit, tmp_path):
    po = _po(kit, "ru")
    po[4].msgstr = "Стороны договорились продолжить заседания Комиссии."
    po.save()
    edited = tmp_path / SEED.name
    edited.write_text(SEED.read_text("utf-8").replace(
        " Both sides agreed to pursue relevant meetings of the Commission with seriousness and "
        "renewed momentum.", ""), "utf-8")
    assert main(["build", str(edited), "--out", str(kit)]) == 0
    po = _po(kit, "ru")
    assert [e.msgstr for e in po.obsolete_entries()] == [
        "Стороны договорились продолжить заседания Комиссии."]
    assert len(po.translated_entries()) == 0
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    po = _po(kit, "ru")
    assert po.obsolete_entries() == []
    assert po[4].msgstr == "Стороны договорились продолжить заседания Комиссии."


@pytest.mark.client
def test_msgfmt_check_accepts_every_catalog(kit):
    msgfmt = require_tool("msgfmt", "gettext")
    pos = list((kit / "locales").rglob("*.po"))
    assert len(pos) == 6
    for path in pos:
        result = subprocess.run([msgfmt, "--check", "--check-format", "--check-header", "-o",
                                 "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stderr, (path, result.stderr)
    for path in (kit / "locales").glob("*.pot"):
        result = subprocess.run([msgfmt, "--check-format", "-o", "/dev/null", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, (path, result.stderr)


def test_building_one_article_keeps_the_other_articles_terms(tmp_path):
    other = tmp_path / "articles" / "002_geneva.txt"
    other.parent.mkdir()
    other.write_text("Swiss Foreign Minister Ignazio Cassis Hosts Talks in Geneva\n\n"
                     "Swiss Foreign Minister Ignazio Cassis met Kazakh officials in Geneva on "
                     "Monday. Cassis said the talks would continue in Astana.\n", "utf-8")
    out = tmp_path / "kit"
    assert main(["build", str(SEED), str(other), "--out", str(out), "--langs", "ru"]) == 0
    terms = {e.msgid for e in polib.pofile(str(out / "locales" / "glossary.pot"))}
    assert {"Ignazio Cassis", "Geneva", "Abbas Araghchi"} <= terms
    po = _po(out, "ru", "glossary")
    cassis = next(e for e in po if e.msgid == "Ignazio Cassis")
    cassis.msgstr = "Иньяцио Кассис"
    po.save()
    assert main(["build", str(SEED), "--out", str(out), "--langs", "ru"]) == 0
    assert {e.msgid for e in polib.pofile(str(out / "locales" / "glossary.pot"))} == terms
    kept = next(e for e in _po(out, "ru", "glossary") if e.msgid == "Ignazio Cassis")
    assert kept.msgstr == "Иньяцио Кассис" and not kept.obsolete
