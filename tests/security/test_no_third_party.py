"""A reader's browser contacts no other host, on the live site or in the export, whatever
the bodies hold; the export carries the site's Content-Security-Policy with it."""

from __future__ import annotations

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from havza import languages
from havza.export import builder
from havza.publishing import middleware
from tests import factories as f
from tests.checkers.conftest import browser  # noqa: F401  (the fixture)
from tests.security.test_sanitizer import KNOWN

ROOT = Path(__file__).resolve().parents[2]
NGINX_SAMPLE = ROOT / "docs" / "export-nginx.conf"
# Bodies a hostile or careless editor could paste: every known trick, and some that would
# load at once if a browser saw them unfiltered.
HOSTILE = [
    *KNOWN,
    '<p>x<img src="\\\\evil.example\\pixel.gif" alt="p"></p>',
    '<picture><source srcset="//evil.example/a.webp"><img src="/\\evil.example/b.png"></picture>',
    '<link rel="stylesheet" href="//evil.example/s.css">',
    '<style>@import "//evil.example/i.css"</style>',
    '<video src="//evil.example/v.mp4" poster="//evil.example/p.png"></video>',
    '<iframe src="//evil.example/"></iframe><object data="//evil.example/o"></object>',
    '<svg><image href="//evil.example/i.png"/></svg>',
    '<p style="background:url(//evil.example/bg.png)">styled</p>',
    "![map](https:\\\\evil.example\\map.png) and [a link](https://example.org/ok)",
]


def meta_policy(html: str) -> str | None:
    node = LexborHTMLParser(html).css_first('meta[http-equiv="Content-Security-Policy"]')
    return node.attributes.get("content") if node else None


@pytest.fixture
def hostile_work(network):
    work = f.WorkFactory(kind="article", original_language="en")
    return f.TranslationFactory(
        work=work, language="en", title="Hostile", body_markdown="\n\n".join(HOSTILE)
    )


@pytest.mark.django_db
def test_pages_carry_the_policy_before_anything_they_load(client, network):
    page = client.get(network["translations"]["ar"].get_absolute_url())
    html = page.content.decode()
    assert meta_policy(html) == middleware.META_CONTENT_SECURITY_POLICY
    # The header says the same, plus what only a header can say.
    header = page.headers["Content-Security-Policy"]
    assert header == middleware.META_CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'"
    head = html.split("</head>")[0]
    assert head.index("Content-Security-Policy") < min(
        head.index(tag) for tag in ("<link", "<title") if tag in head
    )


@pytest.mark.django_db
def test_exported_pages_carry_the_policy(network, tmp_path):
    """Every page carries the site's policy; the static search pages add only what Pagefind's
    WebAssembly needs, and the sample server configuration sends them the same."""
    from havza.search.pages import STATIC_SEARCH_POLICY

    out = tmp_path / "public"
    builder.build(out, jobs=1)
    pages = [p for p in out.rglob("*.html")]
    assert len(pages) > 50
    search_pages = {out / lang / "search" / "index.html" for lang in languages.codes()}
    for page in pages:
        expected = (
            STATIC_SEARCH_POLICY
            if page in search_pages
            else middleware.META_CONTENT_SECURITY_POLICY
        )
        assert meta_policy(page.read_text()) == expected, page
    assert set(pages) >= search_pages
    search_location = NGINX_SAMPLE.read_text().split("/search/ {", 1)[1].split("}", 1)[0]
    sent = re.search(r'Content-Security-Policy "([^"]*)"', search_location)
    assert sent and sent.group(1).replace("; frame-ancestors 'none'", "") == STATIC_SEARCH_POLICY


def sample_headers() -> dict[str, str]:
    """The headers the sample nginx configuration adds to every page."""
    server = NGINX_SAMPLE.read_text().split("\n    location")[0]
    return dict(re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', server))


@pytest.mark.django_db
def test_sample_server_configuration_sends_what_the_live_site_sends(client, network):
    headers = sample_headers()
    live = client.get("/en/").headers
    for name in [
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
    ]:
        assert headers.get(name) == live[name], name
    assert headers["Content-Security-Policy"] == middleware.CONTENT_SECURITY_POLICY
    # Static files are served from a block with its own headers: it repeats the policy.
    static = NGINX_SAMPLE.read_text().split("location /static/")[1]
    assert middleware.CONTENT_SECURITY_POLICY in static and "nosniff" in static


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("website", "shown"),
    [
        ("https://example.org", "https://example.org/"),
        ("javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,x", None),
        ("//evil.example/", None),
    ],
)
def test_organization_website_is_a_link_only_when_it_is_a_web_address(client, website, shown):
    org = f.OrganizationFactory(website=website)  # as an import or the shell could store it
    html = client.get(org.get_absolute_url("en")).content.decode()
    links = [a.attributes.get("href") for a in LexborHTMLParser(html).css(".facts a")]
    assert links == ([shown] if shown else [])


# In a real browser ---------------------------------------------------------------------


def record_requests(context, allowed_host: str) -> list[str]:
    """Requests the pages of CONTEXT make to any host but ALLOWED_HOST (stopped there)."""
    outside: list[str] = []

    def route(r):
        if urlsplit(r.request.url).hostname == allowed_host:
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return outside


@pytest.fixture
def served_export(tmp_path):
    """An HTTP server on 127.0.0.1 serving tmp_path/public, as a mirror would."""
    out = tmp_path / "public"
    out.mkdir()
    handler = partial(SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def hostile_export(hostile_work, served_export) -> tuple[Path, str, str]:
    """The export of the hostile work's site, served: (folder, address, the work's path)."""
    out, export_url = served_export
    builder.build(out, base_url=export_url, jobs=1)
    return out, export_url, hostile_work.get_absolute_url()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_hostile_pages_make_no_request_to_another_host(
    hostile_export,
    live_server,
    browser,  # noqa: F811  (the browser runs an event loop: the database is read before)
):
    """The sanitizer alone keeps every request home (the policy is bypassed here), on the live
    page and the exported one; then the exported page's own policy stops a body that got
    past the sanitizer."""
    out, export_url, path = hostile_export
    for base in (live_server.url, export_url):
        context = browser.new_context(bypass_csp=True)
        outside = record_requests(context, urlsplit(base).hostname)
        page = context.new_page()
        page.goto(base + path, wait_until="load")
        assert page.locator("h1").inner_text() == "Hostile"
        page.goto(base + "/en/", wait_until="load")  # the excerpt on the home page
        context.close()
        assert outside == [], (base, outside)

    # Defence in depth: an exported page whose body holds what the sanitizer would remove.
    exported = builder.file_for(out, path)
    html = exported.read_text()
    exported.write_text(html.replace("</main>", '<img src="//evil.example/x.png"></main>'))
    context = browser.new_context()
    outside = record_requests(context, "127.0.0.1")
    blocked: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(export_url + path, wait_until="load")
    context.close()
    assert outside == []
    assert blocked, "the policy in the page refused the image"
