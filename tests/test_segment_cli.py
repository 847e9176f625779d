"""``glossary segment`` and ``glossary srx`` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.segment import DEFAULT_SRX
from glossary.segment.__main__ import main as segment_main

DATA = Path(__file__).parent / "data" / "segmentation"


def run_cli(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "glossary", *args], capture_output=True, check=False)


def test_jsonl_offsets_index_the_decoded_file_text(tmp_path: Path, capsysbinary) -> None:
    path = tmp_path / "a.txt"
    text = "Headline Without Stop\nС. В. Лавров прибыл. «Мы готовы», — сказал он.\n\nDone."
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # the BOM is dropped
    assert segment_main([str(path), "--lang", "ru", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsysbinary.readouterr().out.decode("utf-8").splitlines()]
    assert [r["text"] for r in rows] == [
        "Headline Without Stop", "С. В. Лавров прибыл.", "«Мы готовы», — сказал он.", "Done."]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
    assert set(rows[0]) == {"text", "start", "end"}


def test_text_format_is_one_sentence_per_line(tmp_path: Path, capsysbinary) -> None:
    src = DATA / "seed_article.txt"
    assert segment_main([str(src)]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    ref = json.loads((DATA / "seed_reference.json").read_text(encoding="utf-8"))
    assert lines == ref["expected"]


def test_user_srx_option(tmp_path: Path, capsysbinary) -> None:
    srx = tmp_path / "mine.srx"
    srx.write_bytes(DEFAULT_SRX.read_bytes())
    src = tmp_path / "t.txt"
    src.write_text("I live in the U.S. How about you?", encoding="utf-8")
    assert segment_main([str(src), "--srx", str(srx)]) == 0
    assert capsysbinary.readouterr().out.decode() == "I live in the U.S.\nHow about you?\n"


@pytest.mark.parametrize("setup,args,message", [
    (None, ["missing.txt"], "no such file"),
    (b"\xff\xfe bad", ["bad.txt"], "not UTF-8"),
    (b"ok.", ["ok.txt", "--lang", "de"], "unknown language"),
    (b"ok.", ["ok.txt", "--srx", "missing.srx"], "no such file"),
    (b"ok.", ["ok.txt", "--srx", "ok.txt"], "not well-formed XML"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys, setup, args, message) -> None:
    if setup is not None:
        (tmp_path / args[0]).write_bytes(setup)
    argv = [str(tmp_path / args[0])] + [str(tmp_path / a) if a.endswith((".srx", ".txt")) else a
                                        for a in args[1:]]
    assert segment_main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_glossary_segment_and_srx_commands(tmp_path: Path) -> None:
    src = tmp_path / "t.txt"
    src.write_text("Talks ended at 5 p.m. Both sides left.\n", encoding="utf-8")
    res = run_cli(["segment", str(src), "--format", "jsonl"])
    assert res.returncode == 0, res.stderr
    assert [json.loads(x)["text"] for x in res.stdout.decode().splitlines()] == \
        ["Talks ended at 5 p.m.", "Both sides left."]
    out = tmp_path / "ru.srx"
    res = run_cli(["srx", "--lang", "ru", "-o", str(out)])
    assert res.returncode == 0, res.stderr
    assert b'languagerulename="ru"' in out.read_bytes()
    assert b'languagerulename="en"' not in out.read_bytes()
    res = run_cli(["srx"])
    assert res.stdout == DEFAULT_SRX.read_bytes()
    res = run_cli(["srx", "--lang", "xx"])
    assert res.returncode == 2 and b"unknown language" in res.stderr


def test_two_core_path_gives_the_same_bytes(tmp_path: Path, capsysbinary, monkeypatch) -> None:
    """Large inputs are split at a line break and segmented in two processes: same output."""
    from glossary.cli import cmd_segment

    text = (DATA / "news_text_en.txt").read_text(encoding="utf-8")
    src = tmp_path / "news.txt"
    src.write_text(text * 3, encoding="utf-8")
    for fmt in ("jsonl", "text"):
        monkeypatch.setattr(cmd_segment, "PARALLEL_MIN_CHARS", 10 ** 12)
        assert segment_main([str(src), "--format", fmt]) == 0
        sequential = capsysbinary.readouterr().out
        monkeypatch.setattr(cmd_segment, "PARALLEL_MIN_CHARS", 100)
        assert segment_main([str(src), "--format", fmt]) == 0
        assert capsysbinary.readouterr().out == sequential
        assert sequential.count(b"\n") > 100
