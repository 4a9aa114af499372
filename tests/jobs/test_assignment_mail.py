"""A translator is told by email, in their own interface language, when a translation is
assigned to them; the mail goes through the worker to a real SMTP server."""

from __future__ import annotations

import email.header

import pytest
from django.contrib.auth import get_user_model

from havza.accounts.models import Profile
from havza.jobs.worker import run_due_jobs
from havza.translation.models import Assignment
from tests import factories as f


def subject_of(message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def translator(username: str, lang: str, address: str = ""):
    user = get_user_model().objects.create_user(username, email=address, password=None)
    Profile.objects.create(user=user, interface_language=lang)
    return user


@pytest.fixture
def statement(db):
    work = f.WorkFactory(kind="statement", original_language="en")
    f.TranslationFactory(work=work, language="en", title="Peace across the sea")
    return work


@pytest.mark.django_db(transaction=True)
def test_an_arabic_translator_is_told_in_arabic_with_a_link_to_the_work(smtp, statement):
    inbox = smtp()
    layla = translator("layla", "ar", "layla@shores.example")
    Assignment.objects.create(work=statement, language="ar", assignee=layla)
    assert run_due_jobs() == 1
    [(_, recipients, message)] = inbox.messages
    assert recipients == ["layla@shores.example"]
    assert subject_of(message) == "يرجى ترجمة «Peace across the sea» إلى العربية"
    body = message.get_payload(decode=True).decode("utf-8")
    assert body.startswith("مرحبًا layla،")
    assert f"http://127.0.0.1:8000/translate/{statement.pk}/ar/" in body


@pytest.mark.django_db(transaction=True)
def test_only_a_new_assignee_is_told(smtp, statement):
    inbox = smtp()
    ayse = translator("ayse", "tr", "ayse@shores.example")
    nikos = translator("nikos", "el", "nikos@shores.example")
    assignment = Assignment.objects.create(work=statement, language="tr", assignee=ayse)
    Assignment.objects.update_or_create(
        work=statement, language="tr", defaults={"assignee": ayse}
    )  # assigned again to the same person: nothing new to say
    assignment.assignee = nikos
    assignment.save()
    run_due_jobs()
    told = [(recipients, subject_of(message)) for _, recipients, message in inbox.messages]
    assert told == [
        (["ayse@shores.example"], "Lütfen “Peace across the sea” metnini Türkçe diline çevirin"),
        (["nikos@shores.example"], "Παρακαλούμε μεταφράστε το «Peace across the sea» στα Τουρκικά"),
    ]


@pytest.mark.django_db(transaction=True)
def test_a_translator_without_an_address_is_not_mailed(smtp, statement):
    smtp()
    Assignment.objects.create(work=statement, language="fa", assignee=translator("dara", "fa"))
    assert run_due_jobs() == 0
