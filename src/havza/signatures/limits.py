"""Where the sign-on rate limits count: in one place shared by every process of the site.

With a shared cache whose increments are atomic (Redis, named by HAVZA_CACHE_URL, or
memcached), in the cache. Otherwise in the database, whose table of counts every server
process sees and which a restart does not forget: one statement per limit counts a sign-on
and answers the new count, so that two processes counting at once never both see the last
free place (SQLite 3.35 or later, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import functools
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


@functools.cache
def _upsert_sql(rows: int, vendor: str) -> str:
    q = connection.ops.quote_name
    table, key, end, count = (
        q(LimitCount._meta.db_table),
        q("key"),
        q("window_end"),
        q("count"),
    )
    # Every expression of SET reads the row as it was before the statement.
    values = ", ".join(["(%s, %s, 1)"] * rows)
    return (
        f"INSERT INTO {table} ({key}, {end}, {count}) VALUES {values} "
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{end} > %s THEN {table}.{count} + 1 ELSE 1 END, "
        f"{end} = CASE WHEN {table}.{end} > %s THEN {table}.{end} ELSE excluded.{end} END "
        f"RETURNING {key}, {count}, {end}"
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
    keys = [_key(key) for key, _limit, _window in checks]
    params: list = []
    for stored, check in zip(keys, checks, strict=True):
        params += [stored, seconds + check[2]]
    # One statement counts every layer. Called outside a transaction, it runs in one of its
    # own; inside the sign-on's (SQLite: one write lock and one commit for both), in that.
    own = not connection.in_atomic_block
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        if own and connection.vendor == "postgresql":
            # Its commit need not wait for the disk (a crash of the database server may lose
            # the last fraction of a second of counts, never a signature): about half the
            # cost. Only in a transaction of its own, so the sign-on's commit still waits.
            cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute(_upsert_sql(len(checks), connection.vendor), [*params, seconds, seconds])
        counted = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
        for index, stored in enumerate(keys):
            number, window_end = counted[stored]
            if number > checks[index][1]:
                _uncount(cursor, keys[index + 1 :])
                return index, max(1, window_end - seconds)
    return None


def _uncount(cursor, keys: list[str]) -> None:
    """Take back the count of KEYS (the layers after the one that refused a sign-on): a
    refused sign-on counts against no later layer. Their rows are locked by this transaction
    since the count, so nothing else counted them meanwhile."""
    if not keys:
        return
    q = connection.ops.quote_name
    table, key, count = q(LimitCount._meta.db_table), q("key"), q("count")
    places = ", ".join(["%s"] * len(keys))
    cursor.execute(f"UPDATE {table} SET {count} = {count} - 1 WHERE {key} IN ({places})", keys)
    cursor.execute(f"DELETE FROM {table} WHERE {key} IN ({places}) AND {count} <= 0", keys)


def forget_expired(*, now: dt.datetime | None = None) -> int:
    """Delete the counts whose window has ended (the purge job): how many."""
    seconds = int((now or timezone.now()).timestamp())
    return LimitCount.objects.filter(window_end__lte=seconds).delete()[0]
