"""The Neo4j adapter's reads: nodes and relationships, the enterprise search, the neighbourhood,
counts and checksum, the grouped figures, and the queries :mod:`graph.store.aggregate_reads` asks for.

Why apart from :mod:`graph.store.neo4j_store`: the adapter class owns the driver — constraints, the
write transaction and writes (what a load changes); this module only asks, each query in one read
transaction through the adapter's ``_read`` (the checksum streams both whole listings in one
session). All Cypher text is in :mod:`graph.store.cypher`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graph.store import cypher, walk
from graph.store.aggregate_reads import AggregateReads
from graph.store.port import ContentHash, LocalGroup, clusters_of
from ontology.schema import LABELS, REL_TYPES, check_label

__all__ = ["Neo4jReads"]


class Neo4jReads(AggregateReads):
    """Mixin of :class:`graph.store.neo4j_store.Neo4jStore`: the port's reads, in Cypher."""

    def get_node(self, label: str, node_id: str) -> dict | None:
        rows = self._read(cypher.get_node(label), id=node_id)
        return dict(rows[0]["props"]) if rows else None

    def find_nodes(self, label: str, where: dict[str, Any] | None = None, limit: int = 100,
                   offset: int = 0) -> list[dict]:
        where = where or {}
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        for i, (k, v) in enumerate(where.items()):
            params[f"k{i}"], params[f"v{i}"] = k, v
        return [dict(r["props"]) for r in self._read(cypher.find_nodes(label, list(where)), **params)]

    def rels(self, rel_type: str, src: str | None = None, dst: str | None = None) -> list[dict]:
        return [{"src": r["src"], "dst": r["dst"], "props": dict(r["props"])}
                for r in self._read(cypher.rels(rel_type, src is not None, dst is not None), src=src, dst=dst)]

    def rels_page(self, rel_type: str, after: tuple[str, str] | None = None, limit: int = 2000) -> list[dict]:
        s, d = after or (None, None)
        return [{"src": r["src"], "dst": r["dst"], "props": dict(r["props"])}
                for r in self._read(cypher.rels_page(rel_type, after is not None), s=s, d=d, limit=limit)]

    def find_enterprises(self, *, cluster: str | Sequence[str] | None = None, segment: str | None = None,
                         county: str | None = None, tag: str | None = None, q: str | None = None,
                         local: bool | None = None, unplaced: bool = False, dataset: str | None = None,
                         limit: int = 100, offset: int = 0) -> tuple[int, list[dict]]:
        params = dict(clusters=clusters_of(cluster), segment=segment, county=county, tag=tag, q=q, local=local,
                      unplaced=bool(unplaced), dataset=dataset)
        total = self._read(cypher.COUNT_ENTERPRISES, **params)[0]["n"]
        rows = self._read(cypher.FIND_ENTERPRISES, **params, limit=limit, offset=offset)
        return total, [dict(r["props"]) for r in rows]

    def neighbourhood(self, label: str, node_id: str, depth: int = 1, limit: int = 200) -> dict:
        def expand(frontier):  # one query per label of the frontier
            by_label: dict[str, list[str]] = {}
            for lab, nid in frontier:
                by_label.setdefault(lab, []).append(nid)
            for lab, ids in by_label.items():
                for r in self._read(cypher.neighbours(lab), ids=ids):
                    s, d = (r["nid"], r["mid"]) if r["outgoing"] else (r["mid"], r["nid"])
                    yield r["type"], s, d, r["mlabel"], r["mid"], lambda p=r["mprops"]: dict(p)

        return walk.neighbourhood(label, node_id, self.get_node(check_label(label), node_id), expand, depth, limit)

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {label: 0 for label in LABELS} | {r["label"]: r["n"] for r in self._read(cypher.COUNT_NODES)}
        rels = {t: 0 for t in REL_TYPES} | {r["type"]: r["n"] for r in self._read(cypher.COUNT_RELS)}
        return {"nodes": nodes, "relationships": rels}

    def checksum(self) -> str:
        h = ContentHash()
        with self._driver.session(database=self.database) as s:
            for r in s.run(cypher.ALL_NODES):
                props = dict(r["props"])
                h.add("N", r["label"], props["id"], ContentHash.canonical(props))
            for r in s.run(cypher.ALL_RELS):
                h.add("R", r["type"], r["src"], r["dst"], ContentHash.canonical(dict(r["props"])))
        return h.hexdigest()

    def _chain(self) -> tuple[list, list]:
        segs = [(r["id"], r["cluster"]) for r in self._read(cypher.SEGMENT_CLUSTER_MAP)]
        needs = [(r["src"], r["dst"]) for r in self._read(cypher.NEEDS_PAIRS)]
        return segs, needs

    def segments_output(self, segment_ids: Iterable[str]) -> tuple[int, float, int]:
        r = self._read(cypher.SEGMENTS_OUTPUT, segments=list(segment_ids))[0]
        return r["n"], float(r["o"] or 0.0), r["lead"] or 0

    def local_groups(self) -> list[LocalGroup]:
        """Two grouped queries (``cypher.LOCAL_GROUPS``, ``cypher.LOCAL_COUNTIES``), the aggregation in Neo4j."""
        rows = [(r["cluster"], r) for r in self._read(cypher.LOCAL_GROUPS)]
        rows += [(None, r) for r in self._read(cypher.LOCAL_COUNTIES)]
        return sorted((LocalGroup(c, r["county"], r["firms"], float(r["output"] or 0.0), r["leading"] or 0)
                       for c, r in rows), key=LocalGroup.order)

    def _firms(self, ids: list[str]) -> list[dict]:
        """Enterprises by id, in that order, each with ``segments`` (all its IN_SEGMENT targets)."""
        found = {r["id"]: dict(r["props"]) | {"segments": sorted(r["segments"])}
                 for r in self._read(cypher.FIRMS_BY_IDS, ids=ids)} if ids else {}
        return [found[i] for i in ids if i in found]

    def _ranked_holders(self, tech_ids: list[str], limit: int):
        for r in self._read(cypher.TECH_HOLDERS, techs=tech_ids, limit=limit):
            yield r["tech"], r["n"], [dict(p) for p in r["top"]]

    def _ranked_firms(self, segment_ids: list[str], local: bool, limit: int) -> list[dict]:
        rows = self._read(cypher.TOP_FIRMS, segments=segment_ids, local=local, limit=limit)
        return [dict(r["props"]) | {"segments": sorted(r["segments"])} for r in rows]
