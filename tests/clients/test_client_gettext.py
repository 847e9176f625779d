"""GNU gettext (Debian gettext): msgfmt accepts every catalog of the filled kit."""

from __future__ import annotations

import subprocess

import polib
import pytest

from clientkit import LANGS, filled_kit
from conftest import require_tool

pytestmark = pytest.mark.client


def msgfmt(*args: str) -> subprocess.CompletedProcess:
    cmd = [require_tool("msgfmt", "gettext"), *args, "-o", "/dev/null"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def test_msgfmt_check_every_po():
    pos = sorted((filled_kit() / "locales").glob("*/LC_MESSAGES/*.po"))
    assert {p.parent.parent.name for p in pos} == set(LANGS)
    for path in pos:
        proc = msgfmt("--check", "--check-format", "--check-header", "--check-domain", str(path))
        assert proc.returncode == 0 and not proc.stderr.strip(), f"{path}:\n{proc.stderr}"
        po = polib.pofile(str(path))
        assert not po.metadata_is_fuzzy  # msgfmt would silently ignore a fuzzy header


def test_msgfmt_check_format_every_pot():
    pots = sorted((filled_kit() / "locales").glob("*.pot"))
    assert pots
    for path in pots:  # templates: header placeholders are expected, so no --check-header
        proc = msgfmt("--check-format", "--check-domain", str(path))
        assert proc.returncode == 0 and not proc.stderr.strip(), f"{path}:\n{proc.stderr}"


def test_translations_survive_compilation(tmp_path):
    """msgfmt compiles the approved ru sentences; fuzzy ones are left out, as gettext does."""
    from clientkit import SLUG, rows

    po = filled_kit() / "locales" / "ru" / "LC_MESSAGES" / f"{SLUG}.po"
    mo = tmp_path / "ru.mo"
    proc = subprocess.run([require_tool("msgfmt", "gettext"), "-o", str(mo), str(po)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(mo)) if e.msgid}
    for row in rows("sentence", "ru", "approved"):
        assert compiled[row.en] == row.text
    for row in rows("sentence", "ru", "suggested"):
        assert row.en not in compiled
