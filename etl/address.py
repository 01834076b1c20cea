"""Addresses and region paths: where a firm is, read from 注册地址 / 通信地址 or one 所属地区 cell.

Why its own module: an address is free text, and a county's short name inside it is not enough
(三门峡, 天台路, 路桥工程). :func:`address_says` reads a leading province and city (杭州市… →
outside; 台州市/温岭市… → local), else a Taizhou county at its start, or 台州 / a full county name
(温岭市, 三门县) in it; in a 浙江 address, a leading county that is not Taizhou's (浙江省新昌县… →
outside), or a Taizhou county's short name naming a zone (浙江省化学原料药基地临海园区 → 临海).
:func:`address_county` names the county; :func:`split_region` cuts a place written as one path
(浙江省台州市温岭市) into province, city and county by the GB/T 2260 names.

>>> from ontology.models import County
>>> onto = Ontology(counties={"linhai": County(id="linhai", name="临海市", short="临海", source="x")})
>>> address_says("浙江省化学原料药基地临海园区", onto), address_county("浙江省化学原料药基地临海园区", onto).short
(True, '临海')
"""

from __future__ import annotations

import re

from etl.text import halfwidth
from etl.nlp.gb2260 import CITIES, COMMON_WORDS, PREFECTURES, PROVINCES
from etl.places import MUNICIPALITIES, taizhou_county
from ontology.loader import Ontology
from ontology.models import County

__all__ = ["address_says", "address_county", "split_region"]

_PROVINCE = re.compile(r"^([\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,8}?自治区)")
_LEAD_CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?)市")
_NOT_CITY = re.compile(r"[区县镇乡街路道村号]")
#: prefecture-level cities other than Taizhou (GB/T 2260), as an address may write them without 市
_OTHER_CITIES = tuple(sorted(CITIES - COMMON_WORDS - {"台州"}))
#: a county (县, or a 2-character 区) leading a 浙江 address after the province
_LEAD_COUNTY = re.compile(r"^([\u4e00-\u9fff]{1,3}?县|[\u4e00-\u9fff]{2}区)")
#: what may follow a county's short name when it names a zone or town of that county
_ZONE = ("经济技术开发区", "经济开发区", "高新技术产业园区", "高新区", "开发区", "工业园区", "工业园", "工业区",
         "园区", "新区", "街道", "镇")


def address_says(address: str | None, ontology: Ontology) -> bool | None:
    """An address → local, outside, or ``None`` (see the module doc for the rule).

    >>> onto = Ontology(counties={"sanmen": County(id="sanmen", name="三门县", short="三门", source="x")})
    >>> [address_says(a, onto) for a in ("台州市椒江区示例路1号", "杭州市西湖区台州路8号", "三门县海游街道",
    ...                                  "河南省三门峡市湖滨区", "浙江省三门海游街道", "示例工业园区")]
    [True, False, True, False, True, None]
    >>> [address_says(a, onto) for a in ("浙江省新昌县羽林街道", "浙江省化工基地三门园区", "浙江省示例路1号",
    ...                                  "浙江省温州经济技术开发区")]
    [False, True, None, False]
    """
    text = halfwidth(address or "").strip()
    if not text:
        return None
    zhejiang = False
    m = _PROVINCE.match(text)
    if m:
        if "浙江" not in m.group(1):
            return False
        text, zhejiang = text[m.end():], True
    m = _LEAD_CITY.match(text)
    if m and not _NOT_CITY.search(m.group(1)):
        city = m.group(1)
        return "台州" in city or taizhou_county(city + "市", ontology) is not None
    if "台州" in text:
        return True
    counties = list(ontology.counties.values())
    if any(text.startswith(c.name) or text.startswith(c.short) for c in counties):
        return True
    if any(c.name in text for c in counties):
        return True
    if zhejiang and _zone_county(text, counties):
        return True
    if zhejiang and (_LEAD_COUNTY.match(text) or any(text.startswith(c) for c in _OTHER_CITIES)):
        return False  # 浙江省新昌县…, 浙江省温州经济技术开发区: a county or city, not Taizhou's
    return None


def _zone_county(text: str, counties: list[County]) -> County | None:
    """The Taizhou county whose short name names a zone or town in ``text`` (临海园区, 温岭经济开发区)."""
    return next((c for c in counties for z in _ZONE if c.short + z in text), None)


