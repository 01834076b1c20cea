"""The analysis (补链/强链/延链): gaps, chokepoints, priority projects, 招商 targets, what-if.

Every analysis weight and threshold (:class:`graph.analytics.params.AnalysisParams`) is an optional query
parameter; results come from the one cached entry point :meth:`chainkg.service.ChainKG.analysis`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.csv_rows import PROJECT_COLUMNS, Lang, project_row, request_lang
from api.deps import KG, analysis_params
from api.gate import heavy
from api.http import CSV_RESPONSE, ERRORS, Paging, csv_response, listing, paging, want_csv, with_reason
from api.schemas.analysis import Chokepoint, Gap, Project, TargetGroup, WhatIfResult
from api.schemas.common import AnalysisPage, Page
from api.schemas.inputs import ScenarioIn
from graph.analytics.params import AnalysisParams

router = APIRouter(tags=["analysis 分析"], responses=ERRORS)

Params = Annotated[AnalysisParams, Depends(analysis_params)]
PageQ = Annotated[Paging, Depends(paging)]
AsCsv = Annotated[bool, Depends(want_csv)]
LangQ = Annotated[Lang, Depends(request_lang)]
ClusterQ = Annotated[str | None, Query(max_length=100, description="集群 id (默认全部) / cluster id (default: all)")]


@router.get("/gaps", openapi_extra=heavy("analysis"), response_model=Page[Gap], responses=CSV_RESPONSE)
def list_gaps(kg: KG, params: Params, page: PageQ, as_csv: AsCsv, cluster: ClusterQ = None):
    """Every segment's verdict — 缺失 missing, 单点依赖 single point, 薄弱 weak, 较强 strong — gaps first
    (dominators, then by priority score), with the evidence."""
    return listing(kg.analysis(cluster, params)["gaps"], page, as_csv, "gaps", Gap)


@router.get("/clusters/{cluster_id}/gaps", openapi_extra=heavy("analysis"), response_model=Page[Gap], responses=CSV_RESPONSE)
def cluster_gaps(cluster_id: Annotated[str, Path(max_length=100, description="集群 id / cluster id")],
                 kg: KG, params: Params, page: PageQ, as_csv: AsCsv):
    """The gaps of one cluster (same as ``/gaps?cluster=…``)."""
    return listing(kg.analysis(cluster_id, params)["gaps"], page, as_csv, f"gaps-{cluster_id}", Gap)


@router.get("/priority-projects", openapi_extra=heavy("analysis"), response_model=Page[Project], responses=CSV_RESPONSE)
def list_priority_projects(kg: KG, params: Params, page: PageQ, as_csv: AsCsv, lang: LangQ,
                           cluster: ClusterQ = None):
    """重点技术攻关项目: technologies not under domestic control, ranked by score (severity × reach ×
    capability gap), each with its score parts and 揭榜挂帅 candidate firms. As CSV: the candidates' names,
    those holding the technology and their reasons as readable columns, in ``lang`` (or Accept-Language)."""
    projects = kg.analysis(cluster, params)["projects"]
    if as_csv:
        return csv_response([project_row(p, lang) for p in page.slice(projects)], "priority-projects", PROJECT_COLUMNS)
    return listing(projects, page, as_csv, "priority-projects", Project)


@router.get("/chokepoints", openapi_extra=heavy("analysis"), response_model=Page[Chokepoint], responses=CSV_RESPONSE)
def list_chokepoints(kg: KG, params: Params, page: PageQ, as_csv: AsCsv, cluster: ClusterQ = None):
    """Key technologies ranked as 卡脖子 chokepoints, with affected segments and local holders."""
    return listing(kg.analysis(cluster, params)["chokepoints"], page, as_csv, "chokepoints", Chokepoint)


@router.get("/targets", openapi_extra=heavy("analysis"), response_model=AnalysisPage[TargetGroup], responses=CSV_RESPONSE)
def list_targets(kg: KG, params: Params, page: PageQ, as_csv: AsCsv, cluster: ClusterQ = None):
    """招商 targets: for each gap segment, outside firms ranked by how much they would close it; an empty
    list says why (``reason``)."""
    return with_reason(kg, cluster, params, listing(kg.analysis(cluster, params)["targets"], page, as_csv,
                                                    "targets", TargetGroup))


@router.post("/what-if", openapi_extra=heavy("analysis"), response_model=WhatIfResult)
def what_if(scenario: ScenarioIn, kg: KG, params: Params, cluster: ClusterQ = None):
    """情景模拟: remove or add firms or segments and see which gaps open or close (the store is untouched)."""
    return kg.what_if(scenario, cluster, params)
