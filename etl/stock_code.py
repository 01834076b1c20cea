"""A-share stock codes: one spelling (``000913.SZ``) for the code a file writes bare or suffixed.

Why its own module: the Tushare reader (:mod:`etl.public.tushare`) keys its rows by it and a later load finds
a stored listed firm by it (:mod:`etl.stored`); the exchange of a bare code follows from its first digit
(6/9 上交所, 4/8 北交所, else 深交所).

>>> ts_code("301079"), ts_code("603337.sh"), ts_code("x")
('301079.SZ', '603337.SH', None)
"""

from __future__ import annotations

import re

__all__ = ["ts_code"]

_CODE = re.compile(r"^(\d{6})(?:\.(SH|SZ|BJ))?$")


def ts_code(value) -> str | None:
    """Exchange-suffixed stock code (``000913.SZ``); a bare code gets its exchange from its first digit."""
    m = _CODE.match(str(value or "").strip().upper())
    if not m:
        return None
    code, ex = m.groups()
    return f"{code}.{ex or {'6': 'SH', '9': 'SH', '4': 'BJ', '8': 'BJ'}.get(code[0], 'SZ')}"
