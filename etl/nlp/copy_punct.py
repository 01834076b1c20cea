"""A stored copy's ASCII punctuation read as the text wrote it: ``.`` that ends a sentence is 。, a comma between short
items of a list that a chain or cluster head or a count closes is 、.

What: :func:`copy_punctuation` takes one paragraph (after :func:`etl.nlp.vocab.normalize`, which turns ,
into ``,`` already) and gives it back the same length. Only a paragraph with no 。 has its sentence-ending ``.``
read as 。 (a ``.`` between two characters that are no digits: 提升.着力, never 3.5); only a paragraph with no 、 has
list commas (a copy that wrote 、 keeps its commas as commas): a run of at least three comma-separated items of a
field (:func:`etl.nlp.field_vocab.is_field`), each of Han text and brackets (饮品(茶品)) up to eight characters — the
first up to twelve, when a lead stands before its item (成长性良好的功能食品) — closed by 产业链, 产业集群 or a count
(等5大, 5个) right after the last item (全产业链 closes nothing: its item is one character).

Why (round 32): 太原's 实施意见 is a copy that wrote every 、 and , as ASCII commas and every 。 as a period
(各县(市,区) shows it): its ten chains (突出抓好酿品,乳品,肉制品,主食糕点,干鲜果品储运产业链…) were read as clauses, no list,
and its figures ran across sentences (以年均增长, ``.=150家``).

>>> copy_punctuation("突出抓好酿品,乳品,肉制品,主食糕点,干鲜果品储运产业链整合提升.着力推进功能食品,饮品(茶品)产业链发展")
'突出抓好酿品、乳品、肉制品、主食糕点、干鲜果品储运产业链整合提升。着力推进功能食品,饮品(茶品)产业链发展'
>>> copy_punctuation("坚持市场主导,企业主体,合理布局,融合发展原则.达到3.5%")
'坚持市场主导,企业主体,合理布局,融合发展原则。达到3.5%'
>>> copy_punctuation('按照"全产业链打造,全产业链提升"思路,推进有市场前景,成长性良好的功能食品,保健品,化妆品产业链发展')
'按照"全产业链打造,全产业链提升"思路,推进有市场前景,成长性良好的功能食品、保健品、化妆品产业链发展'
"""

from __future__ import annotations

import re

from etl.nlp.field_vocab import is_field

__all__ = ["copy_punctuation"]

#: the head that closes a list (产业链, 产业集群, a count) right after its last item of two to eight characters
_CLOSED = re.compile(r"^[\u4e00-\u9fff()()]{2,8}(?=产业链|产业集群|等?[\d一二三四五六七八九十]+(?:大|个|条))")
_SEGMENT = re.compile(r"^[\u4e00-\u9fff()()]{1,12}$")
_FULL_STOP = re.compile(r"(?<=[\u4e00-\u9fff)”\"])\.(?=[\u4e00-\u9fff(“\"]|$)")


def copy_punctuation(para: str) -> str:
    """``para`` with a copy's sentence-ending ``.`` as 。 and its list commas as 、 (see the module doc)."""
    if "。" not in para:
        para = _FULL_STOP.sub("。", para)
    if "、" in para or "," not in para:
        return para
    parts = re.split(r"(,)", para)  # segments at even indexes, the commas between them at odd ones
    for i in range(2, len(parts), 2):
        if not _CLOSED.match(parts[i]):
            continue
        first = i
        while first >= 2 and _item(parts[first - 2], lead=len(parts[first - 2]) > 8):
            first -= 2
            if len(parts[first]) > 8:  # an item with its lead (成长性良好的功能食品) opens the list
                break
        if (i - first) // 2 >= 2:  # three items at least
            parts[first + 1:i:2] = ["、"] * ((i - first) // 2)
    return "".join(parts)


def _item(segment: str, lead: bool) -> bool:
    """Is ``segment`` one short field item of a list (up to twelve characters when it holds a lead before its item)?"""
    return bool(_SEGMENT.match(segment)) and (lead or len(segment) <= 8) and is_field(segment)
