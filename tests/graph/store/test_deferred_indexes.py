"""A first load into an empty SQLite file builds its secondary indexes after its rows
(``graph.store.sqlite_schema.DeferredIndexes``): the file ends as one loaded with the indexes kept
row by row — rows, aggregates, schema — a failed load leaves the indexes, and a read through an
index in the middle of the stream finds them."""

from __future__ import annotations

import sqlite3

import pytest

from etl.bundle import ontology_batch
from graph.store import aggregates as agg_state
from graph.store import sql
from graph.store.port import Batch
from graph.store.sqlite_schema import DeferredIndexes
from graph.store.sqlite_store import SQLiteStore
from ontology.loader import load_ontology

ONTO = load_ontology()
SEGS = sorted(ONTO.segments)[:4]


def _stream(firms: int = 300) -> list[Batch]:
    b = Batch()
    for i in range(firms):
        b.node("Enterprise", {"id": f"F{i:04d}", "name": f"企业{i}", "local": i % 3 != 0, "output": float(i),
                              "county": "椒江区" if i % 2 else None, "leading": i % 7 == 0})
        b.rel("IN_SEGMENT", f"F{i:04d}", SEGS[i % len(SEGS)])
    return [ontology_batch(ONTO), b]


def _indexes(db: sqlite3.Connection) -> list[str]:
    return sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def _content(path) -> tuple:
    db = sqlite3.connect(path)
    try:
        return (db.execute("SELECT label, id, props FROM nodes ORDER BY label, id").fetchall(),
                db.execute("SELECT type, src, dst, props FROM rels ORDER BY type, src, dst").fetchall(),
                db.execute("SELECT key, value FROM meta ORDER BY key").fetchall(),
                db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall(),
                db.execute("PRAGMA integrity_check").fetchall())
    finally:
        db.close()


def test_a_first_load_builds_the_indexes_after_its_rows_and_ends_the_same(tmp_path, monkeypatch):
    seen = []

    def watched(store):  # what the writer's own connection holds while the firms are written
        yield from _stream()[:1]
        b = _stream()[1]
        yield b
        seen.append(_indexes(store._db))

    deferred = SQLiteStore(tmp_path / "deferred.db")
    deferred.write_stream(watched(deferred))
    deferred.close()
    assert seen == [[]]  # dropped for the firms' rows …
    monkeypatch.setattr(DeferredIndexes, "drop", lambda self: None)
    kept = SQLiteStore(tmp_path / "kept.db")
    kept.write_stream(_stream())
    kept.close()
    assert _content(tmp_path / "deferred.db") == _content(tmp_path / "kept.db")  # … and built again, same file
    db = sqlite3.connect(tmp_path / "deferred.db")
    assert _indexes(db) == sorted(sql.SECONDARY_INDEXES)
    plan = " ".join(r[-1] for r in db.execute("EXPLAIN QUERY PLAN " + sql.GET_RELS[(False, True)], ("IN_SEGMENT", SEGS[0])))
    assert "rels_by_dst" in plan


def test_a_failed_first_load_leaves_the_indexes(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")

    def failing():
        yield from _stream()
        raise RuntimeError("bad file found late")

    with pytest.raises(RuntimeError, match="found late"):
        store.write_stream(failing())
    assert _indexes(store._db) == sorted(sql.SECONDARY_INDEXES) and store.counts()["nodes"]["Enterprise"] == 0
    store.close()


def test_a_read_through_an_index_mid_stream_finds_it(tmp_path, monkeypatch):
    after = agg_state.Running.after
    found = []

    def after_and_read(self, started):  # the aggregates asking for a segment's firms after each chunk
        after(self, started)
        found.append(len(self.tx.linked("IN_SEGMENT", [SEGS[0]])))

    monkeypatch.setattr(agg_state.Running, "after", after_and_read)
    store = SQLiteStore(tmp_path / "s.db")
    store.write_stream(_stream() + [Batch()])
    assert found == [0, 75, 75]
    assert _indexes(store._db) == sorted(sql.SECONDARY_INDEXES)
    stored, fresh = store._aggregates(), store.recount_aggregates()
    assert [stored.segment(s) for s in SEGS] == [fresh.segment(s) for s in SEGS]
    store.close()
