"""A census declared for one cluster (a 集群名录) speaks for the segments the cluster's own firms make, not for
its upstream materials (firms of other industries) nor its services (testing, channels, after-sales, airports):
there a verdict is 未发现 with the wider census that would settle it; a 规上/全量登记 census still covers everything.
On the bundled chains, both stores."""

from __future__ import annotations

import pytest

from etl.bundle import ontology_batch
from graph.analytics.analysis import analyze
from graph.analytics.coverage import outside_list
from graph.store.port import Batch
from ontology import load_ontology

CLUSTER_LIST = {"id": "ds-list", "name": "智能马桶企业名录", "population": "名录", "region": "台州市", "census": True,
                "clusters": ["smart-toilet"], "source": "test", "as_of": "2026-11-30"}
REGISTRY = {"id": "ds-reg", "name": "全量登记企业", "population": "全量登记企业", "region": "台州市", "census": True,
            "clusters": [], "source": "test", "as_of": "2026-11-30"}


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _load(store, onto, dataset: dict) -> None:
    """The bundled chains, one local census firm making heaters, outside firms in a heater and a copper segment."""
    b = ontology_batch(onto)
    b.node("Dataset", dataset)
    b.node("Enterprise", {"id": "h1", "name": "本地加热", "local": True, "sources": ["t"]})
    b.rel("IN_SEGMENT", "h1", "smart-toilet-heater")
    b.rel("IN_DATASET", "h1", dataset["id"])
    for fid, sid in (("o-ctl", "smart-toilet-controller"), ("o-cu", "smart-toilet-metals"),
                     ("o-test", "smart-toilet-testing")):
        b.node("Enterprise", {"id": fid, "name": f"外地{fid}", "local": False, "revenue": 5000.0, "sources": ["t"]})
        b.rel("IN_SEGMENT", fid, sid)
    store.write(b)


def _gaps(result) -> dict:
    return {g["segment_id"]: g for g in result["gaps"]}


def test_the_rule_reads_the_ontology(onto):
    off = outside_list(onto.segments_of("smart-toilet"))
    # 上游 materials (other industries), the service subtree, and equipment/modules other industries make
    assert off["smart-toilet-metals"] == off["smart-toilet-materials"] == "other_industries"
    assert off["smart-toilet-testing"] == off["smart-toilet-services"] == "services"
    assert off["smart-toilet-ceramic-equipment"] == "other_industries"
    # a parent with one such child cannot be called missing on the list either
    assert "smart-toilet-equipment" in off and "smart-toilet-components" in off
    # the cluster's own making keeps census verdicts
    assert not {"smart-toilet-heater", "smart-toilet-controller", "smart-toilet-moulds", "smart-toilet-products",
                "smart-toilet-integrated", "smart-toilet-ceramic-body"} & set(off)
    aero = outside_list(onto.segments_of("aerospace"))
    assert {"aerospace-airport", "aerospace-mro", "aerospace-metals"} <= set(aero)
    assert "aerospace-flight-control" not in aero
    pharma = outside_list(onto.segments_of("pharma"))   # intermediates are the pharma cluster's own making
    assert "pharma-int-advanced" not in pharma and pharma["pharma-int-basic"] == "other_industries"
    assert pharma["pharma-distribution"] == "services"


