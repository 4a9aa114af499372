"""The Jinja2 environment of the public site (live pages and the static export alike)."""

from __future__ import annotations

import datetime as dt
import json

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from havza import countries, languages


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


def localized_number(value: int, lang: str) -> str:
    language = _lang(lang)
    return language.localize_digits(format_decimal(value, locale=language.babel))


def json_script(value) -> Markup:
    """JSON for a <script type="application/ld+json"> block, safe against </script>."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def environment(**options) -> Environment:
    options.setdefault("undefined", StrictUndefined)
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext, translation.ngettext, newstyle=True,
        pgettext=translation.pgettext, npgettext=translation.npgettext,
    )
    env.globals.update(
        url=lambda name, **kwargs: reverse(name, kwargs=kwargs),
        static=static,
        languages=languages.all_languages,
        language=_lang,
    )
    env.filters.update(
        date=localized_date,
        number=localized_number,
        country=lambda code, lang: countries.name(code, lang) if code else "",
        json_script=json_script,
    )
    return env
