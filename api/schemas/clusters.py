"""Clusters, their segments and the datasets (口径) their verdicts rest on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from api.schemas.analysis import GapCounts
from api.schemas.common import Open
from api.schemas.enterprises import EnterpriseOut
from ontology.models import Cluster, Feeds, Segment, Technology

__all__ = ["Basis", "DatasetOut", "ClusterSummary", "ClusterDetail", "SegmentEnterprise", "SegmentDetail"]


class Basis(Open):
    """口径: what the verdicts of a cluster rest on."""

    adequate: bool = Field(description="是否有覆盖产业链企业的普查 / a census of the chain's firm base is loaded")
    population: str | None = Field(description="总体 / population, e.g. 上市公司, 规上工业企业")
    label: str = Field(description="口径, e.g. 上市公司口径")
    datasets: list[dict[str, Any]] = Field(description="数据集 / datasets behind the verdicts")
    as_of: str | None = Field(description="截止日期 / as-of date")
    scope: str | None = Field(None, description=(
        "普查覆盖 / what the census covers: all = 全量登记或规上名录，覆盖每个环节 / a registry or 规上 census, every "
        "segment; cluster = 本集群企业名录（--cluster），只覆盖本集群企业制造的环节，不含其他行业的上游材料与通用件、"
        "装备及服务环节（那里判为未发现）/ a list of this cluster's firms, only the segments its own firms make (not "
        "other industries' materials, parts and equipment, nor services: those read unknown); null = no such census"))
    other_lists: list[dict[str, Any]] = Field(default_factory=list, description=(
        "其他集群的名录中也归入本集群环节的企业（各 local_firms 家）：计入企业数，像样本一样，但不是本集群的口径 / lists "
        "declared for other clusters whose local firms also sit in this cluster's segments: they count, as a sample's "
        "would, but are not this cluster's 口径"))
    census_firms_not_placed: int = Field(0, description=(
        "本集群名录中未归入本集群任何环节的本地在营企业数（家）：核实前，缺失与单点依赖只计已归入的企业 / local "
        "operating firms of this cluster's own census placed in none of its segments; until they are checked, "
        "missing and single-point verdicts count only the placed firms"))



class DatasetOut(Open):
    """A loaded dataset (数据集) and its 口径."""

    id: str
    name: str
    population: str = Field(description="总体 / population")
    region: str | None = None
    as_of: str | None = None
    source: str | None = Field(default=None, description="来源 / source (null: none was given)")
    census: bool = Field(description="是否完整普查 / complete census of its population in its region")
    clusters: list[str] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)
    firms: int = 0
    firms_local: int | None = Field(default=None, description="其中台州本地且在营 / local and operating")
    firms_outside: int | None = Field(default=None, description="其中外地 / outside Taizhou")
    firms_inactive: int | None = Field(default=None, description="其中注销/吊销/迁出等 / no longer operating")
    firms_unknown: int | None = Field(default=None, description="其中地点未知 / location unknown")


class ClusterSummary(Cluster):
    """A cluster with its key figures (集群概况)."""

    segments: int = Field(description="环节数 / segments in the reference chain")
    local_enterprises: int = Field(description="本地企业数 / local firms in the chain")
    local_output: float | None = Field(description="本地产值(万元) / output of the firms that report it; "
                                              "null when fewer than half do")
    firms_with_output: int = Field(0, description="报送产值的企业数 / firms with an output figure")
    leading_firms: int = Field(description="龙头企业数 / leading firms (小巨人/单项冠军/隐形冠军/高新 or output ≥ 10亿元)")
    basis: Basis = Field(description="口径 / what the verdicts rest on")
    gaps: GapCounts = Field(description="各类环节数 / segments by gap kind")


class ClusterDetail(BaseModel):
    cluster: Cluster = Field(description="集群 / the cluster")
    segments: list[Segment] = Field(description="环节 / its segments (上中下游, hierarchy via parent)")
    feeds: list[Feeds] = Field(description="供给关系 FEEDS / from-segment output is an input of to-segment")



class SegmentEnterprise(EnterpriseOut):
    link: dict[str, Any] = Field(default_factory=dict,
                                 description="归属依据 / how the firm was placed in the segment (method, confidence, evidence)")


class SegmentDetail(BaseModel):
    segment: Segment = Field(description="环节 / the segment")
    enterprise_total: int = Field(description="环节内企业总数 / firms in the segment")
    enterprises: list[SegmentEnterprise] = Field(description="企业(前若干家) / firms, by id (first page)")
    technologies: list[Technology] = Field(description="关键技术 / key technologies the segment needs")
    children: list[str] = Field(description="下级环节 / child segment ids")
    feeds_from: list[str] = Field(description="上游供给环节 / segments feeding this one")
    feeds_to: list[str] = Field(description="下游环节 / segments this one feeds")
