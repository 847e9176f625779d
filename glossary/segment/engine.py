"""A fast SRX 2.0 engine: ordered break/no-break rules evaluated in one scan per paragraph.

SRX semantics (as the Java ``segment`` library and choppa-srx implement them): a *break rule*'s
``beforebreak`` regex is searched forward through the text; where it ends and its ``afterbreak``
regex matches, the text breaks there, unless a *no-break* rule listed before that break rule
matches at the same position (its ``beforebreak`` ending there, its ``afterbreak`` starting
there).

How this engine avoids one regex pass per rule:

* all break rules are joined into **one alternation** ``(B1)(?=A1)|(B2)(?=A2)|…``; one
  ``finditer`` over a paragraph yields every candidate break point and which rule produced it;
* all no-break rules whose ``beforebreak`` has a fixed width are joined into **one anchored
  regex** of look-behind/look-ahead pairs, ``(?:(?<=E1)(?=F1))|(?:(?<=E2)(?=F2))|…``; a single
  ``match`` at the candidate says whether any of them applies (SRX only needs *whether* an
  earlier no-break rule matches, not which one);
* the few no-break rules whose ``beforebreak`` has a variable width (Python's ``re`` has no
  variable-width look-behind) are checked only at candidates where their fixed-width tail and
  their ``afterbreak`` already match: a look-behind on the tail, then one bounded search.

Text is segmented paragraph by paragraph: every line break is a hard boundary (headlines,
datelines, list lines), as OmegaT's plain-text filter does with "paragraph = line break".
Offsets are tracked by the scanner, never recovered by searching the text afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from glossary.errors import GlossaryError
from glossary.formats.srx import SrxRule

# Java-only constructs mapped to Python ``re``; the shipped rules use none of them, user files may.
_JAVA_CLASSES = {
    r"\p{Lu}": "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
               "Α-ΩЀ-ЯѠ-ҀҊ-Ӏ",
    r"\p{Ll}": "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
               "α-ωа-џѡ-ҁҋ-ӿ",
    r"\p{L}": r"^\W\d_",
    r"\p{IsAlphabetic}": r"^\W\d_",
    r"\p{Alpha}": "A-Za-z",
    r"\p{Punct}": r"!-/:-@\[-`{-~",
    r"\h": r" \t\xa0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000",
    r"\v": r"\n\x0b\f\r\x85\u2028\u2029",
}
_JAVA_TOKEN = re.compile(r"\\Q.*?(?:\\E|$)|\\p\{\w+\}|\\P\{\w+\}|\\h|\\v|\\.|\(\?U\)|\[|\]", re.S)


def translate_java_regex(pattern: str) -> str:
    """Rewrite the Java regex constructs Python's ``re`` lacks (``\\p{Lu}``, ``\\h``, ``\\Q…\\E``, ``(?U)``)."""
    out: list[str] = []
    depth = 0
    pos = 0
    for m in _JAVA_TOKEN.finditer(pattern):
        out.append(pattern[pos:m.start()])
        tok = m.group(0)
        pos = m.end()
        if tok.startswith(r"\Q"):
            body = tok[2:-2] if tok.endswith(r"\E") else tok[2:]
            out.append(re.escape(body))
        elif tok == "(?U)":
            pass
        elif tok == "[":
            depth += 1
            out.append(tok)
        elif tok == "]":
            depth = max(0, depth - 1)
            out.append(tok)
        elif tok.startswith(("\\p{", "\\P{")) or tok in (r"\h", r"\v"):
            key = "\\p" + tok[2:] if tok.startswith("\\P") else tok
            cls = _JAVA_CLASSES.get(key)
            if cls is None:
                out.append(tok)  # let re report it
                continue
            negate = tok.startswith("\\P")
            if depth:
                if cls.startswith("^") or negate:
                    out.append(tok)  # cannot inline a negated class; re will report it
                else:
                    out.append(cls)
            else:
                if cls.startswith("^"):
                    cls = cls[1:]
                    negate = not negate
                out.append("[" + ("^" if negate else "") + cls + "]")
        else:
            out.append(tok)
    out.append(pattern[pos:])
    return "".join(out)


