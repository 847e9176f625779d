"""A fast SRX 2.0 engine: ordered break/no-break rules decided inside one regex scan.

SRX semantics (as the Java ``segment`` library and choppa-srx implement them): a *break rule*'s
``beforebreak`` regex is searched forward through the text; where it ends and its ``afterbreak``
regex matches, the text breaks there, unless a *no-break* rule listed before that break rule
matches at the same position (its ``beforebreak`` ending there, its ``afterbreak`` starting
there).

How this engine avoids one regex pass per rule: the whole rule list becomes **one scanning
regex**, ``[S](?:ALT_1|…|ALT_k|(?<=\\n))``, run once with ``finditer`` over the text.

* ``S`` is the set of characters a break can pivot on (the last character of a fixed-width
  ``beforebreak``, the first of a variable-width one), so ``re`` skips through the text in C
  and stops only at candidates (``.``, ``!``, ``?``, ``…``, ``؟``, line breaks).
* ``ALT_i`` checks break rule *i* (``beforebreak`` as a look-behind, ``afterbreak`` as a
  look-ahead) and, in one negative look-ahead, every no-break rule listed before it: fixed-width
  beforebreak patterns become look-behinds (optional parts and short alternations are spelled out
  so that more of them are fixed-width), rules sharing an ``afterbreak`` share one look-ahead,
  and rules whose ``afterbreak`` cannot start where rule *i*'s does are left out. So a match
  *is* a break: Python only sees breaks, never rejected candidates.
* Variable-width no-break rules (Python's ``re`` has no variable-width look-behind) are flagged
  by the scan only where their fixed-width tail and ``afterbreak`` match; Python then runs one
  bounded search (the same bound choppa and Java apply to look-behinds).
* A fixed-width break rule whose own pivot would be a space (list items: ``item 2. The``) runs
  in a second scan that pivots on a rare character of its ``afterbreak``; both are merged.

Every line break is a hard boundary (headlines, datelines, list lines), as OmegaT's plain-text
filter does with "paragraph = line break"; rule patterns are confined to one line, so scanning
the whole text is the same as segmenting line by line. Offsets are tracked by the scanner,
never recovered by searching the text afterwards. Differences from choppa are possible only
for unusual user rules (overlapping matches of different break rules); the shipped rules are
checked against choppa-srx on every dev text.
"""

from __future__ import annotations

import heapq
import json
import os
import re
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.errors import GlossaryError

if TYPE_CHECKING:
    from glossary.formats.srx import SrxRule

