"""A Turkish-speaking editor builds a statement in four languages on one screen, in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from havza.publishing.models import Signatory, Work
from tests.admin.conftest import SIGNATORIES, TEXTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(autouse=True)
def database_beside_the_browser(monkeypatch):
    """Playwright's sync API keeps an event loop in the test's thread; the test still reads
    and writes the database synchronously between page loads, which is safe here."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def choose_organization(page, row: int, acronym: str) -> None:
    """Pick an organization in a signatory row's autocomplete, as an editor does."""
    page.locator(f"#signatories-{row} .field-organization .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(acronym)
    page.locator(".select2-results__option", has_text=acronym).first.click()


def test_a_turkish_editor_publishes_a_statement_in_four_languages(
    require, browser, live_server, transactional_db, make_editor, organizations
):
    require("browser", CHROMIUM.exists(), "Debian's chromium is not installed")
    make_editor("ayse", lang="tr")
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def console(message) -> None:
        if message.type == "error":
            errors.append(f"{message.text} {message.location['url']}")

    page.on("console", console)

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    assert page.get_attribute("html", "lang") == "en"  # before login: the browser's language
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "pw-ayse")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.get_attribute("html", "lang") == "tr"
    assert "Site yönetimi" in page.locator("#content h1").inner_text()

    page.goto(f"{live_server.url}/admin/publishing/work/add/")
    page.select_option("#id_kind", "statement")
    page.select_option("#id_original_language", "en")
    add_translation = page.locator("#translations-group .add-row a")
    for i, (lang, (title, body)) in enumerate(TEXTS.items()):
        if i > 0:
            add_translation.click()
        row = page.locator(f"#translations-{i}")
        row.locator("select[name$='-language']").select_option(lang)
        box = row.locator("textarea[name$='-body_markdown']")
        # The field turns to the language's direction as soon as the language is chosen.
        expected = "rtl" if lang == "ar" else "ltr"
        assert box.get_attribute("dir") == expected and box.get_attribute("lang") == lang
        assert box.evaluate("e => getComputedStyle(e).direction") == expected
        row.locator("input[name$='-title']").fill(title)
        box.fill(body)
        row.locator("select[name$='-status']").select_option("published")

    # The organizations are picked in another order, then the last one is moved up.
    first, second, third = (s[0] for s in SIGNATORIES)
    for row, acronym in enumerate([first, third, second]):
        choose_organization(page, row, acronym)
    page.locator("#signatories-2 .havza-move-up").click()
    positions = [
        page.locator(f"#signatories-{i} input[name$='-position']").input_value() for i in range(3)
    ]
    assert positions == ["1", "3", "2"]

    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/publishing/work/")
    assert page.locator(".messagelist .success").count() == 1

    work = Work.objects.get()
    signed = Signatory.objects.filter(work=work).order_by("position")
    assert [s.organization.acronym for s in signed] == [first, second, third]
    urls = {t.language: t.get_absolute_url() for t in work.published_translations()}
    assert set(urls) == set(TEXTS)

    for lang, url in urls.items():
        page.goto(f"{live_server.url}{url}")
        assert page.get_attribute("html", "lang") == lang
        assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
        switcher = page.locator("nav.also-in a")
        others = [switcher.nth(i).get_attribute("hreflang") for i in range(switcher.count())]
        assert sorted([lang, *others]) == sorted(TEXTS)
        rows = page.locator("section.signatories li")
        assert [rows.nth(i).inner_text().split(" ")[0] for i in range(rows.count())] == [
            first,
            second,
            third,
        ]
        if lang in ("tr", "ar"):
            column = 3 if lang == "tr" else 4
            countries = [rows.nth(i).inner_text().rsplit("– ", 1)[1] for i in range(3)]
            assert countries == [s[column] for s in SIGNATORIES]
    assert not errors, errors
    context.close()


def test_an_arabic_body_is_typed_right_to_left_in_an_english_admin(
    require, browser, live_server, transactional_db, make_editor
):
    require("browser", CHROMIUM.exists(), "Debian's chromium is not installed")
    make_editor("sam", lang="en")
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/publishing/work/add/")
    page.fill("#id_username", "sam")
    page.fill("#id_password", "pw-sam")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/publishing/work/add/")
    assert page.get_attribute("html", "dir") == "ltr"
    row = page.locator("#translations-0")
    box = row.locator("textarea[name$='-body_markdown']")
    assert box.get_attribute("dir") == "auto"
    row.locator("select[name$='-language']").select_option("ar")
    assert box.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert row.locator("input[name$='-title']").get_attribute("dir") == "rtl"
    # Choosing the work's original language does not touch the rows' directions.
    page.select_option("#id_original_language", "en")
    assert box.get_attribute("dir") == "rtl"
    row.locator("select[name$='-language']").select_option("el")
    assert box.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert box.get_attribute("lang") == "el"
    context.close()
