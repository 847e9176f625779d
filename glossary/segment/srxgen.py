"""Build the shipped SRX file from the editable rule data.

Linguists edit ``data/rules/*.rules`` (ordered rules, one per line) and ``data/lists/*.txt``
(abbreviations, sentence starters, one per line); this module expands them into
``data/segment.srx``, a plain SRX 2.0 file that the engine loads and that ``glossary srx``
exports for OmegaT / Okapi. ``tests/test_srx.py`` checks that the shipped file is up to date.

    python -m glossary.segment.srxgen   # rewrite data/segment.srx and data/segment.compiled.json
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from glossary.formats.srx import SrxDocument, SrxRule, serialize

DATA = Path(__file__).parent / "data"
LANGUAGES = ("en", "ru", "be", "fa")

UPPER = ("A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"
         "А-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏҐ")
LOWER = ("a-zß-öø-ÿāăąćčďđēęěğįıłńňōőœřśşšţťūůűųźżž"
         "а-яёђѓєѕіїјљњћќўџґ")
PERSIAN = "ء-يٮ-ۓەۺ-ۿ"  # Arabic-script letters used in Persian (incl. پ چ ژ گ ک ی)
LETTER = "A-Za-zÀ-ÖØ-öø-ɏЀ-ӿ"  # Latin (with Latin-1 and Extended-A/B) and Cyrillic letters
MACROS = {
    "{U}": UPPER,
    "{Lo}": LOWER,
    "{A}": LETTER + PERSIAN,
    "{W}": LETTER + PERSIAN + "0-9٠-٩۰-۹",
}
_ABBR = re.compile(r"\{abbr:(\w+)\}")


def read_list(name: str) -> list[str]:
    """Entries of ``data/lists/<name>.txt`` (one per line; ``#`` comments and blanks skipped)."""
    path = DATA / "lists" / f"{name}.txt"
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _escape(entry: str) -> str:
    # re.escape output that Java, Python re and the regex package (V1 mode) all read the same way
    return "".join("\\" + c if c in ".^$*+?()[]{}|\\-&~" else c for c in entry)


def _expand(pattern: str, lang: str) -> str:
    for key, value in MACROS.items():
        pattern = pattern.replace(key, value)
    for name in re.findall(r"\{list:(\w+)\}", pattern):
        words = sorted(read_list(name), key=lambda w: (-len(w), w))
        pattern = pattern.replace(f"{{list:{name}}}", "(?:" + "|".join(map(_escape, words)) + ")")
    if "{starters}" in pattern:
        words = sorted(read_list(f"{lang}_starters"), key=lambda w: (-len(w), w))
        pattern = pattern.replace("{starters}", "(?:" + "|".join(map(_escape, words)) + ")")
    return pattern


def read_rules(name: str, lang: str) -> list[SrxRule]:
    """The rules of ``data/rules/<name>.rules`` with includes and macros expanded."""
    path = DATA / "rules" / f"{name}.rules"
    rules: list[SrxRule] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith("@include "):
            rules.extend(read_rules(raw.split(None, 1)[1].strip(), lang))
            continue
        fields = raw.split("\t")
        comment = ""
        if fields and fields[-1].lstrip().startswith("#") and len(fields) > 3:
            comment = fields.pop().lstrip()[1:].strip()
        while len(fields) < 3:
            fields.append("")
        kind, before, after = fields[0].strip(), fields[1], fields[2]
        if kind not in ("yes", "no"):
            raise ValueError(f"{path}:{lineno}: rule must start with yes or no")
        before, after = _expand(before, lang), _expand(after, lang)
        m = _ABBR.search(before)
        if not m:
            rules.append(SrxRule(kind == "yes", before, after, comment))
            continue
        # one rule per abbreviation length: every beforebreak keeps a fixed width. A leading
        # "(?<![…])" word-boundary test moves behind the literals ("(?:Mr|Dr)\\.(?<![…]...)"),
        # the same condition, but engines reject most positions on the first letter.
        bound = re.fullmatch(r"\(\?<!(\[[^\]]*\])\)\(\?:", before[:m.start()])
        by_len: dict[int, list[str]] = {}
        for entry in read_list(m.group(1)):
            by_len.setdefault(len(entry), []).append(entry)
        for n, (length, entries) in enumerate(sorted(by_len.items(), reverse=True)):
            alt = "|".join(_escape(e) for e in sorted(entries))
            rest = before[m.end():]
            if bound and rest == r")\.":
                pat = f"(?:{alt})\\.(?<!{bound.group(1)}.{{{length + 1}}})"
            else:
                pat = before[:m.start()] + alt + rest
            rules.append(SrxRule(kind == "yes", pat, after, comment if n == 0 else ""))
    return rules


def build_document() -> SrxDocument:
    """The SRX document for all shipped languages (no cascade: each language rule is complete)."""
    doc = SrxDocument(cascade=False)
    for lang in LANGUAGES:
        doc.language_rules[lang] = read_rules(lang, lang)
        doc.maps.append((f"{lang}(?:[-_].*)?", lang))
    return doc


def build_bytes() -> bytes:
    return serialize(build_document())


def main(argv: list[str] | None = None) -> int:
    from glossary.segment import COMPILED_CACHE, DEFAULT_SRX, compiled_cache_bytes

    for target, make in ((DEFAULT_SRX, build_bytes), (COMPILED_CACHE, compiled_cache_bytes)):
        data = make()
        if target.exists() and target.read_bytes() == data:
            print(f"{target}: up to date")
        else:
            target.write_bytes(data)
            print(f"{target}: written")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
