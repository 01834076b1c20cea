"""Round 37: the miss classes of rounds 35 and 36's held-out runs read in general form (docs/policy.md "Round 37 (method
part)"). Each test is a made-up sentence of the shape a rule reads — never a plan's sentence."""

from etl.nlp.region import find_places, plan_region
from tests.etl.nlp.plan_facts import clusters, facts, target_rows


def _years(text: str) -> dict:
    """value -> (year, current) of each target."""
    return {v: (y, c) for _n, v, _u, y, c in target_rows(text)}


def test_a_part_reviewing_a_closed_year_reports_that_year():
    text = ("(2024年1月8日在某市人民代表大会上)\n"
            "一、2023年国民经济和社会发展计划执行情况\n"
            "今年以来,全市经济运行总体平稳。\n"
            "初步预计,全市地区生产总值完成860亿元,增长5.5%左右。其中第二产业增加值310亿元,增长4.2%;\n"
            "新增规上工业企业45户。预计重点产业实现产值210亿元。\n"
            "二、2024年国民经济和社会发展计划草案\n"
            "全市地区生产总值增长6%左右,新增规上工业企业50户。\n")
    rows = _years(text)
    for value in (860.0, 310.0, 4.2, 45.0, 210.0):  # 预计 of the closed year estimates its result
        assert rows[value] == (2023, True), value
    assert rows[50.0] == (2024, False) and rows[6.0] == (2024, False)  # the second part aims


def test_a_comparison_year_is_a_base_not_the_figure_s_year():
    rows = _years("(2025年11月20日)“十四五”以来,全市规上工业企业达到520户,较2020年增长60%。")
    assert rows[60.0] == (2025, True)  # the base year is no year of the figure
    rows = _years("“十四五”以来,全县发展成效明显。预计到2025年末,全县工业产值将达150亿元,较2020年增长40%。")
    assert rows[40.0] == (2025, False)  # an aim's growth on a base year is the aim's, not a current value of 2020


def test_an_undated_review_of_a_period_is_of_the_period_s_end():
    rows = _years("记者获悉,发布会通报了“十四五”以来某市工业领域取得的发展成就。截至当前,全市规上工业企业达到410户;"
                  "规上工业增加值占GDP比重达38%,较“十三五”末提升4个百分点。")
    assert rows[410.0] == (2025, True) and rows[38.0] == (2025, True)
    assert rows[4.0] == (2025, True)  # 较“十三五”末: the base, not the year


def test_a_year_after_lizheng_dates_its_own_clause():
    rows = _years("(2024-03-02)方案提出,力争2024年全市工业增加值突破500亿元,到 2026年工业增加值达650亿元。")
    assert rows[500.0][0] == 2024 and rows[650.0][0] == 2026


def test_this_year_of_an_undated_work_report_is_the_latest_year_it_states():
    rows = _years("市长在会上说,在2019年的工作中,将继续壮大工业。今年重点抓好龙头项目。"
                  "每个园区年内引进重点项目3个以上。年末,全市营业收入超百亿的园区达到4个。")
    assert rows[3.0][0] == 2019 and rows[4.0][0] == 2019


def test_two_counted_lists_joined_in_one_clause_keep_their_own_counts():
    got = clusters("全县已形成纺织服装、精细化工、机械装备3大主导产业和新能源、电子信息2大新兴产业,占规上工业比重超过七成。")
    assert list(got) == ["纺织服装", "精细化工", "机械装备", "新能源", "电子信息"]


def test_a_quoted_count_label_heading_a_place_s_industries_names_them():
    got = clusters("全县做强纺织服装、机械装备、绿色食品“三大”主导产业,培育光学元件、木材及家具、生物材料“三新”特色产业。")
    assert list(got) == ["纺织服装", "机械装备", "绿色食品", "光学元件", "木材及家具", "生物材料"]
    assert clusters("共建“一带一路”,推动电子、机械、化工“三大”行动。") == {}  # no 产业 head, no framework: nothing


def test_a_list_closed_by_its_framework_label_after_wei_zhu_de():
    got = clusters("园区形成了废钢回收加工、再生铜冶炼、再生铝压延和仓储物流产业为主的“3+1”循环经济产业体系。")
    assert list(got) == ["废钢回收加工", "再生铜冶炼", "再生铝压延", "仓储物流"]


