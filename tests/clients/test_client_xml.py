"""xmllint (Debian libxml2-utils): every TMX and TBX the kit ships is valid against its DTD/schema.

libxml2 reports a missing REQUIRED attribute (e.g. ``xml:lang`` on ``<tuv>``) only as a
"validity warning" and still exits 0, so any "validity warning/error" line is a failure here.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from clientkit import LANGS, SCHEMAS, SLUG, filled_kit
from conftest import require_tool

pytestmark = pytest.mark.client


def xmllint(*args: str) -> tuple[int, str]:
    cmd = [require_tool("xmllint", "libxml2-utils"), "--noout", "--nonet", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


def assert_valid(rc: int, out: str, path: Path) -> None:
    assert rc == 0 and "validity warning" not in out and "validity error" not in out, \
        f"{path.name}:\n{out}"


def test_every_tmx_is_valid_tmx14():
    tmx = filled_kit() / "tmx"
    files = sorted(tmx.glob("*.tmx"))
    names = {p.name for p in files}
    assert {f"{SLUG}.tmx", "glossary.tmx"} <= names
    assert {f"{SLUG}.en-{lang}.tmx" for lang in LANGS} <= names  # per-pair, every language
    for path in files:
        assert_valid(*xmllint("--dtdvalid", str(SCHEMAS / "tmx14.dtd"), str(path)), path)


def test_tbx_v2_is_valid_against_core_dtd():
    path = filled_kit() / "tmx" / "glossary.tbx"
    assert_valid(*xmllint("--dtdvalid", str(SCHEMAS / "TBXcoreStructV02.dtd"), str(path)), path)


def test_tbx_v3_is_valid_against_core_rng():
    path = filled_kit() / "tmx" / "glossary.v3.tbx"
    rc, out = xmllint("--relaxng", str(SCHEMAS / "TBXcoreStructV03.rng"), str(path))
    assert rc == 0 and "validates" in out, out


def test_validity_warnings_are_caught(tmp_path):
    """The check above would notice a <tuv> without xml:lang (xmllint itself exits 0)."""
    bad = tmp_path / "bad.tmx"
    good = (filled_kit() / "tmx" / f"{SLUG}.tmx").read_text(encoding="utf-8")
    bad.write_text(good.replace('<tuv xml:lang="en">', "<tuv>", 1), encoding="utf-8")
    rc, out = xmllint("--dtdvalid", str(SCHEMAS / "tmx14.dtd"), str(bad))
    assert rc != 0 or "validity warning" in out or "validity error" in out
