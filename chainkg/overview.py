"""The overview figures: one card per cluster (segments, local firms, output, leading firms, verdict
counts, the data's 口径) and the operating local firms by county and cluster.

Functions of (store, ontology); :class:`chainkg.service.ChainKG` caches them (``clusters``,
``county_distribution``). Why apart from the service: these are the overview page's own rules (when
summed output means anything, which firms count in a county), not the service's.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> county_distribution(SQLiteStore(":memory:"), load_ontology())["total"]
0
"""

from __future__ import annotations

from graph.analytics.analysis import analyze_from_aggregates, store_basis
from graph.analytics.params import AnalysisParams
from graph.analytics.strength import GAP_KINDS
from graph.store.port import GraphStore
from ontology.loader import CLUSTER_ORDER, Ontology

__all__ = ["cluster_cards", "county_distribution"]


def cluster_cards(store: GraphStore, onto: Ontology, params: AnalysisParams) -> list[dict]:
    """The seven clusters with key figures: segments, local firms, output, leading firms, verdict counts."""
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
        firms, output, leading = store.segments_output([s.id for s in tops])
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


def county_distribution(store: GraphStore, onto: Ontology) -> dict:
    """Operating local firms by county and cluster, with none left out: ``total`` local firms;
    ``counties`` {county short name: firms} for Taizhou's nine and ``no_county`` for the rest; and
    ``clusters`` {cluster id: {short name: firms, None: firms of no known county}} (a firm in two
    clusters counts in each). Ten counts and one listing per cluster, not a count per cell."""
    shorts = [c.short for c in onto.counties.values()]
    total = store.find_enterprises(local=True, limit=0)[0]
    counties = {k: store.find_enterprises(local=True, county=k, limit=0)[0] for k in shorts}
    cells: dict[str, dict[str | None, int]] = {}
    for cid in CLUSTER_ORDER:
        row: dict[str | None, int] = dict.fromkeys(shorts, 0) | {None: 0}
        for f in store.find_enterprises(cluster=cid, local=True, limit=max(total, 1))[1]:
            row[f.get("county") if f.get("county") in row else None] += 1
        cells[cid] = row
    return {"total": total, "counties": counties, "no_county": total - sum(counties.values()), "clusters": cells}
