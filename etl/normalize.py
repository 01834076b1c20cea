"""Field normalisers: one raw spreadsheet string in, one clean value out, or ``ValueError(reason)``.

Why: every rule about what a cell may contain lives here, so ``etl.validate`` only decides which
normaliser a field gets, and a rejected value carries a reason a user can act on.

* credit codes — GB 32100-2015 (18 chars, charset without I O S V Z, weighted check char);
* text — NFKC (full-width → half-width), control characters and formula injection refused;
* names — a clean display name, and a matching key (:func:`name_key`) that ignores brackets,
  spaces and 有限责任公司 vs 有限公司;
* amounts → float 万元; registered capital → (万 of its currency, currency); dates → ISO;
  tags/products → list; yes/no → bool.

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
import operator
import re
import unicodedata

__all__ = ["CREDIT_CHARSET", "CREDIT_WEIGHTS", "credit_code_check_char", "is_valid_credit_code",
           "normalize_credit_code", "halfwidth", "clean_text", "check_formula", "safe_cell", "FORMULA_START", "display_name", "name_key",
           "parse_amount", "parse_capital", "CURRENCIES", "parse_int", "parse_date", "split_list", "parse_bool",
           "EMPTY_MARKERS", "strip_quotes", "join_cjk"]

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUE = {c: i for i, c in enumerate(CREDIT_CHARSET)}
_CREDIT17 = re.compile(f"[{CREDIT_CHARSET}]{{17}}")
_CODE_GAPS = re.compile(r"[\s\-]")
#: cell contents that mean "no value" in Chinese spreadsheets
#: (registry exports write 未公示 / 不公示 where a firm did not disclose a figure)
EMPTY_MARKERS = frozenset({"", "-", "--", "—", "——", "/", "n/a", "na", "null", "none", "无", "暂无",
                           "未公示", "不公示", "未披露", "暂未公示", "暂无数据"})

_FORMULA = re.compile(r"^\s*(=|[+\-@]\s*[A-Za-z|(\"']|[+\-@].*\|)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
_NAME_NOISE = re.compile(r"[\s()\[\]【】〔〕<>《》\"'·.,]")
_SPACE_COMMA = re.compile(r"[\s,]")
_CAPITAL_NOISE = re.compile(r"[\s,()\[\]（）【】]")
_WHOLE = re.compile(r"\d+(\.0*)?")
_SERIAL = re.compile(r"(\d{1,5})(?:\.\d+)?")


def credit_code_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a credit code (GB 32100-2015 §4)."""
    if not _CREDIT17.fullmatch(first17):
        raise ValueError("need 17 characters from the credit-code charset")
    total = sum(map(operator.mul, map(_CREDIT_VALUE.__getitem__, first17), CREDIT_WEIGHTS))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """True when ``code`` is an exact, well-formed 18-character credit code."""
    try:
        return normalize_credit_code(code) == code
    except ValueError:
        return False


def normalize_credit_code(value: str) -> str:
    """Upper-case, half-width, spaces/hyphens removed, then checked; ``ValueError`` says why not."""
    code = _CODE_GAPS.sub("", halfwidth(value)).upper()
    if len(code) != 18:
        raise ValueError(f"credit code must be 18 characters, got {len(code)}")
    bad = [c for c in code if c not in _CREDIT_VALUE]
    if bad:
        raise ValueError(f"credit code contains invalid character(s) {''.join(dict.fromkeys(bad))!r} "
                         "(I, O, S, V, Z and symbols are not used)")
    if not code[2:8].isdigit():
        raise ValueError("credit code characters 3-8 must be a 6-digit administrative division code")
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise ValueError(f"credit code check character is {code[17]!r}, expected {expected!r}")
    return code


def halfwidth(value: str) -> str:
    """NFKC: full-width letters, digits, punctuation and spaces become their ASCII forms."""
    return value if value.isascii() else unicodedata.normalize("NFKC", value)  # ASCII is NFKC already


def check_formula(value: str) -> None:
    """Refuse spreadsheet formulas / DDE payloads (``=cmd|' /C calc'!A0``, ``@SUM(..)``, ``+A1``).

    Rule: starts with ``=``; or with ``+ - @`` followed by a letter, ``|``, ``(`` or a quote; or with
    ``+ - @`` and containing ``|`` (``-2+3+cmd|' /C calc'!A0``). Negative numbers and ``+86 …`` pass.
    """
    first = value[:1]
    if not first or (first.isalnum() and (first.isascii() or "\u4e00" <= first <= "\u9fff")):
        return  # an ASCII letter or digit, or a CJK ideograph, stays itself under NFKC: no formula
    if _FORMULA.match(halfwidth(value)):
        raise ValueError("looks like a spreadsheet formula (starts with = + - @); refused as a possible "
                         "formula-injection payload")


