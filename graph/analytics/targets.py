"""招商 targets for gap segments, and 延链 (chain extension) suggestions.

For a gap segment (missing / single point / weak), the gap's gain from one more firm is the same
for every candidate and is listed with each (``parts``):

* coverage_gain  = presence(n + 1) − presence(n)            (1.0 when the segment has no local firm)
* concentration_drop = HHI(now) − HHI(with one more firm of the segment's mean local output)
* dominator_relief = the segment's end-product dominance, when it is missing or a single point

Each outside firm of the segment is then scored on what makes *it* a good candidate, each
component 0–1, **left out when unknown** (a missing figure is not a zero):

* scale = min(1, ln(1 + x) / ln(1 + ref)) on the first known of output, revenue (万元, ref
  ``target_output_ref``), employees (``target_employees_ref``), registered capital in 人民币 (万元,
  ``target_capital_ref``); ``scale.basis`` says which figure was used;
* relatedness = share of the firm's other segments (outside this gap's lineage: its subtree and its
  ancestors — a firm's link to the gap's parent is the same product, not a second one) where Taizhou has
  local firms; **left out** when it has no other segment in our chains (a specialist: nothing to relate to,
  which is not a zero — it used to cost a specialist the whole 40 %). A firm of which neither this nor its
  size is known scores both at :data:`MIDWAY`, so distance alone never ranks it;
* scale: a registered capital alone counts ``target_capital_factor`` (½) of its value — it is the money
  subscribed at registration, not the business's size — and the card says which figure and rule it used;
* proximity = max(0, 1 − d / ``target_distance_ref_km``), d = great-circle km from the firm's
  address coordinates (``lon``/``lat``) to :data:`TAIZHOU`, else from its city's (else its province's)
  approximate point (:mod:`graph.analytics.distance`, said so in the profile); a firm nothing places
  gets :data:`UNKNOWN_PROXIMITY`, the middle of the scale — never left out, since leaving it out lifted
  an unplaced firm over one with coordinates far away;
* score = round(100 × Σ w·c / Σ w) over the known components (``w_target_scale``,
  ``w_target_related``, ``w_target_distance``): a whole number 0–100.

Ranking never ties: score (high first), then scale (larger first, unknown last), then distance
(nearer first, unknown last), then the enterprise id. ``rank`` is 1, 2, 3 … and a candidate whose
score equals the one above says which tie-break placed it (``tie_break``).

Each candidate carries a ``profile``: the card a 招商 officer reads — name, city, address, scale
figures, founded, listed code, main products, why it fits this gap in plain sentences, sources,
and its other segments by name.

延链: segments with no local firm that sit next (by FEEDS) to segments Taizhou is strong in;
density = strong neighbours / all FEEDS neighbours.

>>> round(presence(1, 5) - presence(0, 5), 3)
0.387
"""

from __future__ import annotations

import math

from graph.analytics.distance import TAIZHOU, UNKNOWN_PROXIMITY, basis_text, distance_km, distance_of
from graph.analytics.params import AnalysisParams
from graph.analytics.target_text import scale_rule, scale_text, why_sentences

__all__ = ["presence", "rank_targets", "extensions", "scale_of", "scope_excerpt", "MIDWAY",
           "TAIZHOU", "distance_km", "UNKNOWN_PROXIMITY"]  # the last three: graph.analytics.distance's, named here too

#: the figures a firm's size is read from, in order of preference: (field, label, unit)
SCALE_FIGURES = (("output", "工业总产值", "万元"), ("revenue", "营业收入", "万元"),
                 ("employees", "员工人数", "人"), ("registered_capital", "注册资本", "万元"))
_SCALE_EN = {"output": "output", "revenue": "revenue", "employees": "employees",
             "registered_capital": "registered capital"}


#: the score of a component neither known nor left out (a specialist of unknown size: relatedness and size)
MIDWAY = 0.5


def presence(n: int, ref: int) -> float:
    return min(1.0, math.log1p(n) / math.log1p(ref))


