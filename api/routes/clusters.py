"""Clusters (产业集群) and segments (产业链环节): the reference chains with local key figures."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.deps import KG
from api.gate import heavy
from api.http import CSV_RESPONSE, ERRORS, Paging, listing, paging, want_csv
from api.schemas.clusters import ClusterDetail, ClusterSummary, DatasetOut, SegmentDetail
from api.schemas.common import Page

router = APIRouter(tags=["clusters 集群与环节"], responses=ERRORS)

ClusterId = Annotated[str, Path(description="集群 id / cluster id, e.g. auto", max_length=100)]


@router.get("/clusters", openapi_extra=heavy("analysis"), response_model=Page[ClusterSummary], responses=CSV_RESPONSE)
def list_clusters(kg: KG, page: Annotated[Paging, Depends(paging)],
                  as_csv: Annotated[bool, Depends(want_csv)]):
    """The seven clusters (七大千亿产业集群) with segments, local firms, output, leading firms and gap counts."""
    return listing(kg.clusters(), page, as_csv, "clusters", ClusterSummary)


@router.get("/datasets", response_model=list[DatasetOut])
def list_datasets(kg: KG):
    """Loaded datasets (数据集) and their 口径: population, region, as-of date, source, census or sample.
    Every verdict names the datasets it rests on; this is the whole list."""
    return kg.datasets()


@router.get("/clusters/{cluster_id}", openapi_extra=heavy("analysis"), response_model=ClusterDetail)
def get_cluster(cluster_id: ClusterId, kg: KG):
    """One cluster's reference chain: its segments (上中下游, hierarchy) and FEEDS flows."""
    return kg.cluster_detail(cluster_id)


@router.get("/segments/{segment_id}", openapi_extra=heavy("analysis"), response_model=SegmentDetail)
def get_segment(segment_id: Annotated[str, Path(description="环节 id / segment id", max_length=200)],
                kg: KG,
                limit: Annotated[int, Query(ge=1, le=500, description="列出的企业数 / firms listed")] = 100):
    """One segment with its firms (first ``limit`` by id, plus the total), key technologies and neighbours."""
    return kg.segment_detail(segment_id, limit=limit)
