"""Validate one raw record into an :class:`~ontology.models.Enterprise`, or quarantine it whole.

Why: the store must only ever see clean, complete rows. Every field of the record is normalised
by :mod:`etl.normalize`; any failure makes the row a list of :class:`Quarantine` entries (one per
bad field, so the user can fix them all at once) and no enterprise — never a partial load. A row
that loads but deserves a look (contradicting location evidence, location unknown) yields
*warnings* (``level="warning"``), handed back through the ``warnings`` list when one is given.

* id: the credit code; else ``sc-<stock code>``; else ``nm-`` + the first 12 hex of the SHA-1 of
  :func:`~etl.normalize.name_key` (stable across files and spellings).
* local / outside, ``local_basis`` and county: :mod:`etl.location` (never a silent default). A
  Taizhou county is stored as its short name; a non-local firm's county is kept as written.
* registration status (登记状态/经营状态): :func:`ontology.firms.parse_status` → ``status`` as
  written and ``active``; an unknown status word is refused like any bad value.
* tags: :func:`ontology.firms.canonical_tag`; ``leading`` = :func:`ontology.firms.is_leading`.
* registry-export fields: 注册资本 → ``registered_capital`` + ``capital_currency``
  (:func:`~etl.normalize.parse_capital`), 参保人数 → ``insured``, 国标行业门类…小类 → ``industry``
  (non-empty levels in order; 所属行业 when the levels are absent), 国标行业代码 → ``industry_code``;
  所属地区 as one path (浙江省台州市温岭市) → the province, city and county a file has no column for
  (:func:`etl.location.split_region`), reported under ``region``; a 15-digit 工商注册号 in the
  credit-code column (统一社会信用代码/注册号) means no credit code.
* sources: the record's 来源 if given, else ``default_source`` (e.g. the file name).

>>> from ontology.loader import Ontology
>>> from ontology.models import County
>>> onto = Ontology(counties={"wenling": County(id="wenling", name="温岭市", short="温岭", source="x")})
>>> e, q = validate_enterprise({"name": "示例企业A有限公司", "county": "温岭市", "revenue": "1.5亿元",
...                             "_file": "a.csv", "_row": 2}, onto, default_source="a.csv")
>>> e.county, e.local, e.local_basis, e.revenue, e.id[:3], q
('温岭', True, 'county', 15000.0, 'nm-', [])
>>> notes = []
>>> e, q = validate_enterprise({"name": "示例企业B有限公司", "status": "吊销，未注销", "registered_capital": "200万美元",
...                             "_file": "a.csv", "_row": 3}, onto, default_source="a.csv", warnings=notes)
>>> (e.status, e.active, e.registered_capital, e.capital_currency, e.local), [(w.level, w.field) for w in notes]
(('吊销，未注销', False, 200.0, '美元', None), [('warning', 'local')])
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from etl.location import Location, division_says, locate, split_region
from etl.normalize import (check_formula, clean_text, display_name, halfwidth, name_key, normalize_credit_code,
                           parse_amount, parse_bool, parse_capital, parse_date, parse_int, split_list)
from etl.quarantine import Quarantine
from ontology.firms import canonical_tag, is_leading, parse_status
from ontology.loader import Ontology
from ontology.models import Enterprise

__all__ = ["validate_enterprise", "validate_enterprises", "validate_fields", "Memo", "located",
           "enterprise_id", "RAW_MAX_CHARS", "SIMPLE_FIELDS", "AMOUNT_FIELDS", "OTHER_FIELDS", "INDUSTRY_LEVELS", "checked"]

RAW_MAX_CHARS = 20_000  # any cell longer than this is refused before parsing (e.g. a 10 MB field)
INDUSTRY_LEVELS = ("industry_l1", "industry_l2", "industry_l3", "industry_l4")  # 门类, 大类, 中类, 小类


def enterprise_id(name: str, credit_code: str | None = None, stock_code: str | None = None) -> str:
    """The enterprise id rule (see module doc)."""
    if credit_code:
        return credit_code
    if stock_code:
        return f"sc-{stock_code}"
    return "nm-" + hashlib.sha1(name_key(name).encode("utf-8")).hexdigest()[:12]


def _code(pattern: str, problem: str) -> Callable[[str], str | None]:
    """A short code field (≤ 20 characters): upper-cased, spaces dropped, refused with ``problem``
    unless it matches ``pattern`` whole; blank: unknown."""
    shape = re.compile(pattern)

    def parse(value: str) -> str | None:
        text = clean_text(value, max_len=20)
        if text is None:
            return None
        text = text.upper().replace(" ", "")
        if not shape.fullmatch(text):
            raise ValueError(problem)
        return text

    return parse


_stock_code = _code(r"[A-Z0-9][A-Z0-9.]{0,19}", "not a stock code (letters, digits and '.', e.g. 002126.SZ)")
_industry_code = _code(r"[A-T](\d{2,4})?|\d{2,4}",
                       "not a GB/T 4754 industry code (a 门类 letter A–T and up to 4 digits, e.g. C3441)")


def _text(max_len: int) -> Callable[[str], str | None]:
    return lambda v: clean_text(v, max_len=max_len)


def _list(v: str) -> list[str] | None:
    return split_list(v) or None


def _tags(v: str) -> list[str] | None:
    return list(dict.fromkeys(canonical_tag(t) for t in split_list(v))) or None


def _status(v: str) -> tuple[str, bool] | None:
    return None if clean_text(v, max_len=100) is None else parse_status(v)


def _industry_path(v: str) -> list[str] | None:
    """所属行业 as one name or a path (制造业>通用设备制造业, 制造业/通用设备制造业)."""
    parts = re.split(r"\s*(?:>|/|\||→|-{1,2}|—)\s*", halfwidth(v))
    return list(dict.fromkeys(p for p in (clean_text(x, max_len=100) for x in parts) if p)) or None


def _coordinate(v: str, bound: float) -> float | None:
    """经度/纬度 in decimal degrees (blank: unknown)."""
    text = clean_text(v, max_len=30)
    if text is None:
        return None
    try:
        x = float(halfwidth(text))
    except ValueError:
        raise ValueError("not a coordinate in decimal degrees, e.g. 121.42") from None
    if not -bound <= x <= bound or x != x:
        raise ValueError(f"coordinate out of range ±{bound:g}")
    return x


#: a 15-digit 工商注册号, which 统一社会信用代码/注册号 columns hold for firms closed before the credit code:
#: not a credit code, not an error — the firm has no credit code
_REG_NO = re.compile(r"\d{15}")


def _region(v: str) -> tuple[str | None, str | None, str | None] | None:
    """所属地区 as one path → (province, city, county) (:func:`etl.location.split_region`)."""
    text = clean_text(v, max_len=100)
    return None if text is None else split_region(text)


#: fields stored as their normaliser gives them (a field the record lacks is skipped)
SIMPLE_FIELDS: dict[str, Callable[[str], Any]] = {
    "credit_code": lambda v: None if clean_text(v, max_len=40) is None or _REG_NO.fullmatch(v.strip()) else normalize_credit_code(v),
    "stock_code": _stock_code,
    "province": _text(50),
    "city": _text(50),
    "address": _text(500),
    "employees": parse_int,
    "insured": parse_int,
    "founded": parse_date,
    "tags": _tags,
    "products": _list,
    "business_scope": _text(10_000),
    "industry_code": _industry_code,
    "lon": lambda v: _coordinate(v, 180.0),
    "lat": lambda v: _coordinate(v, 90.0),
}


def validate_enterprise(record: dict, ontology: Ontology, *, default_source: str,
                        warnings: list[Quarantine] | None = None) -> tuple[Enterprise | None, list[Quarantine]]:
    """``(enterprise, [])`` for a good record, ``(None, [quarantine, ...])`` for a bad one.

    The second item only ever holds errors (``level="error"``). Warnings about a row that is
    loaded are appended to ``warnings`` when given (a refused row's warnings are dropped).
    """
    out, problems, notes = validate_fields(record, ontology, default_source=default_source)
    if out is None:
        return None, problems
    try:
        ent = Enterprise(**out)
    except ValidationError as e:
        file, row = str(record.get("_file", "")), record.get("_row")
        for err in e.errors():
            field = ".".join(map(str, err["loc"])) or "record"
            problems.append(Quarantine(file, row, field, str(record.get(field, "")), err["msg"]))
        return None, problems
    if warnings is not None:
        warnings.extend(notes)
    return ent, []


def validate_fields(record: dict, ontology: Ontology, *, default_source: str, memo: Memo | None = None
                    ) -> tuple[dict[str, Any] | None, list[Quarantine], list[Quarantine]]:
    """The checked fields of ``record`` as ``Enterprise`` keyword arguments (only the fields set),
    its errors and its warnings: ``(fields, [], warnings)`` or ``(None, errors, warnings)``.

    The bulk path: with a :class:`Memo`, each distinct cell value of a field is normalised once
    (registry exports repeat counties, cities, tags, products, statuses), with the same values and
    the same error messages as without it. ``Enterprise(**fields)`` would only restate the checks
    the normalisers made (types, coordinate bounds), so the loader skips it and builds the stored
    properties with :func:`etl.held.packed_props` (``tests/test_import_fast_path.py`` holds both equal).
    """
    file, row = str(record.get("_file", "")), record.get("_row")
    problems: list[Quarantine] = []
    notes: list[Quarantine] = []
    out: dict[str, Any] = {}

    caches = memo.caches if memo is not None else None
    if memo is not None:
        memo.rows += 1

    def run(field: str, fn: Callable[[str], Any], key: Any = None) -> Any:
        raw = record.get(field)
        if raw is None:
            return None
        if type(raw) is not str:
            raw = str(raw)
        cache = None
        if caches is not None:
            cache = caches.get(field, _MISS)
            if cache is _MISS:
                cache = caches[field] = {}
            elif cache is not None and (hit := cache.get((raw, key) if key else raw)) is not None:
                if hit[1] is not None:  # a memoised (value, error): never None itself
                    problems.append(Quarantine(file, row, field, raw, hit[1]))
                return hit[0]  # shared with the other rows of this value (see Memo)
        value, error = None, None
        try:
            value = checked(raw, fn)
        except ValueError as e:
            error = str(e)
            problems.append(Quarantine(file, row, field, raw, error))
        if cache is not None:
            memo.put(field, cache, (raw, key) if key else raw, value, error)
        return value

    name = run("name", display_name)
    if name is None and not any(q.field == "name" for q in problems):
        problems.append(Quarantine(file, row, "name", str(record.get("name") or ""), "name is required"))
    # a field the record does not have gives None and no problem: skipped without a call
    for field, fn in SIMPLE_FIELDS.items():
        if field in record and (v := run(field, fn)) is not None:
            out[field] = v
    region = run("region", _region) if "region" in record else None
    if region:  # 所属地区 fills the split columns a file does not have
        for field, value in zip(("province", "city"), region):
            if value and field not in out:
                out[field] = value
    for field in AMOUNT_FIELDS:
        if field not in record:
            continue
        unit = record.get(f"_unit.{field}") or "万元"
        if (v := run(field, lambda s, u=unit: parse_amount(s, default_unit=u), unit)) is not None:
            out[field] = v
    if "status" in record and (status := run("status", _status)) is not None:
        out["status"], out["active"] = status
    if "registered_capital" in record and (capital := run("registered_capital", parse_capital)) is not None:
        out["registered_capital"] = capital[0]
        if capital[1]:
            out["capital_currency"] = capital[1]
    industry = [v for f in INDUSTRY_LEVELS if f in record and (v := run(f, _TEXT100))]
    if not industry and "industry" in record:
        industry = run("industry", _industry_path) or []
    if industry:
        out["industry"] = list(dict.fromkeys(industry))
    if is_leading(out.get("tags", []), out.get("output"), out.get("revenue")):
        out["leading"] = True
    _locate(record, ontology, out, run, problems, notes, memo, region[2] if region else None)
    source = run("source", _TEXT500)
    if problems:
        return None, problems, notes
    source = source or default_source
    out["sources"] = [source] if memo is None else memo.sources.setdefault(source, [source])
    out["name"] = name
    out["id"] = enterprise_id(name, out.get("credit_code"), out.get("stock_code"))
    return out, [], notes


def checked(raw: str, fn: Callable[[str], Any]) -> Any:
    """One cell through its normaliser ``fn``, after the rules every cell obeys: at most
    :data:`RAW_MAX_CHARS` characters, no spreadsheet formula; ``ValueError`` says why not."""
    if len(raw) > RAW_MAX_CHARS:
        raise ValueError(f"too long ({len(raw)} characters)")
    check_formula(raw)
    return fn(raw)


#: money fields, in 万元 unless the column's header names another unit (``_unit.<field>``)
AMOUNT_FIELDS = ("revenue", "output")
_MISS = object()
_TEXT50, _TEXT100, _TEXT500 = _text(50), _text(100), _text(500)
#: the normalisers of the fields :func:`validate_fields` reads besides :data:`SIMPLE_FIELDS` and amounts
OTHER_FIELDS: dict[str, Callable[[str], Any]] = {
    "name": display_name, "status": _status, "registered_capital": parse_capital, "industry": _industry_path,
    "local": parse_bool, "county": _TEXT50, "mail_address": _TEXT500, "source": _TEXT500,
    **dict.fromkeys(INDUSTRY_LEVELS, _TEXT100)}


class Memo:
    """Per-field memo of normalised cell values for :func:`validate_fields` (one per load).

    Bounded: at most ``limit`` values per field (and ``limit`` locations); a field whose values
    hardly repeat (names, credit codes, amounts) stops being memoised once it holds ``probe``
    values that came from nearly as many rows, so memory stays flat on a million rows.
    A memoised value (a tag or product list, ``sources``) is one object shared by every row that
    has it: callers read the fields and never change them (the loader stores them).
    """

    def __init__(self, limit: int = 50_000, probe: int = 2_000) -> None:
        self.limit, self.probe = limit, probe
        self.rows = 0                          # records validated with this memo
        self.caches: dict[str, dict | None] = {}  # field → {raw: (value, error)}; None: not memoised
        self.locations: dict[tuple, Location] = {}
        self.sources: dict[str, list[str]] = {}

    def put(self, field: str, cache: dict, key: Any, value: Any, error: str | None) -> None:
        n = len(cache)
        if n == self.probe and n >= 0.9 * self.rows:  # nearly every row brought a new value: stop
            self.caches[field] = None
            cache.clear()
        elif n < self.limit:
            cache[key] = (value, error)


def _locate(record: dict, ontology: Ontology, out: dict[str, Any], run: Callable[..., Any],
            problems: list[Quarantine], notes: list[Quarantine], memo: Memo | None = None,
            region_county: str | None = None) -> None:
    """Local or outside, its basis, and the county (:func:`etl.location.locate`) into ``out``."""
    loc = located(ontology, memo, run("local", parse_bool), out.get("province"), out.get("city"),
                  run("county", _TEXT50) or region_county, out.get("credit_code"), out.get("address"),
                  run("mail_address", _TEXT500))
    file, row = str(record.get("_file", "")), record.get("_row")
    for n in loc.notes:
        # a place read from 所属地区 is reported under that column
        field = n.field
        if field in ("province", "city", "county") and field not in record and "region" in record:
            field = "region"
        value = record.get(field)
        q = Quarantine(file, row, field, n.value if value is None else str(value), n.reason, level=n.level)
        (problems if n.level == "error" else notes).append(q)
    if loc.local is not None:
        out["local"], out["local_basis"] = loc.local, loc.basis
    if loc.county:
        out["county"] = loc.county


def located(ontology: Ontology, memo: Memo | None, local: bool | None, province: str | None, city: str | None,
            county: str | None, code: str | None, address: str | None, mail_address: str | None) -> Location:
    """:func:`etl.location.locate` of a row's checked values, once per distinct evidence with a memo.

    The credit code decides only through its division digits (:func:`~etl.location.division_says`),
    so it is part of the memo key as those; a result whose notes quote the code is this row's
    alone and is not memoised (every other result holds for every row with the same key)."""
    key = None
    if memo is not None:
        key = (local, province, city, county, address, mail_address, code is not None, division_says(code))
        loc = memo.locations.get(key)
        if loc is not None:
            return loc
    loc = locate(ontology, local=local, province=province, city=city, county=county, credit_code=code,
                 address=address, mail_address=mail_address)
    if key is not None and len(memo.locations) < memo.limit and not (
            code and any(code in n.value or code in n.reason for n in loc.notes)):
        memo.locations[key] = loc
    return loc


def validate_enterprises(records: Iterable[dict], ontology: Ontology, *, default_source: str,
                         warnings: list[Quarantine] | None = None) -> tuple[list[Enterprise], list[Quarantine]]:
    """Validate many records; good enterprises and all quarantine entries (errors), in input order;
    warnings go to ``warnings`` when given."""
    good: list[Enterprise] = []
    bad: list[Quarantine] = []
    for rec in records:
        e, q = validate_enterprise(rec, ontology, default_source=default_source, warnings=warnings)
        if e is not None:
            good.append(e)
        bad.extend(q)
    return good, bad
