"""The 行业 part of a registered firm name: what the name says the firm does.

What: :func:`name_trade` strips a firm name's place (行政区划: 浙江, 台州市, 黄岩 …, also in brackets), its
organisational form (有限公司, 股份有限公司, 厂 …) and the generic words before it (科技, 实业, 发展 …), and returns the
rest — 字号 and 行业, e.g. ``示例汽车线束`` — or ``None`` when nothing is left but the 字号.

Why: a registered name is 行政区划名称 + 字号 + 行业或者经营特点 + 组织形式 (企业名称登记管理规定, 2020 revision in force
from 2021-03-01, 第六条; a firm trading across industries may leave the 行业 out), and the rules before it required the
行业 to follow the firm's 主营业务 and the national industry classification (1991 规定 第十一条: 企业应当根据其主营业务和依照
国家行业分类标准划分的类别，在企业名称中标明所属行业或者经营特点; as quoted on public pages read for round 18, not the
gazette itself). A registry export's record of a small firm often
has no product column and a 经营范围 of broad class names (汽车零部件及配件制造; 电线、电缆经营), while its name says 汽车线束 or
漆包线 (round 18: on a blind registry set of 85 records, recall 0.817 → 0.883 and exact leaf 36 → 47 of 55). The
classifier reads the part as the first 经营范围 item of a record without product lines (:mod:`etl.nlp.classify`); a 字号
rarely ends in a chain term, and the phrase's head is its end, so the 字号 before it is a modifier at most.

>>> name_trade("台州市黄岩示例汽车线束有限公司"), name_trade("浙江示例泵业股份有限公司"), name_trade("示例科技有限公司")
('示例汽车线束', '示例泵业', None)
>>> name_trade("温岭示例空压机有限公司"), name_trade("示例精密机械（台州）有限公司"), name_trade(None)
('示例空压机', '示例精密机械', None)
"""

from __future__ import annotations

import re

from etl.nlp.gb2260 import CITIES, COUNTIES, COUNTY_CITIES, PREFECTURES, PROVINCES

__all__ = ["name_trade", "name_item", "SECTOR_WORDS"]

_FORM_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|总公司|分公司|公司|合伙企业|个人独资企业|"
                      r"经营部|门市部|工作室|商行|厂|店)$")
_BRACKET_RE = re.compile(r"[(（][^()（）]{0,12}[)）]")
#: generic words between the 字号 and the organisational form that say nothing of the trade
_GENERIC_RE = re.compile(r"(?:科技|技术|实业|发展|集团|控股|股份|国际|智能|工业|产业|有限|投资|新能源科技)$")
#: 行业 words of a name that say the sector, not what of it the firm makes: a 原料药 maker and a tablet maker are both
#: 某某制药 (医药制造业, GB/T 4754-2017 27), so 制药 in a name is no 成品药 evidence (review 40 F6: an API maker's
#: 沙坦制药 put it in 成品药 at 0.93); the words before it in the name still read (沙坦)
SECTOR_WORDS = frozenset({"制药", "药业", "医药", "生物医药", "医药制造", "生物制药", "化学制药"})
_PLACES = frozenset(
    [*PROVINCES, *PROVINCES.values(), *CITIES, *(c + "市" for c in CITIES), *PREFECTURES,
     *COUNTY_CITIES, *(c + "市" for c in COUNTY_CITIES), *COUNTIES, *(c[:-1] for c in COUNTIES if len(c) >= 3)])
_LONGEST = max(map(len, _PLACES))


def _strip_places(name: str) -> str:
    for _ in range(4):  # 浙江省台州市黄岩区…: up to province, city, county and one more
        for n in range(min(_LONGEST, len(name) - 2), 1, -1):
            if name[:n] in _PLACES:
                name = name[n:]
                break
        else:
            break
    return name


def name_trade(name) -> str | None:
    """The 字号 + 行业 of a firm name (see the module doc), ``None`` when only a 字号 (≤ 2 characters) is left."""
    if not name:
        return None
    s = _BRACKET_RE.sub("", str(name).strip())
    for _ in range(3):
        s2 = _GENERIC_RE.sub("", _FORM_RE.sub("", s))
        if s2 == s:
            break
        s = s2
    s = _strip_places(s)
    return s if len(s) > 2 else None


def name_item(name, scanner) -> str | None:
    """What the classifier reads of a name: :func:`name_trade` from its first to the end of its last vocabulary term
    (``scanner``: an object with ``scan(text) -> [(start, end, term)]``, :class:`etl.nlp.vocab.Scanner`), so the 字号
    before them drops and the names of one trade read alike (a memo key that repeats); ``None`` when the part holds no
    term.

    >>> class S:
    ...     def scan(self, text):
    ...         i = text.find("潜水电机")
    ...         return [(i, i + 4, "潜水电机")] if i >= 0 else []
    >>> name_item("浙江示例潜水电机有限公司", S()), name_item("台州示例贸易有限公司", S())
    ('潜水电机', None)
    >>> class P:
    ...     def scan(self, text):
    ...         return [(text.find(t), text.find(t) + len(t), t) for t in ("沙坦", "制药") if t in text]
    >>> name_item("浙江示例沙坦制药有限公司", P()), name_item("新昌示例制药有限公司", P())
    ('沙坦', None)
    """
    part = name_trade(name)
    if not part:
        return None
    hits = [h for h in scanner.scan(part) if h[2] not in SECTOR_WORDS]
    return part[hits[0][0]:hits[-1][1]] if hits else None
