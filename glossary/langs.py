"""The one place for language codes, names and plural forms (all from babel's CLDR data)."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from glossary.errors import GlossaryError

SOURCE_LANG = "en"
DEFAULT_TARGETS: tuple[str, ...] = ("fa", "ru", "be")


def check_lang(code: str) -> str:
    """``code`` as a plain BCP 47 language tag if CLDR knows it; a GlossaryError otherwise."""
    tag = code.strip().replace("_", "-")
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        raise GlossaryError(f"unknown language code {code!r}") from None
    if str(locale).replace("_", "-").lower() != tag.lower() and locale.language != tag.lower():
        raise GlossaryError(f"unknown language code {code!r}")
    return tag


def parse_langs(spec: str) -> tuple[str, ...]:
    """A comma-separated language list, validated, duplicates dropped, order kept."""
    codes = [c for c in (part.strip() for part in spec.split(",")) if c]
    if not codes:
        raise GlossaryError("no language given")
    out: list[str] = []
    for code in codes:
        tag = check_lang(code)
        if tag == SOURCE_LANG:
            raise GlossaryError(f"{code!r} is the source language, not a target")
        if tag not in out:
            out.append(tag)
    return tuple(out)


def plural_forms(lang: str) -> str:
    """The gettext ``Plural-Forms`` value CLDR gives (fa: two forms; ru, be: three)."""
    return get_plural(lang.replace("-", "_")).plural_forms


def english_name(lang: str) -> str:
    """The language's English name, for the ``Language-Team`` header."""
    return Locale.parse(lang, sep="-").get_display_name("en") or lang
