"""Figures given 分别 for the two or more things a clause opens with (全区A和B…,分别超过90家和870家).

What: :func:`pair_named` names the figures of a 分别 clause that no cluster list names — nameless, or all named by the
whole ``A和B`` — by the parts of the ``A和B`` that opens the clause before 分别, when they are as many as the figures;
a qualifier right after 分别 (分别超过) goes to each of them.

Why (round 27): 重庆's 全区高新技术企业和科技型企业在2022年的基础上实现“双倍增”,分别超过90家和870家 gave two figures named
by nothing (=90家, =870家); the cluster-list 分别 rule (:func:`etl.nlp.naming.fenbie_named`) only knows named clusters.

>>> from etl.nlp.quantity import Quantity
>>> s = "全区高新技术企业和科技型企业在2022年的基础上实现“双倍增”,分别超过90家和870家"
>>> qs = [Quantity("", 90.0, "家", "超过", (s.index("90"), s.index("90") + 3)), Quantity("", 870.0, "家", "", (s.index("870"), len(s)))]
>>> [(q.name, q.qualifier) for q in pair_named(qs, s)]
[('高新技术企业', '超过'), ('科技型企业', '超过')]
"""

from __future__ import annotations

import re

__all__ = ["pair_named"]


def pair_named(quantities: list, sent: str) -> list:
    """全区A和B在…实现“双倍增”,分别超过90家和870家: nameless figures (or figures all named ``A和B``) of a 分别 clause
    take the parts of the ``A和B`` that opens its clause or the clause before, when they are as many (round 27)."""
    at = sent.index("分别")
    stop = min((i for i in (sent.find(c, at) for c in ",;。") if i >= 0), default=len(sent))
    group = [q for q in quantities if at < q.span[0] < stop]
    holder = re.split(r"[,;。:]", sent[:at].rstrip(","))[-1] or ""
    holder = re.sub(r"^(?:全[区县市省]|我[区县市省]|本[区县市省])", "", holder)
    holder = re.split(r"在|实现|要|将|力争|均|都|的", holder)[0]
    parts = [p for p in re.split(r"和|、|及|与", holder) if len(p) >= 2]
    if len(group) >= 2 and len(parts) == len(group) and {q.name for q in group} <= {"", holder}:
        shared = re.match(r"分别(超过|突破|不少于|不低于)", sent[at:])  # 分别超过90家和870家: 超过 governs both
        for part, q in zip(parts, group):
            q.name = part
            if shared and shared.group(1) not in (q.qualifier or ""):
                q.qualifier = (q.qualifier or "") + shared.group(1)
    return quantities