def test_a_cluster_list_does_not_make_materials_and_services_missing(store, onto):
    _load(store, onto, CLUSTER_LIST)
    r = analyze(store, onto, cluster="smart-toilet")
    g = _gaps(r)
    for sid in ("smart-toilet-metals", "smart-toilet-plastics", "smart-toilet-testing", "smart-toilet-after-sales",
                "smart-toilet-ceramic-equipment"):
        assert g[sid]["kind"] == "unknown", sid
        assert g[sid]["verdict"] == "未发现（集群名录口径）"
        assert not g[sid]["basis"]["adequate"] and g[sid]["basis"]["outside_list"] in ("other_industries", "services")
        assert g[sid]["coverage"]["outside_list"] == g[sid]["basis"]["outside_list"]
        assert "集群名录只收本集群的制造企业" in g[sid]["evidence"]["rule"]
        act = g[sid]["action"]
        assert act["kind"] == "collect_registry" and "全量登记企业" in act["text"] and "--cluster" not in act["text"]
    assert "服务企业" in g["smart-toilet-testing"]["evidence"]["rule"]
    # the cluster's own making keeps its census verdicts
    assert g["smart-toilet-controller"]["kind"] == "missing" and g["smart-toilet-controller"]["basis"]["adequate"]
    assert g["smart-toilet-heater"]["kind"] == "single_point"
    assert r["coverage"]["smart-toilet"]["scope"] == "cluster" and r["coverage"]["smart-toilet"]["adequate"]
    # 招商 targets and 延链 follow only verdicts the list can give
    targets = {t["segment_id"] for t in r["targets"]}
    assert "smart-toilet-controller" in targets
    assert not targets & {"smart-toilet-metals", "smart-toilet-materials", "smart-toilet-testing",
                          "smart-toilet-services"}
    assert not {e["segment_id"] for e in r["extensions"]} & set(outside_list(onto.segments_of("smart-toilet")))
    assert not [a for a in r["data_actions"] if a["kind"] == "collect_data"]   # the list settles the rest
    collect = [a for a in r["data_actions"] if a["kind"] == "collect_registry"]
    assert len(collect) == 1 and "smart-toilet-metals" in {s["segment_id"] for s in collect[0]["segments"]}


def test_a_registry_census_still_covers_every_segment(store, onto):
    _load(store, onto, REGISTRY)
    r = analyze(store, onto, cluster="smart-toilet")
    g = _gaps(r)
    for sid in ("smart-toilet-metals", "smart-toilet-testing", "smart-toilet-ceramic-equipment",
                "smart-toilet-controller"):
        assert g[sid]["kind"] == "missing" and g[sid]["verdict"] == "缺失（全量口径）", sid
        assert g[sid]["basis"]["outside_list"] is None
    assert r["coverage"]["smart-toilet"]["scope"] == "all"
    assert {"smart-toilet-metals", "smart-toilet-testing"} <= {t["segment_id"] for t in r["targets"]}


def test_a_firm_found_outside_the_list_reads_present(store, onto):
    """A list firm placed in a segment the list does not speak for shows the link exists, not that it is thin."""
    extra = Batch()
    extra.node("Enterprise", {"id": "cu1", "name": "本地铜材", "local": True, "sources": ["t"]})
    extra.rel("IN_SEGMENT", "cu1", "smart-toilet-metals")
    extra.rel("IN_DATASET", "cu1", "ds-list")
    _load(store, onto, CLUSTER_LIST)
    store.write(extra)
    g = _gaps(analyze(store, onto, cluster="smart-toilet", sections=("gaps",)))
    assert g["smart-toilet-metals"]["kind"] == "present"
    assert "不能据此判定本环节缺失或强弱" in g["smart-toilet-metals"]["evidence"]["rule"]


def test_another_clusters_list_is_named_where_its_firms_count(store, onto):
    """F10: firms of the 智能马桶 list placed in 模具与塑料 count there; the list is named beside that cluster's 口径
    (not as it), so its figures add up."""
    _load(store, onto, CLUSTER_LIST)
    extra = Batch()
    extra.node("Enterprise", {"id": "m1", "name": "本地马桶模具", "local": True, "sources": ["t"]})
    extra.rel("IN_SEGMENT", "m1", "mould-plastic-injection-mould")
    extra.rel("IN_DATASET", "m1", "ds-list")
    store.write(extra)
    r = analyze(store, onto, cluster="mould-plastic", sections=("gaps",))
    b = r["coverage"]["mould-plastic"]
    assert b["datasets"] == [] and not b["adequate"]                      # not its 口径
    assert [(d["name"], d["local_firms"]) for d in b["other_lists"]] == [("智能马桶企业名录", 1)]
    assert b["label"] == "样本口径"                                         # its firms read as a sample's
    g = _gaps(r)["mould-plastic-injection-mould"]
    assert g["evidence"]["local_firms"] == 1 and g["coverage"]["other_lists"] == ["智能马桶企业名录"]
    assert analyze(store, onto, cluster="smart-toilet", sections=("gaps",))["coverage"]["smart-toilet"]["other_lists"] == []
