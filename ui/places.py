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
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["place_en"]

_READINGS = {"漯河": "Luohe", "长治": "Changzhi", "朝阳": "Chaoyang", "吕梁": "Lüliang"}
_CONVENTIONAL = {"呼和浩特": "Hohhot", "拉萨": "Lhasa", "乌鲁木齐": "Ürümqi", "陕西": "Shaanxi", "全国": "China"}
_SUFFIX_EN = {"区": " District", "县": " County"}
_OUTSIDE = ("以外", "之外", "省外", "市外", "县外")
_DROP = ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市")


@lru_cache(maxsize=4096)
def place_en(name: str | None) -> str:
    """``name`` (a Chinese place) in English; text without Chinese characters is returned as it is."""
    if not name:
        return ""
    name = name.strip()
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    for outside in _OUTSIDE:  # 台州以外, 浙江省外: the region is everything but a place
        if name.endswith(outside) and len(name) > len(outside) + 1:
            return "Outside " + place_en(name[: -len(outside)])
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