WS_CHARS = (" \t\n\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
            "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


# --- the scan regexes' compiled code, kept per interpreter like a .pyc ---------------------
# Compiling the ~20,000-character scan pattern costs most of a short process's segmentation
# time (sre_parse and sre_compile run in Python). The compiled code of a pattern is a list of
# integers that depends only on the pattern and the interpreter's regex engine, so it is kept in
# a user cache folder, like a .pyc ($GLOSSARY_CACHE_DIR, else $XDG_CACHE_HOME/glossary or
# ~/.cache/glossary; GLOSSARY_CACHE_DIR="" turns it off), one file per pattern and interpreter,
# and handed to _sre.compile, which validates it. Any mismatch or error falls back to
# re.compile; a folder that cannot be written only costs the compilation.
try:
    import _sre
    from re import _compiler as _sre_compile  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
    _CODE_KEY = [sys.version, _sre.MAGIC, _sre.CODESIZE]
except ImportError:  # pragma: no cover - other Pythons: plain re.compile
    _sre = None  # type: ignore[assignment]
    _CODE_KEY = None


_CODE_KEEP = 24  # cached patterns kept per interpreter (4 languages x 2 scans, a few rule versions)


def _code_dir() -> Path | None:
    env = os.environ.get("GLOSSARY_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "glossary" if os.path.isabs(base) else None


def _code_path(folder: Path, pattern: str, flags: int) -> Path:
    data = f"{flags}:{pattern}".encode("utf-8")
    digest = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"  # the file holds the pattern too
    return folder / f"segment-re-{digest}.{sys.implementation.cache_tag}.json"


def compile_cached(pattern: str, flags: int = re.MULTILINE) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, reusing the compiled code a previous process stored."""
    folder = _code_dir()
    if _CODE_KEY is None or folder is None or not sys.implementation.cache_tag:
        return re.compile(pattern, flags)
    path = _code_path(folder, pattern, flags)
    try:
        key, pat, fl, code, groups, groupindex, indexgroup = json.loads(path.read_bytes())
        if key == _CODE_KEY and pat == pattern:
            return _sre.compile(pattern, fl, code, groups, groupindex, tuple(indexgroup))
    except (OSError, ValueError, TypeError, RuntimeError):
        pass
    parsed = _sre_parse.parse(pattern, flags)
    code = _sre_compile._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    fl = flags | parsed.state.flags
    rx = _sre.compile(pattern, fl, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps([_CODE_KEY, pattern, fl, code, parsed.state.groups - 1,
                                   groupindex, indexgroup]), encoding="utf-8")
        os.replace(tmp, path)
        # older rule versions leave files behind: keep the newest few
        files = sorted(folder.glob(f"segment-re-*.{sys.implementation.cache_tag}.json"),
                       key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[_CODE_KEEP:]:
            old.unlink()
    except OSError:
        pass
    return rx



class _SlowException:
    """A no-break rule whose before-break pattern has a variable width."""

    __slots__ = ("prefilter", "full", "maxwidth", "anchored")

    def __init__(self, prefilter: str, full: str, maxwidth: int, anchored: bool) -> None:
        self.prefilter = compile_cached(prefilter)  # (?<=fixed tail)(?=after), .match at the break
        self.full = compile_cached(full)            # (?:before)\Z, searched in a window ending there
        self.maxwidth = maxwidth
        self.anchored = anchored                    # before starts with ^: one match from line start


class CompiledRules:
    """An ordered SRX rule list compiled into one scanning regex.

    The scanning regex has the form ``[S](?:ALT_1|…|ALT_k|(?<=\\n))``: ``S`` is the set of
    characters a break rule's match can pivot on (the last character of a fixed-width
    ``beforebreak``, the first character of a variable-width one), which lets ``re`` skip
    through the text in C; each ``ALT_i`` checks the break rule's ``beforebreak`` and
    ``afterbreak`` and, in a negative look-ahead, all fixed-width no-break rules listed before
    it at once. Only variable-width no-break rules (rare) are left to Python, and only where
    their fixed-width tail and afterbreak match. The analysis lives in
    :mod:`glossary.segment.rulecompile`; this class only runs its result.
    """

    def __init__(self, rules: list[SrxRule], max_lookbehind: int = 100) -> None:
        from glossary.segment.rulecompile import compile_state

        self._load(compile_state(list(rules), max_lookbehind))

    @classmethod
    def from_state(cls, state: dict) -> CompiledRules:
        """Rebuild from :meth:`state` without re-analysing the rules."""
        self = cls.__new__(cls)
        self._load(state)
        return self

    def _load(self, state: dict) -> None:
        self._state = state
        try:
            self._scan = compile_cached(state["scan"])
            self._side = compile_cached(state["side"]) if state.get("side") else None
            self._slow = [_SlowException(ex["prefilter"], ex["full"], ex["maxwidth"], ex["anchored"])
                          for ex in state["slow"]]
        except re.error as exc:
            raise GlossaryError(f"SRX rules do not compile together: {exc}") from None
        self._slow_window = state["slow_window"]

    def state(self) -> dict:
        """What a later process needs to rebuild these compiled rules (JSON-serialisable)."""
        return self._state

    def _slow_applies(self, text: str, p: int) -> bool:
        # the line start is only looked for within the widest window a rule can see
        lo = max(0, p - self._slow_window)
        nl = text.rfind("\n", lo, p)
        line_start = nl + 1 if nl >= 0 else (0 if lo == 0 else -1)
        for ex in self._slow:
            if ex.prefilter.match(text, p) is None:
                continue
            if ex.anchored:
                if line_start >= 0 and p - line_start <= ex.maxwidth \
                        and ex.full.match(text, line_start, p):
                    return True
            elif ex.full.search(text, max(line_start, lo, p - ex.maxwidth), p):
                return True
        return False

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of ``text`` (whitespace-trimmed, line breaks are hard)."""
        if "\r" in text or "\u2028" in text or "\u2029" in text:
            return self._spans_by_line(text)
        return self._spans(text, 0, len(text), 0)

    def spans_range(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Like :meth:`spans` for ``text[start:end]`` where ``start`` and ``end`` are line
        boundaries (0, len(text) or the index of a "\\n"); offsets are into ``text``."""
        if "\r" in text or "\u2028" in text or "\u2029" in text:
            return self._spans_by_line(text, start, end)
        return self._spans(text, start, end, 0)

    def _spans_by_line(self, text: str, start: int = 0, end: int | None = None
                       ) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for lm in _LINE.finditer(text, start, len(text) if end is None else end):
            line = lm.group()
            out.extend((s + lm.start(), e + lm.start()) for s, e in self._spans(line, 0, len(line), 0))
        return out

    def _side_breaks(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """(position, group) of the break rules scanned on their afterbreak pivot."""
        if self._side is None:
            return []
        found = {}
        for m in self._side.finditer(text, start, end):
            g = m.lastgroup
            found.setdefault(m.end(g), g)  # type: ignore[arg-type]
        return sorted(found.items())

    def _candidates(self, text: str, start: int, end: int):
        """Break candidates of both scans in text order, as (position, group), then (end, "nl")."""
        scan = self._scan.finditer(text, start, end)
        side = self._side_breaks(text, start, end) if self._side is not None else None
        if side:
            main = ((m.start() if m.lastgroup == "nl" else m.end(m.lastgroup), m.lastgroup) for m in scan)
            yield from heapq.merge(main, side)
        else:
            for m in scan:
                g = m.lastgroup
                yield (m.start() if g == "nl" else m.end(g)), g
        yield end, "nl"

    def _spans(self, text: str, start: int, end: int, base: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        append = out.append
        ws = _WS
        prev = start
        slow = self._slow_applies
        for p, g in self._candidates(text, start, end):
            if g != "nl":
                if g[0] == "s" and slow(text, p):  # type: ignore[index]
                    continue
                if p <= prev:
                    continue
            s = text[prev:p].lstrip(ws)
            if s:
                st = p - len(s)
                append((base + st, base + st + len(s.rstrip(ws))))
            prev = p
        return out


_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_WS = WS_CHARS + "\ufeff"


def spans(text: str, rules: CompiledRules) -> list[tuple[int, int]]:
    """(start, end) of each sentence: whitespace-trimmed, never empty, line breaks are hard breaks."""
    return rules.spans(text)

