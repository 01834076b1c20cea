"""The words that make a clause an aim: one rule, defined once (round 29's review of ``conditional._AIMED``).

What: :data:`COMMITTED` are the words that commit the text to a figure — a target year (到2025年, 至“十四五”末; never
截至…), 力争, 目标, 确保, 争取. :data:`AIM` is every aim cue: those, and the modal and planning words (将, 计划, 预计 but not
预计全年, 拟, 明年, 要…达到) — :mod:`etl.nlp.tense` and the modules after it read AIM.

Why: :mod:`etl.nlp.conditional` needs the committed words only: a hypothetical's consequence is itself written with
将 or 预计 (若充分开发利用,将可节约标准煤827万吨), so AIM would keep every hypothetical, while 若…,力争到2025年… is an aim
whatever the 若. Two lists written apart (conditional's ``_AIMED`` and tense's AIM, until round 29) drifted (截至2025年
was an aim in one of them); AIM is now built from COMMITTED.

>>> bool(COMMITTED.search("力争到2025年产值达到100亿元")), bool(COMMITTED.search("将可节约标准煤827万吨"))
(True, False)
>>> bool(AIM.search("将可节约标准煤827万吨")), bool(AIM.search("截至2025年底已建成"))
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["AIM", "COMMITTED"]

_COMMITTED = (r"(?<![截止])(?:到|至)\s*\d{4}\s*年|(?<![截止])(?:到|至)\s*[“\"]?十[一二三四五]五[”\"]?(?:末|期末)|力争|目标|确保|"
              r"争取")
COMMITTED = re.compile(_COMMITTED)
AIM = re.compile(_COMMITTED + r"|将|计划(?![,,;。、”\"》)])|预计(?!全年)|(?<![模虚])拟|明年|"
                 r"(?<![主重需只])要(?=[^,;。]{0,6}?(?:达到|实现|突破|超过|完成|提高到|提升到|保持))")  # 今年要达到35%以上
