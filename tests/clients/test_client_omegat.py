"""OmegaT 3.6 (Debian package omegat), run headless, accepts the kit's TMX and glossaries.

One OmegaT project per target language (a project has one target), the three runs started
together: source/ = the seed article, tm/enforce/ = the multilingual article TMX (OmegaT
inserts exact matches from there), tm/auto/ = the en-<lang> per-pair TMX, and the TBX v2,
tab (.utf8) and CSV glossaries read through OmegaT's own readers by omegat_probe.groovy.
OmegaT's exit status says nothing (0 even when a TMX fails to load), so every assertion is on
what the probe reports and on the file OmegaT wrote to target/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from clientkit import LANGS, OMEGAT_JAR, SLUG, filled_kit, require_file, rows
from conftest import SEED, require_tool

pytestmark = pytest.mark.client

HERE = Path(__file__).resolve().parent
PROBE = HERE / "omegat_probe.groovy"
JAVA_OPTS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]  # start-up time is most of a run
TIMEOUT = 240
TOKENIZERS = {"en": "LuceneEnglishTokenizer", "ru": "LuceneRussianTokenizer",
              "fa": "LucenePersianTokenizer"}  # no Belarusian one: DefaultTokenizer
LOG_ERRORS = ("TF_TM_LOAD_ERROR", "Failed to load translation memory", "TMXR_FATAL_ERROR",
              "TMXR_EXCEPTION", "TMXR_WARNING_INCORRECT_SOURCE_LANG",
              "TMXR_WARNING_SOURCE_NOT_FOUND")

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>EN</source_lang>
        <target_lang>{target}</target_lang>
        <source_tok>org.omegat.tokenizer.{source_tok}</source_tok>
        <target_tok>org.omegat.tokenizer.{target_tok}</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"""


def glossary_files(kit: Path, lang: str) -> list[Path]:
    tmx = kit / "tmx"
    return [tmx / "glossary.tbx", tmx / f"glossary.en-{lang}.utf8", tmx / f"glossary.en-{lang}.csv",
            tmx / "glossary.v3.tbx"]


def make_project(work: Path, kit: Path, lang: str) -> Path:
    project = work / lang
    for sub in ("source", "target", "tm/enforce", "tm/auto", "glossary", "dictionary", "omegat",
                "config"):
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT.format(
        target=lang.upper(), source_tok=TOKENIZERS["en"],
        target_tok=TOKENIZERS.get(lang, "DefaultTokenizer")), encoding="utf-8")
    shutil.copy(SEED, project / "source" / SEED.name)
    shutil.copy(kit / "tmx" / f"{SLUG}.tmx", project / "tm" / "enforce")
    shutil.copy(kit / "tmx" / f"{SLUG}.en-{lang}.tmx", project / "tm" / "auto")
    for g in glossary_files(kit, lang):
        shutil.copy(g, project / "glossary")
    return project


@pytest.fixture(scope="module")
def omegat_runs(tmp_path_factory) -> dict[str, dict]:
    """Run OmegaT console-translate once per language, in parallel; return each report."""
    java = require_tool("java", "default-jre")
    jar = require_file(OMEGAT_JAR, "omegat")
    kit = filled_kit()
    work = tmp_path_factory.mktemp("omegat")
    procs = {}
    start = time.monotonic()
    for lang in LANGS:
        project = make_project(work, kit, lang)
        env = dict(os.environ, GLOSSARY_PROBE_OUT=str(project.parent / f"{lang}.json"),
                   GLOSSARY_PROBE_GLOSSARIES=":".join(
                       str(project / "glossary" / g.name) for g in glossary_files(kit, lang)))
        log = open(project.parent / f"{lang}.log", "wb")
        procs[lang] = (subprocess.Popen(
            [java, *JAVA_OPTS, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-jar",
             str(jar), str(project), "--mode=console-translate",
             f"--config-dir={project / 'config'}", "--disable-project-locking", "--no-team",
             f"--script={PROBE}"], stdout=log, stderr=subprocess.STDOUT, env=env,
            stdin=subprocess.DEVNULL), log, project)
    reports = {}
    for lang, (proc, log, project) in procs.items():
        try:
            proc.wait(timeout=max(1, TIMEOUT - (time.monotonic() - start)))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        text = (project.parent / f"{lang}.log").read_text(encoding="utf-8", errors="replace")
        out = project.parent / f"{lang}.json"
        assert out.is_file(), f"OmegaT ({lang}) did not run the probe; log tail:\n{text[-2000:]}"
        report = json.loads(out.read_text(encoding="utf-8"))
        report["log"] = text
        report["target_text"] = (project / "target" / SEED.name).read_text(encoding="utf-8")
        reports[lang] = report
    print(f"OmegaT: {len(LANGS)} parallel runs in {time.monotonic() - start:.1f} s")
    return reports


