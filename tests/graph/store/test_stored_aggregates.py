"""The stored aggregates (graph.store.aggregates) stay exact: after random loads, overrides and deletes they
equal a from-scratch recount, and the whole analysis equals the one of a fresh store holding the same
rows; a load killed with SIGKILL mid-write leaves rows and aggregates as they were — on both stores."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from etl.bundle import ontology_batch
from graph.store import aggregate_state, aggregates, sql
from graph.analytics.analysis import analyze
from graph.store.sqlite_store import SQLiteStore
from graph.store.port import Batch
from ontology.loader import load_ontology
from ontology.schema import LABELS, REL_TYPES

ONTO = load_ontology()
# a few segments of two clusters, parents and children among them, so the ranked lists overflow
_ROOTS = sorted((s for s in ONTO.segments.values() if s.parent is None and s.cluster in ("auto", "sewing")),
                key=lambda s: (-len(ONTO.subtree(s.id)), s.id))
SEGS = sorted({sid for r in (_ROOTS[0], [x for x in _ROOTS if x.cluster == "sewing"][0]) for sid in ONTO.subtree(r.id)[:5]})
WIDE = sorted(s.id for s in ONTO.segments.values() if s.cluster in ("auto", "sewing"))  # with gaps among them
TECHS = sorted(t.id for t in ONTO.technologies.values() if set(t.segments) & set(SEGS))[:4] or sorted(ONTO.technologies)[:4]


def _firm(rng: random.Random, i: int) -> dict:
    f = {"id": f"F{i:04d}", "name": f"企业{i}", "local": rng.choice([True, True, False, None])}
    if rng.random() < 0.7:
        f["output"] = rng.choice([round(rng.uniform(1, 5e4), 2), 0.1, 1e-3, 20_000.0])
    elif rng.random() < 0.5:
        f["revenue"] = round(rng.uniform(1, 3e4), 1)
    f["leading"] = rng.random() < 0.2
    if rng.random() < 0.15:
        f["active"] = False
    return f


def _random_load(rng: random.Random, n_ids: int, size: int, segs: list[str] = SEGS) -> Batch:
    b = Batch()
    for i in rng.sample(range(n_ids), size):
        f = _firm(rng, i)
        if rng.random() < 0.2:  # a partial update: output dropped or changed only
            f = {"id": f["id"], "output": None} if rng.random() < 0.5 else {"id": f["id"], "output": 7.5}
        b.node("Enterprise", f)
        for sid in rng.sample(segs, rng.choice([1, 1, 2, 3])):
            b.rel("IN_SEGMENT", f["id"], sid)
        if rng.random() < 0.3:
            b.rel("HOLDS", f["id"], rng.choice(TECHS))
        b.rel("IN_DATASET", f["id"], rng.choice(["ds-census", "ds-sample"]))
    return b


def _setup(store) -> None:
    b = ontology_batch(ONTO)
    b.node("Dataset", {"id": "ds-census", "name": "规上名录", "population": "规上工业企业", "region": "台州市",
                       "census": True, "as_of": "2025-12-31"})
    b.node("Dataset", {"id": "ds-sample", "name": "样本", "population": "样本", "region": "台州市", "census": False})
    store.write(b)


def _short_lists(monkeypatch, top: int, max_n: int) -> None:
    """Short ranked lists: the cap (graph.store.aggregate_state) and the adapters' threshold for
    asking the store instead (graph.store.aggregates, which re-exports both)."""
    for mod in (aggregates, aggregate_state):
        monkeypatch.setattr(mod, "TOP_N", top)
        monkeypatch.setattr(mod, "MAX_N", max_n)


def _lists(a: aggregates.Aggregates) -> dict:
    return {k: (v["n"], [tuple(e) for e in v["top"]]) for k, v in a.lists.items()}


def _assert_exact(store) -> None:
    stored, fresh = store._aggregates(), store.recount_aggregates()
    assert [stored.segment(s) for s in ONTO.segments] == [fresh.segment(s) for s in ONTO.segments]
    assert stored.dataset_clusters() == fresh.dataset_clusters()
    assert {t: n for t, n in stored.techs.items() if n} == {t: n for t, n in fresh.techs.items() if n}
    assert _lists(stored) == _lists(fresh)
    if store.kind == "sqlite":  # and an independent count: the one-pass SQL the analysis used to run
        ref = {r[0]: r for r in store._q(sql.SEGMENT_AGGREGATES, {"clusters": None})}
        for a in store.segment_aggregates():
            r = ref[a.segment_id]
            assert (a.local_count, a.outside_count, a.leading_count, a.tech_needed, a.tech_held_locally,
                    a.local_reported, a.direct_local, a.inactive) == (r[1], r[2], r[6], r[7], r[8], r[9], r[10], r[11])
            assert [a.local_output, a.local_output_sq, a.max_output] == pytest.approx([r[3], r[4], r[5]], rel=1e-12)
        ds: dict = {}
        for d, c, n in store._q(sql.DATASET_CLUSTERS):
            ds.setdefault(d, {})[c] = n
        assert store.dataset_clusters() == ds


def test_stored_aggregates_equal_a_recount_after_random_changes(store, monkeypatch):
    # short ranked lists, so removals from a list's top and refills from the store happen here
    _short_lists(monkeypatch, 3, 2)
    monkeypatch.setattr(aggregates, "_STEP", 7)  # a write's touched firms applied in slices, as a large load's
    rng = random.Random(16)
    _setup(store)
    for step in range(12):
        op = step % 4
        if op in (0, 1):
            store.write(_random_load(rng, 60, 25))
        elif op == 2:  # an override: a firm moved to another segment, one link dropped, in one batch
            b = Batch()
            for rel in rng.sample(store.rels("IN_SEGMENT"), 5):
                b.drop_rel("IN_SEGMENT", rel["src"], rel["dst"])
                b.rel("IN_SEGMENT", rel["src"], rng.choice(SEGS))
            store.write(b)
        else:
            ids = [f["id"] for f in store.find_nodes("Enterprise", limit=1000)]
            store.delete_nodes("Enterprise", rng.sample(ids, 4))
            holds = store.rels("HOLDS")
            store.delete_rels("HOLDS", [(r["src"], r["dst"]) for r in holds[:2]])
            store.delete_rels("IN_SEGMENT", [(r["src"], r["dst"]) for r in store.rels("IN_SEGMENT")[:3]])
        _assert_exact(store)
    assert store.segment_aggregates("auto")[0].local_count >= 0
    assert any(a.local_count for a in store.segment_aggregates())


def _first_load_stream(rng: random.Random) -> list[Batch]:
    """A first load as ``write_stream`` gets it: the ontology and datasets, then chunks of firms —
    ids repeated across chunks and within one, links to earlier chunks' firms, a drop."""
    head = ontology_batch(ONTO)
    head.node("Dataset", {"id": "ds-census", "name": "规上名录", "population": "规上工业企业", "region": "台州市",
                          "census": True, "as_of": "2025-12-31"})
    head.node("Dataset", {"id": "ds-sample", "name": "样本", "population": "样本", "region": "台州市", "census": False})
    chunks = [head]
    for _ in range(6):
        b = _random_load(rng, 80, 20)
        twice = dict(b.nodes["Enterprise"][0])  # the same firm twice in one chunk: patched, read back
        twice["output"] = 123.5
        b.node("Enterprise", twice)
        chunks.append(b)
    last = Batch()
    earlier = [n["id"] for n in chunks[1].nodes["Enterprise"]]
    last.rel("HOLDS", earlier[0], TECHS[0])
    last.drop_rel("IN_SEGMENT", chunks[1].rels["IN_SEGMENT"][0]["src"], chunks[1].rels["IN_SEGMENT"][0]["dst"])
    chunks.append(last)
    return chunks


