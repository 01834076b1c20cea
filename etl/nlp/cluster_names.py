"""What a cluster or chain name is: the name part of a phrase, its count and scale words, and whether it names a field.

What: :func:`clean_name` cuts a phrase to its name (after the last verb 培育形成, 重点发展 …, a clause that
ends in 了, an enumerator); :func:`is_generic` is true for a phrase that names no field (七大千亿, 世界级先进制造业,
实施, 产业发展基础); :func:`split_items` splits a list (A、B和C等3个); :func:`count_of` reads its count
(3个, 七大, 两条); :func:`owners_dropped` drops the places that own a listed cluster; :func:`field_of` drops a
leading tier or a trailing kind of cluster. :mod:`etl.nlp.plan_clusters` finds the mentions in a sentence.

Why: one module per concept — finding cluster mentions in a sentence (plan_clusters) and deciding what a
name is (here) changed separately in every round.

>>> clean_name("我省分两批确定了特钢材料"), is_generic("实施"), is_generic("高端装备")
('特钢材料', True, False)
>>> is_generic("人参"), is_generic("人参", in_field_list=True)
(True, False)
"""

from __future__ import annotations

import re

from etl.nlp.cluster_match import core_name
from etl.nlp.field_vocab import FIELD_WORDS, is_field
from etl.nlp.place_prefix import is_place, lead_place, place_cut
from etl.normalize import strip_quotes

__all__ = ["clean_name", "INCLUDES", "is_generic", "split_items", "too_long", "count_of", "owners_dropped", "field_of", "field_list",
           "NUM_CN", "COUNT_RE", "SCALE_RE", "SCALE_BARE_RE", "TIER_RE", "heading_class", "amount_class"]

VERBS = re.compile(r"(?:在全市|全市|全省|重点)?(?:培育形成|培育壮大|做大做强|做强做大|重点发展|重点培育|重点打造|重点布局|加快发展|大力发展|"
                    r"积极发展|加快培育|加快打造|提升发展|巩固提升|前瞻布局|先导布局|打造成|建设成|入选|助推|对于|拥有|共有|现有|另有|聚焦|围绕|依托|立足|支持|推进|打造出?|培育出?|形成|建成(?!区)|建设|发展|"
                    r"推动|壮大|做强|做优|做精|确定|认定|重塑|提档升级|转型升级|改造提升|提升|布局|构建|包括|是指|其中|以及|加快|着力|承载|主攻|聚力|适配|共建|力争|确保|进军|瞄准|担任|新增|成为(?!链主)|"
                    r"延伸|纳入|融入|赋能升级|抢占|代表(?!性|团|处))")  # 延伸产业链条, 争取纳入国家…集群, 融入成渝…集群: the object follows (round 29)
_HONOUR = re.compile(r"荣获|获评|被评为|被授予|荣膺")
NUM_CN = r"(?:\d+|[一二三四五六七八九十两]+)"
COUNT_RE = re.compile(rf"{NUM_CN}(?:个|大|条)")
SCALE_RE = re.compile(r"(?:超|过)?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:万亿|千亿|百亿|亿)?元?级")
#: a scale class written without 级 right before the head (现代化工等万亿产业集群, 七大千亿产业)
SCALE_BARE_RE = re.compile(r"(?:超|过)?(?:万亿|千亿|百亿)元?(?=产业$|$)")
#: an amount right before a field's name, with no 的 or verb between (超2000亿元新能源产业集群): the name's scale class
_AMOUNT_CLASS = re.compile(r"(?:超|过)?\d+(?:\.\d+)?(?:万亿|千亿|百亿|亿)元?(?=[\u4e00-\u9fff])(?!的|级)")
TIER_RE = re.compile(r"世界级|国家级|省级|市级|区域级|标志性|战略性新兴|战略性|战新|特色|新兴|优势|主导|支柱|先进(?!材料)|新星|未来|现代化(?!工)|重大|重点|"
                      r"具有[^,;。]*?影响力的|有影响力的|成长性高的|一批|若干个?")
GENERIC = {"", "产业", "制造业", "先进制造业", "制造", "先进制造", "现代", "新兴", "未来", "区域", "重点", "特色", "优势", "主导",
            "国家", "全国", "省", "全省", "全市", "长三角", "长三角区域", "现代产业", "产业链", "集群", "重大", "若干", "一批",
            "传统", "传统产业", "新兴产业", "未来产业", "千亿", "万亿", "百亿", "七大千亿", "链", "全产业", "上下游", "一系列",
            "农业", "工业", "服务业"}  # a sector (六大农业特色产业集群: 农业 qualifies the count), as 制造业 (round 35)