def scope_excerpt(scope: str | None, limit: int = 60) -> str | None:
    """The start of a 经营范围, cut at an item boundary near ``limit`` characters (… when cut).

    >>> scope_excerpt("一般项目：家用电器制造；卫生洁具制造；五金产品批发。（除依法须经批准的项目外）", 20)
    '一般项目：家用电器制造；卫生洁具制造…'
    >>> scope_excerpt("航空电子设备、机载设备研发、制造。"), scope_excerpt("  ")
    ('航空电子设备、机载设备研发、制造', None)
    """
    text = " ".join(str(scope or "").split()).rstrip("。；;，, ")
    if not text:
        return None
    if len(text) <= limit:
        return text
    cut = max(text.rfind(sep, 0, limit) for sep in "；;，,、。")
    return (text[:cut] if cut >= limit // 3 else text[:limit]).rstrip("；;，,、。 ") + "…"


def scale_of(f: dict, p: AnalysisParams) -> dict | None:
    """The firm's size component from its first known figure, or None when none is known.

    >>> scale_of({"employees": 999}, AnalysisParams())["basis"], scale_of({}, AnalysisParams())
    ('employees', None)
    >>> scale_of({"employees": 15_100}, AnalysisParams())["component"], scale_of({"registered_capital": 5000}, AnalysisParams())["component"]
    (1.0, 0.3699)
    """
    refs = {"output": p.target_output_ref, "revenue": p.target_output_ref, "employees": p.target_employees_ref,
            "registered_capital": p.target_capital_ref}
    for field, label, unit in SCALE_FIGURES:
        x = f.get(field)
        if x is None or x < 0:
            continue
        if field == "registered_capital" and (f.get("capital_currency") or "人民币") != "人民币":
            continue  # another currency: not comparable without a rate
        c = min(1.0, math.log1p(x) / math.log1p(refs[field]))
        if field == "registered_capital":  # subscribed money, not the business's size: at most a weak sign of it
            c *= p.target_capital_factor
        return {"basis": field, "label": label, "value": x, "unit": unit, "component": round(c, 4),
                "rule": scale_rule(field, refs[field], p.target_capital_factor),
                "rule_en": scale_rule(field, refs[field], p.target_capital_factor, en=True)}
    return None


def rank_targets(gap: dict, firms: list[dict], locally_present: set[str], presence_ref: int,
                 limit: int, *, params: AnalysisParams | None = None, names: dict[str, str] | None = None,
                 subtree: set[str] | None = None, ancestors: set[str] | None = None) -> list[dict]:
    """Rank outside ``firms`` (props + ``segments``) for one gap (a ``gaps`` entry with evidence).

    ``names``: segment id → name (for the profile); ``subtree``: the gap segment and its children,
    ``ancestors``: its parents — the gap's lineage, not counted as the firm's *other* segments."""
    p = params or AnalysisParams()
    names = names or {}
    inside = set(subtree or ()) | set(ancestors or ()) | {gap["segment_id"]}
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
    seg_name = names.get(gap["segment_id"], gap.get("segment") or gap["segment_id"])
    wsum = p.w_target_scale + p.w_target_related + p.w_target_distance
    weights = "、".join(f"{label} {w / wsum:.0%}" for label, w in (("规模", p.w_target_scale), ("关联度", p.w_target_related),
                                                                  ("距离", p.w_target_distance)) if w > 0) if wsum else "—"
    ranked = []
    for f in firms:
        others_ids = [s for s in f.get("segments", []) if s not in inside]
        others = [{"segment_id": s, "segment": names.get(s, s), "local_firms": s in locally_present} for s in others_ids]
        related = [o for o in others if o["local_firms"]]
        # a firm with no other segment has nothing to relate: the component is left out, not 0 (a specialist
        # lost the whole 40 %); when its size is not known either, both are mid-way, so that distance alone
        # does not rank a firm nothing else is known of
        rel = len(related) / len(others) if others else None
        sc = scale_of(f, p)
        dist, basis = distance_of(f)
        prox = UNKNOWN_PROXIMITY if dist is None else max(0.0, 1.0 - dist / p.target_distance_ref_km)
        blind = rel is None and sc is None
        comps = [(p.w_target_distance, prox)]
        if rel is not None or blind:
            comps.append((p.w_target_related, MIDWAY if blind else rel))
        if sc is not None or blind:
            comps.append((p.w_target_scale, MIDWAY if blind else sc["component"]))
        wk = sum(w for w, _ in comps)
        score = int(round(100 * sum(w * c for w, c in comps) / wk)) if wk else 0
        score = max(0, min(100, score))
        reasons = []
        if n == 0:
            reasons.append("填补空白环节: 本地尚无企业 / fills a segment with no local firm")
        else:
            reasons.append(f"本地现有 {n} 家, 引进后覆盖度 +{coverage:.2f} / coverage")
        if conc > 0:
            reasons.append(f"集中度 HHI {hhi_now:.2f} → {hhi_after:.2f} / concentration lowered")
        if relief > 0:
            # (English: "relieves a dominator" read as if a local firm dominated a segment that has none)
            reasons.append(f"关键节点: 控制 {relief:.0%} 的终端产品路径 / a key link: {relief:.0%} of the chain's "
                           "end products are reached only through this segment")
        if related:
            reasons.append(f"与本地已有环节相关: {'、'.join(o['segment'] for o in related[:5])} / related to local segments")
        if blind:
            reasons.append("只做这一个环节且规模不详, 关联度与规模按中等计 / a specialist of unknown size: relatedness "
                           "and size scored mid-way")
        elif rel is None:
            reasons.append("只做这一个环节, 关联度不适用, 不计入得分 / a specialist: relatedness does not apply, left out "
                           "of the score")
        if sc:
            reasons.append(f"规模: {scale_text(sc)}（{sc['rule']}） / size by {_SCALE_EN[sc['basis']]} ({sc['rule_en']})")
        elif not blind:
            reasons.append("规模不详, 不计入得分 / size unknown, left out of the score")
        reasons.append(f"距台州约 {dist:,.0f} 公里{'' if basis == 'address' else '（约数）'} / {dist:,.0f} km from "
                       f"Taizhou{basis_text(basis, 'en')}" if dist is not None else
                       "距离不详, 按中等距离计 / distance unknown, scored as mid-way")
        scope = None if f.get("products") else scope_excerpt(f.get("business_scope"))
        if f.get("products"):
            reasons.append("主营: " + "、".join(f["products"][:4]))
        parts = {"coverage_gain": round(coverage, 4), "concentration_drop": round(conc, 4),
                 "dominator_relief": round(relief, 4)}
        if rel is not None or blind:  # left out (absent) when it does not apply
            parts["relatedness"] = MIDWAY if blind else round(rel, 4)
        if sc is not None or blind:
            parts["scale"] = MIDWAY if blind else sc["component"]
        parts["proximity"] = round(prox, 4)
        why = why_sentences(gap, seg_name, n, coverage, conc, relief, (hhi_now, hhi_after), others, sc, (dist, basis),
                   list(f.get("products") or []), scope, weights)
        profile = {"name": f["name"], "city": f.get("city"), "address": f.get("address"),
                   "employees": f.get("employees"), "registered_capital": f.get("registered_capital"),
                   "capital_currency": f.get("capital_currency"), "revenue": f.get("revenue"),
                   "output": f.get("output"), "founded": f.get("founded"), "stock_code": f.get("stock_code"),
                   "products": list(f.get("products") or []), "scope": scope, "tags": list(f.get("tags") or []),
                   "scale": scale_text(sc) if sc else None, "scale_basis": sc["label"] if sc else None,
                   "distance_km": None if dist is None else int(round(dist)), "distance_basis": basis,
                   "why": why, "sources": list(f.get("sources") or []), "other_segments": others}
        ranked.append({"enterprise_id": f["id"], "name": f["name"], "city": f.get("city"), "score": score,
                       "scale": sc, "distance_km": profile["distance_km"], "parts": parts, "reasons": reasons,
                       "sources": f.get("sources", []), "profile": profile})
    ranked.sort(key=_rank_key)
    for i, r in enumerate(ranked):
        r["rank"] = i + 1
        if i and ranked[i - 1]["score"] == r["score"]:
            r["tie_break"] = _tie_text(ranked[i - 1], r)
    return ranked[:limit]


def _rank_key(r: dict) -> tuple:
    sc = r["scale"]["component"] if r["scale"] else None
    d = r["distance_km"]
    return (-r["score"], sc is None, -(sc or 0.0), d is None, d if d is not None else 0, r["enterprise_id"])


def _tie_text(above: dict, me: dict) -> str:
    """Which tie-break put ``me`` right below ``above`` (same score), in words."""
    a, b = _rank_key(above), _rank_key(me)
    if a[1:3] != b[1:3]:
        return f"与上一名同为 {me['score']} 分，规模较小或不详，排在其后 / same score, smaller or unknown size"
    if a[3:5] != b[3:5]:
        return f"与上一名同为 {me['score']} 分，规模相同，距台州较远或距离不详，排在其后 / same score and size, farther"
    return f"与上一名同为 {me['score']} 分，规模和距离都相同，按企业编号排序 / same score, size and distance: by id"


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
