"""gettext PO/POT: catalogs with CLDR headers, strict reading, atomic byte-stable writing.

polib is the codec; merging lives in :mod:`glossary.merge`.
"""

from __future__ import annotations

import os
from pathlib import Path

import polib

from glossary import __version__
from glossary.errors import GlossaryError
from glossary.langs import english_name, plural_forms
from glossary.stamp import write_stamped

PO_DATE = "%Y-%m-%d %H:%M+0000"
WRAP = 79


def new_catalog(project: str, lang: str | None) -> polib.POFile:
    """An empty catalog with a complete header; ``lang=None`` makes a template (POT)."""
    po = polib.POFile(wrapwidth=WRAP, check_for_duplicates=False)
    po.header = (f"{project}: {'translations into ' + english_name(lang) if lang else 'template'}"
                 " made by glossary from English diplomatic news.")
    meta = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "",
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": f"{english_name(lang)} <{lang}@glossary>" if lang else "",
        "Language": lang or "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(lang) if lang else "nplurals=2; plural=(n != 1);",
        "X-Generator": f"glossary {__version__}",
    }
    if lang is None:
        del meta["PO-Revision-Date"], meta["Language-Team"], meta["Last-Translator"]
        del meta["Plural-Forms"]
    po.metadata = meta
    return po


def read_po(path: str | os.PathLike[str]) -> polib.POFile | None:
    """The catalog at ``path``, or None if there is none; a GlossaryError if it is broken."""
    p = Path(path)
    if not p.exists():
        return None
    try:
        return polib.pofile(str(p), encoding="utf-8", wrapwidth=WRAP, check_for_duplicates=False)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"cannot read catalog: {exc}".splitlines()[0], str(p)) from None


def render(po: polib.POFile) -> bytes:
    """The catalog as UTF-8 bytes without a BOM, ending in one newline."""
    return (str(po).rstrip("\n") + "\n").encode("utf-8")


def write_po(path: str | os.PathLike[str], po: polib.POFile,
             old: polib.POFile | None = None) -> bool:
    """Write atomically; keep ``old``'s creation date (and revision date) if nothing else changed."""
    old_meta = old.metadata if old is not None else {}
    translator_keys = ("PO-Revision-Date", "Last-Translator", "Language-Team")
    for key in translator_keys:  # a translator's header fields are theirs
        if key in po.metadata and old_meta.get(key):
            po.metadata[key] = old_meta[key]

    def with_stamp(stamp: str) -> bytes:
        po.metadata["POT-Creation-Date"] = stamp
        if "PO-Revision-Date" in po.metadata and not old_meta.get("PO-Revision-Date"):
            po.metadata["PO-Revision-Date"] = stamp
        return render(po)

    return write_stamped(path, with_stamp, old_meta.get("POT-Creation-Date"), PO_DATE)