def _decap(pattern: str) -> str:
    """Turn capturing groups into non-capturing ones so rule patterns can be joined safely."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                out.append("[^")
                i += 2
                if pattern[i:i + 1] == "]":
                    out.append("]")
                    i += 1
                continue
            if pattern[i + 1:i + 2] == "]":
                out.append("[]")
                i += 2
                continue
        elif c == "(" and pattern[i + 1:i + 2] != "?":
            out.append("(?:")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _width(pattern: str) -> tuple[int, int]:
    lo, hi = _sre_parse.parse(pattern).getwidth()
    return lo, hi


_ATOM_END = re.compile(r"(?:\{\d*,?\d*\}|[?*+])[?+]?$")


def _split_atoms(pattern: str) -> list[str]:
    """Top-level atoms of a regex (escape, class, group, or char, each with its quantifier)."""
    atoms: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        j = i
        if c == "\\":
            j = i + 2
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            j += 1
        elif c == "(":
            depth = 0
            j = i
            in_class = False
            while j < n:
                ch = pattern[j]
                if ch == "\\":
                    j += 2
                    continue
                if in_class:
                    if ch == "]":
                        in_class = False
                elif ch == "[":
                    in_class = True
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        j += 1
                        break
                j += 1
        elif c == "|":
            return []  # top-level alternation: no atom split
        else:
            j = i + 1
        m = re.match(r"(?:\{\d*,?\d*\}|[?*+])[?+]?", pattern[j:])
        if m:
            j += m.end()
        atoms.append(pattern[i:j])
        i = j
    return atoms


def _fixed_tail(pattern: str) -> str:
    """The longest fixed-width suffix of ``pattern`` made of whole top-level atoms ("" if none)."""
    atoms = _split_atoms(pattern)
    tail = ""
    for atom in reversed(atoms):
        cand = atom + tail
        try:
            lo, hi = _width(cand)
        except re.error:
            break
        if lo != hi:
            break
        tail = cand
    return tail


@dataclass(slots=True)
class _SlowException:
    """A no-break rule whose before-break pattern has a variable width."""

    prefilter: re.Pattern[str]  # (?<=fixed tail)(?=after), anchored with .match at the candidate
    full: re.Pattern[str]       # (?:before)\Z searched in a bounded window ending at the candidate
    maxwidth: int
    anchored: bool              # before starts with ^: one match from the paragraph start


class CompiledRules:
    """An ordered SRX rule list compiled for fast segmentation."""

    def __init__(self, rules: list[SrxRule], max_lookbehind: int = 100) -> None:
        self.rules = list(rules)
        breaks: list[str] = []
        self._break_slots: list[tuple[list[str], list[_SlowException]]] = []
        fast: list[str] = []
        slow: list[_SlowException] = []
        for rule in self.rules:
            before = _decap(translate_java_regex(rule.before))
            after = _decap(translate_java_regex(rule.after))
            if rule.is_break:
                if not before and not after:
                    continue
                # before must consume at least something or the scan would never advance
                breaks.append(f"({before})" + (f"(?={after})" if after else ""))
                self._break_slots.append((list(fast), list(slow)))
            else:
                self._add_exception(before, after, fast, slow, max_lookbehind)
        if not breaks:
            self._scan = None
        else:
            try:
                self._scan = re.compile("|".join(breaks))
            except re.error as exc:
                raise GlossaryError(f"SRX break rules do not compile: {exc}") from None
        self._deciders: list[tuple[re.Pattern[str] | None, tuple[_SlowException, ...]]] = []
        for fast_list, slow_list in self._break_slots:
            rx = re.compile("|".join(fast_list)) if fast_list else None
            self._deciders.append((rx, tuple(slow_list)))

    @staticmethod
    def _add_exception(before: str, after: str, fast: list[str], slow: list[_SlowException],
                       max_lookbehind: int) -> None:
        look_after = f"(?={after})" if after else ""
        if not before:
            fast.append(f"(?:{look_after})" if look_after else "(?:)")
            return
        try:
            lo, hi = _width(before)
        except re.error as exc:
            raise GlossaryError(f"SRX rule does not compile: {before!r}: {exc}") from None
        if lo == hi:
            fast.append(f"(?:(?<={before}){look_after})")
            return
        tail = _fixed_tail(before)
        pre = (f"(?<={tail})" if tail else "") + look_after
        maxwidth = hi if hi < _sre_parse.MAXREPEAT else max_lookbehind * 4
        slow.append(_SlowException(
            prefilter=re.compile(pre),
            full=re.compile(f"(?:{before})\\Z"),
            maxwidth=maxwidth,
            anchored=before.startswith("^"),
        ))

    def _is_exception(self, para: str, p: int, slot: int) -> bool:
        rx, slow = self._deciders[slot]
        if rx is not None and rx.match(para, p):
            return True
        for ex in slow:
            if ex.prefilter.match(para, p) is None:
                continue
            if ex.anchored:
                if p <= ex.maxwidth and ex.full.match(para, 0, p):
                    return True
            elif ex.full.search(para, max(0, p - ex.maxwidth), p):
                return True
        return False

    def breaks(self, para: str) -> list[int]:
        """Break positions inside one paragraph (no line breaks), in increasing order."""
        if self._scan is None:
            return []
        out: list[int] = []
        last = 0
        is_exc = self._is_exception
        for m in self._scan.finditer(para):
            slot = m.lastindex - 1  # type: ignore[operator]
            p = m.end(slot + 1)
            if p <= last:
                continue
            if not is_exc(para, p, slot):
                out.append(p)
                last = p
        return out


_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_WS = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
      "\u2028\u2029\u202f\u205f\u3000\ufeff"


def spans(text: str, rules: CompiledRules) -> list[tuple[int, int]]:
    """(start, end) of each sentence: whitespace-trimmed, never empty, line breaks are hard breaks."""
    out: list[tuple[int, int]] = []
    append = out.append
    ws = _WS
    for lm in _LINE.finditer(text):
        base = lm.start()
        para = lm.group()
        if not para.strip(ws):
            continue
        prev = 0
        for p in rules.breaks(para) + [len(para)]:
            chunk = para[prev:p]
            s = chunk.lstrip(ws)
            if s:
                e = s.rstrip(ws)
                st = base + prev + len(chunk) - len(s)
                append((st, st + len(e)))
            prev = p
    return out
