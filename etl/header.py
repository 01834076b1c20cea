"""Where a table's header is, and what its columns mean.

Why its own module: a spreadsheet export rarely starts with its header. Title rows sit above it,
a group row (基本信息, 地区) may sit over the field names, and one field may span several merged
columns. This module finds the header among the first :data:`HEADER_SEARCH_ROWS` non-blank rows
(the row naming most known fields, :mod:`etl.aliases`), reads a header written on two rows as one,
and turns the header cells into one key per column: the canonical field, else the header as
written (a repeated one gets ``.2``, ``.3``); two columns meaning the same field are refused,
except list fields (tags, products, segment), whose cells the reader joins with ``;``; an amount
header with a unit (``营业收入(元)``) adds ``"_unit.revenue": "元"``.

>>> rows = iter([(1, ["台州市企业名录"]), (2, ["企业名称", "所属区县"]), (3, ["示例企业A有限公司", "温岭"])])
>>> row, header, rest = find_header(rows)
>>> row, header, rest
(2, ['企业名称', '所属区县'], [(3, ['示例企业A有限公司', '温岭'])])
>>> columns(pathlib.Path("e.csv"), ["企业名称", "营业收入(元)", "其他", "其他"], row)
(['name', 'revenue', '其他', '其他.2'], {'_unit.revenue': '元'})
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable, Iterator, Sequence

from etl.aliases import canonical_field, header_unit
from ontology.errors import InputError

__all__ = ["HEADER_SEARCH_ROWS", "score", "find_header", "columns", "check_required"]

#: how many non-blank rows from the top may hold the header
HEADER_SEARCH_ROWS = 10
#: list fields whose header may span several columns (merged cell): their cells are joined with ";"
_JOINABLE = frozenset({"tags", "products", "segment", "chokepoint_lists"})


def score(cells: Sequence[str]) -> int:
    """How many distinct fields a row's cells name (a group merged across columns counts once)."""
    return len({canonical_field(str(c)) for c in cells} - {None})


def _two_rows(upper: Sequence[str], lower: Sequence[str]) -> list[str] | None:
    """One header from a header written on two rows (a group row — 基本信息, 地区 — over the field
    names, or names over a group's sub-fields: 地区 over 省份/城市/区县), column by column: the lower
    cell when it names a field, else the upper when it does, else the lower one's text. ``None``
    unless together they name more distinct fields than either row alone (a data row under a
    header names none, so it never becomes half of one)."""
    width = max(len(upper), len(lower))
    up = [str(c).strip() for c in upper] + [""] * (width - len(upper))
    low = [str(c).strip() for c in lower] + [""] * (width - len(lower))
    cells = [b if canonical_field(b) else (a if canonical_field(a) else (b or a)) for a, b in zip(up, low)]
    return cells if score(cells) > max(score(up), score(low)) else None


def find_header(rows: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str], list]:
    """The header row among the first rows: the one naming most known fields (title rows skipped);
    a header on two rows (:func:`_two_rows`) is read as one, numbered as its lower row. Returns its
    row number, its cells and the rows read past it (to be read before the rest of ``rows``)."""
    head: list[tuple[int, list[str]]] = []
    for item in rows:
        if any(c.strip() for c in item[1]):
            head.append(item)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    if not head:
        return 0, [], []
    scores = [score(cells) for _, cells in head]
    best = max(range(len(head)), key=lambda i: (scores[i], -i)) if max(scores) > 0 else 0
    if best + 1 < len(head) and (both := _two_rows(head[best][1], head[best + 1][1])):
        return head[best + 1][0], both, head[best + 2:]
    if best > 0 and (both := _two_rows(head[best - 1][1], head[best][1])):
        return head[best][0], both, head[best + 1:]
    return head[best][0], head[best][1], head[best + 1:]


def columns(path: pathlib.Path, header: Sequence[str],
            header_row: int | None) -> tuple[list[str | None], dict[str, str]]:
    """Key per column (``None`` = unnamed empty column) and unit hints per amount field."""
    keys: list[str | None] = []
    seen: dict[str, str] = {}
    units: dict[str, str] = {}
    for i, raw in enumerate(header, start=1):
        h = str(raw).strip()
        if not h:
            keys.append(None)
            continue
        field = canonical_field(h)
        key = field or h
        if key in seen and field in _JOINABLE:
            keys.append(key)
            continue
        if key in seen:
            if field:
                raise InputError(f"columns {seen[key]!r} and {h!r} both mean field {field!r}",
                                 file=path.name, row=header_row)
            n = 2
            while f"{h}.{n}" in seen:
                n += 1
            key = f"{h}.{n}"
        seen[key] = h
        if field and (unit := header_unit(h)):
            units[f"_unit.{field}"] = unit
        keys.append(key)
    return keys, units


def check_required(path: pathlib.Path, present: Iterable[str], required: Sequence[str], row: int | None) -> None:
    """Refuse a file (naming it, and the header row) that lacks a column of ``required``."""
    have = set(present)
    missing = [f for f in required if f not in have]
    if missing:
        raise InputError(f"missing required column(s): {', '.join(missing)} "
                         f"(found: {', '.join(sorted(have)) or 'none'})", file=path.name, row=row)
