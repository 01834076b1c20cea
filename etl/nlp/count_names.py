"""The name of a count whose noun follows it (verb + quantity + name: ``打造1个以上世界级集群``, ``33个百亿支柱产业``).

What: :func:`count_named` gives the indicator of the ``i``-th figure of a clause of
:func:`etl.nlp.quantity.find_quantities` when the text before the figure names nothing (or the count is followed by
its noun): the noun after the count up to the next figure, cut at a list, a bracket of items, a 的 description, a
verb (包括, 正式) or a measure (营业收入); a bare head (产业链, 企业) takes its holder (the carrier before the verb, or
its list: ``A、B等6个产业集群``); a scale class alone takes the noun its list ends in.

Why: split out of :mod:`etl.nlp.quantity` (round 20, code moved, not rewritten) — one concept, the noun after a count.

>>> from etl.nlp.quantity import find_quantities
>>> [(q.name, q.value) for q in find_quantities("打造15个技术水平先进、国际竞争力强的千亿级特色产业集群")]
[('千亿级特色产业集群', 15.0)]
"""

from __future__ import annotations

import re

from etl.nlp.figures import OWN_VERB
from etl.nlp.indicator import clean_name

__all__ = ["BARE", "count_named"]

#: a count of places (30多个国家和地区, 22个省份) says nothing without what reaches them
_PLACES = re.compile(r"(?:国家|地区|省份|城市|省市|省区市)(?:和(?:国家|地区))?")
_SCALE_ONLY = re.compile(r"(?:\d+|[一二三四五六七八九十百千万]+)?(?:万亿|千亿|百亿|亿)?元?级")
_AFTER_VERB = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:包括|包含|正式|正在|正(?=[\u4e00-\u9fff]))")
#: a count's noun that needs its holder (…等2条产业链): the text before the verb names whose they are
BARE = {"产业链", "产业集群", "集群", "企业", "平台", "项目", "基地", "园区"}
_CARRIER = re.compile(r"(?:重点|主要|着力)?(承载|布局|发展|培育|打造|建设|聚焦|包括|拥有|引进|落地|适配)")
_MEASURE_CUT = re.compile(r"(?<=[\u4e00-\u9fff]{2})总?(?:主营业务收入|营业收入|营收|产值|增加值|占比|比重)")


def count_named(clause: str, qs: list, i: int, m, unit: str, before: str, sentence: str, start: int) -> str:
    """The name of the count ``qs[i]`` (match ``m``, ``unit``) of ``clause`` (at ``start`` of ``sentence``) taken from
    the noun after it; ``before``: the clause's text before the figure."""
    # (a bracket after the count annotates it: 5000亿元级别的产业集群1个(物联网) is named before)
    # verb + quantity + name (打造1个以上世界级集群, 33个百亿支柱产业): the name follows
    nxt = qs[i + 1][0].start() if i + 1 < len(qs) else len(clause)
    after = clause[m.end():nxt]
    if OWN_VERB.match(after) and clean_name(before):
        return clean_name(before)  # …项目超过15个培育…企业2家以上: a verb of its own opens the next clause (round 27)
    first = re.split(r"、(?![^(()]*[))])", after)[0]  # 90个县(市、区): the 、 in brackets is no list
    first = re.sub(r"(?:和|及|与|以及)$", "", first)  # 20万吨铝型材和15万千米电缆线: 和 joins the next figure
    first = re.sub(r"(级)(?:和|以及).*$", r"\1", first)
    first = re.split(r"各|均", first)[0] or first  # 等3个产业各达到2000亿: the count's noun ends at 各  # 4个千亿级和A、B4个百亿级产业集群: a class, then the next group
    bracket = re.match(r"([^,;。(()的]{1,16}?(?:产业集群|产业链|集群|产业|企业|平台|项目|基地|园区))[((]", after)
    if bracket:  # 16条优势产业链(A、B、…)为核心的…: the bracket lists the count's items; the name ends before it
        after = first = bracket.group(1)
    held = re.match(r"(.*的)([^的]*?(?:产业集群|产业群|产业链|集群|产业(?!基地|园区|集群|链)|基地|企业|平台))", after)
    owner = re.match(r"([^的]*?(?:产业集群|产业群|产业链|集群|基地|平台|园区))的", after)
    if owner:  # 17条重点产业链的链主企业: the count is the chains', the 的 phrase what they have
        first = owner.group(1)
    elif held:  # 15个技术水平先进、国际竞争力强的千亿级特色产业集群 → 千亿级特色产业集群
        bare = clean_name(held.group(2)) in BARE  # …发展潜力大的产业集群: a bare head keeps its description
        first = held.group(1) + held.group(2) if bare else held.group(2)
    heads = list(re.finditer(r"产业集群|产业链|集群|企业|平台|项目|基地|园区", first))
    if heads and re.search(r"水平|能力|质量|规模|竞争力|^(?:保持|实现|持续|快速|平稳|稳步|组成|构成|构建|形成|带动|推动|落户|入驻|向|加快)", first[heads[-1].end():]):
        first = first[:heads[-1].end()]  # 12条制造业重点产业链现代化水平全面提升 → 制造业重点产业链
    whole = clean_name(first)
    first = _AFTER_VERB.split(first)[0]  # 5个集群单位包括…, 9条赛道正式开放: the noun before the verb
    noun = _MEASURE_CUT.split(first)[0]  # 5个未来产业营业收入保持…: the count's noun ends at the measure
    name = clean_name(noun if len(clean_name(noun)) > 2 else first)
    lead = clean_name(before)
    if (0 < len(name) <= 2 or _PLACES.fullmatch(name)) and name not in BARE and lead and \
            not re.search(r"[、等]", before):  # …远销30多个国家和地区: where the products go
        name = lead + name  # …集群培育首轮9条赛道 → …集群培育首轮赛道 (赛道 alone says nothing)
    if name == "产业" and len(whole) > 2:
        name = whole  # 3个产业正加速迈向万亿大关: 产业 alone names nothing, the clause does
    if _SCALE_ONLY.fullmatch(name):  # 培育形成10个以上千亿级,若干万亿级的新兴产业 → 千亿级新兴产业
        noun = re.search(r"的([\u4e00-\u9fff]{2,8}?)(?=[,;。]|$)", sentence[start + m.end():]) or \
            re.match(r"[^,;。]*级([^,;。、级]{0,8}?(?:产业集群|产业链|集群|产业|企业))", sentence[start + m.end():])
        name += noun.group(1) if noun else ""  # 4个万亿级、4个五千亿级、一批千亿级产业集群: the head ends the list
    carrier = _CARRIER.search(before) if name in BARE and "等" in before else None
    if carrier and clean_name(before[:carrier.start()]):
        # 婺城区平台重点承载A、B等2条产业链 → 婺城区平台承载产业链 (whose chains, not just 产业链)
        name = clean_name(before[:carrier.start()]) + carrier.group(1) + name
    elif (name in BARE or name == "产业") and noun == first and re.fullmatch(r"[^,;:]+、[^,;:]+等", before.strip()):
        name = before.strip() + name  # ,A、B等6个产业集群保持平稳发展 → A、B等产业集群 (a bare head, its list)
    described = clean_name(before.strip())
    if 2 < len(described) <= 12 and described.endswith("的") and not re.search(r"了|在|中的$|来自|[我本][市省县区]", described) and name and \
            not name.startswith(described):
        name = described + name  # 通过GMP认证的90余户制药企业: the 的 clause before the count describes its noun (round 35)
    return name
