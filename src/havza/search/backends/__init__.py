"""Search backends behind one interface (``base.Backend``), chosen by the database in use."""

from __future__ import annotations

from django.db import connections

from havza.search.backends.base import Backend, Filters, Hit


def get(using: str = "default") -> Backend:
    vendor = connections[using].vendor
    if vendor == "postgresql":
        from havza.search.backends.postgres import PostgresBackend

        return PostgresBackend(using)
    from havza.search.backends.sqlite import SQLiteBackend

    return SQLiteBackend(using)


__all__ = ["Backend", "Filters", "Hit", "get"]
