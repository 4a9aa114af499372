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


@pytest.mark.django_db
def test_every_challenge_is_new_and_sent_with_the_headers_django_sent_the_first(served):
    first = served.get("/signon/challenge.json")  # through Django
    again = [served.get("/signon/challenge.json") for _ in range(2)]
    challenges = [json.loads(answer.body) for answer in (first, *again)]
    assert len({c["challenge"] for c in challenges}) == 3
    for answer in again:
        assert answer.status == 200
        assert {k: v for k, v in answer.headers.items() if k not in ("expires", "date")} == {
            k: v for k, v in first.headers.items() if k not in ("expires", "date", "content-length")
        } | {"content-length": str(len(answer.body))}
        assert answer.headers["expires"]
    # Each is a challenge of this site, solved and accepted once.
    payload = challenge.solve(challenges[-1])
    assert challenge.solved(payload) and not challenge.solved(payload)


@pytest.mark.django_db
def test_a_challenge_to_a_host_the_site_does_not_serve_is_refused(served, settings):
    settings.ALLOWED_HOSTS = ["havza.example"]
    assert served.get("/signon/challenge.json", HTTP_HOST="havza.example").status == 200
    assert served.get("/signon/challenge.json", HTTP_HOST="evil.example").status == 400
    assert served.get("/signon/challenge.json", HTTP_HOST="havza.example").status == 200


def rebuilt(served):
    """SERVED as a server started with the settings as they are now."""
    served.app = PageCache(SignOnRoutes(WSGIHandler()), served.app.store)
    return served


@pytest.mark.django_db
def test_a_plain_challenge_goes_to_https_and_a_secure_one_keeps_its_own_headers(served, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    served = rebuilt(served)
    plain = [served.get("/signon/challenge.json") for _ in range(2)]
    assert all(a.status == 200 for a in plain)
    assert all("strict-transport-security" not in a.headers for a in plain)
    secure = [served.get("/signon/challenge.json", **{"wsgi.url_scheme": "https"}) for _ in "12"]
    assert all(a.headers["strict-transport-security"] == "max-age=3600" for a in secure)
    settings.SECURE_SSL_REDIRECT = True
    served = rebuilt(served)
    served.get("/signon/challenge.json", **{"wsgi.url_scheme": "https"})
    for _ in range(2):
        answer = served.get("/signon/challenge.json")
        assert answer.status == 301 and answer.headers["location"].startswith("https://")