def test_a_count_and_class_before_the_items_class_each_item():
    got = clusters("“六群”即建设1个千亿级精细化工产业集群,2个300亿级光伏材料、储能装备产业集群,"
                   "3个百亿级现代纺织、食品加工和建筑材料产业集群。")
    assert got == {"精细化工": "千亿级", "光伏材料": "300亿级", "储能装备": "300亿级", "现代纺织": "百亿级",
                   "食品加工": "百亿级", "建筑材料": "百亿级"}


def test_a_city_governed_by_its_province_is_named_bare_as_a_prefecture_city_is():
    assert [p.name for p in find_places("仙桃和石河子、潜江市")] == ["仙桃市", "石河子市", "潜江市"]
    assert [p.name for p in find_places("东方红")] == []  # a common word needs its 市
    text = "仙桃地处江汉平原,2003年被列为河南省、湖北省多项试点城市。全市规模以上工业企业达到300家,河南省客商投资增长。"
    assert plan_region(text)["region"] == "仙桃市"
    assert {f.subject for f in facts(text) if f.kind == "target" and f.value == 300.0} == {"仙桃市"}


def _subject(text: str, value: float) -> str | None:
    return next(f.subject for f in facts(text) if f.kind == "target" and f.value == value)


def test_a_city_opening_the_figure_s_clause_beats_the_province_of_a_clause_before():
    text = "四川省德阳市发布。围绕全省“六大优势产业”布局,德阳市各工业园区已形成15条产业链。"
    assert _subject(text, 15.0) == "德阳市"


def test_a_province_compared_with_is_no_holder():
    text = "四川省德阳市发布。规上工业增加值增长9.1%,增速比全省平均增速高2.3个百分点。"
    assert _subject(text, 2.3) == "德阳市"


def test_a_text_about_a_zone_gives_its_figures_to_the_city_its_name_holds():
    text = ("德阳经济开发区获评省级优秀园区\n德阳经济开发区设立于2010年,由旌阳区管理。近年来,旌阳区把园区建设作为旌阳区"
            "工业发展的主战场,旌阳区工业强区战略成效明显。现入驻园区企业达210家,规模以上企业31家。")  # the district runs it
    assert _subject(text, 210.0) == "德阳市" and _subject(text, 31.0) == "德阳市"


def _named(text: str) -> dict:
    return {f.text: f.kind for f in facts(text) if f.kind in ("cluster", "chain")}


def test_firms_shown_as_examples_parks_and_a_named_chain_s_parts_name_nothing():
    text = ("在材料产业方面,围绕光伏、储能、电子等硅基材料产业链,在东区新材料产业园、西区工业园形成了甲硅业、乙新能、"
            "丙科技等为代表的硅材料产业链。")
    got = _named(text)
    assert {"硅基材料", "硅材料"} <= set(got)
    assert not set(got) & {"光伏", "储能", "电子", "甲硅业", "乙新能", "丙科技", "东区新材料产业园", "西区工业园"}


def test_a_province_after_a_verb_is_where_the_chain_is():
    assert "汽车" in _named("铜陵获批安徽汽车产业链配套城市、省级创新聚集区。")


def test_a_block_after_a_field_is_no_part_of_its_name():
    got = clusters("园区已形成精密铸造及机械制造业板块、现代物流及商贸服务业板块、新型建材及固废利用产业板块三大主导产业集群。")
    assert set(got) == {"精密铸造及机械制造业", "现代物流及商贸服务业", "新型建材及固废利用"}


def test_packaging_is_a_field():
    assert set(clusters("推动食品加工、绿色包装两大新兴产业加快发展。")) == {"食品加工", "绿色包装"}


def test_an_undated_text_opening_on_a_look_back_reports_to_its_latest_year():
    rows = _years("近年来,某市统筹推进产业升级和创新驱动。\n新兴产业加快集聚,2024年产值增长12%。\n"
                  "创新动能增强,新认定高新技术企业21家,签订校企合作协议9项。")
    assert rows[21.0] == (2024, True) and rows[9.0] == (2024, True)


def test_a_dated_text_with_no_aim_anywhere_tells_what_happened():
    text = "(2024年10月8日)博览会上,某市展示了36家重点企业的特色产品。仪式上,选取了15个项目集中签约。"
    rows = _years(text)
    assert rows[36.0] == (2024, True) and rows[15.0] == (2024, True)
    assert _years("(2024年10月8日)博览会上,某市展示重点企业36家。")[36.0][1] is False  # no 了: round 23's control
