"""English place names (ui/places.py) for every province and prefecture-level city of GB/T 2260 and
every Taizhou county of the ontology: no Chinese left, capitalised, and the counties as the ontology
spells their ids (温岭 → Wenling)."""

from __future__ import annotations

import re

from etl.nlp.gb2260 import CITIES, PROVINCES
from ontology.loader import load_ontology
from ui.places import place_en


def test_every_province_and_city_reads_in_english():
    for name in [*PROVINCES.values(), *(c + "市" for c in CITIES)]:
        en = place_en(name)
        assert re.fullmatch(r"[A-ZÜ][a-zü']+(?: [A-Z][a-z]+)*(?: \(Jiangsu\))?", en), (name, en)


def test_taizhou_counties_match_the_ontology_ids():
    for county in load_ontology().counties.values():
        assert place_en(county.short) == county.id.title(), county
        assert place_en(county.name).startswith(county.id.title()), county


def test_readings_pypinyin_gets_wrong_out_of_context():
    assert [place_en(x) for x in ("漯河市", "长治市", "朝阳市", "西安市", "六安市")] == [
        "Luohe", "Changzhi", "Chaoyang", "Xi'an", "Lu'an"]


def test_placeholders_are_said_not_transliterated():
    """Review 40 F9: a sample's region 未注明 read "Weizhuming" on the English overview."""
    assert place_en("未注明") == place_en("不详") == "not stated"


def test_jiangsu_taizhou_never_reads_like_ours():
    """Review 40 F9: 泰州 (江苏) and 台州 (浙江) were both "Taizhou"; the Jiangsu one is qualified wherever it shows."""
    assert place_en("台州市") == "Taizhou"
    assert place_en("泰州市") == place_en("泰州") == "Taizhou (Jiangsu)"
    assert place_en("泰州市靖江市").endswith("Taizhou (Jiangsu)")
    assert "Taizhou" not in place_en("泰兴市")


def test_functional_zones_keep_their_english_kind():
    assert place_en("台州湾新区") == "Taizhou Bay New Area"
    assert place_en("温岭经济开发区") == "Wenling Economic Development Zone"
