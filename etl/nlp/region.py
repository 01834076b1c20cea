"""Places in plan text and whose figure a target is: the plan's own region and a target's subject.

What: :func:`find_places` finds the administrative places of a text with a closed suffix set —
province-level names (full or short, from :mod:`etl.nlp.gb2260`: 陕西 → 陕西省, 广西 → 广西壮族自治区),
cities (a GB/T 2260 county-level city with its 市 — 胶州市, never 业立市 from 产业立市 — and prefecture-level city names written without 市: 苏州 → 苏州市), autonomous prefectures
(楚雄州) — never 工业兴省, 联合省, 制造强省 or 城市. :func:`plan_region` says which of them the plan is about:
the place it names most often, counting how it speaks of itself (全省/我省 for its province, 全市/我市 for its
city; a title names its place twice over). :func:`etl.nlp.subject.subject_of` says whose figure a target is: a place written in
the indicator, a county before the figure (a GB/T 2260 name, :func:`find_counties`: 铜鼓县, never 业强县 from
工业强县), a place the sentence opens with (曲靖市聚焦…), the cluster whose section it is in, the plan's province for
全省/我省 and its city for 全市/我市, else the plan's region.

Why: the place a plan is about is not the first one it names (胶州's plan names 青岛市 first); texts write their
own place without a suffix (苏州, 广西) and an open ``XX省`` pattern reads words that end in 省 as provinces.

>>> [p.name for p in find_places("广西力争到2027年;苏州聚焦四大产业;山东省级以上集群;工业兴省;楚雄州")]
['广西壮族自治区', '苏州市', '山东省', '楚雄州']
>>> plan_region("胶州市 2025 年工作方案。承接青岛市创新型产业体系,培育胶州市现代化产业体系,胶州新区。")["region"]
'胶州市'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from etl.nlp.gb2260_areas import AREAS, BARE_UNSAFE
from etl.nlp.gb2260 import CITIES, COMMON_WORDS, COUNTIES, COUNTY_CITIES, COUNTY_CITIES_BY_PROVINCE, PREFECTURES, PROVINCE_CODE, PROVINCE_GOVERNED, PROVINCE_OF, PROVINCES
from etl.nlp.own_county import NATIONS, county_named, later_names, own_county, province_of_county, text_before, title_county
from etl.nlp.vocab import normalize

__all__ = ["Place", "find_places", "find_counties", "plan_region", "header_title"]

_FULL = {v: v for v in PROVINCES.values()}
_ALT = "|".join(sorted(list(_FULL) + list(PROVINCES), key=len, reverse=True))
_CITY_ALT = "|".join(sorted(CITIES | set(PROVINCE_GOVERNED), key=len, reverse=True))  # 济源 as 德阳 (round 37)
_PREF_ALT = "|".join(sorted(PREFECTURES, key=len, reverse=True))
_COUNTY_CITY_ALT = "|".join(sorted(COUNTY_CITIES, key=len, reverse=True))
#: a county-level city is a GB/T 2260 name with its 市 (胶州市, 晋江市), never any two characters before 市 (业立市 from
#: 产业立市, 推进市, 务副市)
#: an autonomous prefecture by its short form, whatever form the text writes (恩施州, 恩施土家族苗族自治州, 伊犁哈萨克自治州)
_AREA_ALT = "|".join(sorted(AREAS, key=len, reverse=True))  # 海东地区, 兴安盟: a 地区 or 盟 of the 2007 table (round 39)
_PLACE_RE = re.compile(rf"(?P<prov>{_ALT})|(?P<city>{_CITY_ALT})(?P<shi>市)?|(?P<pref>{_PREF_ALT})(?:(?:(?:{NATIONS})族?)*自治)?州|"
                       rf"(?P<area>{_AREA_ALT})(?P<unit>地区|盟|市(?![级场民值]))?|"
                       rf"(?P<open>{_COUNTY_CITY_ALT})市(?![级场民值])")  # not 细分市场, 市级
#: 自治区 alone: the plan's own autonomous region (not the end of its full name, 新疆维吾尔自治区); 该省/该市: "the said
#: province/city" of a news report (新疆维吾尔自治区哈密市统计数据显示,该市…: round 38)
_SELF_PROVINCE = re.compile(r"全省|我省|本省|该省|省内|(?<![尔族古藏])自治区")
_SELF_CITY = re.compile(r"全市|我市|本市|该市|市内")
_ZONES = ("新区", "开发区", "高新区", "经开区", "自贸区", "保税区", "示范区", "试验区", "合作区")
#: two characters before 县/区: what a zone (金义新区, 经开区) is found by; never a county by itself (出台了县级 → 台了县)
_OPEN_RE = re.compile(r"((?<![每各])[^\W\d_每各个全本该两几多][\u4e00-\u9fff](?:县|区))(?!域|级|块|位|划)")  # not 每个县
_COUNTY_END = re.compile(r"[县区旗](?!域|级|块|位|划)")  # not 县域, 区级, 区块, 区位, 区划
_COUNTY_LONGEST = max(map(len, COUNTIES))
_COUNTY_STOP = {"治区", "建成区", "地区", "园区", "主城区", "老城区", "新城区", "心城区", "市城区", "全区", "新区", "湾区", "社区", "景区", "片区", "市区",
                "辖区", "区县", "县区", "山区", "示范区", "试验区", "开发区", "集聚区", "协同区", "核心区", "自贸区", "保税区",
                "功能区", "先行区", "引领区", "高新区", "经开区", "创新区", "合作区", "产业区", "工业区", "商务区", "库区", "港区",
                "老区", "特区"}
_CITED = re.compile(r"《[^》]{0,80}》")
#: a news report's byline (本报讯(黑龙江日报全媒体记者韩波)): the newspaper's place is not the text's
_BYLINE = re.compile(r"[((][^()()]{0,40}记者[^()()]{0,20}[))]")
#: a news dateline (人民网哈尔滨9月24日电, 中新网 南昌3月20日电): where the report was filed, not what it is about
_DATELINE = re.compile(r"[\u4e00-\u9fff]{2,4}\s*\d{1,2}月\d{1,2}日电")


@dataclass(frozen=True)
class CountyMatch:
    """A county found in a text: ``group(1)`` its GB/T 2260 name, ``start()``/``end()`` its span (as an ``re`` match)."""
    name: str
    span_: tuple[int, int]

    def group(self, _i: int = 0) -> str:
        return self.name

    def start(self) -> int:
        return self.span_[0]

    def end(self) -> int:
        return self.span_[1]


def find_counties(text: str) -> list[CountyMatch]:
    """The counties, districts and banners of ``text``, in order: the longest GB/T 2260 name (``gb2260.COUNTIES``)
    ending at each 县/区/旗 — never two characters that merely stand before one (台了县 from 出台了县级, 业强县 from
    工业强县), a generic word (老城区, 全县) or a zone (浦东新区, …开发区: :data:`_ZONES`, found apart); a name of two
    characters (赵县) only where no other word runs into it (涉县, 河北省赵县; not 城区, 矿区, 东区).

    >>> [m.group(1) for m in find_counties("出台了县级政策,工业强县;铜鼓县、樊城区和石景山区,河北省赵县,鄂伦春自治旗")]
    ['铜鼓县', '樊城区', '石景山区', '赵县', '鄂伦春自治旗']
    """
    out: list[CountyMatch] = []
    for m in _COUNTY_END.finditer(text):
        end = m.end()
        for n in range(min(_COUNTY_LONGEST, end), 1, -1):
            w, lo = text[end - n:end], end - n
            if w not in COUNTIES or (lo and text[lo - 1] in "每各") or (out and lo < out[-1].end()):
                continue
            if w in _COUNTY_STOP or w.endswith(_ZONES) or (n == 2 and (w[1] != "县" or (
                    lo and re.match(r"[\u4e00-\u9fff]", text[lo - 1]) and text[lo - 1] not in "省市州"))):
                break
            out.append(CountyMatch(w, (lo, end)))
            break
    return out


@dataclass
class Place:
    name: str   # 陕西省, 苏州市, 楚雄州, 胶州市
    kind: str   # province | city | prefecture
    span: tuple[int, int]
    stem: str   # 陕西, 苏州, 楚雄, 胶州: the name as texts write it without a suffix


def find_places(text: str, common: bool = False) -> list[Place]:
    """Every province, city and autonomous prefecture named in ``text``, in order; ``common``: a city whose name is
    also a common word (中山, 大同) counts without its 市 too (in a headline, where a place leads its clause)."""
    out = []
    for m in _PLACE_RE.finditer(text):
        if m.group("prov"):
            w = m.group("prov")
            full = _FULL.get(w) or PROVINCES[w]
            if w in PROVINCES and text.startswith("市", m.end()) and full != w + "市":
                out.append(Place(w + "市", "city", (m.start(), m.end() + 1), w))  # 吉林市: the city, not the province
            else:
                out.append(Place(full, "province", m.span(), next(k for k, v in PROVINCES.items() if v == full)))
        elif m.group("city"):
            w = m.group("city")
            if m.group("shi") or ((common or w not in COMMON_WORDS) and not text.startswith(("州", "县", "区", "省"), m.end())):
                out.append(Place(w + "市", "city", m.span(), w))
        elif m.group("area"):
            w, unit = m.group("area"), m.group("unit")
            if unit == "市" and not AREAS[w][1].endswith("市"):
                out.append(Place(w + "市", "city", m.span(), w))  # 阿克苏市: the 地区's seat, a county-level city
            elif unit or (w not in BARE_UNSAFE and not text.startswith(("州", "县", "区", "省", "旗", "左", "右"), m.end())):
                out.append(Place(AREAS[w][1], "city", m.span(), w))
        elif m.group("pref"):
            out.append(Place(m.group("pref") + "州", "prefecture", m.span(), m.group("pref")))
        else:
            out.append(Place(m.group("open") + "市", "city", m.span(), m.group("open")))
    return out


#: 居全市第一, 排名全市, 占全市, 领跑全省: the peers ranked or the whole compared with (as in :mod:`etl.nlp.subject`)
_PEER_LEAD = re.compile(r"(?:[居列占]|排名|领跑|领先|高于|低于|快于)$")


def _own_mentions(pattern: re.Pattern, body: str) -> int:
    """How often ``body`` speaks of its own place by ``pattern`` (全市, 我省), not of the peers or the whole (居全市第一)."""
    return sum(1 for m in pattern.finditer(body) if not _PEER_LEAD.search(body[max(0, m.start() - 2):m.start()]))


def plan_region(text: str) -> dict:
    """``{"region", "kind", "province", "city"}`` of a plan: the place it names most often (its title counts
    double, 全省/我省 count for its most-named province, 全市/我市 for its most-named city; the title of a document
    it cites in 《》 counts only when the text names no other place; a saved excerpt's ``# title:`` is a title).

    >>> plan_region("长发〔2022〕9号\\n根据《中共湖南省委关于支持长沙市发展的意见》精神,制定方案。\\n把长沙建设成为现代化城市,全省各市州协同发展。")["region"]
    '长沙市'
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    # a title is a short line without 。 (a preamble sentence is none); a document it cites (《中共湖南省委…》)
    # names the issuer of that document, not the place this text is about
    raw_title = "\n".join([ln for ln in lines[:2] if "。" not in ln and len(ln) <= 60] + header_title(text))
    raw_title = _DATELINE.sub(lambda m: "＿" * len(m.group(0)), raw_title)
    title = normalize(raw_title)
    body = _DATELINE.sub(lambda m: "＿" * len(m.group(0)), _BYLINE.sub("", normalize("\n".join(lines))))
    places = find_places(_CITED.sub(lambda m: "＿" * len(m.group(0)), body)) or find_places(body)
    if _SELF_CITY.search(body) and not any(p.kind != "province" for p in places):
        places += [p for p in find_places(body) if p.kind != "province"]  # 我市出台《遂宁市…规划》: its city is cited
    seen = {p.name for p in places}  # 开放重塑朝阳: a city whose name is a common word, read in the title (round 39)
    places += [Place(p.name, p.kind, (body.find(p.stem),) * 2, p.stem) for p in find_places(title, common=True)
               if p.kind == "city" and p.stem in COMMON_WORDS and p.name not in seen and p.stem in body]
    score: Counter = Counter()
    first: dict[str, int] = {}
    kinds = {}
    for p in places:
        kinds[p.name] = p.kind
        first.setdefault(p.name, p.span[0])
    for name, kind in kinds.items():
        stem = next(p.stem for p in places if p.name == name)
        score[name] = body.count(stem) + title.count(stem)
        if kind != "province" and len(stem) >= 2:  # 哈市 for 哈尔滨市, when the text names the city in full too
            score[name] += len(re.findall(rf"(?<![\u4e00-\u9fff]{{2}}){stem[0]}市(?![场民级值])", body))
    for p, q in zip(places, places[1:]):  # 山东省东营经济开发区: a province written before a city is its address (round 24)
        if p.kind == "province" and q.kind != "province" and p.span[1] == q.span[0] and PROVINCE_OF.get(q.stem) == p.name:
            score[p.name], score[q.name] = score[p.name] - 1, score[q.name] + 1
    county = _title_county(title) or title_county(title, next((p.name for p in find_places(title) if p.kind == "province"), None))
    # 邹平市焦桥镇:…: a county made a city or district after 2007, named in the title by its name today (round 40)
    county = county or next((c for c, today in later_names(title).items() if re.match(r"[\s\u4e00-\u9fff]{0,4}$", title[:title.find(today)])), None)
    if not county and re.search(r"[全我本该]县", body):  # 全县净增市场主体, 该县推出的… (a paper on one county): the county the body names most
        named = Counter(m.group(1) for m in find_counties(body) if m.group(1).endswith("县"))
        county = max(named, key=lambda c: (named[c], -body.find(c)), default=None)
    if county:  # 铜鼓县“十四五”工业经济发展规划 … 我县/全县: a county's plan speaks of itself as 我县
        kinds[county], first[county] = "county", -1
        score[county] = body.count(county) + _stem_count(body, county[:-1]) + _stem_count(title, county[:-1]) + \
            len(re.findall(rf"[全我本该]{county[-1]}", body))
    province = max((n for n in kinds if kinds[n] == "province"), key=lambda n: (score[n], -first[n]), default=None)
    city = max((n for n in kinds if kinds[n] not in ("province", "county")), key=lambda n: (score[n], -first[n]), default=None)
    if province:
        score[province] += _own_mentions(_SELF_PROVINCE, body)
    if city:  # 稳居全市第一, 占全市主平台: the peers or the whole, no mention of the text's own place (round 35)
        score[city] += _own_mentions(_SELF_CITY, body)
    region = max(score, key=lambda n: (score[n], -first[n]), default=None)
    own = _own_city(raw_title, body)  # its spaces part a headline's clauses
    if not own and region and kinds.get(region) == "province":  # 湖北有座小城…它是汉川: the county-level city written bare (round 40)
        bare = Counter({c: body.count(c) + title.count(c) for c in COUNTY_CITIES_BY_PROVINCE.get(PROVINCE_CODE.get(region, ""), ())
                        if len(c) >= 2 and c + "市" not in body})
        top = bare.most_common(2)
        if top and top[0][1] >= 3 and top[0][1] > score[region] and (len(top) < 2 or top[1][1] < top[0][1]):
            own = top[0][0] + "市"
    if region and kinds.get(region) == "province" and own and _province_of_city(own[:-1]) == region:
        region = city = own  # a city's text that names its province more often (list and project names) is the city's
        kinds[own] = "city"
    elif region and kinds.get(region) == "city" and own and own != region and own[:-1] in COUNTY_CITIES \
            and _province_of_city(own[:-1]) == _province_of_city(region[:-1]):
        region = city = own  # 大冶:加速…: a county-level city leading the headline beats the city that governs it (round 40)
        kinds[own] = "city"
    if not county:  # a county's report that never says 全县 (南部县, 水城区, 秀山将…): its own county when it outscores the rest
        header = " ".join(re.findall(r"^\s*#\s*title:\s*(.+)$", text, re.M)[:1])
        mine = own_county(body, [m.group(1) for m in find_counties(header)], [m.group(1) for m in find_counties(body)])
        # 秭归县's targets in a 湖北 report; a park of 拉萨市城关区: the district written after its city, its address (round 39)
        titled = mine and mine[0] in header and (province_of_county(mine[0]) == region or f"{region}{mine[0]}" in body)
        if mine and (titled or mine[1] > (score[region] if region else 0)):
            region = county = mine[0]
            kinds[county] = "county"
    if county and region != county and kinds.get(region) == "province" and province_of_county(county) == region:
        region = county  # a county-level unit its title names beats its province (长垣, 奉贤区; round 27)
    later = later_names(body)  # 邵东县 of the 2007 table, 邵东市 in the text (round 32)
    if county in later:
        region, county = (later[county] if region == county else region), later[county]
        kinds[county] = "county"
    before = text_before(body, county if region == county else None)  # the province's part before its county's
    return {"region": region, "kind": kinds.get(region), "province": province, "city": city, "county": county, "later": later,
            "before_own": before if any(p.kind == "province" for p in find_places(before)) else ""}


def _stem_count(text: str, stem: str) -> int:
    """How often ``text`` writes a county's ``stem`` not as the head of a prefecture's name (…州, …地区, …盟): 阿坝州,
    甘孜州 and 泸州 are no mention of 阿坝县, 甘孜县 or 泸县 (round 39)."""
    return len(re.findall(rf"{re.escape(stem)}(?!州|地区|盟)", text)) if stem else 0


def _province_of_city(stem: str) -> str | None:
    """The province of a prefecture-level or county-level city (德阳 → 四川省, 邳州 → 江苏省)."""
    code = next((c for c, names in COUNTY_CITIES_BY_PROVINCE.items() if stem in names), None)
    return PROVINCE_OF.get(stem) or next((p for p, c in PROVINCE_CODE.items() if c == code), None)


def _own_city(title: str, body: str) -> str | None:
    """The city a text is about by its own words: the city that leads a clause of its title (中山将打造…), else the city
    its first sentence opens with (德阳10户企业入列…); ``None`` when neither names one.

    >>> _own_city("广东省行动计划发布 中山将打造超千亿级先进材料产业集群", ""), _own_city("", "德阳10户企业入列四川省名单。")
    ('中山市', '德阳市')
    """
    cities = [p for p in find_places(title, common=True) if p.kind == "city"
              and (p.span[0] == 0 or not re.match(r"[\u4e00-\u9fff“”\"]", title[p.span[0] - 1]))]
    if cities:  # the city leads a clause of the title (…发布 中山将打造…), not its object (…“落户”湘潭)
        return cities[0].name
    lead = re.match(rf"({_COUNTY_CITY_ALT})(?=[,,::]|将)", title.strip())  # 邳州,江苏高质量发展…: a county-level city (round 39)
    if lead:
        return lead.group(1) + "市"
    lead = find_places(re.split(r"[,,。]", body, maxsplit=1)[0][:12])
    if lead and lead[0].kind == "city" and lead[0].span[0] == 0:
        return lead[0].name
    # 今年上半年,宜兴全社会…: a county-level city opening the first sentence after its time phrase (round 40)
    lead = re.match(rf"(?:(?:今年|去年|\d{{4}}年)[^,,。]{{0,6}}[,,])?({_COUNTY_CITY_ALT})(?!市)(?=[\u4e00-\u9fff])", body.strip())
    return lead.group(1) + "市" if lead else None


def _title_county(title: str) -> str | None:
    """The county a title names (铜鼓县“十四五”…规划, 衡阳县's 2025 results), if any.

    >>> _title_county("铜鼓县“十四五”工业经济发展规划"), _title_county("西藏自治区“十二五”工业发展")
    ('铜鼓县', None)
    """
    m = next(iter(find_counties(title)), None)
    return m.group(1) if m else None


def header_title(text: str) -> list[str]:
    """The title on a saved excerpt's ``# title:`` line, without the collector's note in brackets after it."""
    return [re.split(r"\s+[((]|[((](?=[^))]*[A-Za-z])", m.group(1))[0].strip()
            for m in re.finditer(r"^\s*#\s*title:\s*(.+)$", text, re.M)][:1]
