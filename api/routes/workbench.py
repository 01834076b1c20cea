"""招商 workbench: candidates per gap with profile cards, the lead pipeline, and the what-if of the
pipeline ("if the firms 在谈 and later land, these gaps close").

* ``GET /workbench``: per gap segment its ranked candidates (profile card, open lead if any).
* ``GET /leads``: the pipeline (CSV with ``?format=csv`` opens in Excel); public, like every read.
* ``POST /leads``: open a lead for a firm on a gap segment, or update the open one (token).
* ``PATCH /leads/{lead_id}``: change stage, owner, or add a note (token). Every change joins the
  lead's history.
* ``GET /leads/what-if``: the gaps that close if the firms at the given stages land.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from api.deps import KG, analysis_params, require_token
from api.gate import heavy
from api.http import CSV_RESPONSE, ERRORS, Paging, listing, paging, want_csv, with_reason
from api.schemas.analysis import TargetCandidate, TargetGroup, WhatIfResult
from api.schemas.common import AnalysisPage, ErrorOut, Page
from graph.analytics.params import AnalysisParams

router = APIRouter(tags=["workbench 招商工作台"], responses=ERRORS)

Params = Annotated[AnalysisParams, Depends(analysis_params)]
ClusterQ = Annotated[str | None, Query(max_length=100, description="集群 id (默认全部) / cluster id (default: all)")]
Stage = Literal["线索", "已接触", "在谈", "已签约", "已落地", "放弃"]
WRITE = {401: {"model": ErrorOut, "description": "缺少或错误的令牌 / missing or wrong token"},
         403: {"model": ErrorOut, "description": "未配置令牌 / writes disabled"}}


class HistoryRow(BaseModel):
    when: str = Field(description="时间")
    stage: str = Field(description="阶段")
    owner: str = Field(description="负责人")
    note: str = Field(description="备注")


class LeadOut(BaseModel):
    """招商项目 (lead): one candidate firm on one gap segment, with stage, owner, notes and history."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(description="项目 id / lead id")
    enterprise: str = Field(description="企业 id")
    enterprise_name: str | None = Field(None, description="企业名称")
    segment: str = Field(description="缺口环节 id")
    segment_name: str = Field(description="环节名称")
    cluster: str | None = Field(None, description="集群 id")
    stage: Stage = Field(description="阶段: 线索 → 已接触 → 在谈 → 已签约 → 已落地, 或 放弃")
    stage_en: str = Field(description="stage in English")
    owner: str | None = Field(None, description="负责人 / owner")
    notes: str = Field("", description="最新备注 / latest note")
    created: str = Field(description="建档时间 / opened")
    updated: str = Field(description="最近更新 / last change")
    history: list[str] = Field(description="推进记录 (时间｜阶段｜负责人｜备注) / history lines")
    history_rows: list[HistoryRow] = Field(description="推进记录 / history as rows, oldest first")


class LeadIn(BaseModel):
    """Open a lead (or update the open one for the same firm and segment)."""

    model_config = ConfigDict(extra="forbid")
    enterprise: str = Field(min_length=1, max_length=200, description="企业 id (候选企业)")
    segment: str = Field(min_length=1, max_length=100, description="缺口环节 id")
    stage: Stage | None = Field(None, description="阶段 (新建默认 线索)")
    owner: str | None = Field(None, max_length=100, description="负责人")
    note: str | None = Field(None, max_length=2000, description="备注")


class LeadPatch(BaseModel):
    """A change to a lead: any of stage, owner, note (omitted fields stay as they are)."""

    model_config = ConfigDict(extra="forbid")
    stage: Stage | None = Field(None, description="新阶段")
    owner: str | None = Field(None, max_length=100, description="负责人 (空字符串清除)")
    note: str | None = Field(None, max_length=2000, description="新备注")


class WorkbenchCandidate(TargetCandidate):
    lead: LeadOut | None = Field(None, description="已建档的招商项目 / the open lead, if any")


