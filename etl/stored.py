"""Firms the store already holds: a record of a later load that names one of them *is* that firm.

Why: an officer loads a registry export on top of the bundled listed firms. The export gives each
firm its credit code; the bundled file knows the same firms by stock code (``sc-600521.SH``). The
ids differ, so without this every listed Taizhou firm in the export was stored twice — and counted
twice as a local firm of its segments, its cluster and its county.

Rule (the one :mod:`etl.resolve` applies inside a load, carried across loads, codes first): a record
whose credit code one stored firm carries, else whose stock code one stored firm carries (A-share codes
compared by their six digits: ``603337``, ``603337.SH`` and ``sh603337`` are one code), else whose
:func:`~etl.normalize.name_key` matches exactly one stored firm, takes that firm's id — a renamed
firm (杰克缝纫机 → 杰克科技) is still the stored one when a code says so. A name match gives way when a
code contradicts it (both have credit codes, or both stock codes, and they differ — then they are two
firms of one name and stay apart); a stock-code match gives way when the credit codes differ. The record's own values then patch the stored firm
(the later load is the fresher word on status, address, capital), except the lists: ``sources``,
``products`` and ``tags`` keep the stored items and add the record's — also when a file of the firm's
own id is loaded again (the bundled data reloaded after an export) — so no fact loses its source and
a reload in any order gives the same lists.

The public-data readers (:mod:`etl.public.tushare`, :mod:`etl.public.chainkg`) find a stored listed firm
by the same stock-code rule, :meth:`StoredFirms.by_stock` (read with ``whole=True``: they need the stored
firm's fields, which a public dump never overwrites) — one lookup for both, so ``603337`` stored by an
export is the firm a Tushare row ``603337.SH`` names, and a code two stored firms carry names neither.

>>> s = StoredFirms([{"id": "sc-1", "name": "示例泵业股份有限公司", "stock_code": "1", "sources": ["listed"]}])
>>> rec = {"id": "91331081MA2AAAAA10", "name": "示例泵业股份有限公司", "credit_code": "91331081MA2AAAAA10",
...        "sources": ["export.csv"]}
>>> s.adopt(rec), rec["id"], rec["sources"]
(True, 'sc-1', ['listed', 'export.csv'])
>>> s = StoredFirms([{"id": "sc-603337.SH", "name": "杰克科技股份有限公司", "stock_code": "603337.SH"}])
>>> rec = {"id": "sc-603337", "name": "杰克缝纫机股份有限公司", "stock_code": "603337"}
>>> s.adopt(rec), rec["id"]
(True, 'sc-603337.SH')
>>> s = StoredFirms([{"id": "91331000MA2AAAAA1X", "name": "示例缝纫机股份有限公司", "stock_code": "603337"}], whole=True)
>>> s.by_stock("603337.SH")["id"], s.by_stock("600521.SH")
('91331000MA2AAAAA1X', None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from etl.normalize import name_key
from etl.stock_code import ts_code
from graph.store.port import GraphStore

__all__ = ["StoredFirms", "stored_firms"]

_PAGE = 5_000
_LISTS = ("sources", "products", "tags")
_AMBIGUOUS = None  # a name (or code) two stored firms carry: nobody is guessed into either
_PREFIX = re.compile(r"^(?:SH|SZ|BJ)(?=\d{6}$)")  # sh603337, as some exports write it


def stock_key(code: str | None) -> str | None:
    """A stock code as compared: an A-share code (:func:`etl.stock_code.ts_code`) by its six digits, any
    other as written (upper case).

    >>> stock_key("603337.SH"), stock_key("sh603337"), stock_key("00700.HK"), stock_key(None)
    ('603337', '603337', '00700.HK', None)
    """
    if not code:
        return None
    code = _PREFIX.sub("", code.strip().upper())
    a_share = ts_code(code)
    return a_share[:6] if a_share else code


def _index(table: dict, key: str | None, entry: tuple) -> None:
    if key:
        table[key] = entry if key not in table else _AMBIGUOUS


class StoredFirms:
    """Stored firms by name key, credit code and stock key: ``(id, credit_code, stock_code, {list field:
    items}, the stored fields or None)`` each — the fields only with ``whole=True``, of firms with a stock
    code (what :meth:`by_stock` answers)."""

    def __init__(self, firms: Iterable[dict], *, whole: bool = False) -> None:
        self.by_key: dict[str, tuple | None] = {}
        self.by_code: dict[str, tuple | None] = {}
        self.by_stock_key: dict[str, tuple | None] = {}
        for f in firms:
            stock = f.get("stock_code")
            entry = (f["id"], f.get("credit_code"), stock, {k: f.get(k) or [] for k in _LISTS},
                     f if whole and stock else None)
            _index(self.by_key, name_key(f.get("name") or ""), entry)
            _index(self.by_code, f.get("credit_code"), entry)
            _index(self.by_stock_key, stock_key(stock), entry)

    def __bool__(self) -> bool:
        return bool(self.by_key or self.by_code or self.by_stock_key)

    def _stock_hit(self, code: str | None) -> tuple | None:
        """The one stored firm carrying stock code ``code`` (compared by :func:`stock_key`), else ``None``."""
        key = stock_key(code)
        return self.by_stock_key.get(key) if key else None

    def by_stock(self, code: str | None) -> dict | None:
        """The stored fields of the one firm carrying stock code ``code`` (read with ``whole=True``), else
        ``None`` — no stored firm, or two."""
        hit = self._stock_hit(code)
        return hit[4] if hit else None

    def _find(self, fields: dict) -> tuple | None:
        """The stored firm ``fields`` names (module doc: credit code, stock code, name), or ``None``."""
        code, stock = fields.get("credit_code"), stock_key(fields.get("stock_code"))
        if code and (hit := self.by_code.get(code)):
            return hit
        if (hit := self._stock_hit(stock)) and not (code and hit[1] and hit[1] != code):
            return hit
        hit = self.by_key.get(name_key(fields["name"]))
        if hit is None:
            return None
        if (code and hit[1] and code != hit[1]) or (stock and hit[2] and stock != stock_key(hit[2])):
            return None  # two firms of one name
        return hit

    def adopt(self, fields: dict) -> bool:
        """Give ``fields`` (a validated record, :func:`etl.validate.validate_fields`) the stored firm's
        id and lists when it names one (module doc); ``True`` when it did. Lists are replaced, never
        changed in place (a record's lists may be shared with other records)."""
        hit = self._find(fields)
        if hit is None:
            return False
        eid, _code, stock, lists, _whole = hit
        adopted = eid != fields["id"]
        if adopted:
            fields["id"] = eid
        if stock and fields.get("stock_code") and stock_key(fields["stock_code"]) == stock_key(stock):
            fields["stock_code"] = stock  # one code written two ways: the stored, fuller spelling stays
        for k, items in lists.items():
            if items and (mine := fields.get(k) or []) != items:
                fields[k] = list(dict.fromkeys([*items, *mine]))
        return adopted


def _pages(store: GraphStore) -> Iterator[dict]:
    offset = 0
    while page := store.find_nodes("Enterprise", limit=_PAGE, offset=offset):
        yield from page
        offset += len(page)


def stored_firms(store: GraphStore, *, whole: bool = False) -> StoredFirms:
    """The store's firms, read once per load (nothing to read in an empty store); ``whole``: keep the
    fields of the firms with a stock code, for :meth:`StoredFirms.by_stock`."""
    return StoredFirms(_pages(store), whole=whole)
