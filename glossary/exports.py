"""Extra CAT-tool exports beside the PO and TMX (placeholder: filled in by the CAT-tools issue)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from glossary.model import Unit


def write_extras(out: Path, articles: Mapping[str, Sequence[Unit]], glossary: Sequence[Unit],
                 langs: Sequence[str]) -> list[Path]:
    """Write term bases and per-pair memories under ``out``; return the files rewritten."""
    return []
