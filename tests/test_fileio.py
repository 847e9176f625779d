import os

import pytest

from glossary.errors import GlossaryError
from glossary.fileio import atomic_write, check_writable_dir, read_text


def test_read_text_drops_bom_and_rejects_non_utf8(tmp_path):
    good = tmp_path / "a.txt"
    good.write_bytes("\ufeffTehran talks.".encode("utf-8"))
    assert read_text(good) == "Tehran talks."
    bad = tmp_path / "b.txt"
    bad.write_bytes("line one\nTehran \xe9".encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"b.txt:2: not UTF-8"):
        read_text(bad)
    with pytest.raises(GlossaryError, match="no such file"):
        read_text(tmp_path / "missing.txt")


def test_atomic_write_leaves_unchanged_file_alone(tmp_path):
    target = tmp_path / "x" / "f.po"
    assert atomic_write(target, b"one\n") is True
    mtime = os.stat(target).st_mtime_ns
    assert atomic_write(target, b"one\n") is False
    assert os.stat(target).st_mtime_ns == mtime
    assert atomic_write(target, b"two\n") is True
    assert target.read_bytes() == b"two\n"
    assert [p.name for p in target.parent.iterdir()] == ["f.po"]  # no temp files left


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "f.po"
    target.write_bytes(b"translator work\n")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, b"half")
    assert target.read_bytes() == b"translator work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.po"]


def test_unwritable_output_folder_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GlossaryError, match="output folder is a file"):
        check_writable_dir(blocker)


def test_new_files_get_the_usual_mode_and_old_files_keep_theirs(tmp_path):
    mask = os.umask(0o022)
    try:
        fresh = tmp_path / "new.po"
        atomic_write(fresh, b"x")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "old.po"
        kept.write_bytes(b"a")
        kept.chmod(0o664)
        atomic_write(kept, b"b")
        assert kept.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(mask)
