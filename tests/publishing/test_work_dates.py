"""A work whose publication date is left empty is dated the day its first translation is
published: the date it shows is the date it sorts by, on every list and on any database."""

from __future__ import annotations

import datetime as dt
import importlib
from types import SimpleNamespace

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from havza.publishing.bulk import create_translations
from havza.publishing.models import Translation, Work
from tests import factories as f
from tests.admin.forms import form_fields

ADD = "/admin/publishing/work/add/"
TITLE = "Dockers of three ports stop the arms ships"


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(user)
    return user


def publish_undated_statement(client) -> Work:
    """An editor's new statement, its date left empty as the help text invites, published."""
    data = form_fields(client.get(ADD).content, "work_form")
    data.update({
        "kind": "statement", "original_language": "en", "published_on": "",
        "translations-TOTAL_FORMS": "1", "translations-0-language": "en",
        "translations-0-title": TITLE, "translations-0-body_markdown": "No arms for the war.",
        "translations-0-status": "published", "translations-0-slug": "", "_save": "Save",
    })  # fmt: skip
    response = client.post(ADD, data)
    assert response.status_code == 302, soup_of(response).find(class_="errornote")
    return Work.objects.get(translations__title=TITLE)


def first_titles(html: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in html.select(".items .item-title a")]


@pytest.mark.django_db
def test_a_work_published_today_without_a_date_comes_first_everywhere(
    client, network, editor, settings
):
    settings.HAVZA_FEED_SIZE = 2  # a full feed: the newest work must push the oldest out
    work = publish_undated_statement(client)
    today = timezone.localdate()
    assert work.published_on == today

    home = soup_of(client.get("/en/"))
    assert first_titles(home)[0] == TITLE
    assert home.select_one(".items .item time")["datetime"] == today.isoformat()
    assert first_titles(soup_of(client.get("/en/statements/")))[0] == TITLE

    feed = feedparser.parse(client.get("/en/feed.xml").content)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == [TITLE, "Strike at the ports"]
    assert feed.entries[0].updated_parsed[:3] == today.timetuple()[:3]

    changelist = soup_of(client.get("/admin/publishing/work/"))
    rows = changelist.select("#result_list tbody tr")
    assert TITLE in rows[0].get_text()
    assert len(rows) == 3


@pytest.mark.django_db
def test_the_first_publication_dates_the_work_and_later_ones_keep_it(network):
    work = f.WorkFactory(kind="article", original_language="en", published_on=None)
    draft = f.TranslationFactory(work=work, language="en", title="A draft", status="draft")
    assert Work.objects.get(pk=work.pk).published_on is None

    first = timezone.make_aware(dt.datetime(2026, 3, 1, 9, 0))
    draft.status = Translation.Status.PUBLISHED
    draft.published_at = first
    draft.save()
    assert Work.objects.get(pk=work.pk).published_on == dt.date(2026, 3, 1)

    f.TranslationFactory(work=work, language="tr", title="Bir taslak", status="published")
    assert Work.objects.get(pk=work.pk).published_on == dt.date(2026, 3, 1)


@pytest.mark.django_db
def test_a_date_cleared_by_an_editor_is_the_first_publication_day_again(network):
    article = network["article"]
    article.published_on = None
    article.save()
    first = min(t.published_at for t in article.translations.all())
    assert Work.objects.get(pk=article.pk).published_on == timezone.localdate(first)


@pytest.mark.django_db
def test_undated_drafts_lead_the_admin_list_on_any_database(client, network, editor):
    work = f.WorkFactory(kind="report", original_language="en", published_on=None)
    f.TranslationFactory(work=work, language="en", title="Report in progress", status="draft")
    assert list(Work.objects.all()) == [work, network["article"], network["statement"]]
    rows = soup_of(client.get("/admin/publishing/work/")).select("#result_list tbody tr")
    assert "Report in progress" in rows[0].get_text()


@pytest.mark.django_db(transaction=True)
def test_translations_created_in_bulk_date_their_work(network):
    work = f.WorkFactory(kind="communique", original_language="el", published_on=None)
    create_translations([
        Translation(work=work, language="el", title="Ανακοίνωση", status="published"),
    ])  # fmt: skip
    assert Work.objects.get(pk=work.pk).published_on == timezone.localdate()


@pytest.mark.django_db
def test_the_migration_dates_works_stored_without_a_date(network):
    statement = network["statement"]
    Work.objects.filter(pk=statement.pk).update(published_on=None)  # as stored before
    first = min(t.published_at for t in statement.translations.filter(status="published"))
    migration = importlib.import_module(
        "havza.publishing.migrations.0003_works_dated_by_first_publication"
    )
    migration.date_undated_works(apps, SimpleNamespace(connection=SimpleNamespace(alias="default")))
    assert Work.objects.get(pk=statement.pk).published_on == timezone.localdate(first)
