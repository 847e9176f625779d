"""SRX 2.0: the shipped rule file, its export, loading a user's file, and an independent engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.errors import GlossaryError
from glossary.formats import srx as srxfmt
from glossary.segment import DEFAULT_SRX, Segmenter, load_srx, segment, srxgen

DATA = Path(__file__).parent / "data" / "segmentation"
SETS = [("golden_rules_en", "en"), ("sentencex_en", "en"), ("news_en", "en"),
        ("newspara_en", "en"), ("golden_rules_ru", "ru"), ("sentencex_ru", "ru"),
        ("news_ru", "ru"), ("golden_rules_fa", "fa"), ("misc_fa", "fa"), ("news_fa", "fa"),
        ("news_be", "be"), ("ud_en", "en"), ("ud_ru", "ru"), ("ud_fa", "fa"), ("ud_be", "be"),
        ("blind_en", "en"), ("blind_ru", "ru"), ("blind_fa", "fa"), ("blind_be", "be")]


def load(name: str) -> list[dict]:
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_shipped_srx_is_built_from_the_rule_data() -> None:
    assert DEFAULT_SRX.read_bytes() == srxgen.build_bytes(), \
        "run: python -m glossary.segment.srxgen"


def test_compiled_cache_matches_the_shipped_srx() -> None:
    from glossary.segment import COMPILED_CACHE, _cached_rules, compiled_cache_bytes

    assert COMPILED_CACHE.read_bytes() == compiled_cache_bytes(), \
        "run: python -m glossary.segment.srxgen"
    for lang in ("en", "ru", "fa", "be"):
        assert _cached_rules(lang) is not None


def test_shipped_srx_is_srx_20_with_all_languages() -> None:
    from lxml import etree

    root = etree.fromstring(DEFAULT_SRX.read_bytes())
    assert root.tag == "{http://www.lisa.org/srx20}srx" and root.get("version") == "2.0"
    doc = srxfmt.parse(DEFAULT_SRX.read_bytes())
    for lang in ("en", "ru", "fa", "be", "en-US", "ru_RU"):
        rules = doc.rules_for(lang)
        assert rules and rules[-1].is_break
        assert any(not r.is_break for r in rules)
    assert doc.rules_for("de") == []


def test_shipped_srx_validates_against_the_srx20_schema() -> None:
    choppa = pytest.importorskip("choppa")
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(choppa.SRX_2_XSD)))
    schema.assertValid(etree.parse(str(DEFAULT_SRX)))


def test_round_trip_keeps_every_rule() -> None:
    doc = srxfmt.parse(DEFAULT_SRX.read_bytes())
    again = srxfmt.parse(srxfmt.serialize(doc))
    assert again.language_rules == {k: [srxfmt.SrxRule(r.is_break, r.before, r.after) for r in v]
                                    for k, v in doc.language_rules.items()} or \
        all([(r.is_break, r.before, r.after) for r in again.language_rules[k]] ==
            [(r.is_break, r.before, r.after) for r in v] for k, v in doc.language_rules.items())
    assert again.maps == doc.maps and again.cascade == doc.cascade


def test_language_subset_export() -> None:
    doc = srxfmt.parse(DEFAULT_SRX.read_bytes())
    sub = srxfmt.parse(srxfmt.serialize(doc, languages=["ru"]))
    assert list(sub.language_rules) == ["ru"]
    assert [m[1] for m in sub.maps] == ["ru"]


def test_user_srx_gives_the_same_split(tmp_path: Path) -> None:
    path = tmp_path / "rules.srx"
    path.write_bytes(DEFAULT_SRX.read_bytes())
    doc = load_srx(path)
    for case in load("news_en")[:20]:
        assert [s.text for s in segment(case["text"], "en", rules=doc)] == \
            [s.text for s in segment(case["text"], "en")]


USER_SRX = """<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
 <header segmentsubflows="yes" cascade="yes"/>
 <body>
  <languagerules>
   <languagerule languagerulename="Default">
    <rule break="no"><beforebreak>\\b(?:Dr|Mr|Adm)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule break="no"><beforebreak>\\b\\p{Lu}\\.</beforebreak><afterbreak>\\s\\p{Lu}</afterbreak></rule>
    <rule break="no"><beforebreak>[Cc]ol\\.{1,2}</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule break="yes"><beforebreak>[\\.\\?!]+</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule break="yes"><beforebreak>:</beforebreak><afterbreak>\\h</afterbreak></rule>
   </languagerule>
  </languagerules>
  <maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules>
 </body>
