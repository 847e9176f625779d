"""SRX rules to one scanning regex: the analysis behind :class:`~glossary.segment.engine.CompiledRules`.

Only needed when rules are compiled from an SRX document (a user's ``--srx`` file, or
``srxgen`` refreshing the shipped ``segment.compiled.json``); segmenting with the shipped rules
loads the compiled state and never imports this module. How the regex is built is described in
:mod:`glossary.segment.engine`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from glossary.errors import GlossaryError
from glossary.segment.engine import WS_CHARS as _WS_CHARS

if TYPE_CHECKING:
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
_JAVA_TOKEN = re.compile(r"\\Q.*?(?:\\E|$)|\\p\{\w+\}|\\P\{\w+\}|\\h|\\v|\\.|\(\?U\)|\[|\]", re.DOTALL)


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


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Where ``(``, ``)`` and ``|`` give a regex its structure: outside escapes and classes."""
    i, n = start, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c in "()|":
            yield i, c
        i += 1


def _decap(pattern: str) -> str:
    """Turn capturing groups into non-capturing ones so rule patterns can be joined safely."""
    out: list[str] = []
    last = 0
    for i, c in _structure(pattern):
        if c == "(" and pattern[i + 1:i + 2] != "?":
            out.append(pattern[last:i + 1] + "?:")
            last = i + 1
    out.append(pattern[last:])
    return "".join(out)


def _width(pattern: str) -> tuple[int, int]:
    lo, hi = _sre_parse.parse(pattern).getwidth()
    return lo, hi


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
            j = n
            for k, ch in _structure(pattern, i):
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        j = k + 1
                        break
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


def _top_alternatives(pattern: str) -> list[str]:
    """Split ``pattern`` at its top-level ``|`` (outside groups and classes)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, c in _structure(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


_QUANT = re.compile(r"(?:\{(\d*)(,?)(\d*)\}|([?*+]))([?+]?)$")


def _variants(pattern: str, limit: int = 64) -> list[str] | None:
    """Equivalent alternatives of ``pattern`` with optional parts and short alternations spelled
    out (``a?b`` -> ``b``, ``ab``), so that each can be a fixed-width look-behind; None if there
    would be more than ``limit``."""
    alts = _top_alternatives(pattern)
    if len(alts) > 1:
        out: list[str] = []
        for alt in alts:
            got = _variants(alt, limit)
            if got is None:
                return None
            out.extend(got)
            if len(out) > limit:
                return None
        return out
    result = [""]
    for atom in _split_atoms(pattern):
        choices = _atom_variants(atom, limit)
        if choices is None:
            return None
        result = [r + c for r in result for c in choices]
        if len(result) > limit:
            return None
    return result


def _atom_variants(atom: str, limit: int) -> list[str] | None:
    m = _QUANT.search(atom) if len(atom) > 1 and not atom.endswith("\\?") else None
    if m and atom[:m.start()] and not atom[:m.start()].endswith("\\"):
        base = atom[:m.start()]
        if m.group(5):  # lazy / possessive: keep as is
            return [atom]
        if m.group(4) == "?":
            lo, hi = 0, 1
        elif m.group(4):
            return [atom]
        else:
            lo = int(m.group(1) or 0)
            hi = lo if not m.group(2) else (int(m.group(3)) if m.group(3) else -1)
            if hi < 0 or hi > 3:
                return [atom]
        inner = _atom_variants(base, limit) or [base]
        out = []
        for k in range(lo, hi + 1):
            reps = [""]
            for _ in range(k):
                reps = [r + v for r in reps for v in inner]
            out.extend(reps)
        return out if len(out) <= limit else None
    if atom.startswith("(?:") and atom.endswith(")"):
        inner = _variants(atom[3:-1], limit)
        if inner is None:
            return None
        return [f"(?:{v})" if v else "" for v in inner]
    return [atom]


def _fixed_forms(pattern: str) -> list[str] | None:
    """``pattern`` as a list of fixed-width alternatives, or None."""
    forms = _variants(pattern)
    if not forms:
        return None
    for f in forms:
        try:
            lo, hi = _width(f)
        except re.error:
            return None
        if lo != hi or lo == 0 and f.strip("^$") != f:
            return None
    return forms


def _fixed_tail(pattern: str) -> list[str]:
    """Fixed-width alternatives for the longest suffix of whole top-level atoms ([] if none)."""
    atoms = _split_atoms(pattern)
    best: list[str] = []
    for i in range(len(atoms) - 1, -1, -1):
        forms = _fixed_forms("".join(atoms[i:]))
        if forms is None:
            break
        best = forms
    return [f for f in best if f]



_LINE_BREAKS = "\n\r\u2028\u2029"
_WS_NO_NL = "".join(c for c in _WS_CHARS if c not in _LINE_BREAKS)


def _confine_to_line(pattern: str) -> str:
    """Make a rule pattern unable to match a line break (the text is scanned whole, but SRX
    rules must behave as if each line were segmented on its own)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            esc = pattern[i:i + 2]
            if esc == r"\s":
                out.append("[^\\S\\n\\r\\u2028\\u2029]" if not in_class else
                           _WS_NO_NL.encode("unicode_escape").decode("ascii"))
            elif esc in (r"\W", r"\D") and not in_class:
                out.append("[^" + esc[1].lower().join(["\\", ""]) + "\\n\\r\\u2028\\u2029]")
            else:
                out.append(esc)
            i += 2
            continue
        if in_class:
            if c == "]" and not (out and out[-1] in ("[", "[^")):
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                out.append("[^\\n\\r\\u2028\\u2029")
                i += 2
                continue
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)