@pytest.mark.parametrize("lang", LANGS)
def test_omegat_loads_tmx_cleanly(omegat_runs, lang):
    report = omegat_runs[lang]
    assert report["project"]["target"].lower() == lang
    assert "COMPILE" in report["events"]
    bad = [line for line in report["log"].splitlines() if any(e in line for e in LOG_ERRORS)]
    assert not bad, bad[:5]
    kit = filled_kit()
    approved = rows("sentence", lang, "approved")
    expected = sorted([r.en, r.text] for r in approved)
    for name in (f"{SLUG}.tmx", f"{SLUG}.en-{lang}.tmx"):
        assert name in report["memories"], f"OmegaT did not list {name}: {report['memories']}"
        assert sorted(report["memories"][name]) == expected, name
    assert (kit / "tmx" / f"{SLUG}.en-{lang}.tmx").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_omegat_inserts_our_translations(omegat_runs, lang):
    report = omegat_runs[lang]
    segments = {s["source"]: s for s in report["segments"]}
    approved = rows("sentence", lang, "approved")
    assert len(approved) >= 2
    for row in approved:
        assert row.en in segments, f"not an OmegaT segment (segmentation differs): {row.en!r}"
        seg = segments[row.en]
        assert seg["translated"] and seg["translation"] == row.text
        assert row.text in report["target_text"]
    for row in rows("sentence", lang, "suggested"):  # fuzzy: never in a TMX, never inserted
        assert not segments[row.en]["translated"]
        assert row.text not in report["target_text"]
    assert not [s for s in report["segments"] if s["translated"] and not s["translation"]]


@pytest.mark.parametrize("lang", LANGS)
def test_omegat_reads_tbx_and_tab_glossaries(omegat_runs, lang):
    glossaries = omegat_runs[lang]["glossaries"]
    terms = rows("term", lang)
    assert terms
    for name in ("glossary.tbx", f"glossary.en-{lang}.utf8", f"glossary.en-{lang}.csv"):
        got = glossaries[name]
        assert got["error"] is None, (name, got["error"])
        pairs = {(src, tgt) for src, tgt, _ in got["entries"]}
        for row in terms:
            assert (row.en, row.text) in pairs, (name, row.en, row.text)
    comments = {(s, t): c or "" for s, t, c in glossaries["glossary.tbx"]["entries"]}
    for row in terms:
        suggested = f"suggested {lang} translation" in comments[(row.en, row.text)]
        assert suggested == (row.state == "suggested"), (row, comments[(row.en, row.text)])
    tab = {(s, t): c or "" for s, t, c in glossaries[f"glossary.en-{lang}.utf8"]["entries"]}
    assert all(("suggested" in tab[(r.en, r.text)]) == (r.state == "suggested") for r in terms)


def test_omegat_cannot_read_tbx_v3(omegat_runs):
    """Why glossary.tbx is TBX v2: OmegaT's reader rejects the v3 file (kept as evidence)."""
    for lang in LANGS:
        got = omegat_runs[lang]["glossaries"]["glossary.v3.tbx"]
        assert got["error"] or not got["entries"]
