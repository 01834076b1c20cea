"""The SQLite adapter's reads: nodes and relationships, the enterprise search, the neighbourhood,
counts and checksum, the grouped figures, and the queries :mod:`graph.store.aggregate_reads` asks for.

Why apart from :mod:`graph.store.sqlite_store`: the adapter class owns the file — its connections,
schema, write transaction and writes (what a load changes); this module only asks. It reads through
the adapter's ``_q`` (a WAL reader connection per thread, see ``SQLiteStore._q``) and, for the
checksum, the writer connection under ``_lock``; the enterprise search keeps each filter's ordered id
list per store version (``_id_lists``, ``_lists_lock``, set up by the adapter), so a page of a listing
costs O(page). All SQL text is in :mod:`graph.store.sql`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from graph.store import sql, walk
from graph.store.aggregate_reads import AggregateReads
from graph.store.port import ContentHash, LocalGroup, clusters_of
from graph.store.sqlite_db import busy_as_store_error, dump
from ontology.schema import LABELS, REL_ENDPOINTS, REL_TYPES, check_label, check_rel_type

__all__ = ["SQLiteReads", "ID_LIST_MAX"]

ID_LIST_MAX = 200_000  # enterprise lists up to this size are kept as id lists, so pages cost O(page)


class SQLiteReads(AggregateReads):
    """Mixin of :class:`graph.store.sqlite_store.SQLiteStore`: the port's reads, in SQL."""

    def get_node(self, label: str, node_id: str) -> dict | None:
        rows = self._q(sql.GET_NODE, (check_label(label), node_id))
        return json.loads(rows[0][0]) if rows else None

    def find_nodes(self, label: str, where: dict[str, Any] | None = None, limit: int = 100,
                   offset: int = 0) -> list[dict]:
        check_label(label)
        clauses, params = ["label = ?"], [label]
        for key, value in (where or {}).items():
            clauses.append("json_extract(props, ?) = ?")
            params += [f"$.{key}", json.dumps(value) if isinstance(value, (list, dict)) else value]
        query = f"SELECT props FROM nodes WHERE {' AND '.join(clauses)} ORDER BY id LIMIT ? OFFSET ?"
        return [json.loads(r[0]) for r in self._q(query, (*params, limit, offset))]

    def rels(self, rel_type: str, src: str | None = None, dst: str | None = None) -> list[dict]:
        query = sql.GET_RELS[(src is not None, dst is not None)]
        rows = self._q(query, (check_rel_type(rel_type), *(v for v in (src, dst) if v is not None)))
        return [{"src": s, "dst": d, "props": json.loads(p)} for s, d, p in rows]

    def rels_page(self, rel_type: str, after: tuple[str, str] | None = None, limit: int = 2000) -> list[dict]:
        rows = self._q(sql.RELS_PAGE[after is not None], (check_rel_type(rel_type), *(after or ()), limit))
        return [{"src": s, "dst": d, "props": json.loads(p)} for s, d, p in rows]

    def find_enterprises(self, *, cluster: str | Sequence[str] | None = None, segment: str | None = None,
                         county: str | None = None, tag: str | None = None, q: str | None = None,
                         local: bool | None = None, unplaced: bool = False, dataset: str | None = None,
                         limit: int = 100, offset: int = 0) -> tuple[int, list[dict]]:
        ids = clusters_of(cluster)
        params = {"cluster": None if ids is None else dump(ids), "segment": segment, "county": county, "tag": tag,
                  "q": q or None, "local": None if local is None else int(local), "dataset": dataset}
        where = sql.enterprise_filter(**{k: v is not None for k, v in params.items()}, unplaced=bool(unplaced))
        params["unplaced"] = bool(unplaced)  # in the cache key only (the SQL has no parameter for it)
        key = (self.version(), tuple(sorted(params.items())))
        ids = self._id_lists.get(key)
        if ids is None:  # the matching ids, in order, once per filter and store version
            total = self._q(f"SELECT count(*) {where}", params)[0][0]
            if total > ID_LIST_MAX:  # too many to keep: page in SQL
                rows = self._q(f"SELECT n.props {where} {sql.ENTERPRISE_ORDER} LIMIT :limit OFFSET :offset",
                               {**params, "limit": limit, "offset": offset})
                return total, [json.loads(r[0]) for r in rows]
            ids = [r[0] for r in self._q(f"SELECT n.id {where} {sql.ENTERPRISE_ORDER}", params)]
            with self._lists_lock:
                if len(self._id_lists) >= 32:
                    self._id_lists.pop(next(iter(self._id_lists)))
                self._id_lists[key] = ids
        page = ids[offset:offset + limit]
        props = dict(self._q(sql.NODES_BY_IDS, {"label": "Enterprise", "ids": dump(page)})) if page else {}
        return len(ids), [json.loads(props[i]) for i in page if i in props]

    def neighbourhood(self, label: str, node_id: str, depth: int = 1, limit: int = 200) -> dict:
        check_label(label)

        def expand(frontier):  # per node and relationship type, both directions
            for lab, nid in frontier:
                for rel_type, (sl, dl) in REL_ENDPOINTS.items():
                    if sl == lab:
                        for (other,) in self._q(sql.OUT_IDS, (rel_type, nid)):
                            yield rel_type, nid, other, dl, other, lambda o=other, l=dl: self.get_node(l, o)
                    if dl == lab:
                        for (other,) in self._q(sql.IN_IDS, (rel_type, nid)):
                            yield rel_type, other, nid, sl, other, lambda o=other, l=sl: self.get_node(l, o)

        return walk.neighbourhood(label, node_id, self.get_node(label, node_id), expand, depth, limit)

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {label: 0 for label in LABELS} | dict(self._q(sql.COUNT_NODES))
        rels = {t: 0 for t in REL_TYPES} | dict(self._q(sql.COUNT_RELS))
        return {"nodes": nodes, "relationships": rels}

    def checksum(self) -> str:
        h = ContentHash()
        with self._lock, busy_as_store_error(self.path):
            for label, nid, props in self._db.execute("SELECT label, id, props FROM nodes"):
                h.add("N", label, nid, ContentHash.canonical(json.loads(props)))
            for t, s, d, props in self._db.execute("SELECT type, src, dst, props FROM rels"):
                h.add("R", t, s, d, ContentHash.canonical(json.loads(props)))
        return h.hexdigest()

    def _chain(self) -> tuple[list, list]:
        return self._q(sql.SEGMENT_CLUSTER_MAP), self._q(sql.NEEDS_PAIRS)

    def segments_output(self, segment_ids: Iterable[str]) -> tuple[int, float, int]:
        n, o, lead = self._q(sql.SEGMENTS_OUTPUT, {"segments": dump(list(segment_ids))})[0]
        return n, float(o), lead

    def local_groups(self) -> list[LocalGroup]:
        """One grouped query (``sql.LOCAL_GROUPS``): by cluster and county, then by county alone."""
        return sorted((LocalGroup(c, k, n, float(o), lead) for c, k, n, o, lead in self._q(sql.LOCAL_GROUPS)),
                      key=LocalGroup.order)

    def _firms(self, ids: list[str]) -> list[dict]:
        """Enterprises by id, in that order, each with ``segments`` (all its IN_SEGMENT targets)."""
        props = dict(self._q(sql.NODES_BY_IDS, {"label": "Enterprise", "ids": dump(ids)})) if ids else {}
        segs = dict(self._q(sql.FIRM_SEGMENTS, {"ids": dump(ids)})) if ids else {}
        return [json.loads(props[i]) | {"segments": sorted(json.loads(segs.get(i, "[]")))} for i in ids if i in props]

    def _ranked_holders(self, tech_ids: list[str], limit: int):
        for tech, n, props in self._q(sql.TECH_HOLDERS, {"techs": dump(tech_ids), "limit": limit}):
            yield tech, n, [json.loads(props)]

    def _ranked_firms(self, segment_ids: list[str], local: bool, limit: int) -> list[dict]:
        rows = self._q(sql.TOP_FIRMS, {"segments": dump(segment_ids), "local": int(local), "limit": limit})
        return [json.loads(p) | {"segments": sorted(json.loads(segs))} for p, segs in rows]
