"""Round 20 of the policy extractor: a county's own report, place names after 2007, … (docs/log/policy-rounds.md, round 20)."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.region import find_counties, plan_region
from ontology.loader import Ontology


def _targets(text):
    return [(f.text, f.value, f.qualifier, f.year, f.current, f.subject)
            for f in extract_facts(text, Ontology(), source="t") if f.kind == "target"]


def test_a_countys_report_without_quan_xian_is_the_countys():
    # a county's report that names itself in full, never 全县: the county, not its province (南部县 → 四川省 before)
    text = ("中新网四川新闻11月13日电 今年六月,南充市南部县召开大会:至2026年,规上企业达70户。\n"
            "南部县机械制造产业自1962年首家企业入驻。四川南部经济开发区指出,南部县已有企业30户。")
    assert plan_region(text)["region"] == "南部县"
    assert {s for *_x, s in _targets(text)} == {"南部县"}
    # named once only, among other places, it is not the text's own
    assert plan_region("四川省南充市南部县等地。四川省将推进全省产业发展,四川省力争…")["region"] == "四川省"


def test_a_county_written_without_its_unit_counts_when_the_header_names_it_in_full():
    # 秀山将… in a text whose # title: line names 秀山土家族苗族自治县: the body's short form is that county
    text = ("# title: 重点发展五大百亿级工业产业 (秀山土家族苗族自治县, 重庆市)\n"
            "重庆市委全会强调发展实体经济。\n秀山将坚定不移实施工业强县战略,到2026年上市企业达到2家。")
    assert plan_region(text)["region"] == "秀山土家族苗族自治县"
    # a district the header names, written once in full and then by its short form, no other place (长寿区 … 长寿将 …)
    body = "长寿区将按照总体目标推进。长寿将以传统产业为基础,长寿经开区、长寿高新区…"
    assert plan_region("# title: 长寿 :打造新材料基地 (长寿区, 重庆市)\n" + body)["region"] == "长寿区"
    assert plan_region(body)["region"] is None  # named once in full, nowhere in a title: not taken


def test_a_district_made_after_2007_is_a_county_by_its_source():
    # 水城县 became 六盘水市水城区 in 2020 (gb2260.LATER_NAMES, its source in the data comment)
    assert [m.group(1) for m in find_counties("贵州省六盘水市水城区紧扣定位,水城区铝产业")] == ["水城区", "水城区"]
    text = "“十四五”期间,贵州省六盘水市水城区推动铝产业转型升级。水城区坚持项目为王,全区落地项目达到50个。"
    assert plan_region(text)["region"] == "水城区"


def test_a_paragraph_opening_with_a_look_back_reports_until_a_plan_is_told():
    # 五年来,… a sentence with an aim (预计) of its own does not make the paragraph's later results aims
    text = ("“十四五”期间,某区推动铝产业转型升级。\n"
            "五年来,某区铝产业发展成绩亮眼,产值从“十三五”末的60亿元增长至“十四五”末预计突破160亿元。"
            "当地坚持集群化发展路径,成功集聚69家上下游企业。\n"
            "五年来,某市产业发展跃上新高度。党代会报告提出了未来五年目标。规上工业总产值突破1万亿元大关。")
    got = {v: c for _n, v, _q, _y, c, _s in _targets(text)}
    assert got[69.0] is True and got[160.0] is False
    assert got[1.0] is False  # after 报告提出了…目标 the paragraph tells a plan: its aimless figure is an aim


def test_a_two_thousand_billion_class_is_written_with_liang():
    from etl.nlp.plan_clusters import find_clusters
    assert [(c.name, c.level) for c in find_clusters("该市将打造新材料“1个两千亿级”产业集群")] == [("新材料", "两千亿级")]


def test_a_part_without_a_verb_after_a_semicolon_goes_on_with_the_aim_before():
    # 黄石's work report: 将…打造A“1个两千亿级”产业集群;B“1个千亿级”产业集群,… — the counts after ; are the same aim's
    text = ("# title: 黄石市政府工作报告 (2022-01)\n"
            "该市将紧扣目标,打造新材料“1个两千亿级”产业集群;电子信息“1个千亿级”产业集群,"
            "生命健康、高端装备“2个五百亿级”产业集群。\n全市完成投资500亿元;增长10%。")
    got = {(n, v): c for n, v, _q, _y, c, _s in _targets(text)}
    assert got[("千亿级产业集群", 1.0)] is False and got[("两千亿级产业集群", 1.0)] is False
    assert got[("五百亿级产业集群", 2.0)] is False


def test_a_from_to_pair_to_a_periods_end_and_its_growth_rate_name_the_indicator():
    # 产值从“十三五”末的60亿元增长至“十四五”末预计突破160亿元,年均增长率达21.67%: both figures and the rate are the 产值's
    text = ("“十四五”期间,某区推动铝产业转型升级。\n五年来,铝产业产值从“十三五”末的60亿元增长至“十四五”末预计突破160亿元,"
            "年均增长率达21.67%。当地成功集聚69家上下游企业。")
    got = {v: (n, q, y, c) for n, v, q, y, c, _s in _targets(text)}
    assert got[60.0] == ("铝产业产值", None, 2020, True)
    assert got[160.0] == ("铝产业产值", "突破", 2025, False)
    assert got[21.67][0] == "铝产业产值年均增长率"
    assert got[69.0][:2] == ("上下游企业", None)  # 上下游 is no qualifier 上下 (100亿元上下 is)


def test_a_figure_named_by_its_verb_only_is_the_holders_of_the_clause_before():
    # 沧县食品业居第二位,完成41.7亿元: the holder is named in the clause before, without its rank; a county-level city or a
    # county written without its unit at the start of the indicator (泊头, 孟村) is the figure's subject in its province
    text = ("河北省沧州市县域特色产业发展迅速。按年营业收入排序,沧县食品业居第二位,完成41.7亿元,"
            "其后依次为泊头铸造,完成36亿元、孟村弯头管件,实现34.8亿元等。")
    got = {v: (n, s) for n, v, _q, _y, _c, s in _targets(text)}
    assert got[41.7] == ("沧县食品业", "沧县")
    assert got[36.0] == ("泊头铸造", "泊头市")
    assert got[34.8] == ("孟村弯头管件", "孟村回族自治县")


def test_a_from_value_of_last_year_pairs_with_its_to_value():
    got = [(n, v, c) for n, v, _q, _y, c, _s in _targets("县域经济总量占全市的比重由去年的86%上升到87%。")]
    assert [v for _n, v, _c in got] == [86.0, 87.0] and got[0][0] == got[1][0] == "县域经济总量占全市的比重"


def test_figures_after_a_colon_that_follows_an_industry_are_the_industrys():
    text = "今年六月,南部县召开大会,县长为机械制造产业擘画未来蓝图:至2026年,规上企业达70户,产值突破60亿元。"
    assert [(n, v) for n, v, *_x in _targets(text)] == [("机械制造产业规上企业", 70.0), ("机械制造产业产值", 60.0)]
    # a colon after no industry names nothing (主要目标:)
    assert [n for n, *_x in _targets("主要目标:到2026年,规上企业达70户。")] == ["规上企业"]


def test_a_chain_spelled_as_its_links_is_named_by_its_field_or_its_links():
    from etl.nlp.plan_clusters import find_clusters
    names = [(c.name, c.kind) for c in find_clusters("一是新材料产业,重点壮大锂电池“石墨化—负极材料—回收利用”产业链,力争")]
    assert ("锂电池", "chain") in names and not any(n == "回收利用" for n, _k in names)
    assert [(c.name, c.kind) for c in find_clusters("二是医药产业,重点壮大“药材种植—饮片加工—配方颗粒”产业链")] == \
        [("药材种植—饮片加工—配方颗粒", "chain")]


def test_a_framework_of_industries_with_their_kind_after_the_class():
    from etl.nlp.plan_clusters import find_clusters
    got = [(c.name, c.level) for c in find_clusters("重点发展医药、食品、新材料、电子信息、汽车配件五大百亿级工业产业,努力确保…")]
    assert got == [(n, "百亿级") for n in ("医药", "食品", "新材料", "电子信息", "汽车配件")]


def test_a_counted_list_names_its_items_when_the_count_fits_or_deng_says_it_names_some():
    from etl.nlp.plan_clusters import find_clusters
    # 三大产业集群 after three items: the count says they are the clusters, field words or not (铸造, 高端阀门)
    assert [c.name for c in find_clusters("如今,产业园吸引90余户企业入驻,形成铸造、汽车汽配、高端阀门三大产业集群")] == \
        ["铸造", "汽车汽配", "高端阀门"]
    # A、B等六大产业 in a framework sentence: 等 says the list names two of the six
    s = "加快发展新材料、装备制造等六大产业,建设具有显著市场竞争力和特色优势产业集群的基地"
    assert {c.name for c in find_clusters(s)} >= {"新材料", "装备制造"}
    assert [c.name for c in find_clusters("加快发展新材料、装备制造、汽车等六大产业,提升水平")] == []  # no framework named


def test_a_coded_frameworks_groups_are_named_by_field_lists_anywhere_in_the_text():
    text = ("济宁市组织了一次聚焦“231”产业集群集中采访。\n"
            "两个项目建成投产后将给高端装备和高端化工两大产业提供新动能。\n"
            "新一代信息技术、新能源和新材料等新兴产业是地方经济的希望所在。\n")
    got = [f.text for f in extract_facts(text, Ontology(), source="t") if f.kind == "cluster"]
    assert got == ["高端装备", "高端化工", "新一代信息技术", "新能源", "新材料"]
    # the same lists in a text with no coded framework name no cluster
    plain = text.replace("“231”产业集群", "重点产业")
    assert [f.text for f in extract_facts(plain, Ontology(), source="t") if f.kind == "cluster"] == []


def test_duo_before_the_magnitude_is_kept_as_a_qualifier():
    from etl.nlp.quantity import find_quantities
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities("高端化工产业年营业收入已达900多亿元,带动就业30多万人")]
    assert got == [(900.0, "亿元", "多"), (30.0, "万人", "多")]


def test_a_supply_item_in_a_field_list_and_a_guesthouse_cluster():
    from etl.nlp.plan_clusters import find_clusters
    s = "重点打造航空装备、工业母机、输变电装备、传感器、电子元器件、汽车零部件配套等7条子产业链"
    assert "汽车零部件配套" in [c.name for c in find_clusters(s)]
    assert [c.name for c in find_clusters("发展特色民宿集群和文旅商服消费聚集区")] == ["特色民宿"]  # matched to the gold 民宿
    assert [c.name for c in find_clusters("完善产业配套产业链")] == []  # 配套 alone, outside a list: no field
