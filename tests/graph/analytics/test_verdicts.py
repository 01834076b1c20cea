"""Verdicts say what the data can show (口径), on both stores: 缺失 only on a census of the firm
base; 未发现 / 已有 on narrower data; parent-only placements, inactive firms and missing output."""

from __future__ import annotations

from graph.analytics.analysis import analyze
from graph.store.port import Batch
from tests.graph.analytics.conftest import tiny_batch, tiny_ontology


def _store_with(store, *, census: dict | None, extra: Batch | None = None):
    """The tiny chain with its dataset replaced by ``census`` (None: a plain sample)."""
    onto = tiny_ontology()
    b = tiny_batch(onto)
    ds = b.nodes["Dataset"][0]
    if census is None:
        ds.update({"population": "样本/自填", "census": False, "clusters": [], "name": "样本"})
    else:
        ds.update(census)
    if extra:
        b.extend(extra)
    store.write(b)
    return onto


def by_id(result):
    return {g["segment_id"]: g for g in result["gaps"]}


def test_sample_data_never_says_missing(store):
    onto = _store_with(store, census=None)
    r = analyze(store, onto, cluster="t")
    g = by_id(r)
    assert g["t-b"]["kind"] == "unknown" and g["t-b"]["verdict"] == "未发现（样本口径）"
    assert g["t-b"]["action"]["kind"] == "collect_data" and "规上" in g["t-b"]["action"]["text"]
    assert not g["t-b"]["basis"]["adequate"]
    # one firm of a sample is not a single point; a thin-looking segment is only "present"
    assert g["t-d"]["kind"] == "present" and g["t-c"]["kind"] != "single_point"
    assert "不足以判断强弱" in g["t-d"]["evidence"]["rule"]
    assert r["targets"] == [] and r["extensions"] == []      # targets follow the evidence
    assert r["data_actions"] and r["data_actions"][0]["segments"] == [{"segment_id": "t-b", "segment": "T-B"}]


def test_listed_census_is_a_narrow_basis(store):
    onto = _store_with(store, census={"population": "上市公司", "census": True, "clusters": [],
                                      "name": "A股上市公司"})
    g = by_id(analyze(store, onto, cluster="t", sections=("gaps",)))
    assert g["t-b"]["verdict"] == "未发现（上市公司口径）"
    assert g["t-b"]["coverage"]["datasets"] == ["A股上市公司"]
    assert g["t-b"]["coverage"]["as_of"] == "2025-12-31"


def test_census_of_the_firm_base_shows_missing_and_targets(store):
    onto = _store_with(store, census={"population": "规上工业企业", "census": True, "clusters": [],
                                      "name": "规上名录"})
    r = analyze(store, onto, cluster="t")
    g = by_id(r)
    assert g["t-b"]["kind"] == "missing" and g["t-b"]["verdict"] == "缺失（规上口径）"
    assert g["t-c"]["kind"] == "single_point"
    assert {t["segment_id"] for t in r["targets"]} >= {"t-b"}
    cov = g["t-a"]["coverage"]
    assert (cov["firms_known"], cov["firms_with_output"], cov["adequate"]) == (3, 3, True)


def test_census_of_another_region_is_not_taizhou(store):
    onto = _store_with(store, census={"population": "规上工业企业", "census": True, "clusters": [],
                                      "region": "宁波市", "name": "宁波规上"})
    assert by_id(analyze(store, onto, cluster="t", sections=("gaps",)))["t-b"]["kind"] == "unknown"


def test_firms_only_on_the_parent_make_a_child_unknown_not_missing(store):
    extra = Batch()
    extra.node("Segment", {"id": "t-a1", "name": "A1", "cluster": "t", "stage": "上游", "parent": "t-a",
                           "weight": 0.5, "source": "test", "level": 2})
    extra.rel("PART_OF", "t-a1", "t")
    extra.rel("CHILD_OF", "t-a1", "t-a")
    onto = _store_with(store, census={"population": "规上工业企业", "census": True, "clusters": [], "name": "规上"},
                       extra=extra)
    from ontology.models import Segment

    onto.segments["t-a1"] = Segment(id="t-a1", name="A1", cluster="t", stage="上游", parent="t-a", level=2,
                                    weight=0.5, source="test")
    g = by_id(analyze(store, onto, cluster="t", sections=("gaps",)))
    assert g["t-a1"]["kind"] == "unknown"
    assert g["t-a1"]["evidence"]["parent_firms"] == {"segment_id": "t-a", "segment": "T-A", "firms": 3}
    assert g["t-a1"]["action"]["kind"] == "check_placement"


