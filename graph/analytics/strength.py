"""Segment strength (强弱) and gap verdicts (缺失/未发现/单点依赖/薄弱/较强), each naming its 口径.

Pure functions over the per-segment aggregates that the store computes (so Python handles
O(segments), never O(enterprises)). Each result carries the numbers behind it. Firms that no
longer operate (注销/吊销/迁出…) and firms whose location is unknown never count.

Components, each in [0, 1], left out when the data cannot give them:

* presence  = min(1, ln(1 + n) / ln(1 + presence_ref))            n = local operating firms
* output    = min(1, output_share / expected_share)               only when ≥ min_output_coverage of
  the segment's firms report output; shares over reporting firms, a missing figure is never 0
* leading   = min(1, leading firms / leading_ref)                 (tags or output rank, ontology.firms)
* diversity = 1 − HHI over reporting firms (needs ≥ min_output_reporters reporters and the coverage);
  0 when n ≤ 1
* tech      = key technologies held locally / needed              (left out when none needed)
* lq        = min(1, LQ / 1)  LQ = (n / N_local) / (n + m) / (N_local + N_outside)   (left out without a universe)

strength = Σ wₖ·cₖ / Σ wₖ over the available components, capped for a parent segment by the weighted mean
strength of its judged children (a parent is no stronger than its children together, :func:`_children_cap`),
and 0 where n = 0: a segment without a local
operating firm has no strength to score (a key technology held by a firm of another segment is a capability,
kept in the components and the evidence, not a link — it showed 强度 20 beside 缺失). Verdict, first match wins:

1. n = 0 and an ancestor segment has local firms placed on it directly → ``unknown`` (their
   placement is not fine enough to tell; not missing);
2. n = 0 and the cluster's data is *adequate* for the segment (a census of the chain's firm base; a list of the
   cluster's own firms only where its own firms make the segment, see :mod:`graph.analytics.coverage`) →
   ``missing`` (缺失（规上口径）);
3. n = 0 otherwise → ``unknown`` (未发现（上市公司口径）: the loaded 口径 holds no such firm);
4. ``single_point``: one firm under an adequate census, or the largest reporting firm holds
   ≥ single_point_share of reported output (with enough reporters, see above);
5. ``weak`` when strength < weak_threshold, else ``strong``;
6. without an adequate census, ``single_point`` and ``weak`` become ``present`` (已有): a narrow
   口径 shows that firms exist, not that the link is thin; ``strong`` stands (a lower bound).

>>> from graph.store.port import SegmentAggregate
>>> from ontology.models import Segment
>>> seg = Segment(id="a-x", name="X", cluster="a", stage="上游", weight=1.0, source="s")
>>> [r.kind for r in classify_segments([seg], {"a-x": SegmentAggregate("a-x")}, AnalysisParams())]
['unknown']
>>> from graph.analytics.coverage import ClusterBasis
>>> census = {"a": ClusterBasis("a", True, "规上工业企业", "规上口径")}
>>> [r.verdict for r in classify_segments([seg], {"a-x": SegmentAggregate("a-x")}, AnalysisParams(), census)]
['缺失（规上口径）']
>>> held = SegmentAggregate("a-x", tech_needed=1, tech_held_locally=1)   # held by a firm of another segment
>>> [(r.strength, r.components["tech"]) for r in classify_segments([seg], {"a-x": held}, AnalysisParams(), census)]
[(0.0, 1.0)]
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace

from graph.analytics.coverage import ClusterBasis, firm_base, outside_list, speaks_for
from graph.analytics.params import AnalysisParams
from graph.analytics.verdict_text import GAP_KINDS, GAP_LABELS, GAP_LABELS_EN, gap_label, rule
from graph.store.port import SegmentAggregate
from ontology.models import Segment

__all__ = ["SegmentStrength", "classify_segments", "GAP_KINDS", "GAP_LABELS", "GAP_LABELS_EN", "gap_label", "ACTIONABLE",
           "KIND_COLOURS", "KIND_TEXT_COLOURS"]

#: verdict colours everywhere they are drawn (UI tables and chain chart, report chart, Word, PDF):
#: missing red; unknown grey (drawn hollow and dashed); present a neutral blue; assessed kinds orange/yellow/green
KIND_COLOURS = {"missing": "#d62728", "unknown": "#9aa0a6", "single_point": "#ff7f0e", "weak": "#e6c229",
                "present": "#4c78a8", "strong": "#2ca02c"}
#: readable text variants of the two light fills (verdict words written in those colours)
KIND_TEXT_COLOURS = {"weak": "#9a7d0a", "unknown": "#6b7280"}

#: verdicts that name a gap to act on (补链/强链); ``unknown`` and ``present`` say the data cannot tell
ACTIONABLE = frozenset({"missing", "single_point", "weak"})
#: verdicts the data judged (a parent is no stronger than these children, :func:`_children_cap`)
JUDGED = ACTIONABLE | {"strong"}


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
    basis: dict = field(default_factory=dict)

    @property
    def kind_zh(self) -> str:
        return GAP_LABELS[self.kind]

    @property
    def verdict(self) -> str:
        return gap_label(self.kind, self.basis.get("label"))

    def as_dict(self) -> dict:
        return asdict(self) | {"kind_zh": self.kind_zh, "verdict": self.verdict}


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


def classify_segments(segments: list[Segment], aggs: dict[str, SegmentAggregate], params: AnalysisParams,
                      basis: dict[str, ClusterBasis] | None = None) -> list[SegmentStrength]:
    """Strength score and verdict for each segment, in the order given. ``basis`` (per cluster)
    says whether the cluster's data is a census of its firm base; without it nothing is ``missing``.
    Children are scored before their parents, whose strength they cap (:func:`_children_cap`)."""
    basis = basis or {}
    expected = _expected_shares(segments)
    by_id = {s.id: s for s in segments}
    outside = outside_list(segments)
    kids: dict[str, list[Segment]] = {}
    for s in segments:
        if s.parent in by_id:
            kids.setdefault(s.parent, []).append(s)
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
    done: dict[str, SegmentStrength] = {}
    def depth(x: Segment) -> int:
        return 1 + depth(by_id[x.parent]) if x.parent in by_id else 0

    for s in sorted(segments, key=lambda x: -depth(x)):  # children first
        a = aggs.get(s.id) or SegmentAggregate(s.id)
        cb = basis.get(s.cluster) or ClusterBasis(s.cluster, False, None, "无数据")
        adequate = speaks_for(cb, outside.get(s.id))  # a one-cluster list: not for other industries' or services'
        off = outside.get(s.id) if cb.adequate and not adequate else None  # loaded, but it does not hold these firms
        b = replace(cb, adequate=adequate)
        why = (off, firm_base(s, by_id) == "cluster") if off else None  # (what it lacks, only below it)
        n, k = a.local_count, a.local_reported
        enough_output = n > 0 and k / n >= params.min_output_coverage
        total_out = cluster_output.get(s.cluster, 0.0)
        share = a.local_output / total_out if total_out > 0 else 0.0
        exp = expected.get(s.id, 0.0)
        hhi = a.local_output_sq / a.local_output ** 2 if (a.local_output > 0 and k >= 1) else None
        comp: dict[str, float] = {
            "presence": min(1.0, math.log1p(n) / math.log1p(params.presence_ref)),
            "leading": min(1.0, a.leading_count / params.leading_ref),
        }
        if n == 0:
            comp["output"] = 0.0
            comp["diversity"] = 0.0
        else:
            if enough_output and total_out > 0:
                comp["output"] = min(1.0, share / exp) if exp > 0 else 0.0
            if n == 1:
                comp["diversity"] = 0.0
            elif enough_output and k >= params.min_output_reporters and hhi is not None:
                comp["diversity"] = 1.0 - hhi
        if a.tech_needed:
            comp["tech"] = a.tech_held_locally / a.tech_needed
        lq = None
        nl, no = local_total.get(s.cluster, 0), outside_total.get(s.cluster, 0)
        if no > 0 and nl > 0 and (n + a.outside_count) > 0:
            lq = (n / nl) / ((n + a.outside_count) / (nl + no))
            comp["lq"] = min(1.0, lq)
        wsum = sum(weights[c] for c in comp)
        strength = sum(weights[c] * v for c, v in comp.items()) / wsum if wsum and n else 0.0
        children = _children_cap(strength, [done[c.id] for c in kids.get(s.id, [])], by_id, adequate) if n else None
        if children:
            strength = children["strength"]
        output_rule = enough_output and k >= params.min_output_reporters and a.local_output > 0
        top_share = a.max_output / a.local_output if output_rule else None
        parent_firms = _parent_firms(s, by_id, aggs) if n == 0 else None
        if n == 0 and parent_firms:
            kind = "unknown"
        elif n == 0:
            kind = "missing" if adequate else "unknown"
        elif (adequate and n == 1) or (top_share is not None and top_share >= params.single_point_share):
            kind = "single_point"
        elif strength < params.weak_threshold:
            kind = "weak"
        else:
            kind = "strong"
        if kind in ("single_point", "weak") and not adequate:
            kind = "present"  # a narrow 口径 shows firms exist; it cannot show the link is thin
        evidence = {
            "local_firms": n, "outside_firms": a.outside_count, "local_output": round(a.local_output, 2),
            "firms_with_output": k, "inactive_excluded": a.inactive,
            "output_share": round(share, 4) if "output" in comp and n else None, "expected_share": round(exp, 4),
            "largest_firm_share": None if top_share is None else round(top_share, 4),
            "hhi": None if hhi is None or not output_rule else round(hhi, 4), "leading_firms": a.leading_count,
            "technologies_needed": a.tech_needed, "technologies_held_locally": a.tech_held_locally,
            "location_quotient": None if lq is None else round(lq, 3),
            "parent_firms": parent_firms, "children": children,
            "rule": rule(kind, n, k, top_share, strength, params, b, parent_firms, why, children, inactive=a.inactive),
            "rule_en": rule(kind, n, k, top_share, strength, params, b, parent_firms, why, children,
                            inactive=a.inactive, en=True),
        }
        done[s.id] = SegmentStrength(s.cluster, s.id, s.name, s.stage, s.level, kind, round(strength, 4),
                                     {c: round(v, 4) for c, v in comp.items()}, evidence,
                                     b.as_dict() | {"outside_list": off})
    return [done[s.id] for s in segments]


def _children_cap(own: float, children: list[SegmentStrength], by_id: dict[str, Segment],
                  adequate: bool = True) -> dict | None:
    """A parent is no stronger than what its children can show (the rule, once; its reason: docs/analytics.md):
    when the weighted mean strength of the children it counts (ontology weights) is below its own score, the
    parent takes that mean — presence saturates at ``presence_ref`` firms and pools the subtree, so six
    single-point children made their parent look 较强 (review 39), and two children of one sample firm each,
    both 已有, made theirs 较强 38 (review 40 F8). None when the children do not lower it.

    Which children count: on census data (``adequate``), those judged (缺失 counts 0); one the data cannot judge
    (未发现 above firms placed only on the parent) is left out. On data that cannot judge the parent (a sample,
    listed firms, a list without part of its subtree) a score is a lower bound — more firms could only raise it —
    and the parent's must be one too: so every child counts, at its own score (已有 at what its firms show,
    未发现 at 0). A 较强 parent then stands only where its children's scores carry it.

    >>> from ontology.models import Segment
    >>> mk = lambda i, w: Segment(id=i, name=i, cluster="a", stage="中游", weight=w, source="s")
    >>> kid = lambda i, kind, st: SegmentStrength("a", i, i, "中游", 2, kind, st, {})
    >>> by_id = {"x": mk("x", 0.3), "y": mk("y", 0.1), "z": mk("z", 0.1)}
    >>> _children_cap(0.62, [kid("x", "single_point", 0.13), kid("y", "missing", 0.0), kid("z", "present", 0.2)], by_id)
    {'strength': 0.0975, 'own_strength': 0.62, 'judged': 2, 'kinds': {'single_point': 1, 'missing': 1}}
    >>> _children_cap(0.3, [kid("x", "strong", 0.7)], by_id) is None
    True
    >>> _children_cap(0.38, [kid("x", "present", 0.13), kid("y", "present", 0.18), kid("z", "unknown", 0.0)], by_id,
    ...               adequate=False)
    {'strength': 0.114, 'own_strength': 0.38, 'judged': 3, 'kinds': {'present': 2, 'unknown': 1}}
    """
    judged = [c for c in children if c.kind in JUDGED] if adequate else children
    wsum = sum(by_id[c.segment_id].weight for c in judged)
    if not judged or not wsum:
        return None
    mean = sum(by_id[c.segment_id].weight * c.strength for c in judged) / wsum
    if mean >= own:
        return None
    return {"strength": round(mean, 4), "own_strength": round(own, 4), "judged": len(judged), "kinds": _kinds(judged)}


def _kinds(children: list[SegmentStrength]) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for c in children:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    return kinds


def _parent_firms(s: Segment, by_id: dict[str, Segment], aggs: dict[str, SegmentAggregate]) -> dict | None:
    """The nearest ancestor with local firms placed on it directly (not via a child), if any."""
    cur = by_id.get(s.parent) if s.parent else None
    while cur is not None:
        a = aggs.get(cur.id)
        if a is not None and a.direct_local > 0:
            return {"segment_id": cur.id, "segment": cur.name, "firms": a.direct_local}
        cur = by_id.get(cur.parent) if cur.parent else None
    return None
