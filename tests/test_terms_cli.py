"""``glossary terms``: JSON and TSV output, one-line errors with exit status 2."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from glossary.articles import read_article
from glossary.cli import cmd_terms
from glossary.errors import GlossaryError

SEED = Path(__file__).parent / "data" / "terms" / "articles" / "seed.txt"


def main(argv: list[str]) -> int:
    """Run ``glossary terms`` through its own subparser, mapping errors like ``glossary.cli``."""
    parser = argparse.ArgumentParser(prog="glossary")
    cmd_terms.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except GlossaryError as exc:
        print(f"glossary: error: {exc}", file=__import__("sys").stderr)
        return 2


def test_json_output_has_the_issue_shape(capsys):
    assert main(["terms", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    by = {d["term"]: d for d in data}
    assert by["Non-Aligned Movement"]["variants"] == ["NAM"]
    assert by["Foreign Minister"]["category"] == "title"
    occ = by["Kampala"]["occurrences"][0]
    assert set(occ) == {"article", "sentence", "start", "end"}
    text = SEED.read_text(encoding="utf-8")
    assert text[occ["start"]:occ["end"]] == "Kampala"
    assert occ["article"] == "seed"
    assert by["Abbas Araghchi"]["count"] == len(by["Abbas Araghchi"]["occurrences"])


def test_tsv_output(capsys):
    assert main(["terms", "--format", "tsv", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "term\tcategory\tvariants\tcount"
    rows = {ln.split("\t")[0]: ln.split("\t") for ln in lines[1:]}
    assert rows["Non-Aligned Movement"][1:] == ["organization", "NAM", "4"]
    assert all(len(r) == 4 for r in rows.values())


def test_bad_inputs_are_glossary_errors(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9".encode("latin-1"))
    for bad in (tmp_path / "missing.txt", empty, latin):
        assert main(["terms", str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("glossary: error:") and err.count("\n") == 1, err


def test_empty_article_message(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="article is empty"):
        read_article(str(empty))
