"""Quarantine: rows refused by validation, with file, row, field, value and reason — and the report.

Why: a bad row is never half-loaded; it goes here so the user can fix the source and re-import.
The report is a CSV in UTF-8 with BOM (Excel opens it correctly) with Chinese + English headers.
Values that would run as formulas when the report is opened in Excel (``=cmd|...``) are written
with a leading apostrophe, so the report cannot carry the injection it documents.

>>> q = Quarantine(file="e.csv", row=3, field="credit_code", value="123", reason="bad check character")
>>> q.file, q.row, q.field
('e.csv', 3, 'credit_code')
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["Quarantine", "write_report", "REPORT_HEADER", "VALUE_MAX"]

VALUE_MAX = 200
REPORT_HEADER = ("文件 file", "行 row", "字段 field", "值 value", "原因 reason")


@dataclass
class Quarantine:
    """One refused field of one row (``row`` as the user sees it in the spreadsheet)."""

    file: str
    row: int | None
    field: str
    value: str
    reason: str

    def __post_init__(self) -> None:
        value = "" if self.value is None else str(self.value)
        self.value = value if len(value) <= VALUE_MAX else value[:VALUE_MAX - 1] + "…"

    def as_dict(self) -> dict:
        return asdict(self)


def _safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_report(items: Iterable[Quarantine], path: str | Path) -> int:
    """Write the quarantine report CSV; returns the number of entries written."""
    n = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(REPORT_HEADER)
        for q in items:
            w.writerow([_safe_cell(q.file), q.row if q.row is not None else "", _safe_cell(q.field),
                        _safe_cell(q.value), _safe_cell(q.reason)])
            n += 1
    return n
