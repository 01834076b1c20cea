"""Rows of an XLSX sheet as lists of strings, merged cells filled, damaged files refused.

Why: openpyxl's read-only mode is fast but does not know merged cells, and a merged range keeps
its value only in the top-left cell. Workbooks under :data:`XLSX_FULL_LOAD_MAX_BYTES` are loaded
fully and every cell of a merged range (a header spanning columns, a county merged down several
rows) takes the range's value; bigger ones stream in read-only mode. Cells become strings the way
a user reads them: 12.0 → ``"12"``, a date → ``"2019-12-04"``, TRUE → ``"true"``.

>>> import pathlib, tempfile, openpyxl
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.xlsx"
>>> wb = openpyxl.Workbook(); wb.active.append(["名称", "人数"]); wb.active.append(["甲", 12.0]); wb.save(p)
>>> list(xlsx_rows(p, None))
[(1, ['名称', '人数']), (2, ['甲', '12'])]
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ontology.errors import InputError

__all__ = ["xlsx_rows", "sheet_names", "cell_text", "XLSX_FULL_LOAD_MAX_BYTES", "XLSX_MAX_UNCOMPRESSED_BYTES",
           "XLSX_MAX_RATIO"]

XLSX_FULL_LOAD_MAX_BYTES = 20 * 1024 * 1024  # below this, load fully so merged cells are known
XLSX_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all parts of the workbook, inflated
XLSX_MAX_RATIO = 100  # inflated / compressed, per part (sheet XML of real workbooks stays well under)
_RATIO_MIN_BYTES = 1024 * 1024  # tiny parts may compress better than the ratio; they cannot hurt


def _check_not_a_bomb(path: Path) -> None:
    """Refuse a workbook (a zip) whose parts inflate past the caps, before any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise InputError(f"not a readable XLSX workbook (truncated or corrupt?): {e}", file=path.name) from e
    total = sum(i.file_size for i in infos)
    if total > XLSX_MAX_UNCOMPRESSED_BYTES:
        raise InputError(f"workbook inflates to {total // (1024 * 1024)} MB, over the "
                         f"{XLSX_MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB limit; save it as CSV", file=path.name)
    for i in infos:
        if i.file_size > _RATIO_MIN_BYTES and i.file_size > XLSX_MAX_RATIO * max(i.compress_size, 1):
            raise InputError(f"workbook part {i.filename} compresses {i.file_size // max(i.compress_size, 1)}:1, "
                             f"over the {XLSX_MAX_RATIO}:1 limit (a zip bomb?); save it as CSV", file=path.name)


def cell_text(v: Any) -> str:
    """A cell value as the string a user sees."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return str(v)


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheet names in order (read-only: the sheets themselves are not parsed)."""
    import openpyxl

    _check_not_a_bomb(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True)
    except Exception as e:  # damaged: xlsx_rows says why when the first sheet is read
        raise InputError(f"not a readable XLSX workbook: {type(e).__name__}: {e}", file=path.name) from e
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def xlsx_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cell strings)`` of the named sheet (default the first); :class:`InputError` if unreadable."""
    import openpyxl  # heavy; only when needed

    if path.stat().st_size == 0:
        raise InputError("empty file: no data rows", file=path.name)
    _check_not_a_bomb(path)
    read_only = path.stat().st_size >= XLSX_FULL_LOAD_MAX_BYTES
    try:
        wb = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, ValueError) as e:
        raise InputError(f"not a readable XLSX workbook (truncated or corrupt?): {e}", file=path.name) from e
    except Exception as e:  # openpyxl raises assorted parser errors for damaged parts
        raise InputError(f"not a readable XLSX workbook: {type(e).__name__}: {e}", file=path.name) from e
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise InputError(f"no sheet {sheet!r}; sheets are {wb.sheetnames}", file=path.name)
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        merged: dict[tuple[int, int], Any] = {}
        if not read_only:
            for rng in ws.merged_cells.ranges:
                top_left = ws.cell(rng.min_row, rng.min_col).value
                for r in range(rng.min_row, rng.max_row + 1):
                    for c in range(rng.min_col, rng.max_col + 1):
                        merged[(r, c)] = top_left
        else:
            ws.reset_dimensions()
        rows = ws.iter_rows(min_row=1, values_only=True)
        for r, values in enumerate(rows, start=1):
            cells = [cell_text(merged.get((r, c), v)) for c, v in enumerate(values, start=1)]
            yield r, cells
    except InputError:
        raise
    except Exception as e:
        raise InputError(f"cannot read the XLSX sheet: {type(e).__name__}: {e}", file=path.name) from e
    finally:
        if read_only:
            wb.close()
