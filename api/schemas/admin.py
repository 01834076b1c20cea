"""What the admin routes answer: a load's report with its quarantine, stored overrides, a Cypher console result."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from api.schemas.common import Open

__all__ = ["OverrideOut", "QuarantineRow", "ImportReport", "CypherResult"]


class OverrideOut(Open):
    """A stored override."""

    id: str
    enterprise: str
    enterprise_name: str | None = None
    segment: str
    action: str
    who: str
    when: str
    why: str



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


class CypherResult(BaseModel):
    rows: list[dict[str, Any]] = Field(description="结果行 / result rows")
    row_count: int = Field(description="返回行数 / rows returned")
    truncated: bool = Field(description="是否因行数上限截断 / cut at the row cap")
    row_cap: int = Field(description="行数上限 / the row cap")
