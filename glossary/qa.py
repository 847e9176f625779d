"""``glossary check``: translation QA over PO catalogs, aware of Russian, Belarusian and Persian.

Every finding is ``file:line: [check] message`` (``line`` = the entry's line in the PO file, 1 for
findings about the whole file). Checks and their severity:

===============  ========  =================================================================
check            severity  what
===============  ========  =================================================================
header           error     ``Language`` missing or not the catalog's language (its
                           ``locales/<lang>/LC_MESSAGES`` folder or ``--lang``);
                           ``Plural-Forms`` missing or not equal in value to CLDR's
terminology      error     an approved glossary term occurs in the English sentence, but its
                           approved rendering is in no inflected form in the translation
                           (:mod:`glossary.morph`)
numbers          error     a number of the source is missing *and* the translation has one
                           the source lacks (a changed number); digits of any script compare
                           equal (۱۹ = ١٩ = 19), grouping and decimal signs per language
numbers          warning   a number is only missing (perhaps spelled out) or only added
empty            error     a translation that is only whitespace
whitespace       warning   leading or trailing whitespace differs from the source
punctuation      warning   end punctuation differs from the source's (``?`` is ``؟`` in
                           Persian); Latin ``,`` ``;`` ``?`` inside a Persian translation
quotes           warning   English quotes (``"`` or “ ”) in a ru/be/fa translation: use « »
untranslated     warning   per file: how many entries have no translation
fuzzy            warning   per file: how many entries are fuzzy (suggestions to confirm)
===============  ========  =================================================================

Content checks look only at translated, non-fuzzy entries. The glossary for a catalog is the
``glossary.po`` beside it (same language folder); its approved entries are the non-fuzzy ones
with a translation. A term is found in the English sentence case-insensitively as a whole word
(its ``variants:`` too); a term inside a longer term found at the same place is not required on
its own ("UN" inside "UN Security Council").
"""

from __future__ import annotations

import gettext
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import polib

from glossary.errors import GlossaryError
from glossary.formats.po import read_po
from glossary.langs import plural_forms
from glossary.morph import TermMatcher, base_lang
from glossary.textnorm import fold, fold_digits

ERROR = "error"
WARNING = "warning"
GLOSSARY_FILE = "glossary.po"
GUILLEMET_LANGS = frozenset({"ru", "be", "fa", "uk"})


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    check: str
    severity: str
    message: str
    msgid: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.check}] {self.message}"

    def to_json(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- the glossary


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    category: str
    translation: str
    forms: tuple[str, ...]  # the term and its variants

    def pattern(self) -> re.Pattern[str]:
        alts = sorted({re.escape(fold(f, "en")) for f in self.forms if f.strip()},
                      key=len, reverse=True)
        return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")


def approved_terms(po: polib.POFile) -> list[GlossaryTerm]:
    """The glossary entries with a translation and no fuzzy flag."""
    out = []
    for e in po:
        if e.obsolete or not e.msgid or "fuzzy" in e.flags or not e.msgstr.strip():
            continue
        forms = [e.msgid]
        for line in e.comment.splitlines():
            if line.startswith("variants: "):
                forms += [v.strip() for v in line[len("variants: "):].split(" | ") if v.strip()]
        out.append(GlossaryTerm(e.msgid, e.msgctxt or "", e.msgstr.strip(), tuple(forms)))
    return out


def terms_in_source(source: str, terms: Sequence[GlossaryTerm]) -> list[GlossaryTerm]:
    """The terms found in ``source``, without those only found inside a longer term's match."""
    text = fold(source, "en")
    spans: list[tuple[int, int, int]] = []
    for i, t in enumerate(terms):
        spans += [(m.start(), m.end(), i) for m in t.pattern().finditer(text)]
    needed: list[GlossaryTerm] = []
    for s, e, i in spans:
        inside = any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) and j != i
                     for s2, e2, j in spans)
        if not inside and terms[i] not in needed:
            needed.append(terms[i])
    return needed


# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c'\u00a0\u202f\u2009 ]\d+)*")
_GROUP_SEPS = {",", "\u066c", "'", "\u00a0", "\u202f", "\u2009", " ", "."}
_DECIMAL_SEPS = {".", ",", "\u066b"}


