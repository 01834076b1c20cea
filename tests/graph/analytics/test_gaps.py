"""Gap classification, strength and structural criticality on the tiny chain, on both stores."""

from graph.analytics.analysis import analyze
from graph.analytics.params import AnalysisParams


def by_id(result):
    return {g["segment_id"]: g for g in result["gaps"]}


def test_gap_kinds_with_evidence(tiny):
    store, onto = tiny
    g = by_id(analyze(store, onto, cluster="t", sections=("gaps",)))
    assert g["t-b"]["kind"] == "missing" and g["t-b"]["evidence"]["local_firms"] == 0
    assert g["t-c"]["kind"] == "single_point" and g["t-c"]["evidence"]["local_firms"] == 1
    # d: two firms but d1 holds 90 % of the output
    assert g["t-d"]["kind"] == "single_point"
    assert g["t-d"]["evidence"]["largest_firm_share"] == 0.9
    assert abs(g["t-d"]["evidence"]["hhi"] - (0.9 ** 2 + 0.1 ** 2)) < 1e-9
    # a: three equal firms, one listed → HHI 1/3, strong
    assert g["t-a"]["kind"] == "strong"
    assert abs(g["t-a"]["evidence"]["hhi"] - 1 / 3) < 1e-4
    assert g["t-a"]["evidence"]["leading_firms"] == 1
    # e: two equal firms, no leading firm, no technology → weak or strong depending on the threshold
    assert g["t-e"]["kind"] in ("weak", "strong")


def test_thresholds_are_parameters(tiny):
    store, onto = tiny
    strict = by_id(analyze(store, onto, cluster="t", params=AnalysisParams(weak_threshold=0.99), sections=("gaps",)))
    assert strict["t-a"]["kind"] == "weak" and strict["t-e"]["kind"] == "weak"
    lax = by_id(analyze(store, onto, cluster="t", params=AnalysisParams(weak_threshold=0.0, single_point_share=0.95),
                        sections=("gaps",)))
    assert lax["t-d"]["kind"] == "strong" and lax["t-e"]["kind"] == "strong"


def test_strength_components(tiny):
    store, onto = tiny
    g = by_id(analyze(store, onto, cluster="t", sections=("gaps",)))
    a = g["t-a"]["evidence"]["components"]
    # presence = ln(1+3)/ln(1+5); output share 300/700 vs expected 0.2 → capped at 1
    assert abs(a["presence"] - 0.7737) < 1e-3 and a["output"] == 1.0 and a["leading"] == 0.5
    assert "tech" not in a  # t-a needs no technology: left out, not counted as zero
    c = g["t-c"]["evidence"]["components"]
    assert c["tech"] == 1.0  # t-ok is held by c1


def test_dominator_and_articulation(tiny):
    store, onto = tiny
    g = by_id(analyze(store, onto, cluster="t", sections=("gaps",)))
    b = g["t-b"]["evidence"]
    assert b["dominator"] and b["dominance"] == 1.0 and b["articulation"]
    assert b["dominated_products"] == ["t-c", "t-e"]
    assert not g["t-a"]["evidence"]["dominator"] and g["t-a"]["evidence"]["dominance"] == 0.0
    assert g["t-c"]["evidence"]["dominance"] == 0.5  # an end product dominates only itself
    assert b["betweenness"] > g["t-a"]["evidence"]["betweenness"]


def test_weak_dominator_ranks_first_for_bulian(tiny):
    store, onto = tiny
    gaps = analyze(store, onto, cluster="t", sections=("gaps",))["gaps"]
    assert gaps[0]["segment_id"] == "t-b"
    kinds = [x["kind"] for x in gaps]
    assert kinds.index("strong") > max(i for i, k in enumerate(kinds) if k != "strong") if "strong" in kinds else True
    scores = [x["score"] for x in gaps if x["kind"] != "strong" and not x["evidence"]["dominator"]]
    assert scores == sorted(scores, reverse=True)


def test_a_segment_without_local_firms_has_no_strength():
    """A key technology held by a firm of another segment is a capability, not a link: a segment with no
    local operating firm scores 0 (it read 强度 20 beside 缺失), its tech component kept as evidence."""
    from graph.analytics.coverage import ClusterBasis
    from graph.analytics.strength import classify_segments
    from graph.store.port import SegmentAggregate
    from ontology.models import Segment

    seg = Segment(id="a-x", name="X", cluster="a", stage="上游", weight=1.0, source="s")
    census = {"a": ClusterBasis("a", True, "规上工业企业", "规上口径")}
    held = SegmentAggregate("a-x", tech_needed=2, tech_held_locally=2, outside_count=3)
    [r] = classify_segments([seg], {"a-x": held}, AnalysisParams(), census)
    assert (r.kind, r.strength, r.components["tech"]) == ("missing", 0.0, 1.0)
    one = SegmentAggregate("a-x", local_count=1, direct_local=1, tech_needed=2, tech_held_locally=2)
    [r] = classify_segments([seg], {"a-x": one}, AnalysisParams(), census)
    assert r.strength > 0  # with a local firm the components score as before
