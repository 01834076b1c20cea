"""Enterprises: as stored, and a firm's profile with its segments, technologies, suppliers and customers."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ontology.models import Enterprise

__all__ = ["EnterpriseOut", "EnterpriseDetail"]


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
