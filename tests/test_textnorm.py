"""Comparison keys: Persian letter forms, ZWNJ/space, marks, digits; Cyrillic case and ё."""

from glossary.textnorm import fold, fold_digits, fold_persian, persian_letters


def test_digits_of_every_script_fold_to_ascii():
    assert fold_digits("۱۹ و ١٩ و 19") == "19 و 19 و 19"
    assert fold_digits("plain 2025") == "plain 2025"


def test_persian_letter_forms_and_zwnj_fold():
    assert fold_persian("كميسيون") == fold_persian("کمیسیون")
    assert fold_persian("عدم\u200cتعهد") == fold_persian("عدم تعهد") == "عدم تعهد"
    assert fold_persian("تهرانِ") == "تهران"                     # kasra removed
    assert fold_persian("خارجهٔ") == fold_persian("خارجه")       # hamza above removed
    assert fold_persian("خارجۀ") == "خارجه"                       # heh with yeh above
    assert fold_persian("ایـــران") == "ایران"                    # tatweel
    assert fold_persian("\ufeb1\ufee0\ufe8e\ufee1") == "سلام"      # presentation forms (NFKC)
    assert fold_persian("سال ۱۴۰۴") == "سال 1404"


def test_fold_is_for_keys_and_persian_letters_for_storage():
    assert persian_letters("ايران كشور") == "ایران کشور"
    assert persian_letters("عدم\u200cتعهد") == "عدم\u200cتعهد"  # ZWNJ kept in stored text
    assert fold("Ёлка  Движение", "ru") == "елка движение"
    assert fold("Аб’яднаных", "be") == "аб'яднаных"
    assert fold("ايران", "fa") == fold("ایران", "fa-AF")


def test_latin_look_alikes_inside_cyrillic_words():
    assert fold("Mінск i Pух", "be") == "мінск i рух"      # Latin M, P in Cyrillic words
    assert fold("Бeларусi", "be") == "беларусі"             # Latin e and i typed for е, і
    assert fold("Bеликобритания", "ru") == "великобритания"
    assert fold("Minsk and NATO", "ru") == "minsk and nato"  # Latin words stay Latin
