"""Round 35: round 34's held-out misses read in general form — an autonomous prefecture by its short form, and the
miss classes of docs/log/policy-rounds.md "Round 35 (method part)". Each test is a made-up sentence of the shape a
rule reads."""

from etl.nlp.region import find_places
from tests.etl.nlp.plan_facts import facts


def _subjects(text: str) -> list[tuple]:
    return [(f.text, f.subject) for f in facts(text) if f.kind == "target"]


def test_an_autonomous_prefecture_written_in_full_is_its_short_form():
    assert [p.name for p in find_places("海西蒙古族藏族自治州、伊犁哈萨克自治州和恩施州")] == ["海西州", "伊犁州", "恩施州"]
    rows = _subjects("海西蒙古族藏族自治州盐湖化工产业产值达到300亿元。全州规上工业企业达到120家。")
    assert [s for _, s in rows] == ["海西州", "海西州"]
    assert _subjects("到2027年,伊犁哈萨克自治州新能源装机规模达到2000万千瓦。")[0][1] == "伊犁州"


def _targets(text: str) -> list[tuple]:
    return [(f.text, f.value, f.unit) for f in facts(text) if f.kind == "target"]


def test_a_measure_after_a_count_of_projects_is_the_group_s():
    rows = _targets("截至6月底,80个重点项目开工60个,开工率75%,完成投资20.5亿元,占年度投资任务的40.2%。")
    names = [n for n, *_ in rows]
    assert names[2:] == ["重点项目开工率", "重点项目完成投资", "重点项目完成投资占年度投资任务"]
    rows = _targets("其中外资项目12个,签约额3.5亿美元;内资项目20个,签约额8.1亿元。")
    assert [n for n, *_ in rows][1::2] == ["外资项目签约额", "内资项目签约额"]
    # a figure with a holder of its own ends the group's run
    assert _targets("新开工项目30个,工业增加值增长8%,开工率高")[1][0] == "工业增加值增长"


def test_a_level_count_after_qizhong_counts_the_things_before():
    rows = _targets("2020年,新建企业研发中心(工程中心)9个,其中创国家级2个,创省级4个。")
    assert [n for n, *_ in rows][1:] == ["创国家级企业研发中心", "创省级企业研发中心"]


def test_a_prefecture_s_scope_word_names_no_share():
    assert _targets("全州85.2%的耕地,已建成高标准农田。")[0][0] == "耕地"
    assert _targets("全州县工业总产值达到120亿元。")[0][0].startswith("全州县")  # 全州县 is a county, not a scope word


def test_volumes_and_concentrations_are_units():
    rows = _targets("已探明天然气储量3200多亿立方米,地下水储量15万立方米,卤水锂含量260mg/L。")
    assert [(v, u) for _, v, u in rows] == [(3200.0, "亿立方米"), (15.0, "万立方米"), (260.0, "mg/L")]
    rows = _targets("全市幅员面积1.8万平方公里,2024年粮食产量达到32.5亿斤。")
    assert [(v, u) for _, v, u in rows] == [(1.8, "万平方公里"), (32.5, "亿斤")]


def test_a_list_counted_by_its_framework_label_names_clusters():
    from tests.etl.nlp.plan_facts import clusters
    text = ("全市提出构建“二主四新”产业体系。做强汽车制造、现代纺织两大主导产业,培育智能装备、新型材料、生物制药、"
            "数字创意“四新”产业。")
    assert {"智能装备", "新型材料", "生物制药", "数字创意"} <= set(clusters(text))
    text = "滨海新区,新能源、高端装备、新材料以及数字产业“2+2”集聚发展。"
    assert set(clusters(text)) >= {"新能源", "高端装备", "新材料"}
    # a label whose count does not fit the list, or a text with no framework code, names nothing
    assert not clusters("滨海新区,新能源、高端装备、新材料“2+3”集聚发展。")
    assert not clusters("培育智能装备、新型材料、生物制药、数字创意“四新”产业。")


def test_numbered_points_after_a_counted_list_name_its_clusters():
    from tests.etl.nlp.plan_facts import clusters
    text = ("今后全县将重点发展四大特色产业。\n一是大力发展竹木加工产业。建成竹木加工园区1个。\n二是加快发展中药材产业。\n"
            "三是积极发展生态旅游产业。\n")
    assert {"竹木加工", "中药材", "生态旅游"} <= set(clusters(text))
    # points after a count of sectors (no qualifier) or out of order name nothing
    assert not clusters("全县三大产业协调发展。\n一是大力发展竹木加工产业。\n二是加快发展中药材产业。\n")
    assert not clusters("重点发展四大特色产业。\n二是大力发展竹木加工产业。\n一是加快发展中药材产业。\n")


