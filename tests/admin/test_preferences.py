"""Everyone who logs in chooses the language the admin and the workspace speak to them."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from havza.accounts.models import Profile


@pytest.fixture
def translator(db):
    """Not a superuser and allowed to edit nothing in the admin: a preference is still theirs."""
    return get_user_model().objects.create_user("layla", password="pw-layla", is_staff=True)


def test_a_person_chooses_greek_and_the_admin_speaks_greek(client, translator):
    client.force_login(translator)
    page = client.get("/admin/preferences/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "Ελληνικά" in page.content.decode() and "Kurdî" in page.content.decode()

    saved = client.post(
        "/admin/preferences/",
        {"interface_language": "el"},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert Profile.objects.get(user=translator).interface_language == "el"
    html = saved.content.decode()
    assert '<html lang="el"' in html
    assert "Διαχείριση" in html or "διαχείριση" in html  # Django's own Greek
    assert "Γλώσσα διεπαφής: Ελληνικά" in html  # havza's link, in Greek, on the index


def test_following_the_browser_again(client, translator):
    Profile.objects.create(user=translator, interface_language="ar")
    client.force_login(translator)
    client.post("/admin/preferences/", {"interface_language": ""})
    assert Profile.objects.get(user=translator).interface_language == ""
    assert '<html lang="fa"' in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fa").content.decode()


def test_a_language_the_site_does_not_have_is_refused_in_the_persons_language(client, translator):
    Profile.objects.create(user=translator, interface_language="tr")
    client.force_login(translator)
    response = client.post("/admin/preferences/", {"interface_language": "de"})
    assert response.status_code == 200
    assert "de mevcut seçeneklerden biri değil" in response.content.decode()  # in Turkish
    assert Profile.objects.get(user=translator).interface_language == "tr"


def test_returns_where_the_person_came_from_but_only_on_this_site(client, translator):
    client.force_login(translator)
    back = client.post("/admin/preferences/", {"interface_language": "it", "next": "/translate/"})
    assert back["Location"] == "/translate/"
    away = client.post(
        "/admin/preferences/", {"interface_language": "it", "next": "https://evil.example/"}
    )
    assert away["Location"] == "/admin/"


def test_only_people_who_logged_in_and_only_with_a_csrf_token(db, translator):
    anonymous = Client()
    response = anonymous.get("/admin/preferences/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(translator)
    assert strict.post("/admin/preferences/", {"interface_language": "el"}).status_code == 403
    assert not Profile.objects.filter(user=translator, interface_language="el").exists()


@pytest.mark.parametrize(
    ("language", "section", "title"),
    [
        ("tr", "İş sonuçları", "İş sonucu seçin"),
        ("ar", "نتائج المهام", "اختر نتيجة مهمة"),
    ],
)
def test_the_job_queue_screens_speak_the_persons_language(db, client, language, section, title):
    admin = get_user_model().objects.create_superuser("root", password="pw-root")
    Profile.objects.create(user=admin, interface_language=language)
    client.force_login(admin)
    assert section in client.get("/admin/").content.decode()
    results = client.get("/admin/django_tasks_database/dbtaskresult/").content.decode()
    assert title in results  # "Select task result to view", in Django's words and havza's