ABSTRACT = re.compile(r"(?:基础|规模|水平|能力|体系|格局|情况|环境|机制|效益|质量|配套|突出|明显|合理|优化|显著|领先|完善|"
                       r"较好|较强|[好强快])$")
#: a bracket saying what an item includes (未来产业(含AI+、空天信息)): no part of a name, its 、 parts no list (round 23)
INCLUDES = re.compile(r"[((](?:含|包括|包含)[^()()]{1,40}[))]")
ENUM = re.compile(r"^(?:\d+[.、．]|[(（]?[一二三四五六七八九十]+[)）、]|[①-⑩]|[一二三四五六七八九十]+是)")  # 一是干红酒酿造 (round 34)


def clean_name(item: str, one: bool = False) -> str:
    """The name part of a phrase: after the last verb (培育形成, 重点发展, 做强 …) and enumerator."""
    closed = item.rstrip().endswith(("”", "\""))  # a name closing on its quote (…武汉“光芯屏端网”)
    item = ENUM.sub("", item.strip(" 、,“”\"'‘’"))
    item = re.split(r"[(（]即?", item)[-1] if re.search(r"[(（][^)）]*$", item) else item  # 产业体系(即高端纺织: a bracket
    # left open restates what it follows; the name is inside it (round 25)
    if _HONOUR.search(item):
        return ""  # 荣获省级安全应急产业特色集群: what follows an honour verb is the honour's title, no cluster (round 23)
    last = None
    for m in VERBS.finditer(item):
        if m.group() != "以及" or "、" not in item[:m.start()]:
            last = m  # …、食用菌以及地坪磨片: 以及 joins a list's last item, it leads nothing
    if last is not None:
        item = item[last.end():]
        if re.match(r"起(?!重)", item) and is_field(item[1:]):
            item = item[1:]  # 构建起棉花…: the verb's complement 起, no part of the name (round 40)
    if "了" in item:  # 我省分两批确定了特钢材料: a clause that ends in 了 comes before the name
        item = item[item.rindex("了") + 1:]
    quoted = re.search(r"[“\"]([^”\"]{1,6})[”\"](?=[\u4e00-\u9fff]{2})", item)
    if quoted and is_field(item[quoted.end():]) and not is_field(quoted.group(1)):
        item = item[quoted.end():]  # “宜荆荆”磷化工: the quoted area owns the cluster, the field follows
    # a modal before a verb (吉林省将实施汽车, 此次实施汽车) or a verb with a result (梳理出晶硅光伏): the object follows
    lead = re.match(r"^.*?(?:(?:将|要|拟|需|此次|本次)[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{2}出(?!口|版))(?=[\u4e00-\u9fff]{2})", item)
    if lead and is_field(item[lead.end():]):
        item = item[lead.end():]
    opened = closed and re.search(r"(?<=[\u4e00-\u9fff])[“\"]([^”\"]{2,8})$", item)  # 链接武汉“光芯屏端网”产业集群: the quoted name, not the
    item = opened.group(1) if opened and not is_field(item[:opened.start()]) else item  # clause before it (round 35)
    item = re.sub(r"^[\u4e00-\u9fff]{0,6}?把(?=[\u4e00-\u9fff]{2})", "", item)  # 通化市把保健品产业…: 把's object (round 35)
    cut = re.match(r"^(?:[\u4e00-\u9fff]{0,6}?(?:通过|针对)?对|(?:全力|大力|着力|积极|持续|不断|进一步|加快|全面)"
                   r"(?P<verb>[\u4e00-\u9fff]{2}))(?=[\u4e00-\u9fff]{2})", item)  # 该项目对…汽车, 全力完善光伏 (round 40)
    if cut and is_field(item[cut.end():]) and not (cut.group("verb") and (is_field(cut.group("verb")) or re.search(r"和|及|与", item))):
        item = item[cut.end():]  # the object of a preposition or of an adverb's verb, not the clause before it
    item = re.sub(r"^(?:以及|和|及|与|、|要|将|在|对|向|我市|我省|本市|本省|全市|全省|特别是|尤其是)+", "", item.strip(" 、“”\"'‘’"))
    if re.match(r"^(?:例如|比如|诸如|如)", item) and lead_place(re.sub(r"^(?:例如|比如|诸如|如)", "", item)):
        item = re.sub(r"^(?:例如|比如|诸如|如)", "", item)  # 如昌黎县粉丝: an example word before a place (round 34)
    item = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:已|均|都|也)?被$", "", item)  # 毛皮产业被(列入…): the passive ends the name
    item = re.sub(r"^(?:\d{4}年|今年|去年)(?:以来|上半年|前三季度|全年)?(?=[\u4e00-\u9fff]{2})", "", item)  # 2023年食品…: when, not what (round 40)
    label = re.match(r"^[\u4e00-\u9fff]{1,6}\d+(?=[\u4e00-\u9fff]{2})", item)
    if label and is_field(item[label.end():]):
        item = item[label.end():]  # 纺谷109华中纺织: a project's label with its number comes before the name
    if one and "的" in item and not item.endswith("的"):
        item = item[item.rindex("的") + 1:]  # 国内知名的农机装备 → 农机装备
    item = re.sub(r"(?<=[\u4e00-\u9fff]{2})领域$", "", item.rstrip("等"))  # 锂电新材料及应用领域: 领域 is the field word
    return item.strip(" 、“”\"'‘’")


