"""The county (or district) a text is about when it never says 全县/该县: the one it names as its own most often.

What: :func:`short_name` is a county's name as texts write it without its unit (长寿区 → 长寿, 南部县 → 南部,
秀山土家族苗族自治县 → 秀山); :func:`own_county` gives the county a text speaks of most: a GB/T 2260 county named in
the saved excerpt's ``# title:`` line (the whole line: the collector names the unit there) or twice in the body,
scored by its full and short mentions in the body, its self-references (全区, 本县 …) and one for the header line —
the caller takes it as the text's region only when it outscores every province and city.

:func:`county_named` reads a county or county-level city of the text's province written without its unit at the start of
an indicator (肃宁裘革制品业…, 泊头铸造, 孟村弯头管件 in a 河北 text): whose figure it is.

Why (round 20): a county's or district's report that never writes 全县 fell back to its province (南部县 → 四川省,
水城区 → 贵州省), or to nothing (长寿区: the body writes 长寿区 twice and 长寿 eight times, no other place), and a county
written without its unit (秀山将…) was no place at all.

>>> short_name("长寿区"), short_name("秀山土家族苗族自治县"), short_name("鄂伦春自治旗"), short_name("赵县")
('长寿', '秀山', '鄂伦春', '赵县')
>>> county_named("肃宁裘革制品业占全市同行业营业收入总量", "河北省"), county_named("孟村弯头管件营业收入", "河北省")
('肃宁县', '孟村回族自治县')
>>> county_named("泊头铸造", "河北省"), county_named("泊头铸造", "浙江省")
('泊头市', None)
>>> title_county("河南长垣:“起重机之乡”迈向高成长", "河南省"), title_county("上海奉贤:力争到2027年…", "上海市")
('长垣县', '奉贤区')
>>> title_county("鼓楼:…", None), province_of_county("秭归县")  # 鼓楼区: in four provinces, no guess
(None, '湖北省')
>>> later_names("这座小城名叫邵东,湖南省辖县级市。占邵东市工业总产值的17%"), later_names("邵东县将…邵东市场")
({'邵东县': '邵东市'}, {})
>>> own_county("长寿区将按照…。长寿将以传统产业…,长寿经开区、长寿高新区…全区…", ["长寿区"], ["长寿区"])
('长寿区', 6)
"""

from __future__ import annotations

import re
from collections import Counter

from etl.nlp.gb2260 import COUNTIES_BY_PROVINCE, COUNTY_CITIES_BY_PROVINCE, PROVINCE_CODE

_PROVINCE_NAME = {code: name for name, code in PROVINCE_CODE.items()}
_COUNTY_NAMES = frozenset(c for names in COUNTIES_BY_PROVINCE.values() for c in names)
#: names that are another 2007 place already (a district or county-level city: 通州区, 胶州市): no later name of a 县
_LATER_TAKEN = _COUNTY_NAMES | frozenset(c + "市" for names in COUNTY_CITIES_BY_PROVINCE.values() for c in names)

__all__ = ["NATIONS", "short_name", "own_county", "county_named", "title_county", "province_of_county", "text_before", "later_names"]

#: the nationalities of autonomous counties and banners (GB/T 2260 names: 秀山土家族苗族自治县, 青龙满族自治县)
NATIONS = ("土家|苗|壮|回|满|蒙古|藏|维吾尔|彝|布依|侗|瑶|白|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|"
            "达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|朝鲜|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|"
            "鄂伦春|赫哲|门巴|珞巴|基诺")
_AUTONOMOUS = re.compile(rf"(?:(?:{NATIONS})族)*自治[县旗]$")


def short_name(county: str) -> str:
    """``county`` without its unit and nationality words; a two-character name (赵县, 涉县) keeps its unit."""
    if len(county) <= 2:
        return county
    cut = _AUTONOMOUS.sub("", county)
    if cut != county:
        return cut or county
    return county[:-1]


