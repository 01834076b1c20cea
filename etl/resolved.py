"""The resolved firms of one load and their links, handed to the store a chunk of firms at a time.

What the loader used to build per firm — a property map, a ``{segment: link}`` map, a set of
dataset ids, and one map per relationship — this holds as indices into the load's records: a firm
that is one record keeps that record's index, shared link tuple and dataset id; only merged firms,
firms sharing an id with another group, and firms with overrides get maps of their own. The
records' property values wait on disk (:class:`etl.held.Spill`); :meth:`Resolved.chunks` reads
them back in order and makes each chunk's rows (Enterprise nodes, IN_SEGMENT, LOCATED_IN,
IN_DATASET) while the store writes the previous one (``GraphStore.write_stream``).

Same rows as one batch of the whole load would hold: per firm its node, its links sorted by
segment, its county; IN_DATASET once per firm id (first appearance), dataset ids sorted; firms in
order of first appearance (a later group with the same id patches the earlier one's node).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

from etl.held import FIELDS, pack, unpack
from etl.normalize import name_key, normalize_credit_code
from etl.overrides import apply_overrides
from etl.resolve import merge
from graph.store.port import Batch, GraphStore, RelColumns, TupleRows
from ontology.firms import is_leading
from ontology.loader import Ontology
from ontology.models import Enterprise

__all__ = ["Resolved", "FirmIndex", "CHUNK_FIRMS"]

#: firms per chunk handed to the store: rows of a chunk are made while the store writes the last one
CHUNK_FIRMS = 10_000


class Resolved:
    """Groups of records (``etl.resolve.resolve_groups``, as record positions) as firms.

    ``ids``, ``names``, ``codes``, ``ent_ds``, ``seg_links``: per record, its id, name, credit code,
    dataset id and shared link tuple; ``held(positions)`` → ``{position: values}`` of those records
    (one pass over the spilled records; called once, for the records of merged groups)."""

    def __init__(self, groups: list[list[int]], ids: Sequence[str], names: Sequence[str],
                 codes: Sequence[str | None], ent_ds: Sequence[str], seg_links: Sequence[tuple],
                 held: Callable[[set[int]], dict[int, tuple]]) -> None:
        self._names, self._codes = names, codes
        self.rec = array("q")                  # per firm: its record's position, or -1 (merged: see .merged)
        self.merged: dict[int, dict] = {}      # firm → merged props
        self.eids: list[str] = []
        self.first: dict[str, int] = {}        # firm id → its first group
        shared: dict[str, list[int]] = {}      # ids that more than one group resolves to → those groups
        values = held({i for group in groups if len(group) > 1 for i in group})
        for g, group in enumerate(groups):
            if len(group) > 1:  # merged records: the merged tags and figures decide
                e = merge([Enterprise(**unpack(values[i])) for i in group])
                e.leading = is_leading(e.tags, e.output, e.revenue)
                self.merged[g] = e.props()
                self.rec.append(-1)
                eid = e.id
            else:
                self.rec.append(group[0])
                eid = ids[group[0]]
            self.eids.append(eid)
            first = self.first.setdefault(eid, g)
            if first != g:
                shared.setdefault(eid, [first]).append(g)
        del values
        self.links: list[tuple] = []           # per firm: ((segment, props), ...) sorted
        self.ds: list[tuple] = []              # per firm: its dataset ids, sorted
        self._maps: dict[str, dict] = {}       # firm id → {segment: props} while links are combined
        self._groups = shared
        ds_sets: dict[str, set[str]] = {}
        one: dict[str, tuple] = {}             # dataset id → (id,): one shared tuple per dataset
        for g, group in enumerate(groups):
            eid = self.eids[g]
            if len(group) == 1 and eid not in shared:
                self.links.append(seg_links[group[0]])
                did = ent_ds[group[0]]
                self.ds.append(one.get(did) or one.setdefault(did, (did,)))
                continue
            links = self._maps.setdefault(eid, {})
            for i in group:
                for sid, props in seg_links[i]:
                    links.setdefault(sid, props)
            ds_sets.setdefault(eid, set()).update(ent_ds[i] for i in group)
            self.links.append(())
            self.ds.append(())
        for eid, dids in ds_sets.items():
            for g in self._groups.get(eid, [self.first[eid]]):
                self.ds[g] = tuple(sorted(dids))
        self.datasets: dict[str, int] = {}     # dataset id → firms (ids) in it
        for eid, g in self.first.items():
            for did in self.ds[g]:
                self.datasets[did] = self.datasets.get(did, 0) + 1

    def __len__(self) -> int:
        return len(self.eids)

    def override(self, overrides: Iterable[dict]) -> None:
        """Apply the user's corrections (:func:`etl.overrides.apply_overrides`), then fix the links."""
        overrides = list(overrides)
        for o in overrides:
            eid = o["enterprise"]
            if eid not in self._maps:
                self._maps[eid] = dict(self.links[self.first[eid]])
        apply_overrides(self._maps, overrides)
        for eid, links in self._maps.items():
            final = tuple(sorted(links.items()))
            for g in self._groups.get(eid, [self.first[eid]]):
                self.links[g] = final
        self._maps = {}

    def segment_links(self) -> int:
        """How many IN_SEGMENT rows the firms' chunks hold."""
        return sum(map(len, self.links))

    def identities(self) -> Iterator[dict]:
        """``{"id", "name", "credit_code"}`` of every firm (what :class:`FirmIndex` reads)."""
        for g, eid in enumerate(self.eids):
            r = self.rec[g]
            if r >= 0:
                yield {"id": eid, "name": self._names[r], "credit_code": self._codes[r]}
            else:
                m = self.merged[g]
                yield {"id": eid, "name": m["name"], "credit_code": m.get("credit_code")}

    def chunks(self, records: Iterable[tuple], onto: Ontology, size: int = CHUNK_FIRMS) -> Iterator[Batch]:
        """The firms' rows, ``size`` firms a batch; ``records`` are every record's values in
        position order (read once, in step).

        Handed over as columns (:class:`graph.store.port.TupleRows`, :class:`~graph.store.port.RelColumns`):
        a firm's values tuple as the spill gives it, a link's target and its shared props map — no
        map per node or relationship (an adapter that wants maps gets them made on demand)."""
        it, pos, cur = iter(records), -1, None
        counties: dict[str, str | None] = {}
        by_links: dict[int, tuple] = {}  # id of a shared link tuple → (it, its targets, their props)
        eids, links, rec, first = self.eids, self.links, self.rec, self.first
        i_county, i_local = FIELDS.index("county"), FIELDS.index("local")
        for start in range(0, len(eids), size):
            nodes: list[tuple] = []
            seg_src: list[str] = []
            seg_dst: list[str] = []
            seg_props: list[dict] = []
            loc_src: list[str] = []
            loc_dst: list[str] = []
            ds_src: list[str] = []
            ds_dst: list[str] = []
            for g in range(start, min(start + size, len(eids))):
                r = rec[g]
                if r >= 0:
                    while pos < r:
                        cur = next(it)
                        pos += 1
                    values = cur
                else:
                    values = pack(self.merged[g])
                nodes.append(values)
                eid = eids[g]
                lt = links[g]
                if lt:
                    hit = by_links.get(id(lt))
                    if hit is None:
                        hit = by_links[id(lt)] = (lt, [sid for sid, _ in lt], [p for _, p in lt])
                    seg_src.extend([eid] * len(lt))
                    seg_dst.extend(hit[1])
                    seg_props.extend(hit[2])
                county = values[i_county]
                if county and values[i_local]:
                    cid = counties.get(county, 0)
                    if cid == 0:
                        c = onto.county_by_name(county)
                        cid = counties[county] = c.id if c else None
                    if cid is not None:
                        loc_src.append(eid)
                        loc_dst.append(cid)
                if first[eid] == g:
                    dids = self.ds[g]
                    ds_src.extend([eid] * len(dids))
                    ds_dst.extend(dids)
            b = Batch(nodes={"Enterprise": TupleRows(FIELDS, nodes)})
            empty: dict = {}  # shared by the rows without props (no reader changes a row's props)
            for name, src, dst, props in (("IN_SEGMENT", seg_src, seg_dst, seg_props),
                                          ("LOCATED_IN", loc_src, loc_dst, None), ("IN_DATASET", ds_src, ds_dst, None)):
                if src:
                    b.rels[name] = RelColumns(src, dst, props if props is not None else [empty] * len(src))
            yield b


class FirmIndex:
    """Find an enterprise of this load (or of the store) by credit code or normalised name."""

    def __init__(self, store: GraphStore, ents: Iterable[dict]) -> None:
        self.store = store
        self.by_code: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for e in ents:
            if e.get("credit_code"):
                self.by_code[e["credit_code"]] = e["id"]
            self.by_name[name_key(e["name"])] = e["id"]

    def find(self, name: str | None, code: str | None) -> str | None:
        if code:
            try:
                code = normalize_credit_code(code)
            except ValueError:
                return None
            if code in self.by_code:
                return self.by_code[code]
            if self.store.get_node("Enterprise", code):
                return code
        if name:
            key = name_key(name)
            if key in self.by_name:
                return self.by_name[key]
            hits = self.store.find_nodes("Enterprise", {"name": name.strip()}, limit=2)
            if len(hits) == 1:
                return hits[0]["id"]
        return None
