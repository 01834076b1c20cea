"""The memo of one load: each distinct cell value of a field normalised once, each distinct
location evidence located once.

Why: registry exports repeat counties, cities, tags, products and statuses on most rows, so a
load that normalises each distinct value once does a fraction of the work, with the same values
and the same error messages. Both validators use it — the row path
(:func:`etl.validate.validate_fields`) and the column path (:mod:`etl.validate_columns`) — so its
bounds and its "stop memoising" rule are stated here once.

>>> m = Memo(limit=10, probe=2)
>>> m.rows = 2
>>> cache = m.caches["name"] = {"甲": ("甲", None)}
>>> m.put("name", cache, "乙", "乙", None)
>>> m.put("name", cache, "丙", "丙", None)  # two values from two rows: the field stops being memoised
>>> m.caches["name"] is None, cache
(True, {})
"""

from __future__ import annotations

from typing import Any

from etl.location import Location, division_says, locate
from ontology.loader import Ontology

__all__ = ["Memo", "located"]


class Memo:
    """Per-field memo of normalised cell values for :func:`etl.validate.validate_fields` (one per load).

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

    def gives_up(self, n: int, rows: int) -> bool:
        """A field memo holding ``n`` values after ``rows`` records stops: nearly every row brought a new value."""
        return n == self.probe and n >= 0.9 * rows

    def put(self, field: str, cache: dict, key: Any, value: Any, error: str | None) -> None:
        n = len(cache)
        if self.gives_up(n, self.rows):
            self.caches[field] = None
            cache.clear()
        elif n < self.limit:
            cache[key] = (value, error)


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

