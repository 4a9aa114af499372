"""The site in a real browser: language switching, right-to-left layout, accessibility."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]


def test_reader_switches_from_english_to_arabic_through_the_menu(
    network, live_server, browser, artifacts
):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    english = network["translations"]["en"]
    page.goto(live_server.url + english.get_absolute_url())
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.screenshot(path=str(artifacts / "work-en.png"), full_page=True)

    page.locator("nav.languages a[hreflang=ar]").click()
    page.wait_for_load_state()
    assert page.url == live_server.url + network["translations"]["ar"].get_absolute_url()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "عاش يوم النصر"
    page.screenshot(path=str(artifacts / "work-ar.png"), full_page=True)

    # Right to left: the masthead starts on the right, the body text is aligned to the right,
    # and quotations are ruled on their right side.
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > width / 2
    assert page.locator(".body p").first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    quote = page.locator(".body blockquote").first
    assert quote.evaluate("e => getComputedStyle(e).borderRightWidth") == "4px"
    assert quote.evaluate("e => getComputedStyle(e).borderLeftWidth") == "0px"
    page.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_home_page_reads_without_javascript(network, live_server, browser, artifacts, lang):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/{lang}/")
    assert page.locator(".taglines li").count() == 11
    assert page.locator(".item").count() >= 1
    page.screenshot(path=str(artifacts / f"home-{lang}-mobile.png"), full_page=True)
    # No request leaves the site.
    assert all(url.startswith(live_server.url) for url in requests), requests
    # Nothing overflows sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar", "hy"])
def test_work_page_has_no_serious_accessibility_violations(
    network, live_server, browser, axe, lang
):
    page = browser.new_context(bypass_csp=True).new_page()  # axe is injected as an inline script
    page.goto(live_server.url + network["translations"][lang].get_absolute_url())
    violations = [v for v in axe(page) if v["impact"] in {"serious", "critical"}]
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    page.close()


def test_axe_reports_a_real_violation(live_server, browser, axe, db):
    """The accessibility check can fail: an image without text is caught."""
    page = browser.new_context(bypass_csp=True).new_page()
    page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')
    assert any(v["id"] == "image-alt" for v in axe(page))
    page.close()
