"""A joint statement in English and Arabic open for signatures; signers who solve the real
proof of work (kept small here); mail delivered to a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import re

import pytest
from django.core.cache import cache

from havza.signatures import challenge
from havza.signatures.models import SignOn
from tests import factories as f
from tests.checkers.conftest import browser  # noqa: F401  (Chromium through Playwright)
from tests.jobs.conftest import smtp  # noqa: F401  (the fixture)


@pytest.fixture(autouse=True)
def small_work(settings):
    settings.HAVZA_SIGNON_WORK = 200
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def statement(db):
    work = f.WorkFactory(kind="joint_statement", original_language="en")
    en = f.TranslationFactory(
        work=work, language="en", title="Stop the war", status="published", slug="stop-the-war"
    )
    ar = f.TranslationFactory(
        work=work, language="ar", title="أوقفوا الحرب", status="published", slug="اوقفوا-الحرب"
    )
    sign_on = SignOn.objects.create(work=work, moderate=True)
    return sign_on, en, ar


def form(**fields) -> dict:
    data = {
        "type": "individual",
        "name": "Leyla Aydın",
        "organization_name": "",
        "role": "",
        "country": "TR",
        "email": "leyla@example.org",
        "website": "",
        "consent": "1",
        "homepage": "",
        "altcha": challenge.solve(challenge.new_challenge()),
    }
    data.update(fields)
    return data


def body_of(message) -> str:
    return message.get_payload(decode=True).decode("utf-8")


def subject_of(message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def link(text: str, kind: str) -> str:
    """The path of the first mailed link to KIND ("confirm", "yours")."""
    found = re.search(r"https?://[^/\s]+(/\S*/signon/" + kind + r"/\S+/)", text)
    assert found, text
    return found.group(1)
