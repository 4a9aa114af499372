"""What goes with a work and an event: the "not in this language" page the language menu
leads to, a statement's PDF in each language, an event's calendar file; live and exported
alike, and kept in step when a translation is published."""

from __future__ import annotations

import io

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from havza import languages
from havza.export import builder
from havza.export.republish import republish
from havza.export.states import of_works
from havza.publishing.models import Translation


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def untranslated_url(lang: str, work) -> str:
    return reverse("publishing:untranslated", kwargs={"lang": lang, "work": work.pk})


def test_the_language_menu_leads_to_the_languages_the_work_exists_in(client, network):
    statement = network["statement"]
    page = soup_of(client.get(network["translations"]["en"].get_absolute_url()))
    menu = {a["hreflang"]: a["href"] for a in page.select("nav.languages a")}
    published = network["translations"]
    for code in languages.codes():
        if code in published:
            assert menu[code] == published[code].get_absolute_url()
        else:
            assert menu[code] == untranslated_url(code, statement), code

    response = client.get(menu["it"])
    assert response.status_code == 200
    page = soup_of(response)
    assert page.find("html")["lang"] == "it"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("h1").get_text() != "Not published in this language"  # in Italian
    offered = [a["hreflang"] for a in page.select(".language-chooser a")]
    assert offered == ["tr", "en", "ar", "el", "hy"]  # not the Persian draft
    # Its own menu: the work where it exists, this page's siblings where it does not.
    menu = {a["hreflang"]: a["href"] for a in page.select("nav.languages a")}
    assert menu["ar"] == published["ar"].get_absolute_url()
    assert menu["fa"] == untranslated_url("fa", statement)


def test_a_language_the_work_is_published_in_has_no_such_page(client, network):
    response = client.get(untranslated_url("en", network["statement"]))
    assert response.status_code == 404


def test_statement_pdf_is_offered_and_downloadable_in_each_language(client, network):
    from pypdf import PdfReader

    for lang in ("en", "ar", "hy"):
        t = network["translations"][lang]
        page = soup_of(client.get(t.get_absolute_url()))
        link = page.select_one("p.download a")
        assert link["type"] == "application/pdf"
        response = client.get(link["href"])
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        assert t.title in text
        assert "Workers Revolutionary Party" in text or "Εργατικό" in text  # a signatory
    article = network["article"].translations.get(language="en")
    assert soup_of(client.get(article.get_absolute_url())).select_one("p.download") is None


def test_event_calendar_holds_the_event_in_the_page_language(client, network):
    event = network["event"]
    page = soup_of(client.get(event.get_absolute_url("ar")))
    link = page.find("a", type="text/calendar")
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "مؤتمر الشواطئ"
    assert vevent["SUMMARY"].params["LANGUAGE"] == "ar"
    assert vevent.decoded("DTSTART") == event.starts_on
    assert str(vevent["URL"]).endswith(event.get_absolute_url("ar"))


def test_exported_companions_are_the_live_ones_and_follow_a_new_translation(
    client, network, tmp_path
):
    statement = network["statement"]
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    urls = [
        untranslated_url("it", statement),
        untranslated_url("fa", statement),
        reverse("publishing:statement_pdf", kwargs={"lang": "ar", "work": statement.pk}),
        reverse("publishing:event_ics", kwargs={"lang": "en", "slug": network["event"].slug}),
        network["translations"]["en"].get_absolute_url(),
    ]
    for url in urls:
        assert builder.file_for(out, url).read_bytes() == client.get(url).content, url
    assert not builder.file_for(out, untranslated_url("en", statement)).exists()

    # Italian is published: its "not in this language" page goes, its PDF comes, and the
    # other languages' pages offer Italian.
    before = of_works([statement.pk])
    Translation.objects.create(
        work=statement, language="it", title="Viva il giorno", body_markdown="Il primo.",
        status=Translation.Status.PUBLISHED,
    )  # fmt: skip
    republish(out, before)
    assert not builder.file_for(out, untranslated_url("it", statement)).exists()
    pdf = reverse("publishing:statement_pdf", kwargs={"lang": "it", "work": statement.pk})
    assert builder.file_for(out, pdf).read_bytes() == client.get(pdf).content
    fa = untranslated_url("fa", statement)
    assert builder.file_for(out, fa).read_bytes() == client.get(fa).content
    assert b'hreflang="it"' in builder.file_for(out, fa).read_bytes()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_json_ld_of_each_kind_of_page_has_what_its_type_requires(client, network, lang):
    from tests.publishing.structured_data import check_json_ld

    event, org = network["event"], network["organizations"][0]
    expected = {
        network["translations"][lang].get_absolute_url(): "Article",
        network["article"].translations.get(language="en").get_absolute_url(): "NewsArticle",
        event.get_absolute_url(lang): "Event",
        org.get_absolute_url(lang): "Organization",
        network["author"].get_absolute_url(lang): "Person",
        reverse("publishing:home", kwargs={"lang": lang}): "CollectionPage",
        reverse("publishing:listing", kwargs={"lang": lang, "kinds": "statements"}): (
            "CollectionPage"
        ),
        network["topic"].get_absolute_url(lang): "CollectionPage",
        reverse("publishing:organizations", kwargs={"lang": lang}): "CollectionPage",
        reverse("publishing:topics", kwargs={"lang": lang}): "CollectionPage",
        reverse("publishing:events", kwargs={"lang": lang}): "CollectionPage",
    }
    for url, kind in expected.items():
        page = soup_of(client.get(url))
        data = check_json_ld(page)
        assert data["@type"] == kind, url
