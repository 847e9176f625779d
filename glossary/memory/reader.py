"""Reading a TMX for import in a second process, so parsing and SQLite writing overlap.

The reader process streams the file with :func:`glossary.formats.tmx.iter_tmx_rows`, hashes the
sources and sends batches of rows through a pipe (:mod:`marshal`, texts as UTF-8 bytes); in the
importing process a thread receives them and the main thread writes them.
Small files are read in-process (starting a process costs more than it saves).
"""

from __future__ import annotations

import os
import gc
import hashlib
import marshal
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.formats.tmx import TmxReadStats, _primary, iter_tmx_rows

IN_PROCESS_BELOW = 8 << 20  # bytes
QUEUE = 4  # batches buffered between the reader process and the writer

Batch = tuple[list[tuple[int, bytes]], list[tuple[int, str, bytes, str, str]]]


def tmx_batches(path: str | os.PathLike[str], srclang: str, langs: frozenset[str] | None,
                batch: int, stats: TmxReadStats) -> Iterator[Batch]:
    """Batches ready for :meth:`SQLiteStore.add_units`:
    ``([(source hash, source)], [(source hash, lang, text, origin, article)])``. Sources and
    texts are UTF-8 bytes: hashed as they are, stored with ``CAST(? AS TEXT)``, and
    :mod:`marshal` copies bytes where it would decode strings."""
    blake2b = hashlib.blake2b
    from_bytes = int.from_bytes
    primary: dict[str, str | None] = {}  # language as written -> kept primary subtag or None
    segs: list = []
    rows: list = []
    for source, targets, article in iter_tmx_rows(path, srclang, stats, checked=True):
        n = len(rows)
        h = None
        for lang, text, origin in targets:
            code = primary.get(lang, "")
            if code == "":
                code = _primary(lang)
                if code == srclang or (langs is not None and code not in langs):
                    code = None
                primary[lang] = code
            if code is not None:
                if h is None:
                    source = source.encode()
                    h = from_bytes(blake2b(source, digest_size=8).digest(), "big", signed=True)
                rows.append((h, code, text.encode(), origin or "cat", article))
        if len(rows) == n:
            stats.units -= 1
            stats.skipped["no translation in the wanted languages"] += 1
            continue
        segs.append((h, source))
        if len(segs) >= batch:
            yield segs, rows
            segs, rows = [], []
    if segs:
        yield segs, rows


def _send(item: tuple, out) -> None:
    data = marshal.dumps(item)
    out.write(len(data).to_bytes(8, "little"))
    out.write(data)


def _receive(stream) -> tuple:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    size = int.from_bytes(head, "little")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return marshal.loads(data)


def _child_main(argv: list[str]) -> int:
    """The reader process: ``PATH SRCLANG LANGS BATCH``; batches on stdout (:mod:`marshal`:
    plain tuples and strings from our own child, the fastest codec for them)."""
    path, srclang, langs_arg, batch = argv
    gc.disable()  # a short-lived process making no reference cycles: collections are waste
    langs = frozenset(langs_arg.split(",")) if langs_arg else None
    out = sys.stdout.buffer
    stats = TmxReadStats()
    try:
        for b in tmx_batches(path, srclang, langs, int(batch), stats):
            _send(("batch", b), out)
        _send(("done", (stats.version, stats.srclang, stats.units,
                               dict(stats.skipped), stats.inline)), out)
    except GlossaryError as exc:
        _send(("error", str(exc)), out)
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        _send(("error", f"{path}: cannot read: {type(exc).__name__}: {exc}"), out)
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
    # a thread drains the pipe while this one writes to SQLite: the reader never waits
    inbox: queue.Queue = queue.Queue(maxsize=QUEUE)

    def drain() -> None:
        try:
            while True:
                item = _receive(proc.stdout)
                if item[0] != "batch":
                    inbox.put(item)
                    return
                inbox.put(item)
        except EOFError:
            inbox.put(("eof", None))
        except BaseException as exc:  # noqa: BLE001
            inbox.put(("error", f"{os.fspath(path)}: cannot read: {exc}"))

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    try:
        while True:
            kind, payload = inbox.get()
            if kind == "batch":
                yield payload
            elif kind == "done":
                stats.version, stats.srclang, units, skipped, inline = payload
                stats.units += units
                stats.skipped.update(skipped)
                stats.inline += inline
                return
            elif kind == "eof":
                raise GlossaryError("the TMX reader process stopped unexpectedly",
                                    os.fspath(path))
            else:
                raise _Failed(payload)
    finally:
        if proc.poll() is None and thread.is_alive():
            proc.kill()
        while thread.is_alive():  # unblock the drain thread if the queue is full
            try:
                inbox.get(timeout=0.05)
            except queue.Empty:
                pass
        thread.join()
        proc.stdout.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

