"""The public site really speaks each language: headings, menus and sentences."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from havza import languages
from havza.publishing.pages import reach_sentence
from tests import factories as f

# What a reader sees on the home page: the "Latest" heading and the "Statements" menu item.
HOME = {
    "ar": ("أحدث المنشورات", "بيانات"),
    "fa": ("تازه‌ترین نوشته‌ها", "بیانیه‌ها"),
    "hy": ("Վերջին հրապարակումները", "Հայտարարություններ"),
    "ku": ("Weşanên dawî", "Daxuyanî"),
    "el": ("Πρόσφατες δημοσιεύσεις", "Ανακοινώσεις"),
    "tr": ("Son yayınlar", "Açıklamalar"),
    "en": ("Latest", "Statements"),
}
TITLES = {
    "ar": "بيان للنشر",
    "fa": "بیانیه‌ای برای انتشار",
    "hy": "Հայտարարություն",
    "ku": "Daxuyaniyek",
    "el": "Μια ανακοίνωση",
    "tr": "Bir açıklama",
    "en": "A statement",
}


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_django_finds_the_kurmanji_catalog():
    assert translation.check_for_language("ku")
    with translation.override("ku"):
        assert translation.pgettext("work kind", "Statements") == "Daxuyanî"
        assert translation.gettext("Skip to content") == "Here naverokê"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", sorted(HOME))
def test_home_and_listing_speak_the_language(client, lang):
    latest, statements = HOME[lang]
    f.TranslationFactory(language=lang, title=TITLES[lang], work__original_language=lang)

    page = soup(client.get(reverse("publishing:home", kwargs={"lang": lang})))
    assert page.html["lang"] == languages.get(lang).tag
    assert page.find("h2", id="latest").get_text() == latest
    sections = page.find("nav", class_="sections")
    assert statements in [a.get_text() for a in sections.find_all("a")]
    assert TITLES[lang] in page.get_text()
    if lang != "en":
        assert "Skip to content" not in page.get_text()
        assert "Atom feed" not in page.get_text()

    url = reverse("publishing:listing", kwargs={"lang": lang, "kinds": "statements"})
    listing = soup(client.get(url))
    assert listing.find("h1").get_text() == statements


@pytest.mark.django_db
def test_work_page_labels_are_localized(client):
    work = f.WorkFactory(original_language="en")
    f.TranslationFactory(work=work, language="en", title="The original")
    ar = f.TranslationFactory(work=work, language="ar", title="الترجمة العربية")
    page = soup(client.get(ar.get_absolute_url()))
    assert page.find("p", class_="kind").get_text() == "بيان"
    assert "مترجم عن" in page.find("footer", class_="work-footer").get_text()
    switcher = page.find("nav", class_="also-in")
    assert page.find(id=switcher["aria-labelledby"]).get_text() == "بلغات أخرى:"
    footer = page.find("footer", class_="work-footer").get_text(" ", strip=True)
    # One sentence with the original's name inside it, not a label glued to a link.
    assert "مترجم عن الإنجليزية" in footer  # the original named in Arabic


@pytest.mark.django_db
def test_not_found_page_is_localized(client):
    response = client.get("/hy/no-such-page-at-all/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text() == "Էջը չի գտնվել"


# 45 speakers from 25 countries on 5 continents (M49: 002 Africa, 019 Americas, 142 Asia,
# 150 Europe, 009 Oceania).
COUNTRIES = [
    *["EG", "ZA", "NG", "KE", "MA"],
    *["VE", "US", "BR", "AR", "MX", "CL"],
    *["TR", "AM", "JP", "IN", "IR", "IQ", "SY"],
    *["GR", "FR", "IT", "ES", "DE"],
    *["AU", "NZ"],
]


def event_with_speakers(count: int, country_codes: list[str]):
    event = f.EventFactory()
    for position in range(count):
        f.SpeakerFactory(
            event=event, country=country_codes[position % len(country_codes)], position=position
        )
    return event


@pytest.mark.django_db
def test_reach_sentence_reads_naturally_in_each_language():
    assert len(set(COUNTRIES)) == 25
    event = event_with_speakers(45, COUNTRIES)
    assert event.reach() == (45, 25, 5)
    fa_digits = languages.get("fa").digits
    assert fa_digits == "۰۱۲۳۴۵۶۷۸۹"
    ar = languages.get("ar").localize_digits
    expected = {
        "en": "45 speakers from 25 countries across 5 continents",
        "tr": "5 kıtadaki 25 ülkeden 45 konuşmacı",
        "ar": ar("45 متحدثًا من 25 دولة في 5 قارات"),
        "fa": "۴۵ سخنران از ۲۵ کشور در ۵ قاره",
        "hy": "45 բանախոս 5 մայրցամաքի 25 երկրից",
        "el": "45 ομιλητές από 25 χώρες σε 5 ηπείρους",
        "fr": "45 intervenants de 25 pays sur 5 continents",
    }
    for lang, sentence in expected.items():
        assert reach_sentence(event, lang) == sentence, lang
    assert not any(d in reach_sentence(event, "fa") for d in "0123456789")


@pytest.mark.django_db
def test_reach_sentence_uses_each_plural_form():
    one = event_with_speakers(1, ["TR"])
    two = event_with_speakers(2, ["GR", "EG"])
    few = event_with_speakers(3, ["GR", "EG", "VE"])
    ar = languages.get("ar").localize_digits
    assert reach_sentence(one, "ar") == "متحدث واحد من دولة واحدة في قارة واحدة"
    assert reach_sentence(two, "ar") == "متحدثان من دولتين في قارتين"
    assert reach_sentence(few, "ar") == ar("3 متحدثين من 3 دول في 3 قارات")
    assert reach_sentence(one, "en") == "1 speaker from 1 country across 1 continent"
    assert reach_sentence(one, "tr") == "1 kıtadaki 1 ülkeden 1 konuşmacı"
    assert reach_sentence(two, "fa") == "۲ سخنران از ۲ کشور در ۲ قاره"
    assert reach_sentence(one, "el") == "1 ομιλητής από 1 χώρα σε 1 ήπειρο"


@pytest.mark.django_db
def test_event_page_shows_the_reach_sentence(client):
    event = event_with_speakers(2, ["GR", "EG"])
    page = soup(client.get(event.get_absolute_url("ar")))
    assert page.find("p", class_="reach").get_text() == "متحدثان من دولتين في قارتين"
    assert page.find("h2").get_text() == "المتحدثون"
