"""Response models of the HTTP API, derived from :mod:`ontology.models` where the shapes match.

Why explicit models: they document every field (中文 / English) in ``/docs``, they let
schemathesis check responses against the OpenAPI schema, and they filter what leaves the server.
Analysis results keep ``extra="allow"``: their evidence maps carry every number behind a verdict,
and new evidence keys should reach clients without an API change.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

import annotated_types
from pydantic import BaseModel, ConfigDict, Field, create_model

from graph.analytics.params import AnalysisParams
from graph.analytics.whatif import NewEnterprise, Scenario

from ontology.models import Cluster, Enterprise, Feeds, PolicyTarget, Segment, Technology

__all__ = ["ErrorOut", "Page", "ClusterSummary", "ClusterDetail", "SegmentDetail", "EnterpriseOut",
           "EnterpriseDetail", "Technology", "Gap", "Basis", "DatasetOut", "OverrideIn", "OverrideOut", "Chokepoint", "Project", "TargetGroup", "WhatIfResult",
           "Neighbourhood", "GraphExport", "Stats", "AnalysisParamsIn", "ScenarioIn", "ImportReport", "CypherResult", "CypherQuery", "PolicyTarget", "Health"]

T = TypeVar("T")
GapKind = Literal["missing", "unknown", "single_point", "weak", "present", "strong"]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorOut(BaseModel):
    """The one error shape of every 4xx/5xx response."""

    code: str = Field(description="错误代码 / machine-readable error code, e.g. not_found")
    message: str = Field(description="错误说明 / human-readable message")
    details: dict[str, Any] = Field(default_factory=dict, description="细节 / details (field, entry, errors…)")


class Page(BaseModel, Generic[T]):
    """One page of a list, in a stable order, with the total before paging."""

    total: int = Field(description="总数 / items matching the filters, before paging")
    limit: int = Field(description="每页条数 / page size (max 500)")
    offset: int = Field(description="偏移 / items skipped")
    items: list[T] = Field(description="本页条目 / the items of this page")


class Health(BaseModel):
    status: str = Field(description="状态 / ok")
    store: str = Field(description="存储类型 / sqlite or neo4j")


class GapCounts(BaseModel):
    missing: int = Field(description="缺失环节数 / no local firm in a census of the firm base")
    unknown: int = Field(0, description="未发现环节数 / no local firm in the loaded data, which cannot show absence")
    single_point: int = Field(description="单点依赖环节数 / segments depending on one firm")
    weak: int = Field(description="薄弱环节数 / weak segments")
    present: int = Field(0, description="已有环节数 / local firms exist; the 口径 cannot judge strength")
    strong: int = Field(description="较强环节数 / strong segments")


class Basis(_Open):
    """口径: what the verdicts of a cluster rest on."""

    adequate: bool = Field(description="是否有覆盖产业链企业的普查 / a census of the chain's firm base is loaded")
    population: str | None = Field(description="总体 / population, e.g. 上市公司, 规上工业企业")
    label: str = Field(description="口径, e.g. 上市公司口径")
    datasets: list[dict[str, Any]] = Field(description="数据集 / datasets behind the verdicts")
    as_of: str | None = Field(description="截止日期 / as-of date")


class OverrideIn(BaseModel):
    """A placement correction (校正): confirm, add, remove, or move (with ``to``) a firm's segment link."""

    enterprise: str = Field(max_length=200, description="企业 id、统一社会信用代码或准确名称")
    segment: str = Field(max_length=200, description="环节 id")
    action: Literal["confirm", "add", "remove", "move"] = Field(description="确认 / 新增 / 移除 / 移动")
    to: str | None = Field(None, max_length=200, description="移动到的环节 id (move only)")
    who: str = Field(min_length=1, max_length=100, description="操作人")
    why: str = Field(min_length=1, max_length=500, description="理由 / evidence")


class OverrideOut(_Open):
    """A stored override."""

    id: str
    enterprise: str
    enterprise_name: str | None = None
    segment: str
    action: str
    who: str
    when: str
    why: str


class DatasetOut(_Open):
    """A loaded dataset (数据集) and its 口径."""

    id: str
    name: str
    population: str = Field(description="总体 / population")
    region: str | None = None
    as_of: str | None = None
    source: str
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


class EnterpriseOut(Enterprise):
    """An enterprise as stored (企业)."""

    model_config = ConfigDict(extra="ignore")
    sources: list[str] = Field(default_factory=list, description="来源 / sources of the record")


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


class EnterpriseDetail(BaseModel):
    enterprise: EnterpriseOut
    segments: list[dict[str, Any]] = Field(description="所属环节及依据 / segments with link evidence")
    technologies: list[str] = Field(description="掌握的技术 id / technologies held")
    suppliers: list[str] = Field(description="供应商 id / supplier ids")
    customers: list[str] = Field(description="客户 id / customer ids")


