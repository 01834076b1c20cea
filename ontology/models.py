"""Pydantic models of the ontology: what a cluster, segment, technology, enterprise is.

ETL validates into these, the store writes their ``props()``, the API uses them as response models.

>>> Segment(id="auto-nev", name="新能源汽车", cluster="auto", stage="下游", weight=0.2, source="x").level
1
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["Override", "Lead", "Dataset", "Cluster", "Segment", "Feeds", "Technology", "Enterprise", "County", "PolicyTarget", "Platform",
           "SLUG_RE"]

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

Stage = Literal["上游", "中游", "下游"]
#: whose firms a segment's are: the cluster's own makers, firms of other industries, or service and trade firms
FirmBase = Literal["cluster", "other_industries", "services"]
Status = Literal["自主可控", "部分依赖", "依赖进口", "国内空白"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)

    def props(self) -> dict:
        """Flat property map for the graph store (lists of scalars allowed, no nested maps)."""
        return self.model_dump(mode="json", exclude_none=True)


def _slug(v: str) -> str:
    if not SLUG_RE.match(v):
        raise ValueError(f"id {v!r} is not a readable slug (a-z, 0-9, '-')")
    return v


class Cluster(_Model):
    id: str = Field(description="集群 id / cluster slug, e.g. auto")
    name: str = Field(description="集群名称 / cluster name, e.g. 汽车")
    name_en: str = ""
    directions: list[str] = Field(default_factory=list, description="行动计划发展方向 / plan directions")
    source: str = Field(min_length=1, description="来源 / source clause")
    _v = field_validator("id")(_slug)


class Segment(_Model):
    id: str = Field(description="环节 id / segment slug")
    name: str = Field(description="环节名称 / segment name")
    name_en: str = ""
    cluster: str = Field(description="所属集群 id / cluster id")
    stage: Stage = Field(description="上游 / 中游 / 下游")
    parent: str | None = Field(default=None, description="上级环节 id / parent segment id")
    level: int = Field(default=1, description="层级 / level in the hierarchy (1 = top)")
    weight: float = Field(gt=0, le=1, description="权重 / value share or importance (0–1)")
    weight_reason: str = ""
    products: list[str] = Field(default_factory=list, description="典型产品 / typical products")
    keywords: list[str] = Field(default_factory=list, description="分类关键词 / classification keywords")
    negative_keywords: list[str] = Field(default_factory=list,
                                         description="排除词 / words that mean a firm is NOT in this segment")
    firm_base: FirmBase | None = Field(
        default=None, description="企业来源 / whose firms make it: cluster (本集群企业), other_industries (其他行业企业), "
                                  "services (服务与流通企业); unset: the parent's, else other_industries for 上游, "
                                  "cluster otherwise (graph.analytics.coverage.firm_base)")
    source: str = Field(min_length=1, description="来源 / source")
    _v = field_validator("id")(_slug)


class Feeds(_Model):
    source_id: str = Field(alias="from")
    target_id: str = Field(alias="to")
    reason: str = ""
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Technology(_Model):
    id: str = Field(description="技术 id / technology slug")
    name: str = Field(description="技术名称 / technology name")
    name_en: str = ""
    segments: list[str] = Field(min_length=1, description="需要该技术的环节 / segments that need it")
    status: Status = Field(description="国内状态 / domestic status")
    status_certain: bool = Field(default=False, description="状态是否有来源确认 / status stated by the source")
    chokepoint: bool = Field(default=False, description="卡脖子 / chokepoint flag")
    chokepoint_lists: list[str] = Field(default_factory=list)
    source: str = Field(min_length=1, description="来源 / source")
    note: str = ""
    _v = field_validator("id")(_slug)


class Enterprise(_Model):
    id: str = Field(description="企业 id: 统一社会信用代码, or sc-<stock code>, or nm-<hash>")
    name: str = Field(description="企业名称 / enterprise name")
    credit_code: str | None = Field(default=None, description="统一社会信用代码")
    stock_code: str | None = Field(default=None, description="股票代码 / stock code")
    county: str | None = Field(default=None, description="所属区县 / county (short name, e.g. 温岭)")
    city: str | None = None
    province: str | None = None
    address: str | None = Field(default=None, description="注册地址 / registered address")
    local: bool | None = Field(default=None, description="是否台州本地 / located in Taizhou (None: unknown)")
    local_basis: str | None = Field(default=None, description="本地判断依据 / what told local or outside: "
                                    "explicit, city, county, credit_code, address")
    status: str | None = Field(default=None, description="登记状态 as written, e.g. 存续, 吊销，未注销")
    active: bool | None = Field(default=None, description="仍在经营 / still operating (from status; None: not stated, "
                                "counted as operating)")
    leading: bool = Field(default=False, description="龙头企业 (ontology.firms.is_leading), derived")
    output: float | None = Field(default=None, description="工业总产值(万元) / output, 10k CNY")
    revenue: float | None = Field(default=None, description="营业收入(万元) / revenue, 10k CNY")
    employees: int | None = None
    founded: str | None = Field(default=None, description="成立日期 ISO date")
    registered_capital: float | None = Field(default=None, description="注册资本, 万 (in capital_currency)")
    capital_currency: str | None = Field(default=None, description="注册资本币种, e.g. 人民币, 美元")
    insured: int | None = Field(default=None, description="参保人数")
    industry: list[str] = Field(default_factory=list, description="国标行业 门类→小类 names (GB/T 4754)")
    industry_code: str | None = Field(default=None, description="国标行业代码, e.g. C3441")
    tags: list[str] = Field(default_factory=list, description="企业标签 / tags, e.g. 上市, 专精特新")
    products: list[str] = Field(default_factory=list, description="主营产品 / main products")
    business_scope: str | None = None
    lon: float | None = Field(default=None, ge=-180, le=180, description="经度 / longitude of the address (WGS-84-ish)")
    lat: float | None = Field(default=None, ge=-90, le=90, description="纬度 / latitude of the address")
    sources: list[str] = Field(min_length=1, description="来源 / sources of the record")


class County(_Model):
    id: str
    name: str
    short: str
    division_codes: list[str] = Field(default_factory=list, description="行政区划代码 (current first)")
    source: str = Field(min_length=1)


class Platform(_Model):
    id: str
    name: str
    county: str | None = None
    clause: str = Field(min_length=1)


class PolicyTarget(_Model):
    id: str
    name: str
    value: float = Field(description="目标值 (区间取下限) / the number; a range's low end")
    unit: str
    year: int = Field(description="目标年份; 现状值为其年份 / target year, or the year of a current value")
    clause: str = Field(min_length=1)
    qualifier: str | None = Field(default=None, description="限定词 以上/左右/不少于/力争/突破 … / qualifier as written")
    low: float | None = Field(default=None, description="区间下限 (1—2个 → 1) / range low end")
    high: float | None = Field(default=None, description="区间上限 (1—2个 → 2) / range high end")
    current: bool = Field(default=False, description="现状值而非目标 / a value that existed when the plan was written")


class Dataset(_Model):
    """One load's data scope (口径): what population the firms are, where, as of when, from where,
    and whether the file is a complete census of that population in that region."""

    id: str = Field(description="数据集 id")
    name: str = Field(min_length=1, description="数据集名称")
    population: str = Field(description="总体 / population: 全量登记企业, 规上工业企业, 上市公司, 名录, 样本/自填")
    region: str = Field(default="台州市", description="地域 / region the population covers")
    as_of: str | None = Field(default=None, description="截止日期 / as-of date (ISO)")
    source: str | None = Field(default=None, min_length=1, description="来源 / source (None: not given)")
    census: bool = Field(default=False, description="是否完整普查 / complete census of population in region")
    clusters: list[str] = Field(default_factory=list, description="census of these clusters' firm base (名录)")
    files: list[str] = Field(default_factory=list)
    firms: int = Field(default=0, description="企业数 / firms loaded from it")
    # what those firms are, so a 台州市 list of 122 firms is not read as 122 Taizhou firms (etl.dataset.composition)
    firms_local: int | None = Field(default=None, description="其中台州本地且在营 / local and operating")
    firms_outside: int | None = Field(default=None, description="其中外地（在营）/ outside Taizhou, operating")
    firms_inactive: int | None = Field(default=None, description="其中注销/吊销/迁出等 / no longer operating")
    firms_unknown: int | None = Field(default=None, description="其中地点未知（在营）/ location unknown, operating")


class Override(_Model):
    """A user's correction of a firm's placement: confirm, add (move to) or remove a segment link.

    Stored in the graph; every reload and every analysis respects it (etl.overrides)."""

    id: str
    enterprise: str = Field(description="企业 id")
    segment: str = Field(description="环节 id")
    action: Literal["confirm", "add", "remove"] = Field(description="确认 / 新增(移入) / 移除")
    who: str = Field(min_length=1, max_length=100, description="操作人")
    when: str = Field(description="时间 ISO 8601")
    why: str = Field(min_length=1, max_length=500, description="理由")


class Lead(_Model):
    """A 招商 lead: one candidate firm for one gap segment, moved through the pipeline
    线索 → 已接触 → 在谈 → 已签约 → 已落地 (or 放弃). Flat props; ``history`` holds one line per change,
    ``"<date time>｜<stage>｜<owner>｜<note>"`` (graph.analytics.pipeline). Survives every reload."""

    id: str
    enterprise: str = Field(description="企业 id")
    enterprise_name: str | None = Field(default=None, description="企业名称（建档时）")
    segment: str = Field(description="缺口环节 id")
    cluster: str | None = Field(default=None, description="集群 id")
    stage: Literal["线索", "已接触", "在谈", "已签约", "已落地", "放弃"] = Field(description="推进阶段")
    owner: str | None = Field(default=None, max_length=100, description="负责人")
    notes: str = Field(default="", max_length=2000, description="最新备注")
    created: str = Field(description="建档时间")
    updated: str = Field(description="最近更新时间")
    history: list[str] = Field(default_factory=list, description="推进记录: 时间｜阶段｜负责人｜备注")