_SPACE_SET = frozenset(_WS_CHARS)


def _edge_set(items, last: bool):
    """The set of characters the pattern's first (or last) consumed character can be, or None."""
    seq = list(items)
    if last:
        seq.reverse()
    acc: set[str] = set()
    for op, av in seq:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            return acc | {chr(av)}
        if name == "IN":
            chars: set[str] = set()
            if av and str(av[0][0]) == "NEGATE":
                # [^\S…] = whitespace except the listed characters
                rest = av[1:]
                if any(str(o) == "CATEGORY" and str(a) == "CATEGORY_NOT_SPACE" for o, a in rest) \
                        and all(str(o) in ("LITERAL", "CATEGORY") for o, a in rest):
                    excluded = {chr(a) for o, a in rest if str(o) == "LITERAL"}
                    return acc | (_SPACE_SET - excluded)
                return None
            for iop, iav in av:
                iname = str(iop)
                if iname == "LITERAL":
                    chars.add(chr(iav))
                elif iname == "RANGE":
                    if iav[1] - iav[0] > 3000:
                        return None
                    chars.update(map(chr, range(iav[0], iav[1] + 1)))
                elif iname == "CATEGORY" and str(iav) == "CATEGORY_SPACE":
                    chars |= _SPACE_SET
                else:
                    return None
            return acc | chars
        if name in ("SUBPATTERN", "ATOMIC_GROUP"):
            sub = av[-1] if name == "SUBPATTERN" else av
            got = _edge_set(sub, last)
            return None if got is None else acc | got
        if name == "BRANCH":
            for alt in av[1]:
                got = _edge_set(alt, last)
                if got is None:
                    return None
                acc |= got
            return acc
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, _hi, body = av
            got = _edge_set(body, last)
            if got is None:
                return None
            acc |= got
            if lo > 0:
                return acc
            continue
        return None
    return None  # nothing consumed for sure


def _after_pivot(before: str, after: str, tail: str, k: int) -> tuple[str, set[str]] | None:
    """For a fixed-width break rule whose own pivot is frequent (a space): an alternative that
    pivots on a rare character ``c`` of its afterbreak instead, ``after = P c R`` with P spelled
    out as fixed-width variants: ``c(?<=(?<=before)TAIL P c)``; TAIL (afterbreak, no-break
    rules, group marks) is evaluated at the break position inside the look-behind."""
    atoms = _split_atoms(after)
    for i in range(1, len(atoms)):
        try:
            cset = _edge_set(_sre_parse.parse(atoms[i]), last=False)
        except re.error:
            return None
        if cset and len(cset) <= 8 and not cset & _SPACE_SET:
            forms = _fixed_forms("".join(atoms[:i]))
            if not forms:
                return None
            by_width: dict[int, list[str]] = {}
            for f in forms:
                by_width.setdefault(_width(f)[0], []).append(f)
            cls = _class(cset)
            parts = []
            for n, (w, fs) in enumerate(sorted(by_width.items())):
                t = re.sub(r"\(\?P<([bs]\d+)>", lambda m, n=n: f"(?P<{m.group(1)}_{n}>", tail)
                parts.append(f"(?<=(?<={before}){t}(?:{'|'.join(fs)}){cls})")
            return "|".join(parts), cset
    return None


def _class(chars: set[str]) -> str:
    return "[" + "".join(sorted(re.escape(c) if c not in "\n" else "\\n" for c in chars)) + "]"


def _first_set(after: str) -> set[str] | None:
    """Characters an afterbreak pattern can start with (None: any, or unknown)."""
    if not after:
        return None
    try:
        return _edge_set(_sre_parse.parse(after), last=False)
    except re.error:
        return None


# a fixed-width no-break rule: its beforebreak as (width, fixed-width form) look-behind bodies
# ([] when empty), its afterbreak, and the characters that afterbreak can start with
_NoBreak = tuple[list[tuple[int, str]], str, "set[str] | None"]


def _join_fast(fast: list[_NoBreak]) -> str:
    """One alternation for "some no-break rule matches here" (exactly the same disjunction):
    rules with the same afterbreak share one look-ahead, and their look-behinds of equal width
    become one look-behind (one jump back, then the alternatives). The look-behinds are tested
    first: an abbreviation list fails in a few character comparisons, while a look-ahead may
    scan the rest of the line (closing quotes, brackets) or a long word list."""
    groups: dict[str, list[tuple[int, str]] | None] = {}
    for behinds, after, _first in fast:
        if not behinds:
            groups[after] = None  # an empty beforebreak: the look-ahead alone decides
        elif groups.setdefault(after, []) is not None:
            groups[after].extend(behinds)  # type: ignore[union-attr]
    parts: list[str] = []
    for after, behinds in groups.items():
        look = f"(?={after})" if after else ""
        if behinds is None:
            parts.append(look or "(?:)")
            continue
        parts.append(_behind(behinds) + look)
    return "|".join(parts)


