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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import BinaryIO

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


@contextmanager
def tmx_body(out: BinaryIO, stamp: str, srclang: str = "en") -> Iterator[etree.xmlfile]:
    """Write a TMX 1.4b document to ``out`` around the ``with`` block: the XML declaration, the
    doctype, ``<tmx>``, our ``<header>`` and ``<body>``; the block writes the ``<tu>`` elements
    through the yielded ``xmlfile`` (one per line). Shared by the build's TMX and the memory
    export."""
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
                yield xf
    out.write(b"\n")


def render_tmx(units: Iterable[Unit], langs: Sequence[str], stamp: str,
               srclang: str = "en") -> bytes:
    """TMX bytes: one ``<tu>`` per unit, the source ``<tuv>`` plus each usable translation."""
    out = io.BytesIO()
    with tmx_body(out, stamp, srclang) as xf:
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
    return out.getvalue()


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


# ---------------------------------------------------------------- reader (translation memory)
#
# Streaming and defensive: CAT-tool TMX files are untrusted input and may hold a million units.
# ``lxml.etree.iterparse`` with no DTD loading, no entity resolution, no network and libxml2's
# default size limits; each ``<tu>`` is cleared (and detached from the root) once read, so memory
# stays flat. A document that declares entities in its DOCTYPE (billion laughs, external
# ``SYSTEM`` entities) is refused before a single unit is read, see :func:`check_tmx`.
#
# TMX 1.1 to 1.4b: the language of a ``<tuv>`` is ``xml:lang`` (1.4) or ``lang`` (1.1-1.3).
# Inline markup inside ``<seg>``: the text of ``<hi>`` is kept, the native codes inside ``<bpt>``,
# ``<ept>``, ``<ph>``, ``<it>``, ``<ut>`` and the sub-flows of ``<sub>`` are dropped, the text
# around them is kept; such units are counted as ``inline`` in the reader's statistics.

from collections import Counter
from dataclasses import dataclass, field

import pyexpat

from glossary.errors import GlossaryError

_READ_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                     remove_comments=True, remove_pis=True)


@dataclass(slots=True)
class TmxVariant:
    """One ``<tuv>``: language (BCP 47 as written), text, the ``x-origin`` prop."""

    lang: str
    text: str
    origin: str = ""


@dataclass(slots=True)
class TmxUnit:
    """One ``<tu>``: the source variant plus the other variants, and the unit's props."""

    tuid: str
    source: TmxVariant
    targets: list[TmxVariant]
    article: str = ""


@dataclass
class TmxReadStats:
    """What :func:`iter_tmx` saw: units yielded and units skipped, by reason."""

    version: str = ""
    srclang: str = ""
    units: int = 0
    skipped: Counter = field(default_factory=Counter)
    inline: int = 0  # units whose inline markup was dropped


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def _kept(bad: str, source: str | None, targets: list, inline: bool,
          stats: TmxReadStats) -> bool:
    """Whether a finished ``<tu>`` is usable; counts it, or the reason it is skipped."""
    if bad:
        reason = bad
    elif source is None:
        reason = "no source-language variant"
    elif not source:
        reason = "empty source"
    elif not targets:
        reason = "no translation"
    else:
        stats.units += 1
        if inline:
            stats.inline += 1
        return True
    stats.skipped[reason] += 1
    return False


def _seg_text(seg: etree._Element) -> tuple[str, bool]:
    """The plain text of a ``<seg>``; True when inline markup was dropped."""
    if len(seg) == 0:
        return seg.text or "", False
    parts = [seg.text or ""]

    def walk(el: etree._Element) -> None:
        for child in el:
            if child.tag == "hi":
                parts.append(child.text or "")
                walk(child)
            parts.append(child.tail or "")

    walk(seg)
    return "".join(parts), True


