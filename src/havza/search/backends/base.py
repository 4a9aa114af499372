"""The interface every search backend implements, and what they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connections, models

from havza.search.documents import Entry
from havza.search.models import SearchDocument
from havza.search.query import Clauses

# Relative weights of a match in the title, the summary and the body.
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0

# A query that matches at least this many documents is "common" (a word in most texts of a
# language): scoring every match would cost time in proportion to them (seconds at a
# million documents) for scores that barely differ. Both backends then take the COMMON
# matches indexed last (the highest translation ids: the newest texts in most archives),
# put those with every word or phrase in the title first, each group newest first, and
# report the total as "more than". It is the deepest a reader can page (100 pages of 10).
COMMON = 1000


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    year: int | None = None
    topic_id: int | None = None
    organization_id: int | None = None


@dataclass(frozen=True)
class Hit:
    translation_id: int
    work_id: int
    score: float


@dataclass
class Found:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    more: bool = False  # a common query: there are more than TOTAL (see COMMON)


class Backend:
    """Stores analyzed entries and answers analyzed queries.

    ``search`` gets one ``Clauses`` per language searched (the query analyzed in each) and
    returns at most one hit per work, best first, ties broken by the more recent work; a
    query matching COMMON documents or more is answered by the rule of ``COMMON``.
    """

    name = "base"

    def __init__(self, using: str = "default") -> None:
        self.using = using
        self.connection = connections[using]

    def write(self, entries: Sequence[Entry], fresh: bool = False) -> None:
        """Add or replace ENTRIES (by translation id). FRESH: the index was just cleared and
        none of them is in it (a rebuild skips looking for old rows)."""
        raise NotImplementedError

    def delete(self, translation_ids: Sequence[int]) -> None:
        raise NotImplementedError

    @staticmethod
    def prepare(entry: Entry) -> object:
        """What ``write`` writes of ENTRY beside its facts (made ahead by
        ``backends.prepared``, in the process that analyzed it)."""
        raise NotImplementedError

    def _prepared(self, entry: Entry) -> object:
        if entry.prepared and self.name in entry.prepared:
            return entry.prepared[self.name]
        return self.prepare(entry)

    def _facts(self, e: Entry) -> tuple:
        published = self.connection.ops.adapt_datefield_value(e.published)
        return (e.translation_id, e.work_id, e.language, e.kind, e.year, published)

    def begin_rebuild(self) -> None:
        """Every entry follows (written FRESH), into an empty index, then ``optimize()``: the
        backend may defer upkeep until then. Clears the index unless the backend builds a new
        one beside it."""
        self.clear()

    def clear(self) -> None:
        raise NotImplementedError

    def search(
        self, queries: Sequence[Clauses], filters: Filters, limit: int, offset: int
    ) -> Found:
        raise NotImplementedError

    def size(self) -> int:
        """Bytes the index takes on disk (approximate where the database cannot tell)."""
        raise NotImplementedError

    # Shared --------------------------------------------------------------------------------

    def _write_documents(
        self, entries: Sequence[Entry], fresh: bool = False, prepared: tuple[str, str] = ()
    ) -> None:
        """Insert the facts of ENTRIES, or replace them unless FRESH. PREPARED: (column,
        placeholder) where what the backend prepared of each entry goes in the same row."""
        columns = ["translation_id", "work_id", "language", "kind", "year", "published"]
        values = ["%s"] * len(columns)
        if prepared:
            columns.append(prepared[0])
            values.append(prepared[1])
        sql = (
            f"INSERT INTO {SearchDocument._meta.db_table} ({', '.join(columns)}) "
            f"VALUES ({', '.join(values)})"
        )
        if not fresh:
            sql += " ON CONFLICT (translation_id) DO UPDATE SET " + ", ".join(
                f"{c} = excluded.{c}" for c in columns[1:]
            )
        rows = [self._facts(e) for e in entries]
        if prepared:
            rows = [(*row, self._prepared(e)) for row, e in zip(rows, entries, strict=True)]
        with self.connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def filter_sql(self, filters: Filters, alias: str = "d") -> tuple[str, list]:
        """SQL conditions on the document table for FILTERS (topic and organization through
        the ORM's own subqueries, so that they follow the content model)."""
        sql, params = [], []
        if filters.kind:
            sql.append(f"{alias}.kind = %s")
            params.append(filters.kind)
        if filters.year:
            sql.append(f"{alias}.year = %s")
            params.append(filters.year)
        for alternatives in self._work_subqueries(filters):
            either = []
            for subquery in alternatives:
                inner, inner_params = subquery.query.sql_with_params()
                either.append(f"{alias}.work_id IN ({inner})")
                params.extend(inner_params)
            sql.append("(" + " OR ".join(either) + ")")
        return " AND ".join(sql), params

    def _work_subqueries(self, filters: Filters) -> list[list[models.QuerySet]]:
        """For each filter on works, the subqueries of which a work must be in one."""
        found = []
        if filters.topic_id:
            through = apps.get_model("publishing", "Work").topics.through
            found.append(
                [
                    through.objects.using(self.using)
                    .filter(topic_id=filters.topic_id)
                    .values("work_id")
                ]
            )
        if filters.organization_id:
            # Whoever credits an organization on a work (authors, signatories): any model
            # with a work and an organization.
            found.append(
                [
                    model.objects.using(self.using)
                    .filter(organization_id=filters.organization_id)
                    .values("work_id")
                    for model in _credit_models()
                ]
            )
        return found


def _credit_models() -> list[type[models.Model]]:
    organization = apps.get_model("network", "Organization")
    work = apps.get_model("publishing", "Work")
    found = []
    for relation in organization._meta.related_objects:
        model = relation.related_model
        names = {f.name: f for f in model._meta.get_fields() if f.is_relation and f.many_to_one}
        if (
            relation.field.name == "organization"
            and "work" in names
            and names["work"].related_model is work
        ):
            found.append(model)
    return sorted(set(found), key=lambda m: m._meta.label)
