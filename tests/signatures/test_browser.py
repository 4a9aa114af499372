"""The whole flow in Chromium, in English and in Arabic: the sign page's own script solves the
proof of work, the mail reaches a real SMTP server, its page's button confirms, an editor
approves, the name is on the statement's page, and the signer withdraws it."""

from __future__ import annotations

from pathlib import Path

import pytest

from havza.jobs.worker import run_due_jobs
from havza.signatures import services
from havza.signatures.models import Signature
from tests.signatures.conftest import body_of, link

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
SIGNERS = {
    "en": ("Leyla Aydın", "leyla@example.org", "TR", "Türkiye", "Check your mailbox"),
    "ar": ("ليلى حداد", "layla@example.org", "EG", "مصر", "تفقّد بريدك الإلكتروني"),
}


@pytest.fixture(autouse=True)
def database_beside_the_browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_sign_confirm_appear_withdraw_in_a_browser(
    lang, require, browser, live_server, transactional_db, smtp, settings, statement
):
    require("browser", CHROMIUM.exists(), "Debian's chromium is not installed")
    settings.HAVZA_BASE_URL = settings.HAVZA_SIGNON_LIVE_URL = live_server.url
    inbox = smtp()
    _sign_on, en, ar = statement
    t = {"en": en, "ar": ar}[lang]
    name, address, country, country_name, thanks = SIGNERS[lang]
    page = browser.new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
    )

    page.goto(f"{live_server.url}/{lang}/works/{t.slug}/sign/")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    page.check("input[name=type][value=individual]")
    page.fill("#sign-name", name)
    page.select_option("#sign-country", country)
    page.fill("#sign-email", address)
    page.check("input[name=consent]")
    page.wait_for_function("document.querySelector('input[name=altcha]').value !== ''")
    page.click("form.sign-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/{lang}/signon/thanks/")
    assert thanks in page.locator("h1").inner_text()

    assert run_due_jobs() == 1
    [(_sender, to, message)] = inbox.messages
    assert to == [address]
    text = body_of(message)
    page.goto(live_server.url + link(text, "confirm"))
    assert Signature.objects.get().status == "unconfirmed"  # opening the page is not enough
    with page.expect_navigation():
        page.click(".sign-on-message form button[type=submit]")
    assert Signature.objects.get().status == "confirmed", page.locator("main").inner_text()

    services.decide(Signature.objects.all(), "approved")
    page.goto(f"{live_server.url}{t.get_absolute_url()}")
    signatures = page.locator(".public-signatures").inner_text()
    assert name in signatures and country_name in signatures

    page.goto(live_server.url + link(text, "yours"))
    with page.expect_navigation():
        page.click("button[value=withdraw]")
    assert Signature.objects.get().status == "withdrawn"
    # Readers' browsers keep a page for a few minutes: ask the server again.
    page.goto(f"{live_server.url}{t.get_absolute_url()}?again")
    assert name not in page.content()
    assert errors == [] and outside == []
