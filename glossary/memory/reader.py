"""Reading a TMX for import in other processes, so parsing and SQLite writing overlap.

A reader process streams the file with :func:`glossary.formats.tmx.iter_tmx_rows`, hashes the
sources and sends batches of rows through a pipe (:mod:`marshal`, texts as UTF-8 bytes); in the
importing process a thread per reader receives them and the main thread writes them.

Parsing costs more CPU than writing, so a big UTF-8 file is read by two processes, one per
half: the second starts at the first ``<tu>`` after the middle. That split is safe only if no
comment, CDATA section or processing instruction comes before it in the body (one of them
could hide the ``<tu>``): the second reader checks this first, and if it fails it reads
nothing and the first reader reads on to the end. The first reader stops at the split only
once told so, and then only outside any unit and inside ``<body>``.
Small files are read in-process (starting a process costs more than it saves).
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.formats.tmx import TmxReadStats, _primary, iter_tmx_rows

IN_PROCESS_BELOW = 8 << 20  # bytes
SPLIT_ABOVE = 64 << 20  # bytes: read by two processes
QUEUE = 2  # batches buffered between the reader processes and the writer

Batch = tuple[list[tuple[int, bytes]], list[tuple[int, str, bytes, str, str]]]


def tmx_batches(path: str | os.PathLike[str], srclang: str, langs: frozenset[str] | None,
                batch: int, stats: TmxReadStats, start: int = 0, stop: int | None = None,
                go_on: Callable[[], bool] | None = None) -> Iterator[Batch]:
    """Batches ready for :meth:`SQLiteStore.add_units`:
    ``([(source hash, source)], [(source hash, lang, text, origin, article)])``. Sources and
    texts are UTF-8 bytes: hashed as they are, stored with ``CAST(? AS TEXT)``, and
    :mod:`marshal` copies bytes where it would decode strings. ``start``, ``stop`` and
    ``go_on``: a part of the file (see :func:`iter_tmx_rows`)."""
    blake2b = hashlib.blake2b
    from_bytes = int.from_bytes
    primary: dict[str, str | None] = {}  # language as written -> kept primary subtag or None
    segs: list = []
    rows: list = []
    for source, targets, article in iter_tmx_rows(path, srclang, stats, True, start, stop,
                                                  go_on):
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


_UTF8_DECLARED = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']utf-?8[\"']", re.IGNORECASE)
_HIDING = re.compile(rb"<[!?]")  # a comment, CDATA section, DOCTYPE or processing instruction
_UNIT = re.compile(rb"<tu[\s>]")


def split_point(path: str | os.PathLike[str]) -> int | None:
    """The offset of the first ``<tu`` tag after the middle of a UTF-8 file, or None."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
        if not (_UTF8_DECLARED.match(head) or (head.startswith((b"<?xml", b"\xef\xbb\xbf<?xml"))
                                               and b"encoding" not in head.split(b"?>")[0])):
            return None
        middle = os.fstat(fh.fileno()).st_size // 2
        fh.seek(middle)
        found = _UNIT.search(fh.read(1 << 20))
    return middle + found.start() if found else None


def _nothing_hidden_before(path: str, cut: int) -> bool:
    """Whether the body before ``cut`` holds no comment, CDATA section or processing
    instruction (the tag at ``cut`` is then a real ``<tu>`` start tag). Read in blocks: a
    memory map would count the half file in the reader's resident memory."""
    with open(path, "rb") as fh:
        pos, carry, in_root = 0, b"", False
        while pos < cut:
            block = fh.read(min(1 << 20, cut - pos))
            if not block:
                return False
            pos += len(block)
            data = carry + block
            if not in_root:
                root = data.find(b"<tmx")
                if root < 0:
                    carry = data[-3:]
                    continue
                in_root, data = True, data[root:]
            if _HIDING.search(data):
                return False
            carry = data[-1:]
    return in_root


