"""Reading inputs strictly and writing outputs atomically.

Every writer goes through :func:`atomic_write`: the bytes go to a temporary file in the target's
own folder and are renamed over the target, so a crash never leaves a half-written catalog and a
rebuild that produces the same bytes does not touch the file at all.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from glossary.errors import GlossaryError


def read_text(path: str | os.PathLike[str]) -> str:
    """The file's text decoded as UTF-8 (a leading BOM is dropped); a clear error otherwise."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("no such file", str(p)) from None
    except IsADirectoryError:
        raise GlossaryError("is a directory, not a file", str(p)) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror}", str(p)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                            str(p), line) from None


def atomic_write(path: str | os.PathLike[str], data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temp file and a rename; return False if unchanged."""
    p = Path(path)
    try:
        if p.read_bytes() == data:
            return False
    except OSError:
        pass
    p.parent.mkdir(parents=True, exist_ok=True)
    try:  # keep the file's mode; a new file gets the usual one (mkstemp would give 0600)
        mode = p.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_writable_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` if needed and prove a file can be created in it, before any work is done."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise GlossaryError("output folder is a file", str(p))
    try:
        p.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".glossary-probe.", dir=p)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise GlossaryError(f"output folder cannot be written: {exc.strerror}", str(p)) from None
    return p
