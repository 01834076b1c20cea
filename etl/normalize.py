"""Field normalisers: one raw spreadsheet string in, one clean value out, or ``ValueError(reason)``.

Why: every rule about what a cell may contain lives in this module and the two beside it, so
``etl.validate`` only decides which normaliser a field gets, and a rejected value carries a reason a
user can act on.

* credit codes — GB 32100-2015 (18 chars, charset without I O S V Z, weighted check char):
  :mod:`etl.credit_code`;
* text — NFKC (full-width → half-width), control characters and formula injection refused; names —
  a clean display name, and a matching key (:func:`name_key`) that ignores brackets, spaces and
  有限责任公司 vs 有限公司: :mod:`etl.text`;
* here: amounts → float 万元; registered capital → (万 of its currency, currency); head counts →
  int; dates → ISO; tags/products → list; yes/no → bool.

The credit-code and text rules are re-exported: thirty-odd modules and tests import them from here.

>>> credit_code_check_char("91331081MA2AAAAA1")
'0'
>>> normalize_credit_code("9133 1081 ma2aaaaa10")
'91331081MA2AAAAA10'
>>> parse_amount("1,234.5万元"), parse_amount("2亿元"), parse_amount("50000元")
(1234.5, 20000.0, 5.0)
>>> parse_capital("5000万元人民币"), parse_capital("200万美元"), parse_capital("-"), parse_capital("5000万元整")
((5000.0, '人民币'), (200.0, '美元'), None, (5000.0, '人民币'))
>>> parse_date("2019年12月4日"), parse_date("43803"), parse_date("2019-12-04T00:00:00.000Z")
('2019-12-04', '2019-12-04', '2019-12-04')
>>> split_list("专精特新；上市、小巨人")
['专精特新', '上市', '小巨人']
"""

from __future__ import annotations

import datetime as dt
import math
import re

from etl.credit_code import (CREDIT_CHARSET, CREDIT_WEIGHTS, credit_code_check_char, is_valid_credit_code,
                             normalize_credit_code)
from etl.text import (EMPTY_MARKERS, FORMULA_START, check_formula, clean_text, display_name, halfwidth, join_cjk,
                      name_key, safe_cell, strip_quotes)

__all__ = ["CREDIT_CHARSET", "CREDIT_WEIGHTS", "credit_code_check_char", "is_valid_credit_code",
           "normalize_credit_code", "halfwidth", "clean_text", "check_formula", "safe_cell", "FORMULA_START", "display_name", "name_key",
           "parse_amount", "parse_capital", "CURRENCIES", "parse_int", "parse_date", "split_list", "parse_bool",
           "EMPTY_MARKERS", "strip_quotes", "join_cjk"]

_SPACE_COMMA = re.compile(r"[\s,]")
_CAPITAL_NOISE = re.compile(r"[\s,()\[\]（）【】]")
_WHOLE = re.compile(r"\d+(\.0*)?")
_SERIAL = re.compile(r"(\d{1,5})(?:\.\d+)?")


_AMOUNT = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(元|万元|万|亿元|亿|千元|百万元|百万)?$", re.I)
_UNIT = {"元": 1e-4, "千元": 0.1, "万元": 1.0, "万": 1.0, "百万元": 100.0, "百万": 100.0, "亿元": 1e4, "亿": 1e4}


def parse_amount(value: str, *, default_unit: str = "万元") -> float | None:
    """Money → float 万元. A plain number is in ``default_unit`` (the column's convention)."""
    text = _SPACE_COMMA.sub("", halfwidth(value)).removeprefix("人民币").removeprefix("¥").removeprefix("RMB")
    if text.casefold() in EMPTY_MARKERS:
        return None
    m = _AMOUNT.match(text)
    if not m:
        raise ValueError("not an amount (expected a number, optionally with 元/万元/亿元)")
    number = float(m.group(1))
    if not math.isfinite(number):
        raise ValueError("not a finite amount")
    if number < 0:
        raise ValueError("negative amount")
    unit = m.group(2) or default_unit
    return round(number * _UNIT[unit], 6)


#: currency spellings → the name stored in ``capital_currency`` (a bare 元 is the yuan)
CURRENCIES: dict[str, str] = {
    "元": "人民币", "人民币": "人民币", "人民币元": "人民币", "rmb": "人民币", "cny": "人民币", "¥": "人民币",
    "美元": "美元", "美金": "美元", "usd": "美元", "$": "美元", "us$": "美元",
    "港元": "港元", "港币": "港元", "hkd": "港元", "欧元": "欧元", "eur": "欧元", "日元": "日元", "jpy": "日元",
    "英镑": "英镑", "gbp": "英镑", "澳元": "澳元", "加元": "加元", "加拿大元": "加元", "新加坡元": "新加坡元",
    "瑞士法郎": "瑞士法郎", "新台币": "新台币", "台币": "新台币", "韩元": "韩元", "澳门元": "澳门元",
}
_CAPITAL = re.compile(r"^(?P<pre>[^\d.]*?)(?P<num>\d+(?:\.\d+)?|\.\d+)(?P<mult>千万|百万|亿|万)?(?P<post>\D*)$")
_CAPITAL_MULT = {"亿": 1e4, "千万": 1e3, "百万": 100.0, "万": 1.0}
_CURRENCY_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}$")  # any currency written in Chinese is kept as written