def test_missing_output_is_not_zero_and_inactive_firms_do_not_count(store):
    extra = Batch()
    # t-c gets two more local firms without output: one reporter of three is too few for output rules
    for fid in ("c2", "c3"):
        extra.node("Enterprise", {"id": fid, "name": f"企业{fid}", "local": True, "sources": ["test"]})
        extra.rel("IN_SEGMENT", fid, "t-c")
        extra.rel("IN_DATASET", fid, "ds-t")
    # t-b gets a cancelled local firm: still missing
    extra.node("Enterprise", {"id": "b-gone", "name": "已注销企业", "local": True, "status": "注销", "active": False,
                              "output": 500.0, "sources": ["test"]})
    extra.rel("IN_SEGMENT", "b-gone", "t-b")
    # t-c gets a cancelled firm of 杭州: no closed *local* firm (review 40 F4)
    extra.node("Enterprise", {"id": "c-gone-away", "name": "杭州已注销企业", "local": False, "status": "注销",
                              "active": False, "sources": ["test"]})
    extra.rel("IN_SEGMENT", "c-gone-away", "t-c")
    onto = _store_with(store, census={"population": "名录", "census": True, "clusters": ["t"], "name": "名录"},
                       extra=extra)
    r = analyze(store, onto, cluster="t")
    g = by_id(r)
    c = g["t-c"]
    assert c["kind"] != "single_point" and c["evidence"]["largest_firm_share"] is None
    assert (c["coverage"]["firms_known"], c["coverage"]["firms_with_output"]) == (3, 1)
    assert "1/3 家报送产值" in c["evidence"]["rule"]
    assert g["t-b"]["kind"] == "missing" and g["t-b"]["coverage"]["inactive_excluded"] == 1
    assert g["t-b"]["verdict"] == "缺失（集群名录口径）"
    # the 缺失 row itself says its segment's one firm was left out because it no longer operates
    assert g["t-b"]["evidence"]["rule"].endswith("；另有 1 家本环节的本地企业已注销、吊销等不再经营，不计入")
    assert "1 local firm(s) placed here no longer operate" in g["t-b"]["evidence"]["rule_en"]
    assert "注销" not in c["evidence"]["rule"] and c["coverage"]["inactive_excluded"] == 0
    for t in r["targets"]:
        assert "b-gone" not in {c["enterprise_id"] for c in t["candidates"]}


def test_a_cluster_census_with_firms_in_no_segment_says_so_before_its_missing_verdicts(store):
    """A 泵与电机 census of 14 local firms, 6 placed in the cluster, read 机械密封 缺失 — "台州确实没有" — while
    one of the other 8 (left unplaced by the classifier) makes mechanical seals. The analysis now says how
    many of the census's local operating firms are in none of the cluster's segments, as a step over its
    缺失 and 单点依赖 segments; a census where every local firm is placed, or a registry of every industry,
    says nothing."""
    extra = Batch()
    for fid in ("u1", "u2"):  # the census's two firms the classifier placed nowhere
        extra.node("Enterprise", {"id": fid, "name": f"未归入{fid}", "local": True, "sources": ["test"]})
        extra.rel("IN_DATASET", fid, "ds-t")
    onto = _store_with(store, census={"firms_local": 10}, extra=extra)
    r = analyze(store, onto, cluster="t", sections=("gaps",))
    assert r["coverage"]["t"]["census_firms_not_placed"] == 2
    check = [a for a in r["data_actions"] if a["kind"] == "check_census_firms"]
    assert len(check) == 1 and check[0]["firms"] == 2 and "2 家" in check[0]["text"]
    kinds = {g["segment_id"]: g["kind"] for g in r["gaps"]}
    assert {s["segment_id"] for s in check[0]["segments"]} == {s for s, k in kinds.items()
                                                              if k in ("missing", "single_point")} >= {"t-b", "t-c"}
    # review 39 F7: the step names them (the count alone sent the officer to a filter that showed none)
    assert [(f["enterprise_id"], f["name"]) for f in check[0]["unplaced_firms"]] == [("u1", "未归入u1"),
                                                                                   ("u2", "未归入u2")]
    assert [d["id"] for d in check[0]["datasets"]] == ["ds-t"]
    # and a candidate for a 缺失 segment does not say Taizhou has no such firm while those firms are unchecked
    r = analyze(store, onto, cluster="t")
    why = next(t for t in r["targets"] if t["segment_id"] == "t-b")["candidates"][0]["profile"]["why"][0]
    assert "台州目前没有" not in why and "另有 2 家" in why, why


def test_no_census_check_when_every_firm_is_placed_or_the_census_is_of_every_industry(store):
    onto = _store_with(store, census={"firms_local": 8})
    r = analyze(store, onto, cluster="t", sections=("gaps",))
    assert r["coverage"]["t"]["census_firms_not_placed"] == 0
    assert not [a for a in r["data_actions"] if a["kind"] == "check_census_firms"]


def test_a_registry_of_every_industry_is_not_asked_about_its_other_firms(store):
    onto = _store_with(store, census={"population": "规上工业企业", "clusters": [], "name": "规上", "firms_local": 5000})
    r = analyze(store, onto, cluster="t", sections=("gaps",))
    assert r["coverage"]["t"]["census_firms_not_placed"] == 0
    assert not [a for a in r["data_actions"] if a["kind"] == "check_census_firms"]
