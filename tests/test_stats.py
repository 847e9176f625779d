"""``glossary stats``: entries and words translated, fuzzy and untranslated per catalog."""

from __future__ import annotations

import json
import re

import polib

from glossary.cli import main
from test_memory import SLUG, fill, po_path, seed_sentences


def _words(text):  # the documented rule, written independently
    return len(re.findall(r"\w+(?:[’'.-]\w+)*", text))


def test_stats_counts_entries_and_words(kit, capsys):
    s = seed_sentences(kit)
    fill(kit, "ru", [0, 1, 2], "RU")
    path = po_path(kit, "ru")
    po = polib.pofile(str(path), wrapwidth=79)
    po[2].flags.append("fuzzy")
    po.save(str(path))
    capsys.readouterr()
    assert main(["stats", "--out", str(kit), "--format", "json"]) == 0
    rows = {(r["article"], r["lang"]): r for r in json.loads(capsys.readouterr().out)}
    ru = rows[(SLUG, "ru")]
    total = sum(_words(x) for x in s)
    assert ru["translated"] == {"entries": 2, "words": _words(s[0]) + _words(s[1])}
    assert ru["fuzzy"] == {"entries": 1, "words": _words(s[2])}
    assert ru["untranslated"] == {"entries": 9, "words": total - sum(_words(x) for x in s[:3])}
    assert ru["total"] == {"entries": 12, "words": total}
    assert rows[(SLUG, "fa")]["translated"] == {"entries": 0, "words": 0}
    assert ("glossary", "be") in rows

    assert main(["stats", "--out", str(kit)]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].split() == ["article", "lang", "translated", "fuzzy", "untranslated", "total"]
    line = next(x for x in text if x.startswith(SLUG) and " ru " in x)
    assert line.split()[2:] == [f"2/{_words(s[0]) + _words(s[1])}", f"1/{_words(s[2])}",
                                f"9/{ru['untranslated']['words']}", f"12/{total}"]


def test_stats_without_catalogs_is_one_line_exit_2(tmp_path, capsys):
    assert main(["stats", "--out", str(tmp_path)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
