"""What every route shares: the one error shape, a page of a list, health; the open base of analysis results.

>>> Page[int](total=3, limit=2, offset=0, items=[1, 2]).items
[1, 2]
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Open", "ErrorOut", "Page", "AnalysisPage", "WhyEmpty", "Health", "GapKind"]

T = TypeVar("T")
GapKind = Literal["missing", "unknown", "single_point", "weak", "present", "strong"]


class Open(BaseModel):
    """A response that passes on fields it does not declare (evidence maps, new evidence keys)."""

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


class WhyEmpty(BaseModel):
    """Why an analysis list is empty (chainkg.no_candidates): the sentence the UI shows, and its figures."""

    zh: str = Field(description="原因（中文，与界面一致）/ the reason in Chinese, as the page says it")
    en: str = Field(description="the reason in English")
    census: bool = Field(description="是否已有普查口径 / whether a census is declared for the cluster")
    basis: list[str] = Field(description="口径 / the basis labels of the clusters asked about")
    outside_firms: int = Field(description="已载入的外地在营企业 / operating outside firms loaded")
    outside_in_cluster: int = Field(description="其中归入该集群环节的 / of them, placed in the cluster's segments")


class AnalysisPage(Page[T], Generic[T]):
    """A page of an analysis list; an empty one says why (``reason``), as the page does."""

    reason: WhyEmpty | None = Field(None, description="为何为空 / why the list is empty (only when it is)")


class Health(BaseModel):
    status: str = Field(description="状态 / ok")
    store: str = Field(description="存储类型 / sqlite or neo4j")
