"""The resolved firms of one load and their links, written into the batch as on-demand rows.

What the loader used to build per firm — a property map, a ``{segment: link}`` map, a set of
dataset ids, and one map per relationship — this holds as indices into the held records
(:mod:`etl.held`): a firm that is one record keeps that record's shared link tuple and dataset id;
only merged firms, firms sharing an id with another group, and firms with overrides get maps of
their own. The batch rows (Enterprise nodes, IN_SEGMENT, LOCATED_IN, IN_DATASET) are
:class:`etl.held.Rows`, made a chunk at a time while the store writes them.

Same rows as before, in the same order: per firm its node, its links sorted by segment, its
county; IN_DATASET once per firm id (first appearance), dataset ids sorted.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from etl.held import Rows, field, unpack
from etl.normalize import name_key, normalize_credit_code
from etl.overrides import apply_overrides
from etl.resolve import merge
from graph.store.port import Batch, GraphStore
from ontology.firms import is_leading
from ontology.loader import Ontology
from ontology.models import Enterprise

__all__ = ["Resolved", "FirmIndex"]


class Resolved:
    """Groups of held records (``etl.resolve.resolve_groups``) as firms: ids, links, datasets."""

    def __init__(self, groups: list[list[int]], held: list[tuple], ent_ds: list[str],
                 seg_links: list[tuple]) -> None:
        self.held = held
        self.src: list[int | dict] = []        # per firm: its record's index, or the merged props
        self.eids: list[str] = []
        self.first: dict[str, int] = {}        # firm id → its first group
        shared: dict[str, list[int]] = {}      # ids that more than one group resolves to → those groups
        for g, group in enumerate(groups):
            if len(group) > 1:  # merged records: the merged tags and figures decide
                e = merge([Enterprise(**unpack(held[i])) for i in group])
                e.leading = is_leading(e.tags, e.output, e.revenue)
                src, eid = e.props(), e.id
            else:
                src = group[0]
                eid = field(held[src], "id")
            self.src.append(src)
            self.eids.append(eid)
            first = self.first.setdefault(eid, g)
            if first != g:
                shared.setdefault(eid, [first]).append(g)
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
        for eid, ids in ds_sets.items():
            for g in self._groups.get(eid, [self.first[eid]]):
                self.ds[g] = tuple(sorted(ids))
        self.datasets: dict[str, int] = {}     # dataset id → firms (ids) in it
        for eid, g in self.first.items():
            for did in self.ds[g]:
                self.datasets[did] = self.datasets.get(did, 0) + 1

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

    def props(self, g: int) -> dict:
        src = self.src[g]
        return unpack(self.held[src]) if type(src) is int else dict(src)

    def props_list(self) -> list[dict]:
        return [self.props(g) for g in range(len(self.src))]

    def into(self, batch: Batch, onto: Ontology) -> int:
        """Add the firms' nodes and IN_SEGMENT / LOCATED_IN / IN_DATASET rows to ``batch``;
        returns the number of IN_SEGMENT rows."""
        eids, links = self.eids, self.links
        seg_g, seg_k = array("I"), array("H")
        loc_g, loc_c = array("I"), array("H")
        counties: dict[str, int | None] = {}
        county_ids: list[str] = []
        for g, firm_links in enumerate(links):
            seg_g.extend([g] * len(firm_links))
            seg_k.extend(range(len(firm_links)))
            src = self.src[g]
            county, local = ((field(self.held[src], "county"), field(self.held[src], "local"))
                             if type(src) is int else (src.get("county"), src.get("local")))
            if county and local:
                if county not in counties:
                    c = onto.county_by_name(county)
                    counties[county] = len(county_ids) if c else None
                    if c:
                        county_ids.append(c.id)
                if counties[county] is not None:
                    loc_g.append(g)
                    loc_c.append(counties[county])
        ds_g, ds_k = array("I"), array("H")
        for g in self.first.values():
            ds_g.extend([g] * len(self.ds[g]))
            ds_k.extend(range(len(self.ds[g])))
        rows = {
            ("node", "Enterprise"): Rows(len(eids), self.props, {"id": lambda: eids}),
            ("rel", "IN_SEGMENT"): Rows(len(seg_g), lambda j: {
                "src": eids[seg_g[j]], "dst": links[seg_g[j]][seg_k[j]][0], "props": links[seg_g[j]][seg_k[j]][1]},
                {"src": lambda: map(eids.__getitem__, seg_g)}),
            ("rel", "LOCATED_IN"): Rows(len(loc_g), lambda j: {
                "src": eids[loc_g[j]], "dst": county_ids[loc_c[j]], "props": {}},
                {"src": lambda: map(eids.__getitem__, loc_g)}),
            ("rel", "IN_DATASET"): Rows(len(ds_g), lambda j: {
                "src": eids[ds_g[j]], "dst": self.ds[ds_g[j]][ds_k[j]], "props": {}},
                {"src": lambda: map(eids.__getitem__, ds_g)}),
        }
        for (kind, name), made in rows.items():
            if not len(made):
                continue
            target = batch.nodes if kind == "node" else batch.rels
            if name in target:  # the batch already holds rows of this kind: add ours as plain rows
                target[name].extend(made)
            else:
                target[name] = made
        return len(seg_g)


class FirmIndex:
    """Find an enterprise of this load (or of the store) by credit code or normalised name."""

    def __init__(self, store: GraphStore, ents: list[dict]) -> None:
        self.store = store
        self.by_code = {e["credit_code"]: e["id"] for e in ents if e.get("credit_code")}
        self.by_name = {name_key(e["name"]): e["id"] for e in ents}

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
