"""TBX writer/reader: TBX-Basic data categories, approved vs suggested, v2/v3, byte stability."""

from __future__ import annotations

import pytest
from lxml import etree

from glossary.errors import GlossaryError
from glossary.formats.tbx import (ADMITTED, PREFERRED, TBX3_NS, read_tbx, render_tbx,
                                  write_tbx)
from glossary.model import Origin, State, Translation, Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# TBX-Basic picklists (TBX-Basic_DCA.sch, dialect 1.2.1)
DATA_CATEGORIES = {
    "descrip": {"subjectField", "context", "definition"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender",
                 "termLocation", "termType"},
    "admin": {"source", "customerSubset", "projectSubset"},
}
PICKLISTS = {
    "administrativeStatus": {PREFERRED, ADMITTED, "deprecatedTerm-admn-sts",
                             "supersededTerm-admn-sts"},
    "partOfSpeech": {"adjective", "noun", "other", "verb", "adverb"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
}


def units() -> list[Unit]:
    return [
        Unit("glossary-location-1", "Iran", context="Iran and Belarus met.", category="location",
             translations={"ru": Translation("Иран", "ru"),
                           "be": Translation("Іран", "be", State.SUGGESTED),
                           "fa": Translation("", "fa", State.EMPTY)}),
        Unit("glossary-organization-2", "Non-Aligned Movement", category="organization",
             translations={"fa": Translation("جنبش عدم تعهد", "fa", origin=Origin.CLDR)}),
        Unit("glossary-concept-3", "sovereignty", category="concept"),
    ]


def test_v2_shape_and_data_categories():
    data = render_tbx(units(), ["fa", "ru", "be"], variants={"glossary-location-1": ["Iranian"]})
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif ')
    root = etree.fromstring(data)
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.get(XML_LANG) == "en"
    entries = root.findall("text/body/termEntry")
    assert [e.get("id") for e in entries] == ["glossary-location-1", "glossary-organization-2",
                                             "glossary-concept-3"]
    for el in root.iter(*DATA_CATEGORIES):
        assert el.get("type") in DATA_CATEGORIES[el.tag], etree.tostring(el)
        if el.get("type") in PICKLISTS:
            assert el.text in PICKLISTS[el.get("type")]
    # subjectField only at entry level
    assert all(d.getparent().tag == "termEntry"
               for d in root.iter("descrip") if d.get("type") == "subjectField")
    iran = entries[0]
    assert iran.findtext("descrip[@type='subjectField']") == "location"
    assert [ls.get(XML_LANG) for ls in iran.findall("langSet")] == ["en", "ru", "be"]  # no fa
    en_terms = [t.findtext("term") for t in iran.find("langSet").findall("tig")]
    assert en_terms == ["Iran", "Iranian"]
    assert iran.find("langSet/tig/descrip[@type='context']").text == "Iran and Belarus met."
    ru, be = iran.findall("langSet")[1:]
    assert ru.findtext("tig/termNote[@type='administrativeStatus']") == PREFERRED
    assert ru.find("tig/note") is None
    assert be.findtext("tig/termNote[@type='administrativeStatus']") == ADMITTED
    assert "suggested be translation" in be.findtext("tig/note")
    nam = entries[1]
    assert nam.findtext("langSet[2]/tig/admin[@type='source']") == "CLDR"
    assert len(entries[2].findall("langSet")) == 1  # untranslated concept: en only


def test_v3_namespace_and_round_trip(tmp_path):
    path = tmp_path / "g.v3.tbx"
    assert write_tbx(path, units(), ["fa", "ru", "be"], version=3)
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{{{TBX3_NS}}}tbx"
    assert root.get("style") == "dca" and root.get("type") == "TBX-Basic"
    assert len(root.findall(f".//{{{TBX3_NS}}}conceptEntry")) == 3
    back = read_tbx(path)
    assert [u.source for u in back] == ["Iran", "Non-Aligned Movement", "sovereignty"]
    assert back[0].translations["ru"].state is State.APPROVED
    assert back[0].translations["be"].state is State.SUGGESTED
    assert back[1].translations["fa"].origin is Origin.CLDR
    assert back[0].category == "location" and back[0].context == "Iran and Belarus met."


def test_v2_round_trip_and_byte_stable(tmp_path):
    path = tmp_path / "g.tbx"
    assert write_tbx(path, units(), ["fa", "ru", "be"]) is True
    before = path.stat().st_mtime_ns
    assert write_tbx(path, units(), ["fa", "ru", "be"]) is False
    assert path.stat().st_mtime_ns == before
    back = read_tbx(path)
    assert back[0].uid == "glossary-location-1"
    assert back[0].translations["ru"].text == "Иран"
    assert "fa" not in back[0].translations


def test_ids_are_xml_ids_and_unique():
    twins = [Unit("1 bad id", "a"), Unit("1 bad id", "b")]
    root = etree.fromstring(render_tbx(twins, ["ru"]))
    ids = [e.get("id") for e in root.iter("termEntry")]
    assert len(set(ids)) == 2 and all(i[0].isalpha() and " " not in i for i in ids)


def test_errors(tmp_path):
    with pytest.raises(GlossaryError):
        render_tbx([], ["ru"])
    with pytest.raises(GlossaryError):
        render_tbx(units(), ["ru"], version=4)
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif><oops></martif>", encoding="utf-8")
    with pytest.raises(GlossaryError):
        read_tbx(bad)
    other = tmp_path / "other.tbx"
    other.write_text("<tmx/>", encoding="utf-8")
    with pytest.raises(GlossaryError):
        read_tbx(other)
