"""The work screen fits a 1,366 px laptop screen, signatory rows and all (Chromium)."""

from __future__ import annotations

import pytest

from havza.publishing.models import Signatory
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(autouse=True)
def database_beside_the_browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_work_screen_fits_1366_pixels(
    browser,
    live_server,
    transactional_db,
    make_editor,
    organizations,
    lang,
):
    make_editor("ayse", lang=lang)
    work = f.WorkFactory(kind="statement", original_language="en")
    for code in ("en", "ar", "tr"):
        f.TranslationFactory(work=work, language=code)
    for i, org in enumerate(organizations):
        Signatory.objects.create(work=work, organization=org, position=i)
    page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "ayse")
    page.fill("#id_password", "pw-ayse")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/publishing/work/{work.pk}/change/")
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"the page is {width} px wide in a {viewport} px window"
