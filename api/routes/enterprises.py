"""Enterprises (企业) and technologies (关键技术): filtered, paged, CSV-exportable lists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.deps import KG
from api.http import CSV_RESPONSE, ERRORS, Paging, listing, paging, want_csv
from api.schemas.admin import OverrideOut
from api.schemas.common import Page
from api.schemas.enterprises import EnterpriseDetail, EnterpriseOut, Suggestions
from ontology.models import Technology

router = APIRouter(tags=["enterprises 企业与技术"], responses=ERRORS)

Filter = Annotated[str | None, Query(max_length=200)]


@router.get("/enterprises", response_model=Page[EnterpriseOut], responses=CSV_RESPONSE)
def list_enterprises(kg: KG, page: Annotated[Paging, Depends(paging)],
                     as_csv: Annotated[bool, Depends(want_csv)],
                     cluster: Annotated[str | None, Query(max_length=100, description="集群 id / cluster id")] = None,
                     segment: Annotated[str | None, Query(max_length=200, description="环节 id (含下级) / segment id")] = None,
                     county: Annotated[str | None, Query(max_length=100, description="区县 / county, e.g. 温岭")] = None,
                     tag: Annotated[str | None, Query(max_length=100, description="标签 / tag, e.g. 上市")] = None,
                     q: Annotated[str | None, Query(max_length=200, description="名称/产品关键词 / text query")] = None,
                     local: Annotated[bool | None, Query(description="仅本地(true)/仅外地(false) / local only")] = None,
                     unplaced: Annotated[bool, Query(description="仅未归入环节的企业（给了集群时：未归入该集群任何环节）/ "
                                                             "only firms placed in no segment (with cluster: in none of "
                                                             "its segments)")] = False,
                     dataset: Annotated[str | None, Query(max_length=100, description="数据集 id（名录）/ dataset id, "
                                                          "e.g. a census")] = None):
    """Enterprises matching every given filter (``q``: name, id, products or business scope;
    ``unplaced``: linked to no segment, or with ``cluster`` to none of that cluster's segments; ``dataset``:
    loaded in that dataset — ``cluster`` + ``dataset`` + ``unplaced`` + ``local=true`` lists a cluster census's
    firms its verdicts could not count), local operating firms first, then by what is known — leading
    tag, output (revenue), listed, employees, registered capital (RMB), largest first, a figure not known after
    the known ones (ontology.firms.RANK_ORDER); paged (limit ≤ 500) with
    the total."""
    total, rows = kg.enterprises(cluster=cluster, segment=segment, county=county, tag=tag, q=q, local=local,
                                 unplaced=unplaced, dataset=dataset, limit=page.limit, offset=page.offset)
    return listing(rows, page, as_csv, "enterprises", EnterpriseOut, total=total, paged=True)


@router.get("/overrides", response_model=list[OverrideOut])
def list_overrides(kg: KG):
    """Every placement correction (校正): firm, segment, action, who, when, why."""
    return kg.overrides()


@router.get("/enterprises/{enterprise_id}", response_model=EnterpriseDetail)
def get_enterprise(enterprise_id: Annotated[str, Path(max_length=200,
                                                      description="企业 id 或统一社会信用代码 / id or credit code")],
                   kg: KG):
    """One enterprise, by id or 统一社会信用代码, with segments, technologies, suppliers and customers."""
    return kg.enterprise_detail(enterprise_id)


@router.get("/enterprises/{enterprise_id}/suggestions", response_model=Suggestions)
def get_suggestions(enterprise_id: Annotated[str, Path(max_length=200,
                                                       description="企业 id 或统一社会信用代码 / id or credit code")],
                    kg: KG):
    """An unplaced firm's best candidates under the placement threshold (at most 3, down to the
    floor): suggestions, **not counted in any verdict**; none for a placed firm or one a person
    removed a link from. Confirm one with ``POST …/suggestions/confirm`` (token)."""
    return kg.suggestions(enterprise_id)


@router.get("/technologies", response_model=Page[Technology], responses=CSV_RESPONSE)
def list_technologies(kg: KG, page: Annotated[Paging, Depends(paging)],
                      as_csv: Annotated[bool, Depends(want_csv)],
                      chokepoint: Annotated[bool | None, Query(description="仅卡脖子技术 / chokepoint flag")] = None):
    """Key technologies of the chains, ordered by id; ``chokepoint=true`` lists the 卡脖子 ones."""
    return listing(kg.technologies(chokepoint=chokepoint), page, as_csv, "technologies", Technology)