class WorkbenchGroup(TargetGroup):
    """One gap segment on the workbench: its candidates (with cards and leads)."""

    verdict: str | None = Field(None, description="结论(含口径)")
    local_firms: int | None = Field(None, description="本地企业数")
    candidates: list[WorkbenchCandidate] = Field(description="候选企业, 排名从高到低 / candidates, best first")
    other_leads: list[LeadOut] = Field(default_factory=list, description="本环节其他招商项目 / other leads here")


class PipelineWhatIf(WhatIfResult):
    """What-if of the pipeline: the firms at the chosen stages land in their leads' segments."""

    stages: list[str] = Field(description="假设落地的阶段 / stages assumed to land")
    leads: list[dict[str, Any]] = Field(description="假设落地的项目 / leads assumed to land")
    closed: list[dict[str, Any]] = Field(description="补上的缺口 / gaps closed (no longer a gap)")
    filled: list[dict[str, Any]] = Field(description="不再缺失的环节 / segments no longer missing")
    summary: list[str] = Field(description="结论 / plain sentences")


@router.get("/workbench", openapi_extra=heavy("analysis"), response_model=AnalysisPage[WorkbenchGroup])
def workbench(kg: KG, params: Params, page: Annotated[Paging, Depends(paging)],
              cluster: ClusterQ = None):
    """招商工作台: for each gap segment (actionable verdict on adequate data), its candidates ranked
    without ties, each with a profile card (scale, distance, products, why it fits, sources, other
    segments) and its lead when one is open. Empty, it says why (``reason``: what is loaded, what a census needs)."""
    return with_reason(kg, cluster, params, listing(kg.workbench(cluster, params), page, False, "workbench",
                                                    WorkbenchGroup))


@router.get("/leads", response_model=Page[LeadOut], responses=CSV_RESPONSE)
def list_leads(kg: KG, page: Annotated[Paging, Depends(paging)],
               as_csv: Annotated[bool, Depends(want_csv)], cluster: ClusterQ = None,
               segment: Annotated[str | None, Query(max_length=100, description="环节 id")] = None,
               stage: Annotated[Stage | None, Query(description="阶段")] = None):
    """招商项目 (pipeline): by cluster, segment, stage and firm; ``?format=csv`` for Excel."""
    rows = kg.leads(cluster, segment, stage)
    if as_csv:
        rows = [{k: v for k, v in r.items() if k != "history_rows"} for r in rows]
    return listing(rows, page, as_csv, "leads", LeadOut)


@router.get("/leads/what-if", openapi_extra=heavy("analysis"), response_model=PipelineWhatIf)
def leads_what_if(kg: KG, params: Params, cluster: ClusterQ = None,
                  stages: Annotated[list[Stage] | None, Query(description="假设落地的阶段 (默认 在谈、已签约、已落地)")] = None):
    """情景: if the firms whose leads are at ``stages`` land, which gaps close (the store is untouched)."""
    return kg.pipeline_what_if(cluster, stages, params)


@router.post("/leads", response_model=LeadOut, dependencies=[Depends(require_token)], responses=WRITE)
def save_lead(body: LeadIn, kg: KG):
    """Open a lead for a candidate firm on a gap segment (stage 线索 unless given), or update the open
    lead of the same firm and segment; the change joins its history. Needs the API token."""
    return kg.save_lead(body.enterprise, body.segment, stage=body.stage, owner=body.owner,
                             note=body.note)


@router.patch("/leads/{lead_id}", response_model=LeadOut, dependencies=[Depends(require_token)], responses=WRITE)
def update_lead(lead_id: Annotated[str, Path(max_length=100, description="项目 id / lead id")], body: LeadPatch,
                kg: KG):
    """Change a lead's stage and/or owner, or add a note; kept in its history. Needs the API token."""
    return kg.update_lead(lead_id, stage=body.stage, owner=body.owner, note=body.note)
