"""An Arabic translator edits in the browser: right-to-left fields, suggestions, saving."""

from __future__ import annotations

from pathlib import Path

import pytest

from havza.translation import memory, workflow
from havza.translation.models import Role, State, TargetSegment

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_arabic_translator_edits_right_to_left(
    require, live_server, transactional_db, statement, make_user
):
    require("browser", Path("/usr/bin/chromium").exists(), "chromium not installed")
    from playwright.sync_api import sync_playwright

    translator = make_user("layla", ("ar", Role.TRANSLATOR), ("fa", Role.TRANSLATOR))
    memory.add(statement.title, "التضامن عبر البحر", "en", "ar")
    memory.add("Long live international solidarity.", "عاش التضامن الأممي.", "en", "ar")
    target = workflow.start(statement.work, "ar", translator)
    seg = target.target_segments.select_related("source").get(source__order=7)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )  # fmt: skip
        context = browser.new_context(locale="en-US")
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{live_server.url}/admin/login/?next=/translate/")
        page.fill("#id_username", "layla")
        page.fill("#id_password", "pw-layla")
        page.click("input[type=submit]")
        page.goto(f"{live_server.url}/translate/{statement.work.pk}/ar/")
        assert page.get_attribute("html", "dir") == "ltr"  # an English interface
        box = page.locator(f"#text-{seg.source.key}")
        assert box.get_attribute("dir") == "rtl" and box.get_attribute("lang") == "ar"
        assert box.evaluate("e => getComputedStyle(e).direction") == "rtl"
        # The title has a 100% memory suggestion; taking it fills the field.
        title = page.locator("#seg-title")
        title.locator(".tx-use", has_text="100%").click()
        assert page.locator("#text-title").input_value() == "التضامن عبر البحر"
        title.locator("button[value=save]").click()
        page.wait_for_load_state()
        # A fuzzy match shows its score below 100.
        fuzzy = page.locator(f"#seg-{seg.source.key} .tx-use").first.inner_text()
        assert 70 <= int(fuzzy.rstrip("%")) < 100
        box = page.locator(f"#text-{seg.source.key}")
        box.fill("عاش التضامن الأممي!")
        page.locator(f"#seg-{seg.source.key} button[value=save]").click()
        page.wait_for_load_state()
        assert "translated" in page.locator(f"#seg-{seg.source.key} .tx-status").inner_text()
        assert not [e for e in errors if "Content Security Policy" in e], errors
        browser.close()
    seg.refresh_from_db()
    assert seg.text == "عاش التضامن الأممي!" and seg.state == State.TRANSLATED
    assert TargetSegment.objects.get(translation=target, source__key="title").state == (
        State.TRANSLATED
    )
