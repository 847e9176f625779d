"""A dependency-free progress bar on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int | None = None, label: str = "") -> Iterator[T]:
    """Yield ``items`` while drawing ``label [#####     ] n/total`` at most ten times a second."""
    stream = sys.stderr
    if not stream.isatty():
        yield from items
        return
    last = 0.0
    count = 0
    for count, item in enumerate(items, 1):
        now = time.monotonic()
        if now - last > 0.1:
            last = now
            if total:
                done = int(30 * count / total)
                stream.write(f"\r{label} [{'#' * done}{' ' * (30 - done)}] {count}/{total}")
            else:
                stream.write(f"\r{label} {count}")
            stream.flush()
        yield item
    stream.write(f"\r{label} {count}{'/' + str(total) if total else ''} done".ljust(50) + "\n")
    stream.flush()
