"""Bilingual tab-separated and CSV glossaries (one file per target language).

The tab-separated file is OmegaT's own glossary format: ``source<TAB>target<TAB>comment``,
UTF-8, ``#`` lines are comments. OmegaT 3.6 reads it only under the names ``.utf8`` (UTF-8),
``.txt``/``.tab`` (encoding guessed); it silently ignores ``.tsv``, so the kit writes
``glossary.en-<lang>.utf8``. The CSV (``glossary.en-<lang>.csv``) has the same three columns
for spreadsheets and termbase import dialogs (memoQ, MultiTerm); OmegaT reads it too.

Which entries: only terms with a non-empty translation in that language. An entry without a
target term gives OmegaT nothing to show, and a termbase import would create an empty target
term. Approved translations have the category as comment; suggested (fuzzy) ones say
"suggested, not approved" in the comment. :mod:`glossary.exports` writes no file for a
language without any translated term (OmegaT would read an empty glossary). No date is
written: same content, same bytes.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence

from glossary.errors import GlossaryError
from glossary.fileio import atomic_write, read_text
from glossary.model import State, Translation, Unit

SUGGESTED = "suggested, not approved"


def _cell(text: str) -> str:
    """One line of text: tabs and line breaks would break the columns."""
    return " ".join(text.split())


def rows(units: Sequence[Unit], lang: str) -> list[tuple[str, str, str]]:
    """(source, target, comment) for every unit with a non-empty ``lang`` translation."""
    out = []
    for unit in units:
        tr = unit.translations.get(lang)
        if tr is None or tr.state is State.EMPTY or not tr.text.strip():
            continue
        comment = [unit.category] if unit.category else []
        if tr.state is State.SUGGESTED:
            comment.append(SUGGESTED)
        out.append((_cell(unit.source), _cell(tr.text), "; ".join(comment)))
    return out


def render_tab(units: Sequence[Unit], lang: str, srclang: str = "en") -> bytes:
    """OmegaT tab-separated glossary bytes (UTF-8, no BOM, LF line ends)."""
    lines = [f"# glossary: {srclang} -> {lang} terms for OmegaT (UTF-8; .utf8 on purpose: "
             f"OmegaT ignores .tsv)",
             f"# {srclang}\t{lang}\tcomment"]
    lines += ["\t".join(row) for row in rows(units, lang)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_csv(units: Sequence[Unit], lang: str, srclang: str = "en") -> bytes:
    """CSV bytes: a ``#``-commented header naming the columns, then one row per term."""
    buf = io.StringIO()
    buf.write(f"# {srclang},{lang},comment\n")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows(rows(units, lang))
    return buf.getvalue().encode("utf-8")


def write_tab(path: str | os.PathLike[str], units: Sequence[Unit], lang: str,
              srclang: str = "en") -> bool:
    """Write the tab glossary atomically; False when the bytes were already there."""
    return atomic_write(path, render_tab(units, lang, srclang))


def write_csv(path: str | os.PathLike[str], units: Sequence[Unit], lang: str,
              srclang: str = "en") -> bool:
    """Write the CSV glossary atomically; False when the bytes were already there."""
    return atomic_write(path, render_csv(units, lang, srclang))


def _unit(source: str, target: str, comment: str, lang: str) -> Unit:
    parts = [p.strip() for p in comment.split(";") if p.strip()]
    state = State.SUGGESTED if SUGGESTED in parts else State.APPROVED
    category = next((p for p in parts if p != SUGGESTED), "")
    return Unit("", source, category=category,
                translations={lang: Translation(target, lang, state)})


def read_tab(path: str | os.PathLike[str], lang: str) -> list[Unit]:
    """A tab-separated glossary as Units (``#`` lines skipped; at least two columns a line)."""
    units = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip():
            raise GlossaryError("expected source<TAB>target[<TAB>comment]", os.fspath(path),
                                number)
        units.append(_unit(cols[0].strip(), cols[1].strip(),
                           cols[2] if len(cols) > 2 else "", lang))
    return units


def read_csv(path: str | os.PathLike[str], lang: str) -> list[Unit]:
    """A CSV glossary as Units (``#`` lines skipped)."""
    text = "\n".join(line for line in read_text(path).splitlines() if not line.startswith("#"))
    units = []
    for number, cols in enumerate(csv.reader(io.StringIO(text)), 1):
        if not cols:
            continue
        if len(cols) < 2 or not cols[0].strip():
            raise GlossaryError("expected source,target[,comment]", os.fspath(path), number)
        units.append(_unit(cols[0].strip(), cols[1].strip(),
                           cols[2] if len(cols) > 2 else "", lang))
    return units
