"""Validate a batch of records column by column: the loader's bulk path, with exactly the values,
errors and warnings :func:`etl.validate.validate_fields` gives row by row.

Why: row by row, a record costs ≈ 14 normaliser calls through a closure, and a registry export's
non-repeating columns (name, credit code, amounts, date) do real work on every row — ≈ 10 of the
≈ 23 CPU-s of a 100k load. Here each column of a batch is checked at once:

* a value seen before is one dict lookup (``map`` over the column, in C); a field whose values
  hardly repeat stops being memoised (the rule of :class:`etl.memo.Memo`);
* a value of the usual shape is accepted by a compiled check that implies the normaliser's result
  — a Chinese name of ideographs, ASCII letters/digits and （）, stays itself; an 18-character
  credit code with its check character is itself; a plain decimal in 万元 is ``round(float(x), 6)``;
  a ``YYYY-MM-DD`` real date in range is itself (``tests/etl/test_validate_columns.py`` holds each
  equal to the normaliser on the values it accepts);
* any other value goes through the field's own normaliser (:func:`etl.field_rules.checked`).

A row that any of these refuses (or whose location has an error) is validated again by
``validate_fields``, so its errors are its own, with their messages, in their order.

>>> from ontology.loader import Ontology
>>> v = BatchValidator(Ontology())
>>> out = v([{"name": "示例企业A有限公司", "revenue": "1.5", "_file": "a.csv", "_row": 2},
...          {"name": "=1+1", "_file": "a.csv", "_row": 3}], default_source="a.csv")
>>> values, problems, notes = out[0]
>>> held_field(values, "revenue"), held_field(values, "sources"), problems, [n.field for n in notes]
(1.5, ['a.csv'], [], ['local'])
>>> out[1][0], [(q.row, q.field) for q in out[1][1]]
(None, [(3, 'name')])
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import repeat
from typing import Any

from etl.field_rules import AMOUNT_FIELDS, INDUSTRY_LEVELS, OTHER_FIELDS, SIMPLE_FIELDS, checked, industry_cells
from etl.held import FIELDS, field as held_field, packed_props
from etl.memo import Memo, located
from etl.normalize import EMPTY_MARKERS, credit_code_check_char, parse_amount
from etl.validate import IMPLAUSIBLE_CAPITAL, enterprise_id, note_entry, validate_fields
from ontology.firms import is_leading
from ontology.loader import Ontology

__all__ = ["BatchValidator", "held_field"]

_MISS = object()
# value shapes whose normalised value is known without the normaliser (see the module doc)
_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z（）]{0,199}")
_CODE = re.compile(r"[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}")
_DECIMAL = re.compile(r"\d{1,15}(?:\.\d{1,15})?")
_WHOLE = re.compile(r"\d{1,15}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _lines(shape: re.Pattern) -> re.Pattern:
    """The same shape for a whole column joined with newlines (no shape above matches a newline)."""
    return re.compile(f"(?:{shape.pattern}\n)*")


_NAMES, _CODES, _DECIMALS, _WHOLES, _DATES = map(_lines, (_NAME, _CODE, _DECIMAL, _WHOLE, _DATE))


def _code_ok(code: str) -> bool:
    return credit_code_check_char(code[:17]) == code[17]


def _fast_name(raw: str) -> Any:
    return raw if _NAME.fullmatch(raw) and raw not in EMPTY_MARKERS else _MISS


def _fast_code(raw: str) -> Any:
    return raw if _CODE.fullmatch(raw) and _code_ok(raw) else _MISS


def _fast_amount(raw: str) -> Any:  # only for a column in 万元 (the usual unit)
    return round(float(raw), 6) if _DECIMAL.fullmatch(raw) else _MISS


def _fast_int(raw: str) -> Any:
    return int(raw) if _WHOLE.fullmatch(raw) else _MISS


def _date_in_range(raws: list[str]) -> bool:
    """ISO dates (``YYYY-MM-DD``, compared as text) from 1800 to next year: :func:`parse_date`'s range."""
    return min(raws) >= "1800-" and max(raws) < f"{dt.date.today().year + 2:04d}-"


def _fast_date(raw: str) -> Any:
    if not _DATE.fullmatch(raw) or not _date_in_range([raw]):
        return _MISS
    try:
        dt.date.fromisoformat(raw)
    except ValueError:
        return _MISS
    return raw


def _names(raws: list[str]) -> list | None:
    return list(raws) if EMPTY_MARKERS.isdisjoint(raws) else None


def _codes(raws: list[str]) -> list | None:
    return list(raws) if all(map(_code_ok, raws)) else None


