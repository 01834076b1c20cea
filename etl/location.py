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

What a name, a city or a code says is :mod:`etl.places`; what an address or a region path says,
:mod:`etl.address`. This module weighs them.

Nothing → ``local`` stays ``None`` with a warning. Weaker evidence that disagrees with the decision
is a warning, not an error (a county in Taizhou with a code issued in 杭州; a 是否本地 flag against
the city); a code from another Taizhou county than 所属区县 is not (firms move within the city).
A 所属区县 that is not a Taizhou county is an error unless the firm is outside (kept as written)
or its city is 台州 (a registry export: warning, county dropped). A 所属区县 naming a functional zone
(功能区: 台州湾新区, 台州经济开发区 — :func:`etl.places.functional_zone`) is not an error: a zone named
after a county gives that county (温岭经济开发区 → 温岭); a zone naming 台州 is Taizhou evidence like a
county; a local firm in a zone keeps the county its address or code gives, and the warning says the
zone is a functional zone, not an administrative county — not "not a Taizhou county", which a
Taizhou reader reads as wrong (the aerospace platform is in 台州湾新区).

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

from dataclasses import dataclass, field

from etl.address import address_county, address_says, split_region
from etl.text import halfwidth
from etl.places import city_says, division_county, division_says, functional_zone, latin_place, taizhou_county, zone_county
from ontology.loader import Ontology

#: the evidence :func:`locate` weighs, re-exported for its callers: what a name, a city or a code says
#: (:mod:`etl.places`), what an address or a region path says (:mod:`etl.address`)
__all__ = ["Location", "Note", "locate", "taizhou_county", "city_says", "division_says", "address_says",
           "division_county", "address_county", "split_region"]

#: what a 所属区县 cell holds when a firm is registered with the city itself
_CITY_AS_COUNTY = frozenset({"市辖区", "台州市", "台州", "浙江省台州市"})
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


def _says(local: bool | None) -> str:
    return "台州本地 / local" if local else "外地 / outside"


def locate(ontology: Ontology, *, local: bool | None = None, province: str | None = None, city: str | None = None,
           county: str | None = None, credit_code: str | None = None, address: str | None = None,
           mail_address: str | None = None) -> Location:
    """Decide local or outside from one row's cleaned values (see the module doc)."""
    if county and halfwidth(county).strip() in _CITY_AS_COUNTY:
        county = None  # 所属区县「市辖区」/「台州市」: the city itself, no county
    county_obj = taizhou_county(county, ontology) or zone_county(county, ontology)
    zone = county if county and county_obj is None and functional_zone(county) else None
    addr = address or mail_address
    evidence: dict[str, bool | None] = {
        "explicit": local, "city": city_says(city, province, ontology),
        "county": True if county_obj or (zone and "台州" in zone) else None,
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
    prov = latin_place(halfwidth(province or "").strip())
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
    if zone and out.local:  # a functional zone: the county its address or code gives, else none
        by_address = address_county(addr, ontology)
        derived = by_address or division_county(credit_code, ontology)
        out.county = derived.short if derived else None
        how = ("地址", "address") if by_address else ("信用代码", "credit code")
        out.notes.append(Note("warning", "county", county,
                              f"所属区县「{county}」是功能区（新区、开发区、园区等），不是行政区县；企业计为台州本地，"
                              + (f"区县按{how[0]}记为{out.county}" if derived else "区县记为未注明")
                              + f" / {county} is a functional zone, not an administrative county: the firm stays local "
                              + (f"to Taizhou, its county from the {how[1]}" if derived else "to Taizhou, county unstated")))
        return out
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
