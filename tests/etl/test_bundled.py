"""The bundled Taizhou data (seven templates, technologies, policy facts, enterprises) loads
through both store adapters to the same graph: same counts and the same content checksum."""

from __future__ import annotations

import csv

from chainkg.service import ChainKG
from etl.loader import BUNDLED_FILES
from graph.store.sqlite_store import SQLiteStore
from ontology import load_ontology


def test_bundled_data_loads_whole_and_identically(store):
    onto = load_ontology()
    report = ChainKG(store).load()
    assert report.quarantined == []
    counts = store.counts()
    assert counts["nodes"]["Cluster"] == 7
    assert counts["nodes"]["Segment"] == len(onto.segments)
    assert counts["nodes"]["Technology"] == len(onto.technologies)
    assert counts["relationships"]["FEEDS"] == len(onto.feeds)
    assert counts["nodes"]["County"] == 9 and counts["nodes"]["PolicyTarget"] == len(onto.targets)
    assert counts["nodes"]["Enterprise"] == len(_firm_rows())
    reference = SQLiteStore(":memory:")
    ChainKG(reference).load()
    assert store.checksum() == reference.checksum()


def _firm_rows() -> list[dict]:
    """Rows of the bundled enterprise files (holdings files name firms but are not firms)."""
    rows = []
    for f in BUNDLED_FILES:
        with f.open(encoding="utf-8") as fh:
            rows += [r for r in csv.DictReader(fh) if "technology_id" not in r]
    return rows


def test_every_bundled_enterprise_has_a_source_and_known_segments():
    onto = load_ontology()
    rows = _firm_rows()
    assert all(r["source"].strip() for r in rows)
    for r in rows:
        for sid in filter(None, r["segments"].split(";")):
            assert sid in onto.segments, (r["name"], sid)
        if r["local"] == "true" and r["county"]:
            assert onto.county_by_name(r["county"]) is not None, r["name"]
        if r["segments"]:
            assert r["segment_evidence"].strip(), r["name"]
