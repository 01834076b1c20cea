"""Taizhou by name and by code: what a county name, a 所属城市 / 所属省份 cell or a credit code's
division digits say about whether a firm is Taizhou's.

Why its own module: these are lookups, not parsing — a name against the ontology's counties (温岭,
温岭市, Wenling City, 浙江省台州市温岭市), a city or province against 台州 and GB/T 2260 (pinyin
folded, Taizhou told from its namesake 泰州 by the province), and characters 3–8 of a credit code,
the registering authority's division (3310xx → Taizhou; 330000 浙江省 and 100000 national say
nothing about the city). :mod:`etl.location` weighs what they say against each other; addresses and
region paths are read by :mod:`etl.address`.

>>> division_says("91331081MA2AAAAA10"), city_says("Taizhou", "Zhejiang"), latin_place("Zhejiang Province")
(True, True, '浙江')
"""

from __future__ import annotations

import re

from etl.text import halfwidth
from ontology.firms import TAIZHOU_NAMES
from ontology.loader import Ontology
from ontology.models import County

__all__ = ["taizhou_county", "functional_zone", "zone_county", "ZONE_WORDS", "city_says", "division_says", "division_county", "latin_place", "MUNICIPALITIES",
           "TAIZHOU_DIVISION_PREFIX", "TAIZHOU_CITY_DIVISIONS", "VAGUE_DIVISIONS"]

#: credit-code characters 3–8 starting with this are issued in Taizhou (GB/T 2260: 33 浙江, 10 台州)
TAIZHOU_DIVISION_PREFIX = "3310"
#: the city itself (市本级 / 市辖区): Taizhou, but no county
TAIZHOU_CITY_DIVISIONS = ("331000", "331001")
#: registering authorities whose division says nothing about the city (浙江省, national)
VAGUE_DIVISIONS = frozenset({"330000", "100000"})
#: what 所属城市 holds when the real unit is the province (直辖市 exports)
_PLACEHOLDER_CITIES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_PREFIXES = ("浙江省台州市", "台州市", "浙江省", "台州")
#: what ends the name of a functional zone (功能区: a new area, a development zone, a park, a cluster area), which
#: a registry export may give as 所属区县 although it is not an administrative county (台州湾新区, 台州经济开发区)
ZONE_WORDS = ("新区", "开发区", "高新区", "经开区", "园区", "工业园", "工业区", "集聚区", "功能区", "保税区", "试验区",
              "示范区", "合作区")


def taizhou_county(text: str | None, ontology: Ontology) -> County | None:
    """The Taizhou county a name means (温岭, 温岭市, wenling, 浙江省台州市温岭市), else ``None``."""
    if not text:
        return None
    text = halfwidth(text).strip()
    if text.isascii():  # pinyin, as the county ids are: Wenling, Wenling City, Jiaojiang District
        text = _latin_key(text)
    for cand in (text, *(text.removeprefix(p) for p in _PREFIXES if text.startswith(p))):
        if cand and (c := ontology.county_by_name(cand)):
            return c
    return None


def functional_zone(text: str | None) -> bool:
    """Whether a place names a functional zone (功能区) rather than an administrative county.

    >>> [functional_zone(t) for t in ("台州湾新区", "温岭经济开发区", "头门港经济开发区", "椒江区", "温岭市", None)]
    [True, True, True, False, False, False]
    """
    text = halfwidth(text or "").strip()
    return len(text) > 2 and text.endswith(ZONE_WORDS)


def zone_county(text: str | None, ontology: Ontology) -> County | None:
    """The Taizhou county a functional zone is named after (温岭经济开发区 → 温岭), else ``None`` (台州湾新区)."""
    if not functional_zone(text):
        return None
    text = halfwidth(text or "").strip().removeprefix("浙江省").removeprefix("台州市")
    return next((c for c in ontology.counties.values() if text.startswith(c.name) or text.startswith(c.short)), None)


_LATIN_SUFFIX = re.compile(r"\s*(?:city|county|district|province|shi|xian|qu|sheng)$")
MUNICIPALITIES = ("北京", "上海", "天津", "重庆")  # provinces that are cities: no city level under them


def _latin_key(text: str) -> str:
    """Pinyin as the rules compare it: folded, without a place suffix or spaces (Wenling City → wenling)."""
    return _LATIN_SUFFIX.sub("", text.casefold()).replace(" ", "")


def latin_place(text: str) -> str:
    """A place in pinyin → the Chinese the rules read (Zhejiang → 浙江; Taizhou → 台州 only in 浙江,
    its namesake 泰州 is in 江苏); other Latin text is returned as it is."""
    key = _latin_key(text)
    return {"zhejiang": "浙江", "jiangsu": "江苏"}.get(key, key)


def city_says(city: str | None, province: str | None = None, ontology: Ontology | None = None) -> bool | None:
    """所属城市 / 所属省份 → local (台州, or a Taizhou county-level city such as 温岭市 when the
    ontology is given), outside (another city or province), or ``None``.

    >>> city_says("台州市"), city_says("杭州市"), city_says("泰州市"), city_says("市辖区", "北京市"), city_says(None, "浙江省")
    (True, False, False, False, None)
    >>> city_says("Taizhou", "Zhejiang"), city_says("Taizhou City", "Jiangsu Province"), city_says("Taizhou"), city_says("Hangzhou")
    (True, False, None, False)
    """
    prov = halfwidth(province or "").strip()
    text = halfwidth(city or "").strip()
    if prov.isascii():
        prov = latin_place(prov)
    if text.isascii() and text:
        text = latin_place(text)
        if text == "taizhou":  # Taizhou is 台州 (浙江) or 泰州 (江苏): the province tells which, else unknown
            return True if "浙江" in prov else False if prov else None
    for p in ("浙江省", "浙江"):
        text = text.removeprefix(p)
    if any(n in text for n in TAIZHOU_NAMES) or (ontology and text and taizhou_county(text, ontology)):
        return True
    if text and text not in _PLACEHOLDER_CITIES:
        return False
    if prov and "浙江" not in prov:
        return False
    return None


def division_says(credit_code: str | None) -> bool | None:
    """Credit-code characters 3–8 → issued in Taizhou, elsewhere, or ``None`` (no code, or 浙江省/national).

    >>> division_says("91331081MA2AAAAA10"), division_says("91330100MA2AAAAA1X"), division_says("91330000MA2AAAAA1X")
    (True, False, None)
    """
    div = (credit_code or "")[2:8]
    if len(div) != 6 or not div.isdigit() or div in VAGUE_DIVISIONS:
        return None
    return div.startswith(TAIZHOU_DIVISION_PREFIX)


def division_county(credit_code: str | None, ontology: Ontology) -> County | None:
    """The Taizhou county whose ``division_codes`` hold the code's characters 3–8, if any (none for
    the city itself, :data:`TAIZHOU_CITY_DIVISIONS`, or a code from elsewhere).

    >>> onto = Ontology(counties={"yuhuan": County(id="yuhuan", name="玉环市", short="玉环",
    ...                                            division_codes=["331083", "331021"], source="x")})
    >>> division_county("91331021MA2AAAAA10", onto).short, division_county("91331001MA2AAAAA10", onto)
    ('玉环', None)
    """
    div = (credit_code or "")[2:8]
    return next((c for c in ontology.counties.values() if div in c.division_codes), None)
