"""An editor schedules a publication on the work screen; at that time the worker publishes it
as the editor's own save would, and it comes first on the language's home page and feed."""

from __future__ import annotations

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from havza.jobs.worker import run_due_jobs
from havza.publishing.models import Translation, Work
from havza.publishing.scheduling import publish_due
from tests import factories as f
from tests.admin.forms import form_fields
from tests.jobs.conftest import later

TITLE = "Ports close to the arms trade"


def titles_on_home(client, lang: str) -> list[str]:
    html = BeautifulSoup(client.get(f"/{lang}/").content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".items .item-title a")]


def feed_titles(client, lang: str) -> list[str]:
    return [e.title for e in feedparser.parse(client.get(f"/{lang}/feed.xml").content).entries]


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(user)
    return user


def split(when) -> dict[str, str]:
    local = timezone.localtime(when)
    return {"0": local.date().isoformat(), "1": local.strftime("%H:%M:%S")}


@pytest.mark.django_db(transaction=True)
def test_a_translation_scheduled_on_the_work_screen_is_published_by_the_worker(
    client, network, editor, clock
):
    work = f.WorkFactory(kind="statement", original_language="en", published_on=None)
    draft = f.TranslationFactory(work=work, language="en", title=TITLE, status="draft")
    url = reverse("admin:publishing_work_change", args=[work.pk])
    data = form_fields(client.get(url).content, "work_form")
    when = later(minutes=30).replace(microsecond=0)
    for part, value in split(when).items():
        data[f"translations-0-publish_at_{part}"] = value
    data["_save"] = "Save"
    assert client.post(url, data).status_code == 302

    job = DBTaskResult.objects.get()
    assert (job.status, job.run_after, job.args_kwargs["args"]) == ("READY", when, [work.pk])
    assert run_due_jobs() == 0  # nobody publishes it before its time
    draft.refresh_from_db()
    assert draft.status == "draft" and TITLE not in titles_on_home(client, "en")

    with clock(when + timezone.timedelta(seconds=5)):
        assert run_due_jobs() == 1
    draft.refresh_from_db()
    assert draft.status == "published" and draft.publish_at is None
    assert DBTaskResult.objects.get().return_value == {"published": ["en"], "not_ready": {}}
    assert titles_on_home(client, "en")[0] == TITLE
    assert feed_titles(client, "en")[0] == TITLE


@pytest.mark.django_db(transaction=True)
def test_a_work_scheduled_in_the_past_publishes_every_draft_on_the_next_pass(
    client, network, editor
):
    work = f.WorkFactory(kind="statement", original_language="en", published_on=None)
    titles = {
        "en": TITLE,
        "ar": "الموانئ تغلق أمام تجارة السلاح",
        "tr": "Limanlar silaha kapanıyor",
    }
    for lang, title in titles.items():
        f.TranslationFactory(work=work, language=lang, title=title, status="draft")
    url = reverse("admin:publishing_work_change", args=[work.pk])
    data = form_fields(client.get(url).content, "work_form")
    for part, value in split(later(minutes=-5)).items():
        data[f"publish_at_{part}"] = value
    data["_save"] = "Save"
    assert client.post(url, data).status_code == 302

    assert run_due_jobs() == 1
    work.refresh_from_db()
    assert work.publish_at is None and work.published_on == timezone.localdate()
    assert sorted(DBTaskResult.objects.get().return_value["published"]) == sorted(titles)
    for lang, title in titles.items():
        assert titles_on_home(client, lang)[0] == title
        assert feed_titles(client, lang)[0] == title


@pytest.mark.django_db(transaction=True)
def test_a_changed_time_is_kept_and_the_old_job_does_nothing(network, clock):
    work = f.WorkFactory(kind="article", original_language="en", published_on=None)
    draft = f.TranslationFactory(work=work, language="en", title=TITLE, status="draft")
    first, second = later(minutes=10), later(hours=2)
    draft.publish_at = first
    draft.save()
    draft.publish_at = second  # the editor moves it
    draft.save()
    assert DBTaskResult.objects.count() == 2
    with clock(first + timezone.timedelta(minutes=1)):
        assert run_due_jobs() == 1
    assert Translation.objects.get(pk=draft.pk).status == "draft"
    with clock(second + timezone.timedelta(minutes=1)):
        assert run_due_jobs() == 1
    assert Translation.objects.get(pk=draft.pk).status == "published"


@pytest.mark.django_db
def test_only_what_is_due_is_published(network):
    work = f.WorkFactory(kind="article", original_language="en", published_on=None)
    due = f.TranslationFactory(work=work, language="en", status="draft", publish_at=later(hours=-1))
    waiting = f.TranslationFactory(
        work=work, language="tr", status="draft", publish_at=later(hours=1)
    )
    unscheduled = f.TranslationFactory(work=work, language="el", status="draft")
    assert publish_due(work.pk)["published"] == ["en"]
    states = dict(Work.objects.get(pk=work.pk).translations.values_list("language", "status"))
    assert states == {"en": "published", "tr": "draft", "el": "draft"}
    assert {due.language, waiting.language, unscheduled.language} == set(states)


@pytest.mark.django_db
def test_a_workspace_translation_is_published_only_once_approved_with_its_approved_text(
    network,
):
    from havza.translation import workflow
    from havza.translation.models import LanguageGrant, Role
    from tests.translation.test_workflow import translate_all

    editor = get_user_model().objects.create_user("editor", password=None, is_staff=True)
    LanguageGrant.objects.create(user=editor, language="*", role=Role.EDITOR)
    work = f.WorkFactory(kind="statement", original_language="en", published_on=None)
    f.TranslationFactory(
        work=work, language="en", title=TITLE, body_markdown="No arms.\n\nNo war.\n"
    )
    target = workflow.start(work, "tr", editor)
    target.publish_at = later(minutes=-1)
    target.save()
    # Nothing approved yet: it stays a draft, and the job's result says why (in the
    # language the worker runs in).
    with translation.override("en"):
        result = publish_due(work.pk)
    assert result == {"published": [], "not_ready": {"tr": "3 segments are not approved yet."}}
    assert Translation.objects.get(pk=target.pk).status == "draft"

    translate_all(target, editor, editor, "TR")
    assert publish_due(work.pk)["published"] == ["tr"]
    published = Translation.objects.get(pk=target.pk)
    assert published.status == "published" and published.title == f"TR {TITLE}"
    assert "TR No war." in published.body_markdown
