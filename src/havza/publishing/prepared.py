"""Queries of the public pages compiled once and run again with other values.

A page asks the same few queries on every request, only with another language, slug or
work: Django builds their SQL again each time, which costs several times what the database
takes to answer. Here a query is built once per thread with stand-in values (``Slot``s),
its SQL and the way its rows become objects are kept, and each later run puts the real
values in the stand-ins' places: the same SQL, the same objects, as the ORM would give.

``rows(key, model, build, **values)`` runs the queryset BUILD(**values) (KEY names its
shape: the build function and anything that changes its SQL besides VALUES; values other
than numbers and strings are part of the shape); ``count`` counts its rows; ``prefetched``
does the same for the relations of fetched objects. A value must reach the SQL as a
parameter unchanged (an exact match, an ``in`` of ids): otherwise the query is run by the
ORM as usual.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from itertools import count as counter
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators

MAX_SHAPES = 512  # compiled queries kept per thread (each a few kilobytes)
MAX_INSTANCES = 100  # prefetches for more instances than this are left to the ORM

_local = threading.local()
_ids = counter(1)


class Unprepared(Exception):
    """The query cannot be run with other values in the place of its stand-ins."""


def _stand_in(name: str, value: Any) -> Any:
    """A value for NAME that no real parameter equals, of VALUE's type."""
    if isinstance(value, bool):
        raise Unprepared(name)
    if isinstance(value, int):
        return -(10**15) - next(_ids)
    if isinstance(value, str):
        return f"\x00havza:{name}:{next(_ids)}\x00"
    raise Unprepared(name)


@dataclass
class Compiled:
    sql: str
    params: tuple
    slots: list[tuple[int, str]]  # (position in params, name of the value)
    model: type[Model]
    start: int
    end: int
    init_list: list[str]
    populators: list
    annotations: dict[str, int]
    converters: list
    compiler: Any

    def run(self, using: str, values: dict[str, Any]) -> list[Model]:
        params = list(self.params)
        for position, name in self.slots:
            params[position] = values[name]
        rows = fetch_all(using, self.sql, params)
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        objects = []
        model, start, end, init_list = self.model, self.start, self.end, self.init_list
        for row in rows:
            obj = model.from_db(using, init_list, row[start:end])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, position in self.annotations.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


_FORMAT = re.compile(r"(?<!%)%s")


@lru_cache(maxsize=MAX_SHAPES)
def _qmark(sql: str) -> str:
    """SQL with SQLite's placeholders, as Django's SQLite cursor writes it for each query."""
    return _FORMAT.sub("?", sql).replace("%%", "%")


def fetch_all(using: str, sql: str, params: list) -> list[tuple]:
    """The rows of SQL (with Django's %s placeholders). On SQLite, when no one records or
    wraps the queries (the debug log, a test counting them), the database's own cursor runs
    it: Django's cursor costs more than a page's small query takes."""
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.queries_logged or connection.execute_wrappers:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    connection.validate_no_broken_transaction()
    with connection.wrap_database_errors:
        cursor = connection.connection.cursor()
        try:
            cursor.execute(_qmark(sql), params)
            return cursor.fetchall()
        finally:
            cursor.close()


def _slots(params, stand_ins: dict[str, Any]) -> list[tuple[int, str]]:
    """Where each stand-in is among PARAMS; every one must be there, unchanged."""
    slots = [
        (position, name)
        for name, stand_in in stand_ins.items()
        for position, param in enumerate(params)
        if type(param) is type(stand_in) and param == stand_in
    ]
    placed = {position for position, _name in slots}
    if {name for _position, name in slots} != set(stand_ins) or any(
        isinstance(param, str) and "\x00havza:" in param and position not in placed
        for position, param in enumerate(params)
    ):
        raise Unprepared("a value does not reach the SQL unchanged")
    return slots


def _compile(qs: QuerySet, stand_ins: dict[str, Any]) -> Compiled:
    if (
        qs._prefetch_related_lookups
        or qs._known_related_objects
        or qs._iterable_class is not ModelIterable
        or qs.query.is_empty()
    ):
        raise Unprepared("the queryset does more than fetch rows")
    compiler = qs.query.get_compiler(using=qs.db)
    sql, params = compiler.as_sql()
    slots = _slots(params, stand_ins)
    select, klass_info = compiler.select, compiler.klass_info
    fields = klass_info["select_fields"]
    start, end = fields[0], fields[-1] + 1
    converters = compiler.get_converters([s[0] for s in select[0 : compiler.col_count]])
    return Compiled(
        sql=sql,
        params=tuple(params),
        slots=slots,
        model=klass_info["model"],
        start=start,
        end=end,
        init_list=[f[0].target.attname for f in select[start:end]],
        populators=get_related_populators(klass_info, select, qs.db),
        annotations=dict(compiler.annotation_col_map or {}),
        converters=converters,
        compiler=compiler,
    )


def _kept() -> dict:
    kept = getattr(_local, "compiled", None)
    if kept is None:
        kept = _local.compiled = {}
    return kept


def _remember(key: Hashable, make: Callable[[], Compiled | None]) -> Compiled | None:
    kept = _kept()
    if key in kept:
        return kept[key]
    try:
        compiled = make()
    except Unprepared:
        compiled = None
    if len(kept) >= MAX_SHAPES:
        kept.clear()
    kept[key] = compiled
    return compiled


def forget() -> None:
    """Compile every query again (after the queries of the pages changed)."""
    _local.compiled = {}


def _using(model: type[Model]) -> str:
    return router.db_for_read(model)


def _parameter(value: Any) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)


def _split(key: Hashable, values: dict) -> tuple[Hashable, dict, dict] | None:
    """KEY with the values that are not parameters in it, the stand-ins, those values."""
    fixed = {name: value for name, value in values.items() if not _parameter(value)}
    stand_ins = {name: _stand_in(name, v) for name, v in values.items() if name not in fixed}
    try:
        key = (key, tuple(sorted(fixed.items())))
        hash(key)
    except TypeError:
        return None
    return key, stand_ins, fixed


def rows(
    key: Hashable, model: type[Model], build: Callable[..., QuerySet], /, **values
) -> list[Model] | None:
    """The objects of BUILD(**VALUES), a queryset of MODEL, from SQL compiled once for KEY;
    None when its SQL cannot be kept (run BUILD(**VALUES) then)."""
    split = _split(key, values)
    if split is None:
        return None
    key, stand_ins, fixed = split
    using = _using(model)
    compiled = _remember(
        ("rows", key, using, connections[using].vendor),
        lambda: _compile(build(**stand_ins, **fixed), stand_ins),
    )
    return None if compiled is None else compiled.run(using, values)


def count(
    key: Hashable, model: type[Model], build: Callable[..., QuerySet], /, **values
) -> int | None:
    """How many rows BUILD(**VALUES) has, from SQL compiled once for KEY (None: see rows)."""
    split = _split(key, values)
    if split is None:
        return None
    key, stand_ins, fixed = split
    using = _using(model)

    def make() -> tuple[str, tuple, list]:
        inner = build(**stand_ins, **fixed).order_by().values("pk")
        sql, params = inner.query.get_compiler(using=using).as_sql()
        return f"SELECT COUNT(*) FROM ({sql}) counted", tuple(params), _slots(params, stand_ins)

    compiled = _remember(("count", key, using, connections[using].vendor), make)
    if compiled is None:
        return None
    sql, params, slots = compiled
    params = list(params)
    for position, name in slots:
        params[position] = values[name]
    return fetch_all(using, sql, params)[0][0]
