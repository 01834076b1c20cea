"""Tushare listed-company basics (``stock_basic.json`` + ``stock_company.json``) → enterprises.

What: one Enterprise per ``stock_basic`` row (name, stock code), with city and province, staff and
founding date from ``stock_company`` when it has the same ``ts_code``; ``local`` is
``city == 台州市``; segments from ``main_business`` / ``business_scope`` when the dump has them, else
from the Tushare industry name, by :func:`etl.nlp.classify.classify` (confidence ≥ 0.3).

Why a separate index (:func:`company_index`): the ChainKnowledgeGraph loader has no place names
at all, so it borrows the city of each listed firm from here, by 6-digit code.

>>> ts_code("301079"), ts_code("603337.sh"), ts_code("x")
('301079.SZ', '603337.SH', None)
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ontology.errors import InputError
from etl.normalize import clean_text, display_name, parse_date, parse_int
from etl.public.readers import records
from etl.stock_code import ts_code
from etl.stored import StoredFirms
from etl.quarantine import Quarantine
from graph.store.port import Batch
from ontology.loader import Ontology
from ontology.models import Enterprise

__all__ = ["known_id", "keep_known", "ts_code", "company_index", "build_tushare", "SOURCE", "LOCAL_CITY"]

SOURCE = "Tushare Pro stock_basic/stock_company (数据来源: Tushare Pro)"
LOCAL_CITY = "台州市"


def _text(rec: dict, key: str, file: str, row: int, problems: list, max_len: int = 200) -> str | None:
    value = rec.get(key)
    if value in (None, ""):
        return None
    try:
        return clean_text(str(value), max_len=max_len)
    except ValueError as e:
        problems.append(Quarantine(file, row, key, str(value), str(e)))
        return None


def company_index(files: dict[str, Path], report) -> dict[str, dict]:
    """``ts_code`` → merged stock_basic + stock_company fields (cleaned), with ``_file``/``_row``.

    Rows read are counted in ``report.rows``, refused ones appended to ``report.quarantined``."""
    quarantine = report.quarantined
    out: dict[str, dict] = {}
    for stem in ("stock_basic", "stock_company"):
        if stem not in files:
            continue
        path = files[stem]
        for row, rec in records(path, quarantine):
            report.rows += 1
            code = ts_code(rec.get("ts_code"))
            if code is None:
                quarantine.append(Quarantine(path.name, row, "ts_code", str(rec.get("ts_code")),
                                             "not a stock code like 000913.SZ"))
                continue
            problems: list[Quarantine] = []
            clean = {k: _text(rec, k, path.name, row, problems, 20_000 if k == "business_scope" else 200)
                     for k in rec if k != "ts_code"}
            if problems:
                quarantine.extend(problems)
                continue
            entry = out.setdefault(code, {"_file": path.name, "_row": row})
            for k, v in clean.items():
                if v is not None:
                    entry.setdefault(k, v)
            entry.setdefault("_in", set()).add(stem)
    return out


def _enterprise(code: str, info: dict, name: str, sources: list[str], problems: list, **extra) -> Enterprise | None:
    """An Enterprise with the Tushare place/staff/founding fields; ``None`` (and problems) if invalid."""
    file, row = info.get("_file", ""), info.get("_row")
    try:
        employees = parse_int(info["employees"]) if info.get("employees") else None
        founded = parse_date(info["setup_date"]) if info.get("setup_date") else None
    except ValueError as e:
        problems.append(Quarantine(file, row, "employees/setup_date", "", str(e)))
        return None
    city = info.get("city")
    try:
        return Enterprise(id=f"sc-{code}", name=name, stock_code=code, city=city, local=city == LOCAL_CITY,
                          local_basis="city",
                          employees=employees, founded=founded, tags=["上市"], sources=sources, **extra)
    except ValidationError as e:
        problems.extend(Quarantine(file, row, ".".join(map(str, x["loc"])), "", x["msg"]) for x in e.errors())
        return None


def known_id(known: StoredFirms, code: str) -> str:
    """The firm's id as the store knows it (e.g. its credit code; :meth:`etl.stored.StoredFirms.by_stock`),
    else ``sc-<stock code>`` — so a listed firm stored under its credit code is updated, not duplicated."""
    return old["id"] if (old := known.by_stock(code)) else f"sc-{code}"


def keep_known(props: dict, old: dict | None) -> dict:
    """Props to write for a firm the store already holds: only fields it lacks, sources and tags
    unioned — a public dump never overwrites a curated name, place or product list.

    >>> keep_known({"id": "x", "name": "旧名", "employees": 5, "sources": ["b"]}, {"id": "x", "name": "新名", "sources": ["a"]})
    {'id': 'x', 'employees': 5, 'sources': ['a', 'b']}
    """
    if old is None:
        return props
    out = {k: v for k, v in props.items() if k not in old or k == "id"}
    for key in ("sources", "tags"):
        if props.get(key) or old.get(key):
            out[key] = list(dict.fromkeys([*(old.get(key) or []), *(props.get(key) or [])]))
    return out


def build_tushare(files: dict[str, Path], onto: Ontology, batch: Batch, report, min_confidence: float,
                  known: StoredFirms | None = None) -> None:
    """Add the Tushare enterprises (and their IN_SEGMENT links) to ``batch``; fill ``report``.
    ``known`` (:func:`etl.stored.stored_firms`, ``whole=True``) keeps firms the store has under their own ids."""
    known = known or StoredFirms(())
    from etl.nlp.classify import classify

    if "stock_basic" not in files:
        raise InputError("the tushare format needs stock_basic.json (names); stock_company.json is optional",
                         file=", ".join(p.name for p in files.values()) or "(no files)")
    index = company_index(files, report)
    for code, info in index.items():
        if "stock_basic" not in info["_in"]:
            report.quarantined.append(Quarantine(info["_file"], info["_row"], "ts_code", code,
                                                 "not in stock_basic.json (no name)"))
            continue
        problems: list[Quarantine] = []
        name = display_name(info.get("name") or "")  # already cleaned by company_index
        if not name:
            problems.append(Quarantine(info["_file"], info["_row"], "name", "", "missing name"))
        scope = info.get("business_scope")
        ent = _enterprise(code, info, name or "?", [SOURCE], problems, business_scope=scope)
        old = known.by_stock(code)
        if ent is not None and old:
            ent.id = old["id"]
        if problems or ent is None:
            report.quarantined.extend(problems)
            continue
        batch.node("Enterprise", keep_known(ent.props(), old))
        report.enterprises += 1
        products = info.get("main_business")
        text = scope if (scope or products) else info.get("industry")
        if old:  # the store already places this firm (curated or classified): keep that
            continue
        # the vendor label is also the record's 所属行业: a prior on the text's evidence (etl.nlp.industry.vendor_signal)
        for m in classify(text, products, onto, industry=info.get("industry")):
            if m.confidence >= min_confidence:
                basis = "主营业务/经营范围" if (scope or products) else "Tushare 行业"
                batch.rel("IN_SEGMENT", ent.id, m.segment_id, {
                    "method": "classifier", "confidence": round(m.confidence, 4),
                    "evidence": f"{basis}: " + "; ".join(m.matched_terms), "source": SOURCE})
                report.segment_links += 1
