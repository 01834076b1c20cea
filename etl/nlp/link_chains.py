"""A chain spelled as its links: ``“药材种植—饮片加工—配方颗粒”产业链``, ``锂电池“石墨化—负极材料—回收利用”产业链``.

What: :func:`linked_chains` finds a quoted run of links joined by dashes (—, –, -) right before a chain or cluster head.
When a field stands right before the opening quote (锂电池“…”产业链) the chain is that field's and is named by it; else
the chain is named by its links as written, without the quotes (药材种植—饮片加工—…—成药制造). It returns ``(name, kind,
head_start)``; :func:`etl.nlp.plan_clusters.find_clusters` reports them and reads no other name from that head (the
dash would otherwise open a bullet line there and leave the last link, 回收利用, as the name).

Why (round 20): 秀山's five points each name the chain the county grows as its links; the old reading gave the last
link (回收利用, 成药制造, 休闲食品) for three chains.

>>> linked_chains("一是新材料产业,重点壮大锂电池“石墨化—负极材料—回收利用”产业链,力争")
[('锂电池', 'chain', 30)]
>>> linked_chains("重点壮大“农产品初加工—预制菜—休闲食品”产业链")
[('农产品初加工—预制菜—休闲食品', 'chain', 21)]
"""

from __future__ import annotations

import re

from etl.nlp.cluster_names import clean_name, is_generic
from etl.nlp.field_vocab import is_field

__all__ = ["linked_chains", "without_stages"]

_LINKED = re.compile(r"([^,;。:!?“”\"]{0,16}?)[“\"]([^”\"—–,;。]{2,12}(?:[—–-]{1,2}[^”\"—–,;。]{2,12}){1,8})[”\"]"
                     r"(产业集群|产业链|集群)")


def linked_chains(sentence: str) -> list[tuple[str, str, int]]:
    """``[(name, kind, head_start)]`` of the chains (or clusters) spelled as their links in ``sentence``."""
    out = []
    for m in _LINKED.finditer(sentence):
        kind = "chain" if m.group(3) == "产业链" else "cluster"
        lead = clean_name(m.group(1), True)
        if lead and is_field(lead) and not is_generic(lead):
            out.append((lead, kind, m.start(3)))
        else:
            out.append((re.sub(r"[–-]+|—{2}", "—", m.group(2)), kind, m.start(3)))
    return out


#: a 、-list of a chain's links after its field (研发、设计、组装、制造), no fields of their own
_STAGE = r"(?:研发|设计|生产|制造|组装|装配|销售|服务|应用|回收|加工|检测|运营|维修|营销)"
_STAGES = re.compile(rf"{_STAGE}(?:、{_STAGE})+$")


def without_stages(span_text: str) -> str:
    """The phrase before a chain head without the 、-list of links that follows its field (round 40): the chain of
    新能源汽车研发、设计、组装、制造 is 新能源汽车's; a list of links with no field before it is left as it is.

    >>> without_stages("一条完整的新能源汽车研发、设计、组装、制造"), without_stages("研发、设计、制造")
    ('一条完整的新能源汽车', '研发、设计、制造')
    """
    stages = _STAGES.search(span_text)
    return span_text[:stages.start()] if stages and is_field(clean_name(span_text[:stages.start()], True)) else span_text
