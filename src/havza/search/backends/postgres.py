"""PostgreSQL: a ``tsvector`` column of the analyzed terms with a GIN index, ranked by
``ts_rank_cd`` with the title, summary and body weighted (A, B, D).

The vector is written as tsvector text and the query as tsquery text, each term quoted:
PostgreSQL's parser and dictionaries never see the words, so PostgreSQL matches exactly the
terms the analyzer made, as FTS5 does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from havza.search.backends import base, rebuild
from havza.search.backends.base import (
    BODY_WEIGHT,
    SUMMARY_WEIGHT,
    TITLE_WEIGHT,
    Backend,
    Filters,
    Found,
    Hit,
)
from havza.search.documents import MAX_BODY_TERMS, Entry
from havza.search.models import SearchDocument
from havza.search.query import Clauses, scoped, title_tsquery, tsquery

COLUMN = "vector"
INDEX = "search_document_vector"
MAX_POSITION = 16383
GAP = 8  # positions between title, summary and body, so that a phrase does not cross them
# ts_rank_cd's weights are given for D, C, B, A.
WEIGHTS = f"{{{BODY_WEIGHT / TITLE_WEIGHT},0,{SUMMARY_WEIGHT / TITLE_WEIGHT},1.0}}"


def add_column_sql(table: str) -> list[str]:
    return [
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector",
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ({COLUMN})",
    ]


def _labels(weight: str) -> list[str]:
    """Position labels ("12A") by position, those past the last position PostgreSQL keeps
    repeating it (a body is at most MAX_BODY_TERMS terms)."""
    kept = [f"{i}{weight}" for i in range(MAX_POSITION + 1)]
    return kept + [kept[-1]] * (MAX_BODY_TERMS + 4 * GAP + 1000)


LABELS = {weight: _labels(weight) for weight in ("A", "B", "")}


def tsvector_text(entry: Entry) -> str:
    positions: dict[str, list[str]] = defaultdict(list)
    start = 1
    parts = ((entry.title, "A"), (entry.summary, "B"), (entry.body, ""))
    for terms, weight in parts:
        labels = LABELS[weight]
        for i, term in enumerate(terms, start):
            positions[term].append(labels[i])
        start += len(terms) + GAP
    prefix = scoped(entry.language, "")
    return " ".join(f"'{prefix}{term}':{','.join(p)}" for term, p in positions.items())


class PostgresBackend(Backend):
    name = "postgresql"

    # The table a rebuild writes into (see ``rebuild``), once begun.
    building: str | None = None

    def write(self, entries: Sequence[Entry], fresh: bool = False) -> None:
        if not entries:
            return
        if self.building or (fresh and len(entries) > 1):
            self._copy(entries, self.building or SearchDocument._meta.db_table)
        else:  # the row and its vector in one statement
            self._write_documents(entries, fresh, prepared=(COLUMN, "%s::tsvector"))

    def _copy(self, entries: Sequence[Entry], table: str) -> None:
        """A rebuild's rows, streamed with COPY (the vector as tsvector text)."""
        columns = f"translation_id, work_id, language, kind, year, published, {COLUMN}"
        with (
            self.connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for e in entries:
                copy.write_row((*self._facts(e), self._prepared(e)))

    @staticmethod
    def prepare(entry: Entry) -> str:
        return tsvector_text(entry)

    def delete(self, translation_ids: Sequence[int]) -> None:
        SearchDocument.objects.using(self.using).filter(
            translation_id__in=list(translation_ids)
        ).delete()

    def clear(self) -> None:
        SearchDocument.objects.using(self.using).all().delete()

    def begin_rebuild(self) -> None:
        """Rebuild into a new table beside the index, which readers go on searching; writes to
        the index (a publication meanwhile) wait for the rebuild's end, as they would see a
        table about to be replaced. ``optimize`` indexes the new table and puts it in the
        index's place (see ``rebuild``)."""
        self.building = rebuild.begin(self.connection, SearchDocument._meta.db_table)

    def optimize(self) -> None:
        table = SearchDocument._meta.db_table
        with self.connection.cursor() as cursor:
            if self.building:
                gin = f"CREATE INDEX {INDEX} ON {table} USING gin ({COLUMN})"
                rebuild.finish(self.connection, table, self.building, [gin])
                self.building = None
            else:
                cursor.execute(f"ANALYZE {table}")

    def search(
        self, queries: Sequence[Clauses], filters: Filters, limit: int, offset: int
    ) -> Found:
        queries = [q for q in queries if q]
        if not queries:
            return Found()
        text = " | ".join(f"({tsquery(q)})" for q in queries)
        ids = self._last_matches(text, filters)
        if not ids:
            return Found()
        if len(ids) == base.COMMON:
            return self._search_common(queries, ids, limit, offset)
        table = SearchDocument._meta.db_table
        if any(c.is_phrase for q in queries for c in q.positive + q.negative):
            # The GIN index cannot tell a phrase: matching it again would read the vector of
            # every document with its words (from the TOAST table) once more. The matches are
            # known: they are fetched by id.
            matched, args = "d.translation_id = ANY(%s)", [ids]
        else:  # the index answers alone, reading fewer pages than a fetch by id
            where, params = self.filter_sql(filters)
            where = f"AND {where}" if where else ""
            matched, args = f"d.{COLUMN} @@ %s::tsquery {where}", [text, *params]
        best = (
            "SELECT DISTINCT ON (d.work_id) d.translation_id, d.work_id, d.published, "
            f"ts_rank_cd('{WEIGHTS}', d.{COLUMN}, %s::tsquery, 1) AS score "
            f"FROM {table} d WHERE {matched} ORDER BY d.work_id, score DESC"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT translation_id, work_id, score, COUNT(*) OVER () FROM ({best}) b "
                "ORDER BY score DESC, published DESC NULLS LAST, work_id DESC "
                "LIMIT %s OFFSET %s",
                [text, *args, limit, offset],
            )
            rows = cursor.fetchall()
        hits = [Hit(t, w, round(float(s), 6)) for t, w, s, _ in rows]
        total = rows[0][3] if rows else self._count_past_end(best, [text, *args])
        return Found(hits, total)

    def _last_matches(self, text: str, filters: Filters) -> list[int]:
        """The ids of the COMMON matches indexed last, or of every match if there are fewer:
        the one time the query is matched."""
        where, params = self.filter_sql(filters)
        where = f"AND {where}" if where else ""
        table = SearchDocument._meta.db_table
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.translation_id FROM {table} d WHERE d.{COLUMN} @@ %s::tsquery "
                f"{where} ORDER BY d.translation_id DESC LIMIT %s",
                [text, *params, base.COMMON],
            )
            return [row[0] for row in cursor.fetchall()]

    def _search_common(self, queries, ids: list[int], limit: int, offset: int) -> Found:
        """A common query (see ``COMMON``), as the SQLite backend answers it: its last
        matches IDS, those with every word in the title first, each group newest first."""
        table = SearchDocument._meta.db_table
        title = " | ".join(f"({title_tsquery(q)})" for q in queries)
        best = (
            "SELECT DISTINCT ON (d.work_id) d.translation_id, d.work_id, d.published, "
            f"d.{COLUMN} @@ %s::tsquery AS title FROM {table} d "
            "WHERE d.translation_id = ANY(%s) "
            "ORDER BY d.work_id, title DESC, d.translation_id DESC"
        )
        args = [title, ids]
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT translation_id, work_id, title, COUNT(*) OVER () FROM ({best}) b "
                "ORDER BY title DESC, published DESC NULLS LAST, work_id DESC "
                "LIMIT %s OFFSET %s",
                [*args, limit, offset],
            )
            rows = cursor.fetchall()
        hits = [Hit(t, w, float(title)) for t, w, title, _ in rows]
        total = rows[0][3] if rows else self._count_past_end(best, args)
        return Found(hits, total, more=True)

    def _count_past_end(self, best: str, params: list) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({best}) b", params)
            return cursor.fetchone()[0]

    def size(self) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size(%s)", [SearchDocument._meta.db_table])
            return int(cursor.fetchone()[0])
