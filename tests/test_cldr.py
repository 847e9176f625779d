"""CLDR pre-fill of the glossary catalogs: suggestions, origin, translators' entries untouched."""

from __future__ import annotations

from pathlib import Path

import babel
import polib
import pytest

from conftest import SEED
from glossary import cldr
from glossary.cli import main
from glossary.formats.po import new_catalog

SEED_PLACES = {
    "Iran": {"fa": "ایران", "ru": "Иран", "be": "Іран"},
    "Belarus": {"fa": "بلاروس", "ru": "Беларусь", "be": "Беларусь"},
    "Uganda": {"fa": "اوگاندا", "ru": "Уганда", "be": "Уганда"},
    "Tehran": {"fa": "تهران", "ru": "Тегеран", "be": "Тэгеран"},
    "Kampala": {"fa": "کامپالا", "ru": "Кампала", "be": "Кампала"},
    "Minsk": {"fa": "مینسک", "ru": "Минск", "be": "Мінск"},
    "Britain": {"fa": "بریتانیا", "ru": "Великобритания", "be": "Вялікабрытанія"},
    "France": {"fa": "فرانسه", "ru": "Франция", "be": "Францыя"},
    "Germany": {"fa": "آلمان", "ru": "Германия", "be": "Германія"},
}


def _glossary(lang: str, rows) -> polib.POFile:
    po = new_catalog("glossary", lang)
    for row in rows:
        ctx, msgid, msgstr, *rest = row
        po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr,
                                comment=rest[0] if rest else f"category: {ctx}"))
    return po


@pytest.mark.parametrize("lang", ["fa", "ru", "be"])
def test_prefill_suggests_cldr_names_as_fuzzy_with_origin(lang):
    po = _glossary(lang, [("location", name, "") for name in SEED_PLACES])
    assert cldr.prefill(po, lang) == len(SEED_PLACES)
    for entry in po:
        assert entry.msgstr == SEED_PLACES[entry.msgid][lang]
        assert "fuzzy" in entry.flags
        origin = [ln for ln in entry.comment.splitlines() if ln.startswith("origin: ")]
        assert len(origin) == 1
        assert origin[0].startswith(f"origin: cldr CLDR {cldr.cldr_version()} via babel "
                                    f"{babel.__version__} [")
        assert origin[0].endswith("] " + entry.msgstr)
        assert entry.comment.startswith("category: location")


def test_cldr_version_is_known():
    assert cldr.cldr_version().isdigit()


def test_prefill_never_overwrites_a_translation_and_skips_other_categories():
    po = _glossary("ru", [
        ("location", "Iran", "Исламская Республика Иран"),             # translator, approved
        ("location", "France", "Франция (Французская Республика)"),   # translator, fuzzy
        ("person", "Minsk", ""),                                        # not a location
        ("concept", "Germany", ""),
        ("location", "Atlantis", ""),                                   # not in CLDR
    ])
    po[1].flags.append("fuzzy")
    before = [(e.msgstr, list(e.flags), e.comment) for e in po]
    assert cldr.prefill(po, "ru") == 0
    assert [(e.msgstr, list(e.flags), e.comment) for e in po] == before


def test_aliases_regions_bodies_and_variants():
    po = _glossary("ru", [
        ("location", "the United States", ""),
        ("location", "UK", ""),
        ("location", "Turkey", ""),
        ("location", "Europe", ""),
        ("location", "Western Asia", ""),
        ("organization", "United Nations", ""),
        ("organization", "UN", ""),           # acronyms of bodies: own acronyms (ООН), no CLDR
        ("organization", "European Union", ""),
        ("organization", "France", ""),       # a country is no organization: left empty
        ("location", "Kyiv city", "", "category: location\nvariants: Kiev | Kyiv"),
    ])
    assert cldr.prefill(po, "ru") == 8
    got = {e.msgid: e.msgstr for e in po}
    assert got == {
        "the United States": "Соединенные Штаты", "UK": "Великобритания", "Turkey": "Турция",
        "Europe": "Европа", "Western Asia": "Западная Азия",
        "United Nations": "Организация Объединенных Наций", "UN": "", "European Union": "Европейский союз",
        "France": "", "Kyiv city": "Киев",
    }


