"""Segment strength (强弱) and gap classification (缺失/薄弱/单点依赖/完整).

Pure functions over the per-segment aggregates that the store computes (so Python handles
O(segments), never O(enterprises)). Each result carries the numbers behind it.

Components, each in [0, 1]:

* presence  = min(1, ln(1 + n) / ln(1 + presence_ref))            n = local firms
* output    = min(1, output_share / expected_share)               expected = weight / Σ cluster top-level weights
* leading   = min(1, leading firms / leading_ref)
* diversity = 1 − HHI,  HHI = Σ sᵢ² = Σ oᵢ² / (Σ oᵢ)²            (0 when no output is known)
* tech      = key technologies held locally / needed              (left out when none needed)
* lq        = min(1, LQ / 1)  LQ = (n / N_local) / (n + m) / (N_local + N_outside)   (left out without a universe)

strength = Σ wₖ·cₖ / Σ wₖ over the available components. Classification, first match wins:
missing (n = 0) → single_point (n = 1, or largest firm ≥ single_point_share of output) → weak
(strength < weak_threshold) → strong.

>>> from graph.store import SegmentAggregate
>>> from ontology.models import Segment
>>> seg = Segment(id="a-x", name="X", cluster="a", stage="上游", weight=1.0, source="s")
>>> [r.kind for r in classify_segments([seg], {"a-x": SegmentAggregate("a-x")}, AnalysisParams())]
['missing']
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from graph.params import AnalysisParams
from graph.store import SegmentAggregate
from ontology.models import Segment

__all__ = ["SegmentStrength", "classify_segments", "GAP_KINDS", "GAP_LABELS"]

GAP_KINDS = ("missing", "single_point", "weak", "strong")
GAP_LABELS = {"missing": "缺失", "single_point": "单点依赖", "weak": "薄弱", "strong": "完整"}


@dataclass
class SegmentStrength:
    cluster: str
    segment_id: str
    segment: str
    stage: str
    level: int
    kind: str
    strength: float
    components: dict[str, float]
    evidence: dict = field(default_factory=dict)

    @property
    def kind_zh(self) -> str:
        return GAP_LABELS[self.kind]

    def as_dict(self) -> dict:
        return asdict(self) | {"kind_zh": self.kind_zh}


def _expected_shares(segments: list[Segment]) -> dict[str, float]:
    """Expected output share: a top-level segment's weight over its cluster's top-level weights;
    a child gets its parent's share split by sibling weights."""
    by_id = {s.id: s for s in segments}
    kids: dict[str | None, list[Segment]] = {}
    for s in segments:
        kids.setdefault(s.parent if s.parent in by_id else None, []).append(s)
    out: dict[str, float] = {}

    def walk(parent: str | None, share: float) -> None:
        children = kids.get(parent, [])
        total = sum(c.weight for c in children) or 1.0
        for c in children:
            out[c.id] = share * c.weight / total
            walk(c.id, out[c.id])

    for cluster in {s.cluster for s in segments}:
        tops = [s for s in kids.get(None, []) if s.cluster == cluster]
        total = sum(s.weight for s in tops) or 1.0
        for s in tops:
            out[s.id] = s.weight / total
            walk(s.id, out[s.id])
    return out


def classify_segments(segments: list[Segment], aggs: dict[str, SegmentAggregate],
                      params: AnalysisParams) -> list[SegmentStrength]:
    """Strength score and gap kind for each segment, in the order given."""
    expected = _expected_shares(segments)
    cluster_output: dict[str, float] = {}
    local_total: dict[str, int] = {}
    outside_total: dict[str, int] = {}
    for s in segments:
        a = aggs.get(s.id) or SegmentAggregate(s.id)
        if s.parent is None:  # top levels partition the cluster (subtrees already rolled up)
            cluster_output[s.cluster] = cluster_output.get(s.cluster, 0.0) + a.local_output
            local_total[s.cluster] = local_total.get(s.cluster, 0) + a.local_count
            outside_total[s.cluster] = outside_total.get(s.cluster, 0) + a.outside_count
    weights = {"presence": params.w_presence, "output": params.w_output, "leading": params.w_leading,
               "diversity": params.w_diversity, "tech": params.w_tech, "lq": params.w_lq}
    results = []
    for s in segments:
        a = aggs.get(s.id) or SegmentAggregate(s.id)
        n = a.local_count
        total_out = cluster_output.get(s.cluster, 0.0)
        share = a.local_output / total_out if total_out > 0 else 0.0
        exp = expected.get(s.id, 0.0)
        hhi = a.local_output_sq / a.local_output ** 2 if a.local_output > 0 else (1.0 if n == 1 else None)
        comp: dict[str, float] = {
            "presence": min(1.0, math.log1p(n) / math.log1p(params.presence_ref)),
            "output": min(1.0, share / exp) if exp > 0 else 0.0,
            "leading": min(1.0, a.leading_count / params.leading_ref),
            "diversity": 0.0 if hhi is None else 1.0 - hhi,
        }
        if a.tech_needed:
            comp["tech"] = a.tech_held_locally / a.tech_needed
        lq = None
        nl, no = local_total.get(s.cluster, 0), outside_total.get(s.cluster, 0)
        if no > 0 and nl > 0 and (n + a.outside_count) > 0:
            lq = (n / nl) / ((n + a.outside_count) / (nl + no))
            comp["lq"] = min(1.0, lq)
        wsum = sum(weights[k] for k in comp)
        strength = sum(weights[k] * v for k, v in comp.items()) / wsum if wsum else 0.0
        top_share = a.max_output / a.local_output if a.local_output > 0 else None
        if n == 0:
            kind = "missing"
        elif n == 1 or (top_share is not None and top_share >= params.single_point_share):
            kind = "single_point"
        elif strength < params.weak_threshold:
            kind = "weak"
        else:
            kind = "strong"
        evidence = {
            "local_firms": n, "outside_firms": a.outside_count, "local_output": round(a.local_output, 2),
            "output_share": round(share, 4), "expected_share": round(exp, 4),
            "largest_firm_share": None if top_share is None else round(top_share, 4),
            "hhi": None if hhi is None else round(hhi, 4), "leading_firms": a.leading_count,
            "technologies_needed": a.tech_needed, "technologies_held_locally": a.tech_held_locally,
            "location_quotient": None if lq is None else round(lq, 3),
            "rule": _rule(kind, n, top_share, strength, params),
        }
        results.append(SegmentStrength(s.cluster, s.id, s.name, s.stage, s.level, kind, round(strength, 4),
                                       {k: round(v, 4) for k, v in comp.items()}, evidence))
    return results


def _rule(kind: str, n: int, top_share: float | None, strength: float, p: AnalysisParams) -> str:
    if kind == "missing":
        return "本地企业数 = 0 / no local firm"
    if kind == "single_point":
        if n == 1:
            return "仅 1 家本地企业 / the only local firm"
        return f"最大企业产值占比 {top_share:.0%} ≥ {p.single_point_share:.0%} / one firm holds most output"
    if kind == "weak":
        return f"强度 {strength:.2f} < 阈值 {p.weak_threshold:.2f} / strength below threshold"
    return f"强度 {strength:.2f} ≥ 阈值 {p.weak_threshold:.2f} / strength at or above threshold"
