"""What every route shares: the one error shape, a page of a list, health; the open base of analysis results.

>>> Page[int](total=3, limit=2, offset=0, items=[1, 2]).items
[1, 2]
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Open", "ErrorOut", "Page", "Health", "GapKind"]

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


class Health(BaseModel):
    status: str = Field(description="状态 / ok")
    store: str = Field(description="存储类型 / sqlite or neo4j")