def check_tmx(path: str | os.PathLike[str]) -> None:
    """Refuse a TMX whose DOCTYPE declares entities, or that is not TMX, before reading units."""
    name = os.fspath(path)
    try:
        it = etree.iterparse(name, events=("start",), **_READ_OPTIONS)
        _, root = next(it)
    except StopIteration:
        raise GlossaryError("not a TMX file: empty document", name) from None
    except etree.XMLSyntaxError as exc:
        raise GlossaryError(f"not well-formed XML: {exc.msg}".splitlines()[0], name,
                            exc.lineno) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc}".splitlines()[0], name) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        entities = list(dtd.iterentities())
        if entities:
            ent = entities[0]
            kind = "external entity" if ent.system_url else "entity declaration"
            raise GlossaryError(f"refused: the DOCTYPE declares {len(entities)} entit"
                                f"{'y' if len(entities) == 1 else 'ies'} ({kind} {ent.name!r}); "
                                "TMX files must not declare entities", name)
    if root.tag != "tmx":
        raise GlossaryError(f"not a TMX file: root element is <{root.tag}>", name)
    del it


def _iter_rows_lxml(path: str | os.PathLike[str], srclang: str = "en",
                    stats: TmxReadStats | None = None,
                    ) -> Iterator[tuple[str, list[tuple[str, str, str]], str]]:
    """:func:`iter_tmx_rows` with lxml, for the encodings expat does not read (Shift-JIS...)."""
    name = os.fspath(path)
    stats = stats if stats is not None else TmxReadStats()
    want = _primary(srclang)
    source_langs: dict[str, bool] = {}
    context = etree.iterparse(name, events=("end",), tag=("header", "tu"), **_READ_OPTIONS)
    try:
        for _, el in context:
            if el.tag == "header":
                stats.srclang = el.get("srclang", "")
                root = el.getparent()
                stats.version = root.get("version", "") if root is not None else ""
                continue
            source = None
            targets = []
            article = ""
            bad = ""
            inline = False
            for child in el:
                tag = child.tag
                if tag == "tuv":
                    lang = child.get(XML_LANG) or child.get("lang")
                    text = None
                    origin = ""
                    for part in child:
                        ptag = part.tag
                        if ptag == "seg":
                            if len(part):
                                text = _seg_text(part)[0]
                                inline = True
                            else:
                                text = part.text or ""
                        elif ptag == "prop" and part.get("type") == "x-origin":
                            origin = (part.text or "").strip()
                    if text is None or not lang:
                        bad = "tuv without seg or language"
                        break
                    text = text.strip()
                    is_source = source_langs.get(lang)
                    if is_source is None:
                        is_source = source_langs[lang] = _primary(lang) == want
                    if source is None and is_source:
                        source = text
                    elif text:
                        targets.append((lang, text, origin))
                elif tag == "prop" and child.get("type") == "x-article":
                    article = (child.text or "").strip()
            el.clear(keep_tail=True)
            parent = el.getparent()
            if parent is not None:  # drop the cleared siblings before it as well
                while el.getprevious() is not None:
                    del parent[0]
            if _kept(bad, source, targets, inline, stats):
                yield source, targets, article
    except etree.XMLSyntaxError as exc:
        raise GlossaryError(f"not well-formed XML: {exc.msg}".splitlines()[0], name,
                            exc.lineno) from None
    finally:
        del context


_READ_BLOCK = 1 << 16  # bytes fed to expat at a time
_MAX_TEXT = 10_000_000  # characters in one element's text: libxml2's limit without huge_tree
_MAX_DEPTH = 256  # nested elements: libxml2's limit without huge_tree


_RESUME = b'<?xml version="1.0" encoding="UTF-8"?><tmx><body>'  # before a part's first <tu>


def _lines_before(path: str, offset: int) -> int:
    """Line breaks in the first ``offset`` bytes of ``path`` (error lines of a later part)."""
    count = 0
    with open(path, "rb") as fh:
        while offset > 0:
            block = fh.read(min(offset, 1 << 20))
            if not block:
                break
            count += block.count(b"\n")
            offset -= len(block)
    return count


