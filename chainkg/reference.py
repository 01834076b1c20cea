"""The reference chains (the ontology) as plain data: ``chainkg ontology export`` and
``GET /api/v1/ontology``. Needs no store.

>>> from ontology.loader import load_ontology
>>> sorted(ontology_export(load_ontology()))
['clusters', 'feeds', 'policy', 'segments', 'technologies']
"""

from __future__ import annotations

from ontology.loader import Ontology

__all__ = ["ontology_export"]


def ontology_export(onto: Ontology) -> dict:
    """The reference chains as plain data (``chainkg ontology export``, ``GET /api/v1/ontology``)."""
    return {
        "clusters": [c.model_dump() for c in onto.clusters.values()],
        "segments": [{"id": s.id, "name": s.name, "name_en": s.name_en, "cluster": s.cluster, "stage": s.stage,
                      "parent": s.parent, "level": s.level, "weight": s.weight, "weight_reason": s.weight_reason,
                      "keywords": s.keywords, "products": s.products, "source": s.source}
                     for s in onto.segments.values()],
        "feeds": [{"from": f.source_id, "to": f.target_id, "reason": f.reason} for f in onto.feeds],
        "technologies": [{"id": t.id, "name": t.name, "segments": t.segments, "status": t.status,
                          "status_certain": t.status_certain, "chokepoint": t.chokepoint,
                          "chokepoint_lists": t.chokepoint_lists, "source": t.source, "note": t.note}
                         for t in onto.technologies.values()],
        "policy": {"document": onto.policy.get("document", {}), "targets": [t.model_dump() for t in onto.targets],
                   "counties": [c.model_dump() for c in onto.counties.values()],
                   "platforms": [p.model_dump() for p in onto.platforms]},
    }
