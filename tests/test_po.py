import polib

from glossary.formats.po import new_catalog, read_po, render, write_po


def _catalog(lang):
    po = new_catalog("demo", lang)
    po.append(polib.POEntry(msgid="Iran and Belarus signed.", msgstr="", occurrences=[("a.txt", "3")]))
    return po


def test_headers_are_complete_and_from_cldr():
    po = _catalog("fa")
    meta = po.metadata
    assert meta["Language"] == "fa"
    assert meta["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert meta["Project-Id-Version"] == "demo"
    assert meta["X-Generator"].startswith("glossary ")
    data = render(po)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"#, fuzzy" not in data.split(b"\n\n")[0]


def test_template_has_no_language(tmp_path):
    pot = _catalog(None)
    assert pot.metadata["Language"] == ""
    assert "Plural-Forms" not in pot.metadata
    write_po(tmp_path / "demo.pot", pot)
    assert read_po(tmp_path / "demo.pot").metadata["POT-Creation-Date"]


def test_unchanged_catalog_keeps_its_dates_and_bytes(tmp_path):
    path = tmp_path / "ru.po"
    assert write_po(path, _catalog("ru")) is True
    first = path.read_bytes()
    old = read_po(path)
    assert write_po(path, _catalog("ru"), old) is False
    assert path.read_bytes() == first


def test_changed_catalog_keeps_translator_header_fields(tmp_path):
    path = tmp_path / "ru.po"
    write_po(path, _catalog("ru"))
    old = read_po(path)
    old.metadata["Last-Translator"] = "Anna <anna@example.org>"
    old.metadata["PO-Revision-Date"] = "2026-01-02 10:00+0300"
    old.save(str(path))
    fresh = _catalog("ru")
    fresh.append(polib.POEntry(msgid="New sentence.", msgstr=""))
    assert write_po(path, fresh, read_po(path)) is True
    meta = read_po(path).metadata
    assert meta["Last-Translator"] == "Anna <anna@example.org>"
    assert meta["PO-Revision-Date"] == "2026-01-02 10:00+0300"
