"""The Jinja2 environment of the public site (live pages and the static export alike)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import trans_real
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from havza import countries, languages
from havza.links import reverse
from havza.publishing import markdown
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


def localized_number(value: int, lang: str) -> str:
    language = _lang(lang)
    return language.localize_digits(format_decimal(value, locale=language.babel))


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


def environment(**options) -> Environment:
    options.setdefault("undefined", StrictUndefined)
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    env.globals.update(
        url=lambda name, **kwargs: reverse(name, kwargs=kwargs),
        static=static,
        languages=languages.all_languages,
        language=_lang,
        content_security_policy=META_CONTENT_SECURITY_POLICY,
    )
    env.filters.update(
        date=localized_date,
        number=localized_number,
        country=lambda code, lang: countries.name(code, lang) if code else "",
        json_script=json_script,
        web_address=markdown.web_address,  # links typed by users: http(s) only
    )
    return env
