"""Opening a file an older ChainKG wrote (``graph.store.sqlite_schema``): its rows come through, it
answers as a file written now would, and only a file that needs it takes the write lock to migrate."""

from __future__ import annotations

import json
import sqlite3

import pytest

from chainkg.errors import StoreError
from graph.store import sql
from graph.store.port import Batch
from graph.store.sqlite_store import SQLiteStore

#: the tables before the generated columns (schema 2): props as JSON text and nothing derived
OLD_TABLES = """
CREATE TABLE nodes (label TEXT NOT NULL, id TEXT NOT NULL, props TEXT NOT NULL, PRIMARY KEY (label, id)) WITHOUT ROWID;
CREATE TABLE rels (type TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL, props TEXT NOT NULL,
                   PRIMARY KEY (type, src, dst)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '2');
"""


def _batch() -> Batch:
    b = Batch()
    b.node("Cluster", {"id": "auto", "name": "汽车"})
    for sid in ("auto-cell", "auto-pack"):
        b.node("Segment", {"id": sid, "name": sid, "cluster": "auto", "stage": "中游"})
        b.rel("PART_OF", sid, "auto")
    b.rel("CHILD_OF", "auto-cell", "auto-pack")
    b.node("Technology", {"id": "tech-sep", "name": "锂电池隔膜"})
    b.rel("NEEDS", "auto-cell", "tech-sep")
    b.node("Enterprise", {"id": "e1", "name": "甲", "local": True, "output": 300.0, "county": "温岭", "leading": True})
    b.node("Enterprise", {"id": "e2", "name": "乙", "local": True, "revenue": 80.0, "county": "临海"})
    b.node("Enterprise", {"id": "e3", "name": "丙", "local": True, "active": False})
    b.node("Enterprise", {"id": "x1", "name": "外", "local": False, "revenue": 900.0})
    for eid, sid in (("e1", "auto-cell"), ("e2", "auto-pack"), ("e3", "auto-cell"), ("x1", "auto-cell")):
        b.rel("IN_SEGMENT", eid, sid)
    b.rel("HOLDS", "e1", "tech-sep")
    return b


def _old_file(path) -> None:
    """The batch's rows as schema 2 stored them (WAL already on, as every ChainKG file is)."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(OLD_TABLES)
    b = _batch()
    db.executemany("INSERT INTO nodes VALUES (?, ?, ?)",
                   [(label, r["id"], json.dumps(r, ensure_ascii=False)) for label, rows in b.nodes.items() for r in rows])
    db.executemany("INSERT INTO rels VALUES (?, ?, ?, ?)",
                   [(t, r["src"], r["dst"], json.dumps(r["props"])) for t, rows in b.rels.items() for r in rows])
    db.commit()
    db.close()


def _answers(store: SQLiteStore) -> tuple:
    return (store.checksum(), store.counts(), store.segment_aggregates(), store.find_enterprises(local=True),
            store.local_groups(), store.tech_holders(["tech-sep"]), store.top_firms(["auto-pack"], local=True),
            store.segments_output(["auto-pack"]))


def _fresh(tmp_path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "fresh.db")
    store.write(_batch())
    return store


@pytest.mark.parametrize("older", ["2: no generated columns", "3: no stored aggregates"])
def test_an_older_file_answers_as_a_file_written_now(tmp_path, older):
    path = tmp_path / "old.db"
    if older.startswith("2"):
        _old_file(path)
    else:  # a schema-3 file: today's tables, but the aggregates were not stored yet
        _fresh(tmp_path).close()
        (tmp_path / "fresh.db").rename(path)
        db = sqlite3.connect(path)
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        db.execute("DELETE FROM meta WHERE key = 'aggregates'")
        db.commit()
        db.close()
    store = SQLiteStore(path)
    assert _answers(store) == _answers(_fresh(tmp_path))
    assert store._aggregates().dumps() == store.recount_aggregates().dumps()
    assert store._q("SELECT value FROM meta WHERE key = 'schema_version'") == [(sql.SCHEMA_VERSION,)]


def test_only_a_file_that_needs_migrating_waits_for_the_write_lock(tmp_path):
    current = tmp_path / "fresh.db"
    _fresh(tmp_path).close()
    old = tmp_path / "old.db"
    _old_file(old)
    holders = [sqlite3.connect(p, isolation_level=None) for p in (current, old)]
    for h in holders:
        h.execute("BEGIN IMMEDIATE")  # another process's write in progress
    try:
        assert SQLiteStore(current, timeout=0.1).get_node("Enterprise", "e1")["name"] == "甲"
        with pytest.raises(StoreError, match="locked by another process"):
            SQLiteStore(old, timeout=0.1)
    finally:
        for h in holders:
            h.execute("ROLLBACK")
            h.close()
    assert SQLiteStore(old, timeout=0.1).get_node("Enterprise", "e1")["name"] == "甲"  # the lock gone: migrated
