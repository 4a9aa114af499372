"""The live site behind its render cache, asked as a WSGI server asks it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.test.client import FakePayload

from havza.export import builder
from havza.serving import store as stores
from havza.serving.pages import PageCache
from tests.export.conftest import paged_reports


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: list[str] = field(default_factory=list)


class CountingApp:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self) -> None:
        self.app = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.app(environ, start_response)


class Live:
    """A WSGI client of the cached application."""

    def __init__(self, store: stores.Store):
        self.django = CountingApp()
        self.app = PageCache(self.django, store)
        self.factory = RequestFactory()

    def request(self, method: str, path: str, headers: dict | None = None, **extra) -> Answer:
        address, _, query = path.partition("?")
        body = extra.pop("body", b"")
        environ = self.factory._base_environ(
            PATH_INFO=unquote_to_bytes(address).decode("iso-8859-1"),
            REQUEST_METHOD=method,
            QUERY_STRING=query,
            CONTENT_LENGTH=str(len(body)),
            **{"wsgi.input": FakePayload(body)},
            **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in (headers or {}).items()},
            **extra,
        )
        captured = {}

        def start_response(status, response_headers, exc_info=None):
            captured["status"] = int(status.split(" ", 1)[0])
            captured["headers"] = response_headers
            return lambda data: None

        # As Django's test client: the test's transaction keeps its connection open.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = self.app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        pairs = captured["headers"]
        return Answer(
            captured["status"],
            {k.lower(): v for k, v in pairs},
            body,
            [v for k, v in pairs if k.lower() == "set-cookie"],
        )

    def get(self, path: str, headers: dict | None = None, **extra) -> Answer:
        return self.request("GET", path, headers, **extra)

    def uncached(self, path: str) -> Answer:
        """The page as Django renders it now, not from the cache."""
        app, self.app = self.app, self.django.app
        try:
            return self.get(path)
        finally:
            self.app = app


@pytest.fixture
def page_store(tmp_path):
    """This process's store: a local one with its own invalidation log."""
    store = stores.LocalStore(tmp_path / "page-cache.log")
    stores.use(store)
    yield store
    stores.use(None)


@pytest.fixture
def live(page_store):
    return Live(page_store)


@pytest.fixture
def site(network, settings):
    """The test network with listings of several pages (two works a page)."""
    works = paged_reports(network, settings, 5)
    return {**network, "reports": works}


def page_addresses(out: Path) -> list[str]:
    cache = PageCache(lambda environ, start_response: [])
    return [a for a in _exported(out) if cache.eligible_path(a)]


def _exported(out: Path) -> list[str]:
    """The addresses of the export's pages that the catalogue serves live (not the root's
    language chooser, the 404 pages, assets or the search index)."""
    found = []
    for target in sorted(out.rglob("*")):
        rel = target.relative_to(out)
        if not target.is_file() or target.suffix not in (".html", ".xml", ".txt"):
            continue
        if rel.parts[0] in ("static", "pagefind") or target.name == "404.html":
            continue
        if rel == Path("index.html"):
            continue
        if target.name == "index.html":
            found.append("/" + rel.parent.as_posix() + "/")
        else:
            found.append("/" + rel.as_posix())
    return found


def export_now(tmp_path: Path, name: str, monkeypatch=None) -> Path:
    """A full export of the site now (without the other apps' steps, such as the search
    index, nor the statement PDFs not kept from before, when MONKEYPATCH is given: only its
    pages are wanted)."""
    out = tmp_path / name
    if monkeypatch is None:
        builder.build(out, jobs=1)
        return out
    monkeypatch.setattr(builder.steps, "run", lambda staging, base_url, previous=None: [])
    with monkeypatch.context() as patch:
        patch.setattr(builder.pdfs, "chunks", lambda items, parts: [])
        builder.build(out, jobs=1)
    return out