def _canonical(groups: list[str], seps: list[str]) -> list[str]:
    if not seps:
        return [str(int(groups[0]))]
    decimal = None
    if seps[-1] == "\u066b" or (seps[-1] in _DECIMAL_SEPS and len(groups[-1]) != 3):
        decimal = groups[-1].rstrip("0") or "0"
        groups, seps = groups[:-1], seps[:-1]
    grouped = (not seps or (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
                            and len(set(seps)) == 1 and seps[0] in _GROUP_SEPS))
    if grouped:
        whole = [str(int("".join(groups)))]
    else:  # "2024 2025", "19, 20" written tight: separate numbers
        whole = [str(int(g)) for g in groups]
    if decimal is not None:
        whole[-1] = f"{whole[-1]}.{decimal}" if decimal != "0" else whole[-1]
    return whole


def numbers(text: str) -> Counter[str]:
    """The numbers in ``text`` as canonical strings: any digits, grouping and decimal signs."""
    out: Counter[str] = Counter()
    for m in _NUMBER.finditer(fold_digits(text)):
        raw = m.group()
        groups = re.split(r"[^\d]", raw)
        seps = re.findall(r"[^\d]", raw)
        out.update(_canonical(groups, seps))
    return out


# ---------------------------------------------------------------- punctuation

_CLOSERS = "\"'”’»)]*"
_END = {".": ".", "…": ".", "?": "?", "؟": "?", "!": "!", ":": ":", ";": ";", "؛": ";"}


def _end_mark(text: str) -> str:
    t = text.rstrip().rstrip(_CLOSERS).rstrip()
    if t.endswith("..."):
        return "."
    return _END.get(t[-1:], "") if t else ""


def _expected_mark(mark: str, lang: str) -> str:
    if base_lang(lang) == "fa":
        return {"?": "؟", ";": "؛"}.get(mark, mark)
    return mark


# ---------------------------------------------------------------- checking


