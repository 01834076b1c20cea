"""What-if (情景模拟): remove or add enterprises or segments, and report what changes.

The scenario never touches the store. The stored per-segment aggregates are moved in memory by the
firms involved only (their segments and those segments' ancestors; the largest remaining output
from the store's ranked firm lists), so a what-if costs O(firms involved), not O(firms of the
segment) — then the gap analysis is rerun and compared with the baseline.

>>> s = Scenario(remove_enterprises=["e1"]); s.is_empty()
False
"""

from __future__ import annotations

from dataclasses import replace
from math import fsum

from pydantic import BaseModel, Field

from graph.analytics.analysis import analyze_from_aggregates, store_basis
from graph.analytics.params import AnalysisParams
from graph.analytics.strength import ACTIONABLE, GAP_KINDS
from graph.store.port import GraphStore, SegmentAggregate
from ontology.errors import InputError
from ontology.firms import is_leading, output_figure
from ontology.loader import Ontology

__all__ = ["Scenario", "NewEnterprise", "what_if", "check_ids"]


class NewEnterprise(BaseModel):
    """A firm to add: an existing outside firm by id (it becomes local), or a new one."""

    id: str | None = Field(None, description="existing enterprise id (outside firm to attract)")
    name: str | None = None
    segments: list[str] = Field(default_factory=list, description="segment ids (default: the firm's own)")
    output: float | None = Field(None, ge=0, description="expected local output, 万元")
    tags: list[str] = Field(default_factory=list)


class Scenario(BaseModel):
    remove_enterprises: list[str] = Field(default_factory=list, description="ids of local firms to remove")
    add_enterprises: list[NewEnterprise] = Field(default_factory=list)
    remove_segments: list[str] = Field(default_factory=list, description="segment ids to drop from the chain")

    def is_empty(self) -> bool:
        return not (self.remove_enterprises or self.add_enterprises or self.remove_segments)


def _local_figure(props: dict | None) -> tuple[bool, float | None]:
    """(operating local firm?, its output figure) — as the stored aggregates count a firm."""
    p = props or {}
    return bool(p.get("local") is True and p.get("active", True) is not False), \
        output_figure(p.get("output"), p.get("revenue"))


def _rebuild(store: GraphStore, onto: Ontology, sid: str, base: SegmentAggregate, leaving: dict[str, tuple],
             added: list[dict]) -> SegmentAggregate:
    """The segment's aggregate with the ``leaving`` local firms (id → (props, segments)) gone and the
    ``added`` firms in — moved from the stored aggregate by those firms only (O(firms involved)), the
    largest remaining output read from the store's ranked firm list."""
    subtree = set(onto.subtree(sid))
    gone = {fid: props for fid, (props, segs) in leaving.items() if segs & subtree and _local_figure(props)[0]}
    new = [f for f in added if subtree & set(f["segments"])]
    outs_gone = [o for p in gone.values() if (o := _local_figure(p)[1]) is not None]
    outs_new = [float(o) for f in new if (o := output_figure(f.get("output"), f.get("revenue"))) is not None]
    lead_gone = sum(1 for p in gone.values() if p.get("leading"))
    lead_new = sum(1 for f in new if f["leading"])
    # an attracted outside firm stops counting as outside where it is placed today
    left_outside = sum(1 for f in added if subtree & f["outside_in"])
    count = base.local_count - len(gone) + len(new)
    # the ranked list puts the leading firms first (ontology.firms.rank_key), then the others by output: the
    # largest remaining output is among the leading ones and the first len(gone) + 1 others
    remaining = [f for f in store.top_firms(sorted(subtree), local=True, limit=base.leading_count + len(gone) + 1)
                 if f["id"] not in gone]
    top = [max(outs)] if (outs := [float(o) for f in remaining
                                   if (o := output_figure(f.get("output"), f.get("revenue"))) is not None]) else []
    reported = base.local_reported - len(outs_gone) + len(outs_new)
    return replace(base, local_count=count, outside_count=base.outside_count - left_outside,
                   local_output=max(0.0, fsum([base.local_output, *outs_new]) - fsum(outs_gone)) if reported else 0.0,
                   local_output_sq=max(0.0, fsum([base.local_output_sq, *(o * o for o in outs_new)])
                                       - fsum(o * o for o in outs_gone)) if reported else 0.0,
                   max_output=max([*top, *outs_new], default=0.0), leading_count=base.leading_count - lead_gone + lead_new,
                   local_reported=reported,
                   direct_local=base.direct_local - sum(1 for _, segs in (leaving[f] for f in gone) if sid in segs)
                   + sum(1 for f in new if sid in f["segments"]))


