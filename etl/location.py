"""Local (台州) or outside: decided from the evidence a row carries, never by a silent default.

Why: "no local firm in this segment" is a policy verdict, so a firm is only counted as local or
outside when something in its row says so, and :attr:`Location.basis` records what did. The
evidence, strongest first:

1. ``explicit`` — a 是否本地 column;
2. ``city`` — 所属城市 (台州 → local; another city → outside), or 所属省份 outside 浙江;
3. ``county`` — 所属区县 naming a Taizhou county;
4. ``credit_code`` — characters 3–8 of the credit code, the registering authority's division
   (3310xx → Taizhou). Evidence, not proof: firms move. 330000 (浙江省 registered) and 100000
   (national) say nothing about the city;
5. ``address`` — 注册地址 (else 通信地址): a leading city (杭州市… → outside; 台州市/温岭市… →
   local), else a Taizhou county at its start, or 台州 / a full county name (温岭市, 三门县) in it;
   in a 浙江 address, a leading county that is not Taizhou's (浙江省新昌县… → outside), or a Taizhou
   county's short name naming a zone (浙江省化学原料药基地临海园区 → 临海). Elsewhere a short county
   name inside an address is not enough (三门峡, 天台路, 路桥工程).

Nothing → ``local`` stays ``None`` with a warning. Weaker evidence that disagrees with the decision
is a warning, not an error (a county in Taizhou with a code issued in 杭州; a 是否本地 flag against
the city); a code from another Taizhou county than 所属区县 is not (firms move within the city).
A 所属区县 that is not a Taizhou county is an error unless the firm is outside (kept as written)
or its city is 台州 (a registry export: warning, county dropped).

>>> from ontology.models import County
>>> onto = Ontology(counties={"wenling": County(id="wenling", name="温岭市", short="温岭",
...                                             division_codes=["331081"], source="x")})
>>> loc = locate(onto, city="台州市", county="温岭市", credit_code="91330100MA2AAAAA1X")
>>> loc.local, loc.basis, loc.county, [(n.level, n.field) for n in loc.notes]
(True, 'city', '温岭', [('warning', 'credit_code')])
>>> locate(onto, address="浙江省温岭市泽国镇示例路1号").basis, locate(onto).local
('address', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.normalize import halfwidth
from etl.nlp.gb2260 import CITIES, COMMON_WORDS, PREFECTURES, PROVINCES
from ontology.firms import TAIZHOU_NAMES
from ontology.loader import Ontology
from ontology.models import County

__all__ = ["Location", "Note", "locate", "taizhou_county", "city_says", "division_says", "address_says",
           "division_county", "address_county", "split_region", "TAIZHOU_DIVISION_PREFIX", "TAIZHOU_CITY_DIVISIONS", "VAGUE_DIVISIONS"]

#: credit-code characters 3–8 starting with this are issued in Taizhou (GB/T 2260: 33 浙江, 10 台州)
TAIZHOU_DIVISION_PREFIX = "3310"
#: the city itself (市本级 / 市辖区): Taizhou, but no county
TAIZHOU_CITY_DIVISIONS = ("331000", "331001")
#: registering authorities whose division says nothing about the city (浙江省, national)
VAGUE_DIVISIONS = frozenset({"330000", "100000"})
#: what 所属城市 holds when the real unit is the province (直辖市 exports)
_PLACEHOLDER_CITIES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_PREFIXES = ("浙江省台州市", "台州市", "浙江省", "台州")
#: what a 所属区县 cell holds when a firm is registered with the city itself
_CITY_AS_COUNTY = frozenset({"市辖区", "台州市", "台州", "浙江省台州市"})
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
_BASES = ("explicit", "city", "county", "credit_code", "address")
_LABEL = {"explicit": "是否本地", "city": "所属城市", "county": "所属区县", "credit_code": "信用代码",
          "address": "地址"}


@dataclass(frozen=True)
class Note:
    """A finding about one field: ``level`` is ``"error"`` (row refused) or ``"warning"``."""

    level: str
    field: str
    value: str
    reason: str


@dataclass
class Location:
    local: bool | None = None
    basis: str | None = None
    county: str | None = None
    notes: list[Note] = field(default_factory=list)


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


_LATIN_SUFFIX = re.compile(r"\s*(?:city|county|district|province|shi|xian|qu|sheng)$")
_MUNICIPALITIES = ("北京", "上海", "天津", "重庆")  # provinces that are cities: no city level under them


def _latin_key(text: str) -> str:
    """Pinyin as the rules compare it: folded, without a place suffix or spaces (Wenling City → wenling)."""
    return _LATIN_SUFFIX.sub("", text.casefold()).replace(" ", "")


def _latin_place(text: str) -> str:
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
        prov = _latin_place(prov)
    if text.isascii() and text:
        text = _latin_place(text)
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
        if province.removesuffix("市") in _MUNICIPALITIES:  # 北京市北京市海淀区, 上海市市辖区
            short = province.removesuffix("市")
            if rest.startswith(short):
                rest = rest[len(short):].removeprefix("市")
            rest = rest.removeprefix("市辖区").removeprefix("县")
        elif province in PROVINCES and rest.startswith("省"):  # 浙江 省 …
            province, rest = province + "省", rest[1:]
    city = None
    name = next((c for c in _CITY_NAMES if rest.startswith(c)), None)
    if name and (province or "").removesuffix("市") not in _MUNICIPALITIES:
        m = _CITY_SUFFIX.match(rest[len(name):])
        end = len(name) + (m.end() if m else 0)
        city, rest = rest[:end], rest[end:]
    return province, city, rest or None


def _says(local: bool | None) -> str:
    return "台州本地 / local" if local else "外地 / outside"


def locate(ontology: Ontology, *, local: bool | None = None, province: str | None = None, city: str | None = None,
           county: str | None = None, credit_code: str | None = None, address: str | None = None,
           mail_address: str | None = None) -> Location:
    """Decide local or outside from one row's cleaned values (see the module doc)."""
    if county and halfwidth(county).strip() in _CITY_AS_COUNTY:
        county = None  # 所属区县「市辖区」/「台州市」: the city itself, no county
    county_obj = taizhou_county(county, ontology)
    addr = address or mail_address
    evidence: dict[str, bool | None] = {
        "explicit": local, "city": city_says(city, province, ontology), "county": True if county_obj else None,
        "credit_code": division_says(credit_code), "address": address_says(addr, ontology)}
    raw = {"explicit": "" if local is None else str(local).lower(), "city": city or province or "",
           "county": county or "", "credit_code": credit_code or "", "address": addr or ""}
    fields = {"explicit": "local", "city": "city" if city else "province", "county": "county",
              "credit_code": "credit_code", "address": "address" if address else "mail_address"}
    out = Location()
    for basis in _BASES:
        if evidence[basis] is not None:
            out.local, out.basis = evidence[basis], basis
            break
    prov = _latin_place(halfwidth(province or "").strip())
    if out.basis == "city" and out.local and city and prov and "浙江" not in prov:
        out.notes.append(Note("warning", "province", province or "",
                              f"地点矛盾: 所属省份「{province}」不是浙江，按所属城市「{city}」计为台州本地；请核对是否为"
                              f"泰州（江苏）/ location contradiction: the province is not Zhejiang although the city "
                              f"is Taizhou; counted as local by the city — check it is not 泰州 (Jiangsu)"))
    if out.basis is None:
        out.notes.append(Note("warning", "local", "", "地点未知，不计入本地或外地 / location unknown: not counted as "
                                                      "local or outside (no 是否本地, 所属城市, 所属区县, 信用代码 or 地址)"))
    else:
        for basis in _BASES[_BASES.index(out.basis) + 1:]:
            said = evidence[basis]
            if said is None or said == out.local:
                continue
            out.notes.append(Note("warning", fields[basis], raw[basis],
                                  f"地点矛盾: {_LABEL[basis]}「{raw[basis]}」指向{_says(said)}，"
                                  f"按{_LABEL[out.basis]}「{raw[out.basis]}」计为{_says(out.local)} / location "
                                  f"contradiction: {fields[basis]} says {'local' if said else 'outside'}, counted as "
                                  f"{'local' if out.local else 'outside'} by {fields[out.basis]}"))
    if not county:
        if out.local:  # no 所属区县: the city column's when it names one (温岭市), else the address's, else
            # the registering authority's (code chars 3–8)
            derived = (taizhou_county(city, ontology) or address_county(addr, ontology)
                       or division_county(credit_code, ontology))
            out.county = derived.short if derived else None
        return out
    if county_obj is not None and out.local:
        out.county = county_obj.short
    elif out.local is False:
        out.county = county  # not a Taizhou firm: its own district, as written
    elif not ontology.counties:
        out.notes.append(Note("error", "county", county,
                              "cannot check the county: the ontology has no counties (ontology/policy.yaml)"))
    elif evidence["city"] is True:
        out.notes.append(Note("warning", "county", county,
                              f"所属区县「{county}」不是台州的区县，已略去 / not a Taizhou county although the city is "
                              "台州; county dropped"))
    else:
        known = "、".join(c.short for c in ontology.counties.values())
        out.notes.append(Note("error", "county", county, f"unknown county (expected one of {known})"))
    return out
