"""What would follow if something were done is no figure of the text's own: 若充分开发利用,每年可节约标准煤827万吨,
减排二氧化碳20万吨 states neither a result nor an aim.

What: :func:`conditional_dropped` drops, from the quantities of one sentence, those after a condition clause (若, 如果,
倘若, 假如, 一旦 … opening a comma clause) up to the sentence's end, when the clause after it says what could follow
(可, 能, 将可, 可以, 预计可) and no committed aim governs it (力争, 确保, 目标 …: `aim_words.COMMITTED`).

Why: round 23's held-out run read 亳州's geothermal potential (可节约标准煤827万吨, 减排二氧化碳20万吨) as two targets;
the gold (and the labelling of every plan) leaves a hypothetical out — it is neither what exists nor what the plan aims at.

>>> from etl.nlp.quantity import find_quantities
>>> s = "已探明地热田面积76.8平方公里,若充分开发利用,每年可节约标准煤827万吨,减排二氧化碳20万吨"
>>> [q.value for q in conditional_dropped(find_quantities(s), s)]
[76.8]
>>> s = "若按此测算,力争到2025年产值达到100亿元"
>>> [q.value for q in conditional_dropped(find_quantities(s), s)]
[100.0]
"""

from __future__ import annotations

import re

from etl.nlp.aim_words import COMMITTED  # not AIM: 将可, 预计可 say what could follow

__all__ = ["conditional_dropped"]

#: a comma clause that states a condition, then a clause of what could follow
_IF = re.compile(r"(?:^|[,,;])\s*(?:若|如果|倘若|假如|一旦)[^,,;。]*[,,](?=[^,,;。]*?(?:可以|可|能够|能))")


def conditional_dropped(quantities: list, sent: str) -> list:
    """``quantities`` without those that follow a condition (see the module doc)."""
    m = _IF.search(sent)
    if not m or COMMITTED.search(sent, m.start()):
        return quantities
    return [q for q in quantities if q.span[0] < m.start()]
