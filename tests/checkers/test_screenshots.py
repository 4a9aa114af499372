"""Every language at a glance: the home page, a work, a listing and an event of the demo
network in all eleven languages, on a 1,366 px screen and a 390 px phone, written as
screenshots a reviewer can open (var/screenshots/, printed). axe-core checks the pages of one
language of each way of writing (script, direction and digits: Turkish, Arabic, Persian,
Greek, Armenian), where an accessibility fault of a layout would show: the languages of one
way of writing share their layout, and the others are checked for width and language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from havza import languages

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.once,
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


def axe_sample() -> set[str]:
    """The first site language of each script, direction and set of digits."""
    sample: dict[tuple[str, str, str], str] = {}
    for language in languages.all_languages():
        sample.setdefault((language.script, language.direction, language.digits), language.code)
    return set(sample.values())


def demo_pages() -> dict[str, dict[str, str]]:
    """language -> page name -> address: home, a work (a statement with signatories where
    the language has one), the statements listing and the demo's event."""
    from havza.network.models import Event
    from havza.publishing import queries
    from havza.publishing.models import Work

    event = Event.objects.order_by("pk").first()
    pages = {}
    for code in languages.codes():
        published = queries.listing(code)
        work = (
            published.filter(work__kind=Work.Kind.JOINT_STATEMENT).first()
            or published.filter(work__signatories__isnull=False).first()
            or published.first()
        )
        pages[code] = {
            "home": f"/{code}/",
            "work": work.get_absolute_url(),
            "listing": f"/{code}/statements/",
            "event": event.get_absolute_url(code),
        }
    return pages


@pytest.fixture
def demo(transactional_db) -> dict[str, dict[str, str]]:
    """The demo network, loaded before the browser starts (the ORM refuses to run inside
    Playwright's event loop)."""
    from havza.demo.services import load_demo

    load_demo()
    return demo_pages()


def test_every_language_fits_both_widths_and_each_way_of_writing_passes_axe(
    demo, live_server, browser, axe, capsys
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found = []
    shots = checked = 0
    sample = axe_sample()
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        page = context.new_page()
        for code, addresses in demo.items():
            for name, address in addresses.items():
                response = page.goto(live_server.url + address)
                assert response.status == 200, address
                assert page.evaluate("document.documentElement.lang") == languages.get(code).tag
                safe = re.sub(r"[^a-z]", "", name)
                page.screenshot(path=str(SCREENSHOTS / f"{code}-{safe}-{width_name}.png"))
                shots += 1
                # No page is wider than the screen (mixed-direction names wrap).
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
                    address,
                    width,
                )
                if code not in sample:
                    continue
                checked += 1
                for v in axe(page):
                    if v["impact"] in {"serious", "critical"}:
                        found.append(
                            (code, name, width, v["id"], [n["target"] for n in v["nodes"]])
                        )
        context.close()
    with capsys.disabled():
        print(f"\n{shots} screenshots in {SCREENSHOTS}")
    assert shots == len(languages.codes()) * 4 * len(WIDTHS)
    assert {"ar", "fa", "el", "hy"} < sample and checked == len(sample) * 4 * len(WIDTHS)
    assert found == []
