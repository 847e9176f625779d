"""Reading and writing SRX 2.0 segmentation rule files (the LISA/GALA standard OmegaT and Okapi use).

An SRX file holds named *language rules* (ordered lists of ``<rule break="yes|no">`` with a
``<beforebreak>`` and an ``<afterbreak>`` regular expression) and *map rules* that pick language
rules for a language code by regex. With ``cascade="yes"`` every matching map contributes its
rules in order; with ``cascade="no"`` only the first match does.

This module only parses and serialises; :mod:`glossary.segment.engine` compiles the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from glossary.errors import GlossaryError

NS = "http://www.lisa.org/srx20"
_Q = f"{{{NS}}}"


@dataclass(frozen=True, slots=True)
class SrxRule:
    """One SRX rule: ``is_break`` (break="yes") and the before/after-break regexes ("" = empty)."""

    is_break: bool
    before: str
    after: str
    comment: str = ""


@dataclass(slots=True)
class SrxDocument:
    """The parsed content of an SRX 2.0 file."""

    language_rules: dict[str, list[SrxRule]] = field(default_factory=dict)
    maps: list[tuple[str, str]] = field(default_factory=list)  # (languagepattern, languagerulename)
    cascade: bool = True
    segmentsubflows: bool = True

    def rules_for(self, lang: str) -> list[SrxRule]:
        """The ordered rules that apply to language code ``lang`` (SRX map rules and cascade)."""
        out: list[SrxRule] = []
        for pattern, name in self.maps:
            if re.fullmatch(pattern, lang) or re.match(pattern + r"\Z", lang):
                out.extend(self.language_rules.get(name, []))
                if not self.cascade:
                    break
        return out

    def has_language(self, lang: str) -> bool:
        return any(re.fullmatch(p, lang) for p, _ in self.maps)


def parse(data: bytes, path: str | None = None, *, check_regex: bool = True) -> SrxDocument:
    """Parse SRX 2.0 bytes; a :class:`GlossaryError` names the problem if it is not SRX 2.0.

    ``check_regex`` compiles every rule pattern to report a bad one with its text (skipped for
    the shipped, tested rules)."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise GlossaryError(f"not well-formed XML: {exc}", path) from None
    if root.tag != _Q + "srx":
        raise GlossaryError("not an SRX 2.0 file (root must be <srx> in namespace "
                            f"{NS})", path)
    doc = SrxDocument()
    header = root.find(_Q + "header")
    if header is not None:
        doc.cascade = header.get("cascade", "yes") == "yes"
        doc.segmentsubflows = header.get("segmentsubflows", "yes") == "yes"
    body = root.find(_Q + "body")
    if body is None:
        raise GlossaryError("SRX file has no <body>", path)
    for lr in body.iterfind(f"{_Q}languagerules/{_Q}languagerule"):
        name = lr.get("languagerulename")
        if not name:
            raise GlossaryError("<languagerule> without languagerulename", path)
        rules: list[SrxRule] = []
        for r in lr.iterfind(_Q + "rule"):
            before = r.findtext(_Q + "beforebreak") or ""
            after = r.findtext(_Q + "afterbreak") or ""
            for pat in (before, after) if check_regex else ():
                if pat:
                    _check_regex(pat, path)
            rules.append(SrxRule(r.get("break", "yes") != "no", before, after))
        doc.language_rules[name] = rules
    for m in body.iterfind(f"{_Q}maprules/{_Q}languagemap"):
        pattern, name = m.get("languagepattern"), m.get("languagerulename")
        if pattern is None or name is None:
            raise GlossaryError("<languagemap> needs languagepattern and languagerulename", path)
        if name not in doc.language_rules:
            raise GlossaryError(f"<languagemap> names unknown language rule {name!r}", path)
        doc.maps.append((pattern, name))
    if not doc.maps:
        raise GlossaryError("SRX file has no <languagemap>", path)
    return doc


def _check_regex(pattern: str, path: str | None) -> None:
    from glossary.segment.rulecompile import translate_java_regex

    try:
        re.compile(translate_java_regex(pattern))
    except re.error as exc:
        raise GlossaryError(f"bad regular expression {pattern!r}: {exc}", path) from None


def serialize(doc: SrxDocument, *, languages: list[str] | None = None) -> bytes:
    """SRX 2.0 XML for ``doc``; ``languages`` keeps only the language rules those codes map to."""
    keep_names: list[str] | None = None
    maps = doc.maps
    if languages is not None:
        keep_names = []
        maps = []
        for pattern, name in doc.maps:
            if any(re.fullmatch(pattern, lang) for lang in languages):
                maps.append((pattern, name))
                if name not in keep_names:
                    keep_names.append(name)
    E = etree.Element
    root = E(_Q + "srx", nsmap={None: NS})
    root.set("version", "2.0")
    header = etree.SubElement(root, _Q + "header")
    header.set("segmentsubflows", "yes" if doc.segmentsubflows else "no")
    header.set("cascade", "yes" if doc.cascade else "no")
    for el in ("start", "isolated", "end"):
        fh = etree.SubElement(header, _Q + "formathandle")
        fh.set("type", el)
        fh.set("include", "yes" if el == "start" else "no")
    body = etree.SubElement(root, _Q + "body")
    lrs = etree.SubElement(body, _Q + "languagerules")
    for name, rules in doc.language_rules.items():
        if keep_names is not None and name not in keep_names:
            continue
        lr = etree.SubElement(lrs, _Q + "languagerule")
        lr.set("languagerulename", name)
        for rule in rules:
            if rule.comment:
                lr.append(etree.Comment(" " + rule.comment.replace("--", "- -") + " "))
            r = etree.SubElement(lr, _Q + "rule")
            r.set("break", "yes" if rule.is_break else "no")
            if rule.before:
                etree.SubElement(r, _Q + "beforebreak").text = rule.before
            if rule.after:
                etree.SubElement(r, _Q + "afterbreak").text = rule.after
    mrs = etree.SubElement(body, _Q + "maprules")
    for pattern, name in maps:
        m = etree.SubElement(mrs, _Q + "languagemap")
        m.set("languagepattern", pattern)
        m.set("languagerulename", name)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
