"""What-if (情景模拟): remove or add enterprises or segments, and report what changes.

The scenario never touches the store. The per-segment aggregates are adjusted in memory — for the
segments of the firms involved (and their ancestors) they are rebuilt from those segments' local
firm lists — then the gap analysis is rerun and compared with the baseline.

>>> s = Scenario(remove_enterprises=["e1"]); s.is_empty()
False
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import BaseModel, Field

from graph.analysis import analyze_from_aggregates, store_basis
from graph.params import AnalysisParams
from graph.strength import ACTIONABLE, GAP_KINDS
from graph.store import GraphStore, SegmentAggregate
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


def _rebuild(store: GraphStore, onto: Ontology, sid: str, base: SegmentAggregate, removed: dict[str, set[str]],
             added: list[dict]) -> SegmentAggregate:
    """The segment's aggregate with ``removed`` (firm → its segments) gone and ``added`` firms in."""
    firms: dict[str, dict] = {}
    offset = 0
    while True:  # the segment's listing covers its sub-segments, operating local firms only
        _, page = store.find_enterprises(segment=sid, local=True, limit=1000, offset=offset)
        firms.update({f["id"]: f for f in page})
        if len(page) < 1000:
            break
        offset += 1000
    for fid in removed:
        firms.pop(fid, None)
    subtree = set(onto.subtree(sid))
    direct_added = 0
    for f in added:
        if subtree & set(f["segments"]):
            firms[f["id"]] = f
            direct_added += sid in f["segments"]
    outs = [float(o) for f in firms.values() if (o := output_figure(f.get("output"), f.get("revenue"))) is not None]
    lead = sum(1 for f in firms.values() if f.get("leading") or is_leading(f.get("tags") or [], f.get("output"),
                                                                           f.get("revenue")))
    direct_removed = sum(1 for segs in removed.values() if sid in segs)
    return replace(base, local_count=len(firms), local_output=sum(outs), local_output_sq=sum(o * o for o in outs),
                   max_output=max(outs, default=0.0), leading_count=lead, local_reported=len(outs),
                   direct_local=max(0, base.direct_local - direct_removed + direct_added))


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
    # each removed firm's segments, read once (the touched segments and every rebuild use them)
    removed = {fid: {r["dst"] for r in store.rels("IN_SEGMENT", src=fid)} for fid in scenario.remove_enterprises}
    touched: set[str] = set()
    for segs in removed.values():
        for sid in segs:
            touched.update(onto.ancestors(sid))
    added = []
    for i, ne in enumerate(scenario.add_enterprises):
        node = store.get_node("Enterprise", ne.id) if ne.id else None
        segs = ne.segments or ([r["dst"] for r in store.rels("IN_SEGMENT", src=ne.id)] if node else [])
        firm = {"id": ne.id or f"whatif-{i}", "name": ne.name or (node or {}).get("name") or f"新企业{i + 1}",
                "output": ne.output if ne.output is not None else (node or {}).get("output") or (node or {}).get("revenue"),
                "tags": ne.tags or (node or {}).get("tags") or [], "segments": segs}
        added.append(firm)
        for sid in segs:
            touched.update(onto.ancestors(sid))
    new_aggs = dict(aggs)
    for sid in touched:
        if sid in aggs:
            new_aggs[sid] = _rebuild(store, onto, sid, aggs[sid], removed, added)
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
