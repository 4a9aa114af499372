"""Every public page type, in every site language, as a reader and a search engine see it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from havza import languages

LANGS = languages.codes()


def html_pages(network, lang: str) -> dict[str, str]:
    topic, event = network["topic"], network["event"]
    org = network["organizations"][0]
    urls = {
        "home": reverse("publishing:home", kwargs={"lang": lang}),
        "listing": reverse("publishing:listing", kwargs={"lang": lang, "kinds": "statements"}),
        "organizations": reverse("publishing:organizations", kwargs={"lang": lang}),
        "organization": org.get_absolute_url(lang),
        "person": network["author"].get_absolute_url(lang),
        "topics": reverse("publishing:topics", kwargs={"lang": lang}),
        "topic": topic.get_absolute_url(lang),
        "events": reverse("publishing:events", kwargs={"lang": lang}),
        "event": event.get_absolute_url(lang),
    }
    if lang in network["translations"]:
        urls["work"] = network["translations"][lang].get_absolute_url()
    return urls


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_speaks_its_language(client, network, lang):
    language = languages.get(lang)
    for page_type, url in html_pages(network, lang).items():
        response = client.get(url)
        assert response.status_code == 200, (page_type, url)
        assert response["Content-Language"] == language.tag
        soup = soup_of(response)
        html = soup.find("html")
        assert html["lang"] == language.tag, page_type
        assert html["dir"] == language.direction, page_type
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == settings.HAVZA_BASE_URL + url, page_type
        hreflangs = {
            link["hreflang"] for link in soup.find_all("link", rel="alternate", hreflang=True)
        }
        assert language.tag in hreflangs, page_type
        if page_type != "work":
            assert hreflangs >= {lang.tag for lang in languages.all_languages()}, page_type


@pytest.mark.parametrize("lang", ["en", "ar", "hy"])
def test_every_page_shows_the_tagline_in_all_languages(client, network, lang):
    soup = soup_of(client.get(reverse("publishing:home", kwargs={"lang": lang})))
    lines = soup.select(".taglines li")
    assert [(li["lang"], li["dir"], li.get_text()) for li in lines] == [
        (language.tag, language.direction, language.tagline)
        for language in languages.all_languages()
    ]
    menu = soup.select("nav.languages a")
    assert [a.get_text() for a in menu] == [
        language.native_name for language in languages.all_languages()
    ]
    assert [a["lang"] for a in menu] == [language.tag for language in languages.all_languages()]
    current = [a for a in menu if a.get("aria-current")]
    assert [a["lang"] for a in current] == [languages.get(lang).tag]


def test_work_page_lists_exactly_the_published_languages(client, network):
    response = client.get(network["translations"]["ar"].get_absolute_url())
    soup = soup_of(response)
    also_in = [a["hreflang"] for a in soup.select("nav.also-in a")]
    # The Persian translation is a draft: it is not offered anywhere.
    assert also_in == ["tr", "en", "el", "hy"]
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert set(alternates) == {"tr", "en", "ar", "el", "hy", "x-default"}
    assert alternates["x-default"].endswith(network["translations"]["en"].get_absolute_url())
    assert [m["content"] for m in soup.find_all("meta", property="og:locale:alternate")] == [
        languages.get(c).og_locale for c in ["tr", "en", "el", "hy"]
    ]


def test_work_page_shows_byline_date_signatories_and_topics(client, network):
    soup = soup_of(client.get(network["translations"]["tr"].get_absolute_url()))
    assert soup.find("h1").get_text() == "Zafer günü çok yaşa"
    assert soup.select_one(".byline").get_text() == "International Center of the Shores"
    assert soup.find("time")["datetime"] == "2023-05-09"
    assert soup.find("time").get_text() == "9 Mayıs 2023"
    signers = [li.get_text(" ", strip=True) for li in soup.select(".signatories li")]
    assert signers == [
        "WRP (Workers Revolutionary Party) – Yunanistan",
        "RWP (Devrimci İşçi Partisi) – Türkiye",
        "Selin Kaya – Türkiye",
    ]
    assert [li.get_text(" ", strip=True) for li in soup.select(".issuers li")] == [
        "International Center of the Shores"
    ]
    assert "Savaş ve barış" in soup.select_one(".work-footer").get_text()
    assert soup.select_one(".body blockquote").get_text(strip=True) == "Alıntılanan bildiri."


def test_dates_and_countries_follow_cldr(client, network):
    ar = soup_of(client.get(network["translations"]["ar"].get_absolute_url()))
    assert ar.find("time").get_text() == "9 مايو 2023"
    assert "اليونان" in ar.select_one(".signatories").get_text()
    el = soup_of(client.get(network["translations"]["el"].get_absolute_url()))
    assert el.find("time").get_text() == "9 Μαΐου 2023"
    assert "Ελλάδα" in el.select_one(".signatories").get_text()


def test_json_ld_describes_the_article(client, network):
    import json

    soup = soup_of(client.get(network["translations"]["el"].get_absolute_url()))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Article"  # a statement: schema.org has no type of its own
    assert data["genre"] == "statement"
    assert data["headline"] == "Ζήτω η ημέρα της νίκης"
    assert data["inLanguage"] == "el"
    assert data["datePublished"] == "2023-05-09"
    assert data["translationOfWork"]["@id"].endswith(
        network["translations"]["en"].get_absolute_url()
    )


def test_missing_translation_answers_404_with_the_languages_it_exists_in(client, network):
    english = network["translations"]["en"]
    response = client.get(reverse("publishing:work", kwargs={"lang": "it", "slug": english.slug}))
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.find("html")["lang"] == "it"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    offered = [a["hreflang"] for a in soup.select(".language-chooser a")]
    assert offered == ["tr", "en", "ar", "el", "hy"]


@pytest.mark.parametrize(
    "url",
    ["/xx/", "/en/works/no-such-work/", "/en/organizations/nobody/", "/en/topics/nothing/",
     "/en/statements/page/9/", "/en/statements/page/1/", "/zz/works/x/", "/en/people/none/"],
)  # fmt: skip
def test_unknown_languages_and_slugs_answer_404(client, network, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"<html" in response.content


@pytest.mark.parametrize(
    ("header", "expected"),
    [("ar,en;q=0.5", "/ar/"), ("fa-IR", "/fa/"), ("de-DE,de;q=0.9,el;q=0.8", "/el/"),
     ("kmr", "/ku/"), ("", "/tr/"), (";;;q=abc,,", "/tr/"), ("*", "/tr/"), ("x" * 5000, "/tr/"),
     ("en;q=nan", "/tr/")],
)  # fmt: skip
def test_root_sends_readers_to_their_language(client, db, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_listing_paginates(client, network, settings):
    from tests.factories import TranslationFactory

    settings.HAVZA_PAGE_SIZE = 2
    for n in range(3):
        TranslationFactory(language="en", title=f"Extra statement {n}")
    first = soup_of(client.get("/en/statements/"))
    assert len(first.select(".item")) == 2
    assert first.select_one("a[rel=next]")["href"] == "/en/statements/page/2/"
    second = client.get("/en/statements/page/2/")
    assert second.status_code == 200
    last = soup_of(client.get("/en/statements/page/2/"))
    assert last.select_one("a[rel=prev]")["href"] == "/en/statements/"
    assert client.get("/en/statements/page/3/").status_code == 404


def test_event_states_its_reach(client, network):
    soup = soup_of(client.get(network["event"].get_absolute_url("en")))
    # TR and AM are in Asia, GR in Europe, EG in Africa, VE in the Americas.
    assert soup.select_one(".reach").get_text() == "5 speakers from 5 countries across 4 continents"


def test_security_headers(client, network):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_request_nothing_from_other_hosts(client, network):
    for lang in ["en", "ar"]:
        for url in html_pages(network, lang).values():
            soup = soup_of(client.get(url))
            for tag in soup.find_all(["link", "script", "img", "iframe"]):
                src = tag.get("src") or (
                    tag.get("href")
                    if tag.name == "link" and "stylesheet" in tag.get("rel", [])
                    else None
                )
                assert not src or src.startswith("/"), (url, tag)


def test_work_page_query_count_does_not_grow_with_signatories(
    client, network, django_assert_max_num_queries
):
    from tests.factories import SignatoryFactory

    url = network["translations"]["en"].get_absolute_url()
    for _ in range(20):
        SignatoryFactory(work=network["statement"])
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_listing_query_count_does_not_grow_with_items(
    client, network, django_assert_max_num_queries
):
    from tests.factories import AuthorshipFactory, TranslationFactory

    for n in range(15):
        t = TranslationFactory(language="en", title=f"Another {n}")
        AuthorshipFactory(work=t.work)
    with django_assert_max_num_queries(5):
        assert client.get("/en/statements/").status_code == 200


def test_browsers_asking_for_favicon_ico_get_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/svg+xml"
    assert b"<svg" in b"".join(icon.streaming_content if icon.streaming else [icon.content])
