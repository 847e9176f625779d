"""TBX term bases: TBX-Basic in TBX v2 form (``<martif>``) for CAT tools, TBX v3 on request.

Which flavour to ship was measured with real clients (OmegaT 3.6, translate-toolkit 3.20):
both read only TBX v2 (ISO 30042:2008, ``<martif>`` without a namespace). TBX v3
(ISO 30042:2019, ``<tbx xmlns="urn:iso:std:iso:30042:ed-2">``, TBX-Basic dialect, DCA style)
is written only when asked for (``glossary export --format tbx --tbx-version 3``).

Shape of one concept (v2 names; v3 uses ``conceptEntry``/``langSec``/``termSec``)::

    <termEntry id="glossary-location-…">
      <descrip type="subjectField">location</descrip>        category of the term
      <langSet xml:lang="en"><tig>
        <term>Iran</term>
        <termNote type="partOfSpeech">noun</termNote>
        <descrip type="context">Iran, Belarus Pledge …</descrip>   first sentence it occurs in
      </tig><tig>… <termNote type="termType">variant</termNote> …</tig></langSet>
      <langSet xml:lang="ru"><tig>
        <term>Иран</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>  approved
        <termNote type="partOfSpeech">noun</termNote>
        <admin type="source">CLDR</admin>                     when not from a translator
      </tig></langSet>
    </termEntry>

A suggested (fuzzy) translation is ``admittedTerm-admn-sts`` with ``<note>suggested …</note>``;
an empty one gets no ``langSet``. Only TBX-Basic data categories and picklist values are used
(``descrip``: subjectField at entry level, context at term level; ``termNote``:
administrativeStatus, partOfSpeech, termType; ``admin``: source). The file carries no date, so
a rebuild with the same content gives the same bytes and :func:`write_tbx` leaves it alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence

from lxml import etree

from glossary import __version__
from glossary.errors import GlossaryError
from glossary.fileio import atomic_write
from glossary.model import Origin, State, Translation, Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
V2_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
# OmegaT joins the notes of every langSet into one comment: say which language a note is about
SUGGESTED_NOTE = "suggested {lang} translation (fuzzy in the glossary catalog), not yet approved"
ORIGIN_SOURCE = {Origin.CLDR: "CLDR", Origin.MEMORY: "translation memory"}
_SOURCE_ORIGIN = {v: k for k, v in ORIGIN_SOURCE.items()}
_ID_BAD = re.compile(r"[^\w.-]")


class _Names:
    """Element names of one TBX flavour."""

    def __init__(self, version: int) -> None:
        ns = f"{{{TBX3_NS}}}" if version == 3 else ""
        self.ns = ns
        self.entry = ns + ("conceptEntry" if version == 3 else "termEntry")
        self.lang = ns + ("langSec" if version == 3 else "langSet")
        self.term_group = ns + ("termSec" if version == 3 else "tig")

    def __call__(self, local: str) -> str:
        return self.ns + local


def _xml_id(uid: str, seen: set[str]) -> str:
    """``uid`` as an XML ID (NCName), made unique within the file."""
    base = _ID_BAD.sub("-", uid) or "term"
    if not (base[0].isalpha() or base[0] == "_"):
        base = "t-" + base
    out, n = base, 1
    while out in seen:
        n += 1
        out = f"{base}-{n}"
    seen.add(out)
    return out


def _sub(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    el.text = text
    return el


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tig(n: _Names, lang_el: etree._Element, term: str, *, status: str | None = None,
         term_type: str | None = None, context: str = "",
         tr: Translation | None = None) -> None:
    tig = etree.SubElement(lang_el, n.term_group)
    _sub(tig, n("term"), term)
    # termNotes come first (DTD: tig = term, termNote*, auxInfo)
    if status:
        _sub(tig, n("termNote"), status, type="administrativeStatus")
    _sub(tig, n("termNote"), "noun", type="partOfSpeech")
    if term_type:
        _sub(tig, n("termNote"), term_type, type="termType")
    if context:
        _sub(tig, n("descrip"), context, type="context")
    if tr is not None and tr.origin in ORIGIN_SOURCE:
        _sub(tig, n("admin"), ORIGIN_SOURCE[tr.origin], type="source")
    if tr is not None and tr.state is State.SUGGESTED:
        _sub(tig, n("note"), SUGGESTED_NOTE.format(lang=tr.lang))


def _body(n: _Names, body: etree._Element, units: Sequence[Unit], langs: Sequence[str],
          srclang: str, variants: Mapping[str, Sequence[str]]) -> None:
    seen: set[str] = set()
    for unit in units:
        entry = etree.SubElement(body, n.entry, id=_xml_id(unit.uid, seen))
        if unit.category:
            _sub(entry, n("descrip"), unit.category, type="subjectField")
        src = etree.SubElement(entry, n.lang, {XML_LANG: srclang})
        _tig(n, src, unit.source, context=_one_line(unit.context))
        for variant in variants.get(unit.uid, ()):
            if variant.strip() and variant != unit.source:
                _tig(n, src, variant, term_type="variant")
        for lang in langs:
            tr = unit.translations.get(lang)
            if tr is None or not tr.text.strip() or tr.state is State.EMPTY:
                continue
            lang_el = etree.SubElement(entry, n.lang, {XML_LANG: lang})
            _tig(n, lang_el, tr.text.strip(),
                 status=PREFERRED if tr.state is State.APPROVED else ADMITTED, tr=tr)


def render_tbx(units: Sequence[Unit], langs: Sequence[str], srclang: str = "en",
               version: int = 2, variants: Mapping[str, Sequence[str]] | None = None) -> bytes:
    """TBX bytes: one entry per unit with its source term and each non-empty translation.

    ``variants`` maps a unit's uid to other source-language forms (written as extra terms
    with ``termType`` variant). Raises GlossaryError when there is no unit at all, since an
    empty TBX body is invalid.
    """
    if version not in (2, 3):
        raise GlossaryError(f"unknown TBX version {version!r} (use 2 or 3)")
    if not units:
        raise GlossaryError("the glossary has no terms: nothing to write as TBX")
    n = _Names(version)
    title = f"glossary: {srclang} terms with {', '.join(langs)} translations"
    desc = (f"Written by glossary {__version__} from the glossary catalogs "
            f"(locales/<lang>/LC_MESSAGES/glossary.po). Approved translations are "
            f"{PREFERRED}; suggested (fuzzy) ones are {ADMITTED} with a note; "
            f"subjectField holds the term category.")
    if version == 2:
        root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: srclang})
        header = etree.SubElement(root, "martifHeader")
        file_desc = etree.SubElement(header, "fileDesc")
        _sub(etree.SubElement(file_desc, "titleStmt"), "title", title)
        _sub(etree.SubElement(file_desc, "sourceDesc"), "p", desc)
        _sub(etree.SubElement(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    else:
        root = etree.Element(n("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: srclang},
                             nsmap={None: TBX3_NS})
        header = etree.SubElement(root, n("tbxHeader"))
        file_desc = etree.SubElement(header, n("fileDesc"))
        _sub(etree.SubElement(file_desc, n("titleStmt")), n("title"), title)
        _sub(etree.SubElement(file_desc, n("sourceDesc")), n("p"), desc)
    body = etree.SubElement(etree.SubElement(root, n("text")), n("body"))
    _body(n, body, units, langs, srclang, variants or {})
    etree.indent(root, space="  ")
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    if version == 2:
        head += V2_DOCTYPE.encode("ascii") + b"\n"
    return head + etree.tostring(root, encoding="UTF-8") + b"\n"


def write_tbx(path: str | os.PathLike[str], units: Sequence[Unit], langs: Sequence[str],
              srclang: str = "en", version: int = 2,
              variants: Mapping[str, Sequence[str]] | None = None) -> bool:
    """Write the TBX atomically; return False when the file already had these bytes."""
    return atomic_write(path, render_tbx(units, langs, srclang, version, variants))


# ---------------------------------------------------------------- reading


def _text(el: etree._Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def read_tbx(path: str | os.PathLike[str], srclang: str = "en") -> list[Unit]:
    """The entries of a TBX v2 or v3 file as Units (first ``srclang`` term = source).

    Administrative status maps back to the workflow state: preferred (or none) = approved,
    admitted = suggested; ``admin type="source"`` CLDR / translation memory gives the origin.
    """
    try:
        root = etree.parse(os.fspath(path), etree.XMLParser(resolve_entities=False,
                                                            no_network=True)).getroot()
    except OSError as exc:
        raise GlossaryError(f"cannot read TBX: {exc}", os.fspath(path)) from None
    except etree.XMLSyntaxError as exc:
        raise GlossaryError(f"not well-formed TBX: {exc}", os.fspath(path)) from None
    if root.tag == "martif":
        n = _Names(2)
    elif root.tag == f"{{{TBX3_NS}}}tbx":
        n = _Names(3)
    else:
        raise GlossaryError(f"not a TBX file (root element {root.tag})", os.fspath(path))
    units = []
    for entry in root.iter(n.entry):
        category = _text(entry.find(f"{n('descrip')}[@type='subjectField']"))
        source, context, translations = "", "", {}
        for lang_el in entry.findall(n.lang):
            lang = lang_el.get(XML_LANG, "")
            tig = lang_el.find(n.term_group)
            if tig is None:
                continue
            term = _text(tig.find(n("term")))
            if lang.split("-")[0].lower() == srclang.split("-")[0].lower():
                if not source:
                    source = term
                    context = _text(tig.find(f"{n('descrip')}[@type='context']"))
                continue
            status = _text(tig.find(f"{n('termNote')}[@type='administrativeStatus']"))
            origin = _SOURCE_ORIGIN.get(_text(tig.find(f"{n('admin')}[@type='source']")),
                                        Origin.TRANSLATOR)
            state = State.SUGGESTED if status == ADMITTED else State.APPROVED
            if term and lang not in translations:
                translations[lang] = Translation(term, lang, state, origin)
        if source:
            units.append(Unit(entry.get("id", ""), source, context=context, category=category,
                              translations=translations))
    return units
