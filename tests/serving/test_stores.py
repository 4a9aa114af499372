"""The stores of kept pages: several processes, one invalidation; Redis shared by servers."""

from __future__ import annotations

import os
import socket
import uuid

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from havza.serving.pages import variants_of
from havza.serving.store import LocalStore, SharedStore

REDIS = ("127.0.0.1", 6379)


def page(text: str) -> dict:
    body = f"<!DOCTYPE html><title>{text}</title>{'x' * 300}".encode()
    return variants_of(200, [("Content-Type", "text/html; charset=utf-8")], body)


def title_of(variant) -> bytes:
    return variant.body.split(b"<title>")[1].split(b"</title>")[0]


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_cache(require):
    """Django's Redis cache on the machine's Redis, under a key prefix of its own."""
    must = "1" in (os.environ.get("HAVZA_REQUIRE_POSTGRES"), os.environ.get("HAVZA_REQUIRE_REDIS"))
    if must and not redis_reachable():
        pytest.fail("Redis must be reachable at 127.0.0.1:6379 here")
    require("redis", redis_reachable(), "Redis is not reachable at 127.0.0.1:6379")
    prefix = f"havza-test-{uuid.uuid4().hex}"
    cache = RedisCache("redis://127.0.0.1:6379/0", {"KEY_PREFIX": prefix})
    yield cache
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def local_pair(tmp_path):
    log = tmp_path / "page-cache.log"
    return LocalStore(log), LocalStore(log)


@pytest.fixture(params=["local", "locmem", "redis"])
def two_processes(request, tmp_path):
    """Two stores as two server processes (or two app servers) see the same pages."""
    if request.param == "local":
        return local_pair(tmp_path)
    if request.param == "locmem":
        cache = LocMemCache(f"stores-{uuid.uuid4().hex}", {})
        return SharedStore(cache), SharedStore(cache)
    cache = request.getfixturevalue("redis_cache")
    other = RedisCache("redis://127.0.0.1:6379/0", {"KEY_PREFIX": cache.key_prefix})
    return SharedStore(cache), SharedStore(other)


def test_kept_page_is_answered_in_each_encoding(two_processes):
    one, _two = two_processes
    variant, token = one.lookup("/en/", "br")
    assert variant is None
    assert one.put("/en/", page("home"), token)
    for encoding in ("br", "gzip", ""):
        found, _token = one.lookup("/en/", encoding)
        assert found is not None
        assert found.etag.startswith("W/") == bool(encoding)


def test_an_invalidation_in_one_process_reaches_the_other(two_processes):
    one, two = two_processes
    for store in (one, two):
        _none, token = store.lookup("/en/works/a/", "")
        store.put("/en/works/a/", page("old"), token)
        _none, token = store.lookup("/en/", "")
        store.put("/en/", page("home"), token)
    one.invalidate({"/en/works/a/"})
    assert two.lookup("/en/works/a/", "")[0] is None
    assert one.lookup("/en/works/a/", "")[0] is None
    assert title_of(two.lookup("/en/", "")[0]) == b"home"  # only what was named


def test_flush_drops_every_page_everywhere(two_processes):
    one, two = two_processes
    for path in ("/en/", "/tr/"):
        _none, token = two.lookup(path, "")
        two.put(path, page(path), token)
    one.flush()
    assert two.lookup("/en/", "")[0] is None
    assert two.lookup("/tr/", "")[0] is None


def test_a_page_rendered_before_an_invalidation_is_never_answered(two_processes):
    """A process reads the page's data, the change commits and invalidates it elsewhere,
    then the process keeps what it rendered from the old data: it must not be answered."""
    one, two = two_processes
    _none, token = two.lookup("/en/works/a/", "")
    one.invalidate({"/en/works/a/"})
    two.put("/en/works/a/", page("stale"), token)
    assert two.lookup("/en/works/a/", "")[0] is None
    assert one.lookup("/en/works/a/", "")[0] is None
    _none, token = two.lookup("/en/works/a/", "")
    two.put("/en/works/a/", page("fresh"), token)
    assert title_of(two.lookup("/en/works/a/", "")[0]) == b"fresh"


def test_a_page_rendered_before_a_flush_is_never_answered(two_processes):
    one, two = two_processes
    _none, token = two.lookup("/en/", "")
    one.flush()
    two.put("/en/", page("stale"), token)
    assert two.lookup("/en/", "")[0] is None


def test_an_evicted_version_never_brings_an_old_page_back(redis_cache):
    store = SharedStore(redis_cache)
    _none, token = store.lookup("/en/", "")
    store.put("/en/", page("old"), token)
    store.invalidate({"/en/"})
    redis_cache.delete(store._version_key("/en/"))  # Redis evicted the version
    assert store.lookup("/en/", "")[0] is None


def test_the_log_is_replaced_when_large_and_every_process_drops_all(tmp_path, monkeypatch):
    one, two = local_pair(tmp_path)
    monkeypatch.setattr(LocalStore, "COMPACT_AT", 200)
    _none, token = two.lookup("/en/", "")
    two.put("/en/", page("home"), token)
    for number in range(20):
        one.invalidate({f"/en/works/{number}/"})
    assert (tmp_path / "page-cache.log").stat().st_size <= 200
    assert two.lookup("/en/", "")[0] is None


def test_a_process_started_later_keeps_pages_invalidated_before(tmp_path):
    one = LocalStore(tmp_path / "page-cache.log")
    one.invalidate({"/en/"})
    later = LocalStore(tmp_path / "page-cache.log")
    _none, token = later.lookup("/en/", "")
    assert later.put("/en/", page("home"), token)
    assert later.lookup("/en/", "")[0] is not None


def test_memory_is_bounded(tmp_path):
    store = LocalStore(tmp_path / "page-cache.log", max_bytes=8_000)
    for number in range(100):
        _none, token = store.lookup(f"/en/{number}/", "")
        store.put(f"/en/{number}/", page(str(number)), token)
    assert 0 < len(store) < 100
    assert store.lookup("/en/99/", "")[0] is not None  # the most recent stay
    assert store.lookup("/en/0/", "")[0] is None


@pytest.mark.django_db
def test_app_servers_sharing_redis_serve_an_edit_at_once(
    redis_cache, network, django_capture_on_commit_callbacks
):
    """Two app servers, one Redis: a page kept by one is answered by the other, and an edit
    committed through either is on both at once."""
    from havza.publishing import changes
    from havza.serving import store as stores
    from tests.serving.conftest import Live

    one, two = Live(SharedStore(redis_cache)), Live(SharedStore(redis_cache))
    t = network["translations"]["en"]
    url = t.get_absolute_url()
    assert b"day of victory" in one.get(url).body
    calls = two.django.calls
    assert b"day of victory" in two.get(url).body
    assert two.django.calls == calls  # kept by the other server

    stores.use(SharedStore(redis_cache))  # the store the committing process invalidates
    try:
        with django_capture_on_commit_callbacks(execute=True), changes.changing([t.work_id]):
            t.title = "Long live the day of peace"
            t.save()
    finally:
        stores.use(None)
    assert b"day of peace" in two.get(url).body
    assert b"day of peace" in one.get(url).body
