"""Section heads: a sentence that opens on ``X产业链方面,`` (``X集群方面:``) names X as a chain (cluster) and makes it the
holder of the bare measures that follow until the next head (round 28, 奉节's chain sections).

The head form itself marks the name, so the field vocabulary is no gate here (脐橙, 眼镜, 肉兔 are no field words); a
bracket after the name is part of it (``脐橙(小水果)``), and a 、 inside it joins one section's products
(``肉兔、生猪(畜禽水产品)`` is one chain). A name with a digit, a place word or a clause (in, 的, a verb at its end) is no
head.

>>> section_heads("脐橙(小水果)产业链方面,招引种苗培育等项目,2025年签约投资额2亿元")
[('脐橙(小水果)', 'chain', (0, 12))]
>>> section_heads("肉兔、生猪(畜禽水产品)产业链方面,招引肉制品项目")
[('肉兔、生猪(畜禽水产品)', 'chain', (0, 17))]
>>> section_heads("(二)眼镜产业集群方面:招引镜片企业")
[('眼镜', 'cluster', (3, 11))]
>>> section_heads("在制造业升级、产业链协同等方面,取得进展"), section_heads("其中,眼镜产业链方面,…")
([], [])
>>> from etl.nlp.quantity import find_quantities
>>> para = "眼镜产业链方面,招引镜片企业,2025年签约投资额10亿元,落地项目15个;2027年末落地项目60个。"
>>> [q.name for q in section_named(find_quantities("2027年末落地项目60个"), "2027年末落地项目60个", para)]
['眼镜产业链落地项目']
"""

from __future__ import annotations

import re
from dataclasses import replace

from etl.nlp.cluster_names import field_of, is_generic

#: a numbered heading's mark before the head (一、 (二) 1. 一是)
_MARK = r"(?:[((][一二三四五六七八九十\d]+[))]|[一二三四五六七八九十]+[、是]|\d+[.、])?"
_HEAD = re.compile(r"^\s*" + _MARK + r"([\u4e00-\u9fff、]{2,16}?(?:[((〔][\u4e00-\u9fff、]{1,10}[))〕])?)"
                   r"(产业链|产业集群|集群)方面[,，::]")
#: words that make the text before the head a clause or a scope, not a name
_CLAUSE = r"[在对向把将从由为的等]|我市|我县|我区|全市|全县|全区|进一步|加快|推动|推进|持续"
_NOT_NAME = re.compile(_CLAUSE + r"|[与和及]")


def section_heads(sentence: str) -> list[tuple[str, str, tuple[int, int]]]:
    """The chain or cluster a sentence opening on ``X产业链方面,`` names: ``[(name, kind, span)]`` or ``[]``."""
    m = _HEAD.match(sentence)
    if not m:
        return []
    name = m.group(1)
    bare = re.sub(r"[((〔][^()()〔〕]*[))〕]", "", name)
    if _NOT_NAME.search(bare) or any(len(p) < 2 for p in bare.split("、")) or is_generic(bare.replace("、", ""), True):
        return []
    return [(name, "chain" if m.group(2) == "产业链" else "cluster", (m.start(1), m.end() - 1))]


#: a sentence that opens on a named cluster or chain and goes on with what it does (X产业“雁阵形”集群以…为重点,
#: 2022年营业收入达到360亿元; X产业集群着力打造…): the topic of the sentence, the holder of its bare measures (round 29)
_TOPIC = re.compile(r"^\s*([^,;。:、“”\"]{2,20}?)产业(?:[“\"][^”\"]{1,8}[”\"])?(集群|链)(?=以|着力|围绕|依托|聚焦|坚持|重点|拥有|现有|共有|实现|已|[,，])")


def sentence_topic(sent: str) -> str | None:
    """The cluster or chain a sentence opens on, as the holder of its bare measures (``新材料和新型建材产业集群``), or
    ``None``: a name with a clause or a place word in it, or one that names no field, is no topic.

    >>> sentence_topic("岱岳区新材料和新型建材产业“雁阵形”集群以玻纤等行业为重点,2022年营业收入达到360亿元")
    '新材料和新型建材产业集群'
    >>> sentence_topic("在产业集群方面,营业收入达到360亿元"), sentence_topic("推动产业集群以创新为重点,营业收入增长")
    (None, None)
    """
    m = _TOPIC.match(sent)
    if not m:
        return None
    name = field_of(m.group(1))
    if len(name) < 2 or re.search(_CLAUSE, name) or is_generic(name, True):  # A和B产业集群 is one name
        return None
    return name + "产业" + ("集群" if m.group(2) == "集群" else "链")


def section_named(quantities: list, sent: str, para: str) -> list:
    """Figures named by a bare measure (签约投资额, 落地项目) in a section are the section head's: the last
    ``X产业链方面,`` that opens a sentence of the paragraph at or before ``sent`` holds them (眼镜产业链签约投资额);
    a name holding a head of its own (…产业链, …集群, …产业) stays."""
    pos = para.find(sent.strip()[:12]) if sent.strip() else -1
    if pos < 0:
        return quantities
    holder, at = None, 0
    for part in re.split(r"(?<=[。;；])", para):
        m = _HEAD.match(part)
        if at > pos:
            break
        if m and section_heads(part):
            holder = m.group(1) + m.group(2)
        at += len(part)
    holder = holder or sentence_topic(sent)
    if not holder:
        return quantities
    return [replace(q, name=holder + q.name) if q.name and not re.search(r"产业链|集群|产业|" + re.escape(holder), q.name)
            else q for q in quantities]
