"""Batches → CSV files for Neo4j's offline importer, with the online write's semantics.

What: :class:`CsvGraphWriter` takes the same :class:`graph.store.port.Batch` objects an online
``Neo4jStore.write`` takes and streams them into header + data files for ``neo4j-admin database
import full``; :meth:`CsvGraphWriter.finish` returns an :class:`ImportPlan` (importer arguments,
and the few steps the importer cannot do, to run once the server is back).

Why the care: the bulk path must give the graph the online path gives — same ids, labels, typed
properties, same checksum. So:

* **Types** (the cell text: :mod:`graph.store.neo4j_cells`) are per row, as Bolt sends them: ``int`` → ``long``, ``float`` → ``double``, ``bool`` →
  ``boolean``, ``str`` → string (always quoted, so ``""`` stays an empty string), lists → arrays.
  A CSV column has one type, so rows go into *groups* (one header each) whose column types agree.
* **Empty lists**: the importer cannot store ``[]`` (an empty array field is read as no value), and
  ``Enterprise.tags == []`` is common. Such a node gets a marker label per key (``_ckb_empty_<n>``);
  after the import one query per key sets ``[]`` and drops the marker (:attr:`ImportPlan.empties`).
  Where every row of a label holds the key (the common case: ``tags`` is always written), a
  missing value can only be an empty list: the marker column is ignored at import
  (``:IGNORE``) and the query sets ``[]`` where the key is null (:attr:`ImportPlan.nulls`) —
  no marker labels to write, and none to remove (a label removal is an index update per node).
* **MERGE semantics**: online, a second node with the same id (or a second relationship of a type
  between the same nodes) updates the first (``SET n += row``), and ``drops`` delete after the
  upserts. The importer would make duplicates instead. So the first occurrence goes to CSV and
  every later occurrence, drop, or relationship with an empty list is kept as a *replay* batch,
  written online, in order, after the import (:attr:`ImportPlan.replays`) — rare in a first load.
* **Missing endpoints** are refused as the online write refuses them (a relationship may only name
  a node of its own batch or of an earlier one).

>>> import tempfile
>>> w = CsvGraphWriter(tempfile.mkdtemp())
>>> b = Batch(); b.node("Cluster", {"id": "c1", "name": "汽车", "directions": []})
>>> b.node("Segment", {"id": "s1", "name": 'a "b"', "weight": 1.5}); b.rel("PART_OF", "s1", "c1")
>>> w.add(b)
3
>>> plan = w.finish()
>>> plan.nodes, plan.rels, plan.empties, plan.nulls
(2, 1, {}, [('Cluster', 'directions')])
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.store.neo4j_cells import ARRAY_DELIMITER, column_type, formatter
from graph.store.neo4j_cells import array_cell as _array, quote as _q, scalar as _scalar  # noqa: F401 (below)
from graph.store.pair_hashes import PairHashes
from graph.store.pair_hashes import PairHashes as _Seen  # noqa: F401 (below)
from graph.store.port import Batch
from ontology.errors import StoreError
from ontology.schema import REL_ENDPOINTS

__all__ = ["CsvGraphWriter", "ImportPlan", "ARRAY_DELIMITER"]
# _q, _scalar, _array and _Seen: the names these had when they lived here, which
# tests/graph/store/test_neo4j_bulk.py imports (the compiled formatters checked against the per-cell text)

#: how the files are written, spelled out for the importer (its defaults, except the array delimiter)
FORMAT_ARGS = ("--array-delimiter=U+001F", "--delimiter=,", '--quote="', "--id-type=string",
               "--ignore-empty-strings=false", "--trim-strings=false", "--legacy-style-quoting=false",
               "--skip-duplicate-nodes=false", "--skip-bad-relationships=false", "--ignore-extra-columns=false",
               "--input-encoding=UTF-8")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")  # property keys go into CSV headers and Cypher


class _Group:
    """One CSV file of one label or type whose columns have fixed types."""

    def __init__(self, path: Path, head: list[str], cols: dict[str, str]) -> None:
        self.path, self.head, self.cols = path, head, cols  # head: id/endpoint columns; cols: key -> type
        self.index = {k: i for i, k in enumerate(cols)}
        self.fh = path.open("w", encoding="utf-8", newline="")
        self.rows = 0

    def fits(self, sig: dict[str, str]) -> bool:
        cols = self.cols
        return all(cols.get(k) == t for k, t in sig.items())

    def header(self) -> str:
        typed = [k if t == "string" else f"{k}:{t}" for k, t in self.cols.items()]
        return ",".join(self.head + typed) + "\n"


@dataclass
class ImportPlan:
    """What :meth:`CsvGraphWriter.finish` hands to the importer driver (:mod:`graph.store.neo4j_bulk`)."""

    args: list[str] = field(default_factory=list)        # --nodes=… / --relationships=… / --multiline-fields
    nodes: int = 0                                        # nodes and relationships in the CSV files
    rels: int = 0
    empties: dict[str, str] = field(default_factory=dict)  # marker label -> key to set to []
    nulls: list[tuple[str, str]] = field(default_factory=list)  # (label, key): set [] where the key is null
    replays: list[Batch] = field(default_factory=list)    # written online after the import, in order


class CsvGraphWriter:
    """Stream batches into CSV files under ``out_dir`` (see the module docstring)."""

    def __init__(self, out_dir: str | Path, observe=None) -> None:
        """``observe``: told, once per batch, of the rows that went into the files
        (``batch(nodes, rels)``: label → props written, type → (src, dst) written) — e.g.
        :class:`graph.store.bulk_aggregates.ImportedAggregates`."""
        self.dir = Path(out_dir)
        self._observe = observe
        self.observe_seconds = 0.0  # wall seconds spent in ``observe``
        self.dir.mkdir(parents=True, exist_ok=True)
        self._groups: dict[tuple[str, str], list[_Group]] = {}  # (kind, label/type) -> groups
        self._ids: dict[str, set[str]] = {}                      # label -> node ids written
        self._rels: dict[str, PairHashes] = {}                        # type -> hash((src, dst)) seen
        self._markers: dict[str, str] = {}                       # key -> marker label
        self._always: dict[str, frozenset] = {}                  # label -> keys every row held (not None)
        self._emptied: dict[str, set[str]] = {}                  # label -> keys some row held as []
        self._plan = ImportPlan()
        self._multiline = False
        self._shapes: dict[tuple, tuple] = {}

    # -- groups -------------------------------------------------------------------------------------
    def _group(self, kind: str, name: str, sig: dict[str, str]) -> _Group:
        groups = self._groups.setdefault((kind, name), [])
        for g in groups:
            if g.fits(sig):
                return g
        src, dst = REL_ENDPOINTS[name] if kind == "r" else (None, None)
        head = [f"id:ID({name})", ":LABEL"] if kind == "n" else [f":START_ID({src})", f":END_ID({dst})"]
        cols = dict(sig)
        for k in cols:
            if not _KEY.match(k):
                raise StoreError(f"{name}: property name {k!r} cannot be bulk-imported (letters, digits, _)")
        g = _Group(self.dir / f"{kind}-{name}-{len(groups)}.csv", head, cols)
        groups.append(g)
        return g

    def _marker(self, key: str) -> str:
        if key not in self._markers:
            if not _KEY.match(key):
                raise StoreError(f"property name {key!r} cannot be bulk-imported (letters, digits, _)")
            self._markers[key] = f"_ckb_empty_{len(self._markers)}"
        return self._markers[key]

    def _shape(self, kind: str, name: str, keys: tuple, vals: tuple) -> tuple:
        """(group, row formatter, empty keys) for rows of this shape — computed once per distinct
        shape, not per row (see :func:`~graph.store.neo4j_cells.formatter`)."""
        sig, empty, conv = {}, [], {}
        for i, (k, v) in enumerate(zip(keys, vals)):
            if v is None or (kind == "n" and k == "id"):
                continue
            t = column_type(v)
            if t is None:
                empty.append(k)
                continue
            sig[k] = t
            conv[k] = (i, type(v[0]) if t.endswith("[]") else type(v), t.endswith("[]"), k)
        g = self._group(kind, name, sig)
        markers = ARRAY_DELIMITER.join(self._marker(k) for k in empty) if kind == "n" else None
        if kind == "n":  # once per shape, not per row: which keys every row of the label holds
            held = frozenset(k for k, v in zip(keys, vals) if v is not None)
            self._always[name] = self._always.get(name, held) & held
            self._emptied.setdefault(name, set()).update(empty)
        return g, formatter(markers, [conv.get(k) for k in g.cols]), empty

    def _write(self, kind: str, name: str, lead: tuple, props: dict) -> list[str]:
        """Write one row (``lead``: the node id, or the relationship's two ends); returns the keys
        whose value is an empty list."""
        keys, vals = tuple(props), tuple(props.values())
        types = tuple(map(type, vals))
        shape = (kind, name, keys, types)
        if list in types or tuple in types:  # element type and emptiness are part of the shape
            shape += tuple(type(v[0]) if v else None for v, t in zip(vals, types) if t is list or t is tuple)
        hit = self._shapes.get(shape)
        if hit is None:
            hit = self._shapes[shape] = self._shape(kind, name, keys, vals)
        g, fmt, empty = hit
        line = fmt(lead, vals)
        if not self._multiline and (line.find("\n") < len(line) - 1 or "\r" in line):
            self._multiline = True
        g.fh.write(line)
        g.rows += 1
        return empty

    # -- batches ------------------------------------------------------------------------------------
    def add(self, batch: Batch) -> int:
        """Write ``batch`` (nodes, then relationships, then drops — the online order); returns its size."""
        replay = Batch()
        seen_nodes: dict[str, list[dict]] = {}
        seen_rels: dict[str, list[tuple[str, str]]] = {}
        for label, rows in batch.nodes.items():
            written = seen_nodes[label] = []
            ids = self._ids.setdefault(label, set())
            for props in rows:
                nid = props["id"]
                if nid in ids:
                    replay.node(label, props)  # a later occurrence updates the first: MERGE + SET +=
                    continue
                if type(nid) is not str:
                    raise StoreError(f"{label} id {nid!r} is not a string")
                ids.add(nid)
                self._write("n", label, (nid,), props)
                self._plan.nodes += 1
                written.append(props)
        for rel_type, rows in batch.rels.items():
            src_label, dst_label = REL_ENDPOINTS[rel_type]
            srcs, dsts = self._ids.get(src_label, ()), self._ids.get(dst_label, ())
            seen = self._rels.get(rel_type) or self._rels.setdefault(rel_type, PairHashes())
            written = seen_rels[rel_type] = []
            missing = sum(1 for r in rows if r["src"] not in srcs or r["dst"] not in dsts)
            if missing:
                raise StoreError(f"{rel_type} relationship to a missing node ({missing} of {len(rows)} rows)",
                                 entry=rel_type)
            for r in rows:
                props = r["props"]
                if not seen.add(hash((r["src"], r["dst"]))):
                    replay.rel(rel_type, r["src"], r["dst"], props)
                    continue
                if props and any((type(v) is list or type(v) is tuple) and not v for v in props.values()):
                    replay.rel(rel_type, r["src"], r["dst"], props)  # no marker labels on relationships:
                    continue                                         # written online after the import
                self._write("r", rel_type, (r["src"], r["dst"]), props)
                self._plan.rels += 1
                written.append((r["src"], r["dst"]))
        for rel_type, pairs in batch.drops.items():
            seen = self._rels.get(rel_type) or self._rels.setdefault(rel_type, PairHashes())
            for src, dst in pairs:
                seen.add(hash((src, dst)))  # a later upsert of this pair must come after the drop
                replay.drop_rel(rel_type, src, dst)
        if self._observe is not None:
            t = time.perf_counter()
            self._observe.batch(seen_nodes, seen_rels)
            self.observe_seconds += time.perf_counter() - t
        if replay.size:
            last = self._plan.replays[-1] if self._plan.replays else None
            if last is not None and not last.drops and not replay.drops:
                last.extend(replay)  # without drops, each key's upserts stay in order: one batch is the same
            else:
                self._plan.replays.append(replay)
        return batch.size

    def internal_node(self, label: str, props: dict) -> None:
        """A node outside the graph's content (the aggregates' state node): imported, but not
        counted in :attr:`ImportPlan.nodes` (the store's totals leave it out too)."""
        if props["id"] in self._ids.setdefault(label, set()):
            raise StoreError(f"{label} {props['id']!r} is written twice")
        self._ids[label].add(props["id"])
        if self._write("n", label, (props["id"],), props):
            raise StoreError(f"{label}: an internal node cannot hold an empty list")

    def finish(self) -> ImportPlan:
        """Close the files, write the headers; the plan for :mod:`graph.store.neo4j_bulk`."""
        plan = self._plan
        plan.args.extend(FORMAT_ARGS)
        used: set[str] = set()
        for label, keys in sorted(self._emptied.items()):
            if keys <= self._always[label]:
                plan.nulls.extend((label, k) for k in sorted(keys))
                for g in self._groups.get(("n", label), ()):
                    g.head[1] = ":IGNORE"  # no marker labels: null can only mean []
            else:
                used.update(keys)
        for (kind, name), groups in sorted(self._groups.items()):
            for g in groups:
                g.fh.close()
                head = g.path.with_name(g.path.stem + ".header.csv")
                head.write_text(g.header(), encoding="utf-8")
                opt = "--nodes" if kind == "n" else "--relationships"
                plan.args.append(f"{opt}={name}={head},{g.path}")
        if self._multiline:
            plan.args.append("--multiline-fields=true")
        plan.empties = {m: k for k, m in self._markers.items() if k in used}
        return plan
