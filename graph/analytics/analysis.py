"""The full chain analysis: gaps (补链/强链), structural criticality, chokepoints, priority
projects, 招商 targets and 延链 suggestions — one pure pipeline over store aggregates.

The store does the O(enterprises) work (per-segment aggregates, candidate lists); this module
handles O(segments + candidates). The same function serves the CLI, the API and the UI.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology import load_ontology
>>> result = analyze(SQLiteStore(":memory:"), load_ontology(), cluster="sewing")
>>> {g["kind"] for g in result["gaps"]}     # nothing loaded: nothing can be called missing
{'unknown'}
"""

from __future__ import annotations

from pydantic import ValidationError

from graph.analytics.chokepoints import candidates_for, score_technologies
from graph.analytics.census_checks import census_actions, census_check
from graph.analytics.coverage import (BASE_HINT, BASE_HINT_EN, COLLECT_HINT, COLLECT_HINT_EN, ClusterBasis, cluster_basis,
                                      several_clusters)
from graph.analytics.criticality import criticality, downstream, feeds_graph
from graph.analytics.params import AnalysisParams
from graph.store.port import GraphStore, SegmentAggregate
from graph.analytics.strength import ACTIONABLE, _expected_shares, classify_segments
from graph.analytics.targets import extensions, rank_targets
from ontology.loader import Ontology
from ontology.models import Technology

__all__ = ["analyze", "analyze_from_aggregates", "gap_priority", "store_basis", "store_technologies"]


def store_technologies(store: GraphStore) -> dict[str, Technology]:
    """The technologies as the store holds them (the ontology's and every imported one), by id."""
    out = {}
    for props in store.find_nodes("Technology", limit=100_000):
        try:
            out[props["id"]] = Technology(**props)
        except ValidationError:  # a node written by another tool without the full record: skip it
            continue
    return dict(sorted(out.items()))


def store_basis(store: GraphStore, onto: Ontology, cluster: str | None = None) -> dict[str, ClusterBasis]:
    """The 口径 of each cluster's verdicts, from the datasets recorded in the store."""
    datasets = store.find_nodes("Dataset", limit=10_000)
    clusters = [cluster] if cluster else list(onto.clusters)
    # a census declared for several clusters: its firms in none of them, counted once (coverage.not_placed)
    unplaced = {d["id"]: store.find_enterprises(dataset=d["id"], cluster=d["clusters"], unplaced=True, local=True,
                                                limit=0)[0]
                for d in datasets if several_clusters(d) and (cluster is None or cluster in d["clusters"])}
    return cluster_basis(clusters, datasets, store.dataset_clusters() if datasets else {}, unplaced)


def gap_priority(strength: float, crit: dict, p: AnalysisParams) -> float:
    """补链 priority on 0–100: (1 − strength) × (1 + bonuses for dominance, betweenness, articulation),
    divided by the largest multiplier the bonuses allow (each criticality part is at most 1), so the
    one score scale of every page holds and the order is unchanged.

    >>> p = AnalysisParams()
    >>> gap_priority(0.0, {"dominance": 1.0, "betweenness": 1.0, "articulation": True}, p)
    100.0
    >>> gap_priority(0.0, {"dominance": 0.0, "betweenness": 0.0, "articulation": False}, p)
    36.364
    """
    bonus = (p.dominator_bonus * crit["dominance"] + p.betweenness_bonus * crit["betweenness"]
             + p.articulation_bonus * crit["articulation"])
    most = 1 + p.dominator_bonus + p.betweenness_bonus + p.articulation_bonus
    return round(100 * (1 - strength) * (1 + bonus) / most, 3)


def _segments(onto: Ontology, cluster: str | None, removed: set[str]):
    segs = [s for s in onto.segments.values() if (cluster is None or s.cluster == cluster) and s.id not in removed]
    ids = {s.id for s in segs}
    feeds = [(f.source_id, f.target_id) for f in onto.feeds if f.source_id in ids and f.target_id in ids]
    return segs, feeds


def analyze_from_aggregates(onto: Ontology, aggs: dict[str, SegmentAggregate], *, cluster: str | None = None,
                            params: AnalysisParams | None = None, removed_segments: set[str] | None = None,
                            basis: dict[str, ClusterBasis] | None = None) -> dict:
    """Gaps with strength and criticality (no store access): the part what-if recomputes."""
    p = params or AnalysisParams()
    segs, feeds = _segments(onto, cluster, removed_segments or set())
    strengths = classify_segments(segs, aggs, p, basis)
    crit: dict[str, dict] = {}
    for cid in sorted({s.cluster for s in segs}):
        ids = [s.id for s in segs if s.cluster == cid]
        idset = set(ids)
        for sid, c in criticality(ids, [e for e in feeds if e[0] in idset]).items():
            crit[sid] = c.as_dict()
    gaps = []
    for s in strengths:
        c = crit[s.segment_id]
        ev = s.evidence | {"dominance": c["dominance"], "dominator": c["dominator"],
                           "dominated_products": c["dominated_products"], "articulation": c["articulation"],
                           "betweenness": c["betweenness"], "components": s.components}
        gaps.append({"cluster": s.cluster, "segment_id": s.segment_id, "segment": s.segment, "stage": s.stage,
                     "level": s.level, "kind": s.kind, "kind_zh": s.kind_zh, "verdict": s.verdict,
                     "strength": s.strength, "score": gap_priority(s.strength, c, p), "basis": s.basis,
                     "coverage": _coverage(s), "action": _action(s, onto), "evidence": ev})
    # verdicts on adequate data first, then dominators (补链 priority), then by score
    gaps.sort(key=lambda g: (g["kind"] not in ACTIONABLE, g["kind"] == "strong", not g["evidence"]["dominator"],
                             -g["score"], g["segment_id"]))
    return {"gaps": gaps, "strengths": strengths, "feeds": feeds, "segments": segs}


