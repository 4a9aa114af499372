"""The interface catalogs: complete, well-formed, with CLDR's plural rules, and up to date."""

from __future__ import annotations

import gettext
import io
import re

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from havza import languages
from tests.i18n.conftest import load_script
from tests.i18n.workspace_messages import SRC as SRC_DIR
from tests.i18n.workspace_messages import translated_in, workspace_messages

extract_messages = load_script("extract_messages")

LANGS = languages.codes()
SOURCE = extract_messages.SOURCE_LANGUAGE
CLDR_ORDER = ["zero", "one", "two", "few", "many", "other"]
# Integers a plural rule must classify as CLDR does (millions: the "many" of fr, es, it, pt).
SAMPLES = [*range(0, 1201), 10**6, 2 * 10**6, 10**6 + 1, 10**7, 10**9]
# A Python format directive: %(name)s, %s, %d, %%.
DIRECTIVE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def catalog(code: str) -> Catalog:
    path = extract_messages.catalog_path(code)
    with path.open("rb") as fh:
        return read_po(fh, locale=code, domain="django")


def messages(code: str):
    return [m for m in catalog(code) if m.id]


def strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def directives(text: str) -> list[str]:
    return sorted(DIRECTIVE.findall(text))


def plural_function(cat: Catalog):
    return gettext.c2py(cat.plural_expr)


def single_number_forms(cat: Catalog) -> set[int]:
    """Forms that only one integer takes (Arabic's "one" and "two"): these may say the
    number in words ("متحدثان", two speakers) instead of writing it."""
    plural = plural_function(cat)
    seen: dict[int, set[int]] = {}
    for n in SAMPLES:
        seen.setdefault(plural(n), set()).add(n)
    return {form for form, numbers in seen.items() if len(numbers) == 1}


@pytest.mark.parametrize("code", LANGS)
def test_catalog_exists_for_every_site_language(code):
    assert extract_messages.catalog_path(code).is_file()
    cat = catalog(code)
    assert str(cat.locale) == code
    assert len(messages(code)) > 100


@pytest.mark.parametrize("code", [c for c in LANGS if c != SOURCE])
def test_every_message_is_translated_and_none_is_fuzzy(code):
    untranslated = [m.id for m in messages(code) if not all(strings(m))]
    fuzzy = [m.id for m in messages(code) if m.fuzzy]
    assert not untranslated, f"{code}: untranslated {untranslated}"
    assert not fuzzy, f"{code}: fuzzy {fuzzy}"
    assert not catalog(code).fuzzy


def test_the_source_language_keeps_its_msgstrs_empty():
    """English is the language of the msgids: its catalog stays empty (Django shows the
    msgid), so that a changed English string needs no second edit."""
    assert all(not any(strings(m)) and not m.fuzzy for m in messages(SOURCE))


@pytest.mark.parametrize("code", [c for c in LANGS if c != SOURCE])
def test_translations_keep_the_placeholders_of_their_msgid(code):
    cat = catalog(code)
    exempt = single_number_forms(cat)
    problems = []
    for m in messages(code):
        if m.pluralizable:
            expected = directives(m.id[1])
            assert directives(m.id[0]) == expected, m.id
            for form, text in enumerate(m.string):
                found = directives(text)
                if found != expected and not (form in exempt and set(found) <= set(expected)):
                    problems.append((m.id[0], form, text))
        elif directives(m.string) != directives(m.id):
            problems.append((m.id, m.string))
        for text in strings(m):
            # Jinja2's newstyle gettext formats every string with %: a stray % would break.
            if "%" in DIRECTIVE.sub("", text):
                problems.append((m.id, "stray %", text))
    assert not problems


@pytest.mark.parametrize("code", [c for c in LANGS if c != SOURCE])
def test_translations_bring_no_markup(code):
    """Templates autoescape: a translation is trusted as HTML, and sits in attributes."""
    for m in messages(code):
        msgid = "".join(m.id) if m.pluralizable else m.id
        for text in strings(m):
            for char in '<>&"':
                assert char not in text or char in msgid, (m.id, text)


@pytest.mark.parametrize("code", LANGS)
def test_plural_forms_follow_cldr(code):
    cat = catalog(code)
    rule = Locale.parse(languages.get(code).locale).plural_form
    tags = [tag for tag in CLDR_ORDER if tag in rule.tags or tag == "other"]
    assert cat.num_plurals == len(tags), cat.plural_forms
    plural = plural_function(cat)
    wrong = [(n, rule(n), plural(n)) for n in SAMPLES if tags[plural(n)] != rule(n)]
    assert not wrong, f"{code}: {cat.plural_forms} disagrees with CLDR: {wrong[:5]}"
    for m in messages(code):
        if m.pluralizable:
            assert len(m.string) == cat.num_plurals, m.id