def test_first_load_stream_keeps_the_aggregates_exact(store, monkeypatch):
    # a first load into an empty store computes new firms' states from its rows (aggregates.fresh_states)
    _short_lists(monkeypatch, 3, 2)
    store.write_stream(_first_load_stream(random.Random(7)))
    _assert_exact(store)


def test_fresh_states_equal_the_states_read_back():
    rng = random.Random(11)
    s = SQLiteStore(":memory:")
    stored: set[str] = set()
    computed = 0
    with s._transaction() as tx:
        for b in _first_load_stream(rng):
            touched = aggregates.touched_firms(b)
            fresh = aggregates.fresh_states(b, touched, stored)
            s._upsert(b, lambda p: json.dumps(p or {}), None, None, {"sql": 0.0, "json": 0.0})
            assert fresh == {f: st for f, st in tx.states(fresh).items()}
            assert set(fresh) <= touched - stored
            stored.update(n["id"] for n in b.nodes.get("Enterprise", ()))
            computed += len(fresh)
    # 120 firm rows over 80 ids: the new ones computed (59 with this seed), a firm written twice in
    # its chunk or already stored left to the read-back
    assert computed > 40


def _copy(store) -> SQLiteStore:
    """The same rows, written once into a fresh embedded store: a from-scratch count."""
    fresh = SQLiteStore(":memory:")
    b = Batch()
    for label in LABELS:
        for props in store.find_nodes(label, limit=100_000):
            b.node(label, props)
    for t in REL_TYPES:
        for r in store.rels(t):
            b.rel(t, r["src"], r["dst"], r["props"])
    fresh.write(b)
    assert fresh.checksum() == store.checksum()
    return fresh


