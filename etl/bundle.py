"""Turn the validated ontology (reference chains, technologies, policy facts) into a store batch.

Why a batch: the ontology and the enterprise data of a load are written in ONE transaction, so a
load lands whole or not at all.

>>> from ontology import load_ontology
>>> b = ontology_batch(load_ontology())
>>> len(b.nodes["Cluster"])
7
"""

from __future__ import annotations

from graph.store.port import Batch
from ontology.loader import Ontology

__all__ = ["ontology_batch"]


def ontology_batch(onto: Ontology) -> Batch:
    """Clusters, segments (PART_OF, CHILD_OF, FEEDS), technologies (NEEDS), counties, policy targets."""
    b = Batch()
    for c in onto.clusters.values():
        b.node("Cluster", c.props())
    for s in onto.segments.values():
        b.node("Segment", s.props())
    for s in onto.segments.values():
        b.rel("PART_OF", s.id, s.cluster)
        if s.parent:
            b.rel("CHILD_OF", s.id, s.parent)
    for f in onto.feeds:
        b.rel("FEEDS", f.source_id, f.target_id, {"reason": f.reason} if f.reason else {})
    for t in onto.technologies.values():
        b.node("Technology", t.props())
        for sid in t.segments:
            b.rel("NEEDS", sid, t.id)
    for c in onto.counties.values():
        b.node("County", c.props())
    for t in onto.targets:
        b.node("PolicyTarget", t.props())
    return b
