from glossary.model import Occurrence, Origin, State, Term, Translation


def test_term_json_shape_is_the_cli_contract():
    term = Term("Abbas Araghchi", "person", ("Araghchi",),
                (Occurrence("seed", 1, 10, 24), Occurrence("seed", 3, 0, 8)))
    assert term.count == 2
    assert term.to_json() == {
        "term": "Abbas Araghchi", "category": "person", "variants": ["Araghchi"], "count": 2,
        "occurrences": [{"article": "seed", "sentence": 1, "start": 10, "end": 24},
                        {"article": "seed", "sentence": 3, "start": 0, "end": 8}],
    }


def test_only_approved_non_empty_translations_are_usable():
    assert Translation("Иран", "ru").usable
    assert not Translation("Иран", "ru", State.SUGGESTED, Origin.CLDR).usable
    assert not Translation("  ", "ru").usable
    assert not Translation("", "ru", State.EMPTY).usable
