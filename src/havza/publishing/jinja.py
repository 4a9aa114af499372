"""The Jinja2 environment of the public site (live pages and the static export alike)."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from babel.dates import format_date, format_datetime, format_interval
from babel.numbers import format_decimal
from django.utils import translation
from django.utils.translation import trans_real
from jinja2 import Environment, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from havza import countries, languages
from havza.links import reverse, under_prefix
from havza.publishing import assets, markdown
from havza.publishing.middleware import META_CONTENT_SECURITY_POLICY


def _lang(code: str) -> languages.Language:
    return languages.get(code) or languages.default()


def localized_date(value: dt.date | dt.datetime | None, lang: str, fmt: str = "long") -> str:
    if value is None:
        return ""
    language = _lang(lang)
    if isinstance(value, dt.datetime):
        text = format_datetime(value, fmt, locale=language.babel)
    else:
        text = format_date(value, fmt, locale=language.babel)
    return language.localize_digits(text)


def localized_date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """START to END written like the long dates of every page ("October 18 – 19, 2025").

    CLDR has no interval patterns with full month names: those for abbreviated months are
    widened, as its interval format rules allow (Babel would abbreviate the months)."""
    language = _lang(lang)
    if start == end:
        return localized_date(start, lang)
    pieces = language.babel.interval_formats.get("yMMMd")
    if not pieces:
        return language.localize_digits(
            format_interval(start, end, "yMMMMd", locale=language.babel)
        )
    widen = lambda pattern: re.sub(r"(?<![ML])([ML])\1\1(?![ML])", r"\1\1\1\1", pattern)  # noqa: E731
    for field, value_of in (("y", "year"), ("M", "month"), ("d", "day")):
        if field in pieces and getattr(start, value_of) != getattr(end, value_of):
            text = "".join(
                format_date(day, widen(pattern), locale=language.babel)
                for pattern, day in zip(pieces[field], (start, end), strict=True)
            )
            return language.localize_digits(text)
    return localized_date(start, lang)


def localized_number(value: int, lang: str) -> str:
    language = _lang(lang)
    return language.localize_digits(format_decimal(value, locale=language.babel))


# CSS counter styles that count in a language's digits, so numbered lists match its dates.
COUNTER_STYLES = {"٠١٢٣٤٥٦٧٨٩": "arabic-indic", "۰۱۲۳۴۵۶۷۸۹": "persian"}


def counter_style(lang: languages.Language) -> str:
    """The CSS counter style of LANG's digits ("" for the ASCII digits)."""
    return COUNTER_STYLES.get(lang.digits, "")


# The face each script's pages preload: the regular weight of their headings' and text's font.
PRELOADED_FONTS = {
    "Arab": "havza/fonts/vazirmatn-arabic-400.woff2",
    "Armn": "havza/fonts/noto-sans-armenian-400.woff2",
    "Grek": "havza/fonts/noto-sans-greek-400.woff2",
}
LATIN_FONT = "havza/fonts/noto-sans-latin-400.woff2"


def preloaded_font(lang: languages.Language) -> str:
    """The static path of the font file LANG's pages preload."""
    return PRELOADED_FONTS.get(lang.script, LATIN_FONT)


def language_name(code: str, in_lang: str) -> str:
    """The name of the language CODE as written in IN_LANG ("English" in Arabic: الإنجليزية)."""
    name = _lang(in_lang).babel.languages.get(code)
    if name:
        return name  # as CLDR writes it inside a sentence (French: "anglais")
    language = languages.get(code)
    return language.native_name if language else code


def json_script(value) -> Markup:
    """JSON for a <script type="application/ld+json"> block, safe against </script>."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# Interface strings of the page being rendered. A page renders in one language, known before
# it starts: its catalog is looked up once per page (``page_language``) instead of through
# Django's active-language machinery for each of the hundreds of strings a page has. Outside
# ``page_language`` (and for anything the catalog lacks) Django's own functions answer.
_page = threading.local()
CONTEXT_SEPARATOR = "\x04"


@contextmanager
def page_language(code: str) -> Iterator[None]:
    """Render the strings of templates in CODE's catalog until the block ends."""
    previous = getattr(_page, "catalog", None)
    _page.catalog = trans_real.translation(code)
    try:
        yield
    finally:
        _page.catalog = previous


def gettext(message: str) -> str:
    catalog = getattr(_page, "catalog", None)
    if catalog is None:
        return translation.gettext(message)
    return catalog.gettext(message) if message else ""


def ngettext(singular: str, plural: str, number: int) -> str:
    catalog = getattr(_page, "catalog", None)
    if catalog is None:
        return translation.ngettext(singular, plural, number)
    return catalog.ngettext(singular, plural, number)


def pgettext(context: str, message: str) -> str:
    result = gettext(f"{context}{CONTEXT_SEPARATOR}{message}")
    return message if CONTEXT_SEPARATOR in result else result


def npgettext(context: str, singular: str, plural: str, number: int) -> str:
    result = ngettext(
        f"{context}{CONTEXT_SEPARATOR}{singular}", f"{context}{CONTEXT_SEPARATOR}{plural}", number
    )
    return ngettext(singular, plural, number) if CONTEXT_SEPARATOR in result else result


MAX_KEPT_MESSAGES = 4096  # per catalog: the templates have a few hundred


def _kept(catalog) -> dict:
    kept = catalog.__dict__.get("_havza_template_messages")
    if kept is None:
        kept = catalog.__dict__["_havza_template_messages"] = {}
    return kept


def _remembered(translate: Callable, name: str) -> Callable:
    """Jinja's TRANSLATE (its gettext or pgettext of the templates) remembering, per page
    catalog, what it gave for a message without variables: a template's ``_("Skip to
    content")`` is the same markup on every page of a language, and Jinja translates it and
    formats it (``Markup(text) % {}``, escaping) each time, a few hundred times a page."""

    @pass_context
    def remembering(context: Context, *message: str, **variables):
        catalog = getattr(_page, "catalog", None)
        if catalog is None or variables:
            return translate(context, *message, **variables)
        kept = _kept(catalog)
        key = (name, message, context.eval_ctx.autoescape)
        found = kept.get(key)
        if found is None:
            found = translate(context, *message)
            if len(kept) < MAX_KEPT_MESSAGES:
                kept[key] = found
        return found

    return remembering


def environment(**options) -> Environment:
    options.setdefault("undefined", StrictUndefined)
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    for name in ("gettext", "pgettext"):
        env.globals[name] = _remembered(env.globals[name], name)
    # ``_`` is Jinja's alias looking "gettext" up in each render's context; no page's context
    # names its own gettext, so it is the environment's.
    env.globals["_"] = env.globals["gettext"]
    env.globals.update(
        url=lambda name, **kwargs: reverse(name, kwargs=kwargs),
        static=assets.url,  # fingerprinted names, cached a year
        languages=languages.all_languages,
        language=_lang,
        counter_style=counter_style,
        preloaded_font=preloaded_font,
        site_logo=assets.site_logo,
        language_name=language_name,
        content_security_policy=META_CONTENT_SECURITY_POLICY,
    )
    env.filters.update(
        date=localized_date,
        number=localized_number,
        country=lambda code, lang: countries.name(code, lang) if code else "",
        json_script=json_script,
        web_address=markdown.web_address,  # links typed by users: http(s) only
        under_prefix=under_prefix,  # bodies' "/media/…" in an export under a path
    )
    return env
