"""translate-toolkit (pip translate-toolkit) loads the kit's TMX, PO and TBX and finds our text."""

from __future__ import annotations

import pytest

from clientkit import LANGS, SLUG, filled_kit, rows
from conftest import require_module

pytestmark = pytest.mark.client


@pytest.fixture(scope="module")
def storage():
    require_module("translate.storage.tmx", "translate-toolkit")
    from translate.storage import po, tbx, tmx

    return po, tbx, tmx


@pytest.mark.parametrize("lang", LANGS)
def test_ttk_reads_per_pair_tmx(storage, lang):
    _, _, tmx = storage
    path = filled_kit() / "tmx" / f"{SLUG}.en-{lang}.tmx"
    with open(path, "rb") as fh:
        store = tmx.tmxfile.parsefile(fh)
    got = {u.source: u.target for u in store.units}
    approved = rows("sentence", lang, "approved")
    assert got == {r.en: r.text for r in approved}  # pairs only, never a fuzzy one


@pytest.mark.parametrize("lang", LANGS)
def test_ttk_reads_multilingual_tmx(storage, lang):
    _, _, tmx = storage
    with open(filled_kit() / "tmx" / f"{SLUG}.tmx", "rb") as fh:
        store = tmx.tmxfile.parsefile(fh)
    assert store.sourcelanguage == "en"
    by_source = {u.source: u for u in store.units}
    for row in rows("sentence", lang, "approved"):
        assert by_source[row.en].gettarget(lang) == row.text
    for row in rows("sentence", lang, "suggested"):
        assert not by_source[row.en].gettarget(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_ttk_reads_po(storage, lang):
    po, _, _ = storage
    kit = filled_kit()
    for name, kind in ((SLUG, "sentence"), ("glossary", "term")):
        store = po.pofile.parsefile(str(kit / "locales" / lang / "LC_MESSAGES" / f"{name}.po"))
        units = {u.source: u for u in store.units if not u.isheader()}
        for row in rows(kind, lang):
            assert units[row.en].target == row.text
            assert units[row.en].isfuzzy() == (row.state == "suggested")


@pytest.mark.parametrize("lang", LANGS)
def test_ttk_reads_tbx(storage, lang):
    _, tbx, _ = storage
    with open(filled_kit() / "tmx" / "glossary.tbx", "rb") as fh:
        store = tbx.tbxfile.parsefile(fh)
    units = {u.source: u for u in store.units}
    terms = rows("term", lang)
    assert terms
    for row in terms:
        found = units[row.en].get_target_terms(lang)
        assert [t.text for t in found] == [row.text]
        status = found[0].administrative_status
        assert status == ("admittedTerm-admn-sts" if row.state == "suggested"
                          else "preferredTerm-admn-sts")
