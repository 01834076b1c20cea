"""Unified social credit codes (统一社会信用代码, GB 32100-2015): the check character, and a cell
cleaned and checked into a code or refused with the reason.

Why its own module: the code is the one identifier every registry export carries, so it is
checked exactly — 18 characters from a charset without I, O, S, V, Z, characters 3–8 a 6-digit
administrative division (GB/T 2260, read by :mod:`etl.places`), the last a weighted check character
(§4) — and a near miss says which of those it breaks.

>>> credit_code_check_char("91331081MA2AAAAA1")
'0'
>>> normalize_credit_code("9133 1081 ma2aaaaa10"), is_valid_credit_code("91331081MA2AAAAA11")
('91331081MA2AAAAA10', False)
"""

from __future__ import annotations

import operator
import re

from etl.text import halfwidth

__all__ = ["CREDIT_CHARSET", "CREDIT_WEIGHTS", "credit_code_check_char", "is_valid_credit_code",
           "normalize_credit_code"]

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUE = {c: i for i, c in enumerate(CREDIT_CHARSET)}
_CREDIT17 = re.compile(f"[{CREDIT_CHARSET}]{{17}}")
_CODE_GAPS = re.compile(r"[\s\-]")


def credit_code_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a credit code (GB 32100-2015 §4)."""
    if not _CREDIT17.fullmatch(first17):
        raise ValueError("need 17 characters from the credit-code charset")
    total = sum(map(operator.mul, map(_CREDIT_VALUE.__getitem__, first17), CREDIT_WEIGHTS))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """True when ``code`` is an exact, well-formed 18-character credit code."""
    try:
        return normalize_credit_code(code) == code
    except ValueError:
        return False


def normalize_credit_code(value: str) -> str:
    """Upper-case, half-width, spaces/hyphens removed, then checked; ``ValueError`` says why not."""
    code = _CODE_GAPS.sub("", halfwidth(value)).upper()
    if len(code) != 18:
        raise ValueError(f"credit code must be 18 characters, got {len(code)}")
    bad = [c for c in code if c not in _CREDIT_VALUE]
    if bad:
        raise ValueError(f"credit code contains invalid character(s) {''.join(dict.fromkeys(bad))!r} "
                         "(I, O, S, V, Z and symbols are not used)")
    if not code[2:8].isdigit():
        raise ValueError("credit code characters 3-8 must be a 6-digit administrative division code")
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise ValueError(f"credit code check character is {code[17]!r}, expected {expected!r}")
    return code
