"""Progress per catalog: entries and words translated, fuzzy and untranslated.

Words are counted on the source (msgid) as CAT tools and pocount do: a word is a run of letters
or digits, with inner apostrophes, periods and hyphens kept (``Non-Aligned``, ``U.S.``,
``Pezeshkian’s``: one word each); punctuation marks are not words (see
:func:`glossary.similarity.words`). Obsolete entries and the header are not counted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.formats.po import read_po
from glossary.similarity import words


@dataclass
class CatalogStats:
    article: str
    lang: str
    translated: tuple[int, int] = (0, 0)
    fuzzy: tuple[int, int] = (0, 0)
    untranslated: tuple[int, int] = (0, 0)

    @property
    def total(self) -> tuple[int, int]:
        return (self.translated[0] + self.fuzzy[0] + self.untranslated[0],
                self.translated[1] + self.fuzzy[1] + self.untranslated[1])

    def to_json(self) -> dict:
        def pair(v: tuple[int, int]) -> dict:
            return {"entries": v[0], "words": v[1]}
        return {"article": self.article, "lang": self.lang, "translated": pair(self.translated),
                "fuzzy": pair(self.fuzzy), "untranslated": pair(self.untranslated),
                "total": pair(self.total)}


def _add(pair: tuple[int, int], n: int) -> tuple[int, int]:
    return (pair[0] + 1, pair[1] + n)


def catalog_stats(out: str | os.PathLike[str]) -> list[CatalogStats]:
    """One row per ``locales/<lang>/LC_MESSAGES/<article>.po``, sorted by article then language."""
    root = Path(out) / "locales"
    paths = sorted(root.glob("*/LC_MESSAGES/*.po"), key=lambda p: (p.stem, p.parent.parent.name))
    if not paths:
        raise GlossaryError("no catalogs found (run glossary build first)", str(root))
    rows = []
    for path in paths:
        po = read_po(path)
        row = CatalogStats(path.stem, path.parent.parent.name)
        for e in po:
            if e.obsolete or not e.msgid:
                continue
            n = words(e.msgid) + (words(e.msgid_plural) if e.msgid_plural else 0)
            done = (any(v.strip() for v in e.msgstr_plural.values()) if e.msgstr_plural
                    else bool(e.msgstr.strip()))
            if done and "fuzzy" in e.flags:
                row.fuzzy = _add(row.fuzzy, n)
            elif done:
                row.translated = _add(row.translated, n)
            else:
                row.untranslated = _add(row.untranslated, n)
        rows.append(row)
    return rows
