"""A parent segment is no stronger than its children together: 核心零部件 read 较强 62 over six single-point children
and two missing ones (presence saturates at five firms; the tech component only where a technology is needed); and,
on data that cannot judge strength, no stronger than what its children can show (review 40 F8)."""

from __future__ import annotations

import pytest

from graph.analytics.coverage import ClusterBasis
from graph.analytics.params import AnalysisParams
from graph.analytics.strength import classify_segments
from graph.store.port import SegmentAggregate
from ontology.models import Segment

CENSUS = {"p": ClusterBasis("p", True, "规上工业企业", "规上口径", scope="all")}
LISTED = {"p": ClusterBasis("p", False, "上市公司", "上市公司口径")}


def _chain(children: dict[str, int]) -> tuple[list[Segment], dict[str, SegmentAggregate]]:
    """A parent ``p-top`` over children with the given numbers of local firms (each firm in one child)."""
    segs = [Segment(id="p-top", name="核心零部件", cluster="p", stage="中游", weight=0.3, source="s")]
    aggs = {"p-top": SegmentAggregate("p-top", local_count=sum(children.values()))}
    for i, (name, n) in enumerate(children.items()):
        sid = f"p-c{i}"
        segs.append(Segment(id=sid, name=name, cluster="p", stage="中游", parent="p-top", weight=0.05, source="s"))
        aggs[sid] = SegmentAggregate(sid, local_count=n, tech_needed=1)
    return segs, aggs


def _verdicts(segs, aggs, basis):
    return {r.segment_id: r for r in classify_segments(segs, aggs, AnalysisParams(), basis)}


def test_single_point_children_make_a_weak_parent():
    segs, aggs = _chain({f"部件{i}": 1 for i in range(6)} | {"模组": 0, "模块": 0})
    r = _verdicts(segs, aggs, CENSUS)
    assert {r[f"p-c{i}"].kind for i in range(6)} == {"single_point"}
    top = r["p-top"]
    assert top.kind == "weak" and top.strength < 0.35
    ch = top.evidence["children"]
    assert ch["kinds"] == {"single_point": 6, "missing": 2} and ch["own_strength"] >= 0.35
    assert "上级环节不强于其下级环节" in top.evidence["rule"] and "单点依赖 6" in top.evidence["rule"]
    assert "no stronger than its children" in top.evidence["rule_en"]


def test_strong_children_leave_the_parent_strong():
    segs, aggs = _chain({"甲": 6, "乙": 6})
    r = _verdicts(segs, aggs, CENSUS)
    assert r["p-c0"].kind == r["p-c1"].kind == "strong"
    assert r["p-top"].kind == "strong" and r["p-top"].strength == r["p-c0"].strength   # scored on the children's scale
    assert "≥ 阈值 35" in r["p-top"].evidence["rule"]


def test_a_parent_is_no_stronger_than_children_the_data_cannot_judge():
    """Review 40 F8: on a narrow 口径 two children of one sample firm each read 已有 (cannot judge), and their parent,
    pooling the two firms, read 较强 38. On such data a score is a lower bound; the parent's is the mean of its
    children's (未发现 0): 已有, not 较强."""
    for children in ({"机械密封": 1, "漆包线": 1, "电工钢": 0, "永磁材料": 0}, {f"部件{i}": 1 for i in range(6)}):
        segs, aggs = _chain(children)
        r = _verdicts(segs, aggs, LISTED)
        assert {r[f"p-c{i}"].kind for i in range(len(children))} <= {"present", "unknown"}
        top = r["p-top"]
        ch = top.evidence["children"]
        assert ch["own_strength"] >= 0.35 and ch["judged"] == len(children)   # its pooled score would read 较强
        assert top.kind == "present" and top.verdict == "已有（上市公司口径）" and top.strength < 0.35
        assert top.strength == pytest.approx(max(r[f"p-c{i}"].strength for i in range(len(children))) * sum(
            1 for n in children.values() if n) / len(children), abs=1e-4)   # equal weights: the mean, 未发现 at 0
        assert "上级环节不强于其下级环节" in top.evidence["rule"] and top.evidence["rule"].endswith("该口径不足以判断强弱")
        assert "no stronger than its children" in top.evidence["rule_en"]


def test_strong_children_on_narrow_data_leave_the_parent_strong():
    # 较强 on a narrow 口径 is a lower bound the children show: the parent keeps it
    segs, aggs = _chain({"甲": 6, "乙": 6})
    r = _verdicts(segs, aggs, LISTED)
    assert (r["p-c0"].kind, r["p-c1"].kind) == ("strong", "strong")
    assert r["p-top"].kind == "strong" and r["p-top"].strength <= r["p-c0"].strength


def test_the_cap_reaches_up_through_grandchildren():
    segs, aggs = _chain({"甲": 3})
    segs.append(Segment(id="p-g", name="孙", cluster="p", stage="中游", parent="p-c0", weight=0.05, source="s"))
    aggs["p-g"] = SegmentAggregate("p-g", local_count=1, tech_needed=1)
    aggs["p-top"] = SegmentAggregate("p-top", local_count=6)  # three more firms placed on the top itself
    r = _verdicts(segs, aggs, CENSUS)
    assert r["p-g"].kind == "single_point"
    assert r["p-c0"].strength <= r["p-g"].strength and r["p-top"].strength <= r["p-c0"].strength
    assert r["p-top"].kind == "weak"
