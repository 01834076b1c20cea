"""The 招商 workbench as the service serves it: leads read from and written to the store, the
workbench (ranked candidates per gap with their leads) and the pipeline what-if ("if the firms 在谈
and later land, which gaps close?").

What: functions of (store, ontology) — no cache and no write counter: :class:`chainkg.service.ChainKG`
wraps each in one method, caches the derived ones (workbench, pipeline what-if) and counts the
writes. The pure rules of a lead (stages, history, the scenario it makes) are
:mod:`graph.analytics.pipeline`'s. Why its own module: the service is the one object the front ends
call, not the place every feature's body lives.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> store, onto = SQLiteStore(":memory:"), load_ontology()
>>> check_stages(["在谈", "签了"])
Traceback (most recent call last):
ontology.errors.InputError: field stages: unknown stage '签了'; one of 线索, 已接触, 在谈, 已签约, 已落地, 放弃
>>> list_leads(store, onto)
[]
"""

from __future__ import annotations

from collections.abc import Iterable

from chainkg.errors import InputError, NotFoundError
from graph.analytics.params import AnalysisParams
from graph.analytics.pipeline import LANDING_STAGES, STAGES, STAGES_EN, change, history_rows, lead_id, new_lead, \
    pipeline_scenario, stage_order
from graph.analytics.strength import GAP_LABELS
from graph.analytics.whatif import what_if
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology
from ontology.models import Lead

__all__ = ["check_stages", "lead_view", "list_leads", "opened_lead", "changed_lead", "write_lead",
           "workbench", "pipeline_what_if"]


def check_stages(stages: Iterable[str], field: str = "stages") -> tuple[str, ...]:
    """``stages`` as a tuple, or :class:`InputError` naming the first unknown one."""
    stages = tuple(stages)
    bad = [s for s in stages if s not in STAGES]
    if bad:
        raise InputError(f"unknown stage {bad[0]!r}; one of {', '.join(STAGES)}", field=field)
    return stages


def lead_view(lead: dict, onto: Ontology) -> dict:
    """A stored lead with what a reader needs: segment and firm names, cluster, English stage, history rows."""
    seg = onto.segments.get(lead["segment"])
    return lead | {"segment_name": seg.name if seg else lead["segment"],
                   "cluster": lead.get("cluster") or (seg.cluster if seg else None),
                   "enterprise_name": lead.get("enterprise_name") or lead["enterprise"],
                   "stage_en": STAGES_EN.get(lead["stage"], lead["stage"]), "history_rows": history_rows(lead)}


def list_leads(store: GraphStore, onto: Ontology, cluster_id: str | None = None, segment: str | None = None,
               stage: str | None = None) -> list[dict]:
    """招商 leads, by cluster, segment, stage order and firm; each with its history rows and the firm's
    current name. An unknown cluster or segment is a :class:`NotFoundError` listing the ids, not an empty list."""
    cluster_id = onto.cluster_id(cluster_id) if cluster_id else None
    segment = onto.segment_id(segment, cluster=cluster_id) if segment else None
    out = []
    for lead in store.find_nodes("Lead", limit=10**6):
        v = lead_view(lead, onto)
        if (cluster_id and v["cluster"] != cluster_id) or (segment and lead["segment"] != segment) \
                or (stage and lead["stage"] != stage):
            continue
        firm = store.get_node("Enterprise", lead["enterprise"]) or {}
        v["enterprise_name"] = firm.get("name") or lead.get("enterprise_name") or lead["enterprise"]
        out.append(v)
    return sorted(out, key=lambda x: (x["cluster"] or "", x["segment"], stage_order(x["stage"]), x["enterprise"]))


def opened_lead(store: GraphStore, onto: Ontology, enterprise: str, segment: str, *, stage: str | None = None,
                owner: str | None = None, note: str | None = None) -> dict:
    """The props of a new lead for a firm on a segment (stage 线索 by default), or of the existing one
    (same firm and segment) after the change. Unknown firm or segment: :class:`NotFoundError`."""
    if stage is not None:
        check_stages([stage], field="stage")
    firm = store.get_node("Enterprise", enterprise)
    if firm is None:
        raise NotFoundError(f"unknown enterprise {enterprise!r}", entry=enterprise)
    seg = onto.segments.get(segment)
    if seg is None:
        raise NotFoundError(f"unknown segment {segment!r}", entry=segment)
    old = store.get_node("Lead", lead_id(enterprise, segment))
    if old is None:
        return new_lead(enterprise, segment, stage=stage or "线索", owner=owner, note=note, cluster=seg.cluster,
                        enterprise_name=firm.get("name"))
    return change(old, stage=stage, owner=owner, note=note)


