"""Byte-stable rewrites: a file whose content did not change keeps its old date stamp."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timezone

from glossary.fileio import atomic_write


def now_stamp(fmt: str) -> str:
    """The current UTC time in ``fmt`` (``SOURCE_DATE_EPOCH`` is honoured for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit()
            else datetime.now(timezone.utc))
    return when.strftime(fmt)


def write_stamped(path: str | os.PathLike[str], render: Callable[[str], bytes],
                  old_stamp: str | None, fmt: str) -> bool:
    """Write ``render(stamp)``; reuse ``old_stamp`` when that reproduces the file exactly.

    Returns True when the file was (re)written, False when it was already up to date.
    """
    if old_stamp:
        data = render(old_stamp)
        try:
            with open(path, "rb") as fh:
                if fh.read() == data:
                    return False
        except OSError:
            pass
    return atomic_write(path, render(now_stamp(fmt)))
