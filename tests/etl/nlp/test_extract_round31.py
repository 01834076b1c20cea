"""Round 31 (issue 15 points 1, 2 and 5): one firm's or one project's own figures are no figure of the place; a dated
year in an undated text that aims at nothing is a result; 预计 of the year a report is dated in aims, over the whole
sentence it opens; 全市/全省 after 领跑/占/高于 is the whole compared with, not the holder."""

from etl.nlp.layout import plan_context
from tests.etl.nlp.plan_facts import facts, target_rows


def _values(text: str) -> list[float]:
    return [row[1] for row in target_rows(text)]


def test_a_firm_after_a_modifier_holds_its_figures_and_the_sentence_that_goes_on_from_it():
    text = ("今年以来,上饶市不断引进重点企业。位于上铅快速通道的瑞旭实业有限公司,总占地面积800亩,总投资30亿元,是大型智能制造企业。"
            "规划年深、精加工20万吨铝型材和15万千米电缆线。1-7月,全市规模以上工业增加值同比增长17.6%。")
    assert _values(text) == [17.6]  # the place's growth stays


def test_a_firm_holding_a_clause_and_a_year_led_firm_sentence():
    assert _values("2022年,一汽集团省属口径整车产量达到215.6万辆,实现产值3900亿元左右。") == []
    text = "带动产业链上下游企业稳产满产,力争一汽集团全年省属口径整车生产实现260万辆,汽车产业产值达到6000亿元。"
    assert _values(text) == [6000.0]  # the clause after the firm's has a holder of its own
    assert _values("全市企业集团营业收入达到500亿元。") == [500.0]  # 企业集团: a class of firms, no one firm


def test_one_project_holds_its_investment_and_what_it_makes_when_built():
    text = "自贡与某公司签约,打造国内最大的无人机产业基地,项目总投资约100亿元,建成后无人机年产值达100亿元以上。"
    assert _values(text) == []
    text = "广西神龙涂镀板带生产基地项目正推进。项目设计产能120万吨,可实现年产值超60亿元,进一步完善钢铁产业链。"
    assert _values(text) == []


def test_many_projects_and_counts_of_projects_stay_the_places():
    assert sorted(_values("2023年,加快推进50个重点项目建设,总投资约250亿元。")) == [50.0, 250.0]
    assert sorted(_values("累计开工招商引资项目954个、总投资2807亿元。")) == [954.0, 2807.0]
    assert _values("建立电子信息重点项目推进库,项目总投资近400亿元。") == [400.0]  # a pool of projects
    assert _values("医疗器械产业园引进项目总投资已超过260亿元。") == [260.0]  # 引进项目: the park's projects


def test_an_undated_text_that_aims_at_nothing_reports_its_stated_year():
    text = ("二、经济现状\n2008年,全市生产总值609.96亿元,增长15.0%;全社会固定资产投资301.83亿元,增长25.3%。\n"
            "三次产业结构不断优化,2008年比例为12.3∶56.5∶31.2。农业稳步发展。农林牧渔业总产值124.9亿元,增长5.2%。\n"
            "“十一五”期间,全市确定的制鞋、食品等十大产业集群已经初具规模。\n")
    rows = {(r[0], r[1]): (r[3], r[4]) for r in target_rows(text)}
    assert rows[("生产总值", 609.96)] == (2008, True)
    assert rows[("全社会固定资产投资", 301.83)] == (2008, True)  # a ;-part: the paragraph's stated year
    assert rows[("农林牧渔业总产值", 124.9)] == (2008, True)


def test_an_aim_anywhere_or_a_building_verb_keeps_the_aim():
    text = "二、发展目标\n2010年,全市生产总值达到900亿元。\n到2012年,力争规上工业产值突破1500亿元。\n"
    assert [r[4] for r in target_rows(text)] == [False, False]  # the text aims: 2010 is a milestone of the plan
    text = "二、经济现状\n2008年,全市规模以上工业产值758亿元。\n“十一五”期间,打造产业集群5个。\n"
    assert {(r[0], r[4]) for r in target_rows(text)} >= {("规模以上工业产值", True)}
    assert not any(r[4] for r in target_rows(text) if r[1] == 5.0)  # 打造: something to build, no year stated


def test_a_report_dated_in_the_year_it_reviews_aims_with_its_estimate():
    head = "2023年某区政府工作报告\n——2023年12月28日在某区第十一届人民代表大会第三次会议上\n2023年工作回顾\n"
    assert plan_context(head)["closed_year"] is False
    assert plan_context("2023年某区政府工作报告\n——2024年1月8日在某区人民代表大会上\n2023年工作回顾\n")["closed_year"] is True
    text = head + ("即将过去的一年,成效明显。初步预计,地区生产总值完成315亿元,工业投资增长23%;第三产业占比首次超过50%;"
                   "固定资产投资增长3%。全年净增“四上”企业35家。\n")
    rows = {r[1]: r[4] for r in target_rows(text)}
    assert rows[315.0] is False and rows[50.0] is False and rows[3.0] is False  # the ;-parts too
    assert rows[35.0] is True  # the next sentence, without 预计, reports


