"""招商 ranking on constructed firms (review 39, F3 and F12): relatedness leaves out the gap's whole lineage
(its parents as well as its children), and a firm without coordinates is placed by its city or province, or
scored neutrally — never helped by what is not known."""

from __future__ import annotations

from graph.analytics.distance import TAIZHOU, UNKNOWN_PROXIMITY, distance_km, distance_of
from graph.analytics.params import AnalysisParams
from graph.analytics.targets import rank_targets

GAP = {"segment_id": "child", "segment": "子环节", "kind": "missing",
       "evidence": {"local_firms": 0, "local_output": 0.0, "hhi": None, "dominance": 0.0}}
NAMES = {"child": "子环节", "parent": "上级环节", "grand": "顶层环节", "other": "另一环节", "kid": "更细环节"}
LINEAGE = {"subtree": {"child", "kid"}, "ancestors": {"child", "parent", "grand"}}


def _rank(firms, present=frozenset({"parent", "grand", "other"}), **kw):
    return {r["enterprise_id"]: r for r in rank_targets(GAP, firms, set(present), 5, 20, names=NAMES, **LINEAGE, **kw)}


def test_the_gaps_parents_are_not_its_other_segments():
    """A firm placed on the gap and on the gap's parent makes one product, not two: the parent, where
    Taizhou has firms, is not "related" (before, it scored relatedness 1.0 and read 它还做「上级环节」)."""
    ranked = _rank([{"id": "p", "name": "甲", "segments": ["child", "parent", "grand"], "employees": 100},
                    {"id": "o", "name": "乙", "segments": ["child", "other"], "employees": 100},
                    {"id": "k", "name": "丙", "segments": ["kid", "parent"], "employees": 100}])
    assert "relatedness" not in ranked["p"]["parts"] and ranked["p"]["profile"]["other_segments"] == []
    assert not any("上级环节" in s for s in ranked["p"]["profile"]["why"])
    assert ranked["o"]["parts"]["relatedness"] == 1.0        # a segment outside the lineage still relates
    assert ranked["k"]["profile"]["other_segments"] == []    # nor does a child of the gap with the parent
    assert ranked["o"]["score"] > ranked["p"]["score"]


def test_a_missing_distance_neither_helps_nor_hurts():
    """Same size and relatedness: a firm nothing places scores as a firm at half the reference distance —
    below a near one and above a far one (before, it scored as the nearest: distance left out)."""
    ref = AnalysisParams().target_distance_ref_km
    near = {"id": "near", "name": "近", "segments": ["child"], "employees": 300, "lon": 121.47, "lat": 31.23}
    far = {"id": "far", "name": "远", "segments": ["child"], "employees": 300, "lon": 103.8, "lat": 36.06}  # 兰州
    unknown = {"id": "unknown", "name": "不详", "segments": ["child"], "employees": 300}
    r = _rank([near, far, unknown])
    assert distance_km((far["lon"], far["lat"]), TAIZHOU) > ref / 2
    assert r["near"]["score"] > r["unknown"]["score"] > r["far"]["score"]
    assert r["unknown"]["parts"]["proximity"] == UNKNOWN_PROXIMITY and r["unknown"]["distance_km"] is None
    assert any("距离不详" in s and "中等" in s for s in r["unknown"]["profile"]["why"])


def test_a_firm_without_coordinates_is_placed_by_its_city_then_its_province():
    """A registry export gives the city, not coordinates: the city's point gives the distance, said to be
    approximate; a firm with only a province gets that province's point."""
    chengdu = {"id": "cd", "name": "成都某航电", "segments": ["child"], "employees": 300, "city": "成都市",
               "province": "四川省"}
    sichuan = {"id": "sc", "name": "四川某航电", "segments": ["child"], "employees": 300, "province": "四川省"}
    taizhou_js = {"id": "tz", "name": "泰州某电器", "segments": ["child"], "employees": 300, "city": "泰州市",
                  "province": "江苏省"}
    r = _rank([chengdu, sichuan, taizhou_js])
    assert r["cd"]["profile"]["distance_basis"] == "city" and 1500 < r["cd"]["distance_km"] < 1900
    assert r["sc"]["profile"]["distance_basis"] == "province"
    assert 300 < r["tz"]["distance_km"] < 500          # 泰州 (Jiangsu) is not 台州: about 430 km away
    assert any("按所在城市估算，约数" in s for s in r["cd"]["profile"]["why"])
    assert any("约数" in x for x in r["cd"]["reasons"])
    assert distance_of({"lon": 120.0, "lat": 30.0, "city": "成都市"})[1] == "address"   # own coordinates first


