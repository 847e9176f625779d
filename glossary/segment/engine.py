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

import hashlib
import heapq
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from typing import TYPE_CHECKING

from glossary.errors import GlossaryError

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


_WS_CHARS = (" \t\n\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
             "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
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
    digest = hashlib.sha256(f"{flags}:{pattern}".encode("utf-8")).hexdigest()[:24]
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


@dataclass(slots=True)
class _SlowException:
    """A no-break rule whose before-break pattern has a variable width."""

    prefilter: re.Pattern[str]  # (?<=fixed tail)(?=after), anchored at the break with .match
    full: re.Pattern[str]       # (?:before)\Z, searched in a bounded window ending at the break
    maxwidth: int
    anchored: bool              # before starts with ^: one match from the line start


def _first_set(after: str) -> set[str] | None:
    """Characters an afterbreak pattern can start with (None: any, or unknown)."""
    if not after:
        return None
    try:
        return _edge_set(_sre_parse.parse(after), last=False)
    except re.error:
        return None


def _join_fast(fast: list[tuple[str, str, set[str] | None]]) -> str:
    """One alternation for "some no-break rule matches here": rules with the same afterbreak
    share one look-ahead, tested before their look-behinds (exactly the same disjunction)."""
    groups: dict[str, list[str]] = {}
    for before, after, _first in fast:
        groups.setdefault(after, []).append(before)
    parts: list[str] = []
    for after, befores in groups.items():
        look = f"(?={after})" if after else ""
        if any(b == "" for b in befores):
            parts.append(look or "(?:)")
        elif len(befores) == 1:
            parts.append(look + befores[0])
        else:
            parts.append(look + "(?:" + "|".join(befores) + ")")
    return "|".join(parts)


class CompiledRules:
    """An ordered SRX rule list compiled into one scanning regex.

    The scanning regex has the form ``[S](?:ALT_1|…|ALT_k|(?<=\\n))``: ``S`` is the set of
    characters a break rule's match can pivot on (the last character of a fixed-width
    ``beforebreak``, the first character of a variable-width one), which lets ``re`` skip
    through the text in C; each ``ALT_i`` checks the break rule's ``beforebreak`` and
    ``afterbreak`` and, in a negative look-ahead, all fixed-width no-break rules listed before
    it at once. Only variable-width no-break rules (rare) are left to Python, and only where
    their fixed-width tail and afterbreak match.
    """

    def __init__(self, rules: list[SrxRule], max_lookbehind: int = 100) -> None:
        self.rules = list(rules)
        fast: list[tuple[str, str, set[str] | None]] = []
        slow_pre: list[str] = []
        self._slow: list[_SlowException] = []
        alts: list[str] = []
        side_alts: list[str] = []
        side_pivot: set[str] = set()
        pivot: set[str] | None = {"\n"}
        self._kinds: dict[str, tuple[int, ...]] = {}
        k = 0
        for rule in self.rules:
            before = _confine_to_line(_decap(translate_java_regex(rule.before)))
            after = _confine_to_line(_decap(translate_java_regex(rule.after)))
            if not rule.is_break:
                self._add_exception(before, after, fast, slow_pre, max_lookbehind)
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
                self._kinds[f"s{k}"] = tuple(range(len(self._slow)))
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
        self._slow_window = max((ex.maxwidth for ex in self._slow), default=0) + 1
        alts.append("(?<=\\n)(?P<nl>)")
        head = _class(pivot) if pivot is not None else "[\\s\\S]"
        try:
            self._scan = re.compile(head + "(?:" + "|".join(alts) + ")", re.MULTILINE)
            self._side = (re.compile(_class(side_pivot) + "(?:" + "|".join(side_alts) + ")",
                                     re.MULTILINE) if side_alts else None)
        except re.error as exc:
            raise GlossaryError(f"SRX rules do not compile together: {exc}") from None

    def state(self) -> dict:
        """What a later process needs to rebuild these compiled rules without re-analysing them."""
        return {
            "scan": self._scan.pattern,
            "side": self._side.pattern if self._side is not None else None,
            "slow_window": self._slow_window,
            "slow": [{"prefilter": ex.prefilter.pattern, "full": ex.full.pattern,
                      "maxwidth": ex.maxwidth, "anchored": ex.anchored} for ex in self._slow],
        }

    @classmethod
    def from_state(cls, state: dict) -> CompiledRules:
        """Rebuild from :meth:`state` (only one regex compilation for the scan)."""
        self = cls.__new__(cls)
        self.rules = []
        self._scan = compile_cached(state["scan"])
        self._side = compile_cached(state["side"]) if state.get("side") else None
        self._slow_window = state["slow_window"]
        self._slow = [_SlowException(prefilter=re.compile(ex["prefilter"], re.MULTILINE),
                                     full=re.compile(ex["full"], re.MULTILINE),
                                     maxwidth=ex["maxwidth"], anchored=ex["anchored"])
                      for ex in state["slow"]]
        return self

    def _add_exception(self, before: str, after: str, fast: list[tuple[str, str, set[str] | None]], slow_pre: list[str],
                       max_lookbehind: int) -> None:
        look_after = f"(?={after})" if after else ""
        first = _first_set(after)
        if not before:
            fast.append(("", after, first))
            return
        try:
            lo, hi = _width(before)
        except re.error as exc:
            raise GlossaryError(f"SRX rule does not compile: {before!r}: {exc}") from None
        if lo == hi:
            fast.append((f"(?<={before})", after, first))
            return
        forms = _fixed_forms(before)
        if forms is not None and all(forms):
            fast.append(("(?:" + "|".join(f"(?<={f})" for f in forms) + ")", after, first))
            return
        ftail = _fixed_tail(before)
        pre = ("(?:" + "|".join(f"(?<={f})" for f in ftail) + ")" if ftail else "") + look_after
        slow_pre.append("(?:" + pre + ")")
        maxwidth = hi if hi < _sre_parse.MAXREPEAT else max_lookbehind * 4
        self._slow.append(_SlowException(
            prefilter=re.compile(pre, re.MULTILINE),
            full=re.compile(f"(?:{before})\\Z", re.MULTILINE),
            maxwidth=maxwidth,
            anchored=before.startswith("^"),
        ))

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
_WS = _WS_CHARS + "\ufeff"


def spans(text: str, rules: CompiledRules) -> list[tuple[int, int]]:
    """(start, end) of each sentence: whitespace-trimmed, never empty, line breaks are hard breaks."""
    return rules.spans(text)
