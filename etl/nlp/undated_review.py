"""An undated text that opens looking back (近年来, 五年来, “十四五”以来 …) and states no aim reviews up to the latest year it
states.

What: :func:`undated_review` gives that year for a text whose first line opens with a look back (:data:`etl.nlp.tense.
LOOK_BACK_LEAD`), that shows no date and no plan period, and that aims at no year (no 到/至20XX年, no 十X五, no 未来N年):
its figures are results (``ctx["looks_back"]``), and an undated one takes that year (``ctx["reviewed"]``); else ``None``.

Why: a look back made only its own paragraph report (round 20), so an undated report of a city's last years (桐城: 近年来,…;
its later paragraphs list 新认定高新技术企业15家, 签订…协议18项) read its results as aims with no year — 16 of round 36's
year and current misses in one text.

>>> undated_review("近年来,某市锚定…战略。\\n新认定高新技术企业15家。2025年产值预计突破50亿元。", None, None)
2025
>>> undated_review("近年来,某市发展迅速。到2027年,产值达到100亿元。", None, None) is None
True
"""

from __future__ import annotations

import re

from etl.nlp.tense import LOOK_BACK_LEAD

__all__ = ["undated_review"]

_AIMS = re.compile(r"(?:到|至)\s*(?:19|20)\d{2}\s*年|十[一二三四五]五|未来[一二三四五六七八九十\d]+年")


def undated_review(body: str, dated: int | None, start: int | None) -> int | None:
    """The latest year an undated look-back text states (see the module doc), else ``None``."""
    if dated or start or not LOOK_BACK_LEAD.match(body.lstrip()) or _AIMS.search(body):
        return None
    years = [int(y) for y in re.findall(r"(?<![到至])((?:19|20)\d{2})\s*年", body)]
    return max(years) if years else None
