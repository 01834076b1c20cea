"""A census declared for several clusters (``--census NAME --cluster pharma --cluster auto``): each cluster's
check of the census's unplaced firms leaves out the firms placed in the other clusters the census declares, and
says what is known of the rest (review 40 F5: 37 firms "unplaced" in 医药 were mostly the census's 汽车, 泵与电机 and
缝制 firms, and "可能属于其他集群" was said of firms known to be in one). On the bundled chains, both stores."""

from __future__ import annotations

import pytest

from etl.bundle import ontology_batch
from graph.analytics.analysis import analyze
from ontology import load_ontology

CENSUS = {"id": "ds-c4", "name": "浙江省重点产业企业名录", "population": "名录", "region": "台州市", "census": True,
          "clusters": ["pharma", "auto"], "source": "test", "as_of": "2026-12-02", "firms_local": 5}


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _leaf(onto, cluster: str) -> str:
    return sorted(s.id for s in onto.segments.values() if s.cluster == cluster and len(onto.subtree(s.id)) == 1)[0]


def _load(store, onto) -> None:
    b = ontology_batch(onto)
    b.node("Dataset", CENSUS)
    firms = {"p1": ["pharma"], "a1": ["auto"], "pa": ["pharma", "auto"], "m1": ["mould-plastic"], "u1": []}
    for fid, clusters in firms.items():
        b.node("Enterprise", {"id": fid, "name": f"示例{fid}", "local": True, "sources": ["t"]})
        b.rel("IN_DATASET", fid, CENSUS["id"])
        for c in clusters:
            b.rel("IN_SEGMENT", fid, _leaf(onto, c))
    store.write(b)


@pytest.mark.parametrize("cluster", ["pharma", "auto"])
def test_firms_placed_in_another_declared_cluster_are_not_unplaced(store, onto, cluster):
    _load(store, onto)
    r = analyze(store, onto, cluster=cluster, sections=("gaps",))
    # 5 local firms: p1, a1 and pa are in a declared cluster; m1 is in 模具与塑料 (not declared), u1 in none
    assert r["coverage"][cluster]["census_firms_not_placed"] == 2
    check = [a for a in r["data_actions"] if a["kind"] == "check_census_firms"]
    assert len(check) == 1
    a = check[0]
    assert sorted(f["enterprise_id"] for f in a["unplaced_firms"]) == ["m1", "u1"]
    assert (a["other_clusters"], a["no_segment"]) == (1, 1)
    assert a["text"].startswith("名录中 2 家本地在营企业未归入名录所列各集群的任何环节：")
    assert (a["words"]["named"], a["words"]["split"]) == (
        "名录所列各集群（医药、汽车）的", "（其中 1 家归入了名录未列的其他集群，1 家未归入任何环节、产品未能识别）")


def test_a_census_of_one_cluster_still_counts_the_other_clusters_firms(store, onto):
    # declared for 医药 alone, the same firms: a1 (汽车) is unplaced for it, and known to sit in another cluster
    _load(store, onto)
    b = ontology_batch(onto)
    b.node("Dataset", {**CENSUS, "clusters": ["pharma"]})
    store.write(b)
    r = analyze(store, onto, cluster="pharma", sections=("gaps",))
    assert r["coverage"]["pharma"]["census_firms_not_placed"] == 3
    a = next(a for a in r["data_actions"] if a["kind"] == "check_census_firms")
    assert sorted(f["enterprise_id"] for f in a["unplaced_firms"]) == ["a1", "m1", "u1"]
    assert a["text"].startswith("名录中 3 家本地在营企业未归入本集群任何环节：")
    assert a["words"]["split"] == "（其中 2 家归入了名录未列的其他集群，1 家未归入任何环节、产品未能识别）"
