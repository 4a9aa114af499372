"""Extract the interface strings and update src/havza/locale/<code>/LC_MESSAGES/django.po.

Usage: ``.venv/bin/python scripts/extract_messages.py`` (after changing a marked string),
then translate what is new or fuzzy, then ``.venv/bin/python scripts/compile_messages.py``.
``--check`` writes nothing and exits 1 when a catalog is not up to date with the code.

Messages are extracted with Babel: its Python extractor for ``src/havza/**.py`` and Jinja2's
own Babel extractor (``jinja2.ext.i18n``, newstyle gettext) for templates under ``jinja2/``
directories. ``src/havza/translation`` keeps catalogs of its own (under its ``locale``) and
is left out, as are migrations. Each site language's catalog is then updated from that
template (``Catalog.update``): translations are kept, changed messages become fuzzy, removed
ones are dropped (git keeps them).

The output is deterministic: messages sorted by msgid, locations without line numbers (so
that moving code does not touch the catalogs), and the dates in the header change only when
a catalog's content does. Running the script twice on the same tree changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po, write_po
from babel.plural import to_gettext

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src" / "havza"
LOCALE_DIR = SRC / "locale"
DOMAIN = "django"
SOURCE_LANGUAGE = "en"  # msgids are English; the en catalog keeps its msgstrs empty

# Parts of the tree with catalogs of their own.
EXCLUDED = ("translation",)

KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("Translators:",)
JINJA_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "newstyle_gettext": "true",
    "silent": "false",  # a template that does not parse is an error, not an empty file
}

# gettext plural expressions for integers, category by category as CLDR defines them (the
# forms in CLDR order: zero, one, two, few, many, other). Babel's own table disagrees with
# CLDR for some of these (tr, fa, hy: one form; it, es, fr, pt: no "many" for millions;
# ar: 100-102 as "many"). tests/i18n checks every expression against CLDR's rules.
PLURAL_FORMS = {
    "ar": (
        6,
        "(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3"
        " : n % 100 >= 11 && n % 100 <= 99 ? 4 : 5)",
    ),
    "el": (2, "(n != 1)"),
    "en": (2, "(n != 1)"),
    "es": (3, "(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2)"),
    "fa": (2, "(n > 1)"),
    "fr": (3, "(n == 0 || n == 1 ? 0 : n % 1000000 == 0 ? 1 : 2)"),
    "hy": (2, "(n > 1)"),
    "it": (3, "(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2)"),
    "ku": (2, "(n != 1)"),
    "pt": (3, "(n == 0 || n == 1 ? 0 : n % 1000000 == 0 ? 1 : 2)"),
    "tr": (2, "(n != 1)"),
}

HEADER_COMMENT = (
    "# {language} translations of the havza interface.\n"
    "# Extracted and updated by scripts/extract_messages.py; see docs/i18n.md.\n"
    "#"
)


def site_languages() -> list[str]:
    """The product's languages, the configured ones, and any that already has a catalog."""
    sys.path.insert(0, str(REPO / "src"))
    from havza import languages

    existing = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return list(dict.fromkeys([*languages.DEFAULT_TAGLINES, *languages.codes(), *existing]))


def plural_forms(code: str) -> str:
    """The Plural-Forms header for CODE: from the table, else derived from CLDR."""
    if code in PLURAL_FORMS:
        count, expr = PLURAL_FORMS[code]
        return f"nplurals={count}; plural={expr};"
    # A language added by configuration: CLDR's rule, for integers (no exponent, no
    # visible fraction digits).
    return re.sub(r"\be\b", "0", to_gettext(Locale.parse(code).plural_form))


def source_files() -> list[tuple[str, Path]]:
    files = []
    for path in sorted(SRC.rglob("*")):
        rel = path.relative_to(SRC)
        if not path.is_file() or rel.parts[0] in EXCLUDED or "migrations" in rel.parts:
            continue
        if any(part.startswith((".", "__pycache__")) for part in rel.parts):
            continue
        if path.suffix == ".py":
            files.append(("python", path))
        elif path.suffix == ".html" and "jinja2" in rel.parts[:-1]:
            files.append(("jinja2.ext:babel_extract", path))
    return files


def extract() -> Catalog:
    template = Catalog(project="havza", fuzzy=False)
    for method, path in source_files():
        location = path.relative_to(REPO).as_posix()
        options = JINJA_OPTIONS if method.startswith("jinja2") else {}
        for lineno, message, comments, context in extract_from_file(
            method, str(path), keywords=KEYWORDS, comment_tags=COMMENT_TAGS, options=options
        ):
            template.add(
                message,
                None,
                [(location, lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def render(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=99, sort_output=True, ignore_obsolete=True, include_lineno=False)
    # The Babel version is no part of a catalog's content.
    lines = buf.getvalue().split(b"\n")
    return b"\n".join(line for line in lines if not line.startswith(b'"Generated-By: '))


def catalog_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def updated_catalog(code: str, template: Catalog, now: dt.datetime) -> bytes | None:
    """CODE's catalog brought up to date with TEMPLATE, or None if it already is."""
    po_path = catalog_path(code)
    old_bytes = po_path.read_bytes() if po_path.exists() else None
    if old_bytes is not None:
        catalog = read_po(io.BytesIO(old_bytes), locale=code, domain=DOMAIN)
        dates = (catalog.creation_date, catalog.revision_date)
    else:
        catalog = Catalog(locale=code, domain=DOMAIN, fuzzy=False)
        dates = (now, now)
    catalog.mime_headers = [("Plural-Forms", plural_forms(code))]
    catalog.update(template, update_creation_date=False)
    catalog.obsolete.clear()
    english_name = Locale.parse(code).english_name
    catalog.project = "havza"
    catalog.version = "1"
    catalog.copyright_holder = "havza"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "havza translators"
    catalog.language_team = f"{english_name} ({code})"
    catalog.fuzzy = False
    catalog.header_comment = HEADER_COMMENT.format(language=english_name)
    if code == SOURCE_LANGUAGE:
        for message in catalog:
            if message.id:
                message.string = ("",) * catalog.num_plurals if message.pluralizable else ""
                message.flags.discard("fuzzy")
                message.previous_id = []
    # Keep the dates when nothing else changed, so that an unchanged tree leaves git clean.
    catalog.creation_date, catalog.revision_date = dates
    new_bytes = render(catalog)
    if new_bytes == old_bytes:
        return None
    if old_bytes is not None:
        catalog.revision_date = now
        new_bytes = render(catalog)
    return new_bytes


def outdated() -> dict[str, bytes]:
    """The catalogs that are not up to date with the code: {code: their new content}."""
    template = extract()
    now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    changes = {code: updated_catalog(code, template, now) for code in site_languages()}
    return {code: content for code, content in changes.items() if content is not None}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changes = outdated()
    if check:
        for code in changes:
            print(f"out of date: {catalog_path(code).relative_to(REPO)}")
        return 1 if changes else 0
    for code, content in changes.items():
        po_path = catalog_path(code)
        po_path.parent.mkdir(parents=True, exist_ok=True)
        po_path.write_bytes(content)
    codes = site_languages()
    print(f"{len(codes)} catalogs; updated: {', '.join(changes) if changes else 'none'}")
    for code in codes:
        if code == SOURCE_LANGUAGE:
            continue
        with catalog_path(code).open("rb") as fh:
            catalog = read_po(fh, locale=code)
        todo = [m for m in catalog if m.id and (m.fuzzy or not _translated(m))]
        print(f"  {code}: {len(catalog)} messages, {len(todo)} untranslated or fuzzy")
    return 0


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
