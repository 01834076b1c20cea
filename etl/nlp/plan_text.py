"""A plan file's text: UTF-8 (with or without BOM), else GBK/GB18030.

Why: moved out of :mod:`etl.nlp.extract` (round 37, code moved, not rewritten) so the sentence loop has room for its
readers; :mod:`etl.nlp.extract` re-exports it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_text"]


def read_text(path: str | Path) -> str:
    """A text file as str: UTF-8 (with or without BOM), else GBK/GB18030."""
    data = Path(path).read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")
