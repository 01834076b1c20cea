"""Enterprises: as stored, and a firm's profile with its segments, technologies, suppliers and customers."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ontology.models import Enterprise

__all__ = ["EnterpriseOut", "EnterpriseDetail", "Suggestion", "Suggestions"]


class EnterpriseOut(Enterprise):
    """An enterprise as stored (企业)."""

    model_config = ConfigDict(extra="ignore")
    sources: list[str] = Field(default_factory=list, description="来源 / sources of the record")



class EnterpriseDetail(BaseModel):
    enterprise: EnterpriseOut
    segments: list[dict[str, Any]] = Field(description="所属环节及依据 / segments with link evidence")
    technologies: list[str] = Field(description="掌握的技术 id / technologies held")
    suppliers: list[str] = Field(description="供应商 id / supplier ids")
    customers: list[str] = Field(description="客户 id / customer ids")


class Suggestion(BaseModel):
    segment_id: str = Field(description="环节 id")
    cluster: str = Field(description="集群 id")
    confidence: float = Field(description="分类器置信度（低于归入门槛）/ classifier confidence, below the placement threshold")
    matched_terms: list[str] = Field(description="命中的词 / matched words")


class Suggestions(BaseModel):
    """An unplaced firm's best candidates under the placement threshold: suggestions only, not counted
    in any verdict until a person confirms one (POST …/suggestions/confirm, token)."""

    enterprise: str = Field(description="企业 id")
    name: str | None = None
    state: str = Field(description="placed (已归入, 无建议) / removed (有人移除过归属, 无建议) / none (无候选) / suggested")
    floor: float = Field(description="最低显示置信度 / lowest confidence shown")
    link_min: float = Field(description="归入门槛 / placement threshold (LINK_MIN)")
    counted: bool = Field(description="always false: suggestions count in no verdict")
    suggestions: list[Suggestion] = Field(description="at most 3, best first")
