"""Answers, not just stored content, agree across the two stores: the whole analysis JSON and every
segment's listing totals, on the bundled data plus a cluster census (a registry export)."""

from __future__ import annotations

import json

import pytest

from chainkg.service import ChainKG
from etl.dataset import census_spec
from graph.store.sqlite_store import SQLiteStore
from ontology.loader import load_ontology
from tests.chainkg.test_census_flow import registry_export

pytestmark = pytest.mark.neo4j


def _load(store, tmp_path):
    ChainKG(store).load()
    spec = census_spec("台州市智能马桶企业名录（2026）", as_of="2026-11-30", clusters=["smart-toilet"])
    ChainKG(store).load([registry_export(tmp_path)], dataset=spec)


def _canon(obj):
    """JSON with floats rounded (the two engines sum in different orders)."""
    def fix(x):
        if isinstance(x, float):
            return round(x, 6)
        if isinstance(x, dict):
            return {k: fix(v) for k, v in x.items()}
        if isinstance(x, list):
            return [fix(v) for v in x]
        return x
    return json.dumps(fix(obj), ensure_ascii=False, sort_keys=True)


def test_whole_analysis_and_listings_identical(neo4j_store, tmp_path):
    lite = SQLiteStore(tmp_path / "kg.db")
    _load(lite, tmp_path)
    _load(neo4j_store, tmp_path)
    assert lite.checksum() == neo4j_store.checksum()
    a, b = ChainKG(lite).analysis(), ChainKG(neo4j_store).analysis()
    assert _canon(a) == _canon(b)
    assert _canon(ChainKG(lite).clusters()) == _canon(ChainKG(neo4j_store).clusters())
    gaps = {g["segment_id"]: g for g in a["gaps"]}
    for sid in load_ontology().segments:
        for local in (True, False):
            t1, p1 = ChainKG(lite).enterprises(segment=sid, local=local, limit=20)
            t2, p2 = ChainKG(neo4j_store).enterprises(segment=sid, local=local, limit=20)
            assert (t1, [e["id"] for e in p1]) == (t2, [e["id"] for e in p2]), (sid, local)
            ev = gaps[sid]["evidence"]
            assert t1 == (ev["local_firms"] if local else ev["outside_firms"]), (sid, local)
    lite.close()
