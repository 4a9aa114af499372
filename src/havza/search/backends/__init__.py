"""Search backends behind one interface (``base.Backend``), chosen by the database in use."""

from __future__ import annotations

from dataclasses import replace

from django.db import connections

from havza.search.backends.base import Backend, Filters, Hit
from havza.search.documents import Entry


def get(using: str = "default") -> Backend:
    vendor = connections[using].vendor
    if vendor == "postgresql":
        from havza.search.backends.postgres import PostgresBackend

        return PostgresBackend(using)
    from havza.search.backends.sqlite import SQLiteBackend

    return SQLiteBackend(using)


def prepared(entries: list[Entry], vendors: tuple[str, ...]) -> list[Entry]:
    """ENTRIES with what the backends of VENDORS (database vendors) write made ahead, so that
    the work is done where the entries are analyzed (a worker process in a rebuild), and the
    terms dropped (less to pass back)."""
    if not vendors:
        return entries
    makers = {}
    for vendor in vendors:
        if vendor == "postgresql":
            from havza.search.backends.postgres import PostgresBackend as backend
        else:
            from havza.search.backends.sqlite import SQLiteBackend as backend
        makers[backend.name] = backend.prepare
    return [
        replace(e, title=(), summary=(), body=(), prepared={n: m(e) for n, m in makers.items()})
        for e in entries
    ]


__all__ = ["Backend", "Filters", "Hit", "get", "prepared"]
