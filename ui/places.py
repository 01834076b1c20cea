"""Chinese place names in English for the English pages: 宁波市 → Ningbo, 浙江省 → Zhejiang, 温岭 → Wenling.

What: :func:`place_en` writes a province, city or county name as Hanyu Pinyin without tones, the
administrative suffix dropped (省, 市) or said in English (区 → District, 县 → County), with the
apostrophe the pinyin spelling rules put before a syllable that starts with a, o or e (西安 → Xi'an,
泰安 → Tai'an). The syllables come from ``pypinyin`` (its phrase dictionary reads 重庆 as Chongqing,
长沙 as Changsha). Two short tables correct it:

- ``_READINGS``: city names whose characters pypinyin reads wrongly out of context (漯河 is Luohe, not
  Tahe; 长治 Changzhi; 朝阳 Chaoyang) — checked against every prefecture-level city of GB/T 2260
  (:data:`etl.nlp.gb2260.CITIES`) printed through pypinyin 0.55.0;
- ``_CONVENTIONAL``: names whose English form is not their pinyin: Hohhot, Lhasa, Ürümqi (the provincial
  capitals as chinacheckup.com lists them, www.chinacheckup.com/city-type/prefecture-level-city) and
  陕西 Shaanxi (the official spelling that tells it from 山西 Shanxi).

Why here: the place names come from the data (a firm's city, a dataset's region), not from text we
translate; the Chinese pages show them as written.

>>> [place_en(x) for x in ("宁波市", "浙江省", "温岭", "椒江区", "西安市", "漯河市", "乌鲁木齐市", "全国")]
['Ningbo', 'Zhejiang', 'Wenling', 'Jiaojiang District', "Xi'an", 'Luohe', 'Ürümqi', 'China']
>>> place_en("台州以外"), place_en("浙江省外")  # a region written as "outside X" (a dataset of candidates elsewhere)
('Outside Taizhou', 'Outside Zhejiang')
>>> place_en("Shanghai"), place_en(None)
('Shanghai', '')

Three names are not pinyin: a placeholder (未注明, 不详: the data does not say) is "not stated", never its
pinyin ("Weizhuming"); 泰州 in 江苏 is "Taizhou (Jiangsu)", because its pinyin is the same word as 台州's,
and an officer reading "448 km from Taizhou" for a 泰州 firm would take it for a local one; a functional
zone keeps its English kind (台州湾新区 → Taizhou Bay New Area, not "Taizhouwanxin District").

>>> [place_en(x) for x in ("未注明", "不详", "泰州市", "泰州市海陵区", "台州湾新区", "台州经济开发区")]
['not stated', 'not stated', 'Taizhou (Jiangsu)', 'Hailing District, Taizhou (Jiangsu)', 'Taizhou Bay New Area', \
'Taizhou Economic Development Zone']
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["place_en"]

_READINGS = {"漯河": "Luohe", "长治": "Changzhi", "朝阳": "Chaoyang", "吕梁": "Lüliang"}
_CONVENTIONAL = {"呼和浩特": "Hohhot", "拉萨": "Lhasa", "乌鲁木齐": "Ürümqi", "陕西": "Shaanxi", "全国": "China",
                 "泰州": "Taizhou (Jiangsu)", "台州湾": "Taizhou Bay"}
#: what a dataset or a firm's place cell holds when the data does not say (etl.dataset writes 未注明 for a sample)
_PLACEHOLDERS = frozenset({"未注明", "未知", "不详", "暂无", "无", "未填写"})
NOT_STATED = "not stated"
#: functional zones (etl.places.ZONE_WORDS), longest first, in the English their own sites use
_ZONES = (("经济技术开发区", " Economic and Technological Development Zone"), ("高新技术产业开发区", " Hi-tech Zone"),
          ("经济开发区", " Economic Development Zone"), ("开发区", " Development Zone"), ("高新区", " Hi-tech Zone"),
          ("新区", " New Area"))
_SUFFIX_EN = {"区": " District", "县": " County"}
_OUTSIDE = ("以外", "之外", "省外", "市外", "县外")
_DROP = ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市")


@lru_cache(maxsize=4096)
def place_en(name: str | None) -> str:
    """``name`` (a Chinese place) in English; text without Chinese characters is returned as it is."""
    if not name:
        return ""
    name = name.strip()
    if name in _PLACEHOLDERS:
        return NOT_STATED
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    for outside in _OUTSIDE:  # 台州以外, 浙江省外: the region is everything but a place
        if name.endswith(outside) and len(name) > len(outside) + 1:
            return "Outside " + place_en(name[: -len(outside)])
    if name.startswith("泰州") and len(name) > 3:  # 泰州市海陵区: the county, then the city said as above
        head = "泰州市" if name.startswith("泰州市") else "泰州"
        return place_en(name[len(head):]) + ", " + place_en("泰州")
    for zone, english in _ZONES:
        if name.endswith(zone) and len(name) > len(zone) + 1:
            return place_en(name[: -len(zone)]) + english
    if name.endswith("湾") and len(name) > 2:  # 台州湾, 杭州湾: a bay named after its city
        return place_en(name[:-1]) + " Bay"
    base, tail = name, ""
    for suffix in _DROP:
        if base.endswith(suffix) and len(base) > len(suffix) + 1:
            base = base[: -len(suffix)]
            break
    else:
        if base[-1] in _SUFFIX_EN and len(base) > 2:
            base, tail = base[:-1], _SUFFIX_EN[base[-1]]
    if base in _CONVENTIONAL or base in _READINGS:
        return (_CONVENTIONAL.get(base) or _READINGS[base]) + tail
    from pypinyin import lazy_pinyin

    out = ""
    for syllable in lazy_pinyin(base, v_to_u=True):
        if out and syllable[:1] in "aoe":
            out += "'"
        out += syllable
    return out.capitalize() + tail
