"""Sentence segmentation driven by SRX 2.0 rules, with exact character offsets.

``segment(text, lang)`` splits an article into :class:`~glossary.model.Segment`\\ s such that
``text[s.start:s.end] == s.text`` (surrounding whitespace is excluded by moving the offsets,
the text is never edited). Every line break is a hard boundary: a headline or dateline line
without a full stop is its own segment, a blank line ends a paragraph.

The rules are data: ``data/segment.srx`` (built from ``data/rules`` and ``data/lists`` by
:mod:`glossary.segment.srxgen`); a user's SRX file can be passed as ``rules=``.
"""

from __future__ import annotations

import bisect
import json
import os
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.errors import GlossaryError
from glossary.segment.engine import CompiledRules, spans

if TYPE_CHECKING:
    from glossary.formats import srx as srxfmt
    from glossary.model import Segment

LANGUAGES = ("en", "ru", "fa", "be")
DEFAULT_SRX = Path(__file__).parent / "data" / "segment.srx"
# the shipped rules, already compiled by srxgen; used only while it matches segment.srx (CRC-32
# and size: it guards against a forgotten refresh, not against tampering)
COMPILED_CACHE = Path(__file__).parent / "data" / "segment.compiled.json"

__all__ = ["DEFAULT_SRX", "LANGUAGES", "Segmenter", "load_srx", "segment", "segment_spans"]


def load_srx(path: str | os.PathLike[str]) -> srxfmt.SrxDocument:
    """Parse an SRX 2.0 file (a :class:`GlossaryError` if it is missing or not SRX)."""
    from glossary.formats import srx as srxfmt

    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("no such file", str(p)) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror}", str(p)) from None
    return srxfmt.parse(data, str(p))


def _srx_checksum() -> str:
    data = DEFAULT_SRX.read_bytes()
    return f"crc32:{zlib.crc32(data):08x}:{len(data)}"


def _cached_rules(lang: str) -> CompiledRules | None:
    try:
        cache = json.loads(COMPILED_CACHE.read_text(encoding="utf-8"))
        if cache.get("srx_checksum") != _srx_checksum():
            return None
        state = cache["languages"].get(lang)
        return None if state is None else CompiledRules.from_state(state)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def compiled_cache_bytes() -> bytes:
    """The content of ``data/segment.compiled.json`` for the current ``segment.srx``."""
    from glossary.formats import srx as srxfmt

    doc = srxfmt.parse(DEFAULT_SRX.read_bytes(), str(DEFAULT_SRX))
    data = {"srx_checksum": _srx_checksum(),
            "languages": {lang: CompiledRules(doc.rules_for(lang)).state() for lang in LANGUAGES}}
    return (json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n").encode("utf-8")


@lru_cache(maxsize=1)
def _default_document() -> srxfmt.SrxDocument:
    from glossary.formats import srx as srxfmt

    return srxfmt.parse(DEFAULT_SRX.read_bytes(), str(DEFAULT_SRX), check_regex=False)


class Segmenter:
    """Compiled rules for one language; reusable and thread-safe."""

    def __init__(self, lang: str = "en", document: srxfmt.SrxDocument | None = None,
                 srx_path: str | None = None) -> None:
        self.lang = lang
        if document is None:
            cached = _cached_rules(lang)
            if cached is not None:
                self.rules = cached
                return
        doc = document if document is not None else _default_document()
        rules = doc.rules_for(lang)
        if not rules and not doc.has_language(lang):
            raise GlossaryError(f"no SRX language rules for language {lang!r}", srx_path)
        self.rules = CompiledRules(rules)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) offsets of the sentences of ``text``."""
        return spans(text, self.rules)

    def segment(self, text: str) -> list[Segment]:
        """The sentences of ``text`` as :class:`Segment` objects with 1-based line numbers."""
        sp = self.spans(text)
        if not sp:
            return []
        # line numbers: one pass over the newline positions
        nl: list[int] = []
        find = text.find
        i = find("\n")
        while i != -1:
            nl.append(i)
            i = find("\n", i + 1)
        from glossary.model import Segment

        br = bisect.bisect_right
        return [Segment(text[s:e], s, e, br(nl, s) + 1) for s, e in sp]


@lru_cache(maxsize=16)
def _segmenter(lang: str) -> Segmenter:
    if lang not in LANGUAGES:
        raise GlossaryError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    return Segmenter(lang)


def segment(text: str, lang: str = "en", *, rules: srxfmt.SrxDocument | None = None) -> list[Segment]:
    """Split ``text`` into sentences with exact character offsets (``text[start:end]``)."""
    seg = _segmenter(lang) if rules is None else Segmenter(lang, rules)
    return seg.segment(text)


def segment_spans(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Only the (start, end) offsets: the fastest form, for bulk use."""
    return _segmenter(lang).spans(text)
