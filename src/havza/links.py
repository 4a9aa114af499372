"""Addresses of pages: the answers of ``django.urls.reverse``, remembered.

A page of the public site links to a few dozen others (menus, language switcher, bylines,
listings), and an export renders hundreds of thousands of pages that link to the same ones.
Reversing a URL walks Django's resolver each time; here each answer is computed once and
kept in a bounded cache, keyed by what the answer depends on: the script prefix (an export
under https://example.org/mirror/ writes /mirror/ links), the view name and its arguments.
The cache is emptied when settings change (ROOT_URLCONF among them); havza does not switch
URLconfs per request.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.urls import reverse as django_reverse


@lru_cache(maxsize=1 << 14)
def _reverse(prefix: str, viewname: str, items: tuple) -> str:
    return django_reverse(viewname, kwargs=dict(items))


def reverse(viewname: str, kwargs: dict | None = None) -> str:
    """``django.urls.reverse(viewname, kwargs=kwargs)``, from the cache when it can."""
    items = tuple(kwargs.items()) if kwargs else ()
    return _reverse(get_script_prefix(), viewname, items)


def _forget(**_kwargs) -> None:
    _reverse.cache_clear()


setting_changed.connect(_forget)