def test_analysis_from_stored_aggregates_equals_a_fresh_count(store):
    rng = random.Random(7)
    _setup(store)
    for _ in range(3):
        store.write(_random_load(rng, 150, 80, WIDE))
    store.delete_nodes("Enterprise", [f["id"] for f in store.find_nodes("Enterprise", limit=5)])
    store.delete_rels("IN_SEGMENT", [(r["src"], r["dst"]) for r in store.rels("IN_SEGMENT")[:10]])
    fresh = _copy(store)
    a, b = analyze(store, ONTO), analyze(fresh, ONTO)
    assert a["targets"] and a["projects"]  # the ranked lists are read, not only the counts
    assert json.dumps(a, ensure_ascii=False, sort_keys=True) == json.dumps(b, ensure_ascii=False, sort_keys=True)
    fresh.close()


def test_rebuild_aggregates_restores_what_a_foreign_write_left_stale(store):
    if store.kind == "neo4j":  # the aggregates node is no content: a cleared database reads as empty
        assert tuple(store.version()) == (0, 0) and store.counts()["nodes"]["Segment"] == 0
    _setup(store)
    store.write(_random_load(random.Random(3), 40, 30))
    before = store.segment_aggregates()
    if store.kind == "sqlite":  # another tool wrote rows past the store (as a bulk importer does)
        store._db.execute("UPDATE meta SET value = ? WHERE key = 'aggregates'", (aggregates.Aggregates().dumps(),))
    else:
        store._driver.execute_query("MATCH (a:ChainkgAggregates) SET a.state = $s, a.seq = 'stale'",
                                    s=aggregates.Aggregates().dumps(), database_=store.database)
    store._agg_cache = None
    assert store.segment_aggregates() != before
    store.rebuild_aggregates()
    assert store.segment_aggregates() == before


