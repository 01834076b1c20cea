"""Analysis results: a segment's verdict (补链/强链), chokepoint technologies, priority projects with
揭榜挂帅 candidates, 招商 targets per gap, a what-if's before and after."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from api.schemas.common import GapKind, Open

__all__ = ["GapCounts", "Gap", "ProjectCandidate", "Chokepoint", "Project", "TargetCandidate", "TargetGroup",
           "WhatIfResult"]


class GapCounts(BaseModel):
    missing: int = Field(description="缺失环节数 / no local firm in a census of the firm base")
    unknown: int = Field(0, description="未发现环节数 / no local firm in the loaded data, which cannot show absence")
    single_point: int = Field(description="单点依赖环节数 / segments depending on one firm")
    weak: int = Field(description="薄弱环节数 / weak segments")
    present: int = Field(0, description="已有环节数 / local firms exist; the 口径 cannot judge strength")
    strong: int = Field(description="较强环节数 / strong segments")



class Gap(Open):
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
    basis: dict[str, Any] = Field(description=(
        "口径 / what the verdict rests on: the cluster's basis, with adequate for this segment and outside_list — "
        "other_industries / services when the cluster's census is a list of its own firms (scope cluster) that "
        "cannot hold this segment's firms, so it reads 未发现 or 已有, never 缺失 (null otherwise)"))
    coverage: dict[str, Any] = Field(description="覆盖 / datasets, firms known, firms with output, as-of, outside_list")
    action: dict[str, Any] | None = Field(None, description="待办 / the data to collect when the verdict is unknown")
    strength: float = Field(description="强度 0–1 / strength score")
    score: float = Field(description="补链优先级 0–100 / gap priority on 0–100 (higher = more urgent)")
    evidence: dict[str, Any] = Field(description="证据 / every figure behind the verdict")


class ProjectCandidate(Open):
    enterprise_id: str = Field(description="企业 id")
    name: str = Field(description="企业名称")
    county: str | None = Field(default=None, description="区县 / county")
    holds: bool = Field(description="已掌握该技术 / already holds the technology")
    reasons: list[str] = Field(description="推荐理由 / reasons")


class Chokepoint(Open):
    """A key technology ranked as a chokepoint (卡脖子)."""

    technology_id: str = Field(description="技术 id")
    technology: str = Field(description="技术名称 / technology name")
    status: str = Field(description="国内状态 / domestic status")
    status_certain: bool = Field(description="状态有来源确认 / status confirmed by a source")
    chokepoint: bool = Field(description="列入卡脖子清单 / on a national chokepoint list")
    score: float = Field(description="得分 0–100 / score on 0–100 = severity × reach × capability gap × 100")
    parts: dict[str, float] = Field(description="得分构成，各 0–1 / score parts on 0–1: severity, reach, capability_gap")
    clusters: list[str]
    segments: list[str] = Field(description="需要该技术的环节 / segments that need it")
    downstream_segments: list[str] = Field(description="受影响的下游环节 / downstream segments affected")
    local_holders: list[str] = Field(description="本地掌握企业 / local firms holding it")
    evidence: dict[str, Any] = Field(description="证据 / evidence")
    candidates: list[ProjectCandidate] = Field(description="揭榜挂帅候选 / candidate firms")


class Project(Open):
    """A priority technology project (重点技术攻关项目) with 揭榜挂帅 candidates."""

    rank: int = Field(description="排名 / rank (1 = most urgent)")
    project: str = Field(description="项目名称 / project name")
    technology_id: str
    technology: str = Field(description="技术名称 / technology")
    clusters: list[str] = Field(description="涉及集群 / clusters")
    segments: list[str] = Field(description="涉及环节 / segments")
    score: float = Field(description="优先级得分 0–100 = 严重度 × 影响面 × 能力缺口 × 100 / priority score on 0–100")
    parts: dict[str, float] = Field(description="得分构成，各 0–1 / score parts on 0–1: severity, reach, capability_gap")
    candidates: list[ProjectCandidate] = Field(description="揭榜挂帅候选企业 / candidate firms to lead it")


class TargetCandidate(Open):
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


class TargetGroup(Open):
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