def _behind(behinds: list[tuple[int, str]]) -> str:
    """"One of these fixed-width forms ends here": one look-behind per width."""
    by_width: dict[int, list[str]] = {}
    for width, form in behinds:
        forms = by_width.setdefault(width, [])
        if form not in forms:
            forms.append(form)
    alts = [f"(?<={'|'.join(forms)})" for _w, forms in sorted(by_width.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def compile_state(rules: list[SrxRule], max_lookbehind: int = 100) -> dict:
    """The ordered rule list as the state :meth:`CompiledRules.from_state` loads: the scanning
    regex, the side scan, and the variable-width no-break rules left to Python."""
    fast: list[_NoBreak] = []
    slow_pre: list[str] = []
    slow: list[dict] = []
    alts: list[str] = []
    side_alts: list[str] = []
    side_pivot: set[str] = set()
    pivot: set[str] | None = {"\n"}
    k = 0
    for rule in rules:
        before = _confine_to_line(_decap(translate_java_regex(rule.before)))
        after = _confine_to_line(_decap(translate_java_regex(rule.after)))
        if not rule.is_break:
            _add_exception(before, after, fast, slow_pre, slow, max_lookbehind)
            continue
        if not before:
            continue  # an empty beforebreak never advances a forward search: ignored, as choppa does
        try:
            parsed = _sre_parse.parse(before)
            lo, hi = parsed.getwidth()
        except re.error as exc:
            raise GlossaryError(f"SRX rule does not compile: {rule.before!r}: {exc}") from None
        tail = (f"(?={after})" if after else "")
        # no-break rules whose afterbreak starts with a character this rule's afterbreak
        # never starts with cannot match where this rule matches: leave them out
        first = _first_set(after)
        usable = [f for f in fast if first is None or f[2] is None or first & f[2]]
        if usable:
            tail += "(?!" + _join_fast(usable) + ")"
        tail += f"(?P<b{k}>)"
        if slow_pre:
            # mark the match when a variable-width no-break rule may apply; Python checks it
            tail += f"(?:(?={'|'.join(slow_pre)})(?P<s{k}>))?"
        if lo == hi and lo > 0:
            edge = _edge_set(parsed, last=True)
            side = None
            if edge is None or edge & _SPACE_SET or len(edge) > 40:
                side = _after_pivot(before, after, tail, k)
            if side is not None:
                # pivot on a rare character of the afterbreak, in a second scan
                side_alts.append(side[0])
                side_pivot |= side[1]
                k += 1
                continue
            alts.append(f"(?<={before}){tail}")
        else:
            edge = _edge_set(parsed, last=False)
            alts.append(f"(?<=(?=(?>{before}){tail})[\\s\\S])")
        if edge is None or pivot is None:
            pivot = None
        else:
            pivot |= edge
        k += 1
    alts.append("(?<=\\n)(?P<nl>)")
    head = _class(pivot) if pivot is not None else "[\\s\\S]"
    scan = head + "(?:" + "|".join(alts) + ")"
    side_scan = _class(side_pivot) + "(?:" + "|".join(side_alts) + ")" if side_alts else None
    return {
        "scan": scan,
        "side": side_scan,
        "slow_window": max((ex["maxwidth"] for ex in slow), default=0) + 1,
        "slow": slow,
    }


def _add_exception(before: str, after: str, fast: list[_NoBreak],
                   slow_pre: list[str], slow: list[dict], max_lookbehind: int) -> None:
    """File a no-break rule: fixed-width ones join the scan's look-aheads (``fast``); a
    variable-width one is flagged by its fixed tail (``slow_pre``) and checked in Python."""
    look_after = f"(?={after})" if after else ""
    first = _first_set(after)
    if not before:
        fast.append(([], after, first))
        return
    try:
        lo, hi = _width(before)
    except re.error as exc:
        raise GlossaryError(f"SRX rule does not compile: {before!r}: {exc}") from None
    if lo == hi:
        fast.append(([(lo, before)], after, first))
        return
    forms = _fixed_forms(before)
    if forms is not None and all(forms):
        fast.append(([(_width(f)[0], f) for f in forms], after, first))
        return
    ftail = _fixed_tail(before)
    pre = (_behind([(_width(f)[0], f) for f in ftail]) if ftail else "") + look_after
    slow_pre.append("(?:" + pre + ")")
    slow.append({"prefilter": pre, "full": f"(?:{before})\\Z",
                 "maxwidth": hi if hi < _sre_parse.MAXREPEAT else max_lookbehind * 4,
                 "anchored": before.startswith("^")})
