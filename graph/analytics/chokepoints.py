"""Chokepoint (卡脖子) technologies and the priority project list (重点技术攻关项目).

score = 100 × severity × reach × capability_gap, with

* severity: status severity (国内空白 1.0, 依赖进口 0.8, 部分依赖 0.5, 自主可控 0.1), raised to
  ``chokepoint_list_floor`` when the technology is flagged chokepoint or on a national list, times
  ``uncertain_status_factor`` when the status is not confirmed by its source;
* reach: what depends on it, downstream included: ½ · Σ expected value share of the affected
  segments (needing segments and everything they FEED, per cluster, capped at 1) + ½ · share of
  Taizhou's local output produced by the distinct firms of those segments — the output half only when
  it is measured (enough of those firms report output: ``min_output_reporters`` and
  ``min_output_coverage``); otherwise reach is the value share alone (a share nobody reported is not 0);
* capability_gap = 1 / (1 + local holders recorded): none recorded → 1, one → 0.5, … ("none recorded" is
  what the data says — ``evidence.holders_recorded`` — never stated as "no local firm holds it").

Each project names the 揭榜挂帅 candidates: local firms that hold the technology or work in a
segment that needs it, ranked by holding it, then what is known of the firm (``ontology.firms.RANK_ORDER``:
leading, output, listed, employees, registered capital), each with why.

>>> round(severity("国内空白", False, True, AnalysisParams()), 2)
1.0
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from graph.analytics.params import STATUS_SEVERITY, AnalysisParams
from ontology.firms import LEADING_TAGS, canonical_tag, number, output_figure, rank_key, size_facts

__all__ = ["Chokepoint", "severity", "score_technologies", "candidates_for"]


@dataclass
class Chokepoint:
    technology_id: str
    technology: str
    status: str
    status_certain: bool
    chokepoint: bool
    score: float
    parts: dict[str, float]
    clusters: list[str]
    segments: list[str]
    downstream_segments: list[str]
    local_holders: list[str]
    evidence: dict = field(default_factory=dict)
    candidates: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def severity(status: str, chokepoint: bool, status_certain: bool, p: AnalysisParams) -> float:
    sev = STATUS_SEVERITY.get(status, 0.5)
    if chokepoint:
        sev = max(sev, p.chokepoint_list_floor)
    if not status_certain:
        sev *= p.uncertain_status_factor
    return sev


def score_technologies(techs: list[dict], affected: dict[str, dict], holders: dict[str, list[str]],
                       p: AnalysisParams) -> list[Chokepoint]:
    """Rank technologies. ``techs``: technology props; ``affected[tid]``: {clusters, segments,
    downstream, value_share, output_share, holder_count}; ``holders[tid]``: ids of the (largest)
    local firms holding it — ``holder_count`` is the full count when the list is capped."""
    out = []
    for t in techs:
        a = affected[t["id"]]
        sev = severity(t.get("status", ""), bool(t.get("chokepoint")), bool(t.get("status_certain")), p)
        out_share = a.get("output_share")
        reach = (min(1.0, a["value_share"]) if out_share is None  # output not measured: left out, not 0
                 else 0.5 * min(1.0, a["value_share"]) + 0.5 * min(1.0, out_share))
        local = holders.get(t["id"], [])
        n_held = a.get("holder_count", len(local))
        gap = 1.0 / (1 + n_held)
        score = 100 * sev * reach * gap
        out.append(Chokepoint(
            t["id"], t["name"], t.get("status", ""), bool(t.get("status_certain")), bool(t.get("chokepoint")),
            round(score, 3), {"severity": round(sev, 4), "reach": round(reach, 4), "capability_gap": round(gap, 4)},
            a["clusters"], a["segments"], a["downstream"], local,
            {"value_share": round(a["value_share"], 4),
             "output_share": None if out_share is None else round(out_share, 4),
             "output_reporters": a.get("output_reporters"),
             # no holder recorded is what the data says, not that no local firm holds it: technology holdings
             # are collected for few firms, so the capability gap of 1 is an assumption, worded as such
             "local_holders": n_held, "holders_recorded": n_held > 0,
             "chokepoint_lists": t.get("chokepoint_lists", []),
             "source": t.get("source", ""), "status_note": t.get("note", "")}))
    out.sort(key=lambda c: (-c.score, c.technology_id))
    return out


def candidates_for(tech_id: str, holders: list[dict], in_segments: list[dict], limit: int = 5) -> list[dict]:
    """揭榜挂帅 candidates: local firms holding the technology first, then firms of the segments that use it
    (the demand side: they can post the challenge and co-lead the project; their reason says so); within
    each, what is known of the firm (``ontology.firms.rank_key``: leading, output, listed, employees,
    registered capital — the order the store's ranked lists keep), never the id unless nothing else differs.
    Each reason is ``"中文 / English"``.

    >>> big = {"id": "nm-1", "name": "华海", "local": True, "employees": 7000, "stock_code": "600521"}
    >>> small = {"id": "9133", "name": "示例", "local": True, "registered_capital": 500}
    >>> [c["name"] for c in candidates_for("t", [], [small, big])]
    ['华海', '示例']
    """
    seen, out = set(), []
    for e, holds in [(e, True) for e in holders] + [(e, False) for e in in_segments]:
        if e["id"] in seen or not e.get("local") or e.get("active") is False:
            continue
        seen.add(e["id"])
        leading = [t for t in e.get("tags", []) if canonical_tag(t) in LEADING_TAGS]
        # a firm that only uses the technology is the demand side (it can post the challenge and co-lead the
        # project), never a claim that it can develop it
        why = (["已掌握该技术 / already holds it"] if holds
               else ["需求方：所在环节用到该技术 / demand side: works in a segment that uses it"])
        if leading:
            why.append("龙头标签: " + "、".join(leading) + " / leading-firm tag: " + ", ".join(leading))
        output = number(output_figure(e.get("output"), e.get("revenue")))
        if output:
            why.append(f"产值/营收 {output:,.0f} 万元 / output or revenue {output:,.0f} (10k yuan)")
        employees, capital, listed = size_facts(e.get("employees"), e.get("registered_capital"),
                                                e.get("capital_currency"), e.get("stock_code"))
        if employees:
            why.append(f"员工 {employees:,.0f} 人 / {employees:,.0f} employees")
        if capital:
            why.append(f"注册资本 {capital:,.0f} 万元 / registered capital {capital:,.0f} (10k yuan)")
        if listed:
            why.append(f"上市公司（{e['stock_code']}） / listed ({e['stock_code']})")
        out.append({"enterprise_id": e["id"], "name": e["name"], "county": e.get("county"),
                    "holds": holds, "reasons": why,
                    "_rank": (not holds, rank_key(e.get("leading"), output, employees, capital, listed, e["id"]))})
    out.sort(key=lambda c: c["_rank"])
    return [{k: v for k, v in c.items() if k != "_rank"} for c in out[:limit]]
