"""Round 39: round 38's held-out misses read in general form (docs/log/policy-rounds.md "Round 39").
Each test is a made-up sentence of the shape a rule reads — never a plan's sentence."""

from etl.nlp.region import plan_region
from tests.etl.nlp.plan_facts import subjects as _subjects


def test_a_prefecture_is_not_its_namesake_county():
    # 甘孜州 holds a county 甘孜县: the prefecture's 甘孜 is no mention of the county, even where a header names it
    text = ("甘孜州上半年经济运行\n所属地区:四川-甘孜州-甘孜县\n"
            "上半年,甘孜州地区生产总值达到120亿元,同比增长6%。甘孜州旅游收入增长15%。甘孜州粮食产量稳定。")
    assert plan_region(text)["region"] == "甘孜州"
    assert set(_subjects(text).values()) == {"甘孜州"}


def test_a_city_whose_name_is_a_common_word_is_the_text_s_when_its_title_names_it():
    # 安康 is a common word (平安康乐), read bare only in a title; the text it heads is about 安康市, not the 上海 it flies to
    text = ("活力重塑安康 成为陕南新热土\n"
            "安康机场开通飞上海的航班以来,客流不断。去年,安康地区生产总值突破1200亿元,安康的财政收入突破40亿元。")
    assert plan_region(text)["region"] == "安康市"
    assert set(_subjects(text).values()) == {"安康市"}


_CITY = "南充市2024年经济运行情况\n南充市经济总量稳居全省第一方阵。"


def test_the_province_s_average_is_a_reference_not_the_holder():
    text = "南充市2024年经济运行情况 (四川日报)\n南充市发布数据。经济总量居全省第二,增速高于全国及全省平均水平,新增规上工业企业120家。"
    assert _subjects(text)[120.0] == "南充市"


def test_a_county_given_as_an_example_holds_no_later_figure():
    text = _CITY + "签约落地8个重大项目,包括西充县某智造产业园,另有50个项目纳入省重点项目清单。"
    assert _subjects(text)[50.0] == "南充市"


def test_a_county_of_another_province_in_an_earlier_clause_holds_no_figure():
    text = _CITY + "与重庆合川区等共建物流港,全年粮食产量达300万吨。"
    assert _subjects(text)[300.0] == "南充市"


def test_the_whole_city_opening_the_figure_s_clause_beats_a_county_before():
    text = _CITY + "西充县连续3年上榜全国百强县,全市民生支出占财政支出的比重超70%。"
    assert _subjects(text)[70.0] == "南充市"


def test_a_county_in_the_figure_s_own_clause_still_holds_it():
    text = _CITY + "西充县规上工业企业达到80家,全市新增规上工业企业120家。"
    subs = _subjects(text)
    assert subs[80.0] == "西充县" and subs[120.0] == "南充市"


def test_a_district_written_after_its_city_as_its_address_is_the_park_text_s_holder():
    # the collector's header names the district; the body writes it after its city (兰州市七里河区): the district's text
    text = ("# title: 兰州某科技产业园区发展纪实 (七里河区, 兰州市)\n兰州某科技产业园区发展纪实\n"
            "近年来,兰州市七里河区推动某科技产业园区建设,园区总产值突破2亿元。园区带动就业500人,兰州的企业纷纷入驻。")
    assert plan_region(text)["region"] == "七里河区"
    assert set(_subjects(text).values()) == {"七里河区"}


def test_a_prefecture_level_area_of_the_2007_table_is_a_place():
    # 铜仁 was 铜仁地区 in GB/T 2260-2007 (a city since): a text on it is its own, not its province's
    text = ("贵州日报消息:今年,铜仁地区提出了工业强区的发展方针。\n"
            "据铜仁地区经信委介绍,去年铜仁工业产值首次突破80亿元,铜仁工业在全省工业比重达到6%。")
    assert plan_region(text)["region"] == "铜仁市"
    assert set(_subjects(text).values()) == {"铜仁市"}


def test_a_cluster_built_on_a_field_list_names_each_field():
    from tests.etl.nlp.plan_facts import clusters
    found = clusters("近年来,某县推动园区建设,形成以高原畜牧、冷链物流、康养旅游为核心的产业集群。")
    assert {"高原畜牧", "冷链物流", "康养旅游"} <= set(found)
    found = clusters("打造以智能终端、新型显示为主导的产业集群。")
    assert {"智能终端", "新型显示"} <= set(found) and not any(n.startswith("以") for n in found)


