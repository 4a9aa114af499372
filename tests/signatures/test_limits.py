"""The sign-on rate limits are counted once for the whole site: every server process sees the
same counts (in the database unless a shared cache is configured), a restart forgets none,
and two processes counting at the same moment never both take the last place."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.utils import timezone

from havza.signatures import limits, services
from havza.signatures.defences import Limited, check_limits
from havza.signatures.models import LimitCount, Signature

from .conftest import form

T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


class ServerProcess:
    """Stands for one worker process of `havza serve`: its own thread, hence its own
    database connection, and its own memory (the local cache is emptied before each use)."""

    def __init__(self):
        self.pool = ThreadPoolExecutor(max_workers=1)

    def __call__(self, function, *args, **kwargs):
        def run():
            cache.clear()
            return function(*args, **kwargs)

        return self.pool.submit(run).result()

    def stop(self):
        self.pool.submit(connections.close_all).result()
        self.pool.shutdown()


@pytest.fixture
def processes():
    started = [ServerProcess(), ServerProcess()]
    yield started
    for process in started:
        process.stop()


def test_without_a_shared_cache_the_limits_count_in_the_database(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert not limits.in_cache()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379",
        }
    }
    assert limits.in_cache()


@pytest.mark.django_db(transaction=True)
def test_two_server_processes_share_one_limit(client, settings, processes, statement):
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "ip_burst": (3, 60)}
    sign_on, _en, _ar = statement
    path = f"/en/signon/{sign_on.pk}/"
    first, second = processes

    def post(n):
        return client.post(path, form(email=f"p{n}@example.org"), REMOTE_ADDR="203.0.113.50")

    answers = [(first if n % 2 else second)(post, n).status_code for n in range(3)]
    assert answers == [302, 302, 302]
    refused = first(post, 3)  # the fourth, whichever process takes it
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    assert second(post, 4).status_code == 429
    assert Signature.objects.count() == 3
    other = client.post(path, form(email="q@example.org"), REMOTE_ADDR="203.0.113.51")
    assert other.status_code == 302  # another address goes on


@pytest.mark.django_db(transaction=True)
def test_a_count_survives_a_restart_and_a_new_window_starts_afresh(settings, processes):
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "ip_burst": (2, 60)}
    first, second = processes
    first(check_limits, 5, "198.51.100.3", "example.org", now=T0)
    second(check_limits, 5, "198.51.100.3", "example.org", now=T0 + dt.timedelta(seconds=10))
    with pytest.raises(Limited) as limited:
        first(check_limits, 5, "198.51.100.3", "example.org", now=T0 + dt.timedelta(seconds=59))
    # Retry-After: the seconds left of the minute that began with the first sign-on.
    assert limited.value.layer == "ip_burst" and limited.value.retry_after == 1
    # The minute that began with the first sign-on is over: counting starts again.
    later = T0 + dt.timedelta(seconds=60)
    second(check_limits, 5, "198.51.100.3", "example.org", now=later)
    first(check_limits, 5, "198.51.100.3", "example.org", now=later)
    with pytest.raises(Limited):
        second(check_limits, 5, "198.51.100.3", "example.org", now=later)


@pytest.mark.django_db
def test_a_refused_sign_on_is_not_counted_against_the_statement(settings):
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "ip_burst": (1, 60)}
    check_limits(9, "198.51.100.4", "example.org", now=T0)
    for _ in range(5):
        with pytest.raises(Limited):
            check_limits(9, "198.51.100.4", "example.org", now=T0)
    assert LimitCount.objects.get(key="havza:signon:statement:9").count == 1


@pytest.mark.django_db
def test_a_long_email_domain_is_counted_under_its_hash(settings):
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "domain": (1, 3600)}
    domain = "a" * 60 + "." + "b" * 60 + "." + "c" * 60 + "." + "d" * 60 + ".example"
    check_limits(10, "198.51.100.5", domain, now=T0)
    with pytest.raises(Limited) as limited:
        check_limits(10, "198.51.100.6", domain, now=T0)
    assert limited.value.layer == "domain"


@pytest.mark.django_db
def test_the_purge_forgets_counts_whose_window_has_ended(settings):
    check_limits(11, "198.51.100.8", "example.org", now=T0)
    assert LimitCount.objects.count() == 4
    counted = services.purge(now=T0 + dt.timedelta(hours=1))
    assert counted["limit_counts_expired"] == 3  # the day's count of the address stays
    (kept,) = LimitCount.objects.values_list("key", flat=True)
    assert kept.startswith("havza:signon:ip_daily:")


@pytest.mark.django_db(transaction=True)
def test_processes_counting_at_once_never_share_the_last_place(settings):
    """Many sign-ons from one address at the same moment: exactly the limit goes through."""
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory test database of SQLite takes one writer and no waiting")
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "ip_burst": (5, 60)}
    start = threading.Barrier(12)

    def attempt(_n):
        start.wait()
        try:
            check_limits(12, "198.51.100.9", "example.org", now=timezone.now())
        except Limited:
            return False
        finally:
            connections.close_all()
        return True

    with ThreadPoolExecutor(max_workers=12) as pool:
        allowed = list(pool.map(attempt, range(12)))
    assert allowed.count(True) == 5


@pytest.mark.django_db(transaction=True)
def test_only_the_counts_commit_without_waiting_for_the_disk():
    """On PostgreSQL the counts' own transaction does not wait for the disk; a signature's
    transaction, before or around them, still does."""
    if connection.vendor != "postgresql":
        pytest.skip("a setting of PostgreSQL")

    def waits() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    check_limits(13, "198.51.100.10", "example.org")
    assert waits() == "on"
    with transaction.atomic():
        check_limits(13, "198.51.100.11", "example.org")
        assert waits() == "on"