def iter_tmx_rows(path: str | os.PathLike[str], srclang: str = "en",
                  stats: TmxReadStats | None = None, checked: bool = False,
                  begin: int = 0, until: int | None = None,
                  go_on: Callable[[], bool] | None = None,
                  ) -> Iterator[tuple[str, list[tuple[str, str, str]], str]]:
    """The lean form of :func:`iter_tmx`: ``(source, [(lang, text, x-origin)], x-article)``.

    Streams with expat (``pyexpat``: C, no tree, no per-element objects; 1.4x faster than
    lxml's iterparse on big memories). Same rules as the lxml reader: :func:`check_tmx` has
    refused entity declarations already (and an entity declaration met here is refused again);
    no DTD or external entity is ever loaded; an element's text is limited to ``_MAX_TEXT``
    characters and the file is fed in ``_READ_BLOCK`` blocks, so memory stays flat. Encodings
    expat cannot read are read by the lxml reader.

    A part of a UTF-8 file can be read alone, so that two processes share a big file: ``begin``
    is the offset of a ``<tu>`` start tag at body level (read as if ``<tmx><body>`` came before
    it); at ``until``, the offset of the next part's first ``<tu>``, ``go_on()`` says whether to
    read on to the end after all; if not, the reading ends there, outside any unit and inside
    ``<body>``, or the split was wrong and is refused.
    """
    if not checked:
        check_tmx(path)
    name = os.fspath(path)
    stats = stats if stats is not None else TmxReadStats()
    want = _primary(srclang)
    source_langs: dict[str, bool] = {}
    parser = pyexpat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = _READ_BLOCK
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    ready: list = []  # units completed by the last block
    parts: list[str] = []  # character data being collected (a seg's or a prop's text)
    collect = parts.append
    # the unit being read; depth counts the open elements below <tu> (1: tuv or prop of the
    # unit, 2: seg or prop of a tuv, 3 and more: inline markup)
    in_tu = False
    depth = 0
    lang = text = source = None
    origin = article = bad = ""
    targets: list = []
    inline = False
    in_tuv = in_seg = False
    drop = 0  # depth of the inline element whose content is being dropped
    outer = 0  # open elements outside <tu>
    prop = 0  # depth of the prop whose text is being collected (1 x-article, 2 x-origin)

    def refuse(*_args) -> None:
        raise GlossaryError("refused: the DOCTYPE declares entities; TMX files must not "
                            "declare entities", name)

    def start(tag: str, attrs: dict) -> None:
        nonlocal in_tu, depth, lang, text, source, origin, article, bad, targets, inline, \
            in_tuv, in_seg, drop, prop, outer
        if not in_tu:
            if outer >= _MAX_DEPTH:
                raise GlossaryError(f"refused: elements nested deeper than {_MAX_DEPTH}", name)
            if tag == "tu":
                in_tu = True
                depth = 0
                source = None
                targets = []
                article = bad = ""
                inline = False
            elif tag == "header":
                stats.srclang = attrs.get("srclang", "")
            elif tag == "tmx":
                stats.version = attrs.get("version", "")
            outer += 1
            return
        depth += 1
        if depth + outer > _MAX_DEPTH:
            raise GlossaryError(f"refused: elements nested deeper than {_MAX_DEPTH}", name)
        if in_seg:  # inline markup: <hi> text kept, the native codes of the others dropped
            inline = True
            if not drop and tag != "hi":
                drop = depth
                parser.CharacterDataHandler = None
        elif prop:  # markup inside a prop: only the text before it counts
            parser.CharacterDataHandler = None
        elif depth == 1:
            in_tuv = tag == "tuv"
            if in_tuv:
                lang = attrs.get("xml:lang") or attrs.get("lang")
                text = None
                origin = ""
            elif tag == "prop" and attrs.get("type") == "x-article":
                parts.clear()
                prop = 1
                parser.CharacterDataHandler = collect
        elif depth == 2 and in_tuv:
            if tag == "seg":
                parts.clear()
                in_seg = True
                parser.CharacterDataHandler = collect
            elif tag == "prop" and attrs.get("type") == "x-origin":
                parts.clear()
                prop = 2
                parser.CharacterDataHandler = collect

    def end(tag: str) -> None:
        nonlocal in_tu, depth, text, source, origin, article, bad, in_seg, drop, prop, outer
        if not in_tu:
            outer -= 1
            return
        depth -= 1
        if in_seg:
            if depth == 1:  # </seg>
                in_seg = False
                parser.CharacterDataHandler = None
                text = "".join(parts)
            elif depth + 1 == drop:
                drop = 0
                parser.CharacterDataHandler = collect
            return
        if prop:
            if depth + 1 == prop:
                value = "".join(parts).strip()
                if prop == 1:
                    article = value
                else:
                    origin = value
                prop = 0
                parser.CharacterDataHandler = None
            return
        if depth == 0:
            if tag == "tuv" and not bad:
                if text is None or not lang:
                    bad = "tuv without seg or language"
                    return
                value = text.strip()
                is_source = source_langs.get(lang)
                if is_source is None:
                    is_source = source_langs[lang] = _primary(lang) == want
                if source is None and is_source:
                    source = value
                elif value:
                    targets.append((lang, value, origin))
        elif depth < 0:  # </tu>
            in_tu = False
            outer -= 1
            if _kept(bad, source, targets, inline, stats):
                ready.append((source, targets, article))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = refuse
    try:
        fh = open(name, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc}".splitlines()[0], name) from None
    unknown_encoding = pyexpat.errors.codes[pyexpat.errors.XML_ERROR_UNKNOWN_ENCODING]
    def file_line(line: int) -> int:  # a part's line number in the whole file
        return line + _lines_before(name, begin) if begin else line

    with fh:
        first = True
        pos = begin
        if begin:
            fh.seek(begin)
            parser.Parse(_RESUME, False)
            first = False
        while True:
            if until is not None and pos >= until:
                if ready:
                    yield from ready
                    ready.clear()
                if go_on is not None and go_on():
                    until = None
                else:
                    if in_tu or outer != 2:
                        raise GlossaryError("not a TMX: a <tu> outside <body> at byte "
                                            f"{until}", name)
                    return
            block = fh.read(_READ_BLOCK if until is None else min(_READ_BLOCK, until - pos))
            pos += len(block)
            try:
                parser.Parse(block, not block)
            except ValueError:  # "multi-byte encodings are not supported" (Shift-JIS, GBK...)
                if not first:
                    raise
                yield from _iter_rows_lxml(path, srclang, stats)
                return
            except pyexpat.ExpatError as exc:
                if first and exc.code == unknown_encoding:
                    yield from _iter_rows_lxml(path, srclang, stats)
                    return
                raise GlossaryError(f"not well-formed XML: {pyexpat.ErrorString(exc.code)}",
                                    name, file_line(exc.lineno)) from None
            first = False
            if len(parts) * _READ_BLOCK > _MAX_TEXT and sum(map(len, parts)) > _MAX_TEXT:
                raise GlossaryError(f"refused: an element's text exceeds {_MAX_TEXT} "
                                    "characters", name, file_line(parser.CurrentLineNumber))
            if ready:
                yield from ready
                ready.clear()
            if not block:
                return


def iter_tmx(path: str | os.PathLike[str], srclang: str = "en",
             stats: TmxReadStats | None = None) -> Iterator[TmxUnit]:
    """Stream the units of a TMX 1.1-1.4b file whose source language is ``srclang``.

    Units without a ``<tuv>`` in ``srclang`` (primary subtag match, so ``en-US`` counts), with an
    empty source, without any non-empty translation, or with a ``<tuv>`` lacking ``<seg>`` are
    skipped and counted in ``stats.skipped`` by reason. Raises :class:`GlossaryError` for a
    document that declares entities or is not well-formed.
    """
    for source, targets, article in iter_tmx_rows(path, srclang, stats):
        yield TmxUnit("", TmxVariant(srclang, source),
                      [TmxVariant(*t) for t in targets], article)