def parse_capital(value: str, unit: str | None = None) -> tuple[float, str | None] | None:
    """注册资本 → ``(amount in 万 of its currency, currency)``; no conversion between currencies.

    ``5000万元人民币`` / ``3000万人民币`` / ``1,000万(元)`` → 人民币; ``200万美元``, ``50万港元``, ``100万欧元``
    keep their currency; a sum without 万/亿 is in units (``1000000元`` → 100 万); a plain number
    is in the ``unit`` its column's header names (``注册资本(元)``: 元), else already in 万, and its
    currency is not stated (``None``). ``-`` and empty mean no value.

    >>> parse_capital("1,000万(元)"), parse_capital("50万港元"), parse_capital("1.2亿元")
    ((1000.0, '人民币'), (50.0, '港元'), (12000.0, '人民币'))
    >>> parse_capital("120000000", unit="元"), parse_capital("120000000"), parse_capital("50万美元", unit="元")
    ((12000.0, None), (120000000.0, None), (50.0, '美元'))
    """
    text = _CAPITAL_NOISE.sub("", halfwidth(value)).casefold().removesuffix("整")  # 5000万元整
    if text in EMPTY_MARKERS:
        return None
    m = _CAPITAL.match(text)
    if not m:
        raise ValueError("not a registered capital (expected e.g. 5000万元人民币, 200万美元, 1.2亿元)")
    words = [w for w in (m.group("pre"), m.group("post")) if w]
    if len(words) == 2 and words[1] == "元":  # 人民币5000万元
        words = words[:1]
    word = words[0] if len(words) == 1 else ""
    if len(words) > 1 or (word and word not in CURRENCIES and not _CURRENCY_WORD.match(word)):
        raise ValueError("not a registered capital (expected e.g. 5000万元人民币, 200万美元, 1.2亿元)")
    if word.startswith("元") and len(word) > 1:  # 万元人民币, 万元港币
        word = word[1:]
    currency = CURRENCIES.get(word, word) if word else None
    number = float(m.group("num"))
    if not math.isfinite(number):
        raise ValueError("not a finite amount")
    mult = m.group("mult")
    amount = number * _CAPITAL_MULT[mult] if mult else (number / 1e4 if currency else number * _UNIT[unit or "万元"])
    return round(amount, 6), currency


def parse_int(value: str) -> int | None:
    """A head count such as ``1,200`` / ``1200人`` / ``1200.0`` → int."""
    text = _SPACE_COMMA.sub("", halfwidth(value)).removesuffix("人")
    if text.casefold() in EMPTY_MARKERS:
        return None
    if not _WHOLE.fullmatch(text):
        raise ValueError("not a whole non-negative number")
    number = float(text)
    if not math.isfinite(number):  # 309 digits or more: int() would raise OverflowError, a traceback
        raise ValueError("not a finite number")
    return int(number)


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 given Excel's 1900 leap-year bug (ok from 61)


def parse_date(value: str) -> str | None:
    """A date in a common Chinese/Excel spelling → ``YYYY-MM-DD``.

    Accepts 2019-12-04, 2019/12/4, 2019.12.04, 20191204, 2019年12月4日 and Excel serial numbers
    (``43803``). A bare 4-digit number from 1800 to 2100 is refused as a year without a date.
    """
    text = halfwidth(value).strip()
    if text.casefold() in EMPTY_MARKERS:
        return None
    m = _SERIAL.fullmatch(text)
    if m and len(m.group(1)) <= 5:
        serial = int(m.group(1))
        if 1800 <= serial <= 2100 and len(m.group(1)) == 4:
            raise ValueError("a year alone is not a date; write e.g. 2019-01-01")
        if serial < 1:
            raise ValueError("not a date")
        day = _EXCEL_EPOCH + dt.timedelta(days=serial)
    else:
        for pat in _DATE_PATTERNS:
            if (m := pat.match(text)):
                try:
                    day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError as e:
                    raise ValueError(f"not a real date: {e}") from None
                break
        else:
            raise ValueError("not a date (expected e.g. 2019-12-04, 2019年12月4日, 20191204)")
    if not 1800 <= day.year <= dt.date.today().year + 1:
        raise ValueError(f"implausible year {day.year}")
    return day.isoformat()


_LIST_SPLIT = re.compile(r"[;,、|]")


def split_list(value: str, *, max_item_len: int = 100) -> list[str]:
    """Split tags/products on ``; ； , ， 、 |``; trimmed, de-duplicated, order kept; items checked."""
    items = [clean_text(part, max_len=max_item_len) for part in _LIST_SPLIT.split(halfwidth(value))]
    return list(dict.fromkeys(i for i in items if i))


_TRUE = {"1", "true", "t", "y", "yes", "是", "本地", "对", "√"}
_FALSE = {"0", "false", "f", "n", "no", "否", "外地", "非本地", "×"}


def parse_bool(value: str) -> bool | None:
    """是/否, true/false, yes/no, 1/0, 本地/外地 → bool; empty → ``None``."""
    text = halfwidth(value).strip().casefold()
    if text in EMPTY_MARKERS - {"无"}:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("not a yes/no value (expected 是/否, true/false, 1/0)")
