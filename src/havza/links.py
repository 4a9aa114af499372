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

import re
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


_ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)(")')


def rebased(html: str, base: str) -> str:
    """HTML whose root-relative addresses ("/media/…", "/en/works/…", as bodies store them)
    start with BASE instead: "/mirror/" for an export under a path, "https://network.example/"
    in a feed. Unchanged when BASE is "/"."""
    if base == "/":
        return html

    def srcset(match: re.Match) -> str:
        entries = [e.strip() for e in match.group(2).split(",")]
        moved = [base + e[1:] if e[:1] == "/" and e[1:2] != "/" else e for e in entries]
        return match.group(1) + ", ".join(moved) + match.group(3)

    return _SRCSET.sub(srcset, _ROOT_RELATIVE.sub(lambda m: m.group(1) + base, html))


def under_prefix(html: str) -> str:
    """HTML's root-relative addresses under the site's script prefix (an export's path)."""
    return rebased(html, get_script_prefix())