def test_lookup_keys_and_city_sources():
    assert cldr.lookup("U.K.").code == "GB"
    assert cldr.lookup("the Netherlands").code == "NL"
    assert cldr.lookup("Bosnia and Herzegovina").code == "BA"   # CLDR: "Bosnia & Herzegovina"
    assert cldr.lookup("Bogota").code == "America/Bogota"       # CLDR: "Bogotá"
    assert cldr.lookup("Kuwait").kind == "territory"            # the country wins over the city
    assert cldr.lookup("Calcutta").code == "Asia/Kolkata"       # old zone id
    assert cldr.lookup("Washington") is None                    # no CLDR city: no guess
    assert cldr.suggest("Myanmar", "ru").text == "Мьянма"       # "(Бирма)" dropped


def test_persian_suggestions_use_persian_letters():
    for name in ("Kuwait", "Yemen", "Kenya", "Tehran", "Mecca", "Iraq"):
        s = cldr.suggest(name, "fa")
        if s is not None:
            assert "\u064a" not in s.text and "\u0643" not in s.text


def test_stale_origin_dropped_when_translator_changed_the_suggestion():
    po = _glossary("ru", [("location", "Britain", "")])
    cldr.prefill(po, "ru")
    po[0].msgstr = "Британия"
    po[0].flags.remove("fuzzy")
    assert cldr.prefill(po, "ru") == 0
    assert po[0].msgstr == "Британия"
    assert "origin:" not in po[0].comment


# ---------------------------------------------------------------- through the build


def _gpo(kit: Path, lang: str) -> polib.POFile:
    return polib.pofile(str(kit / "locales" / lang / "LC_MESSAGES" / "glossary.po"))


def _entry(po: polib.POFile, msgid: str) -> polib.POEntry:
    found = [e for e in po if e.msgid == msgid and not e.obsolete]
    assert found, f"{msgid} is not in the glossary"
    return found[0]


def test_seed_build_prefills_the_places(kit):
    for lang in ("fa", "ru", "be"):
        po = _gpo(kit, lang)
        for name, names in SEED_PLACES.items():
            entry = _entry(po, name)
            assert entry.msgctxt == "location", f"{name} extracted as {entry.msgctxt}"
            assert entry.msgstr == names[lang]
            assert "fuzzy" in entry.flags
            assert any(ln.startswith("origin: cldr CLDR ") for ln in entry.comment.splitlines())


def test_translator_entry_survives_rebuild(kit):
    path = kit / "locales" / "ru" / "LC_MESSAGES" / "glossary.po"
    po = _gpo(kit, "ru")
    entry = _entry(po, "Britain")
    entry.msgstr = "Британия"
    entry.flags.remove("fuzzy")
    po.save(str(path))
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    after = _entry(_gpo(kit, "ru"), "Britain")
    assert after.msgstr == "Британия"
    assert "fuzzy" not in after.flags
    assert not any(ln.startswith("origin: cldr") for ln in after.comment.splitlines())
    # the untouched suggestions are still there, still fuzzy, origin kept
    france = _entry(_gpo(kit, "ru"), "France")
    assert france.msgstr == "Франция" and "fuzzy" in france.flags
    assert "origin: cldr" in france.comment


def test_suggestions_are_hinted_in_sentences_and_kept_out_of_tmx(kit):
    sentences = polib.pofile(str(kit / "locales" / "be" / "LC_MESSAGES" / f"{SEED.stem}.po"))
    hints = "\n".join(e.comment for e in sentences)
    assert "glossary: Minsk (location) = Мінск (suggested)" in hints
    assert "glossary: Tehran (location) = Тэгеран (suggested)" in hints
    tmx = (kit / "tmx" / "glossary.tmx").read_text(encoding="utf-8")
    assert "Мінск" not in tmx and "Тэгеран" not in tmx


def test_approved_term_hint_in_sentence_entries(kit):
    path = kit / "locales" / "fa" / "LC_MESSAGES" / "glossary.po"
    po = _gpo(kit, "fa")
    entry = _entry(po, "Minsk")
    entry.flags.remove("fuzzy")
    po.save(str(path))
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    sentences = polib.pofile(str(kit / "locales" / "fa" / "LC_MESSAGES" / f"{SEED.stem}.po"))
    hints = "\n".join(e.comment for e in sentences)
    assert "glossary: Minsk (location) = مینسک\n" in hints + "\n"
    assert "glossary: Minsk (location) = مینسک (suggested)" not in hints
    assert "مینسک" in (kit / "tmx" / "glossary.tmx").read_text(encoding="utf-8")