def _dates(raws: list[str]) -> list | None:
    if not _date_in_range(raws):
        return None
    try:
        list(map(dt.date.fromisoformat, raws))
    except ValueError:
        return None
    return list(raws)


#: per field: (one value's fast check, the whole column's shape, the column's values once it has that shape)
_FAST: dict[str, tuple] = {
    "name": (_fast_name, _NAMES, _names),
    "credit_code": (_fast_code, _CODES, _codes),
    "employees": (_fast_int, _WHOLES, lambda raws: list(map(int, raws))),
    "insured": (_fast_int, _WHOLES, lambda raws: list(map(int, raws))),
    "founded": (_fast_date, _DATES, _dates),
    "万元": (_fast_amount, _DECIMALS, lambda raws: list(map(round, map(float, raws), repeat(6)))),
}
#: default (non-None) stored values: an unset list field is the model's empty list
_DEFAULTS = dict(zip(FIELDS, packed_props({})))


class BatchValidator:
    """Validates batches of enterprise records for one load (its memos live as long as it does).

    Calling it with a batch returns, per record, ``(values, [], warnings)`` — the stored property
    values in :data:`etl.held.FIELDS` order, as :func:`etl.held.packed_props` of
    ``validate_fields``'s fields — or ``(None, errors, warnings)``."""

    def __init__(self, ontology: Ontology, memo: Memo | None = None) -> None:
        self.onto = ontology
        self.memo = memo or Memo()              # the row path's memo (and the location memo)
        self.caches: dict[tuple, dict | None] = {}  # (field, unit) → {raw: accepted value}; None: not memoised
        self.rows = 0

    def __call__(self, records: list[dict], *, default_source: str) -> list[tuple]:
        n = len(records)
        present = set().union(*records)
        # 所属地区 (one path for province/city/county) fills other fields and renames their notes:
        # such a batch takes the row path, which has that rule (etl.validate.validate_fields)
        # so does a 注册资本 column whose header names a unit (注册资本(元)): the row path reads its plain numbers in it
        bad = bytearray(b"\x01" * n if "region" in present or "_unit.registered_capital" in present else n)
        col: dict[str, list] = {}
        for f in (*SIMPLE_FIELDS, *OTHER_FIELDS):
            if f in present:
                col[f] = self._column(f, list(map(dict.get, records, repeat(f))), SIMPLE_FIELDS.get(f) or OTHER_FIELDS[f],
                                      _FAST.get(f), bad)
        for f in AMOUNT_FIELDS:
            if f in present:
                col[f] = self._amounts(f, records, bad)
        none = [None] * n
        get = lambda f: col.get(f, none)  # noqa: E731
        names, codes = get("name"), get("credit_code")
        for i, name in enumerate(names):
            if name is None:  # "name is required" (or its own error): the row path says which
                bad[i] = 1
        if "status" in col:
            col["active"] = [None if s is None else s[1] for s in col["status"]]
            col["status"] = [None if s is None else s[0] for s in col["status"]]
        if "registered_capital" in col:
            caps = col["registered_capital"]
            col["capital_currency"] = [c and c[1] for c in caps]
            col["registered_capital"] = [c and c[0] for c in caps]
            for i, c in enumerate(caps):  # a plain figure that reads implausibly large in 万元: the row path warns
                if c and c[1] is None and c[0] >= IMPLAUSIBLE_CAPITAL:
                    bad[i] = 1
        self._industry(col, present, n, bad)
        col["leading"] = [is_leading(t or (), o, r) or None
                          for t, o, r in zip(get("tags"), get("output"), get("revenue"))]
        notes = self._locate(records, col, get, bad)
        sources = self.memo.sources
        col["sources"] = [sources.get(s) or sources.setdefault(s, [s])
                          for s in (x or default_source for x in get("source"))]
        col["id"] = [enterprise_id(nm, c, s) if nm is not None else None
                     for nm, c, s in zip(names, codes, get("stock_code"))]
        columns = []
        for f in FIELDS:
            c, d = col.get(f), _DEFAULTS[f]
            columns.append(repeat(d, n) if c is None else c if d is None else [d if v is None else v for v in c])
        out: list[tuple] = []
        for i, values in enumerate(zip(*columns)):
            if bad[i]:
                fields, problems, warns = validate_fields(records[i], self.onto, default_source=default_source,
                                                          memo=self.memo)
                out.append((None if fields is None else packed_props(fields), problems, warns))
            else:
                out.append((values, [], notes[i]))
        self.rows += n
        return out

    def _column(self, field: str, raws: list, fn: Callable[[str], Any], fast: tuple | None,
                bad: bytearray, key: Any = None) -> list:
        """The column's accepted values (``None``: empty, or refused and its row marked bad)."""
        if fast is not None:  # every value in the usual shape: checked as one text
            one, shape, convert = fast
            try:
                text = "\n".join(raws) + "\n"
            except TypeError:  # an empty cell (None) or a value that is not text
                text = ""
            # (a value holding a newline itself would pass as two: the count rules it out)
            whole = text.count("\n") == len(raws) > 0 and shape.fullmatch(text) and convert(raws)
            if whole:
                return whole
            fast = one
        cache = self.caches.get((field, key), _MISS)
        if cache is _MISS:
            cache = self.caches[(field, key)] = {None: None}
        try:
            vals = list(map(cache.get, raws, repeat(_MISS))) if cache is not None else None
        except TypeError:  # a value that is not text (records read from files hold text)
            vals = None
        if vals is None:
            vals = [None if r is None else _MISS for r in raws]
        if _MISS not in vals:
            return vals
        for i in [i for i, v in enumerate(vals) if v is _MISS]:
            raw = raws[i]
            if type(raw) is not str:  # the row path turns it into text first
                bad[i], vals[i] = 1, None
                continue
            v = fast(raw) if fast is not None else _MISS
            if v is _MISS:
                try:
                    v = checked(raw, fn)
                except ValueError:
                    bad[i], vals[i] = 1, None
                    continue
            vals[i] = v
            if cache is not None:
                cache = self._put(field, key, cache, raw, v, self.rows + i + 1)
        return vals

    def _put(self, field: str, key: Any, cache: dict, raw: str, value: Any, rows: int) -> dict | None:
        """Memoise an accepted value (``rows``: records seen so far); a field whose values hardly
        repeat stops being memoised (:meth:`etl.memo.Memo.put`'s rule). Returns the cache or ``None``."""
        n = len(cache) - 1  # without its None entry
        if self.memo.gives_up(n, rows):
            self.caches[(field, key)] = None
            return None
        if n < self.memo.limit:
            cache[raw] = value
        return cache

    def _amounts(self, field: str, records: list[dict], bad: bytearray) -> list:
        """An amount column: per distinct unit of its header (万元 unless ``_unit.<field>`` says)."""
        units = [r.get(f"_unit.{field}") or "万元" for r in records]
        raws = [r.get(field) for r in records]
        out = [None] * len(records)
        for unit in dict.fromkeys(units):
            idx = [i for i, u in enumerate(units) if u == unit]
            fast = _FAST.get(unit)
            vals = self._column(field, [raws[i] for i in idx], lambda s, u=unit: parse_amount(s, default_unit=u),
                                fast, sub := bytearray(len(idx)), key=unit)
            for j, i in enumerate(idx):
                out[i] = vals[j]
                bad[i] |= sub[j]
        return out

    def _industry(self, col: dict[str, list], present: set, n: int, bad: bytearray) -> None:
        """``industry``: the non-empty 国标行业 levels in order, else 所属行业 (read only then)."""
        levels = [col[f] for f in INDUSTRY_LEVELS if f in col]
        whole = col.pop("industry", None)
        if not levels and whole is None:
            return
        merged, codes = [], col.get("industry_code") or [None] * n
        for i in range(n):
            ind = [v for c in levels if (v := c[i])]
            if not ind and whole is not None:
                ind = whole[i] or []
            names, code, note = industry_cells(ind) if ind else (None, None, None)
            merged.append(names)
            if code and not codes[i]:  # the code written in front of a name (etl.field_rules.industry_cells)
                codes[i] = code
            if note:
                bad[i] = 1  # the row path says why a written code was not used
        col["industry"] = merged
        if any(codes):
            col["industry_code"] = codes

    def _locate(self, records: list[dict], col: dict[str, list], get, bad: bytearray) -> list[list]:
        """Each good row's location (county, local, basis) into ``col``; its warnings; a row whose
        location has an error is marked bad."""
        county, local, basis, notes = [], [], [], []
        for i, args in enumerate(zip(get("local"), get("province"), get("city"), get("county"), get("credit_code"),
                                     get("address"), get("mail_address"))):
            if bad[i]:
                county.append(None), local.append(None), basis.append(None), notes.append([])
                continue
            loc = located(self.onto, self.memo, *args)
            rec = records[i]
            mine = []
            for note in loc.notes:
                if note.level == "error":
                    bad[i] = 1
                mine.append(note_entry(rec, note))
            notes.append(mine)
            county.append(loc.county or None)
            local.append(loc.local)
            basis.append(None if loc.local is None else loc.basis)
        col["county"], col["local"], col["local_basis"] = county, local, basis
        return notes
