"""Bad input: one line on stderr, exit 2, nothing written."""

import subprocess
import sys

import pytest

from conftest import SEED


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "glossary", *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.mark.parametrize("make_input, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: (d / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1")) and d / "latin1.txt",
     "not UTF-8"),
    (lambda d: (d / "empty.txt").write_text(" \n\n") and d / "empty.txt", "article is empty"),
])
def test_bad_article_is_one_line_exit_2_and_nothing_written(tmp_path, make_input, message):
    out = tmp_path / "out"
    result = _run("build", str(SEED), str(make_input(tmp_path)), "--out", str(out))
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unknown_language_is_rejected(tmp_path):
    result = _run("build", str(SEED), "--out", str(tmp_path / "o"), "--langs", "ru,klingon")
    assert result.returncode == 2
    assert result.stderr.strip() == "glossary: error: unknown language code 'klingon'"
    assert not (tmp_path / "o").exists()


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    result = _run("build", str(SEED), "--out", str(blocker / "sub"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_no_articles_folder(tmp_path):
    result = _run("build", cwd=tmp_path)
    assert result.returncode == 2
    assert "no articles/*.txt found" in result.stderr


def test_default_build_uses_articles_folder(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / SEED.name).write_bytes(SEED.read_bytes())
    result = _run("build", "--langs", "ru", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "locales" / "ru" / "LC_MESSAGES" / f"{SEED.stem}.po").is_file()
    assert not (tmp_path / "locales" / "fa").exists()


def test_broken_existing_catalog_stops_the_build_before_any_write(tmp_path):
    out = tmp_path / "kit"
    assert _run("build", str(SEED), "--out", str(out), "--langs", "ru").returncode == 0
    broken = out / "locales" / "ru" / "LC_MESSAGES" / f"{SEED.stem}.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nthis is not gettext\n', "utf-8")
    pot = out / "locales" / "glossary.pot"
    pot.write_bytes(pot.read_bytes().replace(b"occurrences:", b"occurrences :"))
    before = pot.read_bytes()
    result = _run("build", str(SEED), "--out", str(out), "--langs", "ru")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "cannot read catalog" in result.stderr
    assert pot.read_bytes() == before
