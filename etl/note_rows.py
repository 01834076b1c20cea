"""Note rows of an export: its title, section and footer lines, told apart from firms.

Why its own module: an office export puts lines among its rows that are no firm — 数据来源…,
合计 122 户, 一、汽车零部件 — with text in the first column only (or a totals line with its
figures). Read as records they would be refused as firms without a name; :func:`note_text` recognises
them so the reader (``read_records(…, notes=True)``) hands them back as ``{NOTE_KEY: text, "_file",
"_row"}`` and the loader reports and skips them. A lone value under a name or code column is a firm
missing its other cells, never a note: it is refused later, never skipped — unless it is a labelled
line (数据来源：…, 导出时间:…, 注：…): a short label and a colon, which no firm name has (a registered
name holds no punctuation but brackets), so the 企查查 footer under 企业名称 is no firm.

>>> note_text("credit_code", ["数据来源：台州市市场监督管理局", "", ""])
'数据来源：台州市市场监督管理局'
>>> note_text("credit_code", ["合计", "122户", "5,000.5万元"])
'合计 122户 5,000.5万元'
>>> note_text("credit_code", ["91331081MA2AAAAA19", "", ""]) is None  # a firm with its code only
True
>>> note_text("name", ["示例企业A有限公司", ""]) is None
True
>>> note_text("name", ["数据来源：企查查（www.qcc.com），导出时间 2025-06-30", "", ""])
'数据来源：企查查（www.qcc.com），导出时间 2025-06-30'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["NOTE_KEY", "TITLE_KEY", "note_text"]

#: the key of a note row's text (see ``notes`` in :func:`etl.readers.read_records`)
NOTE_KEY = "_note"
#: the key of a title row's text: a banner or condition line above the header (企查查 · 企业数据导出, 搜索条件：…),
#: handed on with ``notes`` so the loader can read the export's date from it (:mod:`etl.banner`); never reported
TITLE_KEY = "_title"
#: columns whose lone value is a firm (missing its other cells), never a note
_IDENTIFIERS = frozenset({"name", "credit_code", "stock_code"})
#: the first cell of a totals line under the rows: 合计 / 总计 / 小计 / 共计 / 汇总, or 共 122 条
_TOTALS = re.compile(r"^(?:(?:合计|总计|小计|共计|汇总)\s*[:：]?\s*|共\s*(?=\d))(?:\d[\d,.]*\s*[户家条个项行]?)?$")
_TOTALS_START = frozenset("合总小共汇")
#: the other cells of a totals line: counts or sums (122 户, 5,000.5万元)
_FIGURE = re.compile(r"^[\d,.]+\s*(?:[户家条个项行]|万?元|亿元|万人民币|万元人民币|人)?$")
#: a labelled line: a short label and a colon (数据来源：, 导出时间:, 注：) — never a registered firm name
_LABELLED = re.compile(r"^[\u4e00-\u9fffA-Za-z ]{1,8}[:：]")
#: what an identifier cell can hold (a credit code, registration number or stock code)
_CODE_LIKE = re.compile(r"^[0-9A-Za-z.\-\s]+$")


def note_text(first: str | None, cells: Sequence[str]) -> str | None:
    """The text of a note row (module doc), else ``None``: a totals line (合计 122 户, in its first
    non-empty cells), or text in the first column only where that column holds no name and the text
    cannot be the code it holds (数据来源：… under 统一社会信用代码). ``first`` is the first column's key."""
    lone = cells[0].strip()
    lead = lone or next((c.strip() for c in cells if c.strip()), "")
    if lead[:1] in _TOTALS_START and _TOTALS.match(lead):
        texts = [c.strip() for c in cells if c.strip()]
        if all(_FIGURE.match(t) for t in texts[1:]):
            return " ".join(texts)
    if not lone or "".join(cells[1:]).strip():
        return None
    if first == "name":
        return lone if _LABELLED.match(lone) else None
    if first in _IDENTIFIERS and _CODE_LIKE.match(lone):
        return None  # a firm with its code and nothing else: an error later, never skipped
    return lone