def changed_lead(store: GraphStore, lead: str, *, stage: str | None = None, owner: str | None = None,
                 note: str | None = None) -> dict:
    """The props of lead ``lead`` after a change of stage, owner and/or a new note."""
    if stage is not None:
        check_stages([stage], field="stage")
    old = store.get_node("Lead", lead)
    if old is None:
        raise NotFoundError(f"unknown lead {lead!r}", entry=lead)
    return change(old, stage=stage, owner=owner, note=note)


def write_lead(store: GraphStore, props: dict) -> dict:
    """Validate and write one lead (a ``None`` prop, e.g. a cleared owner, is removed); the stored props."""
    Lead(**{k: v for k, v in props.items() if v is not None})  # validate before writing
    batch = Batch()
    batch.node("Lead", props)
    store.write(batch)
    return {k: v for k, v in props.items() if v is not None}


def workbench(result: dict, leads: list[dict]) -> list[dict]:
    """The 招商 workbench from an analysis ``result`` and the ``leads`` of the same clusters: per gap
    segment (actionable verdicts on adequate data) its ranked candidates, each with its profile card and
    its lead when one is open; leads on the segment for firms no longer ranked go under ``other_leads``."""
    by_seg: dict[str, list[dict]] = {}
    for lead in leads:
        by_seg.setdefault(lead["segment"], []).append(lead)
    gaps = {g["segment_id"]: g for g in result["gaps"]}
    out = []
    for tg in result.get("targets", []):
        mine = {lead["enterprise"]: lead for lead in by_seg.get(tg["segment_id"], [])}
        g = gaps.get(tg["segment_id"], {})
        out.append(tg | {"verdict": g.get("verdict"), "local_firms": g.get("evidence", {}).get("local_firms"),
                         "candidates": [c | {"lead": mine.pop(c["enterprise_id"], None)} for c in tg["candidates"]],
                         "other_leads": list(mine.values())})
    return out


def pipeline_what_if(store: GraphStore, onto: Ontology, cluster_id: str | None, stages: Iterable[str] | None,
                     params: AnalysisParams) -> dict:
    """情景: if the firms whose leads are at ``stages`` (default 在谈, 已签约, 已落地) land in their lead's
    segment, which gaps close? The what-if result plus ``leads`` (those assumed to land), ``closed``
    (no longer a gap), ``filled`` (缺失 no more) and ``summary`` (plain sentences)."""
    cluster_id = None if cluster_id is None else onto.cluster_id(cluster_id)
    stages = check_stages(stages) if stages else LANDING_STAGES
    chosen = [lead for lead in list_leads(store, onto, cluster_id) if lead["stage"] in stages]
    for lead in chosen:  # under a parent gap segment the firm lands in its own segments of that subtree
        subtree = set(onto.subtree(lead["segment"])) if lead["segment"] in onto.segments else {lead["segment"]}
        own = sorted(r["dst"] for r in store.rels("IN_SEGMENT", src=lead["enterprise"]) if r["dst"] in subtree)
        lead["land_in"] = own or [lead["segment"]]
    scenario = pipeline_scenario(chosen, stages)
    res = what_if(store, onto, scenario, cluster=cluster_id, params=params)
    # closed: no longer a gap on the same data (a verdict turning 未发现 is the data's limit, not a close)
    closed = [c for c in res["changes"] if c["change"] == "gap_closed" and c.get("kind_after") != "unknown"]
    filled = [c for c in res["changes"] if c.get("kind_before") == "missing" and c.get("kind_after") not in (None, "missing")]
    who = "、".join(dict.fromkeys(lead["enterprise_name"] or lead["enterprise"] for lead in chosen))
    summary = []
    if not chosen:
        summary.append(f"没有处于{'、'.join(stages)}阶段的招商项目，情景与现状相同。")
    else:
        summary.append(f"假设{'、'.join(stages)}阶段的 {len(scenario.add_enterprises)} 家企业（{who}）全部落地：")
        for c in res["changes"]:
            if c["change"] not in ("gap_closed", "kind_changed", "gap_opened"):
                continue
            before, after = GAP_LABELS.get(c["kind_before"], c["kind_before"]), GAP_LABELS.get(c["kind_after"], c["kind_after"])
            tail = "，不再是缺口。" if c in closed else "。"
            summary.append(f"「{c['segment']}」由{before}变为{after}{tail}")
        if not closed and not filled:
            summary.append("没有缺口因此补上；各环节强度的变化见明细。")
    return res | {"stages": list(stages), "leads": chosen, "closed": closed, "filled": filled, "summary": summary}
