"""Where the sign-on rate limits count: in one place shared by every process of the site.

With a shared cache whose increments are atomic (Redis, named by HAVZA_CACHE_URL, or
memcached), in the cache. Otherwise in the database, whose table of counts every server
process sees and which a restart does not forget: one statement per limit counts a sign-on
and answers the new count, so that two processes counting at once never both see the last
free place (SQLite 3.35 or later, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from havza.signatures.models import LimitCount

# Cache backends shared by every process whose increments are atomic.
SHARED_CACHES = frozenset(
    {
        "django.core.cache.backends.redis.RedisCache",
        "django.core.cache.backends.memcached.PyMemcacheCache",
        "django.core.cache.backends.memcached.PyLibMCCache",
    }
)


def in_cache() -> bool:
    """Whether the limits count in Django's cache (shared and atomic) or in the database."""
    return settings.CACHES["default"]["BACKEND"] in SHARED_CACHES


def _key(key: str) -> str:
    """KEY as stored: a long one (an email domain can take 253 characters) as its hash."""
    if len(key) <= LimitCount._meta.get_field("key").max_length:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _upsert_sql() -> str:
    q = connection.ops.quote_name
    table, key, end, count = (
        q(LimitCount._meta.db_table),
        q("key"),
        q("window_end"),
        q("count"),
    )
    # Every expression of SET reads the row as it was before the statement.
    return (
        f"INSERT INTO {table} ({key}, {end}, {count}) VALUES (%s, %s, 1) "
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{end} > %s THEN {table}.{count} + 1 ELSE 1 END, "
        f"{end} = CASE WHEN {table}.{end} > %s THEN {table}.{end} ELSE excluded.{end} END "
        f"RETURNING {count}, {end}"
    )


def _cache_hit(key: str, limit: int, window: int) -> bool:
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def count(
    checks: list[tuple[str, int, int]], *, now: dt.datetime | None = None
) -> tuple[int, int] | None:
    """Count one sign-on against each (key, limit, window in seconds) of CHECKS, in order, and
    stop at the first whose limit it passes: its index and the seconds until its window ends
    (the whole window when counted in the cache), or None when every one allows it. A window
    starts with the first sign-on counted in it."""
    if in_cache():
        for index, (key, limit, window) in enumerate(checks):
            if not _cache_hit(key, limit, window):
                return index, window
        return None
    seconds = int((now or timezone.now()).timestamp())
    sql = _upsert_sql()
    # One short transaction for every layer: on SQLite one write lock and one commit, taken
    # before the sign-on's own; on PostgreSQL the rows stay locked only while it runs.
    own = not connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if own and connection.vendor == "postgresql":
            # Its commit need not wait for the disk (a crash of the database server may lose
            # the last fraction of a second of counts, never a signature): about half the
            # cost. Only in a transaction of its own, so the sign-on's commit still waits.
            cursor.execute("SET LOCAL synchronous_commit = off")
        for index, (key, limit, window) in enumerate(checks):
            cursor.execute(sql, [_key(key), seconds + window, seconds, seconds])
            counted, window_end = cursor.fetchone()
            if counted > limit:
                return index, max(1, window_end - seconds)
    return None


def forget_expired(*, now: dt.datetime | None = None) -> int:
    """Delete the counts whose window has ended (the purge job): how many."""
    seconds = int((now or timezone.now()).timestamp())
    return LimitCount.objects.filter(window_end__lte=seconds).delete()[0]
