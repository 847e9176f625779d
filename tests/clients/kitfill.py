"""Play the translator: fill sentences and terms of a built kit from tests/data/clients/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

DATA = Path(__file__).resolve().parent.parent / "data" / "clients"
TRANSLATIONS = DATA / "seed_translations.tsv"


@dataclass(frozen=True)
class Row:
    kind: str  # "term" | "sentence"
    en: str
    lang: str
    state: str  # "approved" | "suggested"
    text: str


def rows() -> list[Row]:
    out = []
    for line in TRANSLATIONS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(Row(*line.split("\t")))
    return out


def fill(kit: Path, slug: str, langs=("fa", "ru", "be")) -> list[Row]:
    """Write the translations into the kit's PO files (suggested = fuzzy); return those used.

    Rows whose English text is not an entry of the kit (another segmenter or term extractor)
    are skipped, so callers check what was actually filled.
    """
    used = []
    for lang in langs:
        for name, kind in ((slug, "sentence"), ("glossary", "term")):
            path = kit / "locales" / lang / "LC_MESSAGES" / f"{name}.po"
            po = polib.pofile(str(path), wrapwidth=79)
            by_id: dict[str, list[polib.POEntry]] = {}
            for e in po:
                if not e.obsolete:
                    by_id.setdefault(e.msgid, []).append(e)
            for row in rows():
                if row.kind != kind or row.lang != lang or row.en not in by_id:
                    continue
                for e in by_id[row.en]:
                    e.msgstr = row.text
                    if row.state == "suggested" and "fuzzy" not in e.flags:
                        e.flags.append("fuzzy")
                    elif row.state == "approved" and "fuzzy" in e.flags:
                        e.flags.remove("fuzzy")
                used.append(row)
            po.save(str(path))
    return used
