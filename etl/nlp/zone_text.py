"""A text about a development zone: its figures are the city's its name holds.

What: :func:`zone_region` takes :func:`etl.nlp.region.plan_region`'s reading of a text and, when the text is about one
zone — a development, high-tech or economic zone its first 60 characters name and its body names at least twice and
more often than any other zone (``本溪湖经济开发区``, ``黄山经济开发区``) — whose name holds a prefecture-level city (本溪湖 → 本溪市; 黄山 → 黄山市, a city
name that is also a common word, read here because the zone's name is a place), makes that city the text's region and
city (the district that runs the zone stays its county).

Why: round 23's zone rule (a zone is no subject of its own: its figures take the city its name holds) was applied where
the zone stands in the figure's clause; a text about the zone names it in its title and first lines and then gives its
figures bare (现入驻园区企业达335家), which took the district that runs it (溪湖区) or another city the text names
(杭州市 for 黄山经开区's figures, round 35's held-out run).

>>> zone_region("本溪湖经济开发区晋升省级园区。本溪湖经济开发区入驻企业335家,溪湖区…", {"region": "溪湖区", "kind": "county", "city": "本溪市"})["region"]
'本溪市'
>>> zone_region("黄山至杭州的高铁开通,黄山经济开发区迎来机遇。2018年黄山经济开发区…", {"region": "杭州市", "kind": "city", "city": "杭州市"})["city"]
'黄山市'
"""

from __future__ import annotations

import re
from collections import Counter

from etl.nlp.gb2260 import COUNTY_CITIES
from etl.nlp.region import find_places

__all__ = ["zone_region"]

#: (a bare 开发区 only after a two-character county-level city name, 昆山开发区: round 40; 广州开发区 is run by a district, 黄埔区)
_ZONE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|(?<=" +
                   "|".join(sorted((c for c in COUNTY_CITIES if len(c) == 2), key=len)) + r")开发区)")


def zone_region(text: str, region: dict) -> dict:
    """``region`` with the zone's city as region and city when the text is about one zone (see the module doc)."""
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    zones = Counter(_city(m.group(1)) or m.group(1) for m in _ZONE.finditer(body))  # 2018年黄山经济开发区: 黄山市
    if not zones:
        return region
    (city, n), *rest = zones.most_common(2)
    # the text opens on the zone: in its first 60 characters, or in those of its first sentence after a headline and a
    # dateline (…也让昆山开发区坚如磐石: round 40)
    prose = next((ln.strip() for ln in body.splitlines() if "。" in ln), "")
    opening = [_city(m.group(1)) or m.group(1) for m in _ZONE.finditer(body.lstrip()[:60] + "\n" + prose[:60])]
    if n < 2 or (rest and rest[0][1] == n) or not city.endswith("市") or city == region.get("region") or city not in opening:
        return region
    return {**region, "region": city, "kind": "city", "city": city}


def _city(name: str) -> str | None:
    """The prefecture-level city a zone's name holds, written last before the zone word (年黄山 → 黄山市), else the
    county-level city it ends with (也让昆山 → 昆山市: its 开发区 is the county-level city's, round 40)."""
    cities = [p.name for p in find_places(name, common=True) if p.kind == "city"]
    return cities[-1] if cities else next((c + "市" for c in COUNTY_CITIES if len(c) >= 2 and name.endswith(c)), None)
