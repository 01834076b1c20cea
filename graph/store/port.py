"""The ``GraphStore`` port: what ChainKG needs from a graph database, and nothing more.

Two adapters implement it — :class:`graph.store.sqlite_store.SQLiteStore` (embedded default, one file)
and :class:`graph.store.neo4j_store.Neo4jStore` — and both pass one contract suite
(``tests/graph/store/test_store_contract.py``). Nodes are ``(label, id, props)``; relationships are
``(type, src, dst, props)`` with endpoint labels fixed by :data:`ontology.schema.REL_ENDPOINTS`,
at most one relationship of a type between two nodes. Props are flat (scalars and lists of scalars).

>>> b = Batch()
>>> b.node("Cluster", {"id": "auto", "name": "汽车"})
>>> b.rel("PART_OF", "auto-nev", "auto")
>>> b.size
2
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from graph.store.columns import RelColumns, TupleRows
from ontology.schema import check_label, check_rel_type

__all__ = ["Batch", "GraphStore", "SegmentAggregate", "LocalGroup", "ContentHash", "column", "TupleRows",
           "RelColumns", "clusters_of"]

_REQUIRED = object()



@dataclass
class Batch:
    """A set of node and relationship upserts written in ONE transaction (all or nothing)."""

    nodes: dict[str, list[dict]] = field(default_factory=dict)
    rels: dict[str, list[dict]] = field(default_factory=dict)
    drops: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # relationships to delete, after upserts

    def node(self, label: str, props: dict) -> None:
        if not props.get("id"):
            raise ValueError(f"{label} node without id: {props!r}")
        self.nodes.setdefault(check_label(label), []).append(props)

    def rel(self, rel_type: str, src: str, dst: str, props: dict | None = None) -> None:
        self.rels.setdefault(check_rel_type(rel_type), []).append({"src": src, "dst": dst, "props": props or {}})

    def drop_rel(self, rel_type: str, src: str, dst: str) -> None:
        """Delete this relationship in the same transaction (after the upserts); absent is fine."""
        self.drops.setdefault(check_rel_type(rel_type), []).append((src, dst))

    def extend(self, other: "Batch") -> None:
        for k, v in other.nodes.items():
            self.nodes.setdefault(k, []).extend(v)
        for k, v in other.rels.items():
            self.rels.setdefault(k, []).extend(v)
        for k, d in other.drops.items():
            self.drops.setdefault(k, []).extend(d)

    @property
    def size(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.rels.values())) + sum(map(len, self.drops.values()))


def clusters_of(cluster: str | Sequence[str] | None) -> list[str] | None:
    """``find_enterprises``' cluster filter as a list of ids (both adapters): one id, several (a census
    declared for several clusters), or None for no filter.

    >>> clusters_of("auto"), clusters_of(("auto", "pharma")), clusters_of(None)
    (['auto'], ['auto', 'pharma'], None)
    """
    if cluster is None:
        return None
    return [cluster] if isinstance(cluster, str) else list(cluster)


def column(rows: Iterable[dict], key: str, default: Any = _REQUIRED) -> Iterable[Any]:
    """``row[key]`` of every row of a batch's row list (``row.get(key, default)`` when a default is
    given); a list held as columns offers ``rows.column(key)`` to give one field without making
    the rows (:class:`TupleRows`, :class:`RelColumns`, ``etl.held.Rows``; an unset field is ``None``).

    >>> list(column([{"id": "a"}, {"id": "b"}], "id")), list(column([{"id": "a"}], "county", None))
    (['a', 'b'], [None])
    """
    col = getattr(rows, "column", None)
    if col is not None:
        return col(key)
    return (r[key] for r in rows) if default is _REQUIRED else (r.get(key, default) for r in rows)


@dataclass
class SegmentAggregate:
    """Per-segment figures computed inside the store (O(enterprises) work stays in SQL/Cypher)."""

    segment_id: str                  # figures cover the segment's whole subtree (CHILD_OF), firms counted once
    local_count: int = 0             # local firms still operating (active); inactive firms never count
    outside_count: int = 0           # outside firms still operating
    local_output: float = 0.0        # sum of output (falls back to revenue) of the local firms that report one, 万元
    local_output_sq: float = 0.0     # sum of squares, for HHI (same firms)
    max_output: float = 0.0          # the largest reported local output
    leading_count: int = 0           # local firms marked leading (ontology.firms.is_leading)
    tech_needed: int = 0
    tech_held_locally: int = 0
    local_reported: int = 0          # local firms with an output (or revenue) figure: k of local_count
    direct_local: int = 0            # local firms linked to this segment itself (not only via a child)
    inactive: int = 0                # local firms of the subtree that no longer operate (注销/吊销/迁出…), not
                                     # counted; a closed firm located elsewhere is not among them


@dataclass(frozen=True)
class LocalGroup:
    """Operating local firms sharing a cluster and a county, counted in the store (one grouped query).

    ``cluster`` None: every operating local firm once, whatever its segments (the county totals);
    else the firms linked (IN_SEGMENT) to a segment of that cluster, each once per cluster.
    ``county`` as stored on the firms, None when they record none. Closed firms never count."""

    cluster: str | None
    county: str | None
    firms: int
    output: float                    # summed output (falls back to revenue) of those that report one, 万元
    leading: int                     # how many are leading firms

    def order(self) -> tuple:
        """The order ``local_groups`` returns groups in: by cluster then county, None first."""
        return (self.cluster is not None, self.cluster or "", self.county is not None, self.county or "")


class ContentHash:
    """Order-independent content checksum: sum of SHA-256 of canonical items, mod 2**256.

    Same content → same checksum on every adapter, whatever the read order.
    """

    def __init__(self) -> None:
        self._acc = 0

    @staticmethod
    def canonical(props: dict) -> str:
        return json.dumps(props, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def add(self, *parts: str) -> None:
        h = hashlib.sha256("\x1f".join(parts).encode()).digest()
        self._acc = (self._acc + int.from_bytes(h, "big")) % (1 << 256)

    def hexdigest(self) -> str:
        return f"{self._acc:064x}"


@runtime_checkable
class GraphStore(Protocol):
    """The port. Every method is a unit of work; ``write`` is atomic."""

    kind: str

    def write(self, batch: Batch, progress: Callable[[int], None] | None = None) -> int:
        """Upsert the batch atomically (MERGE on id; props merged, ``None`` removes a prop)."""

    def write_stream(self, batches: Iterable[Batch], progress: Callable[[int], None] | None = None) -> int:
        """Upsert every batch in ONE transaction, each written as the iterator yields it, so a caller
        streams a large load without holding it whole. The batches are written one after another
        (each: its nodes, its relationships, its drops), so a relationship's endpoints must exist
        by the end of its own batch; any failure —
        a dangling relationship, an exception raised by the iterator, a kill — leaves the store and
        its aggregates as before. ``write(b)`` is ``write_stream([b])``. Returns rows written."""

    def delete_nodes(self, label: str, ids: Iterable[str]) -> int:
        """Delete nodes and their relationships; returns how many nodes were deleted."""

    def delete_rels(self, rel_type: str, pairs: Iterable[tuple[str, str]]) -> int: ...

    def get_node(self, label: str, node_id: str) -> dict | None: ...

    def find_nodes(self, label: str, where: dict[str, Any] | None = None, limit: int = 100,
                   offset: int = 0) -> list[dict]:
        """Nodes of a label whose props equal ``where``, ordered by id."""

    def rels(self, rel_type: str, src: str | None = None, dst: str | None = None) -> list[dict]:
        """Relationships ``{"src", "dst", "props"}`` ordered by (src, dst)."""

    def rels_page(self, rel_type: str, after: tuple[str, str] | None = None, limit: int = 2000) -> list[dict]:
        """At most ``limit`` relationships of a type ordered by (src, dst), only those after the
        ``(src, dst)`` key ``after`` (keyset paging: pages concatenate to ``rels(rel_type)``)."""

    def find_enterprises(self, *, cluster: str | Sequence[str] | None = None, segment: str | None = None,
                         county: str | None = None, tag: str | None = None, q: str | None = None,
                         local: bool | None = None, unplaced: bool = False, dataset: str | None = None,
                         limit: int = 100, offset: int = 0) -> tuple[int, list[dict]]:
        """Filtered enterprises, local (operating) firms first, then by id, with the total count before
        paging. ``q`` is a substring (ASCII case folded) of the name, id, business scope or a product;
        ``unplaced``: only firms linked to no segment at all (未归入环节) — with ``cluster``, to none of that
        cluster's segments (a census's firms the cluster's verdicts could not count); ``dataset``: only the
        firms of that dataset (IN_DATASET). ``cluster`` may name several clusters (a census declared for
        them): a firm of any of them, or with ``unplaced`` of none (:func:`clusters_of`)."""

    def neighbourhood(self, label: str, node_id: str, depth: int = 1, limit: int = 200) -> dict:
        """``{"nodes": [{label, id, props}], "rels": [{type, src, dst}]}`` within ``depth`` hops."""

    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {label: n}, "relationships": {type: n}}`` (every schema entry, zeros included)."""

    def checksum(self) -> str: ...

    def version(self) -> object | None:
        """A cheap token that changes when the content may have changed (cache keys), or None when
        the adapter cannot tell cheaply (callers then fall back to their own invalidation)."""

    def segment_aggregates(self, cluster: str | None = None) -> list[SegmentAggregate]: ...

    def segments_output(self, segment_ids: Iterable[str]) -> tuple[int, float, int]:
        """(distinct local firms, their summed output, how many are leading firms) in these
        segments and their subtrees."""

    def local_groups(self) -> list[LocalGroup]:
        """Operating local firms grouped by (cluster, county) and by county alone (``cluster`` None):
        no firm left out — those without a county form the ``county`` None group. Ordered by
        (cluster, county), None first."""

    def tech_holders(self, tech_ids: Iterable[str], *, limit: int = 20) -> dict[str, tuple[int, list[dict]]]:
        """Per technology: (number of local firms holding it, the ``limit`` largest of them)."""

    def top_firms(self, segment_ids: Iterable[str], *, local: bool, limit: int = 50) -> list[dict]:
        """Local (or outside) firms of these segments, largest output/revenue first, each with
        ``segments`` (all its IN_SEGMENT targets)."""

    def dataset_clusters(self) -> dict[str, dict[str, int]]:
        """Per dataset id: ``{cluster: operating local firms of that dataset in the cluster}``."""

    def clear(self) -> None: ...

    def close(self) -> None: ...
