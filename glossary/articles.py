"""Input articles: reading, validating and segmenting them (shared by build and terms)."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.fileio import read_text
from glossary.langs import SOURCE_LANG
from glossary.model import Article
from glossary.segment import segment


def default_article_paths(root: str | os.PathLike[str] = ".") -> list[Path]:
    """Every ``articles/*.txt`` under ``root``, sorted."""
    paths = sorted(Path(root, "articles").glob("*.txt"))
    if not paths:
        raise GlossaryError("no articles given and no articles/*.txt found", str(Path(root)))
    return paths


def reference_path(path: Path) -> str:
    """How a file is named in ``#:`` references: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_article(path: str | os.PathLike[str], lang: str = SOURCE_LANG) -> Article:
    """Read and segment one article; its slug is the file name without extension."""
    p = Path(path)
    text = read_text(p)
    if not text.strip():
        raise GlossaryError("article is empty", str(p))
    return Article(p.stem, reference_path(p), text, tuple(segment(text, lang)))


def read_articles(paths: Sequence[str | os.PathLike[str]],
                  reserved: Collection[str] = ()) -> list[Article]:
    """Read every article first, so that bad input stops before anything is written.

    Slugs must be unique (they name catalogs and occurrences) and not in ``reserved``.
    """
    articles = [read_article(p) for p in paths]
    seen: dict[str, str] = {}
    for art in articles:
        if art.slug in reserved:
            raise GlossaryError(f"article name {art.slug!r} is reserved; rename the file", art.path)
        if art.slug in seen:
            raise GlossaryError(f"two articles share the name {art.slug!r} ({seen[art.slug]})",
                                art.path)
        seen[art.slug] = art.path
    return articles
