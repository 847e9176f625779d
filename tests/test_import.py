"""``glossary import``: untrusted TMX (entities refused), idempotence, TMX 1.1, malformed units."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_memory import cat_tmx, fill, memory_dump, po_path, seed_sentences

from glossary import memory
from glossary.cli import main
from glossary.formats.tmx import TmxReadStats, iter_tmx

DATA = Path(__file__).resolve().parent / "data" / "memory"


@pytest.fixture
def filled_kit(kit, tmp_path):
    """A kit whose memory already holds PO translations and an imported TMX."""
    s = seed_sentences(kit)
    fill(kit, "ru", [0, 1], "RU")
    assert main(["import", str(cat_tmx(tmp_path / "cat.tmx", [(s[2], "CAT-2")])),
                 "--out", str(kit)]) == 0
    return kit


@pytest.mark.parametrize("name, words", [("billion_laughs.tmx", "entity declaration 'lol'"),
                                         ("external_entity.tmx", "external entity 'xxe'")])
def test_entity_declarations_refused_memory_unchanged(filled_kit, capsys, name, words):
    before = memory_dump(filled_kit)
    assert before and before[1]
    copies = sorted((filled_kit / "tmx" / "memory" / "imported").iterdir())
    capsys.readouterr()
    assert main(["import", str(DATA / name), "--out", str(filled_kit)]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1, captured.err
    assert err[0].startswith("glossary: error: ") and name in err[0] and words in err[0]
    assert "refused" in err[0]
    assert captured.out == ""
    assert memory_dump(filled_kit) == before
    assert sorted((filled_kit / "tmx" / "memory" / "imported").iterdir()) == copies


def test_entity_file_refused_even_with_good_files_first(filled_kit, capsys):
    before = memory_dump(filled_kit)
    args = ["import", str(DATA / "tmx11_lang_attr.tmx"), str(DATA / "billion_laughs.tmx"),
            "--out", str(filled_kit)]
    assert main(args) == 2
    assert memory_dump(filled_kit) == before


def test_reader_refuses_entities_directly():
    from glossary.errors import GlossaryError

    for name in ("billion_laughs.tmx", "external_entity.tmx"):
        with pytest.raises(GlossaryError, match="refused"):
            list(iter_tmx(DATA / name))


def test_import_is_idempotent(kit, capsys):
    tmx = DATA / "tmx11_lang_attr.tmx"
    assert main(["import", str(tmx), "--out", str(kit)]) == 0
    first = capsys.readouterr().out
    assert "2 unit(s) read: 2 new segment(s), 2 new translation(s)" in first
    dump = memory_dump(kit)
    assert main(["import", str(tmx), "--out", str(kit)]) == 0
    assert "2 unit(s) read: 0 new segment(s), 0 new translation(s)" in capsys.readouterr().out
    assert memory_dump(kit) == dump
    assert len(list((kit / "tmx" / "memory" / "imported").iterdir())) == 1


def test_tmx_11_lang_attribute_and_inline_tags(kit):
    stats = TmxReadStats()
    units = list(iter_tmx(DATA / "tmx11_lang_attr.tmx", "en", stats))
    assert stats.version == "1.1" and stats.inline == 1
    assert [(u.source.text, [(v.lang, v.text) for v in u.targets]) for u in units] == [
        ("The ministers met in Minsk.", [("RU-RU", "Министры встретились в Минске.")]),
        ("The talks were held in Kampala.", [("RU-RU", "Переговоры прошли в Кампале.")])]
    assert main(["import", str(DATA / "tmx11_lang_attr.tmx"), "--out", str(kit)]) == 0
    assert memory.lookup(kit, "The talks were held in Kampala.", "ru")[0].text == \
        "Переговоры прошли в Кампале."


def test_malformed_units_are_skipped_and_counted(tmp_path, capsys):
    kit = tmp_path / "empty_project"
    assert main(["import", str(DATA / "malformed_units.tmx"), "--out", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "2 unit(s) read: 2 new segment(s), 3 new translation(s)" in out
    for reason in ("1 (no source-language variant)", "1 (tuv without seg or language)",
                   "1 (empty source)", "1 (no translation)"):
        assert reason in out
    store = memory.open_memory(kit)
    try:
        counts = store.counts()
    finally:
        store.close()
    assert counts == {"segments": 2, "fa": 1, "ru": 2}


def test_not_well_formed_tmx_is_one_line_exit_2(kit, tmp_path, capsys):
    bad = tmp_path / "broken.tmx"
    bad.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>'
                   '<tu><tuv xml:lang="en"><seg>x</seg></tuv>', encoding="utf-8")
    assert main(["import", str(bad), "--out", str(kit)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not well-formed" in err[0]


def test_unknown_file_type_and_missing_file(kit, tmp_path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert main(["import", str(other), "--out", str(kit)]) == 2
    assert main(["import", str(tmp_path / "missing.tmx"), "--out", str(kit)]) == 2


def test_import_filled_po_catalog(kit, tmp_path, capsys):
    s = seed_sentences(kit)
    fill(kit, "fa", [0, 3], "FA")
    outside = tmp_path / "from_translator.po"
    shutil.copy(po_path(kit, "fa"), outside)
    other = tmp_path / "other_kit"
    other.mkdir()
    assert main(["import", str(outside), "--out", str(other)]) == 0
    assert "2 new translation(s)" in capsys.readouterr().out
    assert memory.lookup(other, s[3], "fa")[0].text == "FA-3"


def test_large_tmx_through_the_reader_process(kit, tmp_path, monkeypatch, capsys):
    """Files above the in-process limit are parsed by a second process: same result."""
    from glossary.memory import reader

    monkeypatch.setattr(reader, "IN_PROCESS_BELOW", 0)
    pairs = [(f"Sentence number {i} about the talks.", f"Предложение {i}.") for i in range(300)]
    assert main(["import", str(cat_tmx(tmp_path / "big.tmx", pairs)), "--out", str(kit),
                 "--no-export"]) == 0
    assert "300 unit(s) read: 300 new segment(s), 300 new translation(s)" in \
        capsys.readouterr().out
    assert memory.lookup(kit, "Sentence number 17 about the talks.", "ru")[0].text == \
        "Предложение 17."
    assert main(["import", str(DATA / "billion_laughs.tmx"), "--out", str(kit)]) == 2


# ------------------------------------------------------------------ the expat reader


def _rows(fn, path, **kw):
    from glossary.formats import tmx

    stats = tmx.TmxReadStats()
    rows = list(fn(path, "en", stats, **kw))
    return rows, (stats.version, stats.srclang, stats.units, dict(stats.skipped), stats.inline)


EXPECTED_INLINE_PROPS = [
    ("Hello bright deep world ending & <raw>",
     [("ru", "Привет мир", "memory"), ("en", "second english", ""), ("FA", "سلام", "")], "art"),
    ("b", [("ru", "б", "")], ""),
    ("q", [("ru", "й", "")], "later")]


def test_expat_reader_matches_the_lxml_reader(tmp_path):
    """Inline markup (hi kept, native codes and sub dropped), comments, CDATA, props with
    markup, several segs, tuvs without seg or language: the same rows and statistics."""
    from glossary.formats import tmx

    path = DATA / "inline_props.tmx"
    ours = _rows(tmx.iter_tmx_rows, path)
    assert ours == _rows(tmx._iter_rows_lxml, path)
    assert ours[0] == EXPECTED_INLINE_PROPS
    assert ours[1] == ("1.4b", "en-GB", 3, {"tuv without seg or language": 1}, 1)
    text = path.read_text(encoding="utf-8")
    for enc in ("UTF-16", "windows-1251", "Shift_JIS"):  # the last one read by lxml
        other = tmp_path / f"{enc}.tmx"
        body = text.replace('encoding="UTF-8"', f'encoding="{enc}"')
        if enc != "UTF-16":
            body = body.replace("سلام", "salam")
        if enc == "Shift_JIS":
            body = body.translate(str.maketrans("Привет мирбй", "Privet mirbj"))
        other.write_text(body, encoding=enc)
        assert _rows(tmx.iter_tmx_rows, other) == _rows(tmx._iter_rows_lxml, other)


def test_expat_reader_limits_text_and_refuses_entities(tmp_path, monkeypatch):
    from glossary.errors import GlossaryError
    from glossary.formats import tmx

    monkeypatch.setattr(tmx, "_MAX_TEXT", 1000)
    monkeypatch.setattr(tmx, "_READ_BLOCK", 256)  # a text longer than a block grows in parts
    big = cat_tmx(tmp_path / "big.tmx", [("x " * 2000, "y")])
    with pytest.raises(GlossaryError, match="exceeds 1000 characters"):
        list(tmx.iter_tmx_rows(big, checked=True))
    with pytest.raises(GlossaryError, match="refused"):  # even when check_tmx was skipped
        list(tmx.iter_tmx_rows(DATA / "billion_laughs.tmx", checked=True))
    deep = tmp_path / "deep.tmx"
    deep.write_text('<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>'
                    + "<hi>" * 300 + "x" + "</hi>" * 300 + "</seg></tuv></tu></body></tmx>",
                    encoding="utf-8")
    with pytest.raises(GlossaryError, match="nested deeper than 256"):
        list(tmx.iter_tmx_rows(deep, checked=True))
    # a million units do not add up to a deep document
    many = cat_tmx(tmp_path / "many.tmx", [(f"s{i}", f"t{i}") for i in range(600)])
    assert len(list(tmx.iter_tmx_rows(many))) == 600


# ------------------------------------------------------------------ two reader processes


def _split_everything(monkeypatch) -> None:
    from glossary.memory import reader

    monkeypatch.setattr(reader, "IN_PROCESS_BELOW", 0)
    monkeypatch.setattr(reader, "SPLIT_ABOVE", 0)


def _memory_content(kit: Path) -> tuple[list, list]:
    segments, translations, _ = memory_dump(kit)
    by_id = {i: source for i, _, source in segments}
    return (sorted(source for _, _, source in segments),
            sorted((by_id[row[0]],) + tuple(row[1:3]) for row in translations))


PAIRS = [(f"Sentence number {i} about the talks.", f"Предложение {i}.") for i in range(400)]


def test_two_readers_import_exactly_what_one_reads(kit, tmp_path, monkeypatch, capsys):
    """A big file is read by two processes, one per half: the memory holds the same segments
    and translations as after an in-process read, and every unit is counted once."""
    from glossary.memory import reader

    path = cat_tmx(tmp_path / "big.tmx", PAIRS)
    cut = reader.split_point(path)
    data = path.read_bytes()
    assert cut and len(data) // 2 <= cut < len(data) and data[cut:cut + 4] == b"<tu>"
    one = tmp_path / "one"
    shutil.copytree(kit, one)
    assert main(["import", str(path), "--out", str(one), "--no-export"]) == 0  # in-process
    capsys.readouterr()
    _split_everything(monkeypatch)
    assert main(["import", str(path), "--out", str(kit), "--no-export"]) == 0
    assert "400 unit(s) read: 400 new segment(s), 400 new translation(s)" in \
        capsys.readouterr().out
    assert _memory_content(kit) == _memory_content(one)


def test_split_refused_when_a_comment_could_hide_the_cut(kit, tmp_path, monkeypatch, capsys):
    """A comment in the body before the cut (here one holding a whole fake unit right at the
    middle) makes the second reader read nothing: the first reads on, the fake unit stays a
    comment."""
    from glossary.memory import reader

    path = cat_tmx(tmp_path / "commented.tmx", PAIRS)
    text = path.read_text(encoding="utf-8")
    middle = text.index("<tu>", len(text) // 2)
    fake = ('<!-- <tu><tuv xml:lang="en-US"><seg>Fake unit.</seg></tuv>'
            '<tuv xml:lang="ru"><seg>Подделка.</seg></tuv></tu> -->\n    ')
    text = text[:middle - 200] + text[middle - 200:].replace("<tu>", fake + "<tu>", 1)
    path.write_text(text, encoding="utf-8")
    assert path.read_bytes()[reader.split_point(path):].startswith(b"<tu>")
    _split_everything(monkeypatch)
    assert main(["import", str(path), "--out", str(kit), "--no-export"]) == 0
    assert "400 unit(s) read: 400 new segment(s), 400 new translation(s)" in \
        capsys.readouterr().out
    assert "Fake unit." not in _memory_content(kit)[0]


def test_split_error_in_the_second_half_names_the_real_line(kit, tmp_path, monkeypatch,
                                                              capsys):
    path = cat_tmx(tmp_path / "broken.tmx", PAIRS)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = max(i for i, line in enumerate(lines, 1) if "<seg>" in line)  # in the second half
    lines[bad - 1] = lines[bad - 1].replace("<seg>", "<seg><b>", 1)
    path.write_text("".join(lines), encoding="utf-8")
    assert main(["import", str(path), "--out", str(kit), "--no-export"]) == 2  # in-process
    alone = capsys.readouterr().err.strip()
    _split_everything(monkeypatch)
    assert main(["import", str(path), "--out", str(kit), "--no-export"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f":{bad}:" in err and "mismatched tag" in err
    assert err == alone


def test_no_split_for_files_not_in_utf8(tmp_path):
    from glossary.memory import reader

    path = cat_tmx(tmp_path / "big.tmx", PAIRS)
    utf16 = tmp_path / "utf16.tmx"
    utf16.write_bytes(path.read_text(encoding="utf-8").replace(
        'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    latin = tmp_path / "latin.tmx"
    latin.write_bytes(path.read_bytes().replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'))
    assert reader.split_point(path) is not None
    assert reader.split_point(utf16) is None and reader.split_point(latin) is None
