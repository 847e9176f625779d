"""Diplomatic term extraction: persons, titles, organizations, places, events and concepts.

A rule-based pipeline over plain data files (``data/en/``): :mod:`.candidates` finds mentions
in each sentence, :mod:`.link` groups them into referents with their variants (surnames,
acronyms, back-references), and :func:`extract_terms` merges referents across articles.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary.gcpause import gc_paused
from glossary.model import Article, Term
from glossary.terms.candidates import Scanner
from glossary.terms.embedded import add_embedded_forms
from glossary.terms.lexicon import forget_remembered, load
from glossary.terms.link import Ent, link_article, norm, to_term

__all__ = ["clear_caches", "extract_terms"]


def extract_terms(articles: Sequence[Article]) -> list[Term]:
    """Glossary terms across ``articles``, one per referent, in order of first occurrence.

    >>> from glossary.segment import segment
    >>> text = "Iranian Foreign Minister Abbas Araghchi met the Non-Aligned Movement (NAM) in Kampala."
    >>> art = Article("a", "a.txt", text, tuple(segment(text, "en")))
    >>> [(t.term, t.category, t.variants) for t in extract_terms([art])][:3]
    [('Foreign Minister', 'title', ('Foreign Ministers',)), ('Abbas Araghchi', 'person', ()), ('Non-Aligned Movement', 'organization', ('NAM',))]
    """
    with gc_paused():
        return _extract(articles)


def clear_caches() -> None:
    """Forget the answers remembered for strings seen before (acronym tests, folded forms,
    plurals), so that a benchmark pass over texts already read costs what the first pass did.
    The lexicon stays loaded."""
    forget_remembered()


def _extract(articles: Sequence[Article]) -> list[Term]:
    lx = load()
    scanner = Scanner(lx)
    slugs = [a.slug for a in articles]
    merged: list[Ent] = []
    index: dict[tuple[str, str], Ent] = {}
    for ai, art in enumerate(articles):
        mentions = scanner.scan(art)
        for m in mentions:
            m.slug = art.slug
        ents = link_article(mentions, lx, merged)
        add_embedded_forms(ents, lx, art.text)
        for e in ents:
            e.order = (ai, min([m.start for m in e.mentions]))
            keys = {(e.cat, norm(f)) for f in e.key_forms()}
            if e.cat in ("title", "concept"):
                keys.add((e.cat, "#" + norm(e.key)))
            target = next((index[k] for k in sorted(keys) if k in index), None)
            if target is None:
                target = e
                target.slugs = slugs
                merged.append(e)
            else:
                target.mentions.extend(e.mentions)
                target.extra.extend(x for x in e.extra if x not in target.extra)
            for k in keys:
                index.setdefault(k, target)
    merged.sort(key=lambda e: e.order)
    return [to_term(e) for e in merged]
