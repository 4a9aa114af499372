"""The interface strings of the translators' workspace and its login and invitation pages:
the Django templates (read as Django's makemessages reads them) and the workspace's views."""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

import django
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file, extract_python
from babel.messages.pofile import read_po
from django.utils.translation.template import templatize

SRC = Path(__file__).resolve().parents[2] / "src" / "havza"
TEMPLATES = [SRC / "translation" / "templates", SRC / "accounts" / "templates" / "havza_accounts"]
PYTHON = [
    SRC / "translation" / name
    for name in (
        "views.py",
        "coverage.py",
        "forms.py",
        "models.py",
        "workflow.py",
        "checks.py",
        "machine_fill.py",
        "views_machine.py",
    )
]
DJANGO = Path(django.__file__).parent
# Where Django looks: the project's and the apps' catalogs, then Django's own (compiled).
CATALOGS = [SRC / "locale", SRC / "translation" / "locale", SRC / "accounts" / "locale"]
DJANGO_CATALOGS = [DJANGO / "contrib" / "admin" / "locale", DJANGO / "conf" / "locale"]
KEYWORDS = {**DEFAULT_KEYWORDS, "gettext_lazy": None, "pgettext_lazy": ((1, "c"), 2)}

Message = tuple[str | None, str]  # (context, msgid)


def _key(msgid, context) -> Message:
    return (context, msgid[0] if isinstance(msgid, tuple) else msgid)


def workspace_messages() -> list[Message]:
    found: set[Message] = set()
    for root in TEMPLATES:
        for path in sorted(root.rglob("*.html")):
            code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
            for _line, func, msgid, _c in extract_python(
                io.BytesIO(code.encode()), list(KEYWORDS), [], {}
            ):
                if func in ("pgettext", "npgettext"):
                    found.add(_key(msgid[1:] if func == "npgettext" else msgid[1], msgid[0]))
                else:
                    found.add(_key(msgid, None))
    for path in PYTHON:
        for _line, msgid, _c, context in extract_from_file("python", path, keywords=KEYWORDS):
            found.add(_key(msgid, context))
    return sorted(found, key=lambda m: (m[1], m[0] or ""))


@cache
def _django_catalog(code: str) -> dict:
    out: dict = {}
    for root in DJANGO_CATALOGS:
        path = root / code / "LC_MESSAGES" / "django.mo"
        if path.is_file():
            with path.open("rb") as fh:
                out.update(gettext.GNUTranslations(fh)._catalog)
    return out


@cache
def _catalogs(code: str):
    out = []
    for root in CATALOGS:
        path = root / code / "LC_MESSAGES" / "django.po"
        if path.is_file():
            with path.open("rb") as fh:
                out.append(read_po(fh, locale=code))
    return out


def translated_in(code: str, message: Message) -> bool:
    """Whether a catalog Django reads for CODE translates MESSAGE (not fuzzy, not empty)."""
    context, msgid = message
    django_key = f"{context}\x04{msgid}" if context else msgid
    if _django_catalog(code).get(django_key) or _django_catalog(code).get((django_key, 0)):
        return True
    for cat in _catalogs(code):
        for m in cat:
            same = m.id == msgid or (isinstance(m.id, tuple) and m.id[0] == msgid)
            if same and m.context == context:
                strings = m.string if isinstance(m.string, tuple) else (m.string,)
                if all(strings) and not m.fuzzy:
                    return True
    return False
