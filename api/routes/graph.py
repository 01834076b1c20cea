"""The graph itself: neighbourhoods, the ontology, policy targets, counts and whole-graph export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from api.deps import KG
from api.exporters import EXPORT_MEDIA, export_response
from api.gate import heavy
from api.http import CSV_RESPONSE, ERRORS, Paging, listing, paging, want_csv
from api.schemas.common import Page
from api.schemas.graph import GraphExport, Neighbourhood, Stats
from chainkg.reference import ontology_export
from ontology.models import PolicyTarget
from ontology.schema import LABELS

router = APIRouter(tags=["graph 图谱"], responses=ERRORS)

Label = Literal[LABELS]  # type: ignore[valid-type]


@router.get("/graph/{label}/{node_id}", response_model=Neighbourhood)
def neighbourhood(label: Annotated[Label, Path(description="节点类型 / node label")],
                  node_id: Annotated[str, Path(max_length=200, description="节点 id / node id")], kg: KG,
                  depth: Annotated[int, Query(ge=0, le=3, description="跳数 (≤3) / hops")] = 1,
                  limit: Annotated[int, Query(ge=1, le=500, description="节点上限 / max nodes")] = 200):
    """Nodes and relationships within ``depth`` hops (≤ 3) of one node, at most ``limit`` nodes."""
    return kg.neighbourhood(label, node_id, depth=depth, limit=limit)


@router.get("/ontology", response_model=dict)
def ontology(kg: KG):
    """The reference chains as data: clusters, segments, FEEDS, technologies, policy facts."""
    return ontology_export(kg.onto)


@router.get("/policy-targets", response_model=Page[PolicyTarget], responses=CSV_RESPONSE)
def policy_targets(kg: KG, page: Annotated[Paging, Depends(paging)], as_csv: Annotated[bool, Depends(want_csv)]):
    """行动计划目标 (台政办发〔2019〕58号): the plan's quantified targets, each with its clause."""
    return listing(kg.policy_targets(), page, as_csv, "policy-targets", PolicyTarget)


@router.get("/stats", response_model=Stats)
def stats(kg: KG):
    """Node and relationship counts by type, and the content checksum."""
    return kg.stats()


@router.get("/export", openapi_extra=heavy("export"), response_class=Response,
            responses={200: {"model": GraphExport,
                             "content": {m: {"schema": {"type": "string"}} for k, m in EXPORT_MEDIA.items() if k != "json"},
                             "description": "整图或单个集群导出 / the graph or one cluster's subgraph"}})
def export(kg: KG,
           format: Annotated[Literal["json", "csv", "graphml"], Query(description="导出格式 / json, csv or graphml")] = "json",
           cluster: Annotated[str | None, Query(max_length=100, description="集群 id (默认整图) / cluster id")] = None):
    """Export every node and relationship (or one cluster's subgraph) as JSON, CSV (UTF-8 BOM) or GraphML."""
    return export_response(kg.graph_export(cluster), format)
