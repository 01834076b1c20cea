"""Two counted lists joined in one clause: ``A、…、F6大支柱产业和G、…、J4大新兴产业``.

What: :func:`counted_parts` splits a sentence after a counted head (``6大支柱产业``) that 和/及/以及 joins to a second
、-list closed by a count of its own, so each list is read with its own count (:func:`etl.nlp.framework_lists.
counted_industries` reads each part). It returns ``(offset, part)`` pairs; a sentence with one list is one part.

Why: the list pattern takes the longest 、-run before a count, so two joined lists were read as one list of ten items
with the second count (4) — no count fit, and all ten clusters were lost (焦作, round 35's held-out run).

>>> [p for _o, p in counted_parts("已形成甲化工、乙材料2大支柱产业和丙装备、丁电子、戊医药3大新兴产业,占比超过六成")]
['已形成甲化工、乙材料2大支柱产业', '丙装备、丁电子、戊医药3大新兴产业,占比超过六成']
>>> counted_parts("发展电子信息、装备制造等3大优势产业")
[(0, '发展电子信息、装备制造等3大优势产业')]
"""

from __future__ import annotations

import re

from etl.nlp.cluster_names import NUM_CN

__all__ = ["counted_parts"]

#: a counted head (N大/N个 + at most 8 qualifier characters + 产业) joined by 和/及/以及 to a 、-list with a count of its own
_JOINED = re.compile(r"、[^,;。:!?]*?" + NUM_CN + r"\s*[个大][\u4e00-\u9fff]{0,8}?产业[”\"]?(和|以及|及)"
                     r"(?=[^,;。:!?和及]+?、[^,;。:!?]+?" + NUM_CN + r"\s*[个大][\u4e00-\u9fff]{0,8}?产业)")


def counted_parts(sentence: str) -> list[tuple[int, str]]:
    """The parts of ``sentence`` split between joined counted lists (see the module doc)."""
    parts, start = [], 0
    for m in _JOINED.finditer(sentence):
        parts.append((start, sentence[start:m.start(1)]))
        start = m.end(1)
    return parts + [(start, sentence[start:])]
