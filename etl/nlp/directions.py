"""Directions listed after one of our clusters: the objects of 发展/做强/培育 … (发展A、B和C).

What: :func:`listed_directions` reads the text of a sentence from a mention of one of our clusters to the next one and
gives every item of a list a development verb governs (加快发展, 做大做强, 培育, 布局 …), split at 、/和/及/与, without the
verb and 等: two to twelve characters, no digit, no quality word (品质, 水平, 体系 …), no technology, and not part of a
direction the cluster has already (``known``).

Why: split out of :mod:`etl.nlp.extract` (round 20, code moved, not rewritten) — one concept, a cluster's listed
directions.

>>> s = "引导汽车产业加快发展新能源汽车、智能网联汽车和汽车电子"
>>> list(listed_directions(s, s.index("汽车"), len(s), set(), []))
['新能源汽车', '智能网联汽车', '汽车电子']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["listed_directions"]

_VERBS = (r"(?:加快发展|重点发展|大力发展|积极发展|协同发展|发展|做大做强|做强做大|做精|做强|做优|做大|突破|培育|布局)")
_VERB_LEAD = re.compile(rf"^(?:{_VERBS}|加快|积极|大力)+")
_DIR_STOP = {"品质", "品牌", "层次", "水平", "能力", "体系", "配套体系", "规模", "质量", "效益"}
_DIR_RE = re.compile(r"(?:加快发展|重点发展|大力发展|积极发展|协同发展|发展|做大做强|做精|做强|做优|做大|突破|培育|布局)"
                     r"([^,;。:]+)")



def listed_directions(sent: str, pos: int, end: int, tech_names: set[str], known: list[str]) -> Iterator[str]:
    """The listed directions of ``sent[pos:end]``; ``known``: the cluster's directions so far (the caller appends each
    item it takes, so a later item inside an earlier one is skipped)."""
    for m in _DIR_RE.finditer(sent, pos, end):
        for item in re.split(r"[、和及与]", m.group(1)):
            item = _VERB_LEAD.sub("", item.strip(" “”\"")).rstrip("等").strip(" “”\"")
            if item in _DIR_STOP or item in tech_names or "技术" in item:
                continue
            if any(item in t for t in known):
                continue  # 成品药 inside the curated 做大成品药
            if 2 <= len(item) <= 12 and not re.search(r"\d", item):
                yield item