def _plural_value(spec: str) -> tuple[int, tuple[int, ...]] | None:
    m = re.search(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$", spec or "")
    if not m:
        return None
    try:
        fn = gettext.c2py(m.group(2).strip().rstrip(";"))
        return int(m.group(1)), tuple(fn(n) for n in range(0, 1201))
    except (ValueError, SyntaxError, RecursionError):
        return None


def lang_of(path: Path, po: polib.POFile) -> str | None:
    """The catalog's language: its ``locales/<lang>/LC_MESSAGES/`` folder, else its header."""
    if path.parent.name == "LC_MESSAGES" and path.parent.parent.name:
        return path.parent.parent.name
    return (po.metadata.get("Language") or "").strip() or None


class Checker:
    """Runs every check over catalogs; glossaries are read once per folder."""

    def __init__(self, use_pymorphy: bool = True) -> None:
        self.use_pymorphy = use_pymorphy
        self._glossaries: dict[Path, list[GlossaryTerm]] = {}
        self._matchers: dict[str, TermMatcher] = {}

    def matcher(self, lang: str) -> TermMatcher:
        if lang not in self._matchers:
            self._matchers[lang] = TermMatcher(lang, self.use_pymorphy)
        return self._matchers[lang]

    def glossary_for(self, path: Path) -> list[GlossaryTerm]:
        gpath = path.parent / GLOSSARY_FILE
        if gpath not in self._glossaries:
            gpo = read_po(gpath)
            self._glossaries[gpath] = approved_terms(gpo) if gpo is not None else []
        return self._glossaries[gpath]

    # -- one catalog

    def check_catalog(self, po: polib.POFile, lang: str | None, name: str,
                      glossary: Sequence[GlossaryTerm] = ()) -> list[Finding]:
        found: list[Finding] = []
        found += self._header(po, lang, name)
        entries = [e for e in po if not e.obsolete and e.msgid]
        untranslated = [e for e in entries if not e.translated() and "fuzzy" not in e.flags]
        fuzzy = [e for e in entries if "fuzzy" in e.flags]
        if untranslated:
            found.append(Finding(name, 1, "untranslated", WARNING,
                                 f"{len(untranslated)} of {len(entries)} entries untranslated"))
        if fuzzy:
            found.append(Finding(name, 1, "fuzzy", WARNING,
                                 f"{len(fuzzy)} of {len(entries)} entries fuzzy (to confirm)"))
        for e in entries:
            if "fuzzy" in e.flags:
                continue
            targets = ([v for _, v in sorted(e.msgstr_plural.items())] if e.msgid_plural
                       else [e.msgstr])
            for target in targets:
                if not target:
                    continue
                found += self._entry(e, target, lang or "", name, glossary)
        return found

    def _header(self, po: polib.POFile, lang: str | None, name: str) -> list[Finding]:
        out = []
        header_lang = (po.metadata.get("Language") or "").strip()
        if not header_lang:
            out.append(Finding(name, 1, "header", ERROR, "no Language header"))
        elif lang and header_lang.replace("_", "-").lower() != lang.replace("_", "-").lower():
            out.append(Finding(name, 1, "header", ERROR,
                               f"Language is {header_lang!r}, the catalog is for {lang!r}"))
        if not lang:
            return out
        expected = plural_forms(lang)
        actual = po.metadata.get("Plural-Forms", "")
        if not actual.strip():
            out.append(Finding(name, 1, "header", ERROR,
                               f"no Plural-Forms header; CLDR: {expected}"))
        elif _plural_value(actual) != _plural_value(expected):
            out.append(Finding(name, 1, "header", ERROR,
                               f"Plural-Forms {actual!r} differs from CLDR's {expected!r}"))
        return out

    def _entry(self, e: polib.POEntry, target: str, lang: str, name: str,
               glossary: Sequence[GlossaryTerm]) -> list[Finding]:
        out: list[Finding] = []
        line = e.linenum or 1

        def add(check: str, severity: str, message: str) -> None:
            out.append(Finding(name, line, check, severity, message, e.msgid))

        if not target.strip():
            add("empty", ERROR, "translation is only whitespace")
            return out
        src = e.msgid
        for side, s, t in (("leading", src[: len(src) - len(src.lstrip())],
                            target[: len(target) - len(target.lstrip())]),
                           ("trailing", src[len(src.rstrip()):], target[len(target.rstrip()):])):
            if s != t:
                add("whitespace", WARNING,
                    f"{side} whitespace {t!r} differs from the source's {s!r}")
        base = base_lang(lang)
        # end punctuation
        sm, tm = _end_mark(src), _end_mark(target)
        if sm != tm:
            want = _expected_mark(sm, lang) if sm else "none"
            add("punctuation", WARNING,
                f"ends with {target.rstrip()[-1:]!r}, expected end punctuation {want!r}")
        if base == "fa":
            body = re.sub(r"(?<=\d),(?=\d)", "", fold_digits(target))
            for latin, persian in ((",", "،"), (";", "؛"), ("?", "؟")):
                if latin in body:
                    add("punctuation", WARNING, f"Latin {latin!r} in Persian text: use {persian!r}")
        # quotes
        if base in GUILLEMET_LANGS:
            if '"' in target or (("“" in target or "”" in target) and "«" not in target):
                add("quotes", WARNING, "English quotation marks: use « »")
        # numbers
        ns, nt = numbers(src), numbers(target)
        missing, extra = ns - nt, nt - ns
        if missing and extra:
            add("numbers", ERROR,
                f"number(s) changed: {_fmt(missing)} in the source, {_fmt(extra)} in the "
                "translation")
        elif missing:
            add("numbers", WARNING, f"number(s) {_fmt(missing)} of the source not in the "
                                    "translation")
        elif extra:
            add("numbers", WARNING, f"number(s) {_fmt(extra)} not in the source")
        # terminology
        if glossary and lang:
            matcher = self.matcher(lang)
            for term in terms_in_source(src, glossary):
                if not matcher.contains(target, term.translation):
                    add("terminology", ERROR,
                        f"term {term.term!r} ({term.category}) is not rendered as "
                        f"{term.translation!r}")
        return out

    # -- files and folders

    def check_file(self, path: Path, lang: str | None = None) -> list[Finding]:
        po = read_po(path)
        if po is None:
            raise GlossaryError("no such file", str(path))
        file_lang = lang_of(path, po)
        if lang and file_lang and file_lang.lower() != lang.lower():
            return []
        lang = file_lang or lang
        glossary = [] if path.name == GLOSSARY_FILE else self.glossary_for(path)
        return self.check_catalog(po, lang, _display(path), glossary)


def _fmt(c: Counter[str]) -> str:
    return ", ".join(sorted(c.elements(), key=lambda x: (len(x), x)))


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def catalog_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The PO files named or found (recursively) under the folders named; error if none."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.rglob("*.po"))
        elif p.is_file():
            out.append(p)
        else:
            raise GlossaryError("no such file or folder", str(p))
    return out


def check_paths(paths: Iterable[str | Path], lang: str | None = None,
                use_pymorphy: bool = True) -> list[Finding]:
    """Every finding for the catalogs in ``paths`` (files or folders), file by file."""
    checker = Checker(use_pymorphy)
    found: list[Finding] = []
    for path in catalog_paths(paths):
        found += checker.check_file(path, lang)
    return found


def exit_status(findings: Sequence[Finding]) -> int:
    return 1 if any(f.severity == ERROR for f in findings) else 0


def render(findings: Sequence[Finding], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{f}\n" for f in findings)