def test_the_whole_compared_with_is_no_holder():
    text = ("上饶市1-7月规模以上工业增加值同比增长17.6%,高于全省平均水平0.6个百分点,其中有色金属产业增长25.4%。")
    subjects = {f.text: f.subject for f in facts(text) if f.kind == "target"}
    assert set(subjects.values()) == {"上饶市"}


def test_a_change_against_a_base_year_is_named_by_the_indicators_before_it():
    text = "战略性新兴产业产值、高新技术产业增加值占规上工业比重分别达到48.1%和56.1%,比2012年分别提高34.8、24.8个百分点。"
    names = {r[1]: r[0] for r in target_rows(text)}
    assert names[34.8].endswith("比2012年提高") and names[34.8].startswith("战略性新兴产业")
    assert names[24.8] == "高新技术产业增加值占规上工业比重比2012年提高"


def test_a_sentence_opening_with_a_named_clusters_chain_names_that_chain():
    text = ("聚焦现代金融、人工智能、工业互联网三大前沿产业。将对三大产业链实施分类指导。其中,现代金融链扩容提质,强化核心地位。\n"
            "人工智能链创新领先,抢占制高点。工业互联网链转型升级。\n")
    chains = {f.text for f in facts(text) if f.kind == "chain"}
    assert chains == {"现代金融", "人工智能", "工业互联网"}
    assert not [f for f in facts("人工智能链长由区长担任。供应链金融加快发展。") if f.kind == "chain"]  # no cluster named before


def test_a_last_与_splits_when_the_list_is_one_item_short_of_its_count():
    from tests.etl.nlp.plan_facts import clusters
    found = clusters("目前,我们已形成四大优势产业,钛及钛合金、汽车及零部件、优势装备与特色食品。")
    assert set(found) == {"钛及钛合金", "汽车及零部件", "优势装备", "特色食品"}
    found = clusters("目前,我们已形成三大优势产业,钛及钛合金、汽车及零部件、生物医药与健康设备。")
    assert set(found) == {"钛及钛合金", "汽车及零部件", "生物医药与健康设备"}  # the count fits: 与 stays inside


def test_a_run_of_months_whose_预计_estimates_reports_over_its_paragraph():
    text = ("鹰潭铜产业快讯\n今年以来,一大批铜项目在鹰潭落户。1至5月,全市规模以上铜企业预计实现工业增加值85亿元,同比增长16%;"
            "主营业务收入810亿元,同比增长11%;利税总额43亿元。铜产品产量111.5万吨,同比增长20.3%。\n")
    rows = {r[1]: r[4] for r in target_rows(text)}
    assert all(rows[v] for v in (85.0, 810.0, 43.0, 111.5, 20.3))
    assert not any(r[4] for r in target_rows("某县快讯\n1至5月,全县工业增加值增长6%。预计全年工业增加值增长8%以上。\n")
                   if r[1] == 8.0)  # 预计 of a sentence of its own, in a year under way: an aim


def test_a_clause_that_opens_with_a_run_of_months_reports_the_run():
    text = "某县讲话\n2023年实施省市重点项目47个、年度计划投资83.61亿元,1-4月累计完成投资40.12亿元。\n"
    rows = {r[1]: r[4] for r in target_rows(text)}
    assert rows[40.12] is True and rows[83.61] is False  # the year's plan (计划) stays an aim


def test_a_project_built_holds_what_it_makes_and_a_real_growth_is_its_figures():
    text = "在医药产业方面,乐普药业二期工程建成后,年产值可达100亿元;全市医药产业产值达到60亿元。"
    assert _values(text) == [60.0]
    rows = target_rows("城镇居民人均可支配收入16495元,实际增长10.7%。")
    assert [r[0] for r in rows] == ["城镇居民人均可支配收入", "城镇居民人均可支配收入实际增长"]


def test_a_paragraph_that_opens_with_a_run_of_months_reports_it():
    text = ("某市快讯\n全市将持续招大引强,力争全年工业增长10%。\n"
            "1-7月,上饶市工业生产保持高位运行。全市规模以上工业增加值同比增长17.6%,其中有色金属产业增长25.4%。\n")
    rows = {r[1]: r[4] for r in target_rows(text)}
    assert rows[17.6] is True and rows[25.4] is True and rows[10.0] is False
