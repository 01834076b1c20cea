"""A small hand-built chain with known answers, written into each store.

    a (上游) ──┐                 ┌──> c (下游, end product)
               ├──> b (中游) ───┤
    d (上游) ──┘                 └──> e (下游, end product)

b is on every path from the raw inputs (a, d) to the end products (c, e): a dominator and an
articulation point. Local firms: a: 3 equal firms (a1..a3, 100 each, a1 上市); b: none;
c: one firm (c1); d: d1 = 90, d2 = 10 (one firm holds 90 %); e: e1, e2 (50 each).
The local firms come from a dataset declared the census of cluster t, and every segment is made by the
cluster's own firms (``firm_base: cluster``, the 上游 ones too), so "no firm" means 缺失 everywhere.
Outside firms: x1 in b and a (related to local a), y1 in b only. Technologies: t-gap needed by
b (国内空白, chokepoint); t-ok needed by c (自主可控), held by c1.
"""

from __future__ import annotations

import pytest

from etl.bundle import ontology_batch
from graph.store.port import Batch
from ontology.loader import Ontology
from ontology.models import Cluster, Feeds, Segment, Technology


def tiny_ontology() -> Ontology:
    onto = Ontology()
    onto.clusters["t"] = Cluster(id="t", name="测试", source="test")
    for sid, stage in (("t-a", "上游"), ("t-d", "上游"), ("t-b", "中游"), ("t-c", "下游"), ("t-e", "下游")):
        onto.segments[sid] = Segment(id=sid, name=sid.upper(), cluster="t", stage=stage, weight=0.2, source="test",
                                     firm_base="cluster")
    onto.feeds = [Feeds(**{"from": a, "to": b}) for a, b in
                  (("t-a", "t-b"), ("t-d", "t-b"), ("t-b", "t-c"), ("t-b", "t-e"))]
    onto.technologies["t-gap"] = Technology(id="t-gap", name="空白技术", segments=["t-b"], status="国内空白",
                                            status_certain=True, chokepoint=True, source="test")
    onto.technologies["t-ok"] = Technology(id="t-ok", name="成熟技术", segments=["t-c"], status="自主可控",
                                           status_certain=True, chokepoint=False, source="test")
    return onto


def tiny_batch(onto: Ontology) -> Batch:
    b = ontology_batch(onto)
    firms = [("a1", "t-a", 100.0, ["上市"]), ("a2", "t-a", 100.0, []), ("a3", "t-a", 100.0, []),
             ("c1", "t-c", 200.0, []), ("d1", "t-d", 90.0, []), ("d2", "t-d", 10.0, []),
             ("e1", "t-e", 50.0, []), ("e2", "t-e", 50.0, [])]
    b.node("Dataset", {"id": "ds-t", "name": "测试集群名录", "population": "名录", "region": "台州市",
                       "census": True, "clusters": ["t"], "source": "test", "as_of": "2025-12-31"})
    for fid, sid, out, tags in firms:
        b.node("Enterprise", {"id": fid, "name": f"企业{fid}", "local": True, "output": out, "tags": tags,
                              "leading": "上市" in tags, "sources": ["test"]})
        b.rel("IN_SEGMENT", fid, sid)
        b.rel("IN_DATASET", fid, "ds-t")
    for fid, segs, rev in (("x1", ["t-b", "t-a"], 5000.0), ("y1", ["t-b"], 9000.0)):
        b.node("Enterprise", {"id": fid, "name": f"外地{fid}", "local": False, "revenue": rev, "tags": ["上市"],
                              "sources": ["test"]})
        for sid in segs:
            b.rel("IN_SEGMENT", fid, sid)
    b.rel("HOLDS", "c1", "t-ok")
    return b


@pytest.fixture
def tiny(store):
    onto = tiny_ontology()
    store.write(tiny_batch(onto))
    return store, onto
