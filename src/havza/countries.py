"""Countries as ISO 3166 alpha-2 codes, named and grouped by CLDR."""

from __future__ import annotations

from functools import cache

from babel import Locale

from havza import languages
from havza.cldr_tables import CONTINENT_OF


@cache
def codes() -> frozenset[str]:
    english = Locale.parse("en").territories
    return frozenset(
        code for code in english if len(code) == 2 and code.isalpha() and code in CONTINENT_OF
    )


def is_country(code: str | None) -> bool:
    return bool(code) and code in codes()


@cache
def name(code: str, lang: str) -> str:
    """The country's name in LANG (CLDR); in English where LANG's CLDR data has none (Sark,
    "CQ", is named in few languages); the code itself for an unknown one."""
    language = languages.get(lang)
    locale = language.babel if language else Locale.parse(lang)
    return locale.territories.get(code) or Locale.parse("en").territories.get(code, code)


def continent(code: str | None) -> str | None:
    """UN M49 code of the continent (CLDR containment) of a country, or None."""
    return CONTINENT_OF.get(code or "")


@cache
def choices(lang: str = "en") -> list[tuple[str, str]]:
    return sorted(((c, name(c, lang)) for c in codes()), key=lambda item: item[1])
