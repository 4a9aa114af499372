"""A signature sent to the served site skips the middleware it has no use for (sessions,
logins, CSRF, messages, static files) and keeps what makes an answer safe: the same security
headers as any page, and the host check."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from django.core.handlers.wsgi import WSGIHandler

from havza.serving.lean import SignOnRoutes
from havza.serving.pages import PageCache
from havza.signatures import challenge
from havza.signatures.models import Signature, SignOn
from tests import factories as f

SAFE = ("content-security-policy", "x-frame-options", "x-content-type-options")


@pytest.fixture
def served(live, settings):
    """The application ``havza serve`` runs, asked as a WSGI server asks it."""
    settings.HAVZA_SIGNON_WORK = 200
    live.app = PageCache(SignOnRoutes(WSGIHandler()), live.app.store)
    return live


@pytest.fixture
def sign_on(db):
    work = f.WorkFactory(kind="joint_statement", original_language="en")
    f.TranslationFactory(work=work, language="en", title="Stop the war", status="published")
    return SignOn.objects.create(work=work, moderate=True)


def signed(served, sign_on, host="testserver", **fields):
    data = {
        "type": "individual",
        "name": "Leyla Aydın",
        "country": "TR",
        "email": "leyla@example.org",
        "consent": "1",
        "altcha": challenge.solve(challenge.new_challenge()),
        **fields,
    }
    return served.request(
        "POST",
        f"/en/signon/{sign_on.pk}/",
        body=urlencode(data).encode(),
        CONTENT_TYPE="application/x-www-form-urlencoded",
        HTTP_HOST=host,
    )


@pytest.mark.django_db
def test_a_signature_is_taken_with_the_headers_of_every_page(served, sign_on):
    page = served.get("/en/signon/thanks/")  # through the whole middleware
    answer = signed(served, sign_on)
    assert answer.status == 302 and answer.headers["location"] == "/en/signon/thanks/"
    assert Signature.objects.get().email == "leyla@example.org"
    for header in SAFE:
        assert answer.headers[header] == page.headers[header]
    assert answer.cookies == []  # no session, no CSRF cookie


@pytest.mark.django_db
def test_a_refused_signature_is_answered_in_its_language_with_the_same_headers(served, sign_on):
    answer = signed(served, sign_on, consent="")
    assert answer.status == 400 and "Your signature was not recorded" in answer.body.decode()
    assert all(header in answer.headers for header in SAFE)
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_a_host_the_site_does_not_serve_is_refused(served, sign_on, settings):
    settings.ALLOWED_HOSTS = ["havza.example"]
    assert signed(served, sign_on, host="evil.example").status == 400
    assert not Signature.objects.exists()
    assert signed(served, sign_on, host="havza.example").status == 302


@pytest.mark.django_db
def test_a_challenge_is_fetched_with_the_safe_headers(served):
    answer = served.get("/signon/challenge.json")
    assert answer.status == 200 and json.loads(answer.body)["maxNumber"] == 200
    assert all(header in answer.headers for header in SAFE)
    assert "no-cache" in answer.headers["cache-control"]
