"""What a client sends: the service's input models with upper bounds, so absurd numbers are a 422, not
an overflow; a placement correction; a console query.

>>> AnalysisParamsIn.model_fields["w_output"].metadata
[Ge(ge=0), Le(le=1000000000000.0)]
>>> AnalysisParamsIn(w_output=1e13)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for AnalysisParamsIn
...
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import annotated_types
from pydantic import BaseModel, Field, create_model

from graph.analytics.params import AnalysisParams
from graph.analytics.whatif import NewEnterprise, Scenario

__all__ = ["OverrideIn", "AnalysisParamsIn", "NewEnterpriseIn", "ScenarioIn", "CypherQuery"]


class OverrideIn(BaseModel):
    """A placement correction (校正): confirm, add, remove, or move (with ``to``) a firm's segment link."""

    enterprise: str = Field(max_length=200, description="企业 id、统一社会信用代码或准确名称")
    segment: str = Field(max_length=200, description="环节 id")
    action: Literal["confirm", "add", "remove", "move"] = Field(description="确认 / 新增 / 移除 / 移动")
    to: str | None = Field(None, max_length=200, description="移动到的环节 id (move only)")
    who: str = Field(min_length=1, max_length=100, description="操作人")
    why: str = Field(min_length=1, max_length=500, description="理由 / evidence")


class ConfirmSuggestionIn(BaseModel):
    """Confirm one of an unplaced firm's current suggestions (stored as an ``add`` override)."""

    segment: str = Field(max_length=200, description="建议的环节 id / the suggested segment id")
    who: str = Field(min_length=1, max_length=100, description="操作人")

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
