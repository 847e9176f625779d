"""glossary check: terminology through inflection (ru, be, fa), numbers, punctuation, headers."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from conftest import DATA, SEED, require_module
from glossary import qa
from glossary.cli import main
from glossary.formats.po import new_catalog
from glossary.morph import RussianStemmer, TermMatcher, contains_term

CASES = [line.rstrip("\n").split("\t")
         for line in (DATA / "qa" / "inflection.tsv").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


def _ids(case):
    return f"{case[0]}-{case[1]}-{case[3]}-{abs(hash(case[2])) % 1000}"


# ---------------------------------------------------------------- term matching


@pytest.mark.parametrize("case", [c for c in CASES if c[0] == "ru"], ids=_ids)
def test_russian_with_pymorphy3(case):
    require_module("pymorphy3", "pymorphy3 pymorphy3-dicts-ru")
    lang, term, sentence, expected = case
    matcher = TermMatcher(lang, use_pymorphy=True)
    assert matcher.analyser.name == "pymorphy3"
    assert matcher.contains(sentence, term) is (expected == "yes")


@pytest.mark.parametrize("case", [c for c in CASES if c[0] == "ru"], ids=_ids)
def test_russian_with_the_fallback_stemmer(case):
    lang, term, sentence, expected = case
    matcher = TermMatcher(lang, use_pymorphy=False)
    assert matcher.analyser.name == "snowball-ru"
    assert matcher.contains(sentence, term) is (expected == "yes")


@pytest.mark.parametrize("case", [c for c in CASES if c[0] in ("be", "fa")], ids=_ids)
def test_belarusian_and_persian(case):
    lang, term, sentence, expected = case
    assert contains_term(sentence, term, lang) is (expected == "yes")


def test_snowball_stems():
    s = RussianStemmer()
    assert s.stem("неприсоединения") == s.stem("неприсоединением") == "неприсоединен"
    assert s.stem("Европейского") == s.stem("европейский") == "европейск"
    assert s.stem("важнейшая") == "важн"
    assert s.stem("сотрудничество") == "сотрудничеств"


def test_numbers_fold_digits_and_separators():
    assert qa.numbers("the 19th meeting, 1,000 troops, 2.5 percent") == \
        qa.numbers("۱۹مین نشست، ۱٬۰۰۰ سرباز، ۲٫۵ درصد")
    assert qa.numbers("1,000 troops, 2.5 percent") == qa.numbers("1 000 военных, 2,5 процента")
    assert qa.numbers("in 2025") == qa.numbers("в ٢٠٢٥ году")
    assert qa.numbers("on 10 September 2025")["10"] == 1
    assert sorted(qa.numbers("in 2024 2025").elements()) == ["2024", "2025"]


# ---------------------------------------------------------------- catalogs on disk

SOURCE = ("Araghchi urged members of the Non-Aligned Movement to resist the politicized approach "
          "of Britain, France, and Germany at the 19th meeting.")
TERMS = {
    "ru": {"Non-Aligned Movement": "Движение неприсоединения", "Britain": "Великобритания"},
    "be": {"Non-Aligned Movement": "Рух недалучэння", "Britain": "Вялікабрытанія"},
    "fa": {"Non-Aligned Movement": "جنبش عدم‌تعهد", "Britain": "بریتانیا"},
}
GOOD = {
    "ru": "Арагчи призвал членов Движения неприсоединения противостоять политизированному "
          "подходу Великобритании, Франции и Германии на 19-м заседании.",
    "be": "Арагчы заклікаў членаў Руху недалучэння супрацьстаяць палітызаванаму падыходу "
          "Вялікабрытаніі, Францыі і Германіі на 19-м пасяджэнні.",
    "fa": "عراقچی از اعضای جنبش عدم تعهد خواست در برابر رویکرد سیاسی بريتانيا، فرانسه و آلمان "
          "در نشست ۱۹ مقاومت کنند.",
}


def _write(path: Path, lang: str, rows, glossary: bool = False) -> Path:
    po = new_catalog("glossary" if glossary else "article", lang)
    for row in rows:
        msgid, msgstr, *flags = row
        ctx = "organization" if glossary and "Movement" in msgid else "location" if glossary \
            else None
        po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr, flags=list(flags),
                                comment=f"category: {ctx}" if glossary else ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def _project(tmp_path: Path, lang: str, target: str, terms=None, fuzzy_terms=()) -> Path:
    folder = tmp_path / "locales" / lang / "LC_MESSAGES"
    terms = TERMS[lang] if terms is None else terms
    _write(folder / "glossary.po", lang,
           [(k, v, *(["fuzzy"] if k in fuzzy_terms else [])) for k, v in terms.items()],
           glossary=True)
    return _write(folder / "article.po", lang, [(SOURCE, target)])


def _checks(findings, check=None):
    return [f for f in findings if check is None or f.check == check]


@pytest.mark.parametrize("lang", ["ru", "be", "fa"])
def test_inflected_terms_pass(tmp_path, lang):
    path = _project(tmp_path, lang, GOOD[lang])
    found = qa.check_paths([path])
    assert _checks(found, "terminology") == []
    assert _checks(found, "numbers") == []
    assert qa.exit_status(found) == 0


@pytest.mark.parametrize("lang,missing,target", [
    ("ru", "Non-Aligned Movement", GOOD["ru"].replace("Движения неприсоединения", "ДН")),
    ("ru", "Britain", GOOD["ru"].replace("Великобритании", "Британии")),
    ("be", "Non-Aligned Movement", GOOD["be"].replace("Руху недалучэння", "руху")),
    ("fa", "Britain", GOOD["fa"].replace("بريتانيا", "انگلیس")),
])
def test_missing_term_is_an_error(tmp_path, lang, missing, target):
    path = _project(tmp_path, lang, target)
    found = _checks(qa.check_paths([path]), "terminology")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error" and f.msgid == SOURCE
    assert repr(missing) in f.message and repr(TERMS[lang][missing]) in f.message
    assert f.line == polib.pofile(str(path))[0].linenum


def test_suggested_terms_are_not_enforced(tmp_path):
    target = GOOD["ru"].replace("Великобритании", "Британии")
    path = _project(tmp_path, "ru", target, fuzzy_terms=("Britain",))
    assert _checks(qa.check_paths([path]), "terminology") == []


def test_russian_genitive_and_instrumental_accepted_in_catalogs(tmp_path):
    for n, target in enumerate(["Роль Движения неприсоединения и Великобритании на 19-м заседании.",
                                "С Движением неприсоединения и Великобританией на 19-м заседании."]):
        path = _project(tmp_path / str(n), "ru", target)
        assert _checks(qa.check_paths([path]), "terminology") == []


def test_changed_number_is_an_error(tmp_path):
    path = _project(tmp_path, "fa", GOOD["fa"].replace("۱۹", "۱۸"))
    found = _checks(qa.check_paths([path]), "numbers")
    assert [(f.severity, f.message) for f in found] == [
        ("error", "number(s) changed: 19 in the source, 18 in the translation")]
    spelled = _project(tmp_path / "w", "ru", GOOD["ru"].replace("19-м", "девятнадцатом"))
    assert [f.severity for f in _checks(qa.check_paths([spelled]), "numbers")] == ["warning"]


def test_punctuation_quotes_whitespace_empty(tmp_path):
    folder = tmp_path / "locales"
    fa = _write(folder / "fa" / "LC_MESSAGES" / "a.po", "fa", [
        ("Why now?", "چرا اکنون?"),
        ("Iran, Belarus and Uganda.", "ایران, بلاروس و اوگاندا."),
        ("Fine.", "خوب."),
    ])
    ru = _write(folder / "ru" / "LC_MESSAGES" / "a.po", "ru", [
        ("A campaign of “maximum pressure”.", "Кампания \"максимального давления\"."),
        ("Is it done?", "Готово."),
        ("A campaign of “maximum pressure”.", "Кампания «максимального давления»."),
        ("Done.", " Готово."),
        ("Blank.", "   "),
    ])
    found = qa.check_paths([fa, ru])
    got = sorted((Path(f.file).parent.parent.name, f.check, f.severity) for f in found)
    assert ("fa", "punctuation", "warning") in got
    fa_msgs = sorted(f.message for f in found if f.check == "punctuation" and "/fa/" in f.file)
    assert fa_msgs == ["Latin ',' in Persian text: use '،'", "Latin '?' in Persian text: use '؟'"]
    assert ("ru", "quotes", "warning") in got
    assert ("ru", "whitespace", "warning") in got
    assert ("ru", "empty", "error") in got
    assert ("ru", "punctuation", "warning") in got
    assert not [f for f in found if f.msgid == "Fine."]


def test_untranslated_and_fuzzy_counted(tmp_path):
    path = _write(tmp_path / "locales" / "be" / "LC_MESSAGES" / "a.po", "be", [
        ("One.", ""), ("Two.", "Два."), ("Three.", "Тры.", "fuzzy"),
    ])
    found = qa.check_paths([path])
    assert {(f.check, f.message) for f in found} == {
        ("untranslated", "1 of 3 entries untranslated"),
        ("fuzzy", "1 of 3 entries fuzzy (to confirm)"),
    }
    assert qa.exit_status(found) == 0


def test_headers_checked_in_value(tmp_path):
    path = _write(tmp_path / "locales" / "ru" / "LC_MESSAGES" / "a.po", "ru", [])
    assert qa.check_paths([path]) == []
    po = polib.pofile(str(path))
    po.metadata["Plural-Forms"] = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
                                   "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    po.save(str(path))
    assert qa.check_paths([path]) == []  # the usual gettext spelling: same values
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.metadata["Language"] = "uk"
    po.save(str(path))
    found = qa.check_paths([path])
    assert [f.check for f in found] == ["header", "header"]
    assert "Language is 'uk'" in found[0].message and "Plural-Forms" in found[1].message
    assert qa.exit_status(found) == 1


# ---------------------------------------------------------------- the command


def test_cli_text_json_and_exit_status(tmp_path, monkeypatch, capsys):
    _project(tmp_path, "ru", GOOD["ru"].replace("Великобритании", "Британии"))
    _project(tmp_path, "be", GOOD["be"])
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "locales/ru/LC_MESSAGES/article.po:"
        f"{polib.pofile('locales/ru/LC_MESSAGES/article.po')[0].linenum}: [terminology] "
        "term 'Britain' (location) is not rendered as 'Великобритания'"]
    assert main(["check", "--lang", "be"]) == 0
    assert main(["check", "locales", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [sorted(d) for d in data] == [["check", "file", "line", "message", "msgid",
                                          "severity"]]
    assert data[0]["check"] == "terminology" and data[0]["severity"] == "error"
    assert data[0]["msgid"] == SOURCE


def test_cli_bad_input_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "x"\nfoo bar\n', encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("glossary: error:") == 2


def test_check_a_fresh_kit(kit, monkeypatch, capsys):
    monkeypatch.chdir(kit)
    assert main(["check", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["check"] for d in data} <= {"untranslated", "fuzzy"}
    assert any(d["check"] == "fuzzy" and d["file"].endswith("ru/LC_MESSAGES/glossary.po")
               for d in data)


def test_check_a_translated_kit_sentence(kit):
    """Approve a CLDR suggestion, translate a sentence without it: the check finds it."""
    folder = kit / "locales" / "ru" / "LC_MESSAGES"
    gpo = polib.pofile(str(folder / "glossary.po"))
    for e in gpo:
        if e.msgid in ("Minsk", "Iran") and e.msgctxt == "location":
            e.flags.remove("fuzzy")
    gpo.save(str(folder / "glossary.po"))
    spo = polib.pofile(str(folder / f"{SEED.stem}.po"))
    entry = next(e for e in spo if e.msgid.startswith("Araghchi and Ryzhenkov underscored"))
    entry.msgstr = ("Арагчи и Рыженков подчеркнули важность выполнения соглашений, достигнутых "
                    "во время недавнего визита президента Ирана Масуда Пезешкиана в Москву.")
    spo.save(str(folder / f"{SEED.stem}.po"))
    found = _checks(qa.check_paths([kit / "locales"]), "terminology")
    assert [f.message for f in found] == ["term 'Minsk' (location) is not rendered as 'Минск'"]
    entry.msgstr = entry.msgstr.replace("в Москву", "в Минск")
    spo.save(str(folder / f"{SEED.stem}.po"))
    assert _checks(qa.check_paths([kit / "locales"]), "terminology") == []
