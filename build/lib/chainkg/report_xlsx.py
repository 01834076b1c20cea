"""The one Excel formatter: every table ChainKG exports (report, UI pages) goes through :func:`workbook`.

Each sheet: bold shaded header row, frozen below the header, auto filter over the table, column
widths fitted to the text (a CJK character counts double, capped), long text wrapped. A last sheet
``说明`` states the title, source, 口径 and dates. Text cells that start like a formula (``= + - @``,
tab, CR) get a leading apostrophe (:func:`etl.normalize.safe_cell`); numbers stay numbers.

>>> from openpyxl import load_workbook
>>> import io
>>> data = workbook({"企业": (["名称", "得分"], [["=cmd|' /C calc'!A0", 90]])},
...                 Notes(title="示例", source="测试", basis="样本口径", as_of="2026-11"))
>>> wb = load_workbook(io.BytesIO(data))
>>> wb.sheetnames, wb["企业"]["A2"].value, wb["企业"].freeze_panes, wb["企业"].auto_filter.ref
(['企业', '说明'], "'=cmd|' /C calc'!A0", 'A2', 'A1:B2')
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from etl.normalize import safe_cell

__all__ = ["Notes", "workbook", "NOTES_SHEET", "NOTE_LABELS", "XLSX_MEDIA", "cell_value"]

XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOTES_SHEET = "说明"
#: the 说明 sheet's row labels, Chinese and English (the UI passes the one of its language)
NOTE_LABELS = {
    "zh": {"item": "项目", "text": "内容", "title": "标题", "source": "来源", "basis": "数据口径",
           "as_of": "数据截至", "generated": "导出日期", "sheets": "工作表", "note": "说明"},
    "en": {"item": "Item", "text": "Text", "title": "Title", "source": "Source", "basis": "Data basis (口径)",
           "as_of": "Data as of", "generated": "Exported", "sheets": "Sheets", "note": "Note"},
}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters a worksheet cannot hold
_HEADER_FILL = "DDE4EE"
MAX_WIDTH, MIN_WIDTH = 60, 6


@dataclass
class Notes:
    """What the 说明 sheet says: where the data comes from, its 口径 and its date."""

    title: str
    source: str
    basis: str
    as_of: str
    generated: str = field(default_factory=lambda: dt.date.today().isoformat())
    lines: Sequence[str] = ()


def cell_value(value: object) -> object:
    """A Python value as a worksheet cell: numbers and dates as they are, lists joined with ``、``,
    maps as JSON, booleans 是/否, text formula-safe and free of control characters."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, (list, tuple, set)):
        value = "、".join("" if v is None else str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except (TypeError, ValueError, ImportError):
            pass
        if hasattr(value, "item"):  # numpy scalars
            return cell_value(value.item())
    return _ILLEGAL.sub("", safe_cell(value))


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    longest = max((sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
                   for line in text.split("\n")), default=0)
    return longest


def _sheet_title(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\\/?*\[\]:]", "-", str(name)).strip("'") or "Sheet"
    base = base[:31]
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _columns_rows(table: object) -> tuple[list, list[list]]:
    if isinstance(table, tuple) and len(table) == 2:
        cols, rows = table
        return list(cols), [list(r) for r in rows]
    if hasattr(table, "columns") and hasattr(table, "itertuples"):  # a pandas DataFrame
        return [str(c) for c in table.columns], [list(r) for r in table.itertuples(index=False, name=None)]
    if isinstance(table, Sequence) and all(isinstance(r, Mapping) for r in table):
        cols = list(dict.fromkeys(k for r in table for k in r))
        return cols, [[r.get(c) for c in cols] for r in table]
    raise TypeError(f"a sheet must be a DataFrame, (columns, rows) or a list of dicts, not {type(table).__name__}")


def _format(ws, columns: list, rows: list[list]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="B7C3D0")
    for j, _ in enumerate(columns, start=1):
        c = ws.cell(row=1, column=j)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        c.alignment = Alignment(vertical="center", wrap_text=True)
        c.border = Border(bottom=thin)
    wrap = Alignment(vertical="top", wrap_text=True)
    for j, col in enumerate(columns, start=1):
        widest = max([_width(col) + 2] + [_width(r[j - 1]) + 1 for r in rows[:2000] if j - 1 < len(r)])
        width = max(MIN_WIDTH, min(MAX_WIDTH, widest))
        ws.column_dimensions[get_column_letter(j)].width = width
        if widest > MAX_WIDTH:
            for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                cell.alignment = wrap
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"


def workbook(sheets: Mapping[str, object], notes: Notes, lang: str = "zh") -> bytes:
    """An .xlsx with one formatted sheet per table and a ``说明`` sheet; returns its bytes.

    ``sheets`` maps a sheet name to a pandas DataFrame, a ``(columns, rows)`` pair or a list of dicts.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    taken = {NOTES_SHEET.lower()}
    for name, table in sheets.items():
        columns, rows = _columns_rows(table)
        ws = wb.create_sheet(_sheet_title(name, taken))
        ws.append([cell_value(c) for c in columns])
        for r in rows:
            ws.append([cell_value(v) for v in r])
        _format(ws, columns, rows)
    labels = NOTE_LABELS.get(lang, NOTE_LABELS["zh"])
    ws = wb.create_sheet(NOTES_SHEET)
    items = [("title", notes.title), ("source", notes.source), ("basis", notes.basis), ("as_of", notes.as_of),
             ("generated", notes.generated), ("sheets", "、".join(wb.sheetnames[:-1]))]
    ws.append([labels["item"], labels["text"]])
    for key, text in items:
        ws.append([labels[key], cell_value(text or "—")])
    for line in notes.lines:
        ws.append([labels["note"], cell_value(line)])
    _format(ws, [labels["item"], labels["text"]], [])
    ws.column_dimensions["B"].width = 100
    for row in ws.iter_rows(min_row=2):
        row[0].font = Font(bold=True)
        row[0].alignment = Alignment(vertical="top")
        row[1].alignment = Alignment(vertical="top", wrap_text=True)
    ws.auto_filter.ref = None
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