def test_kurmanji_plural_forms_are_sensible():
    cat = catalog("ku")
    assert cat.num_plurals == 2
    plural = plural_function(cat)
    assert [plural(n) for n in (0, 1, 2, 5, 21)] == [1, 0, 1, 1, 1]


def test_catalogs_are_up_to_date_with_the_code():
    """Fails when a marked string changed: run `.venv/bin/python scripts/extract_messages.py`,
    translate what is new or fuzzy, and commit the catalogs."""
    assert extract_messages.outdated() == {}


def test_extraction_finds_python_jinja_and_admin_strings_but_not_other_catalogs():
    template = extract_messages.extract()
    ids = {m.id if isinstance(m.id, str) else m.id[0]: m for m in template if m.id}
    # The archive's admin screens: an action, a model's name, a status, an editor's error.
    assert "Same piece: join the works" in ids
    assert "possible translations" in ids and "skipped" in ids
    assert "Both works have a translation in: %(languages)s" in ids
    assert "Latest" in ids  # Jinja2, home.html
    assert "Page %(number)s of %(count)s" in ids  # Jinja2 newstyle, with named placeholders
    assert "%(count)s speaker" in ids and ids["%(count)s speaker"].pluralizable  # ngettext
    assert "trade union" in ids  # a model choice (gettext_lazy)
    assert "Signatures" in ids  # an app's verbose name
    files = {loc for m in template for loc, _ in m.locations}
    assert {"src/havza/archive/admin.py", "src/havza/archive/editorial.py"} <= files
    # The translation workspace keeps catalogs of its own.
    assert all(not f.startswith("src/havza/translation/") for f in files)
    assert all(f.startswith("src/havza/") and "migrations" not in f for f in files)


def test_update_keeps_translations_and_marks_changed_messages_fuzzy():
    template = Catalog(project="havza", fuzzy=False)
    for m in extract_messages.extract():
        if m.id and m.id != "Latest":
            template.add(m.id, None, m.locations, context=m.context)
    template.add("Latest pieces", None, [("src/havza/publishing/jinja2/x.html", 1)])
    content = extract_messages.updated_catalog("tr", template, extract_messages_now())
    updated = read_po(io.BytesIO(content), locale="tr")
    assert updated.get("Statements", context="work kind").string == "Açıklamalar"
    guess = updated.get("Latest pieces")
    assert guess.fuzzy and guess.string == "Son yayınlar"
    assert updated.get("Latest") is None


def extract_messages_now():
    import datetime as dt

    return dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


APP_CATALOGS = sorted(
    path.relative_to(SRC_DIR) for path in SRC_DIR.glob("*/locale/*/LC_MESSAGES/django.po")
)


@pytest.mark.parametrize("path", APP_CATALOGS, ids=str)
def test_every_app_catalog_is_translated_keeps_placeholders_and_brings_no_markup(path):
    """The catalogs apps keep of their own (the workspace's, the admin's Kurmanji) too."""
    code = path.parts[-3]
    with (SRC_DIR / path).open("rb") as fh:
        cat = read_po(fh, locale=code)
    problems = []
    for m in cat:
        if not m.id:
            continue
        msgid = "".join(m.id) if m.pluralizable else m.id
        for text in strings(m):
            if code == SOURCE:
                continue
            if not text or m.fuzzy:
                problems.append((m.id, "untranslated or fuzzy"))
            elif directives(text) != directives(m.id[-1] if m.pluralizable else m.id):
                problems.append((m.id, text))
            elif any(char in text and char not in msgid for char in '<>&"'):
                problems.append((m.id, "markup", text))
    assert not problems


@pytest.mark.parametrize("code", [c for c in LANGS if c != SOURCE])
def test_every_workspace_string_is_translated(code):
    """Every string of the translators' workspace, its login and invitation pages (Django
    templates and views) has a translation in a catalog Django reads for the language."""
    missing = [m for m in workspace_messages() if not translated_in(code, m)]
    assert not missing, f"{code}: {missing}"


def test_the_workspace_strings_are_found():
    found = {msgid for _context, msgid in workspace_messages()}
    assert {"Translation memory", "Invite a translator", "You have no translation rights."} <= found
    assert ("translation state", "outdated") in workspace_messages()
