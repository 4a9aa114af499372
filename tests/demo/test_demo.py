"""The demo network: what it promises, checked from the database it leaves behind."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import transaction

from havza import countries, languages
from havza.demo.content import WORKS
from havza.demo.services import load_demo
from havza.network.models import Event, Organization, Person, Speaker, Topic
from havza.publishing.models import Authorship, Signatory, Translation, Work

pytestmark = pytest.mark.django_db

ALL_LANGUAGES = {"tr", "en", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"}
REQUIRED_IN_BIG_WORKS = {"ar", "fa", "hy", "el", "ku"}


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo network, loaded once for this file's tests: each test runs inside it in a
    transaction of its own, rolled back after it, and the demo is rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db):
    return loaded_demo


def resolve(ref) -> Organization | Person:
    model = Organization if ref.kind == "organization" else Person
    return model.objects.get(slug=ref.slug)


def published_languages(work: Work) -> set[str]:
    return {t.language for t in work.translations.all() if t.is_published}


def test_site_languages_are_the_eleven_the_demo_is_written_in():
    assert set(languages.codes()) == ALL_LANGUAGES


def test_summary_matches_the_database(demo):
    assert demo.works == Work.objects.count() == len(WORKS)
    assert demo.translations == Translation.objects.count()
    assert demo.organizations == Organization.objects.count()
    assert demo.people == Person.objects.count()
    assert demo.topics == Topic.objects.count()
    assert demo.events == Event.objects.count() == 1
    assert demo.languages == 11
    assert "works" in str(demo)


def test_works_of_every_kind(demo):
    assert Work.objects.count() >= 6
    kinds = set(Work.objects.values_list("kind", flat=True))
    assert kinds == {"statement", "declaration", "article", "communique", "interview", "report"}


def test_several_works_in_five_or_more_languages_including_ar_fa_hy_el_ku(demo):
    big = [
        w
        for w in Work.objects.prefetch_related("translations")
        if len(published_languages(w)) >= 5 and published_languages(w) >= REQUIRED_IN_BIG_WORKS
    ]
    assert len(big) >= 3
    assert any(published_languages(w) == ALL_LANGUAGES for w in big)


def test_some_works_only_in_two_or_three_languages(demo):
    small = [
        w
        for w in Work.objects.prefetch_related("translations")
        if 2 <= len(published_languages(w)) <= 3
    ]
    assert len(small) >= 2


def test_every_language_is_used_and_every_original_is_published(demo):
    assert set(Translation.objects.values_list("language", flat=True)) == ALL_LANGUAGES
    originals = set(Work.objects.values_list("original_language", flat=True))
    assert len(originals) >= 5
    works = list(Work.objects.prefetch_related("translations"))
    assert len(works) == len(WORKS)
    unpublished = [w.uid for w in works if not (w.original() and w.original().is_published)]
    assert unpublished == []


def test_drafts_are_not_public(demo):
    drafts = Translation.objects.filter(status=Translation.Status.DRAFT)
    assert drafts.count() >= 1
    assert not drafts.filter(published_at__isnull=False).exists()
    published = Translation.objects.filter(status=Translation.Status.PUBLISHED)
    assert published.count() > drafts.count()
    assert not published.filter(published_at__isnull=True).exists()


def test_joint_statement_signed_from_many_countries(demo):
    work = Work.objects.get(kind="statement", original_language="en")
    signatories = work.signatories.filter(role=Signatory.Role.SIGNATORY)
    organizations = [s for s in signatories if s.organization_id]
    assert len(organizations) >= 8
    assert len({s.country for s in organizations}) >= 6
    assert all(countries.is_country(s.country) for s in signatories)
    assert any(s.person_id for s in signatories)
    issuers = work.signatories.filter(role=Signatory.Role.ISSUER)
    assert 1 <= issuers.count() <= 2
    for signatory in organizations:
        organization = signatory.organization
        assert organization.acronym
        assert len(organization.names) >= 3, organization.acronym


def test_signatories_are_listed_in_the_order_the_content_gives_them(demo):
    signed = [data for data in WORKS if data.issuers or data.signatories]
    assert signed, "the demo has signed works"
    for data in signed:
        work = Work.objects.get(uid=data.uid)
        rows = list(work.signatories.all())
        wanted = [(Signatory.Role.ISSUER, ref) for ref in data.issuers]
        wanted += [(Signatory.Role.SIGNATORY, ref) for ref in data.signatories]
        assert [(s.role, s.organization or s.person) for s in rows] == [
            (role, resolve(ref)) for role, ref in wanted
        ]
        assert [s.position for s in rows] == list(range(len(rows)))


def test_event_reaches_three_continents(demo):
    event = Event.objects.get()
    assert event.online and event.place and event.country == "FR"
    assert event.ends_on and (event.ends_on - event.starts_on).days == 1
    speakers, country_count, continent_count = event.reach()
    assert speakers >= 6 and country_count >= 6 and continent_count >= 3
    continents = {countries.continent(s.country) for s in Speaker.objects.filter(event=event)}
    assert None not in continents
    assert event.organizers.count() >= 2
    assert event.works.count() >= 2
    assert {w.kind for w in event.works.all()} >= {"report", "communique"}
    assert set(event.names) == ALL_LANGUAGES


def test_speaker_may_speak_from_another_country(demo):
    assert any(s.country != s.person.country for s in Speaker.objects.select_related("person"))


def test_topics_are_named_in_all_languages_and_used(demo):
    assert Topic.objects.count() >= 5
    for topic in Topic.objects.all():
        assert set(topic.names) == ALL_LANGUAGES, topic
        assert set(topic.slugs) == ALL_LANGUAGES, topic
        assert topic.works.exists(), topic
    assert not Work.objects.filter(topics__isnull=True).exists()


def test_authors_are_organizations_and_people(demo):
    assert Authorship.objects.filter(organization__isnull=False).exists()
    assert Authorship.objects.filter(person__isnull=False).exists()
    assert Work.objects.exists()
    assert not Work.objects.filter(authorships__isnull=True).exists()


def test_members_and_friends(demo):
    assert Organization.objects.filter(is_member=True).count() >= 5
    assert Organization.objects.filter(is_member=False).count() >= 3
    placed = Organization.objects.exclude(country="")
    assert placed.count() >= 5
    assert [o.country for o in placed if not countries.is_country(o.country)] == []


def test_people_have_countries_and_names_in_other_scripts(demo):
    people = list(Person.objects.all())
    assert len(people) >= 3
    assert [p.name for p in people if not countries.is_country(p.country)] == []
    scripts = {lang for p in Person.objects.all() for lang in p.display_names}
    assert {"ar", "fa", "hy", "el"} <= scripts


def test_dates_spread_over_2023_to_2026(demo):
    years = {d.year for d in Work.objects.values_list("published_on", flat=True)}
    assert years == {2023, 2024, 2025, 2026}


def test_every_body_renders(demo):
    for translation in Translation.objects.all():
        assert translation.body_markdown.strip()
        assert translation.body_html.startswith("<"), translation
        assert translation.excerpt, translation
        assert translation.slug and translation.slug != "untitled", translation


def test_bodies_use_rich_markdown(demo):
    html = "".join(Translation.objects.values_list("body_html", flat=True))
    for tag in ("<blockquote>", "<ul>", "<ol>", "<a href=", "<em>", "<strong>", "<h3>"):
        assert tag in html, tag


def test_bodies_use_native_punctuation(demo):
    def bodies(lang: str) -> str:
        return "".join(
            Translation.objects.filter(language=lang).values_list("body_markdown", flat=True)
        )

    assert "،" in bodies("ar") and "؟" in bodies("ar") and "؛" in bodies("ar")
    assert "\u200c" in bodies("fa") and "می\u200cشود" in bodies("fa") and "؟" in bodies("fa")
    assert "։" in bodies("hy") and "՞" in bodies("hy")
    # The Greek question mark is canonically the semicolon; the upper stop is "·".
    assert ";" in bodies("el") and "·" in bodies("el")
    assert "\u00a0:" in bodies("fr")
    assert "¿" in bodies("es") and "¡" in bodies("es")


def test_loading_twice_changes_nothing(demo):
    models = (Organization, Person, Topic, Event, Speaker, Work, Translation, Authorship, Signatory)
    before = {m.__name__: m.objects.count() for m in models}
    rows = sorted(
        Translation.objects.values_list(
            "id", "language", "slug", "status", "published_at", "content_updated_at"
        )
    )
    work_ids = sorted(Work.objects.values_list("id", "uid"))
    load_demo()
    assert {m.__name__: m.objects.count() for m in models} == before
    assert (
        sorted(
            Translation.objects.values_list(
                "id", "language", "slug", "status", "published_at", "content_updated_at"
            )
        )
        == rows
    )
    assert sorted(Work.objects.values_list("id", "uid")) == work_ids
    duplicates = Counter(Translation.objects.values_list("work_id", "language"))
    assert max(duplicates.values()) == 1


def test_loading_again_repairs_what_was_changed(demo):
    work = Work.objects.get(kind="interview")
    work.translations.filter(language="en").delete()
    work.authorships.all().delete()
    Organization.objects.filter(slug="clm").update(is_member=False)
    load_demo()
    assert work.translations.filter(language="en", status="published").exists()
    assert work.authorships.exists()
    assert Organization.objects.get(slug="clm").is_member


def test_loading_keeps_other_content(demo):
    other = Organization.objects.create(acronym="XYZ", names={"en": "Someone else"}, country="GR")
    load_demo()
    assert Organization.objects.filter(pk=other.pk).exists()


def test_public_pages_of_the_demo(demo, client):
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    translations = list(Translation.objects.all())
    assert {t.is_published for t in translations} == {True, False}
    for translation in translations:
        response = client.get(translation.get_absolute_url())
        assert response.status_code == (200 if translation.is_published else 404), translation
    event = Event.objects.get()
    assert client.get(event.get_absolute_url("hy")).status_code == 200