def test_the_card_shows_the_business_scope_when_no_products_are_known():
    """F12: a registry firm has no 主营产品 but its 经营范围 is loaded — the card shows a short excerpt,
    labelled as 经营范围; a firm with products shows its products."""
    scope = "航空电子设备、机载设备、飞控计算机、惯性导航系统研发、制造。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    r = _rank([{"id": "s", "name": "甲", "segments": ["child"], "business_scope": scope},
               {"id": "p", "name": "乙", "segments": ["child"], "products": ["惯性导航"], "business_scope": scope}])
    assert r["s"]["profile"]["scope"].startswith("航空电子设备、机载设备") and len(r["s"]["profile"]["scope"]) <= 61
    assert any(s.startswith("经营范围（摘录）：航空电子设备") for s in r["s"]["profile"]["why"])
    assert r["p"]["profile"]["scope"] is None and any(s.startswith("主营产品：惯性导航") for s in r["p"]["profile"]["why"])


def test_the_analysis_passes_the_gaps_parents(store):
    """Through ``analyze`` on both stores: t-b1, a child of t-b, is 缺失; the outside firm placed on t-b1 and on
    its parent t-b lists no other segment (before: 它也做「T-B」) and relates only through t-a, outside the lineage."""
    from tests.graph.analytics.conftest import tiny_batch, tiny_ontology

    from graph.analytics.analysis import analyze
    from ontology.models import Segment

    onto = tiny_ontology()
    onto.segments["t-b1"] = Segment(id="t-b1", name="T-B1", cluster="t", stage="中游", weight=0.1, parent="t-b",
                                    source="test")
    b = tiny_batch(onto)
    b.node("Enterprise", {"id": "z1", "name": "外地z1", "local": False, "revenue": 800.0, "sources": ["test"]})
    for sid in ("t-b1", "t-b", "t-a"):
        b.rel("IN_SEGMENT", "z1", sid)
    store.write(b)
    groups = {g["segment_id"]: g for g in analyze(store, onto, cluster="t")["targets"]}
    z1 = next(c for c in groups["t-b1"]["candidates"] if c["enterprise_id"] == "z1")
    assert [o["segment_id"] for o in z1["profile"]["other_segments"]] == ["t-a"]
    assert z1["parts"]["relatedness"] == 1.0


def test_a_specialist_is_not_scored_zero_on_relatedness():
    """Review 40 F3: a firm whose whole business is the gap has no other segment to relate; relatedness is
    left out of its mean, not scored 0 (卧龙, a listed motor group of 15,100 employees 156 km away, scored 58
    below an unknown 5,000-万 firm with one side-line where Taizhou has firms, 89)."""
    wolong = {"id": "wolong", "name": "卧龙电气驱动集团", "segments": ["child"], "employees": 15_100,
              "lon": 120.58, "lat": 30.0}
    side = {"id": "side", "name": "绍兴示例电机有限公司", "segments": ["child", "other"], "registered_capital": 5000,
            "city": "绍兴市", "province": "浙江省"}
    r = _rank([wolong, side])
    assert "relatedness" not in r["wolong"]["parts"] and r["side"]["parts"]["relatedness"] == 1.0
    assert r["wolong"]["score"] > r["side"]["score"] and r["wolong"]["rank"] == 1
    assert any("关联度一项不适用" in s for s in r["wolong"]["profile"]["why"])
    assert any("只做这一个环节" in s and "left out" in s for s in r["wolong"]["reasons"])


def test_registered_capital_is_not_put_on_the_head_count_axis_unsaid():
    """Review 40 F3: a registered capital (subscribed money) alone counts half, and the card says which
    figure and rule sized the firm."""
    p = AnalysisParams()
    r = _rank([{"id": "cap", "name": "甲", "segments": ["child"], "registered_capital": 20_000},
               {"id": "emp", "name": "乙", "segments": ["child"], "employees": 19_611}])
    assert r["emp"]["parts"]["scale"] == 1.0
    assert r["cap"]["parts"]["scale"] < 0.5 * 0.87 + 1e-9
    assert p.target_capital_factor == 0.5
    assert any("认缴额" in s and "不是同一把尺子" in s for s in r["cap"]["profile"]["why"])
    assert any("员工人数" in s for s in r["emp"]["profile"]["why"])


def test_distance_alone_does_not_rank_a_firm_nothing_else_is_known_of():
    """A specialist of unknown size: with relatedness and size both left out its score would be its
    proximity alone (97 next door); both count mid-way instead, and the card says so."""
    blind = {"id": "blind", "name": "丙", "segments": ["child"], "lon": 121.4, "lat": 28.7}
    big = {"id": "big", "name": "丁", "segments": ["child"], "employees": 8000, "lon": 120.2, "lat": 30.3}
    r = _rank([blind, big])
    assert r["blind"]["parts"]["relatedness"] == 0.5 and r["blind"]["parts"]["scale"] == 0.5
    assert r["big"]["score"] > r["blind"]["score"] and r["blind"]["score"] < 70
    assert any("按中等计" in s for s in r["blind"]["profile"]["why"])
