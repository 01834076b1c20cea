"""Writes and the Cypher console — all behind ``Authorization: Bearer <token>`` (see api.deps).

* ``POST /import``: upload a CSV/XLSX/TSV/JSON file; it is loaded atomically via ``ChainKG.load``
  and the report (with quarantined rows) comes back.
* ``POST /reload``: reload the bundled Taizhou data.
* ``POST /cypher``: a read-only query on a Neo4j store — keyword guard, READ transaction, server
  timeout (``CHAINKG_CYPHER_TIMEOUT_S``) and row cap (``CHAINKG_CYPHER_ROW_CAP``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Path as PathParam, Query, UploadFile

from api.deps import KG, get_settings, require_token
from chainkg.errors import PayloadTooLarge
from api.gate import heavy
from api.http import ERRORS
from api.schemas.admin import CypherResult, ImportReport, OverrideOut, QuarantineRow
from api.schemas.common import ErrorOut
from api.schemas.inputs import ConfirmSuggestionIn, CypherQuery, OverrideIn
from chainkg.settings import MAX_UPLOAD_BYTES
from chainkg.errors import InputError

router = APIRouter(tags=["admin 管理 (token)"], dependencies=[Depends(require_token)],
                   responses=ERRORS | {401: {"model": ErrorOut, "description": "缺少或错误的令牌 / missing or wrong token"},
                                       403: {"model": ErrorOut, "description": "未配置令牌 / writes disabled"},
                                       413: {"model": ErrorOut, "description": "文件过大 / file too large"}})

MAX_UPLOAD = MAX_UPLOAD_BYTES
SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".json", ".jsonl")


def _report(report) -> dict:
    return {k: getattr(report, k) for k in ("files", "rows", "enterprises", "segment_links", "holdings", "supplies",
                                            "technologies", "written")} | \
           {"quarantined": [q.as_dict() for q in report.quarantined], "datasets": report.datasets}


@router.post("/import", openapi_extra=heavy("import"), response_model=ImportReport)
def import_file(file: Annotated[UploadFile, File(description="企业/技术/供应关系文件 / CSV, TSV, XLSX or JSON")],
                kg: KG,
                fmt: Annotated[Literal["auto", "chainkg", "tushare"], Query(alias="format")] = "auto",
                census: Annotated[str | None, Query(max_length=200, description="普查名称: declare the file a complete "
                                                    "census (口径) with this name; without it the file is a sample")] = None,
                population: Annotated[str | None, Query(description="全量登记企业 | 规上工业企业 | 上市公司 | 名录")] = None,
                region: Annotated[str, Query(max_length=100)] = "台州市",
                as_of: Annotated[str | None, Query(max_length=20, description="截止日期, e.g. 2025-12-31")] = None,
                source: Annotated[str | None, Query(max_length=500)] = None,
                cluster: Annotated[list[str] | None, Query(description="census of these clusters' firm base")] = None):
    """Load one uploaded file atomically (all rows or none); bad rows come back as quarantine entries.
    With ``census`` the file is recorded as a complete census (口径) of its population."""
    name = Path(file.filename or "upload.csv").name
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}", file=name)
    with tempfile.TemporaryDirectory(prefix="chainkg-upload-") as tmp:
        path = Path(tmp) / (name if name.isprintable() and not name.startswith(".") else f"upload{suffix}")
        size = 0
        with path.open("wb") as fh:
            while chunk := file.file.read(1 << 20):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise PayloadTooLarge(f"file larger than {MAX_UPLOAD // (1 << 20)} MB", file=name)
                fh.write(chunk)
        spec = None
        if census:
            from etl.dataset import census_spec

            unknown = [c for c in (cluster or []) if c not in kg.onto.clusters]
            if unknown:
                raise InputError(f"unknown cluster {unknown[0]!r}", field="cluster")
            spec = census_spec(census, population=population, region=region, as_of=as_of, source=source,
                               clusters=cluster or [])
        report = kg.load([path], fmt=fmt, dataset=spec)
    out = _report(report)
    out["files"] = [name]
    for q in out["quarantined"]:
        q["file"] = name
    return out


@router.post("/overrides", response_model=list[OverrideOut])
def add_override(body: OverrideIn, kg: KG):
    """Correct a firm's placement: stored with who, when and why; the link changes in the same
    transaction; every reload and analysis respects it."""
    return kg.correct_placement(body.enterprise, body.segment, body.action, who=body.who, why=body.why, to=body.to)


@router.post("/enterprises/{enterprise_id}/suggestions/confirm", response_model=list[OverrideOut])
def confirm_suggestion(enterprise_id: Annotated[str, PathParam(max_length=200, description="企业 id 或统一社会信用代码")],
                       body: ConfirmSuggestionIn, kg: KG):
    """Confirm one of the firm's current suggestions: an ``add`` override (who, when, why "confirmed
    a suggestion at 0.xx"); from then on the link counts. A segment not suggested now is 422."""
    return kg.confirm_suggestion(enterprise_id, body.segment, who=body.who)


@router.post("/overrides/import", openapi_extra=heavy("import"), response_model=list[QuarantineRow])
def import_overrides(file: Annotated[UploadFile, File(description="overrides CSV as exported (GET /overrides as CSV "
                                                                    "or chainkg override export)")],
                     kg: KG):
    """Apply an overrides CSV; returns the refused rows (good rows are applied in one write)."""
    name = Path(file.filename or "overrides.csv").name
    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise PayloadTooLarge(f"file larger than {MAX_UPLOAD // (1 << 20)} MB", file=name)
    with tempfile.TemporaryDirectory(prefix="chainkg-overrides-") as tmp:
        path = Path(tmp) / "overrides.csv"
        path.write_bytes(data)
        _, problems = kg.import_overrides(path)
    return [q.as_dict() | {"file": name} for q in problems]


@router.post("/reload", openapi_extra=heavy("import"), response_model=ImportReport)
def reload(kg: KG):
    """Reload the bundled Taizhou data (idempotent: same data → same graph and checksum)."""
    return _report(kg.load(None))


@router.post("/cypher", openapi_extra=heavy("console"), response_model=CypherResult)
def cypher(body: CypherQuery, kg: KG, settings=Depends(get_settings)):
    """Run a read-only Cypher query (Neo4j store only): writes, LOAD CSV, admin and write procedures are
    refused before running; the query runs in a READ transaction with a timeout and a row cap."""
    cap = settings.cypher_row_cap
    rows = kg.cypher_read(body.query, body.params, timeout=settings.cypher_timeout_s, limit=cap + 1)
    return {"rows": rows[:cap], "row_count": min(len(rows), cap), "truncated": len(rows) > cap, "row_cap": cap}
