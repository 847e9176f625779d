"""msgmerge semantics: an article edited in three places keeps every translation."""

from __future__ import annotations

import polib

from glossary.cli import main
from glossary.merge import merge
from test_memory import SLUG, po_path, seed_sentences


def _write_article(tmp_path, sentences):
    path = tmp_path / "edited" / f"{SLUG}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    return path


def _translated(po):
    return [e for e in po if e.msgstr.strip()]


def test_article_edited_in_three_places_loses_nothing(kit, tmp_path):
    s = seed_sentences(kit)
    assert len(s) == 12
    for lang in ("ru", "fa"):
        path = po_path(kit, lang)
        po = polib.pofile(str(path), wrapwidth=79)
        for i, e in enumerate(po):
            e.msgstr = f"{lang.upper()}-{i}"
        po.save(str(path))
    before = {lang: {e.msgid: e.msgstr for e in polib.pofile(str(po_path(kit, lang)))}
              for lang in ("ru", "fa")}

    edited = list(s)
    edited[4] = s[4].replace("renewed momentum", "new momentum")
    edited[9] = s[9].replace("a political campaign", "a sustained campaign")
    edited[10] = s[10].replace("Britain, France, and Germany", "the United Kingdom, France, "
                                                               "and Germany")
    removed = edited.pop(5)
    assert removed == s[5]
    assert main(["build", str(_write_article(tmp_path, edited)), "--out", str(kit)]) == 0

    for lang in ("ru", "fa"):
        po = polib.pofile(str(po_path(kit, lang)))
        active = [e for e in po if not e.obsolete]
        obsolete = [e for e in po if e.obsolete]
        fuzzy = [e for e in active if "fuzzy" in e.flags]
        assert sorted((e.msgid, e.previous_msgid) for e in fuzzy) == sorted(
            [(edited[4], s[4]), (edited[8], s[9]), (edited[9], s[10])])
        assert {e.msgid: e.msgstr for e in fuzzy} == {
            edited[4]: before[lang][s[4]], edited[8]: before[lang][s[9]],
            edited[9]: before[lang][s[10]]}
        assert len([e for e in active if e.msgstr and "fuzzy" not in e.flags]) == 8
        assert [(e.msgid, e.msgstr) for e in obsolete] == [(s[5], before[lang][s[5]])]
        # zero translations lost: every old msgstr is still in the file
        kept = sorted(e.msgstr for e in po if e.msgstr)
        assert kept == sorted(before[lang].values())
        assert len(kept) == 12

    # the removed sentence comes back: restored from obsolete, translated, not fuzzy
    edited.insert(5, s[5])
    assert main(["build", str(_write_article(tmp_path, edited)), "--out", str(kit)]) == 0
    for lang in ("ru", "fa"):
        po = polib.pofile(str(po_path(kit, lang)))
        back = po.find(s[5])
        assert back is not None and not back.obsolete
        assert back.msgstr == before[lang][s[5]] and "fuzzy" not in back.flags
        assert not [e for e in po if e.obsolete]
        assert sorted(e.msgstr for e in po if e.msgstr) == sorted(before[lang].values())


def _entry(msgid, msgstr="", **kw):
    return polib.POEntry(msgid=msgid, msgstr=msgstr, **kw)


def _po(*entries):
    po = polib.POFile()
    po.extend(entries)
    return po


def test_merge_unit_semantics():
    old = _po(_entry("Keep me.", "K"),
              _entry("The ministers met in Minsk today.", "M"),
              _entry("Gone and translated.", "G"),
              _entry("Gone untranslated."),
              _entry("Gone with a note.", tcomment="ask the desk"),
              _entry("Back again.", "B", obsolete=True))
    template = [_entry("Keep me."), _entry("The ministers met in Kampala today."),
                _entry("Back again."), _entry("Brand new.")]
    active, gone = merge(template, old)
    by = {e.msgid: e for e in active}
    assert by["Keep me."].msgstr == "K" and not by["Keep me."].flags
    fuzzy = by["The ministers met in Kampala today."]
    assert fuzzy.msgstr == "M" and fuzzy.flags == ["fuzzy"]
    assert fuzzy.previous_msgid == "The ministers met in Minsk today."
    assert by["Back again."].msgstr == "B" and not by["Back again."].obsolete
    assert by["Brand new."].msgstr == "" and not by["Brand new."].flags
    assert [(e.msgid, e.obsolete) for e in gone] == [("Gone and translated.", True),
                                                     ("Gone with a note.", True)]


def test_merge_gives_each_old_translation_to_its_closest_new_sentence():
    old = _po(_entry("Iran and Belarus signed a deal on trade in Minsk .", "OLD"))
    template = [_entry("Iran and Belarus signed a deal on trade in Baku today ."),
                _entry("Iran and Belarus signed a deal on trade in Kampala .")]
    active, gone = merge(template, old)
    assert [e.msgstr for e in active] == ["", "OLD"]
    assert active[1].previous_msgid == "Iran and Belarus signed a deal on trade in Minsk ."
    assert gone == []


def test_merge_below_threshold_makes_obsolete():
    old = _po(_entry("A completely different sentence about weather.", "W"))
    active, gone = merge([_entry("Talks in Minsk.")], old)
    assert active[0].msgstr == "" and [e.msgid for e in gone] == [
        "A completely different sentence about weather."]