def test_a_city_scope_word_beats_the_section_s_cluster():
    text = ("辽源市形成机械、纺织两大产业集群。\n"
            "纺织产业集群,建设纺织服装基地。目前,全市纺织企业达到120家。\n")
    assert _subjects(text) == [("纺织企业", "辽源市")]


def test_peer_references_do_not_make_the_city_the_text_s_place():
    from etl.nlp.region import plan_region
    text = "越秀区地区生产总值稳居全市第一,增速排名全市第一,占全市比重20%,投资领跑全市。广州市支持越秀区。"
    assert plan_region(text)["region"] == "越秀区"
    assert plan_region("全市地区生产总值增长6%,全市新增企业50家。广州市支持越秀区。")["region"] == "广州市"


def test_distances_and_ages_are_no_figures():
    text = "滨海市距省城260公里,离港口仅30千米;城内古桥距今已有800多年历史。全市海岸线长120公里,工业总产值达到500亿元。"
    assert [n for n, *_ in _targets(text)] == ["海岸线长", "工业总产值"]


def test_a_lead_word_is_no_part_of_a_cluster_name():
    from etl.nlp.cluster_names import clean_name
    assert clean_name("特别是智能装备") == "智能装备"
    assert clean_name("尤其是新型储能") == "新型储能"
    assert clean_name("临江市把中药材") == "中药材"
    assert clean_name("对接长沙“智造谷”") == "智造谷"
    assert clean_name("从“零部件”到“整机") != "整机"  # an item of a split quoted list is no quoted name


def test_a_time_only_figure_takes_the_indicator_of_the_clause_before():
    from etl.nlp.quantity import find_quantities
    s = "地区生产总值稳步增长:2024年达512.3亿元,2025年1-6月为260.4亿元,同比增长5.2%"
    assert [(q.name, q.value) for q in find_quantities(s)] == [
        ("地区生产总值", 512.3), ("地区生产总值", 260.4), ("地区生产总值同比增长", 5.2)]
    s = "本地财政收入占一般公共预算收入的比重稳步提升,达到61.5%"
    assert find_quantities(s)[0].name == "本地财政收入占一般公共预算收入的比重"
    assert find_quantities("全面完成年度任务,2024年达到50个") == []  # a clause with no measure names nothing


def test_a_de_clause_before_a_count_describes_its_noun():
    from etl.nlp.quantity import find_quantities
    assert find_quantities("目前,全县通过ISO认证的30余家食品企业,年产值达20亿元")[0].name == "通过ISO认证的食品企业"
    # a clause with 了 or 在, or a long one, is no description of the noun
    assert not find_quantities("会议确定了重点发展的12个产业集群")[0].name.startswith("会议确定了")


def test_a_joined_item_the_rules_split_is_not_read_again():
    from tests.etl.nlp.plan_facts import clusters
    got = clusters("形成医药、冶金、建材、食品和纺织5大产业集群。")
    assert {"食品", "纺织"} <= set(got) and "食品和纺织" not in got


def test_a_count_closing_a_list_with_deng_keeps_its_name():
    from etl.nlp.quantity import find_quantities
    assert [(q.name, q.value) for q in find_quantities("建成研发平台6个;孵化器3个等。")] == [("研发平台", 6.0), ("孵化器", 3.0)]
    assert find_quantities("评定4个等级")[0].name != "评定"  # 等级 is the noun after the count


def test_a_milestone_crossed_and_a_rank_named_by_its_verb():
    from etl.nlp.quantity import find_quantities
    got = [(q.name, q.value) for q in find_quantities("全县经济总量跨越300亿元台阶、增长7.1%")]
    assert got == [("经济总量", 300.0), ("经济总量增长", 7.1)]
    assert find_quantities("全国百强县排行榜连续3年进位、跃升至第45位")[0].name == "全国百强县排行榜"


def test_a_sector_word_is_no_cluster_name():
    from tests.etl.nlp.plan_facts import clusters
    assert "农业" not in clusters("着力打造五大农业特色产业集群。")
    assert {"杂粮", "中药材", "食用菌"} <= set(clusters("着力打造杂粮、中药材、食用菌等三大农业特色产业集群。"))


def test_the_links_one_chain_joins_are_no_names():
    from tests.etl.nlp.plan_facts import clusters
    got = clusters("逐步发展成集良种繁育、绿色种植、冷链物流于一体的全产业链产业集群。")
    assert not {"绿色种植", "冷链物流"} & set(got)
