"""A translator's first week, in Chromium: an editor invites an Arabic translator by email;
the translator chooses a password from the mailed link, works in an Arabic workspace and
saves a segment; the editor opens the draft's private preview."""

from __future__ import annotations

import re

import pytest

from havza.jobs.worker import run_due_jobs
from havza.translation.models import Role, TargetSegment

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(autouse=True)
def database_beside_the_browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def test_an_invited_arabic_translator_works_in_arabic(
    browser, live_server, transactional_db, statement, make_user, mailoutbox
):
    make_user("eda", ("ar", Role.EDITOR))
    editor = browser.new_context(locale="en-US").new_page()
    editor.goto(f"{live_server.url}/translate/")
    assert "/translate/login/" in editor.url
    editor.fill("#id_username", "eda")
    editor.fill("#id_password", "pw-eda")
    editor.click("input[type=submit]")
    editor.wait_for_url(f"{live_server.url}/translate/")
    editor.click("text=Invite a translator")
    editor.fill("#id_email", "mona@shores.example")
    editor.fill("#id_name", "Mona")
    editor.check("input[name=languages][value=ar]")
    editor.select_option("#id_role", "translator")
    editor.select_option("#id_interface_language", "ar")
    editor.click("form.tx-invite button[type=submit]")
    assert "mona@shores.example" in editor.locator(".messagelist").inner_text()

    assert run_due_jobs() == 1  # the worker sends the invitation
    [mail] = mailoutbox
    assert mail.to == ["mona@shores.example"] and "مرحبًا Mona" in mail.body
    link = re.search(r"http://\S+/translate/welcome/\S+/", mail.body).group(0)
    path = link.split("/translate/", 1)[1]

    mona = browser.new_context(locale="en-US").new_page()  # her browser asks for English
    mona.goto(f"{live_server.url}/translate/{path}")
    mona.fill("#id_new_password1", "olive trees by the sea 7")
    mona.fill("#id_new_password2", "olive trees by the sea 7")
    mona.click("input[type=submit]")
    mona.wait_for_url(f"{live_server.url}/translate/")
    assert mona.get_attribute("html", "lang") == "ar"  # her interface language, chosen for her
    assert mona.get_attribute("html", "dir") == "rtl"
    assert mona.locator("h1").inner_text() == "قائمة الترجمة"  # one heading, in Arabic
    assert mona.locator("a[href='/translate/coverage/']").count() == 0
    assert mona.locator("bdi", has_text=statement.title).count() >= 1

    mona.goto(f"{live_server.url}/translate/{statement.work.pk}/ar/")
    mona.click("form[action$='/start/'] button")
    mona.fill("#text-title", "التضامن عبر البحر")
    mona.locator("#seg-title button[value=save]").click()
    mona.wait_for_load_state()
    title = TargetSegment.objects.get(translation__work=statement.work, source__key="title")
    assert title.text == "التضامن عبر البحر"
    preview = mona.locator("a[href^='/translate/preview/']").get_attribute("href")

    editor.goto(f"{live_server.url}{preview}")
    assert editor.get_attribute("html", "lang") == "ar"
    assert editor.locator("h1").inner_text() == "التضامن عبر البحر"
    robots = editor.locator("meta[name=robots]").get_attribute("content")
    assert robots == "noindex, nofollow"
