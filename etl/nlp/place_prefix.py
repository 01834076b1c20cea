"""A place in front of a cluster or chain name is where the cluster is, not what it is (round 22).

What: :func:`lead_place` is the county-level place a name opens with — a GB/T 2260 county, district or banner
(``gb2260.COUNTIES``: 莘县, 宁化县, 三元区) or a county-level city with its 市 (``gb2260.COUNTY_CITIES``: 临清市,
永安市), with the prefecture-level city (白山市) or autonomous prefecture (延边州) written before it and the town
(清水镇) or township written after it; :func:`place_cut` drops it; :func:`is_place` says an item is only such places (永安市、大田县石墨和石墨烯: 永安市 owns the
item after it); :func:`short_place_cut` drops a county's short name (濉溪铝基 → 铝基) where the text names that county with its
unit (濉溪县), and :func:`places_cut` does it for a sentence's cluster mentions.

Why: the labelling rule "a district in front of a name is where, not what" (round 17) was applied by the extractor
only to two or three characters before 区 or 县, so 莘县, 冠县, 临清市 and 永安市 stayed on the name (round 21's held-out
run: 10 of 17 cluster misses). A closed list of county-level names read from the standard answers every county,
and never cuts a field word that merely ends in 县 or 市. A prefecture-level city alone is not cut: a city's
cluster is often named with it (株洲市中小航空发动机, 长沙市工程机械 are gold names). A county's short name alone
(濉溪, without 县) is a place only where the text says so: cut only when the same text names the county with its
unit (round 26: 濉溪铝基 beside 濉溪县), never from the table alone (a short name can be a word: 江山, 安吉, 永安).

>>> lead_place("临清市纺织特色"), lead_place("冠县清水镇轴承"), lead_place("白山市抚松县人参"), lead_place("株洲市中小航空发动机")
('临清市', '冠县清水镇', '白山市抚松县', '')
>>> place_cut("临清市纺织"), place_cut("沙县区小吃食品加工"), place_cut("县域经济"), is_place("大田县")
('纺织', '小吃食品加工', '县域经济', True)
>>> short_place_cut("濉溪铝基", "濉溪县有涉铝企业80余家"), short_place_cut("濉溪铝基", "全市铝基产业")
('铝基', '濉溪铝基')
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from etl.nlp.gb2260 import CITIES, COUNTIES, COUNTY_CITIES, PREFECTURES
from etl.nlp.own_county import short_name

__all__ = ["lead_place", "place_cut", "is_place", "short_place_cut", "places_cut"]


def _alt(words) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


#: county-level names: every GB/T 2260 county, district or banner (a 县 made a district later is written 沙县区), but not
#: the two-character generic districts (城区, 郊区, 矿区, 东区 name no place by themselves), and county-level cities with 市
_COUNTY = _alt([c for c in COUNTIES if not (len(c) == 2 and c.endswith("区"))] + [c + "市" for c in COUNTY_CITIES])
_OVER = _alt([c + "市" for c in CITIES] + [p + "州" for p in PREFECTURES])
_LEAD = re.compile(rf"(?:(?:{_OVER}))?(?:{_COUNTY})区?(?![域级])(?:[\u4e00-\u9fff]{{2}}[镇乡])?")


def lead_place(name: str) -> str:
    """The county-level place ``name`` opens with (with the city before it and the town after it), or ''."""
    m = _LEAD.match(name)
    return m.group() if m else ""


def place_cut(name: str) -> str:
    """``name`` without the county-level place it opens with, when two characters or more follow (whether they name
    a field is for :func:`etl.nlp.cluster_names.is_generic` to say: 白山市抚松县人参 → 人参, an item of a field list);
    else ``name`` unchanged."""
    place = lead_place(name)
    return name[len(place):] if place and len(name) - len(place) >= 2 else name


def is_place(item: str) -> bool:
    """Is ``item`` a county-level place and nothing else (永安市, 大田县, 白山市抚松县)?"""
    item = item.strip(" “”\"'")
    return bool(item) and lead_place(item) == item


#: county-level names with their unit, to find which ones a text names (濉溪县, 临清市)
_WITH_UNIT = re.compile(_COUNTY)


@lru_cache(maxsize=8)
def _text_short_places(text: str) -> tuple[str, ...]:
    """The short names (without unit, three characters or more with it) of the counties ``text`` names with their unit."""
    shorts = {short_name(m.group()) for m in _WITH_UNIT.finditer(text) if len(m.group()) >= 3}
    return tuple(sorted((s for s in shorts if len(s) >= 2), key=len, reverse=True))


def short_place_cut(name: str, text: str) -> str:
    """``name`` without a county's short name it opens with, when ``text`` names that county with its unit and two
    characters or more follow; else ``name`` unchanged."""
    if lead_place(name):  # 昌黎县葡萄酒: the county with its unit goes whole, never its short name alone (round 34)
        return place_cut(name)
    place = next((p for p in _text_short_places(text) if name.startswith(p)), "")
    return name[len(place):] if place and len(name) - len(place) >= 2 else name


def places_cut(mentions: list, text: str) -> list:
    """``mentions`` (cluster or chain mentions with a ``name``) with :func:`short_place_cut` applied to each name."""
    return [replace(m, name=short_place_cut(m.name, text)) for m in mentions]
