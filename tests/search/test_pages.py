"""The search page and its JSON twin, as a reader and a script see them."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_turkish_page_finds_every_form_and_marks_it(client, corpus):
    response = client.get("/tr/search/", {"q": "emperyalizmin"})
    assert response.status_code == 200 and response["Content-Language"] == "tr"
    page = soup(response)
    assert page.html["lang"] == "tr"
    titles = [a.get_text() for a in page.select(".search-results .item-title a")]
    assert {"Notlar", "Dayanışma", "Bildiri", "Savaşa karşı birlik"} == set(titles)
    marks = {m.get_text().casefold() for m in page.select(".snippet mark")}
    assert {"emperyalizm", "emperyalizme", "emperyali̇zm", "emperyalizmin"} & marks
    assert page.select_one("#search-q")["value"] == "emperyalizmin"


def test_arabic_page_is_right_to_left_and_lists_the_other_languages(client, corpus):
    page = soup(client.get("/ar/search/", {"q": "الامبريالية"}))
    assert page.html["dir"] == "rtl"
    (hit,) = page.select(".search-results > li")
    assert hit.select_one(".item-title")["dir"] == "rtl"
    also = hit.select(".also-in a")
    assert len(also) == 10
    assert {a["hreflang"] for a in also} >= {"en", "tr", "fa", "hy"}


def test_every_language_toggle_shows_each_hit_in_its_direction(client, corpus):
    page = soup(client.get("/en/search/", {"q": "اضراب", "all": "1"}))
    (hit,) = page.select(".search-results > li")
    assert hit.select_one(".item-title")["lang"] == "ar"
    assert hit.select_one(".snippet")["dir"] == "rtl"
    assert page.select_one("input[name=all]").has_attr("checked")


@pytest.mark.parametrize(
    ("lang", "query", "text"),
    [
        ("fr", "zzqxj", "Rien n’a été trouvé pour « zzqxj »."),
        ("tr", "!!! ...", "“!!! ...” içinde aranacak sözcük yok."),
        ("ar", "-الحرب", "لم تُعطَ سوى كلمات للاستبعاد."),
    ],
)
def test_empty_and_nonsense_queries_are_explained_in_the_page_language(
    client, corpus, lang, query, text
):
    page = soup(client.get(f"/{lang}/search/", {"q": query}))
    assert text in page.select_one("p.empty").get_text()


def test_pages_link_to_each_other_keeping_the_filters(client, db):
    from tests import factories as f

    for n in range(12):
        f.TranslationFactory(title=f"Harbour bulletin {n}", language="en")
    page = soup(client.get("/en/search/", {"q": "harbour", "kind": "statement"}))
    assert len(page.select(".search-results > li")) == 10
    nxt = page.select_one(".pager a[rel=next]")["href"]
    assert "kind=statement" in nxt and "page=2" in nxt
    second = soup(client.get(nxt))
    assert len(second.select(".search-results > li")) == 2


def test_json_answers_the_same_results(client, corpus):
    response = client.get("/el/search.json", {"q": "ΙΜΠΕΡΙΑΛΙΣΜΟΣ"})
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    assert body["total"] == 1 and body["problem"] is None
    (hit,) = body["results"]
    assert hit["language"] == "el"
    assert hit["work"] == corpus["imperialism"].pk
    assert hit["address"].startswith("/el/works/")
    assert "<mark>" in hit["snippet"] and hit["score"] > 0
    assert set(hit) >= {"title", "language", "address", "snippet", "work", "score"}
    assert json.loads(client.get("/el/search.json", {"q": ""}).content)["problem"] == "empty"


def test_unknown_language_is_not_found(client, db):
    assert client.get("/xx/search/", {"q": "a"}).status_code == 404


def test_every_public_page_has_a_search_box(client, corpus):
    for address in ["/fa/", "/en/topics/", "/tr/search/"]:
        page = soup(client.get(address))
        form = page.select_one("form.search-box")
        assert form["action"] == address[:4] + "search/"
        assert form.select_one("input[name=q]") is not None


def test_a_page_of_results_takes_a_fixed_number_of_queries(
    client, corpus, django_assert_num_queries
):
    # Whether the query is common (backends.base.COMMON), the search, the hits'
    # translations, the topics and the organizations of the filters.
    with django_assert_num_queries(5):
        client.get("/en/search/", {"q": "workers", "all": "1"})
    with django_assert_num_queries(3):
        client.get("/en/search.json", {"q": "workers", "all": "1"})


def test_the_search_page_is_a_kind_of_the_page_catalogue(client, corpus):
    """Declared with its address and its export page; live it answers each query."""
    from havza.links import reverse
    from havza.publishing.pages import CATALOGUE, Site
    from havza.publishing.views import LIVE_ONLY
    from havza.search import views

    kind = CATALOGUE["search"]
    assert kind.location("tr") == reverse("publishing:search", kwargs={"lang": "tr"})
    assert kind.location("tr") == "/tr/search/"
    assert LIVE_ONLY["search"] is views.page
    # The export's page is the static search (no results in it), not a page per query.
    exported = kind.render("tr", None, Site()).body.decode()
    assert "pagefind" in exported.lower() or "search.js" in exported
    live = client.get("/tr/search/", {"q": "emperyalizm"}).content.decode()
    assert "search-results" in live
