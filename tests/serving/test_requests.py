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


class Counting:
    """A WSGI application counting the requests that reach it."""

    def __init__(self, app):
        self.app = app
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.app(environ, start_response)


def readable(answer) -> tuple[dict, bytes]:
    """An answer's headers and body, uncompressed (Django's gzip adds random bytes against
    BREACH: two compressions of a page differ in their bytes and length)."""
    if answer.headers.get("content-encoding") != "gzip":
        return answer.headers, answer.body
    headers = {k: v for k, v in answer.headers.items() if k != "content-length"}
    return headers, gzip.decompress(answer.body)


@pytest.fixture
def public_live(page_store, settings):
    """The cached application as ``havza serve`` runs it: public pages rendered by the
    PublicHandler (CACHED: with the render cache on or off)."""
    from havza.serving.pages import PageCache
    from havza.serving.public import PublicHandler
    from tests.serving.conftest import Live

    def make(cached: bool) -> Live:
        settings.HAVZA_PAGE_CACHE = cached
        live = Live(page_store)
        live.public = Counting(PublicHandler())
        live.app = PageCache(live.django, page_store, public=live.public)
        return live

    return make


def test_a_reader_without_a_session_gets_what_the_whole_stack_answers(public_live, site):
    """Past the middleware a public page has no use for, the answer is the same: status,
    every header (the security headers, Vary: Cookie, the ETag) and body; 304s and 404s
    too."""
    live = public_live(cached=False)
    work = site["reports"][1].translations.get(language="en").get_absolute_url()
    addresses = [
        work,
        "/en/",
        "/ar/",
        "/en/articles/",
        "/en/articles/page/2/",
        "/en/feed.xml",
        f"{site['topic'].get_absolute_url('en')}",
        site["author"].get_absolute_url("en"),
        "/en/works/no-such-work/",
        "/en/articles/page/9/",
    ]
    etag = None
    for address in addresses:
        for headers in ({}, {"Accept-Encoding": "gzip, br"}):
            lean = live.get(address, headers)
            whole_app, live.app = live.app, live.django.app
            try:
                whole = live.get(address, headers)
            finally:
                live.app = whole_app
            assert (lean.status, readable(lean)) == (whole.status, readable(whole))
            assert lean.cookies == []
            if address == work:
                assert lean.headers["vary"] == "Accept-Encoding, Cookie"
                assert "frame-ancestors 'none'" in lean.headers["content-security-policy"]
                etag = lean.headers["etag"]
    assert live.public.calls == 2 * len(addresses)
    calls = live.public.calls
    assert live.get(work, {"If-None-Match": etag}).status == 304
    assert live.request("HEAD", work).status == 200
    assert live.public.calls == calls + 2


def test_private_requests_and_other_pages_go_through_the_whole_stack(
    public_live, site, django_user_model
):
    for cached in (False, True):
        live = public_live(cached=cached)
        work = site["reports"][1].translations.get(language="en").get_absolute_url()
        editor = django_user_model.objects.get_or_create(username="editor", is_staff=True)[0]
        client = Client()
        client.force_login(editor)
        session = client.cookies["sessionid"].value
        answer = live.get(work, {"Cookie": f"sessionid={session}"})
        assert answer.status == 200 and "no-cache" in answer.headers["cache-control"]
        live.request("POST", work, body=b"a=1", CONTENT_TYPE="application/x-www-form-urlencoded")
        assert live.get("/admin/login/").status == 200
        assert live.get("/en/articles").status == 301  # not a page: the slash is added
        assert live.public.calls == 0
        assert live.get(work).status == 200  # a reader without a session: the public handler
        assert live.public.calls == 1


def test_each_address_answers_its_own_page_when_asked_again(public_live, site):
    """The public handler remembers which view an address has: asked again, in another
    order, every address still answers its own page, and a missing page stays missing."""
    live = public_live(cached=False)
    work = site["reports"][1].translations.get(language="en").get_absolute_url()
    addresses = [work, "/en/", "/ar/", "/en/articles/", "/en/articles/page/2/", "/en/nope/"]
    first = {address: live.get(address) for address in addresses}
    assert [first[a].status for a in addresses] == [200, 200, 200, 200, 200, 404]
    for address in reversed(addresses):
        again = live.get(address)
        assert (again.status, again.body) == (first[address].status, first[address].body)
    assert first["/en/articles/page/2/"].body != first["/en/articles/"].body
