"""Rows a sign-on writes on every request, with SQL written once per process and values
made before SQLite's write lock is taken.

The ORM compiles a query anew for each call (a few tenths of a millisecond, more than the
database then takes); a sign-on needs the same two inserts every time, so their SQL is
written here once and run with the values of each sign-on. The values still go through the
fields (defaults, ``auto_now_add``, database conversions), as the ORM's would, but before
the write: while one sign-on holds the write lock, every other one waits, so only the
statements themselves run inside it (``writing``)."""

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


class Insert:
    """The insert of OBJ, its values made now (outside the write lock); ``run`` writes it."""

    def __init__(self, obj: Model):
        connection = _connection()
        self.obj = obj
        self.sql, self.fields = _insert_sql(type(obj), connection.vendor)
        self.values = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in self.fields]

    def set(self, name: str, value) -> None:
        """Give the field NAME another VALUE (one known only once the write began)."""
        setattr(self.obj, name, value)
        for index, field in enumerate(self.fields):
            if field.name == name:
                prepared = field.pre_save(self.obj, True)
                self.values[index] = field.get_db_prep_save(prepared, _connection())

    def run(self) -> bool:
        """Insert the row in one statement: True, with the object's primary key set, or
        False when a unique constraint already holds a row like it (nothing written)."""
        connection = _connection()
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.values)
            row = cursor.fetchone()
        if row is None:
            return False
        obj = self.obj
        obj.pk = obj._meta.pk.to_python(row[0])
        obj._state.adding = False
        obj._state.db = connection.alias
        return True


def insert(obj: Model) -> bool:
    """Insert OBJ in one statement (``Insert(obj).run()``)."""
    return Insert(obj).run()


class Job:
    """A job of TASK, its row made now and written by ``run(*args)`` as ``task.enqueue(*args)``
    would (in the current transaction), when the jobs are kept in the database with the
    table's own ids; else ``run`` calls ``task.enqueue``. ``announce`` then sends the
    ``task_enqueued`` signal (after the write, outside its lock)."""

    def __init__(self, task):
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult, get_date_max

        self.task, self.row = task, None
        backend = task.get_backend()
        if not isinstance(backend, DatabaseBackend) or backend.options.get("id_function"):
            return
        backend.validate_task(task)
        self.backend = backend
        self.row = Insert(
            DBTaskResult(
                args_kwargs={"args": [], "kwargs": {}},
                priority=task.priority,
                task_path=task.module_path,
                queue_name=task.queue_name,
                run_after=task.run_after or get_date_max(),
                backend_name=backend.alias,
            )
        )
        self.written = False

    def run(self, *args) -> None:
        if self.row is None:
            self.task.enqueue(*args)
            return
        self.row.set("args_kwargs", {"args": list(args), "kwargs": {}})
        self.written = self.row.run()

    def announce(self) -> None:
        from django_tasks.signals import task_enqueued

        if self.row is not None and self.written:
            task_enqueued.send(type(self.backend), task_result=self.row.obj.task_result)
            self.written = False


def enqueue(task, *args) -> None:
    """Enqueue TASK(*ARGS) as ``task.enqueue`` does (``Job``)."""
    job = Job(task)
    job.run(*args)
    job.announce()


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
