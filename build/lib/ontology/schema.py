"""Graph schema: node labels, relationship types and their endpoints, generated into both stores.

One source of truth: the SQLite adapter validates against it, the Neo4j adapter generates its
uniqueness constraints from it, the API derives its models from :mod:`ontology.models`.

>>> REL_ENDPOINTS["IN_SEGMENT"]
('Enterprise', 'Segment')
"""

from __future__ import annotations

__all__ = ["LABELS", "REL_TYPES", "REL_ENDPOINTS", "STAGES", "STATUSES", "check_label", "check_rel_type"]

LABELS: tuple[str, ...] = ("Cluster", "Segment", "Technology", "Enterprise", "County", "PolicyTarget",
                           "Product", "Industry", "Dataset", "Override", "Actual", "Lead")

#: relationship type -> (source label, target label)
REL_ENDPOINTS: dict[str, tuple[str, str]] = {
    "PART_OF": ("Segment", "Cluster"),         # segment belongs to a cluster's chain
    "CHILD_OF": ("Segment", "Segment"),        # hierarchy: child -> parent
    "FEEDS": ("Segment", "Segment"),           # from's output is an input of to
    "NEEDS": ("Segment", "Technology"),        # segment needs a key technology
    "IN_SEGMENT": ("Enterprise", "Segment"),   # enterprise operates in a segment
    "HOLDS": ("Enterprise", "Technology"),     # enterprise masters a technology
    "SUPPLIES": ("Enterprise", "Enterprise"),  # supply relation
    "LOCATED_IN": ("Enterprise", "County"),
    "IN_DATASET": ("Enterprise", "Dataset"),     # the firm was loaded from this dataset (口径)
    # public listed-company data (etl/public.py, ChainKnowledgeGraph): products and SW2021 industries
    "MAKES": ("Enterprise", "Product"),          # main product, ``weight`` = revenue share 0–1
    "UPSTREAM_OF": ("Product", "Product"),       # from is an input material of to (上游材料 / 下游产品)
    "SUBTYPE_OF": ("Product", "Product"),        # sub-type -> category (产品小类)
    "IN_INDUSTRY": ("Enterprise", "Industry"),   # SW2021 industry (所属行业)
    "SUBINDUSTRY_OF": ("Industry", "Industry"),  # child -> parent industry (上级行业)
}
REL_TYPES: tuple[str, ...] = tuple(REL_ENDPOINTS)

STAGES: tuple[str, ...] = ("上游", "中游", "下游")
STATUSES: tuple[str, ...] = ("自主可控", "部分依赖", "依赖进口", "国内空白")


def check_label(label: str) -> str:
    """Return ``label`` if the schema knows it; labels are interpolated into Cypher, so this is a guard."""
    if label not in LABELS:
        raise ValueError(f"unknown node label {label!r}; known: {', '.join(LABELS)}")
    return label


def check_rel_type(rel_type: str) -> str:
    if rel_type not in REL_ENDPOINTS:
        raise ValueError(f"unknown relationship type {rel_type!r}; known: {', '.join(REL_TYPES)}")
    return rel_type