def amount_class(span_text: str) -> tuple[str | None, str]:
    """The scale class written as an amount right before a field's name, and the text after it (round 24).

    >>> amount_class("汕头市加快打造超2000亿元新能源")
    ('超2000亿元', '新能源')
    >>> amount_class("培育产值超100亿元的")
    (None, '培育产值超100亿元的')
    """
    last = None
    for last in _AMOUNT_CLASS.finditer(span_text):
        pass
    if last is None:
        return None, span_text
    rest = span_text[last.end():]
    if "的" in rest or not is_field(clean_name(rest, True)):
        return None, span_text  # 打造营收超100亿元的产业集群, 超千亿元集群: an output figure or a class of no named field
    return last.group(), rest


def is_generic(name: str, in_field_list: bool = False) -> bool:
    """Does ``name`` name no field? ``in_field_list``: it is an item of a list whose other items name fields
    (:func:`field_list`), so the field vocabulary is a signal, not a gate (人参, 绒纺, 氢能 in such a list)."""
    rest = SCALE_BARE_RE.sub("", SCALE_RE.sub("", name))  # 制造业千亿(产业集群): a class without 级, no field
    rest = TIER_RE.sub("", rest)
    rest = strip_quotes(rest)
    rest = core_name(re.sub(r"以上|左右|以下|以内", "", rest))
    rest = re.sub(r"^[\u4e00-\u9fff]{2,3}[省市]", "", rest)  # 河南省先进制造业 → 制造业
    rest = core_name(re.sub(r"融合$", "", rest))  # 战略性新兴产业融合(集群): a kind of cluster, no field
    if rest in GENERIC or re.sub(r"制造业?$", "", rest) in GENERIC or len(rest) < 2 and not re.fullmatch(r"\d+G", rest) \
            and not is_field(rest) and not in_field_list:
        return True
    if not in_field_list and not is_field(re.sub(r"制造业?$", "", rest)):  # 实施, 大抓, 跃升, 简称, 中小企业特色, 产业创新: no word of a field (etl/nlp/field_vocab.py)
        return True
    if re.search(r"我市|我省|全市|全省|本市", name) or re.search(r"[向于在对把将从由为与和及]$", name):
        return True
    if re.search(r"^关于|^[在向对把将从由]|进一步|深化|正式|进入|迈入", name):  # a title (关于进一步深化…) or a clause, not a field
        return True
    if re.match(r"[上中下]游", name):  # “上游汽车零部件、中游底盘制造…”完备产业链条: a stage of one chain, no chain (round 32)
        return True
    if re.search(r"(?:每个|各个|每|各|这|该|此|其)$", name):  # 梳理每个产业链: a determiner, no chain named
        return True
    if ABSTRACT.search(name) and not (in_field_list and re.fullmatch(r"[\u4e00-\u9fff]{2,}[及和与]配套", name)) and \
            not (in_field_list and name.endswith("配套") and is_field(name[:-2])):
        return True  # 产业发展基础, 主导产业规模, 特色明显, 布局合理: qualities, not fields (汽车零部件配套, 卷烟及配套 in a list are fields)
    if name.endswith("化") and not name.endswith(_FIELD_HUA) and len(name) > 3:
        return True  # 县域经济特色化, 特色经济产业化: an -ization, no field (石化, 能化 are fields; round 21)
    if name.endswith("的") or re.search(r"(?:高端|智能|绿色|现代|高级|一体|集群|国际|数字|网络|融合|新型|规模)化$", name) \
            or too_long(name) or re.search(r"\d", re.sub(r"\d+G", "", name)):
        return True
    # 现代化, 千亿级, “百千万”亿级 …; a word of the field vocabulary is a field whatever it ends in (石化, 能化: 化工)
    return bool(re.search(r"级$", rest) or re.search(r"化$", rest) and len(rest) <= 3 and rest not in FIELD_WORDS)


