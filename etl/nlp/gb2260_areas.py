"""The prefecture-level 地区 and 盟 of GB/T 2260-2007, as data (round 39).

What: ``AREAS`` maps the name of each 地区/盟 row of the 2007 table (codes ``XXXX00`` named …地区 or …盟: 海东地区 632100,
铜仁地区 522200, 哈密地区 652200 …, read in the prefecture list of a public ID-card checker that copies the table, found with the
search tool in round 39, and 兴安盟 152200, 锡林郭勒盟 152500, 阿拉善盟 152900 in khaeru/gb2260 ``gbt_2260-2007.csv``) to
``(province, name today)``: ten have been made prefecture-level cities since (铜仁, 毕节 2011; 海东 2013; 日喀则, 昌都 2014;
林芝, 吐鲁番 2015; 山南, 哈密 2016; 那曲 2017 — not in the 2007 table; as the golds write them, 海东市 and 哈密市, and as
generally recorded, no source read here), the rest are still 地区 or 盟. ``BARE_UNSAFE``: names that are common words or
part of other names (阿里巴巴, 和田玉, 大兴安岭, 山南海北), read only with their unit.

Why: the 2007 table :mod:`etl.nlp.gb2260` reads lists cities only, so a text on 海东 (青海新闻网: 海东地区, 海东工业…) found no
place but its province and gave 海东's figures to 青海省; a 地区 seat of the same name (阿克苏市, 哈密市) is a county-level city.

>>> AREAS["海东"], AREAS["阿克苏"], AREAS["兴安"]
(('青海省', '海东市'), ('新疆维吾尔自治区', '阿克苏地区'), ('内蒙古自治区', '兴安盟'))
"""

from __future__ import annotations

__all__ = ["AREAS", "BARE_UNSAFE"]

_ROWS = {
    "内蒙古自治区": "兴安盟 锡林郭勒盟 阿拉善盟",
    "贵州省": "铜仁市 毕节市",
    "西藏自治区": "昌都市 山南市 日喀则市 那曲市 阿里地区 林芝市",
    "青海省": "海东市",
    "新疆维吾尔自治区": "吐鲁番市 哈密市 阿克苏地区 喀什地区 和田地区 塔城地区 阿勒泰地区",
}
AREAS: dict[str, tuple[str, str]] = {
    (n[:-2] if n.endswith("地区") else n[:-1]): (prov, n) for prov, names in _ROWS.items() for n in names.split()}
BARE_UNSAFE = frozenset("阿里 和田 兴安 山南 林芝".split())
