"""SQLite: an FTS5 table of the analyzed text, ranked by BM25 with per-column weights.

The table ``search_fts`` (made by the search app's migration) has the columns title, summary
and body; its rowid is the translation's id. Its tokenizer only has to split on spaces,
because the text it gets is already analyzed: ``ascii`` with "." as a letter keeps every
non-ASCII character and leaves the terms ("tr.emperyalizm", "el.αγωνασ") unchanged, and costs
less than ``unicode61`` (about a quarter of a rebuild's writes), which would look up each
character's Unicode class to find the same spaces.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from havza.search.backends import base
from havza.search.backends.base import (
    BODY_WEIGHT,
    SUMMARY_WEIGHT,
    TITLE_WEIGHT,
    Backend,
    Filters,
    Found,
    Hit,
)
from havza.search.documents import Entry
from havza.search.models import SearchDocument
from havza.search.query import (
    Clauses,
    fts5_expression,
    fts5_title_expression,
    scoped,
    title_needles,
)

TABLE = "search_fts"
CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, summary, body, tokenize = \"ascii tokenchars '.'\")"
)
DROP = f"DROP TABLE IF EXISTS {TABLE}"
# Rows ranked past a page, so that works tied with its last one are ordered by date too.
TIE_MARGIN = 50
# Bytes of pending terms FTS5 keeps in memory before writing a segment: its default, and
# during a rebuild.
HASH, REBUILD_HASH = 1024 * 1024, 32 * 1024 * 1024
RANK = f"bm25({TABLE}, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT})"


class SQLiteBackend(Backend):
    name = "sqlite-fts5"

    def write(self, entries: Sequence[Entry], fresh: bool = False) -> None:
        if not entries:
            return
        self._write_documents(entries, fresh)
        with self.connection.cursor() as cursor:
            if not fresh:
                cursor.executemany(
                    f"DELETE FROM {TABLE} WHERE rowid = %s",
                    [(e.translation_id,) for e in entries],
                )
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                [(e.translation_id, *self._prepared(e)) for e in entries],
            )

    @staticmethod
    def prepare(entry: Entry) -> tuple[str, str, str]:
        """The title, summary and body as FTS5 gets them: terms with their language."""
        return (
            _text(entry.language, entry.title),
            _text(entry.language, entry.summary),
            _text(entry.language, entry.body),
        )

    def delete(self, translation_ids: Sequence[int]) -> None:
        ids = list(translation_ids)
        if not ids:
            return
        with self.connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(i,) for i in ids])
        SearchDocument.objects.using(self.using).filter(translation_id__in=ids).delete()

    def clear(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
        SearchDocument.objects.using(self.using).all().delete()

    def begin_rebuild(self) -> None:
        # No merging of segments while the rows come in: one merge at the end (optimize)
        # costs less than many small ones (about 1.5x faster writes); and the terms of more
        # documents are gathered in memory before each segment is written (fewer, larger
        # segments: about 1.2x faster again).
        self.clear()
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('automerge', 0)")
            cursor.execute(
                f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('hashsize', %s)", [REBUILD_HASH]
            )

    def optimize(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('automerge', 4)")
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('hashsize', %s)", [HASH])
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")

    def search(
        self, queries: Sequence[Clauses], filters: Filters, limit: int, offset: int
    ) -> Found:
        queries = [q for q in queries if q]
        if not queries:
            return Found()
        # Terms carry their language, so the query in each language needs no other condition.
        match = " OR ".join(f"({fts5_expression(q)})" for q in queries)
        where, params = self.filter_sql(filters)
        last = self._last_matches(match, where, params)
        if not last:
            return Found()
        if len(last) == base.COMMON:
            return self._search_common(queries, last, limit, offset)
        if len(queries) == 1 and not where:
            return self._search_one_language(match, limit, offset, len(last))
        where = f"WHERE {where}" if where else ""
        docs = SearchDocument._meta.db_table
        # bm25() must run where FTS5 answers the MATCH: the CTE is materialized so that
        # SQLite does not fold it into the grouping query.
        matched = (
            f"WITH m AS MATERIALIZED (SELECT rowid AS id, {RANK} AS rank FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s) "
        )
        # One hit per work: its best translation (SQLite takes the bare columns from the row
        # holding the MIN).
        grouped = (
            "SELECT d.translation_id, d.work_id, MIN(m.rank) AS best, d.published "
            f"FROM m JOIN {docs} d ON d.translation_id = m.id {where} GROUP BY d.work_id"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"{matched} SELECT translation_id, work_id, best, COUNT(*) OVER () "
                f"FROM ({grouped}) ORDER BY best, published DESC, work_id DESC "
                "LIMIT %s OFFSET %s",
                [match, *params, limit, offset],
            )
            rows = cursor.fetchall()
            if rows:
                total = rows[0][3]
            else:  # a page past the end: the count still tells how many there are
                cursor.execute(f"{matched} SELECT COUNT(*) FROM ({grouped})", [match, *params])
                total = cursor.fetchone()[0]
        hits = [Hit(t, w, round(-score, 6)) for t, w, score, _ in rows]
        return Found(hits, total)

    def _last_matches(self, match: str, where: str, params: list) -> list[int]:
        """The ids of the COMMON matches indexed last (FTS5 reads its lists from the end and
        stops there, scoring nothing), or of every match if there are fewer: whether the
        query is common, and how many match if not (so that they are not counted again)."""
        docs = SearchDocument._meta.db_table
        # The document table only for filters (every row of the index has one there).
        join = f"JOIN {docs} d ON d.translation_id = {TABLE}.rowid" if where else ""
        where = f"AND {where}" if where else ""
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {TABLE}.rowid FROM {TABLE} {join} WHERE {TABLE} MATCH %s {where} "
                f"ORDER BY {TABLE}.rowid DESC LIMIT %s",
                [match, *params, base.COMMON],
            )
            return [row[0] for row in cursor.fetchall()]

    def _search_common(self, queries, ids: list[int], limit: int, offset: int) -> Found:
        """A common query (see ``COMMON``): its last matches IDS, those with every word in
        the title first, each group newest first; one per work (the translation with the
        words in its title, else the one indexed last). The matches are not looked for
        again; for the titles, FTS5 reads its lists from the first of IDS on, unless the
        query has a prefix word: FTS5 would merge the lists of every term it begins once
        more (at a million documents, most of the time of a frequent word), so the titles
        are read from FTS5's copy of the text instead (its ``_content`` table, the title in
        column c0) and looked into for the words (``query.title_needles``)."""
        docs = SearchDocument._meta.db_table
        if any(c.prefix for q in queries for c in q.positive):
            needles = [title_needles(q) for q in queries]
            has = "instr(' ' || coalesce(f.c0, '') || ' ', %s) > 0"
            in_title = " OR ".join("(" + " AND ".join([has] * len(n)) + ")" for n in needles)
            title_args = [n for each in needles for n in each]
            source = f"JOIN {TABLE}_content f ON f.id = j.value"
        else:
            title = " OR ".join(f"({fts5_title_expression(q)})" for q in queries)
            in_title = (
                f"j.value IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid >= %s)"
            )
            title_args = [title, min(ids)]
            source = ""
        # key: whether the title has the words, then the translation id, in one number (the
        # row with the greatest gives its columns to the group).
        grouped = (
            "SELECT d.translation_id, d.work_id, "
            f"MAX(({in_title}) * 4294967296 + d.translation_id) AS key, d.published "
            f"FROM json_each(%s) j JOIN {docs} d ON d.translation_id = j.value {source} "
            "GROUP BY d.work_id"
        )
        args = [*title_args, json.dumps(ids)]
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT translation_id, work_id, key >= 4294967296, COUNT(*) OVER () "
                f"FROM ({grouped}) ORDER BY key >= 4294967296 DESC, published DESC, "
                "work_id DESC LIMIT %s OFFSET %s",
                [*args, limit, offset],
            )
            rows = cursor.fetchall()
            if rows:
                total = rows[0][3]
            else:
                cursor.execute(f"SELECT COUNT(*) FROM ({grouped})", args)
                total = cursor.fetchone()[0]
        return Found([Hit(t, w, float(title)) for t, w, title, _ in rows], total, more=True)

    def _search_one_language(self, match: str, limit: int, offset: int, total: int) -> Found:
        """The common case, one language and no filters: a work has one translation there,
        so FTS5 ranks alone and only the page's rows (and a margin for ties) are joined for
        the recency tie-break. TOTAL: how many documents match."""
        docs = SearchDocument._meta.db_table
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"WITH m AS MATERIALIZED (SELECT rowid AS id, {RANK} AS rank FROM {TABLE} "
                f"WHERE {TABLE} MATCH %s ORDER BY rank LIMIT %s) "
                f"SELECT d.translation_id, d.work_id, m.rank FROM m "
                f"JOIN {docs} d ON d.translation_id = m.id "
                "ORDER BY m.rank, d.published DESC, d.work_id DESC",
                [match, offset + limit + TIE_MARGIN],
            )
            rows = cursor.fetchall()
            page = rows[offset : offset + limit]
        return Found([Hit(t, w, round(-score, 6)) for t, w, score in page], total)

    def size(self) -> int:
        with self.connection.cursor() as cursor:
            try:
                cursor.execute(
                    "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s OR name = %s",
                    [f"{TABLE}%", SearchDocument._meta.db_table],
                )
                return int(cursor.fetchone()[0] or 0)
            except Exception:  # dbstat is a compile-time option of SQLite
                cursor.execute(f"SELECT COUNT(*) FROM {TABLE}_data")
                return 0


def _text(lang: str, terms: tuple[str, ...]) -> str:
    """The terms with their language ("tr.grev tr.liman"), joined in one pass."""
    if not terms:
        return ""
    prefix = scoped(lang, "")
    return prefix + (" " + prefix).join(terms)