</srx>
"""


def test_user_srx_with_java_constructs(tmp_path: Path) -> None:
    path = tmp_path / "user.srx"
    path.write_text(USER_SRX, encoding="utf-8")
    doc = load_srx(path)
    seg = Segmenter("de", doc)
    text = "Adm. Kirby spoke: J. Smith agreed. Col. Brown left! Done"
    assert [text[s:e] for s, e in seg.spans(text)] == \
        ["Adm. Kirby spoke:", "J. Smith agreed.", "Col. Brown left!", "Done"]


@pytest.mark.parametrize("content,message", [
    ("not xml", "not well-formed"),
    ('<srx xmlns="urn:other"/>', "not an SRX 2.0 file"),
    (('<srx xmlns="http://www.lisa.org/srx20" version="2.0"><body><languagerules>'
      '<languagerule languagerulename="x"><rule><beforebreak>([</beforebreak></rule></languagerule>'
      '</languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/>'
      '</maprules></body></srx>'), "bad regular expression"),
    (('<srx xmlns="http://www.lisa.org/srx20" version="2.0"><body><languagerules/>'
      '<maprules><languagemap languagepattern=".*" languagerulename="nope"/></maprules></body></srx>'),
     "unknown language rule"),
])
def test_bad_srx_is_a_glossary_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.srx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError, match=message):
        load_srx(path)


def test_missing_srx_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such file"):
        load_srx(tmp_path / "missing.srx")


def _choppa_split(doc, text: str, lang: str) -> list[str]:
    from choppa.iterators import SrxTextIterator

    out: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            out.extend(s.strip() for s in SrxTextIterator(doc, lang, line) if s.strip())
    return out


@pytest.mark.parametrize("name,lang", SETS)
def test_choppa_srx_splits_like_us_with_the_exported_file(name: str, lang: str, tmp_path: Path) -> None:
    """An independent SRX engine (choppa-srx, a port of the Java segment library) loads the
    exported file and, fed line by line (every line break is a paragraph), splits exactly alike."""
    pytest.importorskip("choppa")
    from choppa.srx_parser import SrxDocument

    from glossary.cli import cmd_srx

    out = tmp_path / "exported.srx"
    import argparse

    cmd_srx.run(argparse.Namespace(lang=None, output=str(out)))
    doc = SrxDocument(ruleset=str(out), validate_ruleset=None)
    differ = [c["id"] for c in load(name)
              if _choppa_split(doc, c["text"], lang) != [s.text for s in segment(c["text"], lang)]]
    assert differ == []


def test_choppa_agrees_on_a_user_srx(tmp_path: Path) -> None:
    pytest.importorskip("choppa")
    from choppa.srx_parser import SrxDocument

    path = tmp_path / "user.srx"
    path.write_text(USER_SRX, encoding="utf-8")
    ours = Segmenter("de", load_srx(path))
    theirs = SrxDocument(ruleset=str(path))
    for case in load("golden_rules_en") + load("news_en"):
        text = case["text"]
        assert _choppa_split(theirs, text, "de") == [text[s:e] for s, e in ours.spans(text)], case["id"]


@pytest.mark.client
def test_omegat_segments_the_seed_article_like_us(tmp_path: Path, monkeypatch) -> None:
    """OmegaT 3.6 itself (default segmentation, plain-text filter) cuts the seed article into
    the same 12 segments, so every TMX unit we export is an OmegaT segment."""
    from conftest import require_tool

    monkeypatch.syspath_prepend(str(Path(__file__).parent / "clients"))
    from clientkit import omegat_project, run_omegat_probe

    java = require_tool("java", "default-jre")
    ref = json.loads((DATA / "seed_reference.json").read_text(encoding="utf-8"))
    text = (DATA / ref["file"]).read_text(encoding="utf-8")
    project = omegat_project(tmp_path / "p", "ru", "seed.txt", text)
    report = run_omegat_probe(java, project, tmp_path / "report.json")
    omegat = [s["source"] for s in report["segments"]]
    ours = [s.text for s in segment(text, "en")]
    assert omegat == ours == ref["expected"]
    assert len(ours) == 12
