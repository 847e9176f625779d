import pytest

from glossary.errors import GlossaryError
from glossary.langs import parse_langs, plural_forms


def test_plural_forms_come_from_cldr():
    assert plural_forms("fa") == "nplurals=2; plural=(n > 1);"
    for lang in ("ru", "be"):
        assert plural_forms(lang).startswith("nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0")


def test_parse_langs_validates_and_dedups():
    assert parse_langs("fa, ru,be,ru") == ("fa", "ru", "be")
    assert parse_langs("fa-IR") == ("fa-IR",)
    for bad in ("xx", "ru,qq", "", "en"):
        with pytest.raises(GlossaryError):
            parse_langs(bad)
