"""Text normalisation for comparison keys (never applied to stored text, except :func:`persian_letters`).

Persian text arrives with Arabic or Persian letter forms (``ي``/``ی``, ``ك``/``ک``), with a
zero-width non-joiner or a plain space between the parts of one word, with or without short-vowel
marks, and with Persian (``۱۹``), Arabic-Indic (``١٩``) or Latin (``19``) digits. Two strings that
differ only in those ways are the same text for a translator, so quality checks compare the
*keys* this module computes:

* :func:`fold_digits`   -- every decimal digit (any script, Unicode category Nd) to ASCII ``0-9``;
* :func:`fold_persian`  -- NFKC (Arabic presentation forms to base letters), Arabic yeh/alef
  maksura to Persian yeh, Arabic kaf to Persian kaf, teh marbuta and heh-with-yeh-above to heh,
  hamza-carrying alefs to bare alef, diacritics (U+064B-U+065F, U+0670) and tatweel removed,
  ZWNJ to a space, ZWJ and direction marks removed, whitespace collapsed, digits folded;
* :func:`fold`          -- the key for any language: case-folded, ``ё`` to ``е``, typographic
  apostrophes unified, digits folded, whitespace collapsed; Persian additionally as above;
  Russian, Belarusian and Ukrainian additionally with Latin look-alike letters inside Cyrillic
  words read as Cyrillic (a Latin ``i`` typed for Belarusian ``і``, a Latin ``o`` or ``c``).

:func:`persian_letters` is the one function meant for stored text: it only replaces the Arabic
letter forms ``ي ى ك`` by the Persian ``ی ی ک`` (what CLDR suggestions and translators should store).
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"
ZWJ = "\u200d"

_PERSIAN_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})

_PERSIAN_FOLD = str.maketrans({
    "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
    "\u06d2": "\u06cc",  # YEH BARREE -> FARSI YEH
    "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH
    "\u06aa": "\u06a9",  # SWASH KAF -> KEHEH
    "\u0629": "\u0647",  # TEH MARBUTA -> HEH
    "\u06c0": "\u0647",  # HEH WITH YEH ABOVE -> HEH (the ezafe is a mark, not a letter)
    "\u06d5": "\u0647",  # AE -> HEH
    "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE -> ALEF
    "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW -> ALEF
    "\u0622": "\u0627",  # ALEF WITH MADDA ABOVE -> ALEF (آمریکا / امریکا)
    "\u0671": "\u0627",  # ALEF WASLA -> ALEF
    "\u0624": "\u0648",  # WAW WITH HAMZA ABOVE -> WAW
    "\u0626": "\u06cc",  # YEH WITH HAMZA ABOVE -> FARSI YEH
    "\u0640": None,      # TATWEEL
    ZWNJ: " ",
    ZWJ: None,
    "\u200e": None, "\u200f": None, "\u061c": None, "\ufeff": None,  # LRM, RLM, ALM, BOM
    "\u202a": None, "\u202b": None, "\u202c": None, "\u202d": None, "\u202e": None,
    "\u2066": None, "\u2067": None, "\u2068": None, "\u2069": None,
})

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SPACE = re.compile(r"\s+")
_CYRILLIC_WORD = re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*")
_HOMOGLYPHS = str.maketrans("aceopxykmthb", "асеорхукмтнв")
_HOMOGLYPHS_I = str.maketrans("aceopxykmthbi", "асеорхукмтнві")


def persian_letters(text: str) -> str:
    """``text`` with Arabic yeh/alef maksura/kaf replaced by the Persian letters (safe to store)."""
    return text.translate(_PERSIAN_LETTERS)


def fold_digits(text: str) -> str:
    """Every decimal digit of any script (Persian ۱۹, Arabic-Indic ١٩, ...) as ASCII."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(ch)) if unicodedata.category(ch) == "Nd" else ch
                   for ch in text)


def collapse_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def fold_persian(text: str) -> str:
    """The Persian comparison key: letter forms, marks, ZWNJ/space and digits folded."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PERSIAN_FOLD)
    text = _ARABIC_MARKS.sub("", text)
    return collapse_space(fold_digits(text))


def fold(text: str, lang: str = "") -> str:
    """The comparison key of ``text`` in language ``lang`` (see the module docstring)."""
    base = lang.split("-")[0].split("_")[0].lower()
    if base in ("fa", "ar", "ur", "ps"):
        text = fold_persian(text)
    else:
        text = unicodedata.normalize("NFC", text)
        text = text.replace("\u00ad", "")  # soft hyphen
    text = text.translate(_APOSTROPHES).casefold().replace("ё", "е")
    if base in ("ru", "be", "uk"):
        table = _HOMOGLYPHS_I if base in ("be", "uk") else _HOMOGLYPHS
        text = _CYRILLIC_WORD.sub(lambda m: m.group().translate(table), text)
    return collapse_space(fold_digits(text))
