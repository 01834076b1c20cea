"""One cluster, segment or firm with what surrounds it — the detail views of the API and the UI.

Functions of (store, ontology), not cached (single indexed reads that change with every write);
:class:`chainkg.service.ChainKG` exposes each as a method. An unknown id is
:class:`~chainkg.errors.NotFoundError` (HTTP 404), naming it.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> enterprise_detail(SQLiteStore(":memory:"), "nobody")
Traceback (most recent call last):
ontology.errors.NotFoundError: entry nobody: unknown enterprise 'nobody'
"""

from __future__ import annotations

from chainkg.errors import NotFoundError
from graph.analytics.analysis import store_technologies
from graph.store.port import GraphStore
from ontology.loader import Ontology

__all__ = ["cluster_detail", "segment_detail", "enterprise_detail"]


def cluster_detail(onto: Ontology, cluster_id: str) -> dict:
    """The cluster, its segments and its FEEDS flows, as the ontology holds them."""
    cluster_id = onto.cluster_id(cluster_id)
    return {"cluster": onto.clusters[cluster_id].model_dump(),
            "segments": [s.model_dump() for s in onto.segments_of(cluster_id)],
            "feeds": [{"from": f.source_id, "to": f.target_id, "reason": f.reason} for f in onto.feeds_of(cluster_id)]}


def segment_detail(store: GraphStore, onto: Ontology, segment_id: str, limit: int = 100) -> dict:
    """The segment, its firms (at most ``limit``) and their total, the technologies it needs, its
    children and its FEEDS neighbours.

    The firms are those of the segment's subtree (a parent counts its children's firms), each once,
    with ``links``: its placements within the subtree (``segment_id`` — this segment or the sub-segment
    it is placed on — and the link's method, confidence, evidence, source), this segment's own first;
    ``link`` is the first of them. A firm placed only on a child is never shown as placed on the parent
    with no evidence (it was: the panorama listed it twice, once with "—")."""
    segment_id = onto.segment_id(segment_id)
    seg = onto.segments[segment_id]
    total, firms = store.find_enterprises(segment=segment_id, limit=limit)
    links: dict[str, list[dict]] = {}
    for sid in onto.subtree(segment_id):  # the segment first
        for r in store.rels("IN_SEGMENT", dst=sid):
            links.setdefault(r["src"], []).append(r["props"] | {"segment_id": sid})
    techs = [t.model_dump() for t in store_technologies(store).values() if segment_id in t.segments]
    return {"segment": seg.model_dump(), "enterprise_total": total,
            "enterprises": [f | {"link": (links.get(f["id"]) or [{}])[0], "links": links.get(f["id"], [])}
                            for f in firms],
            "technologies": techs,
            "children": [s.id for s in onto.segments.values() if s.parent == segment_id],
            "feeds_from": [f.source_id for f in onto.feeds if f.target_id == segment_id],
            "feeds_to": [f.target_id for f in onto.feeds if f.source_id == segment_id]}


def enterprise_detail(store: GraphStore, enterprise_id: str) -> dict:
    """A firm by id or 统一社会信用代码, with its segments, technologies, suppliers and customers."""
    e = store.get_node("Enterprise", enterprise_id)
    if e is None:  # not an id: try it as a 统一社会信用代码
        by_code = store.find_nodes("Enterprise", {"credit_code": enterprise_id.strip().upper()}, limit=1)
        e = by_code[0] if by_code else None
        enterprise_id = e["id"] if e else enterprise_id
    if e is None:
        raise NotFoundError(f"unknown enterprise {enterprise_id!r}", entry=enterprise_id)
    return {"enterprise": e,
            "segments": [{"segment_id": r["dst"], **r["props"]} for r in store.rels("IN_SEGMENT", src=enterprise_id)],
            "technologies": [r["dst"] for r in store.rels("HOLDS", src=enterprise_id)],
            "suppliers": [r["src"] for r in store.rels("SUPPLIES", dst=enterprise_id)],
            "customers": [r["dst"] for r in store.rels("SUPPLIES", src=enterprise_id)]}