def _child_main(argv: list[str]) -> int:
    """A reader process: ``PATH SRCLANG LANGS BATCH START STOP``; batches on stdout
    (:mod:`marshal`: plain tuples and strings from our own child, the fastest codec for them).
    The first part (START 0, STOP the split) asks its stdin at the split whether to read on;
    the second part (STOP empty) first reports whether the split is safe."""
    path, srclang, langs_arg, batch, start_arg, stop_arg = argv
    gc.disable()  # a short-lived process making no reference cycles: collections are waste
    langs = frozenset(langs_arg.split(",")) if langs_arg else None
    start, stop = int(start_arg), int(stop_arg) if stop_arg else None
    out = sys.stdout.buffer
    stats = TmxReadStats()
    try:
        if start:
            safe = _nothing_hidden_before(path, start)
            _send(("split", safe), out)
            if not safe:
                _send(("done", None), out)
                out.flush()
                return 0
            out.flush()

        def go_on() -> bool:  # the first part: read on past the split?
            return sys.stdin.buffer.read(1) != b"s"

        for b in tmx_batches(path, srclang, langs, int(batch), stats, start, stop, go_on):
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


# the reader process loads this file alone: importing it as glossary.memory.reader would
# import the glossary.memory package (polib, SQLite, ...) and double the process's memory
_CHILD = ("import sys, importlib.util as u; s = u.spec_from_file_location('tmx_reader', "
          "sys.argv[1]); m = u.module_from_spec(s); s.loader.exec_module(m); "
          "sys.exit(m._child_main(sys.argv[2:]))")


class _Failed(GlossaryError):
    def __init__(self, line: str) -> None:
        Exception.__init__(self, line)
        self.path = None
        self.line = None


def planned_split(path: str | os.PathLike[str]) -> int | None:
    """Where a second reader process would start on ``path`` (None: one reader): big UTF-8
    files on a machine with more than one core."""
    if Path(path).stat().st_size < SPLIT_ABOVE or (os.cpu_count() or 1) < 2:
        return None
    return split_point(path)


def read_batches(path: str | os.PathLike[str], srclang: str, langs: frozenset[str] | None,
                 batch: int, stats: TmxReadStats, parallel: bool | None = None
                 ) -> Iterator[Batch]:
    """Batches of ``path``, read by one or two other processes for big files; ``stats``
    filled at the end."""
    if parallel is None:
        parallel = Path(path).stat().st_size >= IN_PROCESS_BELOW and (os.cpu_count() or 1) > 1
    if not parallel:
        yield from tmx_batches(path, srclang, langs, batch, stats)
        return
    cut = planned_split(path)
    name = os.fspath(path)
    base = [sys.executable, "-c", _CHILD, __file__, name, srclang,
            ",".join(sorted(langs)) if langs else "", str(batch)]
    parts = [(0, cut)] + ([(cut, None)] if cut else [])
    procs = [subprocess.Popen(base + [str(start), "" if stop is None else str(stop)],
                              stdin=subprocess.PIPE if stop else subprocess.DEVNULL,
                              stdout=subprocess.PIPE) for start, stop in parts]
    # a thread per reader drains its pipe while this one writes to SQLite
    inbox: queue.Queue = queue.Queue(maxsize=QUEUE)

    def drain(index: int) -> None:
        proc = procs[index]
        try:
            while True:
                item = _receive(proc.stdout)
                if item[0] == "split":  # the second reader tells the first where to stop
                    procs[0].stdin.write(b"s" if item[1] else b"c")
                    procs[0].stdin.close()
                    continue
                inbox.put((index, item))
                if item[0] != "batch":
                    return
        except EOFError:
            inbox.put((index, ("eof", None)))
        except BaseException as exc:  # noqa: BLE001
            inbox.put((index, ("error", f"{name}: cannot read: {exc}")))

    threads = [threading.Thread(target=drain, args=(i,), daemon=True) for i in range(len(procs))]
    for thread in threads:
        thread.start()
    running = len(procs)
    try:
        while running:
            index, (kind, payload) = inbox.get()
            if kind == "batch":
                yield payload
            elif kind == "done":
                running -= 1
                if payload is None:  # the second reader found the split unsafe: read nothing
                    continue
                version, srclang_seen, units, skipped, inline = payload
                if index == 0:
                    stats.version, stats.srclang = version, srclang_seen
                stats.units += units
                stats.skipped.update(skipped)
                stats.inline += inline
            elif kind == "eof":
                raise GlossaryError("the TMX reader process stopped unexpectedly", name)
            else:
                raise _Failed(payload)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
        while any(thread.is_alive() for thread in threads):  # unblock a full queue
            try:
                inbox.get(timeout=0.05)
            except queue.Empty:
                pass
        for proc, thread in zip(procs, threads):
            thread.join()
            proc.stdout.close()
            if proc.stdin:
                try:
                    proc.stdin.close()
                except OSError:
                    pass
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
