"""The sentence segmenter: exact offsets, the dev sets, the seed article, the traps of news text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.errors import GlossaryError
from glossary.model import Segment
from glossary.segment import Segmenter, segment, segment_spans

DATA = Path(__file__).parent / "data" / "segmentation"

# (set, language, minimum exact cases): the bar is at least pysbd's score on every set
EXACT = [
    ("golden_rules_en", "en", 48), ("sentencex_en", "en", 185), ("news_en", "en", 52),
    ("newspara_en", "en", 43), ("golden_rules_ru", "ru", 37), ("sentencex_ru", "ru", 37),
    ("news_ru", "ru", 12), ("golden_rules_fa", "fa", 1), ("misc_fa", "fa", 7),
    ("news_fa", "fa", 9), ("news_be", "be", 10),
]
UD = [("ud_en", "en", 97.5), ("ud_ru", "ru", 98.0), ("ud_fa", "fa", 99.0), ("ud_be", "be", 96.0)]


def load(name: str) -> list[dict]:
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def texts(text: str, lang: str) -> list[str]:
    return [s.text for s in segment(text, lang)]


def check_offsets(text: str, segs: list[Segment]) -> None:
    """Every segment is text[start:end], trimmed, in order, and only whitespace lies between."""
    pos = 0
    for s in segs:
        assert text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= pos
        assert text[pos:s.start].strip() == ""
        assert s.line == text.count("\n", 0, s.start) + 1
        pos = s.end
    assert text[pos:].strip() == ""


@pytest.mark.parametrize("name,lang,minimum", EXACT)
def test_dev_set_exact(name: str, lang: str, minimum: int) -> None:
    cases = load(name)
    ok = 0
    for case in cases:
        segs = segment(case["text"], lang)
        check_offsets(case["text"], segs)
        ok += [s.text for s in segs] == [e.strip() for e in case["expected"]]
    assert ok >= minimum, f"{name}: {ok}/{len(cases)}"


BLIND = ["en", "ru", "be", "fa"]


@pytest.mark.parametrize("lang", BLIND)
def test_blind_round_cases_all_exact(lang: str) -> None:
    """blind_<lang>.jsonl: news paragraphs written before the segmenter was run on them. Round 1
    (ids 01-30; first sight: en 29, ru 26, be 28, fa 29 of 30) led to general rule fixes; round 2
    (ids 31-44 en, 31-42 ru/be/fa), written after those fixes, split right at first sight. Round 3
    (ids blind3-01..25 per language): 94 of 100 at first sight; three general fixes followed (a
    nested single quotation closing inside a quotation, Persian-digit list markers, Belarusian
    "арт."), one case was a convention difference (the TASS dateline, see its "note"), and two are
    documented limits ("known_failure"), which must keep their documented wrong split and nothing
    else may fail. Round 4 (ids blind4-01..25): 99 of 100 at first sight; one fix followed (a
    title abbreviation in the attribution after a quoted exclamation: '"…!" Gen. Salami told').
    Round 5 (ids blind5-01..25): 93 of 100 at first sight; fixes followed for a sentence-starter
    word after a quoted question ('"Why not?" She added' is a new sentence), "Others" as a
    starter, Russian/Belarusian two-letter initials ("Дж.", "Дз."), Belarusian "г. зн." and
    "дал. ЗША"; two cases were the dateline convention again (see their "note"). Round 6 (ids
    blind6-01..25): 94 of 100 at first sight; fixes followed for list markers opening a line in
    Russian and Belarusian, "тел. +375", Belarusian "долл. ЗША"; one documented limit (a Latin
    initial in Persian script). Round 7 (ids blind7-01..25): 93 of 100 at first sight; fixes
    followed for "etc." before a capital, a surname before its initials at a sentence end ("…
    Рыженков М.В. Документ"), dotted two- and three-letter Persian abbreviations ("ق.ظ."); three
    documented limits (a company suffix or a dotted acronym before a capitalised word, an edited
    Persian "…" inside a sentence). Round 8 (ids blind8-01..25), written after those fixes: 99 of
    100 at first sight; the one miss is the TASS dateline convention again (see its "note")."""
    failed = []
    known = set()
    for case in load(f"blind_{lang}"):
        segs = segment(case["text"], lang)
        check_offsets(case["text"], segs)
        if "known_failure" in case:
            known.add(case["id"])
        if [s.text for s in segs] != case["expected"]:
            failed.append(case["id"])
    assert set(failed) == known


def _bounds(text: str, sents: list[str]) -> set[int]:
    out, pos = set(), 0
    for s in sents[:-1]:
        pos = text.index(s, pos) + len(s)
        out.add(pos)
    return out


@pytest.mark.parametrize("name,lang,minimum", UD)
def test_ud_boundary_f1(name: str, lang: str, minimum: float) -> None:
    tp = fp = fn = 0
    for case in load(name):
        segs = segment(case["text"], lang)
        check_offsets(case["text"], segs)
        gold = _bounds(case["text"], case["expected"])
        got = {s.end for s in segs[:-1]}
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
    f1 = 200 * tp / (2 * tp + fp + fn)
    assert f1 >= minimum, f"{name}: F1 {f1:.1f}"


def test_seed_article_matches_omegat_split() -> None:
    ref = json.loads((DATA / "seed_reference.json").read_text(encoding="utf-8"))
    text = (DATA / ref["file"]).read_text(encoding="utf-8")
    segs = segment(text, "en")
    check_offsets(text, segs)
    assert [s.text for s in segs] == ref["expected"]
    assert len(segs) == 12
    assert [s.line for s in segs[:3]] == [1, 3, 4]


STRESS = ('U.N. envoy Mr. J. R. Smith arrived in Washington, D.C. on Jan. 3. He met officials at '
          'the U.S. State Department at 10 a.m. "We are ready," he said. "Are they?" asked '
          'Lt. Col. Ann Marie Jones of the U.S. Army. Talks ended at 5 p.m. Both sides will meet '
          'again on Sept. 12 at No. 10 Downing Street.')


def test_news_traps_in_one_paragraph() -> None:
    assert texts(STRESS, "en") == [
        "U.N. envoy Mr. J. R. Smith arrived in Washington, D.C. on Jan. 3.",
        "He met officials at the U.S. State Department at 10 a.m.",
        '"We are ready," he said.',
        '"Are they?" asked Lt. Col. Ann Marie Jones of the U.S. Army.',
        "Talks ended at 5 p.m.",
        "Both sides will meet again on Sept. 12 at No. 10 Downing Street.",
    ]


@pytest.mark.parametrize("text,expected", [
    ("Talks will resume in the U.S. Officials did not give a date.",
     ["Talks will resume in the U.S.", "Officials did not give a date."]),
    ("The next round is in Washington, D.C. The date is open.",
     ["The next round is in Washington, D.C.", "The date is open."]),
    ("Deputy Foreign Minister A. Yu. Rudenko attended. Sergey V. Lavrov did not.",
     ["Deputy Foreign Minister A. Yu. Rudenko attended.", "Sergey V. Lavrov did not."]),
    ('He added: "Pressure has never worked. It will not work now." Then he left.',
     ['He added: "Pressure has never worked. It will not work now."', "Then he left."]),
    ("He called it “final.” Then he left the room.",
     ["He called it “final.”", "Then he left the room."]),
    ("Mrs. Jones gave Peter $4.5 to buy Chanel No 5.He never came back. See Newsfeeds.Com now.",
     ["Mrs. Jones gave Peter $4.5 to buy Chanel No 5.", "He never came back.", "See Newsfeeds.Com now."]),
    ("The meeting ended at 5 p.m. Iran’s delegation left. Talks resume at 10 a.m. Tuesday.",
     ["The meeting ended at 5 p.m.", "Iran’s delegation left.", "Talks resume at 10 a.m. Tuesday."]),
    ("On Jan. 5, at 6 a.m. Mr. Smith arrived. He left at 6 p.m. Mr. Jones stayed.",
     ["On Jan. 5, at 6 a.m. Mr. Smith arrived.", "He left at 6 p.m.", "Mr. Jones stayed."]),
    ("Hydrogen is a gas. [1] It burns. Really ? ? ? Then we should go.",
     ["Hydrogen is a gas. [1]", "It burns.", "Really ? ? ?", "Then we should go."]),
    ("Nested brackets (with [inner. brackets] inside) should work. Today is Tuesday.Mr. Smith left.",
     ["Nested brackets (with [inner. brackets] inside) should work.", "Today is Tuesday.",
      "Mr. Smith left."]),
    ("Hello ( Hi! ) my name is Chris. Other good editions are in vol. IX.",
     ["Hello ( Hi! ) my name is Chris.", "Other good editions are in vol. IX."]),
    ('"Is this diplomacy?" he asked. Nobody answered.',
     ['"Is this diplomacy?" he asked.', "Nobody answered."]),
    ("Gen. (ret.) Moses Ali cited Art. 108 of the Charter. It costs approx. $41.5 million.",
     ["Gen. (ret.) Moses Ali cited Art. 108 of the Charter.", "It costs approx. $41.5 million."]),
    ("The U.N. General Assembly voted 141 to 5. Amb. Linda Thomas-Greenfield spoke.",
     ["The U.N. General Assembly voted 141 to 5.", "Amb. Linda Thomas-Greenfield spoke."]),
    ("ST. PETERSBURG, Russia (AP) — The forum opened. FT. MEADE officials declined to comment.",
     ["ST. PETERSBURG, Russia (AP) — The forum opened.", "FT. MEADE officials declined to comment."]),
])
def test_english_news_cases(text: str, expected: list[str]) -> None:
    assert texts(text, "en") == expected


def test_headline_and_dateline_lines_are_segments() -> None:
    text = "Iran and Belarus Sign Accord\nMINSK, Nov. 27 (IRNA) - The two sides signed it.\n\nMore talks follow"
    assert texts(text, "en") == [
        "Iran and Belarus Sign Accord",
        "MINSK, Nov. 27 (IRNA) - The two sides signed it.",
        "More talks follow",
    ]


@pytest.mark.parametrize("lang,text,expected", [
    ("ru", "Встреча прошла 27 нояб. 2025 г. в Минске. С. В. Лавров, т. е. министр, выступил.",
     ["Встреча прошла 27 нояб. 2025 г. в Минске.", "С. В. Лавров, т. е. министр, выступил."]),
    ("ru", "«Диалог важен. Санкции не работают», — сказал он. Потом он ушёл.",
     ["«Диалог важен. Санкции не работают», — сказал он.", "Потом он ушёл."]),
    ("ru", "Обсудили торговлю, энергетику и т. д. Подробности не сообщаются.",
     ["Обсудили торговлю, энергетику и т. д.", "Подробности не сообщаются."]),
    ("be", ("Сустрэча адбылася ў г. Мінску 20 жніўня 2025 г. Бакі абмеркавалі гандаль і г. д. "
            "Падрабязнасці невядомыя."),
     ["Сустрэча адбылася ў г. Мінску 20 жніўня 2025 г.", "Бакі абмеркавалі гандаль і г. д.",
      "Падрабязнасці невядомыя."]),
    ("be", "Прэзідэнт Ірана М. Пезешкіян наведаў Мінск. Ён сустрэўся з А. Р. Лукашэнкам.",
     ["Прэзідэнт Ірана М. Пезешкіян наведаў Мінск.", "Ён сустрэўся з А. Р. Лукашэнкам."]),
    ("fa", "آیا تحریم‌ها لغو خواهد شد؟ عراقچی گفت: «دیپلماسی تنها راه است.» نشست ۲ ساعت طول کشید!؟ پایان.",
     ["آیا تحریم‌ها لغو خواهد شد؟", "عراقچی گفت: «دیپلماسی تنها راه است.»",
      "نشست ۲ ساعت طول کشید!؟", "پایان."]),
])
def test_other_languages(lang: str, text: str, expected: list[str]) -> None:
    segs = segment(text, lang)
    check_offsets(text, segs)
    assert [s.text for s in segs] == expected


def test_offsets_count_characters_not_bytes_and_keep_text_unchanged() -> None:
    text = "  Привет, мир.  Как дела?\r\n\r\nبله‌ها.   Done!  \n"
    segs = segment(text, "ru")
    check_offsets(text, segs)
    assert [s.text for s in segs] == ["Привет, мир.", "Как дела?", "بله‌ها.", "Done!"]
    assert [(s.start, s.end, s.line) for s in segs] == [(2, 14, 1), (16, 25, 1), (29, 36, 3), (39, 44, 3)]


def test_line_separators_other_than_newline() -> None:
    text = "First line\rSecond. Third\u2028Fourth"
    segs = segment(text, "en")
    check_offsets_loose = [text[s.start:s.end] for s in segs]
    assert check_offsets_loose == ["First line", "Second.", "Third", "Fourth"]


def test_empty_and_blank_text() -> None:
    assert segment("", "en") == []
    assert segment(" \n\n \t", "en") == []


def test_spans_agree_with_segments() -> None:
    text = (DATA / "news_text_en.txt").read_text(encoding="utf-8")
    assert segment_spans(text, "en") == [(s.start, s.end) for s in segment(text, "en")]


def test_unknown_language_is_a_glossary_error() -> None:
    with pytest.raises(GlossaryError, match="unknown language"):
        segment("Text.", "xx")


def test_segmenter_is_reusable() -> None:
    seg = Segmenter("en")
    assert [s.text for s in seg.segment("One. Two.")] == ["One.", "Two."]
    assert seg.spans("Three. Four.") == [(0, 6), (7, 12)]


# Diplomatic-news traps beyond the dev sets (each split checked by hand).
HELD_OUT = [
    ('en', 'The message was delivered by H.E. Mr. Antonio Guterres. He then left.',
     ['The message was delivered by H.E. Mr. Antonio Guterres.', 'He then left.']),
    ('en', '"Are you ready?" Araghchi asked. Nobody replied.',
     ['"Are you ready?" Araghchi asked.', 'Nobody replied.']),
    ('en', '"Is this the end?" asked Lavrov. He did not wait.',
     ['"Is this the end?" asked Lavrov.', 'He did not wait.']),
    ('en', 'Talks resumed at 3 p.m. local time (1200 GMT). They ended at 9 p.m. Both delegations left.',
     ['Talks resumed at 3 p.m. local time (1200 GMT).', 'They ended at 9 p.m.', 'Both delegations left.']),
    ('en', 'He holds a Ph.D. from Harvard. He joined the U.N. in 1998.',
     ['He holds a Ph.D. from Harvard.', 'He joined the U.N. in 1998.']),
    ('en', 'The deal was signed in St. Petersburg on Dec. 5, 2024. It took effect on Jan. 1.',
     ['The deal was signed in St. Petersburg on Dec. 5, 2024.', 'It took effect on Jan. 1.']),
    ('en', 'Maj. Gen. Ali Bagheri and Brig. Gen. Hossein Salami attended. Adm. Ali Shamkhani did not.',
     ['Maj. Gen. Ali Bagheri and Brig. Gen. Hossein Salami attended.', 'Adm. Ali Shamkhani did not.']),
    ('en', 'The U.K. Foreign Office said the U.A.E. and the U.S.S.R. differed. The U.N.S.C. met.',
     ['The U.K. Foreign Office said the U.A.E. and the U.S.S.R. differed.', 'The U.N.S.C. met.']),
    ('en', 'President George W. Bush met Sen. John F. Kerry. Both spoke.',
     ['President George W. Bush met Sen. John F. Kerry.', 'Both spoke.']),
    ('en', 'It was the No. 2 official. The fund holds approx. 40 percent of the total.',
     ['It was the No. 2 official.', 'The fund holds approx. 40 percent of the total.']),
    ('en', 'World War II. The Cold War followed.',
     ['World War II.', 'The Cold War followed.']),
    ('en', 'He cited Chapter VII of the U.N. Charter. The Council agreed.',
     ['He cited Chapter VII of the U.N. Charter.', 'The Council agreed.']),
    ('en', 'Iran’s envoy said: “We will respond. Our patience has limits.” The IAEA declined to comment.',
     ['Iran’s envoy said: “We will respond. Our patience has limits.”', 'The IAEA declined to comment.']),
    ('en', 'Mr. Smith (R-Texas) said no. Ms. Jones (D-Calif.) agreed.',
     ['Mr. Smith (R-Texas) said no.', 'Ms. Jones (D-Calif.) agreed.']),
    ('en', 'The E.U.’s top diplomat, Kaja Kallas, arrived. She met officials.',
     ['The E.U.’s top diplomat, Kaja Kallas, arrived.', 'She met officials.']),
    ('en', 'They met at 10 a.m. Tuesday. The talks lasted an hour.',
     ['They met at 10 a.m. Tuesday.', 'The talks lasted an hour.']),
    ('en', 'The summit is set for Oct. 3–4 in Baku. Leaders will attend.',
     ['The summit is set for Oct. 3–4 in Baku.', 'Leaders will attend.']),
    ('ru', 'Договор подписан 12 дек. 2024 г. в Москве. Он вступит в силу через месяц.',
     ['Договор подписан 12 дек. 2024 г. в Москве.', 'Он вступит в силу через месяц.']),
    ('ru', 'Посол прибыл на о. Кипр. Переговоры начнутся завтра.',
     ['Посол прибыл на о. Кипр.', 'Переговоры начнутся завтра.']),
    ('ru', 'Встреча прошла в т.ч. в Гродно. Стороны обсудили энергетику, транспорт и т.п. Детали не раскрываются.',
     ['Встреча прошла в т.ч. в Гродно.', 'Стороны обсудили энергетику, транспорт и т.п.', 'Детали не раскрываются.']),
    ('ru', 'Об этом заявил замглавы МИД РФ С.А. Рябков. По его словам, диалог продолжится.',
     ['Об этом заявил замглавы МИД РФ С.А. Рябков.', 'По его словам, диалог продолжится.']),
    ('ru', '«Вы готовы?» — спросил министр. Ответа не последовало.',
     ['«Вы готовы?» — спросил министр.', 'Ответа не последовало.']),
    ('ru', 'Согласно ст. 51 Устава ООН, государства имеют право на самооборону. Это признано всеми.',
     ['Согласно ст. 51 Устава ООН, государства имеют право на самооборону.', 'Это признано всеми.']),
    ('ru', 'Объем торговли составил 5 млрд долл. США. Это на 10 % больше.',
     ['Объем торговли составил 5 млрд долл. США.', 'Это на 10 % больше.']),
    ('be', 'Дамова падпісана 12 снеж. 2024 г. у Мінску. Яна ўступіць у сілу праз месяц.',
     ['Дамова падпісана 12 снеж. 2024 г. у Мінску.', 'Яна ўступіць у сілу праз месяц.']),
    ('be', 'Міністр А. Г. Лукашэнка выступіў. Бакі абмеркавалі энергетыку, транспарт і г.д. Падрабязнасці невядомыя.',
     ['Міністр А. Г. Лукашэнка выступіў.', 'Бакі абмеркавалі энергетыку, транспарт і г.д.', 'Падрабязнасці невядомыя.']),
    ('be', '«Ці гатовыя вы?» — спытаў міністр. Адказу не было.',
     ['«Ці гатовыя вы?» — спытаў міністр.', 'Адказу не было.']),
    ('fa', 'این نشست در ۱۵ مهر ۱۴۰۳ ه.ش. برگزار شد. دو طرف توافق کردند.',
     ['این نشست در ۱۵ مهر ۱۴۰۳ ه.ش. برگزار شد.', 'دو طرف توافق کردند.']),
    ('fa', 'سازمان ملل (U.N.) اعلام کرد که گفتگوها ادامه دارد. نشست بعدی در ژنو است.',
     ['سازمان ملل (U.N.) اعلام کرد که گفتگوها ادامه دارد.', 'نشست بعدی در ژنو است.']),
    ('fa', 'وزیر گفت: «ما آماده\u200cایم. توپ در زمین آنهاست.» سپس جلسه پایان یافت.',
     ['وزیر گفت: «ما آماده\u200cایم. توپ در زمین آنهاست.»', 'سپس جلسه پایان یافت.']),
    ('fa', 'آیا مذاکرات ادامه می\u200cیابد؟! هنوز معلوم نیست.',
     ['آیا مذاکرات ادامه می\u200cیابد؟!', 'هنوز معلوم نیست.']),
]


HELD_OUT += [
    ("ru", "МОСКВА, 27 ноября. /ТАСС/. Министр иностранных дел РФ прибыл в Минск.",
     ["МОСКВА, 27 ноября. /ТАСС/.", "Министр иностранных дел РФ прибыл в Минск."]),
    ("ru", "«Он сказал: „Мы готовы. Ждём ответа“. Потом ушёл», — отметил посол. Встреча завершилась.",
     ["«Он сказал: „Мы готовы. Ждём ответа“. Потом ушёл», — отметил посол.", "Встреча завершилась."]),
    ("be", "Мінск, 27 лістапада. /БелТА/. Міністр прыбыў у Тэгеран.",
     ["Мінск, 27 лістапада. /БелТА/.", "Міністр прыбыў у Тэгеран."]),
]


def test_compiled_code_cache_round_trip_and_fallback(tmp_path, monkeypatch) -> None:
    """The scan regex's compiled code is reused from the user cache; a bad file only costs a compile."""
    import re

    from glossary.segment import engine

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    pattern = r"[.!?](?:(?<=Mr\.)(?P<a>)|(?=\s+[A-Z])(?P<b>))"
    first = engine.compile_cached(pattern)
    files = list(tmp_path.iterdir())
    assert len(files) == 1
    again = engine.compile_cached(pattern)
    text = "Mr. Smith left. He came back! Then."
    ref = re.compile(pattern, re.MULTILINE)
    for rx in (first, again):
        assert [(m.span(), m.lastgroup) for m in rx.finditer(text)] == \
               [(m.span(), m.lastgroup) for m in ref.finditer(text)]
        assert rx.groupindex == ref.groupindex
    files[0].write_text("[1, 2", encoding="utf-8")
    assert engine.compile_cached(pattern).pattern == pattern
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", "")
    assert engine.compile_cached(pattern).pattern == pattern


# follow-ups of the blind rounds: general rules, one case each
AFTER_BLIND = [
    ("ru", "На митинг пришли ок. 200 человек. Полиция не вмешивалась.",
     ["На митинг пришли ок. 200 человек.", "Полиция не вмешивалась."]),
    ("ru", "Стр. 15 содержит данные. См. выше.", ["Стр. 15 содержит данные.", "См. выше."]),
    ("ru", "Решение принято (см. прил. 2). Оно окончательное.",
     ["Решение принято (см. прил. 2).", "Оно окончательное."]),
    ("ru", "Выборы прошли в 1990-х гг. Тогда всё изменилось.",
     ["Выборы прошли в 1990-х гг.", "Тогда всё изменилось."]),
    ("ru", "Обсуждались энергетика, транспорт, связь и пр. Итоги подведут позже.",
     ["Обсуждались энергетика, транспорт, связь и пр.", "Итоги подведут позже."]),
    ("ru", "В 2024 г. Москва и Пекин подписали договор. Он вступил в силу.",
     ["В 2024 г. Москва и Пекин подписали договор.", "Он вступил в силу."]),
    ("ru", "Удар нанесли боевики т.н. Исламского государства. Тел. 8-800-100-00-00.",
     ["Удар нанесли боевики т.н. Исламского государства.", "Тел. 8-800-100-00-00."]),
    ("be", "Баевікі т.зв. «Ісламскай дзяржавы» адступілі. Гэта пацверджана.",
     ["Баевікі т.зв. «Ісламскай дзяржавы» адступілі.", "Гэта пацверджана."]),
    ("be", "У 2024 г. Беларусь і Іран падпісалі пагадненне. Яно падпісана ў 2024 г. Яго апублікавалі.",
     ["У 2024 г. Беларусь і Іран падпісалі пагадненне.", "Яно падпісана ў 2024 г.", "Яго апублікавалі."]),
    ("ru", "Как сообщалось, в 2023 г. Россия и Иран подписали договор. Он действует.",
     ["Как сообщалось, в 2023 г. Россия и Иран подписали договор.", "Он действует."]),
    ("be", "Выбары прайшлі ў 1990-х гг. Тады ўсё змянілася.",
     ["Выбары прайшлі ў 1990-х гг.", "Тады ўсё змянілася."]),
    ("fa", "او گفت: «چرا؟» و رفت.", ["او گفت: «چرا؟» و رفت."]),
    ("fa", "ایران (ج.ا.ا.) عضو سازمان ملل است. این عضویت قدیمی است.",
     ["ایران (ج.ا.ا.) عضو سازمان ملل است.", "این عضویت قدیمی است."]),
    # after blind rounds 5 and 6
    ("en", "He said: \"Why not?\" She added that no date was set.",
     ["He said: \"Why not?\"", "She added that no date was set."]),
    ("en", "\"Why not?\" Araghchi asked.",
     ["\"Why not?\" Araghchi asked."]),
    ("en", "Some states want it kept at the U.N. Others prefer a regional format.",
     ["Some states want it kept at the U.N.", "Others prefer a regional format."]),
    ("ru", "Встречу провёл Дж. Байден. Потом все ушли.",
     ["Встречу провёл Дж. Байден.", "Потом все ушли."]),
    ("be", "Удзел узялі праф. Дз. М. Шапашнікава і Дж. Сміт. Потым пайшлі.",
     ["Удзел узялі праф. Дз. М. Шапашнікава і Дж. Сміт.", "Потым пайшлі."]),
    ("be", "Прыйшлі краіны ЕАЭС, г. зн. Арменія і Беларусь. Сустрэча скончылася.",
     ["Прыйшлі краіны ЕАЭС, г. зн. Арменія і Беларусь.", "Сустрэча скончылася."]),
    ("ru", "Стороны договорились:\n1. Увеличить число рейсов.\n2. Создать рабочую группу.",
     ["Стороны договорились:", "1. Увеличить число рейсов.", "2. Создать рабочую группу."]),
    ("ru", "Справки по тел. +375 17 123-45-67. Прием ведется по будням.",
     ["Справки по тел. +375 17 123-45-67.", "Прием ведется по будням."]),
    ("be", "Экспарт склаў 112 млн долл. ЗША. Гэта больш.",
     ["Экспарт склаў 112 млн долл. ЗША.", "Гэта больш."]),
    # after blind round 7
    ("en", "They sent tents, blankets, etc. Aid agencies welcomed it. Food, water, etc., came later.",
     ["They sent tents, blankets, etc.", "Aid agencies welcomed it.", "Food, water, etc., came later."]),
    ("ru", "Соглашение подписал Петров И.А. Переговоры продолжатся. Выступил Сидоров А. Б. Затем начались прения.",
     ["Соглашение подписал Петров И.А.", "Переговоры продолжатся.",
      "Выступил Сидоров А. Б.", "Затем начались прения."]),
    ("ru", "Лекцию прочёл сотрудник ин-та им. Е. М. Примакова А. А. Орлов.",
     ["Лекцию прочёл сотрудник ин-та им. Е. М. Примакова А. А. Орлов."]),
    ("be", "Пагадненне падпісаў Шаўчук В.М. Бакі задаволены.",
     ["Пагадненне падпісаў Шаўчук В.М.", "Бакі задаволены."]),
    ("fa", "جلسه ساعت ۹ ب.ظ. پایان یافت. خبرنگاران منتظر ماندند.",
     ["جلسه ساعت ۹ ب.ظ. پایان یافت.", "خبرنگاران منتظر ماندند."]),
]


@pytest.mark.parametrize("lang,text,expected", HELD_OUT + AFTER_BLIND)
def test_held_out_style_and_after_blind_round_cases(lang: str, text: str,
                                                     expected: list[str]) -> None:
    segs = segment(text, lang)
    check_offsets(text, segs)
    assert [s.text for s in segs] == expected
