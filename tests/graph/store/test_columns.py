"""Row lists held as columns (graph.store.columns) read as the lists of maps they stand for, and a
store written from them holds exactly what the maps give — rows, checksum and aggregates — on both
stores, first load and reload alike; a dangling relationship fails the same way."""

from __future__ import annotations

import random

import pytest

from etl.bundle import ontology_batch
from graph.store.port import Batch, RelColumns, TupleRows, column
from ontology.errors import StoreError
from ontology.loader import load_ontology

ONTO = load_ontology()
FIELDS = ("id", "name", "local", "output", "revenue", "leading", "active", "tags")
SEGS = sorted(ONTO.segments)[:6]


def _firms(rng: random.Random, n: int) -> list[tuple]:
    out = []
    for i in rng.sample(range(n * 2), n):
        out.append((f"F{i:04d}", f"企业{i}", rng.choice([True, False, None]),
                    rng.choice([None, round(rng.uniform(1, 5e4), 2)]), rng.choice([None, 12.5]),
                    rng.random() < 0.3, rng.choice([None, False]), rng.choice([None, [], ["专精特新"]])))
    out.append(out[0][:1] + ("改名企业",) + (None,) * 6)  # the same id again: a patch of the first
    return out


def _batches(rng: random.Random, as_columns: bool) -> list[Batch]:
    firms = _firms(rng, 40)
    src, dst, props = [], [], []
    for f in firms:
        for sid in rng.sample(SEGS, rng.choice([1, 2])):
            src.append(f[0])
            dst.append(sid)
            props.append(rng.choice([{}, {"method": "classifier", "confidence": 0.5}]))
    ds_src = [f[0] for f in firms[:-1]]
    ds_dst = ["ds-x"] * len(ds_src)
    b = Batch()
    if as_columns:
        b.nodes["Enterprise"] = TupleRows(FIELDS, firms)
        b.rels["IN_SEGMENT"] = RelColumns(src, dst, props)
        b.rels["IN_DATASET"] = RelColumns(ds_src, ds_dst, [{}] * len(ds_src))
    else:
        for f in firms:
            b.node("Enterprise", {k: v for k, v in zip(FIELDS, f) if v is not None})
        for s, d, p in zip(src, dst, props):
            b.rel("IN_SEGMENT", s, d, p)
        for s, d in zip(ds_src, ds_dst):
            b.rel("IN_DATASET", s, d)
    head = ontology_batch(ONTO)
    head.node("Dataset", {"id": "ds-x", "name": "样本"})
    return [head, b]


def test_columns_read_as_the_maps_they_hold():
    firms = _firms(random.Random(3), 9)
    rows = TupleRows(FIELDS, firms)
    maps = [{k: v for k, v in zip(FIELDS, f) if v is not None} for f in firms]
    assert list(rows) == maps and [rows[i] for i in range(-len(maps), len(maps))] == maps + maps
    assert all(list(r) == list(m) for r, m in zip(rows, maps))  # same key order: same JSON text
    assert list(rows[2:5]) == maps[2:5] and len(rows[::2]) == len(maps[::2])
    assert rows.column("local") == [m.get("local") for m in maps] and rows.column("county") == [None] * len(maps)
    assert list(column(rows, "id")) == list(column(maps, "id"))
    rels = RelColumns(["a", "b", "c"], ["x", "y", "z"], [{}, {"k": 1}, {}])
    as_maps = [{"src": "a", "dst": "x", "props": {}}, {"src": "b", "dst": "y", "props": {"k": 1}},
               {"src": "c", "dst": "z", "props": {}}]
    assert list(rels) == as_maps and rels[-1] == as_maps[-1] and list(rels[1:]) == as_maps[1:]
    with pytest.raises(IndexError):
        rels[3]
    with pytest.raises(ValueError, match="different lengths"):
        RelColumns(["a"], [], [{}])


@pytest.mark.parametrize("reload", [False, True])
def test_a_store_written_from_columns_holds_what_the_maps_give(store, reload):
    seen = []
    for as_columns in (False, True):
        store.clear()
        if reload:  # a second load over the first: the upsert path, not the first-load one
            store.write_stream(_batches(random.Random(8), as_columns=False))
        store.write_stream(_batches(random.Random(9), as_columns))
        props = None
        if store.kind == "sqlite":  # the stored text itself (key order), not only the canonical checksum
            props = store._db.execute("SELECT label, id, props FROM nodes ORDER BY label, id").fetchall()
            props += store._db.execute("SELECT type, src, dst, props FROM rels ORDER BY 1, 2, 3").fetchall()
        seen.append((store.checksum(), [store._aggregates().segment(s) for s in SEGS], props))
    assert seen[0] == seen[1]


def test_a_dangling_relationship_held_as_columns_fails_the_write(store):
    store.clear()
    b = _batches(random.Random(4), as_columns=True)
    b[1].rels["IN_SEGMENT"] = RelColumns(["F9999"], [SEGS[0]], [{}])
    before = store.checksum()
    with pytest.raises(StoreError, match="missing node"):
        store.write_stream(b)
    assert store.checksum() == before
