"""Forms a referent has only inside longer names: shown as its variants, never used to merge."""

from __future__ import annotations

import pytest

from test_terms import terms_of

# (text, entry, a form the entry must list among its variants)
SHOWN = [
    # an acronym's owner-free name, and an acronym inside a longer name
    ("The IAEA Board of Governors met in Vienna on Monday.", "IAEA Board of Governors", "Board of Governors"),
    ("Delegates of the United Nations attended. The UN Security Council will meet in June.",
     "United Nations", "UN"),
    # concept synonyms inside a longer form
    ("The three European states triggered the snapback mechanism on Thursday.",
     "snapback mechanism", "snapback"),
    # area words after a place, both ways
    ("Aid reached the Great Lakes region on Monday.", "Great Lakes region", "Great Lakes"),
    ("Fighting continued in Rakhine; the Rakhine State government denied it.", "Rakhine", "Rakhine State"),
    # a strait without "Strait" when the rest is no place of its own
    ("Ships avoided the Bab el-Mandeb Strait this week.", "Bab el-Mandeb Strait", "Bab el-Mandeb"),
    # an acronym's full name spelled out only inside a longer name
    ("The Southern African Development Community Electoral Observation Mission arrived in Lilongwe. "
     "SADC said the vote was calm.", "SADC", "Southern African Development Community"),
    ("The 27th Ministerial Meeting of the Gas Exporting Countries Forum opened in Doha; GECF members "
     "agreed.", "GECF", "Gas Exporting Countries Forum"),
    # a known concept inside a longer wording of the same idea, or after a neutral modifier
    ("Both sides stressed non-interference in internal affairs.",
     "non-interference in internal affairs", "non-interference"),
    ("They upheld the principle of non-refoulement.", "non-refoulement", "principle of non-refoulement"),
    ("They called for unhindered humanitarian access.", "humanitarian access", "unhindered humanitarian access"),
    # an event without its ordinal, an instrument with its year, an instrument without its owner
    ("The Seventy-ninth World Health Assembly will adopt it.", "Seventy-ninth World Health Assembly",
     "World Health Assembly"),
    ("Both sides upheld the 1975 Algiers Agreement. The Algiers Agreement set the border.",
     "Algiers Agreement", "1975 Algiers Agreement"),
    ("The text of the WHO Pandemic Agreement was agreed.", "WHO Pandemic Agreement", "Pandemic Agreement"),
]

# (text, entry, a form the entry must not list)
NOT_SHOWN = [
    # a single place before a head is part of the name, not its owner
    ("Members of the Shanghai Cooperation Organization met in Minsk.",
     "Shanghai Cooperation Organization", "Cooperation Organization"),
    # "Taiwan" is a place of its own
    ("Patrols crossed the Taiwan Strait on Friday.", "Taiwan Strait", "Taiwan"),
    # not read across an acronym inside a name
    ("The US and China spoke. The UN Security Council met on Friday.", "US", "UN Security"),
    # not a narrower concept, nor words inside an instrument's name, nor a bare head
    ("They discussed nuclear disarmament.", "nuclear disarmament", "disarmament"),
    ("They cited the European Convention on Human Rights.", "European Convention on Human Rights",
     "Human Rights"),
    ("It cites the UN Charter.", "UN Charter", "Charter"),
]


@pytest.mark.parametrize("text,entry,form", SHOWN, ids=[c[2] for c in SHOWN])
def test_a_form_found_only_inside_a_longer_name_is_a_variant(text: str, entry: str, form: str) -> None:
    assert form in terms_of(text)[entry].variants


@pytest.mark.parametrize("text,entry,form", NOT_SHOWN, ids=[c[2] for c in NOT_SHOWN])
def test_words_that_name_something_else_are_not_a_variant(text: str, entry: str, form: str) -> None:
    assert form not in terms_of(text)[entry].variants


def test_embedded_forms_do_not_merge_referents_across_articles():
    got = terms_of("The AU Commission met in Addis Ababa.", "The ECOWAS Commission met in Abuja.")
    assert {"AU Commission", "ECOWAS Commission"} <= set(got)
    assert "Commission" in got["AU Commission"].variants


def test_an_instruments_owner_free_name_is_its_only_new_variant():
    assert terms_of("The text of the WHO Pandemic Agreement was agreed.")["WHO Pandemic Agreement"].variants \
        == ("Pandemic Agreement",)