def address_county(address: str | None, ontology: Ontology) -> County | None:
    """The Taizhou county an address starts with (after 浙江省/台州市), by its full name; in a 浙江
    address also a county's short name naming a zone or town (浙江省…临海园区, 浙江省三门经济开发区).

    >>> onto = Ontology(counties={"sanmen": County(id="sanmen", name="三门县", short="三门", source="x")})
    >>> [getattr(address_county(a, onto), "short", None) for a in ("浙江省台州市三门县海游街道", "三门县海游街道",
    ...     "河南省三门峡市", "台州市示例路三门县大厦", "浙江省化工基地三门园区", "河南省三门峡经济开发区", "三门市示例路")]
    ['三门', '三门', None, None, '三门', None, '三门']
    """
    text = halfwidth(address or "").strip()
    m = _PROVINCE.match(text)
    if m:
        if "浙江" not in m.group(1):
            return None
        text = text[m.end():]
    text = text.removeprefix("台州市")
    counties = list(ontology.counties.values())
    # by its full name, or its short name with any county-level suffix (玉环县 is today's 玉环市)
    lead = next((c for c in counties if text.startswith(c.name) or (text.startswith(c.short)
                                                                   and text[len(c.short):][:1] in ("市", "县", "区"))), None)
    return lead or (_zone_county(text, counties) if m else None)


_REGION_GAPS = re.compile(r"[\s\-/|>,，、·—]+")
#: province-level names, full (浙江省, 广西壮族自治区, 北京市) before short (浙江), longest first
_PROVINCE_NAMES = sorted({*PROVINCES.values(), *PROVINCES}, key=len, reverse=True)
#: prefecture-level names as a region path may write them (台州, 台州市, 楚雄州, 楚雄彝族自治州 → its short form)
_CITY_NAMES = sorted(CITIES | set(PREFECTURES), key=len, reverse=True)
_CITY_SUFFIX = re.compile(r"^(?:市|[\u4e00-\u9fff]{0,8}?自治州|州|地区|盟)")


def split_region(text: str | None) -> tuple[str | None, str | None, str | None]:
    """A place written as one path (所属地区: 浙江省台州市温岭市, 浙江 台州 椒江区, 浙江-台州, 北京市海淀区,
    江苏省泰州市) → ``(province, city, county)`` as written, each ``None`` when absent. The city is a
    prefecture-level name (GB/T 2260); what follows it — or a county-level name straight after the
    province (浙江省温岭市) — is the county; :func:`locate` then judges them like split columns.

    >>> split_region("浙江省台州市温岭市"), split_region("浙江-台州-椒江"), split_region("江苏省泰州市")
    (('浙江省', '台州市', '温岭市'), ('浙江', '台州', '椒江'), ('江苏省', '泰州市', None))
    >>> split_region("北京市海淀区"), split_region("北京市北京市"), split_region("浙江省温岭市"), split_region("")
    (('北京市', None, '海淀区'), ('北京市', None, None), ('浙江省', None, '温岭市'), (None, None, None))
    >>> split_region("台州经济开发区"), split_region("泰州市海陵区")
    ((None, '台州', '经济开发区'), (None, '泰州市', '海陵区'))
    """
    rest = _REGION_GAPS.sub("", halfwidth(text or "").strip())
    province = next((p for p in _PROVINCE_NAMES if rest.startswith(p)), None)
    if province:
        rest = rest[len(province):]
        if province.removesuffix("市") in MUNICIPALITIES:  # 北京市北京市海淀区, 上海市市辖区
            short = province.removesuffix("市")
            if rest.startswith(short):
                rest = rest[len(short):].removeprefix("市")
            rest = rest.removeprefix("市辖区").removeprefix("县")
        elif province in PROVINCES and rest.startswith("省"):  # 浙江 省 …
            province, rest = province + "省", rest[1:]
    city = None
    name = next((c for c in _CITY_NAMES if rest.startswith(c)), None)
    if name and (province or "").removesuffix("市") not in MUNICIPALITIES:
        m = _CITY_SUFFIX.match(rest[len(name):])
        end = len(name) + (m.end() if m else 0)
        city, rest = rest[:end], rest[end:]
    return province, city, rest or None
