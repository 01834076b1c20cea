"""The year of one figure: a current value's, a target's (split out of :mod:`etl.nlp.extract` in round 21).

What: :func:`current_year` picks a current value's year from the candidates its sentence and paragraph give
(``s_year``): its own clause year when it is before the plan period or the text's date (not ``比2015年``, not the start
of a span: ``2021年至2024年`` → 2024), else the candidate, else the year the plan was issued or the text reviews.
:func:`target_year` picks a target's: its clause's ``到20XX年`` / ``至“十四五”末``, else the year its clause opens with
(``2011年预计实现产值500亿元,2015年达到…``: round 21), else the sentence's, paragraph's or section's year, else the
text's own year for a text that speaks of this year.

Why: one concept, one place; the sentence loop of :mod:`etl.nlp.extract` only gathers the candidates.

>>> ctx = {"start": 2021, "issued": 2021, "dated": 2021}
>>> target_year(None, "2011年预计实现产值500亿元", 2015, ctx), target_year(None, "到2035年达到500万人", 2025, ctx)
(2011, 2035)
"""

from __future__ import annotations

import re

from etl.nlp.tense import FIVE_YEAR, relative_year, stated_year, this_year

__all__ = ["current_year", "target_year"]

_TO_YEAR = re.compile(r"(?<![截止])(?:到|至)\s*((?:19|20)\d{2})\s*年")  # …355万人,到2035年达到500万人
_TO_END = re.compile(r"(?<![截止])(?:到|至)\s*[“\"]?(十[一二三四五]五)[”\"]?(?:末|期末)")  # 增长至“十四五”末…
_OWN_LEAD = re.compile(r"\s*[,,]?\s*(?:力争|确保|争取|预计)?\s*((?:19|20)\d{2})\s*年(?:底|末)?(?![度代])")  # 2011年预计实现…,2015年达到…; 力争2023年… (round 37)


def current_year(q, sent: str, ctx: dict, s_year: int | None, span: tuple | None, para: str = "") -> int | None:
    """The year of the current value ``q`` of ``sent`` (see the module doc); ``span``: the sentence's leading span; in an
    undated text that aims at nothing, the year its paragraph ``para`` stated last before it (莆田's 2008年: round 31)."""
    dated = ctx.get("dated")

    def before(y):
        return y and (not ctx["start"] or y < ctx["start"] or not dated or y <= dated)

    own = q.year if before(q.year) and not re.search(rf"(?:比|较)\s*{q.year}\s*年", sent) and not (span and q.year == span[0]) else None
    return own or (s_year if before(s_year) else ctx["issued"] or ctx.get("reviewed") or dated or
                   stated_year(sent) or  # …等14个项目全面投产,2020年实现…: an undated text, the year its sentence states
                   (stated_year(para[:max(0, para.find(sent.strip()))]) if ctx.get("aimless") and not dated and "今年" not in sent else None))


def target_year(q, clause: str, year: int | None, ctx: dict) -> int | None:
    """The year of the target ``q`` in ``clause``; ``year``: the sentence's, paragraph's or section's year."""
    to_year, to_end, own_lead = _TO_YEAR.search(clause), _TO_END.search(clause), _OWN_LEAD.match(clause)
    return (int(to_year.group(1)) if to_year else None) or (FIVE_YEAR[to_end.group(1)][1] if to_end else None) or \
        (int(own_lead.group(1)) if own_lead else None) or (None if q and q.year else relative_year(clause, ctx)) or \
        year or this_year(ctx)
