"""The graph as plain records, read page by page: every node and relationship, or one cluster's subgraph.

Why streamed: a whole-graph export built as one dict (and then one GraphML tree) cost 2.6 GB of API
memory on a 120k-node graph. :class:`GraphExport` reads nodes in pages of :data:`PAGE` (the store's
``find_nodes``, ordered by id) and relationships one type at a time, and yields them; the API
writes them out as they come (:mod:`api.exporters`). Each iteration reads the store afresh, so a
format that needs two passes (GraphML declares its attribute keys first) can iterate twice.

Relationships are read the same way, one type at a time in keyset pages of :data:`PAGE` (the
store's ``rels_page``, ordered by (src, dst), each page starting after the last key of the one
before): unlike ``OFFSET`` paging, a page costs the same wherever it lies, and memory holds one
page, not a whole relationship type. (Only a cluster's kept ids grow with the cluster's size.)

A cluster's subgraph: the cluster, its segments, the technologies they need, the firms in them,
those firms' counties, and the relationships among these nodes. Only the ids of the kept nodes
are held (found with per-segment and per-county queries), never their props.

Records: nodes ``{"label", "id", "props"}``, relationships ``{"type", "src", "dst", "props"}``;
order: labels and types in schema order, ids as the store orders them, props by key. Props are
sorted because stores return them in their own order (SQLite as written, Neo4j as stored), and an
export must be the same bytes whichever store holds the graph.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.store.port import GraphStore
from ontology.loader import Ontology
from ontology.schema import LABELS, REL_ENDPOINTS, REL_TYPES

__all__ = ["PAGE", "GraphExport"]

#: nodes or relationships read per store query
PAGE = 2000


class GraphExport:
    """One export of ``store`` (whole graph, or ``cluster``'s subgraph); iterate :meth:`nodes` and
    :meth:`rels` as often as needed. Raises :class:`NotFoundError` at once for an unknown cluster."""

    def __init__(self, store: GraphStore, cluster: str | None, ontology: Ontology) -> None:
        cluster = None if cluster is None else ontology.cluster_id(cluster)
        self.store, self.cluster = store, cluster
        self.keep: dict[str, set[str]] | None = None if cluster is None else self._subgraph(ontology)

    def _subgraph(self, onto: Ontology) -> dict[str, set[str]]:
        store = self.store
        segs = {s.id for s in onto.segments_of(self.cluster)}
        techs = {r["dst"] for s in segs for r in store.rels("NEEDS", src=s)}
        firms = {r["src"] for s in segs for r in store.rels("IN_SEGMENT", dst=s)}
        counties = {r["dst"] for c in self._ids("County") for r in store.rels("LOCATED_IN", dst=c)
                    if r["src"] in firms}
        return {"Cluster": {self.cluster}, "Segment": segs, "Technology": techs, "Enterprise": firms,
                "County": counties}

    def _pages(self, label: str) -> Iterator[dict]:
        offset = 0
        while True:
            page = self.store.find_nodes(label, limit=PAGE, offset=offset)
            full = len(page) == PAGE
            yield from page
            del page  # one page in memory at a time, not the last and the next
            if not full:
                return
            offset += PAGE

    def _ids(self, label: str) -> Iterator[str]:
        return (p["id"] for p in self._pages(label))

    def nodes(self) -> Iterator[dict]:
        for label in LABELS:
            keep = None if self.keep is None else self.keep.get(label)
            if self.keep is not None and not keep:
                continue
            for props in self._pages(label):
                if keep is None or props["id"] in keep:
                    yield {"label": label, "id": props["id"], "props": dict(sorted(props.items()))}

    def rels(self) -> Iterator[dict]:
        for rel_type in REL_TYPES:
            src_label, dst_label = REL_ENDPOINTS[rel_type]
            if self.keep is None:
                src_keep = dst_keep = None
            else:
                src_keep, dst_keep = self.keep.get(src_label), self.keep.get(dst_label)
                if not src_keep or not dst_keep:
                    continue
            for r in self._rel_pages(rel_type):
                if src_keep is None or (r["src"] in src_keep and r["dst"] in dst_keep):
                    yield {"type": rel_type, "src": r["src"], "dst": r["dst"], "props": dict(sorted(r["props"].items()))}

    def _rel_pages(self, rel_type: str) -> Iterator[dict]:
        after = None
        while True:
            page = self.store.rels_page(rel_type, after, PAGE)
            full = len(page) == PAGE
            if full:
                after = (page[-1]["src"], page[-1]["dst"])
            yield from page
            del page  # one page in memory at a time
            if not full:
                return

    def as_dict(self) -> dict:
        """The whole export in memory (small graphs and tests): ``{"cluster", "nodes", "rels"}``."""
        return {"cluster": self.cluster, "nodes": list(self.nodes()), "rels": list(self.rels())}