#: what a spreadsheet may read as the start of a formula (or a DDE payload) in a cell we write
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A text cell for a CSV or workbook we write: a leading apostrophe when the text starts like a
    formula (``= + - @``, tab, CR), so a spreadsheet shows it as text and never runs it. The one
    output rule (quarantine report, API CSV, every Excel export); :func:`check_formula` refuses on input.

    >>> safe_cell("=1+1"), safe_cell("-5"), safe_cell(None), safe_cell("台州")
    ("'=1+1", "'-5", '', '台州')
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def clean_text(value: str, *, max_len: int = 1000) -> str | None:
    """Half-width, trimmed, whitespace runs collapsed; ``None`` when empty; ``ValueError`` if unsafe."""
    if len(value) > max_len * 4:  # cheap early exit for multi-megabyte cells
        raise ValueError(f"too long ({len(value)} characters, at most {max_len})")
    text = _SPACE.sub(" ", halfwidth(value)).strip()
    if text.casefold() in EMPTY_MARKERS:
        return None
    if len(text) > max_len:
        raise ValueError(f"too long ({len(text)} characters, at most {max_len})")
    if _CONTROL.search(text):
        raise ValueError("contains control characters")
    check_formula(text)
    return text


_CJK = r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f（）]"
_CJK_GAP = re.compile(rf"(?<={_CJK})\s+(?={_CJK})")
_CJK_RE = re.compile(_CJK)


_QUOTES = re.compile(r"[“”\"'‘’]")


def strip_quotes(text: str) -> str:
    """Quotation marks (“” ‘’ " ') dropped: ``strip_quotes('“三个100”工程')`` → ``'三个100工程'``."""
    return _QUOTES.sub("", text)


def join_cjk(text: str) -> str:
    """Spaces between two Chinese characters dropped (a PDF line break inside a word), others kept:
    ``join_cjk("年均增速 达到 5 %")`` → ``'年均增速达到 5 %'``."""
    return _CJK_GAP.sub("", text)


def display_name(value: str, *, max_len: int = 200) -> str | None:
    """A clean display name: half-width letters/digits; in a Chinese name, Chinese brackets （）
    and no spaces between Chinese characters (``"台州 示例(集团) 有限公司"`` → ``"台州示例（集团）有限公司"``).
    A name without Chinese characters keeps its brackets and spaces."""
    text = clean_text(value, max_len=max_len)
    if text is None or not _CJK_RE.search(text):
        return text
    text = text.replace("(", "（").replace(")", "）")
    return join_cjk(text)


def name_key(name: str) -> str:
    """Matching key: no brackets or spaces, case-folded, 有限责任公司 → 有限公司.

    >>> name_key("示例企业（台州）有限责任公司") == name_key("示例企业(台州)有限公司")
    True
    """
    key = _NAME_NOISE.sub("", halfwidth(name)).casefold()
    return key.replace("有限责任公司", "有限公司")


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


def parse_capital(value: str) -> tuple[float, str | None] | None:
    """注册资本 → ``(amount in 万 of its currency, currency)``; no conversion between currencies.

    ``5000万元人民币`` / ``3000万人民币`` / ``1,000万(元)`` → 人民币; ``200万美元``, ``50万港元``, ``100万欧元``
    keep their currency; a sum without 万/亿 is in units (``1000000元`` → 100 万); a plain number
    is already in 万 and its currency is not stated (``None``). ``-`` and empty mean no value.

    >>> parse_capital("1,000万(元)"), parse_capital("50万港元"), parse_capital("1.2亿元")
    ((1000.0, '人民币'), (50.0, '港元'), (12000.0, '人民币'))
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
    amount = number * _CAPITAL_MULT[mult] if mult else (number / 1e4 if currency else number)
    return round(amount, 6), currency


def parse_int(value: str) -> int | None:
    """A head count such as ``1,200`` / ``1200人`` / ``1200.0`` → int."""
    text = _SPACE_COMMA.sub("", halfwidth(value)).removesuffix("人")
    if text.casefold() in EMPTY_MARKERS:
        return None
    if not _WHOLE.fullmatch(text):
        raise ValueError("not a whole non-negative number")
    return int(float(text))


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
