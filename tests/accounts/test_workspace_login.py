"""Translators log into /translate/ with a language grant alone, in their own language, and
are invited by an editor with a link that sets their password."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import Client

from havza.accounts import invitations
from havza.jobs.worker import run_due_jobs
from havza.translation.models import LanguageGrant, Role

User = get_user_model()


def translator(name="layla", lang="ar", password="a long passphrase 7"):
    user = User.objects.create_user(name, email=f"{name}@shores.example", password=password)
    LanguageGrant.objects.create(user=user, language=lang, role=Role.TRANSLATOR)
    return user


def editor(langs=("ar",)):
    user = User.objects.create_user("eda", email="eda@shores.example", password="x")
    for lang in langs:
        LanguageGrant.objects.create(user=user, language=lang, role=Role.EDITOR)
    return user


@pytest.mark.django_db
def test_a_language_grant_is_enough_to_log_into_the_workspace():
    translator()
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    asked = client.get("/translate/")
    assert asked.status_code == 302 and asked["Location"].startswith("/translate/login/")
    page = client.get(asked["Location"])
    assert page.status_code == 200
    assert b'lang="ar" dir="rtl"' in page.content
    logged = client.post(
        asked["Location"], {"username": "layla", "password": "a long passphrase 7"}
    )
    assert logged.status_code == 302 and logged["Location"] == "/translate/"
    assert client.get("/translate/").status_code == 200


@pytest.mark.django_db
def test_wrong_passwords_on_the_workspace_login_are_throttled_like_the_admins(settings):
    translator()
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/translate/login/", {"username": "layla", "password": "wrong"})
    locked = client.post(
        "/translate/login/", {"username": "layla", "password": "a long passphrase 7"}
    )
    assert locked.status_code == 429


@pytest.mark.django_db
def test_the_admin_login_tells_a_translator_where_to_log_in():
    translator()
    page = Client().post("/admin/login/", {"username": "layla", "password": "a long passphrase 7"})
    assert page.status_code == 200
    assert "/translate/login/" in page.content.decode()
    wrong = Client().post("/admin/login/", {"username": "layla", "password": "nope"})
    assert "/translate/login/" not in wrong.content.decode()  # a guess learns nothing


@pytest.mark.django_db
def test_a_translator_is_not_shown_coverage_nor_invitations():
    client = Client()
    client.force_login(translator())
    page = client.get("/translate/").content.decode()
    assert "/translate/coverage/" not in page and "/translate/invite/" not in page
    assert client.get("/translate/invite/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_an_editor_invites_a_translator_who_sets_a_password_from_the_mail(mailoutbox):
    client = Client()
    client.force_login(editor(("ar", "fa")))
    form = client.get("/translate/invite/").content.decode()
    assert 'name="languages" value="ar"' in form and 'name="languages" value="fa"' in form
    assert 'name="languages" value="tr"' not in form
    sent = client.post(
        "/translate/invite/",
        {"email": "Mona@Shores.example", "name": "Mona", "languages": ["ar"],
         "role": Role.TRANSLATOR, "interface_language": "ar"},
    )  # fmt: skip
    assert sent.status_code == 302
    mona = User.objects.get(email="Mona@shores.example")
    assert not mona.is_staff and not mona.has_usable_password()
    assert list(mona.language_grants.values_list("language", "role")) == [("ar", "translator")]
    assert mailoutbox == []  # the worker sends it
    assert run_due_jobs() == 1
    [mail] = mailoutbox
    assert mail.to == ["Mona@shores.example"]
    assert "مرحبًا" in mail.body or "Mona" in mail.body
    link = re.search(r"https?://\S+/translate/welcome/\S+/", mail.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    invitee = Client()
    form = invitee.get("/" + path, follow=True)
    assert form.status_code == 200 and b"new_password1" in form.content
    done = invitee.post(
        form.redirect_chain[-1][0],
        {"new_password1": "sea of olives 42", "new_password2": "sea of olives 42"},
    )
    assert done.status_code == 302 and done["Location"] == "/translate/"
    assert invitee.get("/translate/").status_code == 200
    # The link worked once.
    again = Client().get("/" + path, follow=True)
    assert b"new_password1" not in again.content


@pytest.mark.django_db
def test_an_editor_cannot_grant_a_language_they_do_not_edit():
    client = Client()
    client.force_login(editor(("ar",)))
    refused = client.post(
        "/translate/invite/",
        {"email": "x@shores.example", "languages": ["tr"], "role": Role.TRANSLATOR,
         "interface_language": "tr"},
    )  # fmt: skip
    assert refused.status_code == 200 and not User.objects.filter(email="x@shores.example")
    with pytest.raises(PermissionDenied):
        invitations.invite(
            User.objects.get(username="eda"), email="y@shores.example", name="",
            codes=["tr"], role=Role.TRANSLATOR, interface_language="tr",
        )  # fmt: skip


@pytest.mark.django_db
def test_an_invitation_link_expires(settings):
    ed = editor()
    invitation = invitations.invite(
        ed, email="old@shores.example", name="", codes=["ar"], role=Role.TRANSLATOR,
        interface_language="ar",
    )  # fmt: skip
    settings.PASSWORD_RESET_TIMEOUT = -1
    path = invitation.link.split("://", 1)[1].split("/", 1)[1]
    page = Client().get("/" + path, follow=True)
    assert b"new_password1" not in page.content
