"""招商 targets for gap segments, and 延链 (chain extension) suggestions.

For a gap segment (missing / single point / weak), each outside firm of that segment is scored by
the marginal effect of attracting it, times its relatedness to what Taizhou already has:

* coverage_gain  = presence(n + 1) − presence(n)            (1.0 when the segment has no local firm)
* concentration_drop = HHI(now) − HHI(with one more firm of the segment's mean local output)
* dominator_relief = the segment's end-product dominance, when it is missing or a single point
* marginal = coverage_gain + concentration_drop + dominator_relief
* relatedness = share of the firm's other segments (in our chains) where Taizhou has local firms
* score = 100 × marginal × (0.5 + 0.5 × relatedness)

延链: segments with no local firm that sit next (by FEEDS) to segments Taizhou is strong in;
density = strong neighbours / all FEEDS neighbours.

>>> round(presence(1, 5) - presence(0, 5), 3)
0.387
"""

from __future__ import annotations

import math

__all__ = ["presence", "rank_targets", "extensions"]


def presence(n: int, ref: int) -> float:
    return min(1.0, math.log1p(n) / math.log1p(ref))


def rank_targets(gap: dict, firms: list[dict], locally_present: set[str], presence_ref: int,
                 limit: int) -> list[dict]:
    """Rank outside ``firms`` (props + ``segments``) for one gap (a ``gaps`` entry with evidence)."""
    ev = gap["evidence"]
    n = ev["local_firms"]
    out_sum = ev["local_output"]
    hhi_now = ev["hhi"] if ev["hhi"] is not None else (1.0 if n else 0.0)
    mean = out_sum / n if n and out_sum else 1.0
    sq = (hhi_now * out_sum ** 2) if out_sum else 0.0
    hhi_after = (sq + mean ** 2) / (out_sum + mean) ** 2 if n else 1.0
    coverage = 1.0 if n == 0 else presence(n + 1, presence_ref) - presence(n, presence_ref)
    conc = max(0.0, hhi_now - hhi_after) if n else 0.0
    relief = ev.get("dominance", 0.0) if gap["kind"] in ("missing", "single_point") else 0.0
    marginal = coverage + conc + relief
    ranked = []
    for f in firms:
        others = [s for s in f.get("segments", []) if s != gap["segment_id"]]
        related = [s for s in others if s in locally_present]
        rel = len(related) / len(others) if others else 0.0
        score = 100 * marginal * (0.5 + 0.5 * rel)
        reasons = []
        if n == 0:
            reasons.append("填补空白环节: 本地尚无企业 / fills a segment with no local firm")
        else:
            reasons.append(f"本地现有 {n} 家, 引进后覆盖度 +{coverage:.2f} / coverage")
        if conc > 0:
            reasons.append(f"集中度 HHI {hhi_now:.2f} → {hhi_after:.2f} / concentration lowered")
        if relief > 0:
            reasons.append(f"关键节点: 控制 {relief:.0%} 的终端产品路径 / relieves a dominator")
        if related:
            reasons.append(f"与本地已有环节相关: {', '.join(related[:5])} / related to local segments")
        if f.get("products"):
            reasons.append("主营: " + "、".join(f["products"][:4]))
        ranked.append({"enterprise_id": f["id"], "name": f["name"], "city": f.get("city"),
                       "score": round(score, 3),
                       "parts": {"coverage_gain": round(coverage, 4), "concentration_drop": round(conc, 4),
                                 "dominator_relief": round(relief, 4), "relatedness": round(rel, 4)},
                       "reasons": reasons, "sources": f.get("sources", [])})
    ranked.sort(key=lambda r: (-r["score"], r["enterprise_id"]))
    return ranked[:limit]


def extensions(strengths: list, feeds: list[tuple[str, str]]) -> list[dict]:
    """延链: missing segments adjacent by FEEDS to strong local segments, densest first."""
    by_id = {s.segment_id: s for s in strengths}
    nbrs: dict[str, set[str]] = {}
    for a, b in feeds:
        if a in by_id and b in by_id:
            nbrs.setdefault(a, set()).add(b)
            nbrs.setdefault(b, set()).add(a)
    out = []
    for s in strengths:
        if s.kind != "missing" or not nbrs.get(s.segment_id):
            continue
        around = sorted(nbrs[s.segment_id])
        strong = [x for x in around if by_id[x].kind == "strong"]
        if not strong:
            continue
        out.append({"cluster": s.cluster, "segment_id": s.segment_id, "segment": s.segment,
                    "density": round(len(strong) / len(around), 4),
                    "strong_neighbours": [{"segment_id": x, "segment": by_id[x].segment} for x in strong],
                    "reason": f"相邻 {len(strong)}/{len(around)} 个环节本地较强 / next to strong local segments"})
    out.sort(key=lambda e: (-e["density"], -len(e["strong_neighbours"]), e["segment_id"]))
    return out
