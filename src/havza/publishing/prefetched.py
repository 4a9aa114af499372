"""Prefetches of the public pages compiled once (``prepared``'s queries, for relations).

``prefetch(instances, relation, queryset)`` does what ``prefetch_related`` does for one
relation of INSTANCES, with the SQL built once per shape and number of instances; each
instance's rows are held by a queryset whose query is made only if something asks for more
than the rows (``Deferred``): filtering, copying or pickling them work as with the ORM.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connections, router
from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.fields.related_descriptors import (
    ManyToManyDescriptor,
    ReverseManyToOneDescriptor,
    _filter_prefetch_queryset,
)

from havza.publishing.prepared import (
    MAX_INSTANCES,
    Compiled,
    Unprepared,
    _compile,
    _remember,
    _stand_in,
)


@dataclass
class CompiledPrefetch:
    query: Compiled
    reverse_field: Any  # the foreign key whose reverse is prefetched (set on each row)
    cache_name: str
    rel_obj_attr: Callable
    instance_attr: Callable
    base: QuerySet | None  # the queryset each instance's related manager filters
    rows_class: type[QuerySet]  # the class of the queryset holding an instance's rows


def _compile_prefetch(
    model: type[Model],
    relation: str,
    queryset: QuerySet | None,
    base: QuerySet | None,
    size: int,
    using: str,
) -> CompiledPrefetch:
    descriptor = getattr(model, relation)
    if not isinstance(descriptor, (ReverseManyToOneDescriptor, ManyToManyDescriptor)):
        raise Unprepared(relation)
    stand_ins = {f"pk{i}": _stand_in("pk", 0) for i in range(size)}
    instances = []
    for value in stand_ins.values():
        instance = model(pk=value)
        instance._state.db = using
        instance._state.adding = False
        instances.append(instance)
    reverse_field = None
    if isinstance(descriptor, ManyToManyDescriptor):
        manager = getattr(instances[0], relation)
        qs, rel_obj_attr, instance_attr, _single, cache_name, _is_descriptor = (
            manager.get_prefetch_querysets(instances, [queryset] if queryset is not None else None)
        )
    else:
        # What the reverse manager's get_prefetch_querysets() builds, without running it.
        reverse_field = descriptor.rel.field
        if queryset is None:
            queryset = descriptor.rel.related_model._default_manager.get_queryset()
        queryset._add_hints(instance=instances[0])
        qs = _filter_prefetch_queryset(
            queryset.using(queryset._db or using), reverse_field.name, instances
        )
        rel_obj_attr = reverse_field.get_local_related_value
        instance_attr = reverse_field.get_foreign_related_value
        cache_name = reverse_field.remote_field.cache_name
    return CompiledPrefetch(
        query=_compile(qs, stand_ins),
        reverse_field=reverse_field,
        cache_name=cache_name,
        rel_obj_attr=rel_obj_attr,
        instance_attr=instance_attr,
        base=base,
        rows_class=_deferred(type(_filtered(instances[0], relation, base))),
    )


def prefetch(
    instances: Iterable[Model],
    relation: str,
    queryset: Callable[[], QuerySet] | None = None,
    to_attr: str | None = None,
    key: Hashable = None,
) -> None:
    """Prefetch RELATION (a reverse foreign key or a many-to-many) of INSTANCES, as
    ``prefetch_related(Prefetch(relation, queryset(), to_attr))`` would. KEY names the
    queryset's shape when there is one."""
    instances = [i for i in instances if not _prefetched(i, relation, to_attr)]
    if not instances:
        return
    model = type(instances[0])
    by_pk: dict = {}
    for instance in instances:
        by_pk.setdefault(instance.pk, instance)
    using = instances[0]._state.db or router.db_for_read(model)
    size = len(by_pk)
    compiled = None
    if size <= MAX_INSTANCES and (queryset is None or key is not None):
        compiled = _remember(
            ("prefetch", model, relation, key, to_attr, size, using, connections[using].vendor),
            lambda: _compile_prefetch(
                model,
                relation,
                queryset() if queryset else None,
                queryset() if queryset and not to_attr else None,
                size,
                using,
            ),
        )
    if compiled is None:
        lookup = Prefetch(relation, queryset() if queryset else None, to_attr=to_attr)
        prefetch_related_objects(instances, lookup)
        return
    base = compiled.base
    values = {f"pk{i}": pk for i, pk in enumerate(by_pk)}
    related = compiled.query.run(using, values)
    found: dict = {}
    for obj in related:
        found.setdefault(compiled.rel_obj_attr(obj), []).append(obj)
    field = compiled.reverse_field
    model_of_rows = compiled.query.model
    for instance in instances:
        objects = found.get(compiled.instance_attr(instance), [])
        if field is not None:
            for obj in objects:
                if not field.is_cached(obj):
                    setattr(obj, field.name, instance)
        if to_attr:
            setattr(instance, to_attr, objects)
            continue
        qs = compiled.rows_class.__new__(compiled.rows_class)
        qs.__dict__.update(
            model=model_of_rows,
            _result_cache=objects,
            _prefetch_done=True,
            _prefetch_related_lookups=(),
            _havza_query=(instance, relation, base),
        )
        if not hasattr(instance, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache = {}
        instance._prefetched_objects_cache[compiled.cache_name] = qs


def _filtered(instance: Model, relation: str, base: QuerySet | None) -> QuerySet:
    """The queryset of INSTANCE's RELATION as the ORM's prefetch makes it: its related
    manager's filter on BASE, or on the queryset of the manager it derives from (what its
    ``get_queryset`` filters when nothing is prefetched)."""
    manager = getattr(instance, relation)
    if base is None:
        base = super(type(manager), manager).get_queryset()
    return manager._apply_rel_filters(base)


class Deferred:
    """The queryset holding one instance's prefetched rows, whose query (the relation's
    filter, a copy of the queryset's query) is made only when something asks for more than
    the rows: a page iterates, counts or indexes them, which asks for none of it."""

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet
        state = self.__dict__.pop("_havza_query", None)
        if state is None:
            raise AttributeError(name)
        made = _filtered(*state)
        rows = self._result_cache
        self.__dict__.update(made.__dict__, _result_cache=rows, _prefetch_done=True)
        return getattr(self, name)

    def __deepcopy__(self, memo):
        self.query  # noqa: B018 (made before it is copied)
        return super().__deepcopy__(memo)

    def __reduce_ex__(self, protocol):
        self.query  # noqa: B018
        plain = type(self).__mro__[2]
        return _plain, (plain, self.__getstate__())


def _plain(cls: type[QuerySet], state: dict) -> QuerySet:
    qs = cls.__new__(cls)
    qs.__setstate__(state)
    return qs


_DEFERRED: dict[type, type] = {}


def _deferred(cls: type[QuerySet]) -> type[QuerySet]:
    """CLS, whose query is made when first asked (``Deferred``)."""
    made = _DEFERRED.get(cls)
    if made is None:
        made = _DEFERRED[cls] = type(cls.__name__, (Deferred, cls), {"__module__": cls.__module__})
    return made


def _prefetched(instance: Model, relation: str, to_attr: str | None) -> bool:
    if to_attr:
        return hasattr(instance, to_attr)
    return relation in getattr(instance, "_prefetched_objects_cache", {})
