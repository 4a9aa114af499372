"""Translations created in bulk are stored exactly as if each had been saved on its own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.db.models.signals import post_save
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from havza.publishing import bulk
from havza.publishing.models import Translation, Work
from tests.factories import TranslationFactory, WorkFactory

pytestmark = pytest.mark.django_db

STORED = ("language", "title", "subtitle", "slug", "body_html", "excerpt", "status")
PUBLISHED_AT = dt.datetime(2023, 5, 9, 12, tzinfo=dt.UTC)

# (language, title, subtitle, slug, body, status, published_at)
CASES = [
    ("en", "Workers of the world, unite!", "", "", "First.\n\nSecond *one*.", "published", None),
    ("en", "Workers of the world, unite!", "", "", "The same title again.", "published", None),
    ("en", "Workers of the world   unite", "", "", "A third that slugs alike.", "draft", None),
    ("en", "  Spaces\u202e and bidi  ", " a  subtitle ", "", "x", "published", PUBLISHED_AT),
    ("en", "Given slug", "", "My Own Slug", "# Heading\n\n> quote", "published", None),
    ("tr", "İşçiler ve Dünya", "", "", "<script>alert(1)</script>Bir.", "published", None),
    ("ar", "عاش يوم النصر", "", "", "الفقرة الأولى.\n\n- واحد\n- اثنان", "published", None),
    ("fa", "روز پیروزی\u200cها", "", "", "![x](https://example.org/a.png)", "draft", None),
    ("el", "Ζήτω η ημέρα της νίκης", "", "", "[link](javascript:alert(1))", "published", None),
    ("hy", "Կեցցե հաղթանակի օրը", "", "", "Ա" * 400, "published", None),
    ("es", "", "", "", "A body with no title.", "published", None),
]


def _unsaved(work: Work, case: tuple) -> Translation:
    language, title, subtitle, slug, body, status, published_at = case
    return Translation(
        work=work,
        language=language,
        title=title,
        subtitle=subtitle,
        slug=slug,
        body_markdown=body,
        status=status,
        published_at=published_at,
    )


def _stored(translations) -> list[tuple]:
    return [
        (*(getattr(t, name) for name in STORED), t.published_at is not None)
        for t in Translation.objects.filter(pk__in=[t.pk for t in translations]).order_by("pk")
    ]


class _RollBack(Exception):
    pass


def _saved_one_by_one(cases: list[tuple]) -> list[tuple]:
    """What saving CASES one by one stores, rolled back afterwards."""
    result = []
    try:
        with transaction.atomic():
            works = [WorkFactory(original_language=case[0]) for case in cases]
            saved = []
            for work, case in zip(works, cases, strict=True):
                translation = _unsaved(work, case)
                translation.save()
                saved.append(translation)
            result = _stored(saved)
            raise _RollBack
    except _RollBack:
        pass
    return result


def _created_in_bulk(cases: list[tuple], derive_first: bool) -> list[tuple]:
    works = [WorkFactory(original_language=case[0]) for case in cases]
    translations = [_unsaved(w, c) for w, c in zip(works, cases, strict=True)]
    derived = [bulk.derive_for(t) for t in translations] if derive_first else None
    with transaction.atomic():
        bulk.create_translations(translations, derived)
    return _stored(translations)


@pytest.mark.parametrize("derive_first", [True, False])
def test_bulk_creation_stores_what_saving_one_by_one_stores(derive_first):
    TranslationFactory(language="en", title="Workers of the world, unite!")  # slug taken
    TranslationFactory(language="ar", title="عاش يوم النصر")
    expected = _saved_one_by_one(CASES)
    created = _created_in_bulk(CASES, derive_first)
    assert created == expected
    slugs = [row[3] for row in created]
    assert slugs[:3] == [
        "workers-of-the-world-unite-2",
        "workers-of-the-world-unite-3",
        "workers-of-the-world-unite-4",
    ]
    assert slugs[4] == "my-own-slug" and slugs[6] == "عاش-يوم-النصر-2"
    assert "<script" not in created[5][4] and 'href="javascript' not in created[8][4]


# PostgreSQL stores no NUL character, however it is saved.
texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["en", "tr", "ar", "fa", "hy"]),
            texts,
            st.sampled_from(["", "Same title"]),
            texts,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_text_is_stored_alike_both_ways(rows):
    cases = [
        (lang, title or extra, "", "", body, "published", None) for lang, title, extra, body in rows
    ]
    try:
        with transaction.atomic():
            expected = _saved_one_by_one(cases)
            assert _created_in_bulk(cases, derive_first=True) == expected
            raise _RollBack
    except _RollBack:
        pass


def test_derived_text_that_no_longer_fits_is_derived_again():
    work = WorkFactory()
    translation = Translation(work=work, language="en", title="Old", body_markdown="old body")
    stale = bulk.derive_for(translation)
    translation.title, translation.body_markdown = "New title", "new *body*"
    bulk.create_translations([translation], [stale])
    translation.refresh_from_db()
    assert translation.slug == "new-title"
    assert translation.body_html == "<p>new <em>body</em></p>\n"


def test_listeners_hear_of_each_created_translation():
    heard = []

    def listener(sender, instance, created, **kwargs):
        heard.append((instance.pk, created))

    post_save.connect(listener, sender=Translation, dispatch_uid="test-bulk-listener")
    try:
        work = WorkFactory()
        created = bulk.create_translations(
            [Translation(work=work, language=lang, title="T") for lang in ("en", "fr", "it")]
        )
    finally:
        post_save.disconnect(dispatch_uid="test-bulk-listener", sender=Translation)
    assert heard == [(t.pk, True) for t in created]
    assert all(t.pk for t in created)


def test_existing_translations_are_refused():
    translation = TranslationFactory()
    with pytest.raises(ValueError, match="only creates"):
        bulk.create_translations([translation])


def test_queries_do_not_grow_with_the_number_of_translations(django_assert_max_num_queries):
    works = [WorkFactory() for _ in range(60)]
    translations = [
        Translation(work=work, language=lang, title=f"Statement {n}")
        for n, work in enumerate(works)
        for lang in ("en", "tr", "ar")
    ]
    # One query per language for the slugs, and the inserts of 180 rows.
    with django_assert_max_num_queries(3 + 6):
        bulk.create_translations(translations)
    assert Translation.objects.count() == 180


def test_reserved_slugs_follow_the_database_once_forgotten():
    slugs = bulk.SlugReservations()
    assert slugs.reserve("en", "strike") == "strike"
    TranslationFactory(language="en", title="Strike at the port")
    assert slugs.reserve("en", "strike-at-the-port") == "strike-at-the-port"  # not seen yet
    slugs.forget()
    assert slugs.reserve("en", "strike-at-the-port") == "strike-at-the-port-2"
    assert slugs.reserve("en", "strike") == "strike"  # the first one was never written
