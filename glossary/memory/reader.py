"""Reading a TMX for import in a second process, so parsing and SQLite writing overlap.

The reader process streams the file with :func:`glossary.formats.tmx.iter_tmx_rows`, hashes the
texts and sends batches of ready rows through a pipe; the importing process only writes them.
Small files are read in-process (starting a process costs more than it saves).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.formats.tmx import TmxReadStats, _primary, iter_tmx_rows
from glossary.memory.store import text_hash

IN_PROCESS_BELOW = 8 << 20  # bytes

Batch = list[tuple[int, str, list[tuple[str, int, str, str, str]]]]


def tmx_batches(path: str | os.PathLike[str], srclang: str, langs: frozenset[str] | None,
                batch: int, stats: TmxReadStats) -> Iterator[Batch]:
    """Batches of ``(source hash, source, [(lang, text hash, text, origin, article)])``."""
    out: Batch = []
    for source, targets, article in iter_tmx_rows(path, srclang, stats, checked=True):
        variants = []
        for lang, text, origin, _ in targets:
            lang = _primary(lang)
            if lang == srclang or (langs is not None and lang not in langs):
                continue
            variants.append((lang, text_hash(text), text, origin or "cat", article))
        if not variants:
            stats.units -= 1
            stats.skipped["no translation in the wanted languages"] += 1
            continue
        out.append((text_hash(source), source, variants))
        if len(out) >= batch:
            yield out
            out = []
    if out:
        yield out


def _child_main(argv: list[str]) -> int:
    """The reader process: ``PATH SRCLANG LANGS BATCH``; pickled batches on stdout."""
    path, srclang, langs_arg, batch = argv
    langs = frozenset(langs_arg.split(",")) if langs_arg else None
    out = sys.stdout.buffer
    stats = TmxReadStats()
    try:
        for b in tmx_batches(path, srclang, langs, int(batch), stats):
            pickle.dump(("batch", b), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(("done", stats), out)
    except GlossaryError as exc:
        pickle.dump(("error", str(exc)), out)
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        pickle.dump(("error", f"{path}: cannot read: {type(exc).__name__}: {exc}"), out)
    out.flush()
    return 0


class _Failed(GlossaryError):
    def __init__(self, line: str) -> None:
        Exception.__init__(self, line)
        self.path = None
        self.line = None


def read_batches(path: str | os.PathLike[str], srclang: str, langs: frozenset[str] | None,
                 batch: int, stats: TmxReadStats, parallel: bool | None = None) -> Iterator[Batch]:
    """Batches of ``path``, read by a second process for big files; ``stats`` filled at the end."""
    if parallel is None:
        parallel = Path(path).stat().st_size >= IN_PROCESS_BELOW and (os.cpu_count() or 1) > 1
    if not parallel:
        yield from tmx_batches(path, srclang, langs, batch, stats)
        return
    cmd = [sys.executable, "-c", "import sys; from glossary.memory.reader import _child_main; "
           "sys.exit(_child_main(sys.argv[1:]))", os.fspath(path), srclang,
           ",".join(sorted(langs)) if langs else "", str(batch)]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    try:
        while True:
            try:
                kind, payload = pickle.load(proc.stdout)
            except EOFError:
                raise GlossaryError("the TMX reader process stopped unexpectedly",
                                    os.fspath(path)) from None
            if kind == "batch":
                yield payload
            elif kind == "done":
                stats.version, stats.srclang = payload.version, payload.srclang
                stats.units += payload.units
                stats.skipped.update(payload.skipped)
                stats.inline += payload.inline
                return
            else:
                raise _Failed(payload)
    finally:
        proc.stdout.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