def _coverage(s) -> dict:
    """What the verdict rests on: datasets, firms known, firms with output, as-of date."""
    return {"basis": s.basis.get("label"), "adequate": s.basis.get("adequate", False),
            "outside_list": s.basis.get("outside_list"),
            "datasets": [d["name"] for d in s.basis.get("datasets", [])],
            "other_lists": [d["name"] for d in s.basis.get("other_lists", [])],
            "firms_known": s.evidence["local_firms"], "firms_with_output": s.evidence["firms_with_output"],
            "inactive_excluded": s.evidence["inactive_excluded"], "as_of": s.basis.get("as_of")}


def _action(s, onto: Ontology) -> dict | None:
    """What to do next for a verdict the data cannot settle (``unknown``): check the placement of the firms on
    its parent; on a list of the cluster's firms that cannot hold the segment's firms (other industries, services),
    load a registry-wide census (``collect_registry``); else a census of the cluster's firm base (``collect_data``)."""
    if s.kind != "unknown":
        return None
    parent = s.evidence.get("parent_firms")
    if parent:
        return {"kind": "check_placement", "segment_id": parent["segment_id"],
                "text": f"核实上级环节「{parent['segment']}」的 {parent['firms']} 家本地企业是否生产本环节产品，并在企业页调整归属",
                "text_en": f"check whether the {parent['firms']} local firm(s) on the parent segment make this "
                           "segment's products, and correct their placement"}
    name = onto.clusters[s.cluster].name if s.cluster in onto.clusters else s.cluster
    if s.basis.get("outside_list"):  # a list of the cluster's firms is loaded; only a registry-wide census settles it
        return {"kind": "collect_registry", "population": "规上工业企业 / 全量登记企业",
                "text": BASE_HINT.format(cluster=name), "text_en": BASE_HINT_EN}
    return {"kind": "collect_data", "population": "规上工业企业 / 全量登记企业",
            "text": COLLECT_HINT.format(cluster=name, cid=s.cluster),
            "text_en": COLLECT_HINT_EN.format(cid=s.cluster)}


#: the per-cluster summary of "check the placement" actions (zh, en)
CHECK_PLACEMENT = ("核实只归到上级环节的本地企业的产品，并调整其归属",
                   "check the products of local firms placed only on a parent segment")


def data_actions(gaps: list[dict], onto: Ontology) -> list[dict]:
    """Per cluster: the data that would settle its ``unknown`` verdicts (one action per cluster), and the
    census firms to check before its 缺失 and 单点依赖 verdicts are final."""
    out: dict[str, dict] = {}
    for g in gaps:
        act = g.get("action")
        if not act:
            continue
        key = f"{g['cluster']}\x1f{act['kind']}"
        entry = out.setdefault(key, {"cluster": g["cluster"], "cluster_name": onto.clusters[g["cluster"]].name,
                                     "kind": act["kind"], "basis": g["basis"].get("label"),
                                     "text": CHECK_PLACEMENT[0] if act["kind"] == "check_placement" else act["text"],
                                     "text_en": CHECK_PLACEMENT[1] if act["kind"] == "check_placement" else act["text_en"],
                                     "segments": []})
        entry["segments"].append({"segment_id": g["segment_id"], "segment": g["segment"]})
    return sorted([*out.values(), *census_check(gaps, onto)], key=lambda a: (a["cluster"], a["kind"]))


