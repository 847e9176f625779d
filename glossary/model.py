"""The one in-memory model every stage reads and writes.

Segmenting fills :class:`Article.segments`, term extraction produces :class:`Term`s, the
exporters turn both into catalogs. Positions are character offsets into the article's decoded
text, so a segment or an occurrence can always be cut back out of the source exactly.

State mapping used by every exporter (tested in ``tests/test_model.py``):

* ``APPROVED``  = a PO entry with a msgstr and no ``fuzzy`` flag; exported to TMX/TBX.
* ``SUGGESTED`` = a PO entry with a msgstr and the ``fuzzy`` flag; not exported to TMX.
* ``EMPTY``     = an empty msgstr.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple

CATEGORIES: tuple[str, ...] = ("person", "title", "organization", "location", "event", "concept")


class State(enum.Enum):
    """How far a translation is from being usable."""

    EMPTY = "empty"
    SUGGESTED = "suggested"
    APPROVED = "approved"


class Origin(enum.Enum):
    """Where a translation came from."""

    TRANSLATOR = "translator"
    MEMORY = "memory"
    CLDR = "cldr"


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence: ``text == article_text[start:end]``; ``line`` is the 1-based line of ``start``."""

    text: str
    start: int
    end: int
    line: int = 1


@dataclass(frozen=True, slots=True)
class Article:
    """An input article: its slug (file stem), the path it was read from, its text and sentences."""

    slug: str
    path: str
    text: str
    segments: tuple[Segment, ...] = ()


class Occurrence(NamedTuple):
    """Where a term occurs: article slug, sentence index, character offsets in the article text.
    A plain value, made by the thousand for every article: a named tuple is the cheapest to build."""

    article: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Term:
    """One referent of the glossary: canonical form, category, other surface forms, occurrences."""

    term: str
    category: str
    variants: tuple[str, ...] = ()
    occurrences: tuple[Occurrence, ...] = ()

    @property
    def count(self) -> int:
        return len(self.occurrences)

    def to_json(self) -> dict:
        """The JSON shape of ``glossary terms --format json``."""
        return {
            "term": self.term,
            "category": self.category,
            "variants": list(self.variants),
            "count": self.count,
            "occurrences": [
                {"article": o.article, "sentence": o.sentence, "start": o.start, "end": o.end}
                for o in self.occurrences
            ],
        }


@dataclass(frozen=True, slots=True)
class Translation:
    """A target-language rendering of a sentence or term, with its workflow state and origin."""

    text: str
    lang: str
    state: State = State.APPROVED
    origin: Origin = Origin.TRANSLATOR
    note: str = ""

    @property
    def usable(self) -> bool:
        """Approved and non-empty: what may go into TMX and TBX as a real translation."""
        return self.state is State.APPROVED and bool(self.text.strip())


@dataclass(slots=True)
class Unit:
    """One exportable unit (a sentence or a term) with its translations per language."""

    uid: str
    source: str
    context: str = ""
    article: str = ""
    category: str = ""
    translations: dict[str, Translation] = field(default_factory=dict)
