"""Policy target monitoring: actual values per indicator and year, and progress against the plan.

The targets are those of 台政办发〔2019〕58号 (``GET /policy-targets``); the actual figures come from
the store (bundled figures from ``etl/bundled/actuals.csv`` load with the bundled data; ``chainkg
actuals import`` adds more), each with its source — see docs/policy.md.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import KG
from api.http import CSV_RESPONSE, ERRORS, Paging, listing, paging, want_csv
from api.schemas.common import Page
from chainkg.actuals import actuals_template
from ontology.models import PolicyTarget

router = APIRouter(tags=["policy 行动计划"], responses=ERRORS)


class Actual(BaseModel):
    target_id: str = Field(description="目标 id (policy.yaml)")
    year: int = Field(description="年份 / year of the figure")
    value: float = Field(description="实际值 / actual value, in the target's unit")
    unit: str
    as_of: str | None = Field(default=None, description="数据日期 / date the figure refers to or was published")
    source: str = Field(description="来源 / where the figure is stated")
    note: str | None = None


class Progress(PolicyTarget):
    actual: float | None = Field(default=None, description="最新实际值 / latest actual figure")
    actual_year: int | None = None
    as_of: str | None = None
    source: str | None = Field(default=None, description="实际值来源 / source of the figure")
    note: str | None = None
    progress: float | None = Field(default=None, description="实际值 / 目标值 (区间取下限)")
    status: str = Field(description="achieved | reached_early | not_achieved | no_data | current")
    plan_ended: bool = Field(description="目标年份已过 / the target year is past")
    history: list[Actual] = Field(default_factory=list, description="全部年份的实际值 / every year's figure")


@router.get("/policy-progress", response_model=Page[Progress], responses=CSV_RESPONSE)
def policy_progress(kg: KG, page: Annotated[Paging, Depends(paging)],
                    as_csv: Annotated[bool, Depends(want_csv)]):
    """行动计划目标进展: each target with its latest actual figure (and source), progress and status —
    achieved / reached_early (only a figure before the target year reaches it) / not_achieved / no_data, or
    current for a value that is not a target."""
    return listing(kg.policy_progress(), page, as_csv, "policy-progress", Progress)


@router.get("/policy-actuals", response_model=Page[Actual], responses=CSV_RESPONSE)
def policy_actuals(kg: KG, page: Annotated[Paging, Depends(paging)],
                   as_csv: Annotated[bool, Depends(want_csv)]):
    """实际值: every actual figure per target and year, each with its source."""
    return listing(kg.actuals(), page, as_csv, "policy-actuals", Actual)


@router.get("/policy-actuals/template", response_class=Response,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "实际值模板 / the actuals CSV to fill in"}})
def policy_actuals_template(kg: KG):
    """A CSV with one row per target to fill in (value, as_of, source); import it with
    ``chainkg actuals import FILE``."""
    return Response(("\ufeff" + actuals_template(kg.onto)).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="policy-actuals-template.csv"'})
