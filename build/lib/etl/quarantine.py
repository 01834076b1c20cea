"""Quarantine: rows refused by validation, with file, row, field, value and reason — and the report.

Why: a bad row is never half-loaded; it goes here so the user can fix the source and re-import.
An entry's ``level`` is ``"error"`` (the row was refused) or ``"warning"`` (the row was loaded,
but something in it deserves a look, e.g. contradicting location evidence).
The report is a CSV in UTF-8 with BOM (Excel opens it correctly) with Chinese + English headers;
when it holds warnings, a sixth column 级别 level tells them from errors. Values that would run as
formulas when the report is opened in Excel (``=cmd|...``) are written with a leading apostrophe,
so the report cannot carry the injection it documents.

>>> q = Quarantine(file="e.csv", row=3, field="credit_code", value="123", reason="bad check character")
>>> q.file, q.row, q.field, q.level
('e.csv', 3, 'credit_code', 'error')
>>> Quarantine("e.csv", 4, "local", "", "location unknown", "warning").is_error
False
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from etl.normalize import safe_cell

__all__ = ["Quarantine", "write_report", "REPORT_HEADER", "LEVEL_HEADER", "LEVELS", "VALUE_MAX"]

VALUE_MAX = 200
REPORT_HEADER = ("文件 file", "行 row", "字段 field", "值 value", "原因 reason")
LEVEL_HEADER = "级别 level"
LEVELS = ("error", "warning")


@dataclass
class Quarantine:
    """One refused (or, ``level="warning"``, questionable) field of one row (``row`` as the user
    sees it in the spreadsheet)."""

    file: str
    row: int | None
    field: str
    value: str
    reason: str
    level: str = "error"

    def __post_init__(self) -> None:
        value = "" if self.value is None else str(self.value)
        self.value = value if len(value) <= VALUE_MAX else value[:VALUE_MAX - 1] + "…"
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {self.level!r}")

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def as_dict(self) -> dict:
        return asdict(self)


def write_report(items: Iterable[Quarantine], path: str | Path) -> int:
    """Write the quarantine report CSV; returns the number of entries written.

    The 级别 level column is added when any entry is a warning (an errors-only report keeps the
    five columns it always had)."""
    items = list(items)
    levels = any(not q.is_error for q in items)
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(REPORT_HEADER + ((LEVEL_HEADER,) if levels else ()))
        for q in items:
            w.writerow([safe_cell(q.file), q.row if q.row is not None else "", safe_cell(q.field),
                        safe_cell(q.value), safe_cell(q.reason)] + ([q.level] if levels else []))
    return len(items)
