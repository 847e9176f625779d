"""Forms a referent has only inside longer names: shown as its variants, never used to merge."""

from __future__ import annotations

from test_terms import terms_of


def test_acronym_and_owner_free_name_inside_a_longer_name_are_variants():
    got = terms_of("The IAEA Board of Governors met in Vienna on Monday. Delegates of the United "
                   "Nations attended. The UN Security Council will discuss the report in June.")
    assert "Board of Governors" in got["IAEA Board of Governors"].variants
    assert "UN" in got["United Nations"].variants


def test_concept_synonym_inside_the_longer_form_is_a_variant():
    got = terms_of("The three European states triggered the snapback mechanism on Thursday.")
    assert "snapback" in got["snapback mechanism"].variants


def test_area_word_after_a_place_gives_both_forms():
    got = terms_of("Aid reached the Great Lakes region. Fighting continued in Rakhine; the Rakhine "
                   "State government denied it.")
    assert "Great Lakes" in got["Great Lakes region"].variants
    assert "Rakhine State" in got["Rakhine"].variants


def test_a_single_place_before_a_head_is_part_of_the_name_not_an_owner():
    got = terms_of("Members of the Shanghai Cooperation Organization met in Minsk.")
    assert "Cooperation Organization" not in got["Shanghai Cooperation Organization"].variants


def test_embedded_forms_do_not_merge_referents_across_articles():
    got = terms_of("The AU Commission met in Addis Ababa.", "The ECOWAS Commission met in Abuja.")
    assert {"AU Commission", "ECOWAS Commission"} <= set(got)
    assert "Commission" in got["AU Commission"].variants


def test_a_strait_is_shortened_only_when_the_rest_is_no_place_of_its_own():
    got = terms_of("Ships avoided the Bab el-Mandeb Strait. Patrols crossed the Taiwan Strait.")
    assert "Bab el-Mandeb" in got["Bab el-Mandeb Strait"].variants
    assert "Taiwan" not in got["Taiwan Strait"].variants


def test_an_acronym_gets_its_full_name_spelled_out_only_inside_a_longer_name():
    got = terms_of("The Southern African Development Community Electoral Observation Mission arrived "
                   "in Lilongwe. SADC said the vote was calm. The 27th Ministerial Meeting of the Gas Exporting "
                   "Countries Forum opened in Doha; GECF members agreed.")
    assert "Southern African Development Community" in got["SADC"].variants
    assert "Gas Exporting Countries Forum" in got["GECF"].variants


def test_a_full_name_is_not_read_across_an_acronym_inside_it():
    got = terms_of("The US and China spoke. The UN Security Council met on Friday.")
    assert "UN Security" not in got["US"].variants


def test_a_known_concept_inside_a_longer_wording_of_the_same_idea_is_a_variant():
    got = terms_of("Both sides stressed non-interference in internal affairs. They upheld the "
                   "principle of non-refoulement and called for unhindered humanitarian access.")
    assert "non-interference" in got["non-interference in internal affairs"].variants
    assert "principle of non-refoulement" in got["non-refoulement"].variants
    assert "unhindered humanitarian access" in got["humanitarian access"].variants


def test_a_narrower_concept_or_an_instruments_name_does_not_lend_its_words():
    got = terms_of("They discussed nuclear disarmament and the European Convention on Human Rights.")
    assert "disarmament" not in got["nuclear disarmament"].variants
    assert "Human Rights" not in got["European Convention on Human Rights"].variants


def test_an_events_name_without_its_ordinal_and_an_instruments_year_are_variants():
    got = terms_of("The Seventy-ninth World Health Assembly will adopt it. Both sides upheld the "
                   "1975 Algiers Agreement. The Algiers Agreement set the border.")
    assert "World Health Assembly" in got["Seventy-ninth World Health Assembly"].variants
    assert "1975 Algiers Agreement" in got["Algiers Agreement"].variants


def test_an_instruments_name_without_its_owner_is_a_variant_but_not_a_bare_head():
    got = terms_of("The text of the WHO Pandemic Agreement was agreed. It cites the UN Charter.")
    assert got["WHO Pandemic Agreement"].variants == ("Pandemic Agreement",)
    assert "Charter" not in got["UN Charter"].variants