def own_county(body: str, header_counties: list[str], body_counties: list[str]) -> tuple[str, int] | None:
    """``(county, score)`` of the county ``body`` speaks of most (see the module doc), ``None`` when none qualifies;
    ``header_counties``/``body_counties``: the counties :func:`etl.nlp.region.find_counties` finds in the ``# title:``
    line and in the body, in order."""
    named = Counter(body_counties)
    candidates = [c for c in named if named[c] >= 2] + list(header_counties)
    best = None
    for county in dict.fromkeys(candidates):
        short = short_name(county)
        shorts = len(re.findall(rf"{re.escape(short)}(?![县区旗州盟]|地区|[\u4e00-\u9fff]{{0,8}}自治)", body)) if short != county else 0
        score = named[county] + shorts + len(re.findall(rf"[全我本该]{county[-1]}", body)) + (county in header_counties)
        if best is None or score > best[1]:
            best = (county, score)
    return best


def later_names(body: str) -> dict[str, str]:
    """``{2007 name: name today}`` of the GB/T 2260-2007 counties (…县) that ``body`` names only as a city or a district
    of the same stem (邵东县 → 邵东市, made a county-level city in 2019; 县 → 区 likewise): the text states the later name
    the 2007 table cannot know; a county the text also writes as …县 keeps it (round 32)."""
    out: dict[str, str] = {}
    for m in re.finditer(r"[市区](?![场民级值])", body):
        for n in (4, 3, 2):
            stem = body[max(m.start() - n, 0):m.start()]
            if stem + "县" in _COUNTY_NAMES and stem + "县" not in body and stem + m.group(0) not in _LATER_TAKEN:
                out.setdefault(stem + "县", stem + m.group(0))
                break
    return out


def county_named(indicator: str, province: str | None) -> str | None:
    """The county or county-level city of ``province`` whose short name opens ``indicator`` without its unit after it,
    by its GB/T 2260 name; ``None`` when none does."""
    code = PROVINCE_CODE.get(province or "")
    if not code:
        return None
    names = [(short_name(c), c) for c in COUNTIES_BY_PROVINCE.get(code, ())] + \
        [(c, c + "市") for c in COUNTY_CITIES_BY_PROVINCE.get(code, ())]
    for short, full in sorted(names, key=lambda x: -len(x[0])):
        if len(short) >= 2 and short != full and indicator.startswith(short) and len(indicator) > len(short) + 1 \
                and indicator[len(short)] not in "县区市旗":  # 水城区… is written with its unit (find_counties reads it)
            return full
    return None


def province_of_county(county: str) -> str | None:
    """The province of a GB/T 2260 county name, ``None`` when the name is in none or in several."""
    found = {code for code, names in COUNTIES_BY_PROVINCE.items() if county in names}
    return _PROVINCE_NAME.get(found.pop()) if len(found) == 1 else None


def title_county(title: str, province: str | None) -> str | None:
    """The county a title names without its unit as the clause's actor, at its start or after its province
    (河南长垣:…, 上海奉贤:…, 秭归将…): the one GB/T 2260 county of that short name in ``province`` (in all China when
    ``province`` is ``None``); ``None`` when there is none or two share it (round 27)."""
    code = PROVINCE_CODE.get(province or "")
    pools = [COUNTIES_BY_PROVINCE.get(code, ())] if code else list(COUNTIES_BY_PROVINCE.values())
    names = [c for pool in pools for c in pool]
    stems = [s for s in ([province, province[:-1], province[:2]] if province else []) if s]
    for clause in re.split(r"[\s,,;“”]+", title):
        for stem in [s for s in stems if clause.startswith(s)] or [""]:
            rest = clause[len(stem):]
            hits = [c for c in names if len(short_name(c)) >= 2 and short_name(c) != c and rest.startswith(short_name(c))]
            best = max(map(len, map(short_name, hits)), default=0)
            hits = [c for c in hits if len(short_name(c)) == best]
            acts = stem or rest[best:best + 1] in (":", ":", "将")  # after its province, or the clause's actor
            if len(hits) == 1 and acts and rest[best:best + 1] not in ("县", "区", "市", "旗", "省"):
                return hits[0]
    return None


def text_before(body: str, county: str | None) -> str:
    """``body`` before it first names ``county`` (in full or short): a county's text that opens on its province
    (湖北's 两会, 安徽省委's 一号文件) gives the province's figures there (round 27); ``""`` when there is no county.

    >>> text_before("湖北支持112个集群。秭归县将…", "秭归县"), text_before("秭归县将…", "秭归县")
    ('湖北支持112个集群。', '')
    """
    if not county:
        return ""
    found = [i for i in (body.find(county), body.find(short_name(county))) if i >= 0]
    return body[:min(found)] if found else ""