def too_long(name: str) -> bool:
    """Is ``name`` longer than a name is built? A name joins fields with 与/和/及; each part is at most 10 characters
    and names a field (no place, firm or punctuation in it), so 新能源与智能网联汽车制造和服务全链条融合 (21 characters) is a name and a clause run on is not.

    >>> too_long("新能源与智能网联汽车制造和服务全链条融合"), too_long("以链长制为抓手推动全市重点产业高质量发展")
    (False, True)
    """
    if len(name) <= 16:
        return False
    parts = re.split(r"与|和|及", name)
    return len(parts) < 2 or any(len(p) > 10 or not is_field(p) or re.search(r"[、“”\"]|区|园|集团|公司|是|还", p)
                                 for p in parts)


def split_items(items: str, count: int | None) -> list[str]:
    parts = [p for p in (x.strip() for x in items.split("、")) if p]
    if len(parts) >= 2 and "以及" in parts[-1]:  # A、B、C以及D: 以及 joins the list's last item
        head, _sep, last = parts[-1].rpartition("以及")
        parts = parts[:-1] + [x for x in (head, last) if x]
    if count and parts and len(parts) == count - 1 and re.search(r"和|以及|与", parts[-1]):
        # A、B、…和C等6条: the list's last 和 joins its last two items (…材料及高端化工品 earlier keeps its 及); so does a
        # last 与 (钛及钛合金、汽车及零部件、优势装备与特色食品 for 四大: round 31)
        head, _sep, last = parts[-1].rpartition(next(w for w in ("以及", "和", "与") if w in parts[-1]))
        if head and last:
            return parts[:-1] + [head, last]
    if count and len(parts) < count:  # 稀土磁性材料和新型功能材料4个 → split the 和 too
        out = [x for p in parts for x in re.split(r"和|及|与", p) if x]
        if len(out) == count:
            parts = out
    return parts


def count_of(desc: str) -> int | None:
    m = COUNT_RE.search(desc)
    if not m:
        return None
    n = m.group().rstrip("个大条")
    cn = "零一二三四五六七八九十"
    if n.isdigit():
        return int(n)
    if n == "两":
        return 2
    if len(n) == 1 and n in cn:
        return cn.index(n)
    if n.startswith("十"):
        return 10 + (cn.index(n[1]) if len(n) > 1 else 0)
    return None


PLACE_ONLY = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|市))+$")
PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|市))+")
LEAD_TIER = re.compile(r"^(?:世界级|国家级?|省级|市级|区域级|标志性)+")  # 国家现代生物医药(产业集群): round 29
#: …先进材料战略性支柱; a tier word after a name is the list's tier (临清市纺织特色产业集群 → 纺织; round 22)
KIND_SUFFIX = re.compile(r"(?:国家级?|省级|世界级)?(?:先进制造业?|战略性新兴产业)$|(?:战略性|支柱|主导|优势|特色|创新型|世界级|国家级|省级)+$|(?:产业)?板块$")  # …制造业板块 (round 37)
#: a tier inside a name after words that are no field (成渝国家级电子信息 → 电子信息: a region's national cluster; round 29)
INNER_TIER = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:世界级|国家级)(?=[\u4e00-\u9fff]{2})")


def owners_dropped(items: list[str]) -> list[str]:
    """A list that starts with places only names their common cluster in its last item:
    江苏省南通市、泰州市、扬州市高技术船舶和海工装备 → 高技术船舶和海工装备 (the places own it)."""
    places = [i for i in items if PLACE_ONLY.match(i.strip(" “”\"'")) or is_place(i)]  # 永安市、大田县石墨和石墨烯
    if not places or len(places) == len(items):
        return [i for i in items if i not in places]
    rest = [i for i in items if i not in places]
    return [PLACE_PREFIX.sub("", i) or i for i in rest]


