"""The SQLite file's schema: created on first open, brought up to date when an older version of
ChainKG wrote the file.

Why apart from the adapter: it runs once, when :class:`graph.store.sqlite_store.SQLiteStore` opens a
file, and never again; the table and index text and the version numbers are in :mod:`graph.store.sql`
(``SCHEMA``, ``SCHEMA_VERSION``, ``SAME_COLUMNS``). A file at the current version opens without a
write (so without waiting for another process's write lock). An older one is migrated in the
adapter's own write transactions: ``nodes`` rebuilt when its generated columns changed, the schema
script run, the stored aggregates (:mod:`graph.store.aggregates`, schema 4) counted once from the rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from graph.store import aggregates as agg_state
from graph.store import sql
from graph.store.aggregates import TxView

__all__ = ["migrate", "DeferredIndexes"]


def migrate(db: sqlite3.Connection, transaction: Callable[[], AbstractContextManager[TxView]]) -> None:
    """Create the schema on ``db``; rebuild ``nodes`` when a file from an older schema lacks its
    columns. ``transaction()`` is the adapter's write transaction (it yields the aggregates' view)."""
    cols = {r[1] for r in db.execute("PRAGMA table_xinfo(nodes)")}
    version = None
    if cols:
        has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if has_meta else None
        version = row[0] if row else None
    if version == sql.SCHEMA_VERSION:  # current: opening needs no write (nor the write lock)
        return
    if cols and version not in sql.SAME_COLUMNS:  # generated columns changed: rebuild the table
        with transaction():
            db.execute("ALTER TABLE nodes RENAME TO nodes_v1")
            db.execute(sql.NODES_TABLE)
            db.execute("INSERT INTO nodes (label, id, props) SELECT label, id, props FROM nodes_v1")
            db.execute("DROP TABLE nodes_v1")
            for idx in ("nodes_by_local", "nodes_by_county"):  # (made again by SCHEMA below)
                db.execute(f"DROP INDEX IF EXISTS {idx}")
    db.executescript(sql.SCHEMA)
    with transaction() as tx:  # the stored aggregates (schema 4) counted once from the rows
        agg_state.finish(tx, set(), (None, {}))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (sql.SCHEMA_VERSION,))


class DeferredIndexes:
    """The secondary indexes (:data:`graph.store.sql.SECONDARY_INDEXES`) dropped for the rest of one
    first-load transaction and built again, once, from the rows it wrote.

    Why: on a store that holds no node, every row of a load is new, and SQLite kept three indexes
    in step row by row (random inserts into B-trees): replayed from a 100k load's 331k rows, the
    inserts took ≈ 0.6 CPU-s more than the same inserts followed by building the indexes (measured
    in docs/log/import-rounds.md, round 5). DDL is transactional in SQLite: the drop and the rebuild commit
    with the rows or roll back with them (a kill mid-load leaves the indexes as they were), and
    readers on other connections see the last committed schema meanwhile.

    :meth:`drop` is called before the first chunk of firms (not earlier: the ontology's chunk is
    followed by a recount that reads through an index); :meth:`restore` before any read of the
    transaction that names an index (``INDEXED BY``) and at the end of the stream — after it, the
    indexes stay for the rest of the transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db, self.dropped, self.done = db, False, False

    def drop(self) -> None:
        if not (self.dropped or self.done):
            for name in sql.SECONDARY_INDEXES:
                self.db.execute(f"DROP INDEX IF EXISTS {name}")
            self.dropped = True

    def restore(self) -> None:
        if self.dropped and not self.done:
            for stmt in sql.SECONDARY_INDEXES.values():
                self.db.execute(stmt)
        self.done = True
