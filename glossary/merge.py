"""msgmerge semantics over polib catalogs, as a pure function: nothing a translator wrote is lost.

* an entry whose msgid (and msgctxt) is still in the template keeps its msgstr, flags,
  translator comments and previous msgid; its references and extracted comments come from
  the template;
* an obsolete entry whose source comes back is restored the same way;
* a new entry close to a translated one that left the template (score at or above
  ``threshold``, see :mod:`glossary.similarity`) takes that translation, flagged ``fuzzy``
  with the old source as ``#| msgid``; pairs are matched best score first, so each old
  translation goes to the new sentence most like it;
* a translated entry (or one with a translator comment) that left the template and was not
  reused becomes obsolete (``#~``); obsolete entries stay obsolete; untranslated entries without
  a translator comment that left are dropped (there is nothing of a translator's in them).
"""

from __future__ import annotations

import polib

from glossary.similarity import score_tokens, tokens

DEFAULT_THRESHOLD = 75.0


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _translated(entry: polib.POEntry) -> bool:
    if entry.msgstr_plural:
        return any(v.strip() for v in entry.msgstr_plural.values())
    return bool(entry.msgstr.strip())


def _worth_keeping(entry: polib.POEntry) -> bool:
    return _translated(entry) or bool(entry.tcomment.strip())


def _carry(new: polib.POEntry, old: polib.POEntry) -> None:
    """Copy the translator's part of ``old`` into ``new``."""
    new.msgstr = old.msgstr
    if old.msgstr_plural:
        new.msgstr_plural = dict(old.msgstr_plural)
    new.flags = [f for f in old.flags]
    new.tcomment = old.tcomment
    new.previous_msgctxt = old.previous_msgctxt
    new.previous_msgid = old.previous_msgid
    new.previous_msgid_plural = old.previous_msgid_plural


def merge(template: list[polib.POEntry], existing: polib.POFile | None,
          threshold: float = DEFAULT_THRESHOLD) -> tuple[list[polib.POEntry], list[polib.POEntry]]:
    """Merge ``existing`` translations into fresh ``template`` entries (which are modified).

    Returns ``(active, obsolete)`` entries in template order and old order respectively.
    """
    if existing is None:
        return template, []
    active = {_key(e): e for e in existing if not e.obsolete}
    obsolete = {_key(e): e for e in existing if e.obsolete}
    wanted = {_key(e) for e in template}
    leftover = [e for e in existing if _key(e) not in wanted and _worth_keeping(e)]
    used: set[tuple[str | None, str]] = set()
    unmatched: list[polib.POEntry] = []
    for entry in template:
        old = active.get(_key(entry)) or obsolete.get(_key(entry))
        if old is not None:
            _carry(entry, old)
        else:
            unmatched.append(entry)
    candidates = [old for old in leftover if _translated(old)]
    pairs = []
    if unmatched and candidates:
        old_tokens = [tokens(old.msgid) for old in candidates]
        for i, entry in enumerate(unmatched):
            new_tokens = tokens(entry.msgid)
            for j, old in enumerate(candidates):
                if old.msgctxt != entry.msgctxt:
                    continue
                s = score_tokens(old_tokens[j], new_tokens, threshold)
                if s is not None and s >= threshold:
                    pairs.append((-s, i, j))
    pairs.sort()
    taken: set[int] = set()
    for _, i, j in pairs:  # best pairs first; each old and each new entry used once
        entry, best = unmatched[i], candidates[j]
        if id(entry) in taken or _key(best) in used:
            continue
        taken.add(id(entry))
        used.add(_key(best))
        _carry(entry, best)
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        entry.previous_msgctxt = best.msgctxt
        entry.previous_msgid = best.msgid
    gone: list[polib.POEntry] = []
    for old in existing:
        if _key(old) in wanted or _key(old) in used:
            continue
        if old.obsolete or _worth_keeping(old):
            old.obsolete = True
            gone.append(old)
    return template, gone
