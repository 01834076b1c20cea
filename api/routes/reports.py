"""Reports (产业链招商分析报告): one cluster's report as Word, PDF or a formatted Excel workbook."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import KG, analysis_params
from api.gate import heavy
from api.http import ERRORS
from chainkg.report import MEDIA_TYPES, content_disposition, report_file
from graph.analytics.params import AnalysisParams

router = APIRouter(tags=["reports 报告"], responses=ERRORS)

Params = Annotated[AnalysisParams, Depends(analysis_params)]

REPORT_RESPONSE = {200: {"content": {media: {"schema": {"type": "string", "format": "binary"}}
                                     for media in MEDIA_TYPES.values()},
                         "description": "The report file (Content-Disposition names it, UTF-8 filename*)"}}


@router.get("/clusters/{cluster_id}/report", openapi_extra=heavy("report"), response_class=Response, responses=REPORT_RESPONSE)
async def cluster_report(cluster_id: Annotated[str, Path(max_length=100, description="集群 id / cluster id, e.g. pump-motor")],
                         kg: KG, params: Params,
                         format: Annotated[Literal["docx", "pdf", "xlsx"],
                                           Query(description="docx (Word) · pdf · xlsx (every table, formatted)")] = "docx"):
    """产业链招商分析报告 of one cluster: the chain picture coloured by verdict, the data's 口径 and
    dates, every verdict with its rule and coverage, 招商 targets with reasons (or the data to
    collect when the data cannot tell), chokepoint technologies, priority projects and sources."""
    data, name, media = await run_in_threadpool(report_file, kg, cluster_id, format, params)
    return Response(data, media_type=media,
                    headers={"Content-Disposition": content_disposition(name, f"chainkg-report-{cluster_id}.{format}")})