def check_ids(store: GraphStore, onto: Ontology, scenario: Scenario) -> None:
    """Refuse ids that name nothing (a typo would otherwise be a scenario that silently changes nothing)."""
    for fid in scenario.remove_enterprises:
        if store.get_node("Enterprise", fid) is None:
            raise InputError(f"unknown enterprise id {fid!r}", field="remove_enterprises", entry=fid)
    for ne in scenario.add_enterprises:
        if ne.id and not ne.segments and store.get_node("Enterprise", ne.id) is None:
            raise InputError(f"unknown enterprise id {ne.id!r} (a new firm needs its segments)",
                             field="add_enterprises", entry=ne.id)
        for sid in ne.segments:
            if sid not in onto.segments:
                raise InputError(f"unknown segment id {sid!r}", field="add_enterprises", entry=sid)
    for sid in scenario.remove_segments:
        if sid not in onto.segments:
            raise InputError(f"unknown segment id {sid!r}", field="remove_segments", entry=sid)


def what_if(store: GraphStore, onto: Ontology, scenario: Scenario, *, cluster: str | None = None,
            params: AnalysisParams | None = None) -> dict:
    """Baseline vs scenario: gaps opened or closed, kinds and strength scores that moved."""
    p = params or AnalysisParams()
    aggs = {a.segment_id: a for a in store.segment_aggregates(cluster)}
    basis = store_basis(store, onto, cluster)
    before = analyze_from_aggregates(onto, aggs, cluster=cluster, params=p, basis=basis)
    # the firms leaving the local base: the removed ones, and added ones already local (re-counted with the
    # scenario's figures); each read once with its segments
    leaving: dict[str, tuple[dict, set[str]]] = {}
    for fid in scenario.remove_enterprises:
        leaving[fid] = (store.get_node("Enterprise", fid) or {}, {r["dst"] for r in store.rels("IN_SEGMENT", src=fid)})
    touched: set[str] = set()
    for _, segs in leaving.values():
        for sid in segs:
            touched.update(onto.ancestors(sid))
    added = []
    for i, ne in enumerate(scenario.add_enterprises):
        node = store.get_node("Enterprise", ne.id) if ne.id else None
        own = {r["dst"] for r in store.rels("IN_SEGMENT", src=ne.id)} if node else set()
        segs = ne.segments or sorted(own)
        firm = {"id": ne.id or f"whatif-{i}", "name": ne.name or (node or {}).get("name") or f"新企业{i + 1}",
                "output": ne.output if ne.output is not None else (node or {}).get("output") or (node or {}).get("revenue"),
                "tags": ne.tags or (node or {}).get("tags") or [], "segments": segs}
        # the stored flag while the firm keeps its own figures, else the rule on the scenario's
        firm["leading"] = bool(node.get("leading")) if node is not None and ne.output is None and not ne.tags \
            else is_leading(firm["tags"], firm["output"])
        firm["outside_in"] = own if node is not None and node.get("local") is False and \
            node.get("active", True) is not False else set()
        added.append(firm)
        if node is not None and firm["id"] not in leaving:
            leaving[firm["id"]] = (node, own)
        for sid in {*segs, *own}:
            touched.update(onto.ancestors(sid))
    new_aggs = dict(aggs)
    for sid in touched:
        if sid in aggs:
            new_aggs[sid] = _rebuild(store, onto, sid, aggs[sid], leaving, added)
    after = analyze_from_aggregates(onto, new_aggs, cluster=cluster, params=p,
                                    removed_segments=set(scenario.remove_segments), basis=basis)
    b = {g["segment_id"]: g for g in before["gaps"]}
    a = {g["segment_id"]: g for g in after["gaps"]}
    changes = []
    for sid in sorted(set(b) | set(a)):
        gb, ga = b.get(sid), a.get(sid)
        if ga is None:
            changes.append({"segment_id": sid, "segment": gb["segment"], "change": "segment_removed",
                            "kind_before": gb["kind"], "kind_after": None})
            continue
        moved = round(ga["strength"] - gb["strength"], 4)
        dom_changed = ga["evidence"]["dominator"] != gb["evidence"]["dominator"]
        if ga["kind"] != gb["kind"] or abs(moved) >= 1e-4 or dom_changed:
            opened = gb["kind"] not in ACTIONABLE and ga["kind"] in ACTIONABLE
            closed = gb["kind"] in ACTIONABLE and ga["kind"] not in ACTIONABLE
            changes.append({"segment_id": sid, "segment": ga["segment"], "cluster": ga["cluster"],
                            "change": "gap_opened" if opened else "gap_closed" if closed else
                            "kind_changed" if ga["kind"] != gb["kind"] else "score_moved",
                            "kind_before": gb["kind"], "kind_after": ga["kind"],
                            "strength_before": gb["strength"], "strength_after": ga["strength"],
                            "strength_delta": moved, "dominator_before": gb["evidence"]["dominator"],
                            "dominator_after": ga["evidence"]["dominator"]})
    def count(gs):
        out = {k: 0 for k in GAP_KINDS}
        for g in gs:
            out[g["kind"]] += 1
        return out
    return {"scenario": scenario.model_dump(), "summary_before": count(before["gaps"]),
            "summary_after": count(after["gaps"]), "changes": changes, "gaps_after": after["gaps"]}