#: a district, county or zone in front of a name is where the cluster is, its subject, not its field
LEAD_DISTRICT = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}市)?(?:高新区|经开区|[\u4e00-\u9fff]{2,3}(?:新区|区|县))(?=[\u4e00-\u9fff]{2})")


#: the text's own place in front of a name (该市, 本县, 全区 …): where, not what (round 21)
_SELF_PLACE = re.compile(r"^[该本我全][市县区省州旗]")
#: the words of the field vocabulary that end in 化 (石化, 能化): a name ending in one is a field, not an -ization
_FIELD_HUA = tuple(w for w in FIELD_WORDS if w.endswith("化"))


def field_of(name: str) -> str:
    """The field of a cluster name: without a leading district (樊城区航空航天研发制造融合 → 航空航天研发制造融合,
    新化县电子陶瓷 → 电子陶瓷), a leading tier (世界级船舶海工 → 船舶海工) or a trailing kind of cluster
    (高技术船舶和海工装备国家先进制造业 → 高技术船舶和海工装备).

    >>> field_of("襄阳市高新区新能源与智能网联汽车制造和服务全链条融合"), field_of("长春新区光电信息")
    ('新能源与智能网联汽车制造和服务全链条融合', '光电信息')
    """
    name = _SELF_PLACE.sub("", name) if len(name) > 4 else name  # 该市新能源新材料: the text's own place, no part of it
    name = place_cut(name)  # 临清市纺织, 冠县清水镇轴承, 白山市抚松县人参: a GB/T 2260 county-level place (round 22)
    cut = LEAD_DISTRICT.sub("", name)
    if len(cut) >= 2 and is_field(cut) and not is_field(name[:len(name) - len(cut)]):
        name = cut
    for rx in (LEAD_TIER, KIND_SUFFIX):
        cut = rx.sub("", name)
        if len(cut) >= 2:
            name = cut
    inner = INNER_TIER.match(name)
    if inner and not is_field(name[:inner.end()]) and is_field(name[inner.end():]):
        name = name[inner.end():]
    if too_long(name):  # 巩固拓展智能网联新能源汽摩及零部件: a verb glued before a name too long for one (round 21)
        first = min((i for i in (name.find(w) for w in FIELD_WORDS) if i >= 0), default=-1)
        if 0 < first <= 4 and not is_field(name[:first]) and not too_long(name[first:]):
            name = name[first:]
    return name


def field_list(items: list[str]) -> bool:
    """Is ``items`` a list of fields: at least three items, at least half of them with a field word, none a clause
    (了, 的, a verb of :data:`VERBS`)? Then an item without a field word (白山市抚松县人参, 鄂赤呼巴绒纺) is a field too.

    >>> field_list(["通包铝基新材料", "包通风电装备", "鄂赤呼巴绒纺"]), field_list(["实施", "大抓", "装备"])
    (True, False)
    """
    names = [clean_name(i, True) for i in items]
    if len(names) < 3 or any(not n or re.search(r"了|的|[向于在对把将从由为]$", n) or VERBS.search(n) for n in names):
        return False
    return 2 * sum(is_field(n) for n in names) >= len(names) and sum(is_field(n) for n in names) >= 2


#: a group's heading: its count, its class (千亿元, 500 亿元, 千亿级) and its head, then a colon (四大千亿元产业集群:一是…)
_GROUP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.]|\(\s*[一二三四五六七八九十]+\s*\)|\d+[、.])?\s*"
                            r"(?:[一二两三四五六七八九十]+|\d+)\s*[大个条]\s*(超?(?:\d+(?:\.\d+)?\s*|[一二两三四五六七八九十百千万]*)"
                            r"(?:万亿|千亿|百亿|亿)元?级?)\s*(?:产业集群|集群|产业链|产业)\s*[::]")


def heading_class(para: str) -> str | None:
    """The scale class of a paragraph that opens with its group's heading (四大千亿元产业集群:一是…打造X产业集群), as
    written without spaces; the clusters the paragraph names that carry no class of their own are of it (round 21).

    >>> heading_class("五大500 亿元产业集群:一是以开发区为重点区域,打造输变电产业集群。"), heading_class("打造四大千亿元产业集群。")
    ('500亿元', None)
    """
    m = _GROUP_HEADING.match(para)
    return re.sub(r"\s", "", m.group(1)) if m else None
