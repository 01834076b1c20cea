"""Header aliases: which spreadsheet column headers mean which canonical field.

Why: the same column arrives as 企业名称, 公司名称, 名称 or ``name``; with full-width or half-width
brackets; with stray spaces. Readers map every header through :func:`canonical_field` so the rest
of the ETL only sees canonical names. The table is plain data (``ALIASES``) — add a spelling there.

Matching ignores case, spaces, ``_``/``-``, and full-width vs half-width forms (NFKC), so
``营业收入（万元）``, ``营业收入(万元)`` and ``营业收入 (万元)`` are the same header. An amount header
that names a unit other than the table's (``营业收入(元)``, ``工业总产值（亿元）``) still maps to the
field, and :func:`header_unit` returns the unit so a plain number is read in that unit.

>>> canonical_field("公司名称"), canonical_field(" Credit_Code "), canonical_field("营业收入（万元）")
('name', 'credit_code', 'revenue')
>>> canonical_field("营业收入(元)"), header_unit("营业收入(元)")
('revenue', '元')
>>> canonical_field("备注2") is None
True
>>> canonical_field("统一社会信用代码/注册号"), canonical_field("所属地区"), canonical_field("名称/地址") is None
('credit_code', 'region', True)

Registry exports (企查查/天眼查 style) map too: 登记状态 → ``status``, 所属省份 → ``province``,
注册资本 → ``registered_capital``, 参保人数 → ``insured``, the four 国标行业 levels →
``industry_l1`` … ``industry_l4`` (joined into ``industry`` by :mod:`etl.validate`).
通信地址 is its own field (``mail_address``) because exports carry it beside 注册地址.

>>> [canonical_field(h) for h in ("登记状态", "所属省份", "注册资本", "参保人数", "国标行业中类", "通信地址")]
['status', 'province', 'registered_capital', 'insured', 'industry_l3', 'mail_address']
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ALIASES", "AMOUNT_FIELDS", "UNIT_FIELDS", "header_key", "canonical_field", "header_unit"]

#: canonical field → accepted headers (any spelling variant of these matches, see module doc)
ALIASES: dict[str, tuple[str, ...]] = {
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "credit_code", "uscc", "unified social credit code"),
    "name": ("企业名称", "公司名称", "单位名称", "名称", "name", "enterprise", "company", "company name"),
    "county": ("所属区县", "区县", "县市区", "所在区县", "县(市、区)", "county", "district"),
    "city": ("所在城市", "城市", "所属城市", "所在地市", "所属地市", "city"),
    "province": ("所属省份", "省份", "所在省份", "省", "province"),
    "address": ("注册地址", "企业地址", "地址", "住所", "注册地", "address"),
    # one column holding the place as a path: 浙江省台州市温岭市, 浙江-台州-温岭 (etl.address.split_region)
    "region": ("所属地区", "所在地区", "地区", "所属区域", "所在区域", "注册地区", "所在地", "所属地", "省市区",
               "所在省市区", "region"),
    "mail_address": ("通信地址", "通讯地址", "联系地址", "最新年报地址", "mail_address"),
    "business_scope": ("经营范围", "business_scope", "business scope"),
    "products": ("主营产品", "主要产品", "产品", "products", "product"),
    "segment": ("所属环节", "产业链环节", "环节", "segment", "segments"),
    "revenue": ("营业收入(万元)", "营业收入", "营收", "revenue"),
    "output": ("工业总产值(万元)", "工业总产值", "总产值", "产值", "output"),
    "employees": ("从业人员", "从业人数", "员工人数", "职工人数", "employees"),
    "founded": ("成立日期", "成立时间", "注册日期", "founded", "establishment date", "date of establishment"),
    "tags": ("企业标签", "标签", "tags"),
    "registered_capital": ("注册资本", "注册资金", "注册资本(万元)", "注册资本(万)", "registered_capital",
                           "registered capital"),
    "insured": ("参保人数", "社保人数", "社保缴纳人数", "insured"),
    "industry": ("所属行业", "行业", "industry"),
    "industry_l1": ("国标行业门类", "行业门类", "国民经济行业门类", "industry_l1"),
    "industry_l2": ("国标行业大类", "行业大类", "国民经济行业大类", "industry_l2"),
    "industry_l3": ("国标行业中类", "行业中类", "国民经济行业中类", "industry_l3"),
    "industry_l4": ("国标行业小类", "行业小类", "国民经济行业小类", "industry_l4"),
    "industry_code": ("国标行业代码", "行业代码", "国民经济行业代码", "industry_code"),
    "stock_code": ("股票代码", "证券代码", "stock_code"),
    "local": ("是否本地", "本地", "local"),
    "lon": ("经度", "lon", "lng", "longitude"),
    "lat": ("纬度", "lat", "latitude"),
    "source": ("来源", "数据来源", "source"),
    "technology": ("技术名称", "关键技术", "technology"),
    "technology_id": ("技术id", "技术编号", "technology_id", "tech_id"),
    "name_en": ("英文名称", "name_en"),
    # one field, two meanings by file kind: a technology's 国内状态, an enterprise's 登记状态
    "status": ("国内状态", "技术状态", "登记状态", "经营状态", "企业状态", "status", "registration status",
               "operating status"),
    "status_certain": ("状态已确认", "状态是否确认", "status_certain"),
    "chokepoint": ("是否卡脖子", "卡脖子", "chokepoint"),
    "chokepoint_lists": ("卡脖子清单", "chokepoint_lists"),
    "note": ("备注", "说明", "note"),
    "supplier": ("供应商", "供应商名称", "supplier"),
    "supplier_code": ("供应商信用代码", "供应商统一社会信用代码", "supplier_code"),
    "customer": ("客户", "客户名称", "customer"),
    "customer_code": ("客户信用代码", "客户统一社会信用代码", "customer_code"),
}

#: fields holding money amounts (万元 by convention; a unit in the header overrides it)
AMOUNT_FIELDS = frozenset({"revenue", "output"})
#: fields whose header may name the unit of a plain number: the amounts and 注册资本 (``注册资本(元)``)
UNIT_FIELDS = AMOUNT_FIELDS | {"registered_capital"}

_UNIT_RE = re.compile(r"^(.*?)\((元|万元|亿元|千元|百万元)\)$")
_DROP = re.compile(r"[\s_\-]+")


def header_key(header: str) -> str:
    """Comparison key for a header: NFKC (full→half width), case-folded, no spaces/``_``/``-``."""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(header))).casefold()


_INDEX: dict[str, str] = {header_key(a): field for field, names in ALIASES.items() for a in names}


def canonical_field(header: str) -> str | None:
    """The canonical field a header means, or ``None`` for an unknown column."""
    key = header_key(header)
    if key in _INDEX:
        return _INDEX[key]
    m = _UNIT_RE.match(key)
    if m and _INDEX.get(m.group(1)) in UNIT_FIELDS:
        return _INDEX[m.group(1)]
    if "/" in key:  # 统一社会信用代码/注册号: the field its first name means, unless another name means another
        fields = {_INDEX.get(part) for part in key.split("/")} - {None}
        first = _INDEX.get(key.split("/")[0])
        if first and fields == {first}:
            return first
    return None


def header_unit(header: str) -> str | None:
    """The money unit an amount or 注册资本 header names (``营业收入(元)``, ``注册资本（元）`` → ``元``), else ``None``.

    >>> canonical_field("注册资本（元）"), header_unit("注册资本（元）"), header_unit("注册资本")
    ('registered_capital', '元', None)
    """
    m = _UNIT_RE.match(header_key(header))
    if m and _INDEX.get(m.group(1)) in UNIT_FIELDS:
        return m.group(2)
    return None
