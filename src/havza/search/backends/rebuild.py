"""A PostgreSQL rebuild that does not stop searches: the rows go into a new table, which is
indexed and then put in the index's place in one short step.

Readers go on searching the old table until the rebuild commits (only the swap at the end
holds them, for as long as it takes to drop a table and rename another). Writes to the index
wait for the rebuild (the table is locked in SHARE mode): a publication meanwhile is written
into the new table once the rebuild has committed, never into the table it replaces.
"""

from __future__ import annotations

import re

# "CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ..."
INDEX_DEFINITION = re.compile(r"^CREATE (UNIQUE )?INDEX (\S+) ON (ONLY )?(\S+) (.*)$", re.S)


def begin(connection, table: str) -> str:
    """Make the empty table a rebuild writes into (the columns, defaults and checks of TABLE,
    no index yet); returns its name."""
    new = f"{table}_rebuild"
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")
        cursor.execute(f"DROP TABLE IF EXISTS {new}")
        cursor.execute(
            f"CREATE TABLE {new} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
            "INCLUDING STORAGE)"
        )
    return new


def finish(connection, table: str, new: str, required: list[str]) -> None:
    """Give NEW the indexes and constraints of TABLE (and the index definitions REQUIRED, if
    TABLE lacks them), then put it in TABLE's place under the same names."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename = %s ORDER BY indexname",
            [table],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') ORDER BY conname",
            [table],
        )
        constraints = cursor.fetchall()
        names = {name for name, _ in indexes}
        indexes += [
            (INDEX_DEFINITION.match(sql).group(2), sql)
            for sql in required
            if INDEX_DEFINITION.match(sql).group(2) not in names
        ]
        cursor.execute("SET maintenance_work_mem = '256MB'")
        renames = []
        for i, (name, definition) in enumerate(indexes):
            temporary = f"{new}_{i}"
            cursor.execute(_retarget(definition, temporary, new))
            renames.append((temporary, name))
        cursor.execute("RESET maintenance_work_mem")
        # Foreign keys are checked as they are added, unless this session has them off (a
        # restore or a benchmark: session_replication_role = replica), as for its rows.
        cursor.execute("SELECT current_setting('session_replication_role')")
        unchecked = " NOT VALID" if cursor.fetchone()[0] == "replica" else ""
        for name, kind, definition in constraints:
            if kind == "f":
                cursor.execute(f"ALTER TABLE {new} ADD CONSTRAINT {name} {definition}{unchecked}")
        cursor.execute(f"ANALYZE {new}")
        # The swap: readers wait from here to the commit. Checks deferred to the commit (of
        # rows written to the old table in this transaction) are made first, as a table with
        # checks pending cannot be dropped; then deferred again, as Django declares them.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"DROP TABLE {table}")
        cursor.execute(f"ALTER TABLE {new} RENAME TO {table}")
        for temporary, name in renames:
            cursor.execute(f"ALTER INDEX {temporary} RENAME TO {name}")
        for name, kind, _definition in constraints:
            if kind in "pu":
                what = "PRIMARY KEY" if kind == "p" else "UNIQUE"
                cursor.execute(
                    f"ALTER TABLE {table} ADD CONSTRAINT {name} {what} USING INDEX {name}"
                )
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _retarget(definition: str, name: str, table: str) -> str:
    """DEFINITION of an index, as the index NAME of TABLE."""
    match = INDEX_DEFINITION.match(definition)
    if match is None:
        raise ValueError(f"An index definition PostgreSQL did not write: {definition}")
    unique, _old_name, only, _old_table, rest = match.groups()
    return f"CREATE {unique or ''}INDEX {name} ON {only or ''}{table} {rest}"