def test_aggregates_of_an_older_meaning_are_recounted_when_the_store_opens(store):
    # schema 4 (SQLite) and a state node without a version (Neo4j) counted every closed firm of a segment,
    # wherever it was; now only closed local ones (review 40 F4): such a store is recounted on open
    _setup(store)
    b = Batch()
    for fid, local in (("C-local", True), ("C-away", False), ("C-nowhere", None)):
        b.node("Enterprise", {"id": fid, "name": fid, "local": local, "active": False, "status": "注销"})
        b.rel("IN_SEGMENT", fid, SEGS[0])
    store.write(b)
    assert {a.segment_id: a for a in store.segment_aggregates()}[SEGS[0]].inactive == 1  # the closed firm of Taizhou only
    right = store.segment_aggregates()
    stale = store.recount_aggregates()
    stale.counts[SEGS[0]]["inact"] = 3  # as the older meaning counted it
    if store.kind == "sqlite":
        store._db.execute("UPDATE meta SET value = ? WHERE key = 'aggregates'", (stale.dumps(),))
        store._db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        store.close()
        again = SQLiteStore(store.path)
    else:
        from graph.store.neo4j_store import Neo4jStore
        store._driver.execute_query("MATCH (a:ChainkgAggregates) SET a.state = $s, a.seq = 'old' REMOVE a.version",
                                    s=stale.dumps(), database_=store.database)
        again = Neo4jStore.from_url(os.environ["CHAINKG_NEO4J_URL"])
    try:
        assert again.segment_aggregates() == right
    finally:
        if store.kind == "neo4j":
            again.close()


_CHILD = """
import sys
from graph.store.open import open_store
from graph.store.port import Batch
store = open_store(sys.argv[1])
b = Batch()
for i in range(int(sys.argv[2])):
    b.node("Enterprise", {"id": f"K{i:06d}", "name": f"K{i}", "local": True, "output": float(i % 97)})
    b.rel("IN_SEGMENT", f"K{i:06d}", sys.argv[3])
def progress(n):
    print("writing", flush=True)
store.write(b, progress=progress)
print("committed", flush=True)
"""


def test_sigkill_mid_load_leaves_rows_and_aggregates_consistent(store, tmp_path):
    _setup(store)
    store.write(_random_load(random.Random(5), 50, 40))
    checksum, aggs = store.checksum(), store.segment_aggregates()
    url = store.path if store.kind == "sqlite" else os.environ["CHAINKG_NEO4J_URL"]
    n = 40_000 if store.kind == "sqlite" else 60_000
    child = subprocess.Popen([sys.executable, "-c", _CHILD, url, str(n), SEGS[0]], stdout=subprocess.PIPE, text=True,
                             env=os.environ | {"PYTHONPATH": os.getcwd()})
    line = child.stdout.readline()  # the first chunk is in: the transaction is half written
    assert line.strip() == "writing", line
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    if store.kind == "sqlite":
        reopened = SQLiteStore(store.path)
    else:  # the server rolls the dead client's transaction back once it sees the connection gone
        reopened = store
        for _ in range(60):
            if store.checksum() == checksum:
                break
            time.sleep(1)
    store._agg_cache = None
    assert reopened.checksum() == checksum
    assert reopened.segment_aggregates() == aggs
    _assert_exact(reopened)
    if reopened is not store:
        reopened.close()


def test_what_if_equals_the_analysis_after_the_change(store):
    """Moving the stored aggregates by the firms involved gives the verdicts a recount after the
    change gives (the largest local firms leave; an outside firm comes in)."""
    from graph.analytics.whatif import NewEnterprise, Scenario, what_if

    rng = random.Random(11)
    _setup(store)
    for _ in range(2):
        store.write(_random_load(rng, 150, 90, WIDE))
    gone = [f["id"] for f in store.top_firms(WIDE, local=True, limit=3)]
    comer = store.top_firms(WIDE, local=False, limit=1)[0]
    res = what_if(store, ONTO, Scenario(remove_enterprises=gone, add_enterprises=[NewEnterprise(id=comer["id"])]))
    after = _copy(store)
    after.delete_nodes("Enterprise", gone)
    b = Batch()
    b.node("Enterprise", {"id": comer["id"], "local": True, "active": True})
    after.write(b)
    want = analyze(after, ONTO, sections=("gaps",))["gaps"]
    key = lambda g: (g["segment_id"], g["kind"], g["strength"], g["score"],  # noqa: E731
                     {k: v for k, v in g["evidence"].items() if k != "parent_firms"})
    assert res["changes"]
    assert sorted(map(key, res["gaps_after"]), key=str) == sorted(map(key, want), key=str)
    after.close()
