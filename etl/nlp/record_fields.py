"""The fields of a raw firm record the classifier reads, under the names exports use.

What: the keys that hold the 经营范围 (``SCOPE_KEYS``), the products, an explicit segment, the 国标行业 names,
code and levels; :func:`get` (the first non-empty of some keys), :func:`industry` (code and names of a record),
:func:`lookup_segment` (an explicit segment id or name → its id), ``NO_SEGMENT`` (七链外 markers).

Why: registry exports, listed-firm data and hand-written CSVs name the same field differently (经营范围,
business_scope, scope); the loader's intake and the classifier must read the same keys.
"""

from __future__ import annotations

import re

from ontology.errors import InputError
from etl.nlp.vocab import normalize

__all__ = ["SCOPE_KEYS", "PRODUCT_KEYS", "SEGMENT_KEYS", "NAME_KEYS", "NAME_TRADE_KEY", "INDUSTRY_KEYS", "INDUSTRY_CODE_KEYS", "INDUSTRY_LEVEL_KEYS",
           "SPLIT_RE", "SEGMENT_KEY_SET", "INDUSTRY_KEY_SET", "NO_SEGMENT", "get", "industry", "lookup_segment"]

SCOPE_KEYS = ("business_scope", "scope", "经营范围", "text_scope")
PRODUCT_KEYS = ("products", "main_products", "主营产品", "product")
SEGMENT_KEYS = ("segment", "segments", "环节")
NAME_KEYS = ("name", "企业名称", "公司名称", "名称")
#: what the classifier reads of the firm name (:func:`etl.nlp.firm_name.name_item`), set by the loader on a record without
#: products
NAME_TRADE_KEY = "_name_trade"
INDUSTRY_KEYS = ("industry", "国标行业", "所属行业")
INDUSTRY_CODE_KEYS = ("industry_code", "国标行业代码", "行业代码")
INDUSTRY_LEVEL_KEYS = ("industry_l1", "industry_l2", "industry_l3", "industry_l4")
SPLIT_RE = re.compile(r"[;,、/|,;\s]+")
# a record without any of these keys skips their lookups (most records carry neither)
SEGMENT_KEY_SET = frozenset(SEGMENT_KEYS)
INDUSTRY_KEY_SET = frozenset(INDUSTRY_KEYS + INDUSTRY_CODE_KEYS + INDUSTRY_LEVEL_KEYS)


def industry(record: dict):
    """``(国标行业 code, names)`` of a record: the names, else its ``industry_l1`` … ``industry_l4`` levels."""
    code = get(record, INDUSTRY_CODE_KEYS)
    names = get(record, INDUSTRY_KEYS)
    if names is None:
        levels = [record.get(k) for k in INDUSTRY_LEVEL_KEYS if record.get(k)]
        names = levels or None
    return code, names


def lookup_segment(value: str, ontology) -> str:
    """The id of an explicit segment given by id or name; :class:`~ontology.errors.InputError` if none."""
    segs = ontology.segments
    if value in segs:
        return value
    norm = normalize(value)
    for s in segs.values():
        if norm in (s.name, normalize(s.name)):
            return s.id
    raise InputError(f"unknown segment {value!r} (not a segment id or name)", field="segment")


def get(record: dict, keys):
    """The first non-empty value of ``keys`` in ``record``, or ``None``."""
    get = record.get
    for k in keys:
        v = get(k)
        if v is not None and v != "" and v != []:
            return v
    return None


#: a 所属环节 cell saying "in none of our chains" (the classifier must not guess then)
NO_SEGMENT = frozenset({"七链外", "链外", "无对应环节", "none"})
