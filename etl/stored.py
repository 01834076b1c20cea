"""Firms the store already holds: a record of a later load that names one of them *is* that firm.

Why: an officer loads a registry export on top of the bundled listed firms. The export gives each
firm its credit code; the bundled file knows the same firms by stock code (``sc-600521.SH``). The
ids differ, so without this every listed Taizhou firm in the export was stored twice — and counted
twice as a local firm of its segments, its cluster and its county.

Rule (the one :mod:`etl.resolve` applies inside a load, carried across loads): a record whose
:func:`~etl.normalize.name_key` matches exactly one stored firm of another id takes that firm's id,
unless a code contradicts it (both have credit codes, or both stock codes, and they differ — then
they are two firms of one name and stay apart). The record's own values then patch the stored firm
(the later load is the fresher word on status, address, capital), except the lists: ``sources``,
``products`` and ``tags`` keep the stored items and add the record's — also when a file of the firm's
own id is loaded again (the bundled data reloaded after an export) — so no fact loses its source and
a reload in any order gives the same lists.

>>> s = StoredFirms([{"id": "sc-1", "name": "示例泵业股份有限公司", "stock_code": "1", "sources": ["listed"]}])
>>> rec = {"id": "91331081MA2AAAAA10", "name": "示例泵业股份有限公司", "credit_code": "91331081MA2AAAAA10",
...        "sources": ["export.csv"]}
>>> s.adopt(rec), rec["id"], rec["sources"]
(True, 'sc-1', ['listed', 'export.csv'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from etl.normalize import name_key
from graph.store.port import GraphStore

__all__ = ["StoredFirms", "stored_firms"]

_PAGE = 5_000
_LISTS = ("sources", "products", "tags")
_AMBIGUOUS = None  # a name two stored firms carry: nobody is guessed into either


class StoredFirms:
    """Stored firms by name key: ``{key: (id, credit_code, stock_code, {list field: items})}``."""

    def __init__(self, firms: Iterable[dict]) -> None:
        self.by_key: dict[str, tuple | None] = {}
        for f in firms:
            key = name_key(f.get("name") or "")
            if not key:
                continue
            entry = (f["id"], f.get("credit_code"), f.get("stock_code"), {k: f.get(k) or [] for k in _LISTS})
            self.by_key[key] = entry if key not in self.by_key else _AMBIGUOUS

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def adopt(self, fields: dict) -> bool:
        """Give ``fields`` (a validated record, :func:`etl.validate.validate_fields`) the stored firm's
        id and lists when it names one (module doc); ``True`` when it did. Lists are replaced, never
        changed in place (a record's lists may be shared with other records)."""
        hit = self.by_key.get(name_key(fields["name"]))
        if hit is None:
            return False
        eid, code, stock, lists = hit
        adopted = eid != fields["id"]
        if adopted:
            for mine, theirs in ((fields.get("credit_code"), code), (fields.get("stock_code"), stock)):
                if mine and theirs and mine != theirs:
                    return False
            fields["id"] = eid
        for k, items in lists.items():
            if items and (mine := fields.get(k) or []) != items:
                fields[k] = list(dict.fromkeys([*items, *mine]))
        return adopted


def _pages(store: GraphStore) -> Iterator[dict]:
    offset = 0
    while page := store.find_nodes("Enterprise", limit=_PAGE, offset=offset):
        yield from page
        offset += len(page)


def stored_firms(store: GraphStore) -> StoredFirms:
    """The store's firms, read once per load (nothing to read in an empty store)."""
    return StoredFirms(_pages(store))
