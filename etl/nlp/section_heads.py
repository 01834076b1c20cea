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

from etl.nlp.cluster_names import is_generic

#: a numbered heading's mark before the head (一、 (二) 1. 一是)
_MARK = r"(?:[((][一二三四五六七八九十\d]+[))]|[一二三四五六七八九十]+[、是]|\d+[.、])?"
_HEAD = re.compile(r"^\s*" + _MARK + r"([\u4e00-\u9fff、]{2,16}?(?:[((〔][\u4e00-\u9fff、]{1,10}[))〕])?)"
                   r"(产业链|产业集群|集群)方面[,，::]")
#: words that make the text before the head a clause or a scope, not a name
_NOT_NAME = re.compile(r"[在对向把将从由为与和及的等]|我市|我县|我区|全市|全县|全区|进一步|加快|推动|推进|持续")


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
    if not holder:
        return quantities
    return [replace(q, name=holder + q.name) if q.name and not re.search(r"产业链|集群|产业|" + re.escape(holder), q.name)
            else q for q in quantities]