def analyze(store: GraphStore, onto: Ontology, *, cluster: str | None = None, params: AnalysisParams | None = None,
            sections: tuple[str, ...] = ("gaps", "chokepoints", "projects", "targets", "extensions"),
            aggregates: dict[str, SegmentAggregate] | None = None) -> dict:
    """Run the whole analysis for one cluster (or all). Returns plain, JSON-ready data."""
    p = params or AnalysisParams()
    cluster = None if cluster is None else onto.cluster_id(cluster)  # an unknown one: 404 listing the ids
    aggs = aggregates if aggregates is not None else {a.segment_id: a for a in store.segment_aggregates(cluster)}
    basis = store_basis(store, onto, cluster)
    base = analyze_from_aggregates(onto, aggs, cluster=cluster, params=p, basis=basis)
    out: dict = {"cluster": cluster, "params": p.model_dump(), "gaps": base["gaps"],
                 "coverage": {cid: b.as_dict() for cid, b in basis.items()},
                 "data_actions": census_actions(store, onto, basis, data_actions(base["gaps"], onto))}
    if {"chokepoints", "projects"} & set(sections):
        out["chokepoints"] = _chokepoints(store, onto, base, aggs, p)
        out["projects"] = _projects(store, out["chokepoints"], p.max_projects)
    if "targets" in sections:
        present = {g["segment_id"] for g in base["gaps"] if g["evidence"]["local_firms"] > 0}
        out["targets"] = []
        for g in base["gaps"]:  # targets follow the evidence: only verdicts on a census of the firm base
            if g["kind"] not in ACTIONABLE or not g["basis"].get("adequate"):
                continue
            subtree = onto.subtree(g["segment_id"])
            firms = store.top_firms(subtree, local=False, limit=max(50, p.top_targets * 5))
            ranked = rank_targets(g, firms, present, p.presence_ref, p.top_targets, params=p, subtree=set(subtree),
                                  ancestors=set(onto.ancestors(g["segment_id"])),
                                  names={sid: seg.name for sid, seg in onto.segments.items()})
            if ranked:
                out["targets"].append({"cluster": g["cluster"], "segment_id": g["segment_id"], "segment": g["segment"],
                                       "kind": g["kind"], "candidates": ranked})
    if "extensions" in sections:
        out["extensions"] = [e for e in extensions(base["strengths"], base["feeds"])
                             if basis.get(e["cluster"]) and basis[e["cluster"]].adequate]
    return out


def _chokepoints(store: GraphStore, onto: Ontology, base: dict, aggs: dict, p: AnalysisParams) -> list[dict]:
    segs = {s.id: s for s in base["segments"]}
    expected = _expected_shares(list(segs.values()))
    g = feeds_graph(segs, base["feeds"])
    cluster_out: dict[str, float] = {}
    for s in segs.values():
        if s.parent is None:
            cluster_out[s.cluster] = cluster_out.get(s.cluster, 0.0) + aggs.get(s.id, SegmentAggregate(s.id)).local_output
    total_out = sum(cluster_out.values())
    techs, affected, holders, holder_nodes = [], {}, {}, {}
    technologies = store_technologies(store)
    held = store.tech_holders([t.id for t in technologies.values() if set(t.segments) & set(segs)], limit=20)
    for t in technologies.values():
        needing = [sid for sid in t.segments if sid in segs]
        if not needing:
            continue
        down = downstream(g, needing)
        # value share: per cluster, the expected shares of the affected segments (no double count of subtrees)
        top_only = [sid for sid in down if not set(onto.ancestors(sid)[1:]) & down]
        value = {}
        for sid in top_only:
            value[segs[sid].cluster] = value.get(segs[sid].cluster, 0.0) + expected.get(sid, 0.0)
        out_sum = sum(aggs.get(sid, SegmentAggregate(sid)).local_output for sid in top_only)
        # the output share is measured only when the affected segments' firms report output (the strength
        # rule's coverage): with none reporting, its 0 is "not measured", and reach is the value share alone
        n_firms = sum(aggs.get(sid, SegmentAggregate(sid)).local_count for sid in top_only)
        n_rep = sum(aggs.get(sid, SegmentAggregate(sid)).local_reported for sid in top_only)
        measured = bool(total_out) and n_rep >= p.min_output_reporters and n_firms > 0 \
            and n_rep / n_firms >= p.min_output_coverage
        n_local, local = held[t.id]
        techs.append(t.props())
        holders[t.id] = [f["id"] for f in local]
        holder_nodes[t.id] = local
        affected[t.id] = {"clusters": sorted({segs[s].cluster for s in needing}), "segments": sorted(needing),
                          "downstream": sorted(down - set(needing)),
                          "value_share": max(value.values()) if value else 0.0, "holder_count": n_local,
                          "output_share": out_sum / total_out if measured else None,
                          "output_reporters": [n_rep, n_firms]}
    ranked = score_technologies(techs, affected, holders, p)
    result = []
    for c in ranked:
        d = c.as_dict()
        d["_holder_nodes"] = holder_nodes[c.technology_id]
        result.append(d)
    return result


def _projects(store: GraphStore, chokepoints: list[dict], limit: int) -> list[dict]:
    """重点技术攻关项目: technologies not under domestic control, ranked, with 揭榜挂帅 candidates."""
    projects = []
    for c in chokepoints:
        holders = c.pop("_holder_nodes")
        if (c["status"] == "自主可控" and not c["chokepoint"]) or len(projects) >= limit:
            continue
        in_segs = store.top_firms(c["segments"], local=True, limit=20)
        projects.append({"rank": len(projects) + 1, "project": f"{c['technology']} 攻关",
                         "technology_id": c["technology_id"], "technology": c["technology"],
                         "clusters": c["clusters"], "segments": c["segments"],
                         "score": c["score"], "parts": c["parts"],
                         "candidates": candidates_for(c["technology_id"], holders, in_segs)})
    for c in chokepoints:
        c.pop("_holder_nodes", None)
    return projects