class Gap(_Open):
    """One segment's verdict (补链/强链): kind, strength and the evidence behind them."""

    cluster: str = Field(description="集群 id / cluster id")
    segment_id: str = Field(description="环节 id / segment id")
    segment: str = Field(description="环节名称 / segment name")
    stage: str = Field(description="上游/中游/下游")
    level: int = Field(description="层级 / level")
    kind: GapKind = Field(description="类别 / missing 缺失, unknown 未发现, single_point 单点依赖, weak 薄弱, "
                                      "present 已有, strong 较强")
    kind_zh: str = Field(description="类别(中文)")
    verdict: str = Field(description="结论(含口径) / verdict with its 口径, e.g. 缺失（规上口径）")
    basis: dict[str, Any] = Field(description="口径 / what the verdict rests on")
    coverage: dict[str, Any] = Field(description="覆盖 / datasets, firms known, firms with output, as-of")
    action: dict[str, Any] | None = Field(None, description="待办 / the data to collect when the verdict is unknown")
    strength: float = Field(description="强度 0–1 / strength score")
    score: float = Field(description="补链优先级 / gap priority (higher = more urgent)")
    evidence: dict[str, Any] = Field(description="证据 / every figure behind the verdict")


class ProjectCandidate(_Open):
    enterprise_id: str = Field(description="企业 id")
    name: str = Field(description="企业名称")
    county: str | None = Field(default=None, description="区县 / county")
    holds: bool = Field(description="已掌握该技术 / already holds the technology")
    reasons: list[str] = Field(description="推荐理由 / reasons")


class Chokepoint(_Open):
    """A key technology ranked as a chokepoint (卡脖子)."""

    technology_id: str = Field(description="技术 id")
    technology: str = Field(description="技术名称 / technology name")
    status: str = Field(description="国内状态 / domestic status")
    status_certain: bool = Field(description="状态有来源确认 / status confirmed by a source")
    chokepoint: bool = Field(description="列入卡脖子清单 / on a national chokepoint list")
    score: float = Field(description="得分 / score = severity × reach × capability gap × 100")
    parts: dict[str, float] = Field(description="得分构成 / score parts")
    clusters: list[str]
    segments: list[str] = Field(description="需要该技术的环节 / segments that need it")
    downstream_segments: list[str] = Field(description="受影响的下游环节 / downstream segments affected")
    local_holders: list[str] = Field(description="本地掌握企业 / local firms holding it")
    evidence: dict[str, Any] = Field(description="证据 / evidence")
    candidates: list[ProjectCandidate] = Field(description="揭榜挂帅候选 / candidate firms")


class Project(_Open):
    """A priority technology project (重点技术攻关项目) with 揭榜挂帅 candidates."""

    rank: int = Field(description="排名 / rank (1 = most urgent)")
    project: str = Field(description="项目名称 / project name")
    technology_id: str
    technology: str = Field(description="技术名称 / technology")
    clusters: list[str] = Field(description="涉及集群 / clusters")
    segments: list[str] = Field(description="涉及环节 / segments")
    score: float = Field(description="优先级得分 / priority score")
    parts: dict[str, float] = Field(description="得分构成 / score parts: severity, reach, capability_gap")
    candidates: list[ProjectCandidate] = Field(description="揭榜挂帅候选企业 / candidate firms to lead it")


class TargetCandidate(_Open):
    enterprise_id: str = Field(description="企业 id")
    name: str = Field(description="企业名称")
    city: str | None = Field(default=None, description="所在城市 / city")
    rank: int = Field(description="排名 / rank in this gap, 1 = best; never tied (score, scale, distance, id)")
    score: int = Field(ge=0, le=100, description="招商得分 0–100 / candidate score (scale, relatedness, proximity)")
    parts: dict[str, float] = Field(description="得分构成 / score parts (unknown components are absent)")
    profile: dict[str, Any] = Field(default_factory=dict, description="企业名片 / profile card: name, city, address, "
                                    "scale, founded, listed code, products, why it fits (plain sentences), "
                                    "sources, other segments")
    reasons: list[str] = Field(description="理由 / reasons")
    sources: list[str] = Field(default_factory=list, description="来源 / sources")


class TargetGroup(_Open):
    """招商 candidates for one gap segment."""

    cluster: str
    segment_id: str = Field(description="缺口环节 id / gap segment id")
    segment: str = Field(description="环节名称")
    kind: GapKind = Field(description="缺口类别 / gap kind")
    candidates: list[TargetCandidate] = Field(description="招商候选 / candidate firms, best first")


