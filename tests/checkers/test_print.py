"""A statement printed from Chromium: the text, its signatories and its address, without the
site's navigation."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.once]

A4_WIDTH = 794  # CSS pixels at 96 dpi


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_statement_prints_without_navigation_and_with_signatories_in_columns(
    network, live_server, browser, lang
):
    t = network["translations"][lang]
    page = browser.new_page(viewport={"width": A4_WIDTH, "height": 1123})
    page.goto(live_server.url + t.get_absolute_url())
    assert page.locator(".print-address").is_hidden()  # on screen, the browser shows it
    page.emulate_media(media="print")
    for selector in [".languages", ".sections", ".taglines", ".search-box", ".site-footer"]:
        assert page.locator(selector).is_hidden(), selector
    assert page.locator("h1").is_visible()
    address = page.locator(".print-address")
    assert address.is_visible()
    assert address.inner_text() == page.locator("link[rel=canonical]").get_attribute("href")
    assert address.bounding_box()["y"] > page.locator("h1").bounding_box()["y"]
    items = page.locator(".signatories li")
    assert items.count() >= 2
    columns = {round(items.nth(i).bounding_box()["x"]) for i in range(items.count())}
    assert len(columns) >= 2, columns
    pdf = page.pdf(format="A4")  # prints at all
    assert pdf.startswith(b"%PDF")
    page.close()
