"""Rows a sign-on writes and reads on every request, with SQL written once per process.

The ORM compiles a query anew for each call (a few tenths of a millisecond, more than the
database then takes); a sign-on needs the same three statements every time, so they are
compiled here once and run with the values of each sign-on. The values still go through the
fields (defaults, ``auto_now_add``, database conversions), as the ORM's would."""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model


def _connection():
    """The default database's connection of this thread (without the proxy's look-up on
    every use of ``django.db.connection``)."""
    return connections[DEFAULT_DB_ALIAS]


@cache
def _insert_sql(model: type[Model], vendor: str) -> tuple[str, tuple]:
    q = _connection().ops.quote_name
    fields = tuple(f for f in model._meta.concrete_fields if not f.primary_key or f.has_default())
    columns = ", ".join(q(f.column) for f in fields)
    places = ", ".join(["%s"] * len(fields))
    pk = q(model._meta.pk.column)
    sql = (
        f"INSERT INTO {q(model._meta.db_table)} ({columns}) VALUES ({places}) "
        f"ON CONFLICT DO NOTHING RETURNING {pk}"
    )
    return sql, fields


def insert(obj: Model) -> bool:
    """Insert OBJ in one statement: True, with its primary key set, or False when a unique
    constraint already holds a row like it (nothing written)."""
    connection = _connection()
    sql, fields = _insert_sql(type(obj), connection.vendor)
    values = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    obj.pk = obj._meta.pk.to_python(row[0])
    obj._state.adding = False
    obj._state.db = connection.alias
    return True


@cache
def _select_sql(model: type[Model], vendor: str) -> tuple[str, tuple[str, ...]]:
    q = _connection().ops.quote_name
    names = tuple(f.attname for f in model._meta.concrete_fields)
    columns = ", ".join(q(f.column) for f in model._meta.concrete_fields)
    sql = f"SELECT {columns} FROM {q(model._meta.db_table)} WHERE {q(model._meta.pk.column)} = %s"
    return sql, names


def get(model: type[Model], pk) -> Model | None:
    """The MODEL row whose primary key is PK, or None (as ``filter(pk=pk).first()``)."""
    connection = _connection()
    sql, names = _select_sql(model, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for i, field in enumerate(model._meta.concrete_fields):
        col = field.get_col(model._meta.db_table)
        for convert in connection.ops.get_db_converters(col) + col.get_db_converters(connection):
            values[i] = convert(values[i], col, connection)
    return model.from_db(connection.alias, names, values)


def enqueue(task, *args) -> None:
    """Enqueue TASK(*ARGS) as ``task.enqueue`` does, with its row written by ``insert`` when
    the jobs are kept in the database (else by the task's own backend)."""
    from django_tasks.signals import task_enqueued
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        task.enqueue(*args)
        return
    backend.validate_task(task)
    row = DBTaskResult(
        id=backend._get_id(),
        args_kwargs={"args": list(args), "kwargs": {}},
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after or get_date_max(),
        backend_name=backend.alias,
    )
    insert(row)
    task_enqueued.send(type(backend), task_result=row.task_result)


# SQLite takes one writer at a time. A sign-on that finds the database locked sleeps and
# tries again (1, 2, 5, 10 ms... while the lock is free again within a fraction of a
# millisecond), and under load most of a busy server's sign-ons would wait so, the cores
# idle. So the sign-ons of a server take turns first: the threads of a process on a lock,
# the processes on a lock of the file beside the database, which wakes the next at once.
_turn = threading.Lock()
_turn_file: dict[str, tuple[int, int]] = {}  # database -> (process id, descriptor)


def _lock_file(database: str) -> int | None:
    if not database or database == ":memory:" or _connection().is_in_memory_db():
        return None
    kept = _turn_file.get(database)
    if kept is not None and kept[0] == os.getpid():
        return kept[1]
    # A process opens its own (one inherited across a fork would be the same lock).
    fd = os.open(f"{database}-writers.lock", os.O_RDWR | os.O_CREAT, 0o600)
    _turn_file[database] = (os.getpid(), fd)
    return fd


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Wait for this server's turn to write (SQLite), then hold it while the block runs."""
    connection = _connection()
    if connection.vendor != "sqlite":
        yield
        return
    with _turn:
        fd = _lock_file(str(connection.settings_dict["NAME"]))
        if fd is None:
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
