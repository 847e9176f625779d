"""``glossary tm lookup``: matches with scores, sources and provenance."""

from __future__ import annotations

from pathlib import Path

from glossary.cli import main

DATA = Path(__file__).resolve().parent / "data" / "memory"


def test_tm_lookup_prints_scored_matches(kit, capsys):
    assert main(["import", str(DATA / "tmx11_lang_attr.tmx"), "--out", str(kit)]) == 0
    capsys.readouterr()
    assert main(["tm", "lookup", "The ministers met in Kampala.", "--lang", "ru",
                 "--out", str(kit)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == " 83%  Министры встретились в Минске."
    assert out[1] == "      source: The ministers met in Minsk."
    assert out[2].startswith("      from: cat, ") and out[2].endswith("tmx11_lang_attr.tmx")

    assert main(["tm", "lookup", "The ministers met in Minsk.", "--lang", "ru",
                 "--out", str(kit), "--min", "50", "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "100%  Министры встретились в Минске." and len(out) == 3


def test_tm_lookup_no_match_and_bad_options(kit, capsys):
    assert main(["tm", "lookup", "Nothing like this.", "--lang", "ru", "--out", str(kit)]) == 1
    assert "no match at or above 75%" in capsys.readouterr().err
    assert main(["tm", "lookup", "x", "--lang", "ru", "--min", "120", "--out", str(kit)]) == 2
    assert main(["tm", "lookup", "x", "--lang", "xx-nope", "--out", str(kit)]) == 2


def test_tm_lookup_uses_current_folder_by_default(kit, capsys, monkeypatch):
    assert main(["import", str(DATA / "tmx11_lang_attr.tmx"), "--out", str(kit)]) == 0
    monkeypatch.chdir(kit)
    capsys.readouterr()
    assert main(["tm", "lookup", "The ministers met in Minsk.", "--lang", "ru"]) == 0
    assert capsys.readouterr().out.startswith("100%")
