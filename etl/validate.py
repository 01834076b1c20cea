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
  (:func:`etl.address.split_region`), reported under ``region``; a 15-digit 工商注册号 in the
  credit-code column (统一社会信用代码/注册号) means no credit code.
* sources: the record's 来源 if given, else ``default_source`` (e.g. the file name).

Which normaliser checks which field is :mod:`etl.field_rules`; the memo a bulk load shares
(distinct values and location evidence checked once) is :mod:`etl.memo`.

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

from etl.field_rules import (AMOUNT_FIELDS, INDUSTRY_LEVELS, OTHER_FIELDS, SIMPLE_FIELDS, checked, industry_cells,
                              region_path)
from etl.memo import Memo, located
from etl.normalize import name_key, parse_amount, parse_capital
from etl.quarantine import Quarantine
from ontology.firms import is_leading
from ontology.loader import Ontology
from ontology.models import Enterprise

# Memo: re-exported for the callers that import it from here (tests)
__all__ = ["validate_enterprise", "validate_enterprises", "validate_fields", "enterprise_id", "note_entry", "Memo"]

_MISS = object()


def enterprise_id(name: str, credit_code: str | None = None, stock_code: str | None = None) -> str:
    """The enterprise id rule (see module doc)."""
    if credit_code:
        return credit_code
    if stock_code:
        return f"sc-{stock_code}"
    return "nm-" + hashlib.sha1(name_key(name).encode("utf-8")).hexdigest()[:12]


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

    name = run("name", OTHER_FIELDS["name"])
    if name is None and not any(q.field == "name" for q in problems):
        problems.append(Quarantine(file, row, "name", str(record.get("name") or ""), "name is required"))
    # a field the record does not have gives None and no problem: skipped without a call
    for field, fn in SIMPLE_FIELDS.items():
        if field in record and (v := run(field, fn)) is not None:
            out[field] = v
    region = run("region", region_path) if "region" in record else None
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
    if "status" in record and (status := run("status", OTHER_FIELDS["status"])) is not None:
        out["status"], out["active"] = status
    cap_unit = record.get("_unit.registered_capital")  # a plain number in the unit its header names: 注册资本(元)
    read_capital = (lambda s, u=cap_unit: parse_capital(s, u)) if cap_unit else OTHER_FIELDS["registered_capital"]
    if "registered_capital" in record and (capital := run("registered_capital", read_capital, cap_unit)) is not None:
        out["registered_capital"] = capital[0]
        if capital[1]:
            out["capital_currency"] = capital[1]
        elif (not cap_unit and capital[0] >= IMPLAUSIBLE_CAPITAL
              and _PLAIN_NUMBER.fullmatch(raw := str(record["registered_capital"]).strip())):
            notes.append(Quarantine(file, row, "registered_capital", raw, capital_note(capital[0]), level="warning"))
    industry = [v for f in INDUSTRY_LEVELS if f in record and (v := run(f, OTHER_FIELDS[f]))]
    if not industry and "industry" in record:
        industry = run("industry", OTHER_FIELDS["industry"]) or []
    if industry:  # 2720 化学药品制剂制造: the name, and the code when the record has no 国标行业代码 (review 40 F1)
        names, code, note = industry_cells(industry)
        if names:
            out["industry"] = names
        if code and not out.get("industry_code"):
            out["industry_code"] = code
        if note:
            field = next((f for f in INDUSTRY_LEVELS if f in record), "industry")
            notes.append(Quarantine(file, row, field, " / ".join(industry), note, level="warning"))
    if is_leading(out.get("tags", []), out.get("output"), out.get("revenue")):
        out["leading"] = True
    _locate(record, ontology, out, run, problems, notes, memo, region[2] if region else None)
    source = run("source", OTHER_FIELDS["source"])
    problems = _code_slip_kept(problems, notes)
    if problems:
        return None, problems, notes
    source = source or default_source
    out["sources"] = [source] if memo is None else memo.sources.setdefault(source, [source])
    out["name"] = name
    out["id"] = enterprise_id(name, out.get("credit_code"), out.get("stock_code"))
    return out, [], notes


