"""Who is answered from the cache, and how: encodings, validators, HEAD, private requests."""

from __future__ import annotations

import gzip

import brotli
import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(network, live):
    address = network["translations"]["en"].get_absolute_url()
    first = live.get(address)
    assert first.status == 200
    return address


def test_a_kept_page_is_answered_without_django(live, url):
    calls = live.django.calls
    again = live.get(url)
    assert again.status == 200 and b"Long live the day of victory" in again.body
    assert live.get(url + "?utm_source=feed").body == again.body  # the path names the page
    assert live.request("HEAD", url).body == b""
    assert live.django.calls == calls


def test_kept_pages_keep_their_headers_and_encodings(live, url):
    plain = live.get(url)
    assert plain.headers["cache-control"] == "public, max-age=300"
    assert plain.headers["content-security-policy"].startswith("default-src 'self'")
    assert plain.headers["x-frame-options"] == "DENY"
    assert "accept-encoding" in plain.headers["vary"].lower()
    assert "content-encoding" not in plain.headers
    etag = plain.headers["etag"]
    assert etag.startswith('"')

    br = live.get(url, {"Accept-Encoding": "gzip, deflate, br"})
    assert br.headers["content-encoding"] == "br"
    assert brotli.decompress(br.body) == plain.body
    assert br.headers["etag"] == "W/" + etag
    assert int(br.headers["content-length"]) == len(br.body)

    gz = live.get(url, {"Accept-Encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip"
    assert gzip.decompress(gz.body) == plain.body

    assert "content-encoding" not in live.get(url, {"Accept-Encoding": "br;q=0, gzip;q=0"}).headers


def test_a_current_copy_is_answered_304(live, url):
    etag = live.get(url).headers["etag"]
    calls = live.django.calls
    for tag in (etag, "W/" + etag, f'"other", {etag}'):
        answer = live.get(url, {"If-None-Match": tag, "Accept-Encoding": "br"})
        assert answer.status == 304 and answer.body == b""
        assert answer.headers["etag"] == "W/" + etag
        assert "content-length" not in answer.headers
    assert live.get(url, {"If-None-Match": '"other"'}).status == 200
    assert live.django.calls == calls


def test_logged_in_readers_are_never_answered_from_the_cache(live, url, django_user_model):
    editor = django_user_model.objects.create_user("editor", password=None, is_staff=True)
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    calls = live.django.calls
    answer = live.get(url, {"Cookie": f"sessionid={session}"})
    assert answer.status == 200
    assert live.django.calls == calls + 1
    assert "no-cache" in answer.headers["cache-control"]  # and it was not kept either:
    assert live.get(url).headers["cache-control"] == "public, max-age=300"
    assert live.django.calls == calls + 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Cookie": "csrftoken=abc"},
        {"Cookie": "theme=dark; sessionid=nope"},
        {"Authorization": "Basic YTpi"},
        {"Host": "evil.example"},
    ],
    ids=["csrf cookie", "session cookie", "authorization", "other host"],
)
def test_private_requests_go_to_django(live, url, headers):
    calls = live.django.calls
    live.get(url, headers)
    assert live.django.calls == calls + 1


def test_other_cookies_do_not_keep_readers_from_the_cache(live, url):
    calls = live.django.calls
    assert live.get(url, {"Cookie": "theme=dark"}).status == 200
    assert live.django.calls == calls


def test_posts_are_never_answered_from_the_cache(live, url):
    calls = live.django.calls
    answer = live.request(
        "POST", url, body=b"a=1", CONTENT_TYPE="application/x-www-form-urlencoded"
    )
    assert live.django.calls == calls + 1
    assert answer.status != 200  # Django's answer (a CSRF refusal), not the kept page


def test_pages_outside_the_catalogue_and_missing_pages_are_not_kept(live, network):
    for address in ("/en/works/no-such-work/", "/admin/login/", "/en/"):
        live.get(address)
    calls = live.django.calls
    assert live.get("/en/works/no-such-work/").status == 404
    assert live.get("/admin/login/").status == 200
    assert live.get("/en/").status == 200
    assert live.django.calls == calls + 2  # the home page is kept; 404s and the admin are not


def test_plain_http_is_not_answered_when_the_site_is_https(settings, page_store, url, network):
    from tests.serving.conftest import Live

    settings.SECURE_SSL_REDIRECT = True
    https = Live(page_store)
    calls = https.django.calls
    assert https.get(url).status == 301
    assert https.django.calls == calls + 1
