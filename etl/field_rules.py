"""The normaliser of each enterprise field, and the rules every cell obeys before it.

Why here: which function checks which field is a table, read by both validators — the row path
(:func:`etl.validate.validate_fields`) and the column path (:mod:`etl.validate_columns`, which
checks the usual shapes by regex and sends any other value through :func:`checked`), so both use
the same normaliser for a field.

* :data:`SIMPLE_FIELDS`: stored as their normaliser gives them; :data:`AMOUNT_FIELDS`: money in
  万元 unless the header names a unit; :data:`OTHER_FIELDS`: the rest (name, status, capital,
  industry, location evidence, source), combined into stored fields by :mod:`etl.validate`.
* stock code and GB/T 4754 industry code: one code parser (:func:`_code`) with two patterns.

>>> SIMPLE_FIELDS["stock_code"](" 002126.sz ")
'002126.SZ'
>>> checked("=1+1", SIMPLE_FIELDS["address"])
Traceback (most recent call last):
...
ValueError: looks like a spreadsheet formula (starts with = + - @); refused as a possible formula-injection payload
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from etl.address import split_region
from etl.normalize import (check_formula, clean_text, display_name, halfwidth, normalize_credit_code, parse_bool,
                           parse_capital, parse_date, parse_int, split_list)
from etl.nlp.gb2260 import CITIES, PROVINCES
from etl.nlp.industry import code_unused, record_code
from etl.nlp.industry_cells import names as class_names
from etl.places import MUNICIPALITIES
from etl.text import chinese_punctuation
from ontology.firms import canonical_tag, parse_status

__all__ = ["RAW_MAX_CHARS", "INDUSTRY_LEVELS", "INDUSTRY_CODE_NOTE", "industry_cells", "SIMPLE_FIELDS", "AMOUNT_FIELDS", "OTHER_FIELDS", "checked", "region_path"]

RAW_MAX_CHARS = 20_000  # any cell longer than this is refused before parsing (e.g. a 10 MB field)
INDUSTRY_LEVELS = ("industry_l1", "industry_l2", "industry_l3", "industry_l4")  # 门类, 大类, 中类, 小类


def _code(pattern: str, problem: str) -> Callable[[str], str | None]:
    """A short code field (≤ 20 characters): upper-cased, spaces dropped, refused with ``problem``
    unless it matches ``pattern`` whole; blank: unknown."""
    shape = re.compile(pattern)

    def parse(value: str) -> str | None:
        text = clean_text(value, max_len=20)
        if text is None:
            return None
        text = text.upper().replace(" ", "")
        if not shape.fullmatch(text):
            raise ValueError(problem)
        return text

    return parse


_stock_code = _code(r"[A-Z0-9][A-Z0-9.]{0,19}", "not a stock code (letters, digits and '.', e.g. 002126.SZ)")
_industry_code = _code(r"[A-T](\d{2,4})?|\d{2,4}",
                       "not a GB/T 4754 industry code (a 门类 letter A–T and up to 4 digits, e.g. C3441)")


def _text(max_len: int) -> Callable[[str], str | None]:
    return lambda v: clean_text(v, max_len=max_len)


def full_province(v: str) -> str | None:
    """所属省份 by its full name: 天眼查 writes 浙江 / 江苏 where 企查查 and the listed-firm data write
    浙江省 / 江苏省, and one column of the firm list held both. A name that is not a province's short
    form stays as written.

    >>> full_province("浙江"), full_province("广西"), full_province("浙江省"), full_province("Zhejiang")
    ('浙江省', '广西壮族自治区', '浙江省', 'Zhejiang')
    """
    text = clean_text(v, max_len=50)
    return PROVINCES.get(text, text) if text else text


def full_city(v: str) -> str | None:
    """所属城市 by its full name (台州 → 台州市, 泰州 → 泰州市, 上海 → 上海市): a prefecture-level city
    (GB/T 2260) or a municipality written without 市; anything else (温岭市, 台州湾新区, Taizhou) as written.

    >>> full_city("台州"), full_city("泰州"), full_city("上海"), full_city("台州市"), full_city("温岭")
    ('台州市', '泰州市', '上海市', '台州市', '温岭')
    """
    text = clean_text(v, max_len=50)
    if text and (text in CITIES or text in MUNICIPALITIES):
        return text + "市"
    return text


def _list(v: str) -> list[str] | None:
    return split_list(v) or None


def _tags(v: str) -> list[str] | None:
    return list(dict.fromkeys(canonical_tag(t) for t in split_list(v))) or None


def _status(v: str) -> tuple[str, bool] | None:
    return None if clean_text(v, max_len=100) is None else parse_status(v)


def _industry_path(v: str) -> list[str] | None:
    """所属行业 as one name or a path (制造业>通用设备制造业, 制造业/通用设备制造业)."""
    parts = re.split(r"\s*(?:>|/|\||→|-{1,2}|—)\s*", halfwidth(v))
    return list(dict.fromkeys(p for p in (clean_text(x, max_len=100) for x in parts) if p)) or None


#: a 国标行业 written "CODE NAME" whose code the classifier cannot take (review 40 F1)
INDUSTRY_CODE_NOTE = ("国标行业的代码与名称或上级门类不符，未采用该代码，按行业名称归类 / "
                      "the 国标行业 code disagrees with its name or its section; the code is not used, the names are read")


def industry_cells(values: list[str]) -> tuple[list[str] | None, str | None, str | None]:
    """A record's 国标行业 levels (or 所属行业 path) → ``(names, code, note)``: the class names without a code written in
    front of them, the most specific such code as :func:`etl.nlp.industry.record_code` checks it (review 40 F1: ``C 制造业``,
    ``27 医药制造业`` … ``2720 化学药品制剂制造`` were kept as names no table knows, and the class was lost), and
    :data:`INDUSTRY_CODE_NOTE` when a code written in a cell was not taken (:func:`etl.nlp.industry.code_unused`).

    >>> industry_cells(["F 批发和零售业", "51 批发业"]), industry_cells(["制造业", "通用设备制造业"])
    ((['批发和零售业', '批发业'], 'F51', None), (['制造业', '通用设备制造业'], None, None))
    >>> industry_cells(["C2720"]), industry_cells(["3553 化学药品制剂制造"])[1:] == (None, INDUSTRY_CODE_NOTE)
    ((None, 'C2720', None), True)
    """
    code = record_code(None, values)
    note = INDUSTRY_CODE_NOTE if code_unused(values) else None
    return list(dict.fromkeys(class_names(values))) or None, code, note


def _coordinate(v: str, bound: float) -> float | None:
    """经度/纬度 in decimal degrees (blank: unknown)."""
    text = clean_text(v, max_len=30)
    if text is None:
        return None
    try:
        x = float(halfwidth(text))
    except ValueError:
        raise ValueError("not a coordinate in decimal degrees, e.g. 121.42") from None
    if not -bound <= x <= bound or x != x:
        raise ValueError(f"coordinate out of range ±{bound:g}")
    return x


#: a 15-digit 工商注册号, which 统一社会信用代码/注册号 columns hold for firms closed before the credit code:
#: not a credit code, not an error — the firm has no credit code
_REG_NO = re.compile(r"\d{15}")


def region_path(v: str) -> tuple[str | None, str | None, str | None] | None:
    """所属地区 as one path → (province, city, county) (:func:`etl.address.split_region`)."""
    text = clean_text(v, max_len=100)
    return None if text is None else split_region(text)


#: fields stored as their normaliser gives them (a field the record lacks is skipped)
SIMPLE_FIELDS: dict[str, Callable[[str], Any]] = {
    "credit_code": lambda v: None if clean_text(v, max_len=40) is None or _REG_NO.fullmatch(v.strip()) else normalize_credit_code(v),
    "stock_code": _stock_code,
    "province": full_province,
    "city": full_city,
    "address": _text(500),
    "employees": parse_int,
    "insured": parse_int,
    "founded": parse_date,
    "tags": _tags,
    "products": _list,
    "business_scope": lambda v: chinese_punctuation(clean_text(v, max_len=10_000)),  # as the licence writes it
    "industry_code": _industry_code,
    "lon": lambda v: _coordinate(v, 180.0),
    "lat": lambda v: _coordinate(v, 90.0),
}

#: money fields, in 万元 unless the column's header names another unit (``_unit.<field>``)
AMOUNT_FIELDS = ("revenue", "output")
_TEXT50, _TEXT100, _TEXT500 = _text(50), _text(100), _text(500)
#: the normalisers of the fields :func:`etl.validate.validate_fields` reads besides :data:`SIMPLE_FIELDS` and amounts
OTHER_FIELDS: dict[str, Callable[[str], Any]] = {
    "name": display_name, "status": _status, "registered_capital": parse_capital, "industry": _industry_path,
    "local": parse_bool, "county": _TEXT50, "mail_address": _TEXT500, "source": _TEXT500,
    **dict.fromkeys(INDUSTRY_LEVELS, _TEXT100)}


def checked(raw: str, fn: Callable[[str], Any]) -> Any:
    """One cell through its normaliser ``fn``, after the rules every cell obeys: at most
    :data:`RAW_MAX_CHARS` characters, no spreadsheet formula; ``ValueError`` says why not."""
    if len(raw) > RAW_MAX_CHARS:
        raise ValueError(f"too long ({len(raw)} characters)")
    check_formula(raw)
    return fn(raw)
