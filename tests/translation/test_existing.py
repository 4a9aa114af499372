"""A translation written outside the workspace (imported, typed in the admin, published
before the workspace existed) opens in it segment by segment, filled from its own text."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from havza.publishing.models import Translation
from havza.translation.models import Origin, Role, SegmentVersion, State, TargetSegment
from tests.factories import TranslationFactory
from tests.translation.conftest import PARAGRAPHS, body

pytestmark = pytest.mark.django_db

# PARAGRAPHS in Spanish; the translator merged the first two and added a note at the end.
SPANISH = [
    "Los trabajadores del Mediterráneo se reunieron en Atenas el 9 de mayo de 2023. "
    "Debatieron sobre la guerra, el coste de la vida y los ataques a los sindicatos.",
    "Más de 45 organizaciones de 12 países participaron en la reunión.",
    "Los delegados acordaron que la solidaridad debe cruzar todas las fronteras.",
    "Se decidió una campaña común contra la privatización de los puertos.",
    "La próxima reunión se celebrará en Estambul en la primavera de 2024.",
    "Cada organización publicará esta declaración en su propio idioma.",
    "¡Viva la solidaridad internacional!",
    "(Nota de la traducción: texto revisado por la redacción.)",
]


def _editor(client, work, lang):
    return client.get(reverse("translation:editor", kwargs={"work_id": work.pk, "lang": lang}))


@pytest.fixture
def spanish(statement):
    return TranslationFactory(
        work=statement.work, language="es", title="Solidaridad a través del mar",
        body_markdown=body(SPANISH), status=Translation.Status.PUBLISHED,
    )  # fmt: skip


def test_opening_an_earlier_translation_makes_its_segments_from_its_text(
    statement, spanish, make_user, client_factory
):
    client = client_factory(make_user("es-t", ("es", Role.TRANSLATOR)))
    page = _editor(client, statement.work, "es")
    assert page.status_code == 200
    segments = {
        s.source.order: s
        for s in TargetSegment.objects.filter(translation=spanish).select_related("source")
    }
    assert len(segments) == len(PARAGRAPHS) + 1  # the title and every paragraph
    assert segments[-2].text == "Solidaridad a través del mar"
    # Two paragraphs translated as one: its sentences shared between them, in order.
    assert segments[0].text.startswith("Los trabajadores") and segments[0].text.endswith("2023.")
    assert segments[1].text.startswith("Debatieron")
    assert segments[2].text.startswith("Más de 45")
    # The translator's note is kept with the paragraph before it: no text is lost.
    assert segments[7].text.endswith("(Nota de la traducción: texto revisado por la redacción.)")
    assert {s.state for s in segments.values()} == {State.TRANSLATED}
    assert {s.origin for s in segments.values()} == {Origin.ARCHIVE}
    assert SegmentVersion.objects.filter(segment__translation=spanish, event="archive").count()
    html = page.content.decode()
    assert "Debatieron sobre la guerra" in html and "from the archive" in html
    # The two paragraphs shared one: the reviewer is asked to look at the pairing.
    assert "alignment" in {w["code"] for w in segments[1].warnings}
    assert not any(w["code"] == "alignment" for w in segments[2].warnings)


def test_a_published_translation_keeps_its_page_until_a_correction_is_approved(
    statement, spanish, make_user, client_factory
):
    reviewer = make_user("es-r", ("es", Role.REVIEWER))
    client = client_factory(reviewer)
    _editor(client, statement.work, "es")
    seg = TargetSegment.objects.select_related("source").get(translation=spanish, source__order=5)
    assert seg.approved_text == seg.text and seg.approved_source_hash == seg.source.source_hash
    address = reverse(
        "translation:segment", kwargs={"work_id": statement.work.pk, "lang": "es",
                                       "key": seg.source.key},
    )  # fmt: skip
    client.post(address, {"action": "save", "text": "Otra frase.", "version": seg.version})
    spanish.refresh_from_db()
    assert "Otra frase" not in spanish.body_markdown  # not approved yet
    seg.refresh_from_db()
    client.post(address, {"action": "approve", "version": seg.version, "override": "1"})
    spanish.refresh_from_db()
    assert "Otra frase." in spanish.body_markdown
    assert "Debatieron sobre la guerra" in spanish.body_markdown  # the rest stays
    assert "Nota de la traducción" in spanish.body_markdown


def test_starting_a_translation_typed_in_the_admin_fills_it(statement, make_user, client_factory):
    draft = TranslationFactory(
        work=statement.work, language="it", title="Solidarietà attraverso il mare",
        body_markdown=body(["Una sola frase tradotta finora."]), status=Translation.Status.DRAFT,
    )  # fmt: skip
    client = client_factory(make_user("it-t", ("it", Role.TRANSLATOR)))
    client.post(reverse("translation:start", kwargs={"work_id": statement.work.pk, "lang": "it"}))
    segments = list(TargetSegment.objects.filter(translation=draft).order_by("source__order"))
    assert len(segments) == len(PARAGRAPHS) + 1
    filled = [s for s in segments if s.text]
    assert [s.text for s in filled] == [
        "Solidarietà attraverso il mare",
        "Una sola frase tradotta finora.",
    ]
    assert all(s.approved_text == "" for s in segments)  # a draft: nothing approved
    assert sum(s.state == State.UNTRANSLATED for s in segments) == len(PARAGRAPHS) - 1


@pytest.mark.browser
@pytest.mark.slow
def test_a_translator_edits_an_imported_translation_in_the_browser(
    require, live_server, transactional_db, statement, make_user, monkeypatch
):
    require("browser", Path("/usr/bin/chromium").exists(), "chromium not installed")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the test reads the database too
    from playwright.sync_api import sync_playwright

    TranslationFactory(
        work=statement.work, language="es", title="Solidaridad a través del mar",
        body_markdown=body(SPANISH),
    )  # fmt: skip
    make_user("rosa", ("es", Role.TRANSLATOR))
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )  # fmt: skip
        page = browser.new_context(locale="en-US").new_page()
        page.goto(f"{live_server.url}/translate/login/?next=/translate/")
        page.fill("#id_username", "rosa")
        page.fill("#id_password", "pw-rosa")
        page.click("[type=submit]")
        page.goto(f"{live_server.url}/translate/{statement.work.pk}/es/")
        assert page.locator(".tx-segment").count() == len(PARAGRAPHS) + 1
        seg = TargetSegment.objects.select_related("source").get(
            translation__language="es", source__order=3
        )
        box = page.locator(f"#text-{seg.source.key}")
        assert box.input_value().startswith("Los delegados acordaron")
        status = page.locator(f"#seg-{seg.source.key} .tx-status").inner_text()
        assert "translated" in status and "from the archive" in status
        box.fill("Los delegados acordaron que la solidaridad no conoce fronteras.")
        page.locator(f"#seg-{seg.source.key} button[value=save]").click()
        page.wait_for_load_state()
        seg.refresh_from_db()
        assert seg.text == "Los delegados acordaron que la solidaridad no conoce fronteras."
        assert seg.origin == Origin.HUMAN and seg.state == State.TRANSLATED
        browser.close()
