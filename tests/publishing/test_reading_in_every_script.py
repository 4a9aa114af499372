"""What a reader of each language notices on the public pages: numbers, commas, dates and
names written as their language writes them, and menus that keep them on the work."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from havza.publishing import markdown
from tests import factories as f


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_excerpt_sets_list_items_and_headings_apart():
    html = markdown.render(
        "## Our demands\n\n- No strike-breaking\n- Safety on the quays\n\nWorkers hold. We call."
    )
    assert markdown.excerpt(html) == (
        "Our demands · No strike-breaking · Safety on the quays · Workers hold. We call."
    )
    # Sentences flow on as written, in any script.
    assert markdown.excerpt(markdown.render("هل نحن هنا؟\n\nنعم.")) == "هل نحن هنا؟ نعم."


@pytest.mark.django_db
def test_meta_description_of_a_list_keeps_items_apart(client):
    work = f.WorkFactory(kind="statement", original_language="en")
    t = f.TranslationFactory(
        work=work, language="en", title="Demands", body_markdown="- Dock safety\n- Fair pay"
    )
    soup = soup_of(client.get(t.get_absolute_url()))
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Dock safety · Fair pay"


@pytest.mark.django_db
def test_event_place_dates_and_online_read_as_the_language_writes_them(client):
    event = f.EventFactory(
        names={"en": "Dockers' Assembly", "ar": "جمعية عمال الموانئ"},
        place={"en": "House of Labour, Marseille", "ar": "دار العمل، مرسيليا"},
        country="FR",
        starts_on=dt.date(2025, 10, 18),
        ends_on=dt.date(2025, 10, 19),
        online=True,
    )
    ar = soup_of(client.get(event.get_absolute_url("ar")))
    facts = ar.select_one("dl.facts")
    assert "دار العمل، مرسيليا، فرنسا" in facts.get_text()
    assert ", " not in facts.get_text()
    # Online once, as a second line of the place, not a row repeating the word.
    assert [dd.get_text() for dd in facts.find_all("dd")].count("عبر الإنترنت أيضًا") <= 1
    assert len(facts.find_all("dt")) == 2  # dates, place
    en = soup_of(client.get(event.get_absolute_url("en")))
    assert "October 18\u2009–\u200919, 2025" in en.select_one("dl.facts").get_text()
    online_only = f.EventFactory(place={}, country="", online=True)
    text = soup_of(client.get(online_only.get_absolute_url("en"))).select_one("dl.facts")
    assert "Online only" in text.get_text()


def test_event_ranges_spell_the_month_out_across_months_and_years():
    from havza.publishing.jinja import localized_date, localized_date_range

    assert localized_date_range(dt.date(2025, 10, 30), dt.date(2025, 11, 2), "en") == (
        "October 30\u2009–\u2009November 2, 2025"
    )
    assert localized_date_range(dt.date(2025, 12, 30), dt.date(2026, 1, 2), "fa") == (
        "۳۰ دسامبر ۲۰۲۵ تا ۲ ژانویهٔ ۲۰۲۶"
    )
    day = dt.date(2025, 10, 18)
    assert localized_date_range(day, day, "hy") == localized_date(day, "hy")


@pytest.mark.django_db
def test_persian_lists_count_in_persian_digits(client, network):
    fa = network["statement"].translations.get(language="fa")
    fa.status = fa.Status.PUBLISHED
    fa.body_markdown = "۱. یک\n۲. دو"
    fa.save()
    soup = soup_of(client.get(fa.get_absolute_url()))
    assert "digits-persian" in soup.html["class"]
    assert soup.select(".signatories ol li")
    english = soup_of(client.get(network["translations"]["en"].get_absolute_url()))
    assert not english.html.get("class")


@pytest.mark.django_db
def test_translated_from_names_the_language_in_the_page_language(client, network):
    ar = soup_of(client.get(network["translations"]["ar"].get_absolute_url()))
    footer = ar.select_one(".work-footer").get_text()
    assert "الإنجليزية" in footer and "English" not in footer
    hy = soup_of(client.get(network["translations"]["hy"].get_absolute_url()))
    assert "անգլերեն" in hy.select_one(".work-footer").get_text()


@pytest.mark.django_db
def test_untranslated_organization_names_say_their_language(client, network):
    soup = soup_of(client.get(network["translations"]["ar"].get_absolute_url()))
    issuer = soup.select_one(".issuers bdi")
    assert issuer.get_text() == "International Center of the Shores"
    assert issuer["lang"] == "en"
    greek = soup_of(client.get(network["translations"]["el"].get_absolute_url()))
    names = {b.get_text(): b.get("lang") for b in greek.select(".signatories bdi")}
    assert names["WRP (Εργατικό Επαναστατικό Κόμμα)"] is None
    assert names["RWP (Revolutionary Workers Party)"] == "en"


@pytest.mark.django_db
def test_pages_come_compressed_cached_and_answer_304_when_unchanged(client, network):
    url = network["translations"]["ar"].get_absolute_url()
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    import gzip

    assert "عاش يوم النصر" in gzip.decompress(first.content).decode()
    again = client.get(url, HTTP_IF_NONE_MATCH=client.get(url)["ETag"])
    assert again.status_code == 304 and again.content == b""
    feed = client.get("/ar/feed.xml", HTTP_ACCEPT_ENCODING="gzip")
    assert feed["Content-Encoding"] == "gzip" and feed.has_header("ETag")


@pytest.mark.django_db
def test_pages_for_logged_in_readers_are_not_kept_by_caches(client, network, admin_user):
    client.force_login(admin_user)
    response = client.get(network["translations"]["en"].get_absolute_url())
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_robots_keep_crawlers_out_of_the_workspace_and_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /translate/" in text and "Disallow: /admin/" in text
