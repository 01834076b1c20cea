"""A plan file's text: UTF-8 (with or without BOM), else GBK/GB18030.

:func:`without_quote_codes` drops the stock codes a finance site links after names (round 39).

Why: moved out of :mod:`etl.nlp.extract` (round 37, code moved, not rewritten) so the sentence loop has room for its
readers; :mod:`etl.nlp.extract` re-exports it.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["read_text", "without_quote_codes"]

#: a finance site's stock or sector code after a name (新能源(850101)电池, 中国电信(HK0728)): a repost's link, no part of the text
_QUOTE_CODE = re.compile(r"(?<=[\u4e00-\u9fff])[((](?:\d{6}|[A-Z]{2}\d{4})[))]")


def read_text(path: str | Path) -> str:
    """A text file as str: UTF-8 (with or without BOM), else GBK/GB18030."""
    data = Path(path).read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def without_quote_codes(text: str) -> str:
    """``text`` without the stock codes a finance site links after names (round 39: 玉溪's 10jqka repost).

    >>> without_quote_codes("卷烟及配套、生物医药、新能源(850101)电池三大主导产业;中国电信(HK0728)、到2025年(2020—2025年)")
    '卷烟及配套、生物医药、新能源电池三大主导产业;中国电信、到2025年(2020—2025年)'
    """
    return _QUOTE_CODE.sub("", text)
