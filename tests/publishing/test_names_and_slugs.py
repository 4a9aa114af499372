"""Names, titles and slugs as readers of each language expect them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from havza.multilingual import clean_text
from havza.slugs import first_free, slugify_for
from tests.factories import OrganizationFactory, SignatoryFactory, TranslationFactory

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"


def test_bidi_overrides_are_removed_from_titles_and_names(client, db):
    t = TranslationFactory(title=f"Statement {RLO}gnihtemos{PDF} of the day")
    assert t.title == "Statement gnihtemos of the day"
    org = OrganizationFactory(acronym=f"{LRI}ABC{PDI}", names={"en": f"Party {RLO}x"})
    org.full_clean()
    assert org.acronym == "ABC" and org.names["en"] == "Party x"


def test_names_are_isolated_so_they_cannot_reorder_the_line(client, db):
    org = OrganizationFactory(acronym="حزب", names={"ar": "حزب العمال", "en": "Workers Party"})
    sig = SignatoryFactory(organization=org)
    t = TranslationFactory(work=sig.work, language="en")
    soup = BeautifulSoup(client.get(t.get_absolute_url()).content, "html.parser")
    item = soup.select_one(".signatories li")
    assert item.find("bdi").get_text() == "حزب (Workers Party)"


def test_persian_joiners_are_kept():
    assert clean_text("می\u200cشود") == "می\u200cشود"


@pytest.mark.parametrize(
    ("title", "lang", "slug"),
    [
        ("Dünya devriminin yeni havzası!", "tr", "dunya-devriminin-yeni-havzasi"),
        ("Işık ve İnsan", "tr", "isik-ve-insan"),
        ("La Méditerranée : nouveau bassin", "fr", "la-mediterranee-nouveau-bassin"),
        ("البحر الأبيض: الحوض الجديد", "ar", "البحر-الأبيض-الحوض-الجديد"),
        ("حوزه‌ی جدید انقلاب", "fa", "حوزه-ی-جدید-انقلاب"),
        ("Μεσόγειος: Νέα λεκάνη", "el", "mesogeios-nea-lekani"),
        ("Derya Sıpî: Deşta nû", "ku", "derya-sipi-desta-nu"),
        ("!!!", "en", "untitled"),
    ],
)
def test_slugs_are_readable_per_language(title, lang, slug):
    assert slugify_for(title, lang) == slug


def test_slugs_stay_unique_per_language(db):
    a = TranslationFactory(language="en", title="Same title")
    b = TranslationFactory(language="en", title="Same title")
    c = TranslationFactory(language="tr", title="Same title")
    assert (a.slug, b.slug, c.slug) == ("same-title", "same-title-2", "same-title")


@given(st.text(max_size=200), st.sampled_from(["tr", "en", "ar", "fa", "el", "hy", "ku"]))
def test_any_title_gives_a_usable_slug(title, lang):
    slug = slugify_for(title, lang)
    assert slug and len(slug) <= 80
    assert "/" not in slug and "?" not in slug and "#" not in slug and " " not in slug


slug_text = st.text(alphabet="ab-", min_size=1, max_size=12)


@given(slug_text, st.sets(slug_text, max_size=30), st.integers(min_value=8, max_value=14))
def test_the_first_free_slug_is_the_base_or_the_lowest_numbered_free_one(base, taken, length):
    slug = first_free(base[:length], taken.__contains__, length)
    assert slug not in taken and len(slug) <= length
    if base[:length] not in taken:
        assert slug == base[:length]
    else:
        stem, _, number = slug.rpartition("-")
        assert base[:length].startswith(stem) and int(number) >= 2
        lower = [f"{base[: length - len(f'-{n}')]}-{n}" for n in range(2, int(number))]
        assert all(candidate in taken for candidate in lower)


def test_organizations_people_and_events_get_the_first_free_slug(db):
    first = OrganizationFactory(acronym="", names={"en": "Workers' Party"})
    second = OrganizationFactory(acronym="", names={"en": "Workers Party"})
    assert (first.slug, second.slug) == ("workers-party", "workers-party-2")
