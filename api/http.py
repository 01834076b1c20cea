"""HTTP plumbing shared by the routes: paging, the CSV variant of list endpoints, error responses.

CSV: UTF-8 with a BOM (Excel then shows Chinese correctly); text cells that start with ``= + - @``
(or a tab / carriage return) get a leading apostrophe so a spreadsheet never runs them as formulas.
Lists of scalars become ``a; b``, nested data becomes JSON.

>>> csv_cell("=1+1"), csv_cell(-1.5), csv_cell(["上市", "专精特新"])
("'=1+1", '-1.5', '上市; 专精特新')
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from api.schemas.common import ErrorOut
from etl.normalize import safe_cell

__all__ = ["MAX_PAGE", "Paging", "paging", "Format", "want_csv", "csv_cell", "csv_response", "listing",
           "ERRORS", "CSV_RESPONSE", "with_reason"]

MAX_PAGE = 500

#: error responses documented on every route (one JSON shape, see api.errors)
ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorOut, "description": d} for s, d in (
        (400, "请求无效 / bad request"), (404, "未找到 / not found"),
        (422, "参数校验失败 / invalid input"),
        (429, "繁忙 / too many heavy requests of this kind at once; retry after Retry-After seconds"),
        (503, "存储不可用 / store unavailable"))}
#: the CSV alternative of a list endpoint, for the OpenAPI document
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}},
          "description": "JSON page, or CSV (UTF-8 BOM) with ?format=csv or Accept: text/csv"}}


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int

    def slice(self, rows: Sequence) -> list:
        return list(rows[self.offset:self.offset + self.limit])


def paging(limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="每页条数 / page size (≤ 500)")] = 100,
           offset: Annotated[int, Query(ge=0, le=10_000_000, description="偏移 / items to skip")] = 0) -> Paging:
    """Paging query parameters (limit ≤ 500)."""
    return Paging(limit, offset)


Format = Literal["json", "csv"]


def want_csv(request: Request,
             format: Annotated[Format | None, Query(description="返回格式 / json (default) or csv")] = None) -> bool:
    """CSV when asked by ``?format=csv`` or by ``Accept: text/csv`` (an explicit ?format wins)."""
    if format is not None:
        return format == "csv"
    return "text/csv" in request.headers.get("accept", "")


def csv_cell(value: Any) -> str:
    """One CSV cell: scalars as text, lists joined, maps as JSON; formula starts neutralised."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    elif isinstance(value, (list, tuple)) and all(not isinstance(v, (dict, list, tuple)) for v in value):
        text = "; ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, (dict, list, tuple)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    return safe_cell(text)


def csv_response(rows: Iterable[dict], filename: str, columns: Sequence[str] | None = None) -> Response:
    """Rows as a CSV download (UTF-8 with BOM); columns default to the union of keys, first seen first."""
    rows = list(rows)
    if columns is None:
        seen: dict[str, None] = {}
        for r in rows:
            seen.update(dict.fromkeys(r))
        columns = list(seen)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([csv_cell(c) for c in columns])
    for r in rows:
        w.writerow([csv_cell(r.get(c)) for c in columns])
    return Response(("\ufeff" + buf.getvalue()).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})


def columns_of(model: type[BaseModel], rows: Sequence[dict]) -> list[str]:
    """CSV columns: the model's fields in declaration order, then any extra keys, sorted (stable on both stores)."""
    cols = [f.alias or k for k, f in model.model_fields.items()]
    extra = sorted({k for r in rows for k in r} - set(cols))
    return cols + extra


def listing(rows: Sequence[dict], page: Paging, as_csv: bool, name: str, model: type[BaseModel],
            total: int | None = None, paged: bool = False) -> dict | Response:
    """A list endpoint's reply: a ``Page`` (JSON) or CSV of the same page, columns in ``model`` order.

    ``paged``: ``rows`` is already the requested page (the store paged it) and ``total`` is given.
    """
    items = list(rows) if paged else page.slice(rows)
    if as_csv:
        return csv_response(items, name, columns_of(model, items))
    return {"total": len(rows) if total is None else total, "limit": page.limit, "offset": page.offset,
            "items": items}


def with_reason(kg, cluster: str | None, params, reply: dict | Response) -> dict | Response:
    """An analysis list's JSON reply with ``reason`` when it is empty: the workbench page's own sentence
    (:meth:`chainkg.service.ChainKG.why_no_candidates`), so a script learns why, not just "0"."""
    if isinstance(reply, dict) and reply["total"] == 0:
        reply["reason"] = kg.why_no_candidates(cluster, params)
    return reply
