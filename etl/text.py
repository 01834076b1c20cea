"""Text cells: half-width, trimmed, safe — and firm names as shown and as matched.

Why its own module: every text field of a row passes these rules before its own (a credit code,
an amount, a date): NFKC (full-width → half-width), whitespace runs collapsed, the spreadsheet's
"no value" words (:data:`EMPTY_MARKERS`) read as empty, control characters and formula injection
refused on input (:func:`check_formula`) and neutralised on output (:func:`safe_cell`). Names get a
clean display form and a matching key (:func:`name_key`) that ignores brackets, spaces and
有限责任公司 vs 有限公司.

>>> clean_text("  示例　企业  "), clean_text("暂无"), display_name("台州 示例(集团) 有限公司")
('示例 企业', None, '台州示例（集团）有限公司')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["halfwidth", "clean_text", "check_formula", "safe_cell", "FORMULA_START", "display_name", "name_key",
           "EMPTY_MARKERS", "strip_quotes", "join_cjk", "chinese_punctuation"]

#: cell contents that mean "no value" in Chinese spreadsheets
#: (registry exports write 未公示 / 不公示 where a firm did not disclose a figure)
EMPTY_MARKERS = frozenset({"", "-", "--", "—", "——", "/", "n/a", "na", "null", "none", "无", "暂无",
                           "未公示", "不公示", "未披露", "暂未公示", "暂无数据"})

_FORMULA = re.compile(r"^\s*(=|[+\-@]\s*[A-Za-z|(\"']|[+\-@].*\|)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
_NAME_NOISE = re.compile(r"[\s()\[\]【】〔〕<>《》\"'·.,]")


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


#: ASCII punctuation NFKC made of Chinese punctuation, back to the full-width form Chinese text is written in
_CN_PAIRS = ((":", "："), (";", "；"), (",", "，"), ("(", "（"), (")", "）"), ("!", "！"), ("?", "？"))
_CN_PUNCT = str.maketrans(dict(_CN_PAIRS))
#: a comma or colon between two digits (1,000 · 10:30) is a number's, not the sentence's
_DIGIT_PUNCT = re.compile(r"(?<=\d)[，：](?=\d)")
_NUMBER_PUNCT = re.compile(r"\d[,:，：]\d")


def chinese_punctuation(text: str | None) -> str | None:
    """A Chinese sentence with its own punctuation: the ``: ; , ( ) ! ?`` that NFKC turned half-width
    become ``： ； ， （ ） ！ ？`` again in a text with Chinese characters (a 经营范围 reads as the licence
    writes it: 一般项目：…；许可项目：…（依法须经批准的项目…）); a comma or colon between digits and a text
    without Chinese characters are left as they are.

    >>> chinese_punctuation("一般项目:模具制造;塑料制品销售(除依法须经批准的项目外,凭营业执照依法自主开展经营活动)。")
    '一般项目：模具制造；塑料制品销售（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。'
    >>> chinese_punctuation("注册资本1,000万元;营业时间8:30"), chinese_punctuation("PE, PP (film)")
    ('注册资本1,000万元；营业时间8:30', 'PE, PP (film)')
    """
    if not text or not _CJK_RE.search(text):
        return text
    if _NUMBER_PUNCT.search(text):  # rare: a number's comma or colon stays half-width
        return _DIGIT_PUNCT.sub(lambda m: halfwidth(m.group()), text.translate(_CN_PUNCT))
    for ascii_mark, chinese in _CN_PAIRS:  # str.replace in C: a third of translate's time on a 经营范围
        if ascii_mark in text:
            text = text.replace(ascii_mark, chinese)
    return text


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
