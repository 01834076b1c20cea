"""The aggregates a bulk load counts from its CSV rows (graph.store.bulk_aggregates) equal what each
store counts from the same rows written online — firms inactive, without a location, with revenue
only or with no figure, several segments, technologies, datasets; on both stores."""

from __future__ import annotations

import random

from graph.store import aggregates
from graph.store.bulk_aggregates import ImportedAggregates, firm_state
from graph.store.neo4j_csv import CsvGraphWriter
from graph.store.port import Batch
from tests.graph.store.test_stored_aggregates import ONTO, SEGS, WIDE, _firm, _lists, _setup, _short_lists

from etl.bundle import ontology_batch


def _first_load(rng: random.Random, n: int) -> Batch:
    b = Batch()
    for i in range(n):
        f = _firm(rng, i)
        b.node("Enterprise", f)
        for sid in rng.sample(WIDE, rng.choice([0, 1, 1, 2, 3])):
            b.rel("IN_SEGMENT", f["id"], sid)
        if rng.random() < 0.4:
            for tid in rng.sample(sorted(ONTO.technologies), rng.choice([1, 2])):
                b.rel("HOLDS", f["id"], tid)
        if rng.random() < 0.8:
            b.rel("IN_DATASET", f["id"], rng.choice(["ds-census", "ds-sample"]))
    return b


def test_counted_aggregates_equal_the_stores_recount(store, tmp_path, monkeypatch):
    _short_lists(monkeypatch, 4, 3)  # short lists: the ranking's ties and cut-offs matter
    rng = random.Random(7)
    _setup(store)
    load = _first_load(rng, 300)
    store.write(load)
    counted = ImportedAggregates()
    writer = CsvGraphWriter(tmp_path, observe=counted)
    setup = ontology_batch(ONTO)
    setup.node("Dataset", {"id": "ds-census"})
    setup.node("Dataset", {"id": "ds-sample"})
    writer.add(setup)
    writer.add(load)
    mine, theirs = aggregates.Aggregates.loads(counted.state()), store.recount_aggregates()
    assert [mine.segment(s) for s in ONTO.segments] == [theirs.segment(s) for s in ONTO.segments]
    assert mine.dataset_clusters() == theirs.dataset_clusters() and mine.dataset_clusters()
    assert mine.techs == {t: n for t, n in theirs.techs.items() if n}
    assert _lists(mine) == _lists(theirs)
    assert mine.dumps() == store._aggregates().dumps()  # and what the store keeps after its own write
    assert any(mine.segment(s).local_count for s in SEGS)


def test_firm_state_rule():
    assert firm_state(None, None, None, None, None, [], [], []) == \
        aggregates.FirmState(None, None, False, False, (), (), ())
    assert firm_state(False, None, 3, True, True, ["b", "a"], ["t"], ["d"]) == \
        aggregates.FirmState(0, 3.0, True, False, ("a", "b"), ("t",), ("d",))
    assert firm_state(True, 0.0, 9.0, None, None, [], [], []).output == 0.0  # output 0 is a figure
    assert firm_state(True, "12.5", None, None, None, [], [], []).output == 12.5
    assert firm_state(True, "n/a", 4, None, None, [], [], []).output is None  # toFloat: null, not revenue
