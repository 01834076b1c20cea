"""Service functions: the one place the CLI, the API and the UI call. No I/O formats here, no
HTTP, no widgets — plain data in, plain data out.

>>> from graph.sqlite_store import SQLiteStore
>>> s = SQLiteStore(":memory:"); _ = load(s, [])
>>> [c["id"] for c in clusters(s)][:2]
['auto', 'pharma']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from chainkg.errors import NotFoundError
from chainkg.settings import Settings
from etl.loader import BUNDLED_FILES, LoadReport, load_files
from graph.analysis import analyze as _analyze
from graph.params import AnalysisParams
from graph.store import GraphStore, open_store
from graph.whatif import Scenario, what_if as _what_if
from ontology.loader import CLUSTER_ORDER, Ontology, load_ontology

__all__ = ["open_from_settings", "load", "stats", "clusters", "cluster_detail", "segment_detail", "gaps",
           "analyze", "enterprises", "enterprise_detail", "technologies", "neighbourhood", "what_if",
           "ontology_export", "policy_targets"]


def open_from_settings(settings: Settings) -> GraphStore:
    return open_store(settings.store)


def load(store: GraphStore, paths: Iterable[str | Path] | None = None, *, fmt: str = "auto",
         progress: Callable[[int], None] | None = None, ontology: Ontology | None = None) -> LoadReport:
    """Load files (default: the bundled Taizhou data) with the ontology, atomically."""
    paths = list(paths) if paths else list(BUNDLED_FILES) if paths is None else []
    if fmt in ("chainkg", "tushare"):
        from etl.public import load_public

        return load_public(store, paths, fmt=fmt, ontology=ontology or load_ontology(), progress=progress)
    return load_files(store, paths, ontology=ontology, progress=progress)


def stats(store: GraphStore) -> dict:
    """Node and relationship counts by type, and the content checksum."""
    return store.counts() | {"checksum": store.checksum(), "store": store.kind}


def _onto(ontology: Ontology | None) -> Ontology:
    return ontology or load_ontology()


def clusters(store: GraphStore, ontology: Ontology | None = None, params: AnalysisParams | None = None) -> list[dict]:
    """The seven clusters with key figures: segments, local firms, output, leading firms, gaps."""
    onto = _onto(ontology)
    aggs = {a.segment_id: a for a in store.segment_aggregates()}
    from graph.analysis import analyze_from_aggregates

    gaps = analyze_from_aggregates(onto, aggs, params=params)["gaps"]
    out = []
    for cid in CLUSTER_ORDER:
        if cid not in onto.clusters:
            continue
        c = onto.clusters[cid]
        tops = [s for s in onto.segments_of(cid) if s.parent is None]
        kinds = {k: 0 for k in ("missing", "single_point", "weak", "strong")}
        for g in gaps:
            if g["cluster"] == cid:
                kinds[g["kind"]] += 1
        firms, output = store.segments_output([s.id for s in tops])
        out.append({"id": cid, "name": c.name, "name_en": c.name_en, "directions": c.directions,
                    "segments": len(onto.segments_of(cid)), "local_enterprises": firms,
                    "local_output": round(output, 2),
                    "leading_firms": sum(aggs[s.id].leading_count for s in tops if s.id in aggs),
                    "gaps": kinds, "source": c.source})
    return out


def cluster_detail(store: GraphStore, cluster_id: str, ontology: Ontology | None = None) -> dict:
    onto = _onto(ontology)
    if cluster_id not in onto.clusters:
        raise NotFoundError(f"unknown cluster {cluster_id!r}", entry=cluster_id)
    return {"cluster": onto.clusters[cluster_id].model_dump(),
            "segments": [s.model_dump() for s in onto.segments_of(cluster_id)],
            "feeds": [{"from": f.source_id, "to": f.target_id, "reason": f.reason} for f in onto.feeds_of(cluster_id)]}


def gaps(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
         params: AnalysisParams | None = None) -> list[dict]:
    return _analyze(store, _onto(ontology), cluster=cluster_id, params=params, sections=("gaps",))["gaps"]


def analyze(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
            params: AnalysisParams | None = None, sections: tuple[str, ...] | None = None) -> dict:
    kw = {"sections": sections} if sections else {}
    return _analyze(store, _onto(ontology), cluster=cluster_id, params=params, **kw)


def segment_detail(store: GraphStore, segment_id: str, ontology: Ontology | None = None,
                   limit: int = 100) -> dict:
    onto = _onto(ontology)
    seg = onto.segments.get(segment_id)
    if seg is None:
        raise NotFoundError(f"unknown segment {segment_id!r}", entry=segment_id)
    total, firms = store.find_enterprises(segment=segment_id, limit=limit)
    links = {r["src"]: r["props"] for r in store.rels("IN_SEGMENT", dst=segment_id)}
    techs = [t.model_dump() for t in onto.technologies.values() if segment_id in t.segments]
    return {"segment": seg.model_dump(), "enterprise_total": total,
            "enterprises": [f | {"link": links.get(f["id"], {})} for f in firms],
            "technologies": techs,
            "children": [s.id for s in onto.segments.values() if s.parent == segment_id],
            "feeds_from": [f.source_id for f in onto.feeds if f.target_id == segment_id],
            "feeds_to": [f.target_id for f in onto.feeds if f.source_id == segment_id]}


def enterprises(store: GraphStore, **filters) -> tuple[int, list[dict]]:
    return store.find_enterprises(**filters)


def enterprise_detail(store: GraphStore, enterprise_id: str) -> dict:
    e = store.get_node("Enterprise", enterprise_id)
    if e is None:
        raise NotFoundError(f"unknown enterprise {enterprise_id!r}", entry=enterprise_id)
    return {"enterprise": e,
            "segments": [{"segment_id": r["dst"], **r["props"]} for r in store.rels("IN_SEGMENT", src=enterprise_id)],
            "technologies": [r["dst"] for r in store.rels("HOLDS", src=enterprise_id)],
            "suppliers": [r["src"] for r in store.rels("SUPPLIES", dst=enterprise_id)],
            "customers": [r["dst"] for r in store.rels("SUPPLIES", src=enterprise_id)]}


def technologies(ontology: Ontology | None = None, chokepoint: bool | None = None) -> list[dict]:
    onto = _onto(ontology)
    return [t.model_dump() for t in sorted(onto.technologies.values(), key=lambda t: t.id)
            if chokepoint is None or t.chokepoint == chokepoint]


def policy_targets(ontology: Ontology | None = None) -> list[dict]:
    return [t.model_dump() for t in _onto(ontology).targets]


def neighbourhood(store: GraphStore, label: str, node_id: str, depth: int = 1, limit: int = 200) -> dict:
    return store.neighbourhood(label, node_id, depth=depth, limit=limit)


def what_if(store: GraphStore, scenario: Scenario, cluster_id: str | None = None,
            ontology: Ontology | None = None, params: AnalysisParams | None = None) -> dict:
    return _what_if(store, _onto(ontology), scenario, cluster=cluster_id, params=params)


def ontology_export(ontology: Ontology | None = None) -> dict:
    """The reference chains as plain data (``chainkg ontology export``, ``GET /api/v1/ontology``)."""
    onto = _onto(ontology)
    return {
        "clusters": [c.model_dump() for c in onto.clusters.values()],
        "segments": [{"id": s.id, "name": s.name, "name_en": s.name_en, "cluster": s.cluster, "stage": s.stage,
                      "parent": s.parent, "level": s.level, "weight": s.weight, "weight_reason": s.weight_reason,
                      "keywords": s.keywords, "products": s.products, "source": s.source}
                     for s in onto.segments.values()],
        "feeds": [{"from": f.source_id, "to": f.target_id, "reason": f.reason} for f in onto.feeds],
        "technologies": [{"id": t.id, "name": t.name, "segments": t.segments, "status": t.status,
                          "status_certain": t.status_certain, "chokepoint": t.chokepoint,
                          "chokepoint_lists": t.chokepoint_lists, "source": t.source, "note": t.note}
                         for t in onto.technologies.values()],
        "policy": {"document": onto.policy.get("document", {}), "targets": [t.model_dump() for t in onto.targets],
                   "counties": [c.model_dump() for c in onto.counties.values()],
                   "platforms": [p.model_dump() for p in onto.platforms]},
    }