_CHECK_SLIP = re.compile(r"credit code check character is '(.)', expected '(.)'")


def check_slip_note(got: str, expected: str) -> str:
    """The warning on a credit code whose only fault is its check character (the firm is kept, the code is not).

    >>> check_slip_note("1", "2")[:40]
    '统一社会信用代码的校验位（第 18 位）是「1」，按 GB 32100-2015'
    """
    return (f"统一社会信用代码的校验位（第 18 位）是「{got}」，按 GB 32100-2015 应为「{expected}」，多为抄录笔误：企业照常导入，"
            "这个代码不保存，也不用来判断地点或与其他文件合并，请按登记信息核对后补上 / credit code check character is "
            f"'{got}', expected '{expected}' (GB 32100-2015; usually a typing slip): the firm is loaded without the code, "
            "which is neither stored nor used for its location or for matching other files; check it against the register")


def _code_slip_kept(problems: list[Quarantine], notes: list[Quarantine]) -> list[Quarantine]:
    """``problems`` without a credit code whose only fault is its check character: that one is a warning in
    ``notes`` and the row loads without the code (review 40 C6: the whole firm was dropped for one character).

    Why only the check character: the other 17 characters are well formed, so the cell is a credit code with a
    slip in it, and the rest of the row is the firm's. A code of the wrong length or with letters the charset
    does not use may be another column's value (a shifted row), so that row is still refused."""
    kept = []
    for q in problems:
        slip = _CHECK_SLIP.fullmatch(q.reason) if q.field == "credit_code" else None
        if slip:
            notes.append(Quarantine(q.file, q.row, q.field, q.value, check_slip_note(*slip.groups()), level="warning"))
        else:
            kept.append(q)
    return kept


#: a plain 注册资本 figure (no unit in the cell or the header) is read in 万元; from 100 亿元 it is more likely a
#: figure in 元 (a 公示系统 list writes 120000000 for 1.2 亿元): said as a warning, never changed
IMPLAUSIBLE_CAPITAL = 1e6
_PLAIN_NUMBER = re.compile(r"\d[\d,]*(\.\d+)?")


def capital_note(amount: float) -> str:
    """The warning on a plain 注册资本 figure that reads implausibly large in 万元.

    >>> capital_note(120000000.0)[:34]
    '注册资本没有写单位，按万元读作 12,000 亿元：若文件的单位是元'
    """
    return (f"注册资本没有写单位，按万元读作 {amount / 1e4:,.0f} 亿元：若文件的单位是元，请把表头写成“注册资本（元）”再导入 / "
            f"no unit: read in 10k CNY as {amount / 1e4:,.0f} 亿 (100M) CNY; if the file is in 元, name the unit in the "
            "header, 注册资本（元）")


def note_entry(record: dict, note) -> Quarantine:
    """A location note (:class:`etl.location.Location` ``.notes``) as the record's quarantine entry,
    quoting the record's own cell; a place read from 所属地区 is reported under that column."""
    field = note.field
    if field in ("province", "city", "county") and field not in record and "region" in record:
        field = "region"
    value = record.get(field)
    return Quarantine(str(record.get("_file", "")), record.get("_row"), field,
                      note.value if value is None else str(value), note.reason, level=note.level)


def _locate(record: dict, ontology: Ontology, out: dict[str, Any], run: Callable[..., Any],
            problems: list[Quarantine], notes: list[Quarantine], memo: Memo | None = None,
            region_county: str | None = None) -> None:
    """Local or outside, its basis, and the county (:func:`etl.location.locate`) into ``out``."""
    loc = located(ontology, memo, run("local", OTHER_FIELDS["local"]), out.get("province"), out.get("city"),
                  run("county", OTHER_FIELDS["county"]) or region_county, out.get("credit_code"), out.get("address"),
                  run("mail_address", OTHER_FIELDS["mail_address"]))
    for n in loc.notes:
        (problems if n.level == "error" else notes).append(note_entry(record, n))
    if loc.local is not None:
        out["local"], out["local_basis"] = loc.local, loc.basis
    if loc.county:
        out["county"] = loc.county


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
