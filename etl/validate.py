"""Validate one raw record into an :class:`~ontology.models.Enterprise`, or quarantine it whole.

Why: the store must only ever see clean, complete rows. Every field of the record is normalised
by :mod:`etl.normalize`; any failure makes the row a list of :class:`Quarantine` entries (one per
bad field, so the user can fix them all at once) and no enterprise — never a partial load.

* id: the credit code; else ``sc-<stock code>``; else ``nm-`` + the first 12 hex of the SHA-1 of
  :func:`~etl.normalize.name_key` (stable across files and spellings).
* county: checked against the ontology's counties (温岭 / 温岭市 / id, with an optional 浙江省/台州市
  prefix) and stored as the short name. For a non-local firm (``local`` false, or a city other than
  台州) the county is kept as written, since it is not a Taizhou county.
* sources: the record's 来源 if given, else ``default_source`` (e.g. the file name).

>>> from ontology.loader import Ontology
>>> from ontology.models import County
>>> onto = Ontology(counties={"wenling": County(id="wenling", name="温岭市", short="温岭", source="x")})
>>> e, q = validate_enterprise({"name": "示例企业A有限公司", "county": "温岭市", "revenue": "1.5亿元",
...                             "_file": "a.csv", "_row": 2}, onto, default_source="a.csv")
>>> e.county, e.revenue, e.id[:3], q
('温岭', 15000.0, 'nm-', [])
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from etl.normalize import (check_formula, clean_text, display_name, name_key, normalize_credit_code,
                           parse_amount, parse_bool, parse_date, parse_int, split_list)
from etl.quarantine import Quarantine
from ontology.loader import Ontology
from ontology.models import Enterprise

__all__ = ["validate_enterprise", "validate_enterprises", "enterprise_id", "RAW_MAX_CHARS"]

RAW_MAX_CHARS = 20_000  # any cell longer than this is refused before parsing (e.g. a 10 MB field)
_PREFIXES = ("浙江省台州市", "台州市", "浙江省", "台州")


def enterprise_id(name: str, credit_code: str | None = None, stock_code: str | None = None) -> str:
    """The enterprise id rule (see module doc)."""
    if credit_code:
        return credit_code
    if stock_code:
        return f"sc-{stock_code}"
    return "nm-" + hashlib.sha1(name_key(name).encode("utf-8")).hexdigest()[:12]


def _stock_code(value: str) -> str | None:
    text = clean_text(value, max_len=20)
    if text is None:
        return None
    text = text.upper().replace(" ", "")
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9.]{0,19}", text):
        raise ValueError("not a stock code (letters, digits and '.', e.g. 002126.SZ)")
    return text


def _county(value: str, ontology: Ontology, local: bool) -> str | None:
    text = clean_text(value, max_len=50)
    if text is None:
        return None
    if not local:
        return text
    for cand in (text, *(text.removeprefix(p) for p in _PREFIXES if text.startswith(p))):
        if cand and (c := ontology.county_by_name(cand)):
            return c.short
    if not ontology.counties:
        raise ValueError("cannot check the county: the ontology has no counties (ontology/policy.yaml)")
    known = "、".join(c.short for c in ontology.counties.values())
    raise ValueError(f"unknown county (expected one of {known})")


def _text(max_len: int) -> Callable[[str], str | None]:
    return lambda v: clean_text(v, max_len=max_len)


def _list(v: str) -> list[str] | None:
    return split_list(v) or None


_SIMPLE: dict[str, Callable[[str], Any]] = {
    "credit_code": lambda v: None if clean_text(v, max_len=40) is None else normalize_credit_code(v),
    "stock_code": _stock_code,
    "city": _text(50),
    "employees": parse_int,
    "founded": parse_date,
    "tags": _list,
    "products": _list,
    "business_scope": _text(10_000),
}


def validate_enterprise(record: dict, ontology: Ontology, *,
                        default_source: str) -> tuple[Enterprise | None, list[Quarantine]]:
    """``(enterprise, [])`` for a good record, ``(None, [quarantine, ...])`` for a bad one."""
    file, row = str(record.get("_file", "")), record.get("_row")
    problems: list[Quarantine] = []
    out: dict[str, Any] = {}

    def run(field: str, fn: Callable[[str], Any]) -> Any:
        raw = record.get(field)
        if raw is None:
            return None
        raw = str(raw)
        try:
            if len(raw) > RAW_MAX_CHARS:
                raise ValueError(f"too long ({len(raw)} characters)")
            check_formula(raw)
            return fn(raw)
        except ValueError as e:
            problems.append(Quarantine(file, row, field, raw, str(e)))
            return None

    name = run("name", display_name)
    if name is None and not any(q.field == "name" for q in problems):
        problems.append(Quarantine(file, row, "name", str(record.get("name") or ""), "name is required"))
    for field, fn in _SIMPLE.items():
        if (v := run(field, fn)) is not None:
            out[field] = v
    for field in ("revenue", "output"):
        unit = record.get(f"_unit.{field}") or "万元"
        if (v := run(field, lambda s, u=unit: parse_amount(s, default_unit=u))) is not None:
            out[field] = v
    local = run("local", parse_bool)
    if local is None and out.get("city") and "台州" not in out["city"]:
        local = False
    if local is not None:
        out["local"] = local
    if (county := run("county", lambda s: _county(s, ontology, local is not False))) is not None:
        out["county"] = county
    source = run("source", _text(500))
    if problems:
        return None, problems
    out["sources"] = [source or default_source]
    out["name"] = name
    out["id"] = enterprise_id(name, out.get("credit_code"), out.get("stock_code"))
    try:
        return Enterprise(**out), []
    except ValidationError as e:
        for err in e.errors():
            field = ".".join(map(str, err["loc"])) or "record"
            problems.append(Quarantine(file, row, field, str(record.get(field, "")), err["msg"]))
        return None, problems


def validate_enterprises(records: Iterable[dict], ontology: Ontology, *,
                         default_source: str) -> tuple[list[Enterprise], list[Quarantine]]:
    """Validate many records; good enterprises and all quarantine entries, in input order."""
    good: list[Enterprise] = []
    bad: list[Quarantine] = []
    for rec in records:
        e, q = validate_enterprise(rec, ontology, default_source=default_source)
        if e is not None:
            good.append(e)
        bad.extend(q)
    return good, bad
