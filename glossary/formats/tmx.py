"""TMX 1.4b: multilingual or per-pair memories that OmegaT, Trados and memoQ import.

Written incrementally with ``lxml.etree.xmlfile`` (large memories never sit in memory twice).
Rules from real-client tests: ``srclang`` always set, plain BCP 47 ``xml:lang``, no empty
``<seg>`` (OmegaT would insert an empty translation), only approved translations, no inline
tags, ``segtype="sentence"``.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence

from lxml import etree

from glossary import __version__
from glossary.model import Unit
from glossary.stamp import write_stamped

TMX_DATE = "%Y%m%dT%H%M%SZ"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STAMP = re.compile(rb'<header\b[^>]*\bcreationdate="([0-9TZ]+)"')


def _prop(xf: etree.xmlfile, kind: str, value: str) -> None:
    with xf.element("prop", type=kind):
        xf.write(value)


def render_tmx(units: Iterable[Unit], langs: Sequence[str], stamp: str,
               srclang: str = "en") -> bytes:
    """TMX bytes: one ``<tu>`` per unit, the source ``<tuv>`` plus each usable translation."""
    out = io.BytesIO()
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xf.element("tmx", version="1.4"):
            xf.write("\n")
            xf.write(etree.Element("header", {
                "creationtool": "glossary", "creationtoolversion": __version__,
                "segtype": "sentence", "o-tmf": "glossary", "adminlang": "en",
                "srclang": srclang, "datatype": "plaintext", "creationdate": stamp}))
            xf.write("\n")
            with xf.element("body"):
                xf.write("\n")
                for unit in units:
                    tu = etree.Element("tu", tuid=unit.uid)
                    if unit.article:
                        etree.SubElement(tu, "prop", type="x-article").text = unit.article
                    if unit.category:
                        etree.SubElement(tu, "prop", type="x-category").text = unit.category
                    if unit.context:
                        etree.SubElement(tu, "note").text = unit.context
                    tuv = etree.SubElement(tu, "tuv", {XML_LANG: srclang})
                    etree.SubElement(tuv, "seg").text = unit.source
                    for lang in langs:
                        tr = unit.translations.get(lang)
                        if tr is None or not tr.usable:
                            continue
                        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                        etree.SubElement(tuv, "prop", type="x-origin").text = tr.origin.value
                        etree.SubElement(tuv, "seg").text = tr.text
                    xf.write(tu)
                    xf.write("\n")
    return out.getvalue() + b"\n"


def existing_stamp(path: str | os.PathLike[str]) -> str | None:
    """The ``creationdate`` of the TMX already at ``path``, if any."""
    try:
        with open(path, "rb") as fh:
            m = _STAMP.search(fh.read(4096))
    except OSError:
        return None
    return m.group(1).decode("ascii") if m else None


def write_tmx(path: str | os.PathLike[str], units: Sequence[Unit], langs: Sequence[str],
              srclang: str = "en") -> bool:
    """Write the TMX atomically; unchanged content keeps the old file byte for byte."""
    return write_stamped(path, lambda stamp: render_tmx(units, langs, stamp, srclang),
                         existing_stamp(path), TMX_DATE)
