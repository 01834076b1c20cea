"""The overview figures: one card per cluster (segments, local firms, output, leading firms, verdict
counts, the data's 口径) and the operating local firms by county and cluster.

Functions of (store, ontology); :class:`chainkg.service.ChainKG` caches them (``clusters``,
``county_distribution``). Why apart from the service: these are the overview page's own rules (when
summed output means anything, which firms count in a county), not the service's.

Both read the store's one grouped count of operating local firms by cluster and county
(:meth:`graph.store.port.GraphStore.local_groups`: SQL ``GROUP BY`` / Cypher aggregation), which the
service fetches once for both. Before, the county grid listed every local firm of each cluster in
Python and the cards ran one subtree query per cluster: on a 100k-firm graph ~6 s of a cold overview.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> county_distribution(SQLiteStore(":memory:"), load_ontology())["total"]
0
"""

from __future__ import annotations

from graph.analytics.analysis import analyze_from_aggregates, store_basis
from graph.analytics.params import AnalysisParams
from graph.analytics.strength import GAP_KINDS
from graph.store.port import GraphStore, LocalGroup
from ontology.loader import CLUSTER_ORDER, Ontology

__all__ = ["cluster_cards", "county_distribution"]


def cluster_cards(store: GraphStore, onto: Ontology, params: AnalysisParams,
                  groups: list[LocalGroup] | None = None) -> list[dict]:
    """The seven clusters with key figures: segments, local firms, output, leading firms, verdict counts.
    A cluster's firms are its operating local firms, each once (``groups``: ``store.local_groups()``)."""
    groups = store.local_groups() if groups is None else groups
    aggs = {a.segment_id: a for a in store.segment_aggregates()}
    basis = store_basis(store, onto)
    gaps = analyze_from_aggregates(onto, aggs, params=params, basis=basis)["gaps"]
    out = []
    for cid in CLUSTER_ORDER:
        if cid not in onto.clusters:
            continue
        c = onto.clusters[cid]
        tops = [s for s in onto.segments_of(cid) if s.parent is None]
        kinds = {k: 0 for k in GAP_KINDS}
        for g in gaps:
            if g["cluster"] == cid:
                kinds[g["kind"]] += 1
        mine = [g for g in groups if g.cluster == cid]
        firms, output, leading = sum(g.firms for g in mine), sum(g.output for g in mine), sum(g.leading for g in mine)
        reported = sum(aggs[s.id].local_reported for s in tops if s.id in aggs)
        out.append({"id": cid, "name": c.name, "name_en": c.name_en, "directions": c.directions,
                    "segments": len(onto.segments_of(cid)), "local_enterprises": firms,
                    # output summed over the firms that report it; None when too few do to mean anything
                    "local_output": round(output, 2) if firms and reported * 2 >= firms else None,
                    "firms_with_output": reported,
                    "leading_firms": leading,
                    "basis": basis[cid].as_dict(),
                    "gaps": kinds, "source": c.source})
    return out


def county_distribution(store: GraphStore, onto: Ontology, groups: list[LocalGroup] | None = None) -> dict:
    """Operating local firms by county and cluster, with none left out: ``total`` local firms;
    ``counties`` {county short name: firms} for Taizhou's nine and ``no_county`` for the rest (no
    county recorded, or one that is not Taizhou's); and ``clusters`` {cluster id: {short name: firms,
    None: firms of no known county}} (a firm in two clusters counts in each). From the store's grouped
    count (``groups``: ``store.local_groups()``), not a listing of firms."""
    groups = store.local_groups() if groups is None else groups
    shorts = [c.short for c in onto.counties.values()]
    cells: dict[str | None, dict[str | None, int]] = {
        cid: dict.fromkeys(shorts, 0) | {None: 0} for cid in (None, *CLUSTER_ORDER)}
    for g in groups:
        row = cells.get(g.cluster)
        if row is not None:
            row[g.county if g.county in row else None] += g.firms
    every = cells.pop(None)
    counties = {k: every[k] for k in shorts}
    return {"total": sum(every.values()), "counties": counties, "no_county": every[None], "clusters": cells}