class WhatIfResult(BaseModel):
    scenario: dict[str, Any] = Field(description="情景 / the scenario as understood")
    summary_before: GapCounts = Field(description="情景前 / gap counts before")
    summary_after: GapCounts = Field(description="情景后 / gap counts after")
    changes: list[dict[str, Any]] = Field(description="变化 / segments whose verdict or strength moved")
    gaps_after: list[Gap] = Field(description="情景后的环节判断 / gaps after the scenario")


class GraphNode(BaseModel):
    label: str = Field(description="节点类型 / node label")
    id: str
    props: dict[str, Any] = Field(description="属性 / properties")


class GraphRel(BaseModel):
    type: str = Field(description="关系类型 / relationship type")
    src: str
    dst: str


class Neighbourhood(BaseModel):
    nodes: list[GraphNode]
    rels: list[GraphRel]


class GraphRelFull(GraphRel):
    props: dict[str, Any] = Field(description="属性 / properties")


class GraphExport(BaseModel):
    """The whole graph, or one cluster's subgraph (JSON export)."""

    cluster: str | None = Field(description="集群 id, null = 整图 / cluster id, null for the whole graph")
    nodes: list[GraphNode]
    rels: list[GraphRelFull]


class Stats(BaseModel):
    nodes: dict[str, int] = Field(description="各类节点数 / nodes by label")
    relationships: dict[str, int] = Field(description="各类关系数 / relationships by type")
    checksum: str = Field(description="内容校验和 / content checksum (same content → same value on both stores)")
    store: str = Field(description="存储类型 / sqlite or neo4j")


class QuarantineRow(BaseModel):
    file: str = Field(description="文件")
    row: int | None = Field(description="行号 / row as seen in the spreadsheet")
    field: str = Field(description="字段")
    value: str = Field(description="值")
    reason: str = Field(description="原因")
    level: str = Field("error", description="级别 / error: row refused; warning: row loaded, check it")


class ImportReport(BaseModel):
    """The outcome of a load: what was written and which rows were quarantined (隔离)."""

    files: list[str]
    rows: int = Field(description="读入行数 / rows read")
    enterprises: int
    segment_links: int
    holdings: int
    supplies: int
    technologies: int
    written: int = Field(description="写入的节点与关系数 / nodes and relationships written")
    quarantined: list[QuarantineRow] = Field(description="隔离的行 / refused rows with reasons")
    datasets: list[dict[str, Any]] = Field(default_factory=list, description="数据集(口径) / datasets recorded")


# -- inputs: the service models with upper bounds, so absurd numbers are a 422, not an overflow ----------

_CAP = 1e12  # 万元 (1e16 CNY) for outputs; far above any real weight or threshold


def _bounded(model: type[BaseModel], name: str, doc: str) -> type[BaseModel]:
    """``model`` with an upper bound on every unbounded number field (same names, defaults, descriptions)."""
    fields: dict[str, Any] = {}
    for key, f in model.model_fields.items():
        bounded = any(hasattr(m, "le") or hasattr(m, "lt") for m in f.metadata)
        if f.annotation in (float, int, float | None) and not bounded:
            fields[key] = (Annotated[f.annotation, annotated_types.Le(_CAP)], f)
    return create_model(name, __base__=model, __doc__=doc, **fields)


AnalysisParamsIn = _bounded(AnalysisParams, "AnalysisParamsIn", AnalysisParams.__doc__ or "Analysis parameters.")
NewEnterpriseIn = _bounded(NewEnterprise, "NewEnterpriseIn", "A firm to add: an existing outside firm by id "
                                                            "(it becomes local), or a new one (新增企业).")


class ScenarioIn(Scenario):
    """情景 / a what-if scenario: firms removed or added, segments dropped."""

    remove_enterprises: list[str] = Field(default_factory=list, max_length=10_000,
                                          description="移除的本地企业 id / ids of local firms to remove")
    add_enterprises: list[NewEnterpriseIn] = Field(default_factory=list, max_length=1_000,  # type: ignore[valid-type]
                                                   description="新增企业 / firms to add")
    remove_segments: list[str] = Field(default_factory=list, max_length=1_000,
                                       description="移除的环节 id / segment ids to drop from the chain")


class CypherQuery(BaseModel):
    query: str = Field(min_length=1, max_length=20_000, description="只读 Cypher 查询 / a read-only Cypher query",
                       examples=["MATCH (c:Cluster) RETURN c.id AS id, c.name AS name ORDER BY id"])
    params: dict[str, Any] = Field(default_factory=dict, description="查询参数 / query parameters")


class CypherResult(BaseModel):
    rows: list[dict[str, Any]] = Field(description="结果行 / result rows")
    row_count: int = Field(description="返回行数 / rows returned")
    truncated: bool = Field(description="是否因行数上限截断 / cut at the row cap")
    row_cap: int = Field(description="行数上限 / the row cap")
