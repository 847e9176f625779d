from pathlib import Path

from lxml import etree

from glossary.formats.tmx import render_tmx, write_tmx
from glossary.model import Origin, State, Translation, Unit

DTD = etree.DTD(str(Path(__file__).parent / "data" / "schemas" / "tmx14.dtd"))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _units():
    return [
        Unit("seed-1", "Iran and Belarus signed.", article="seed", translations={
            "ru": Translation("Иран и Беларусь подписали.", "ru"),
            "fa": Translation("", "fa", State.EMPTY),
            "be": Translation("Іран і Беларусь падпісалі.", "be", State.SUGGESTED, Origin.MEMORY),
        }),
        Unit("glossary-location-1", "Minsk", category="location", translations={
            "be": Translation("Мінск", "be", origin=Origin.CLDR)}),
    ]


def test_tmx_is_valid_and_carries_only_usable_translations():
    root = etree.fromstring(render_tmx(_units(), ["fa", "ru", "be"], "20261128T000000Z"))
    assert DTD.validate(root), DTD.error_log.filter_from_errors()
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "datatype"):
        assert header.get(attr)
    assert header.get("srclang") == "en"
    tus = root.findall("body/tu")
    assert [tu.get("tuid") for tu in tus] == ["seed-1", "glossary-location-1"]
    langs = [[tuv.get(XML_LANG) for tuv in tu.findall("tuv")] for tu in tus]
    assert langs == [["en", "ru"], ["en", "be"]]
    assert all(seg.text for seg in root.iter("seg"))
    props = {p.get("type"): p.text for p in tus[0].findall("prop")}
    assert props == {"x-article": "seed"}
    assert tus[1].find("prop").text == "location"


def test_rewrite_without_change_is_byte_identical(tmp_path):
    path = tmp_path / "a.tmx"
    assert write_tmx(path, _units(), ["ru"]) is True
    before = path.read_bytes()
    assert write_tmx(path, _units(), ["ru"]) is False
    assert path.read_bytes() == before
