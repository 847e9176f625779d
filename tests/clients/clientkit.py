"""Shared set-up of the real-client tests: one filled kit per test session, tool lookup.

The kit is the seed article built into a temporary folder, filled by a "translator"
(:mod:`kitfill`: approved and fuzzy sentences and terms in fa, ru and be), rebuilt, plus the
optional TBX v3 export. It is built once per session (``functools.cache``) because every
client test reads the same files and only reads them.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import kitfill
from conftest import DATA, REQUIRE_CLIENTS, SEED

LANGS = ("fa", "ru", "be")
SLUG = SEED.stem
SCHEMAS = DATA / "schemas"
OMEGAT_JAR = Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))


def require_file(path: Path, package: str) -> Path:
    """``path`` if it exists; skip (locally) or fail (in CI) naming the package that ships it."""
    if not path.is_file():
        message = f"{path} not found: install the {package} package"
        if REQUIRE_CLIENTS:
            pytest.fail(message)
        pytest.skip(message)
    return path


@functools.cache
def filled_kit() -> Path:
    """Build, fill, rebuild; also ``glossary export --format tbx --tbx-version 3``."""
    from glossary.cli import main

    root = Path(tempfile.mkdtemp(prefix="glossary-clients-"))
    atexit.register(shutil.rmtree, root, True)
    kit = root / "kit"
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    used = kitfill.fill(kit, SLUG, LANGS)
    assert {r.lang for r in used if r.kind == "sentence"} == set(LANGS), "nothing to fill"
    assert main(["build", str(SEED), "--out", str(kit)]) == 0
    assert main(["export", "--out", str(kit), "--format", "tbx", "--tbx-version", "3"]) == 0
    return kit


@functools.cache
def filled_rows() -> tuple[kitfill.Row, ...]:
    """The translations that :func:`filled_kit` actually put into the kit."""
    import polib

    kit = filled_kit()
    present = set()
    for name in (SLUG, "glossary"):
        for e in polib.pofile(str(kit / "locales" / f"{name}.pot")):
            present.add(e.msgid)
    return tuple(r for r in kitfill.rows() if r.en in present)


def rows(kind: str, lang: str, state: str | None = None) -> list[kitfill.Row]:
    return [r for r in filled_rows()
            if r.kind == kind and r.lang == lang and (state is None or r.state == state)]


def omegat_project(project: Path, target: str, text_name: str, text: str,
                   subdirs: tuple[str, ...] = ("source", "target", "tm", "glossary",
                                               "dictionary", "omegat", "config")) -> Path:
    """An OmegaT project at ``project``, EN to ``target``, with ``text`` as its only source file,
    written from the project template of test_client_omegat.py (one template for every test)."""
    from test_client_omegat import PROJECT, TOKENIZERS

    for sub in subdirs:
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT.format(
        target=target.upper(), source_tok=TOKENIZERS["en"],
        target_tok=TOKENIZERS.get(target, "DefaultTokenizer")), encoding="utf-8")
    (project / "source" / text_name).write_text(text, encoding="utf-8")
    return project


def run_omegat_probe(java: str, project: Path, report: Path, timeout: int = 240) -> dict:
    """Run OmegaT console-translate on ``project`` with omegat_probe.groovy (the options of
    test_client_omegat.py) and return the probe's JSON report."""
    import json
    import subprocess

    from test_client_omegat import JAVA_OPTS, PROBE

    jar = require_file(OMEGAT_JAR, "omegat")
    subprocess.run(
        [java, *JAVA_OPTS, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-jar", str(jar),
         str(project), "--mode=console-translate", f"--config-dir={project / 'config'}",
         "--disable-project-locking", "--no-team", f"--script={PROBE}"],
        env=dict(os.environ, GLOSSARY_PROBE_OUT=str(report)), stdin=subprocess.DEVNULL,
        capture_output=True, timeout=timeout, check=False)
    assert report.is_file(), "OmegaT did not run the probe"
    return json.loads(report.read_text(encoding="utf-8"))
