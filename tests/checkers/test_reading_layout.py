"""The public pages as a reader sees them in Chromium: faces, numbering, the first screen of
a phone."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.once]

FONT = "e => getComputedStyle(e).fontFamily"


def test_greek_headings_and_navigation_are_sans_serif_like_every_language(
    network, live_server, browser
):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(live_server.url + network["translations"]["el"].get_absolute_url())
    body = page.locator(".body p").first.evaluate(FONT)
    for selector in ["h1", "nav.sections a", ".meta"]:
        face = page.locator(selector).first.evaluate(FONT)
        assert face != body and "serif" not in face.replace("sans-serif", ""), (selector, face)
    # The Greek tagline in an English header is in the header's sans-serif face too.
    page.goto(live_server.url + network["translations"]["en"].get_absolute_url())
    greek = page.locator(".taglines li[lang=el]").evaluate(FONT)
    assert "serif" not in greek.replace("sans-serif", ""), greek
    page.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_skip_link_hides_entirely_until_focused(network, live_server, browser, lang):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(live_server.url + network["translations"][lang].get_absolute_url())
    link = page.locator(".skip-link")
    assert link.bounding_box()["y"] + link.bounding_box()["height"] <= 0
    page.keyboard.press("Tab")
    assert link.evaluate("e => e === document.activeElement")
    assert link.bounding_box()["y"] >= 0
    page.close()


@pytest.fixture
def persian(network):
    """The statement's Persian translation, published (before the browser starts)."""
    fa = network["statement"].translations.get(language="fa")
    fa.status = fa.Status.PUBLISHED
    fa.save()
    return fa


def test_persian_signatories_are_numbered_in_persian_digits(network, persian, live_server, browser):
    fa = persian
    page = browser.new_page()
    page.goto(live_server.url + fa.get_absolute_url())
    style = page.locator(".signatories ol").evaluate("e => getComputedStyle(e).listStyleType")
    assert style == "persian"
    page.goto(live_server.url + network["translations"]["ar"].get_absolute_url())
    style = page.locator(".signatories ol").evaluate("e => getComputedStyle(e).listStyleType")
    assert style == "decimal"  # Arabic pages here write numbers in ASCII digits
    page.close()


@pytest.mark.parametrize("lang", ["en", "ar", "hy"])
def test_on_a_phone_the_work_starts_in_the_first_screen(
    network, live_server, browser, artifacts, lang
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(live_server.url + network["translations"][lang].get_absolute_url())
    # Every language's tagline is still on the page, on one line.
    taglines = page.locator(".taglines")
    assert page.locator(".taglines li").count() == 11
    assert taglines.bounding_box()["height"] < 40
    assert page.locator(".work h1").bounding_box()["y"] < 300
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(artifacts / f"work-{lang}-phone.png"))
    context.close()


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        ("en", {"noto-sans-latin-400", "noto-sans-latin-700"}, {"vazirmatn", "armenian", "greek"}),
        ("ar", {"vazirmatn-arabic-400", "vazirmatn-arabic-700"}, {"armenian", "greek"}),
        ("hy", {"noto-sans-armenian-400", "noto-sans-armenian-700"}, {"vazirmatn", "greek"}),
    ],
)
def test_pages_use_the_site_fonts_of_their_script_only(
    network, live_server, browser, lang, expected, absent
):
    page = browser.new_page()
    fonts: list[str] = []
    page.on("request", lambda r: r.resource_type == "font" and fonts.append(r.url))
    page.goto(live_server.url + network["translations"][lang].get_absolute_url())
    page.evaluate("async () => { await document.fonts.ready; }")
    assert all(url.startswith(live_server.url) for url in fonts), fonts
    names = {url.rsplit("/", 1)[1].split(".")[0] for url in fonts}
    assert expected <= names, names
    assert not any(word in name for name in names for word in absent), names
    face = page.locator("h1").evaluate(FONT)
    assert face.startswith('"Havza'), face
    preload = page.locator("link[rel=preload][as=font]").get_attribute("href")
    assert preload.rsplit("/", 1)[1].split(".")[0] in expected
    page.close()