def test_a_list_of_firms_and_projects_as_the_core_names_no_cluster():
    from tests.etl.nlp.plan_facts import clusters
    assert not {"龙头企业", "重点项目"} & set(clusters("培育以龙头企业、重点项目为支撑的产业集群。"))


def test_a_cluster_that_names_itself_keeps_its_list_as_what_it_rests_on():
    from tests.etl.nlp.plan_facts import clusters
    found = clusters("打造以钢铁、焦化、电力为支撑的能源原材料产业集群。")
    assert not {"钢铁", "焦化", "电力"} & set(found)


def test_a_work_report_s_undated_aims_are_of_the_year_it_is_given_in():
    from tests.etl.nlp.plan_facts import target_rows
    text = ("2025年01月20日\n政府工作报告\n(上接第一版)强化工业支撑。"
            "建设数字乡村试点项目8个,发展人工饲草40万亩。建设肉牛产业项目7个、完成投资2000万元。")
    rows = {r[1]: r for r in target_rows(text)}
    assert all(rows[v][3] == 2025 and rows[v][4] is False for v in (8.0, 40.0, 7.0, 2000.0))


def test_a_review_heading_with_a_repost_s_stray_letters_still_opens_the_review():
    from tests.etl.nlp.plan_facts import target_rows
    text = ("公文搜 2021-07-27 政府报告\n2018年某旗人民政府工作报告\n一、2017年工作回顾Xq\n"
            "全旗一般公共预算收入完成1.93亿元,社会消费品零售总额完成7.5亿元。\n二、2018年工作安排\n全旗地区生产总值增长6%。")
    rows = {r[1]: r for r in target_rows(text)}
    assert rows[1.93][3] == 2017 and rows[7.5][3] == 2017 and rows[1.93][4] is True


def test_a_county_level_city_leading_the_headline_is_the_text_s_own():
    # 昆山 (a county-level city, found in a body only as 昆山市) leads the headline's first clause
    text = ("昆山,江苏高质量发展排头兵!\n江苏 > 正文\n"
            "江苏省日前公布综合考核结果。昆山市获评第一等次,全市新增上市企业6家,江苏表彰的先进集体中昆山占3个。")
    assert plan_region(text)["region"] == "昆山市"
    assert _subjects(text)[6.0] == "昆山市"


def test_a_city_after_a_since_phrase_opens_its_sentence():
    text = ("新甘肃·甘肃日报记者 某某\n甘肃省各地发展成就综述。"
            "党的十八大以来,平凉市加快构建现代产业体系,生产总值由2012年的300亿元增长到2021年的500亿元。")
    subs = _subjects(text)
    assert subs[500.0] == "平凉市"


def test_a_finance_site_s_stock_code_is_no_part_of_a_name():
    from tests.etl.nlp.plan_facts import clusters
    found = clusters("全年,光学仪器、智能制造、新能源(850101)材料三大主导产业营业收入占比达80%。")
    assert "新能源材料" in found and not any("850101" in n for n in found)


def test_a_field_and_its_supply_in_a_counted_list_is_a_field():
    from tests.etl.nlp.plan_facts import clusters
    found = clusters("花卉及配套、光学仪器、智能制造三大主导产业营业收入占比达80%。")
    assert {"花卉及配套", "光学仪器", "智能制造"} <= set(found)


def test_a_year_after_a_news_lead_s_source_and_date_leads_the_sentence():
    from tests.etl.nlp.plan_facts import target_rows
    text = ("2026-02-05 某网\n据某市人民政府消息,1月28日,记者从某开发区年度工作会获悉,2025年某开发区全年完成营业收入900亿元。"
            "其中,规上工业产值达600亿元。")
    rows = {r[1]: r for r in target_rows(text)}
    assert rows[600.0][3] == 2025 and rows[600.0][4] is True


def test_a_common_word_city_written_after_its_own_province_opens_the_sentence():
    text = "安徽黄山,自带两大光环:它是徽文化的发源地,全年接待游客8000万人次。"
    assert _subjects(text)[8000.0] == "黄山市"


def test_the_counties_a_prefecture_governs_are_counted_not_holders():
    text = "昌吉州下辖昌吉市、阜康市2个县级市,玛纳斯县、奇台县2个县,木垒哈萨克自治县1个自治县。"
    subs = _subjects(text)
    assert subs[1.0] == "昌吉州" and subs[2.0] == "昌吉州"
