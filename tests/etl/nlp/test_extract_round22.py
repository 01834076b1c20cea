"""Round 22 of the policy extractor: the classes of round 21's held-out misses in general form
(docs/log/policy-rounds.md, round 22)."""

from __future__ import annotations

from etl.nlp.place_prefix import is_place, lead_place, place_cut
from tests.etl.nlp.plan_facts import facts as _facts, clusters as _clusters, target_rows as _targets


def test_a_county_level_place_in_front_of_a_name_is_where_not_what():
    # every GB/T 2260 county, district or county-level city (with 市), its city before it and a town after it
    assert lead_place("莘县木材加工") == "莘县" and lead_place("冠县清水镇轴承") == "冠县清水镇"
    assert lead_place("永安市汽车及机械加工") == "永安市" and lead_place("延边州延吉市人参大健康") == "延边州延吉市"
    # a prefecture-level city alone stays (株洲市中小航空发动机 is a gold name), and so do a city without 市 and 县域
    assert lead_place("株洲市中小航空发动机") == "" and lead_place("永安汽车") == "" and place_cut("县域经济") == "县域经济"
    assert place_cut("城区改造") == "城区改造"  # 城区, 郊区: generic, no place by themselves
    assert is_place("大田县") and not is_place("大田县石墨")
    text = ("附件\n2022年度聊城市特色产业集群名单\n1、临清市纺织特色产业集群\n2、莘县绿色食品加工特色产业集群\n"
            "3、冠县清水镇轴承特色产业集群\n")
    assert set(_clusters(text)) == {"纺织", "绿色食品加工", "轴承"}


def test_a_place_only_item_owns_the_item_after_it_and_a_verb_of_naming_leads_the_name():
    text = "石墨和石墨烯产业培育永安市、大田县石墨和石墨烯产业链。宁化县安全应急产业链加快发展。"
    assert {"石墨和石墨烯", "安全应急"} <= set(_clusters(text))
    assert not any("县" in n or "市" in n for n in _clusters(text))
    text = "经专家论证,确定临清市纺织特色产业集群等10家集群为2022年度聊城市特色产业集群。"
    assert "纺织" in _clusters(text) and not any("确定" in n for n in _clusters(text))


def test_the_chain_of_an_industry_up_and_down_its_stream_is_no_chain_name():
    text = "同时,白酒产业上下游产业链不断健全完善。打造新能源汽车产业链。"
    assert set(_clusters(text)) == {"新能源汽车"}


def test_a_unit_after_yu_or_duo_is_kept_for_every_unit_and_shared_by_a_ge_list():
    from etl.nlp.quantity import find_quantities

    got = [(q.value, q.unit, q.qualifier) for q in find_quantities("已建成主干道路16公里,电力、通信、给排水管网各10余公里")]
    assert got == [(16.0, "公里", "")] + [(10.0, "公里", "余")] * 3
    assert [(q.value, q.unit, q.qualifier) for q in find_quantities("开发新产品10余款,提高5多个百分点")] == \
        [(10.0, "款", "余"), (5.0, "个百分点", "多")]


def test_a_framework_coded_in_characters_is_named_by_its_counted_lists_elsewhere_in_the_text():
    from etl.nlp.framework_lists import coded_industries, framework_code

    assert framework_code("全力打造“一化一海五优特”产业集群") == (1, 1, 5)
    # 一化一海: two groups of one, named by one list of two; 五优特: a list of five; a list of three fits no group
    assert [n for n, *_ in coded_industries("绿色石化、海洋经济两大新兴支柱产业初具规模", (1, 1, 5))] == ["绿色石化", "海洋经济"]
    assert [n for n, *_ in coded_industries("电子信息、高端装备、新材料三大新兴产业", (1, 1, 5))] == []
    text = ("揭阳全力打造“一化一海五优特”产业集群。绿色石化、海洋经济两大新兴支柱产业初具规模。"
            "揭阳突出赋能提质,重塑服装制鞋、五金机电、物流电商、食品加工、大健康五大优势特色产业竞争力。")
    assert set(_clusters(text)) == {"绿色石化", "海洋经济", "服装制鞋", "五金机电", "物流电商", "食品加工", "大健康"}
    # no code: the 优势特色 list is industries, no clusters; the two 支柱产业 name clusters by the round-29 label rule
    # (a counted list of a place's 主导/支柱/重点 industries)
    # round 30: any qualifier — the 优势特色 list names clusters too (the general counted-list rule)
    assert {"绿色石化", "海洋经济", "五金机电", "大健康"} <= set(_clusters(text.replace("“一化一海五优特”", "现代")))


def test_since_last_year_runs_to_the_texts_year():
    text = ("# title: 咸阳市新闻发布会 (2024-07-01)\n今年一季度,咸阳市生产总值增速为7.9%。\n"
            "去年以来,咸阳市创建省级高新区5个、省级经开区3个,省级开发区数量达到了10个。\n")
    years = {n: y for n, _v, _u, y, _c in _targets(text)}
    assert [y for n, y in years.items() if "高新区" in n or "开发区数量" in n] == [2024, 2024]
    from etl.nlp.indicator import span_year

    assert span_year("去年以来,咸阳市创建省级高新区5个", 2024) == (2023, 2024) and span_year("去年,新增5家", 2024) is None


def test_a_new_milestone_reached_closes_its_amount():
    got = [(n, v, u) for n, v, u, *_ in _targets("2024年,揭阳经济总量迈上2500亿元新台阶。")]
    assert len(got) == 1 and got[0][1:] == (2500.0, "亿元") and "经济总量" in got[0][0]


def test_a_bare_count_of_firms_is_held_by_the_one_chain_its_clause_names():
    text = ("湖口县三大产业链条不断壮大。以九江钢厂为龙头的冶金产业链,聚集了中冶环保、联达球团等近30家企业,主营业务收入突破160亿元;"
            "以龙达粘胶为龙头的化工产业链,聚集了天赐化工等近20家企业。")
    names = {n: v for n, v, *_ in _targets(text)}
    assert names.get("冶金产业链企业") == 30.0 and names.get("化工产业链企业") == 20.0 and "企业" not in names
    # two chains in one clause: no holder is chosen
    text = "冶金产业链和化工产业链聚集了近50家企业。"
    assert "企业" in {n for n, *_ in _targets(text)}
