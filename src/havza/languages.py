"""The site languages: one registry, built from configuration and CLDR.

A language is configured by its ISO 639 code alone; everything else (native name, direction,
script, locale for dates and country names, digits) comes from CLDR through Babel, and can be
overridden in the ``[language.<code>]`` table of the configuration file. Adding a language is
configuration only: put its code in ``HAVZA_LANGUAGES`` and its tagline in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.core import get_global

from havza import config
from havza.cldr_tables import DIGITS

# The taglines the product ships with, one per default language. A network replaces them with
# its own in the configuration file.
DEFAULT_TAGLINES = {
    "tr": "Birçok kıyı, tek bir mücadele.",
    "en": "Many shores, one struggle.",
    "ar": "شواطئ كثيرة، نضال واحد.",
    "fa": "کرانه‌های بسیار، یک مبارزه.",
    "it": "Molte sponde, una sola lotta.",
    "el": "Πολλές ακτές, ένας αγώνας.",
    "ku": "Gelek perav, yek têkoşîn.",
    "hy": "Շատ ափեր, մեկ պայքար։",
    "es": "Muchas orillas, una sola lucha.",
    "fr": "Plusieurs rives, une seule lutte.",
    "pt": "Muitas margens, uma só luta.",
}

# Names CLDR writes differently from how a language menu shows them.
DEFAULT_NATIVE_NAMES = {"ku": "Kurdî (Kurmancî)"}

# Scripts whose readers expect slugs in their own letters; other scripts are transliterated
# to Latin, and Latin letters lose their accents ("dünya" -> "dunya").
NATIVE_SLUG_SCRIPTS = {"Arab"}


@dataclass(frozen=True)
class Language:
    code: str  # as in URLs: /tr/, /ku/
    tag: str  # BCP 47, for lang="" and hreflang=""
    native_name: str
    direction: str  # "ltr" or "rtl"
    script: str  # ISO 15924: Latn, Arab, Grek, Armn
    locale: str  # Babel/CLDR locale for dates, numbers and territory names
    tagline: str
    slug_style: str  # "native" or "ascii"
    digits: str  # the ten digits this language writes numbers with
    og_locale: str  # OpenGraph form: ll_TT

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def babel(self) -> Locale:
        return _babel_locale(self.locale)

    def localize_digits(self, text: str) -> str:
        """Write the ASCII digits of TEXT in this language's own digits."""
        if self.digits == "0123456789":
            return text
        return text.translate(str.maketrans("0123456789", self.digits))


@cache
def _babel_locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


def _build(code: str) -> Language:
    overrides = config.file_section("language").get(code, {})
    locale_id = overrides.get("locale", code)
    locale = Locale.parse(locale_id)
    likely = get_global("likely_subtags").get(locale_id, "")
    parts = likely.split("_")
    script = overrides.get("script") or locale.script or (parts[1] if len(parts) > 2 else "Latn")
    territory = locale.territory or (parts[-1] if len(parts) > 1 else "")
    numbering = overrides.get("numbering", locale.default_numbering_system)
    return Language(
        code=code,
        tag=overrides.get("tag", code),
        native_name=overrides.get("native_name")
        or DEFAULT_NATIVE_NAMES.get(code)
        or _capitalized(locale.get_display_name(locale) or code),
        direction=overrides.get(
            "direction", "rtl" if locale.character_order == "right-to-left" else "ltr"
        ),
        script=script,
        locale=locale_id,
        tagline=overrides.get("tagline", DEFAULT_TAGLINES.get(code, "")),
        slug_style=overrides.get(
            "slug_style", "native" if script in NATIVE_SLUG_SCRIPTS else "ascii"
        ),
        digits=DIGITS.get(numbering, "0123456789"),
        og_locale=f"{locale.language}_{territory}" if territory else locale.language,
    )


def _capitalized(name: str) -> str:
    # CLDR writes language names as they stand mid-sentence ("italiano"); a menu starts them
    # with a capital letter, as the languages themselves do at the start of a line.
    return name[:1].upper() + name[1:]


@cache
def registry() -> dict[str, Language]:
    codes = [c.strip() for c in str(config.get("LANGUAGES")).split(",") if c.strip()]
    return {code: _build(code) for code in codes}


def all_languages() -> list[Language]:
    return list(registry().values())


def codes() -> list[str]:
    return list(registry())


def get(code: str) -> Language | None:
    return registry().get(code)


def default() -> Language:
    return next(iter(registry().values()))


def iter_choices() -> Iterator[tuple[str, str]]:
    for lang in registry().values():
        yield lang.code, lang.native_name


def best_match(accept_language: str | None) -> Language:
    """The site language a reader asked for in their Accept-Language header.

    Tolerates any malformed header (falls back to the default language): the header is
    parsed by Django's own parser, which returns nothing for a header it cannot read.
    """
    from django.utils.translation.trans_real import parse_accept_lang_header

    try:
        ranked = parse_accept_lang_header((accept_language or "")[:1000])
    except Exception:  # a header we cannot read is a header we ignore
        ranked = ()
    langs = registry()
    aliases = {lang.tag.lower(): lang.code for lang in langs.values()}
    aliases["kmr"] = "ku" if "ku" in langs else ""
    aliases["per"] = "fa" if "fa" in langs else ""
    for tag, quality in ranked:
        if quality <= 0:  # q=0 says "not this one"
            continue
        tag = tag.lower().replace("_", "-")
        if tag == "*":
            break
        for candidate in (tag, tag.split("-")[0]):
            code = candidate if candidate in langs else aliases.get(candidate)
            if code:
                return langs[code]
    return default()
