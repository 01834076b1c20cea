"""Figures written in traditional characters: the unit, number and qualifier characters the reader knows.

What: :func:`simplified` maps the traditional forms of the characters the figure reader matches (units 萬 億 條 噸 個
項 畝 輛 臺 戶 標, the number word 兩, the qualifiers 約 過 達 於 餘 爭 確) to their simplified forms, one character for one, so
every span stays where it is; :func:`as_written` gives each item's name and unit back in the characters the source
wrote (``7條國內集裝箱航線`` → 國內集裝箱航線, 7, 條).

Why: a plan reposted in traditional characters (周口's 2023 report: ``4.1萬標箱``, ``3305萬噸``) states its figures in
the same units; the reader knows the simplified forms only. A small mapping of the characters it knows (not a whole
text conversion: the names, the sentences and the spans stay as the source writes them, so an item can be checked
against its source) keeps the reader one reader. A simplified text passes unchanged.

>>> simplified("貨物吞吐量3305萬噸")
'貨物吞吐量3305万吨'
>>> from etl.nlp.quantity import find_quantities
>>> [(q.name, q.value, q.unit) for q in find_quantities("現已開通7條國內集裝箱航線,港口集裝箱吞吐量4.1萬標箱")]
[('國內集裝箱航線', 7.0, '條'), ('港口集裝箱吞吐量', 4.1, '萬標箱')]
"""

from __future__ import annotations

__all__ = ["simplified", "as_written"]

#: traditional → simplified, only characters of the units, numbers and qualifiers the figure reader matches
_FORMS = str.maketrans("萬億條噸個項畝輛臺戶標兩約過達於餘爭確", "万亿条吨个项亩辆台户标两约过达于余争确")


def simplified(text: str) -> str:
    """``text`` with the known traditional unit, number and qualifier characters simplified (same length)."""
    return text.translate(_FORMS)


def _written(found: str, text: str, read: str) -> str:
    """``found`` (a piece of ``read``) in the characters ``text`` has at the same place, where only the mapping differs."""
    at = read.find(found) if found else -1
    if at < 0:
        return found
    source = text[at:at + len(found)]
    return "".join(s if s != f and simplified(s) == f else f for s, f in zip(source, found))


def as_written(items: list, text: str, read: str) -> list:
    """``items`` (read from ``read``, the simplified ``text``) with names and units in ``text``'s own characters."""
    if simplified(text) == text:
        return items
    for q in items:
        q.name = _written(q.name, text, read)
        q.unit = _written(q.unit, text[q.span[0]:q.span[1]], read[q.span[0]:q.span[1]])
    return items
