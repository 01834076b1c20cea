"""Technology phrases of a plan that name something specific (车规级芯片关键技术), never the generic ones.

What: :func:`specific_techs` gives the ``X关键技术/核心技术/共性技术`` phrases of a sentence whose ``X`` names a
technology, material, component or process, after the lead verb or list word before it is cut (攻克, 研发, 一批, 的 …);
generic heads (产业, 重点, 前沿, 共性 …) and 卡脖子 phrases are none.

Why: split out of :mod:`etl.nlp.extract` (round 20, code moved, not rewritten) — issue 15 point 3: technologies only
when specific.

>>> list(specific_techs("攻克车规级芯片关键技术,突破一批关键核心技术和产业共性关键技术"))
['车规级芯片关键技术']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["specific_techs"]

_TECH_RE = re.compile(r"([^,;。:、“”\"()]{0,14}?)[“\"]?(关键核心技术|共性关键技术|关键共性技术|核心关键技术|核心技术|"
                      r"关键技术|共性技术|卡脖子[”\"]?技术|卡脖子[”\"]?)")
_TECH_LEAD = re.compile(r"^.*(?:是|加速|攻坚|攻克|突破|掌握|研发|开发|攻关|研究|梳理确定|加快|推进|一批|一系列|我市|的|等|和|及|与)")
#: words that never make a technology specific (产业共性关键技术, 重大核心技术 …)
_TECH_GENERIC = re.compile(r"^(?:产业|行业|领域|重点|重大|前沿|先进|基础|新兴|共性|关键|核心|一批|若干|企业|我市|全市|急需|相关|"
                           r"各类|绿色|一系列|瓶颈|产业链|重点产业|制造业|新技术|技术|[“”\"])*$")


def _specific_tech(label: str, head: str) -> bool:
    return bool(head) and not _TECH_GENERIC.match(head) and "卡脖子" not in label


def specific_techs(sent: str) -> Iterator[str]:
    """The specific technology phrases of ``sent``, in text order."""
    for m in _TECH_RE.finditer(sent):
        core = m.group(2).replace("”", "").replace('"', "")
        head = _TECH_LEAD.sub("", m.group(1)).strip(" “”\"")
        label = head + core
        if _specific_tech(label, head):
            yield label
