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

__all__ = ["xlsx_rows", "cell_text", "XLSX_FULL_LOAD_MAX_BYTES"]

XLSX_FULL_LOAD_MAX_BYTES = 20 * 1024 * 1024  # below this, load fully so merged cells are known


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


def xlsx_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cell strings)`` of the named sheet (default the first); :class:`InputError` if unreadable."""
    import openpyxl  # heavy; only when needed

    if path.stat().st_size == 0:
        raise InputError("empty file: no data rows", file=path.name)
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
