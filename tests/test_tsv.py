"""OmegaT tab glossary and CSV: columns, which entries, suggested marking, reading back."""

from __future__ import annotations

import pytest

from glossary.errors import GlossaryError
from glossary.formats.tsv import (SUGGESTED, read_csv, read_tab, render_csv, render_tab,
                                  write_tab)
from glossary.model import State, Translation, Unit


def units() -> list[Unit]:
    return [
        Unit("a", "Iran", category="location", translations={"ru": Translation("Иран", "ru")}),
        Unit("b", "Non-Aligned\tMovement", category="organization",
             translations={"ru": Translation("Движение\nнеприсоединения", "ru", State.SUGGESTED)}),
        Unit("c", "sovereignty", category="concept",
             translations={"ru": Translation("", "ru", State.EMPTY)}),
        Unit("d", "Minsk, Belarus", category="location"),
    ]


def test_tab_layout():
    text = render_tab(units(), "ru").decode("utf-8")
    assert not text.startswith("\ufeff") and text.endswith("\n")
    lines = text.splitlines()
    assert all(line.startswith("#") for line in lines[:2])
    assert lines[2:] == ["Iran\tИран\tlocation",
                         f"Non-Aligned Movement\tДвижение неприсоединения\torganization; {SUGGESTED}"]


def test_tab_round_trip(tmp_path):
    path = tmp_path / "glossary.en-ru.utf8"
    assert write_tab(path, units(), "ru") is True
    assert write_tab(path, units(), "ru") is False
    back = read_tab(path, "ru")
    assert [(u.source, u.translations["ru"].text, u.translations["ru"].state, u.category)
            for u in back] == [("Iran", "Иран", State.APPROVED, "location"),
                               ("Non-Aligned Movement", "Движение неприсоединения",
                                State.SUGGESTED, "organization")]


def test_csv_quotes_and_round_trip(tmp_path):
    units_ = units() + [Unit("e", "Minsk, Belarus", category="location",
                             translations={"ru": Translation("Минск, Беларусь", "ru")})]
    data = render_csv(units_, "ru")
    assert data.decode().splitlines()[0] == "# en,ru,comment"
    assert '"Minsk, Belarus","Минск, Беларусь",location' in data.decode()
    path = tmp_path / "g.csv"
    path.write_bytes(data)
    assert [u.source for u in read_csv(path, "ru")] == ["Iran", "Non-Aligned Movement",
                                                        "Minsk, Belarus"]


def test_bad_tab_line(tmp_path):
    path = tmp_path / "bad.utf8"
    path.write_text("# header\nonly-one-column\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        read_tab(path, "ru")
    assert ":2:" in str(err.value)
