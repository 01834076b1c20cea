"""Round 29 (issue 15 points 1, 2, 5): a counted list of a place's 主导/支柱/重点 industries names clusters (the
lead's label review); junk names from sentence fragments; figures named by a bare measure; a review's figures."""

from etl.nlp.framework_lists import counted_industries, ranked_list
from tests.etl.nlp.plan_facts import clusters, facts


def test_a_counted_list_of_leading_industries_names_clusters_without_a_class():
    found = clusters("在传统产业转型升级上,重点推进绿色石化、汽车及零部件、船舶与海工装备三大主导产业。")
    assert {"绿色石化", "汽车及零部件", "船舶与海工装备"} <= set(found) and found["绿色石化"] is None
    names = [n for n, _l, _s in counted_industries("就是以汽车和高端装备制造两个主导产业为发展重点")]
    assert names == ["汽车", "高端装备制造"]  # a pair, and 就是以 is no part of the first name
    names = [n for n, _l, _s in counted_industries("三是产业集群成势,煤焦冶电、化工、非金属制品等9个主导产业实力雄厚")]
    assert names == ["煤焦冶电", "化工", "非金属制品"]  # 等: the named ones; a verb may follow 产业


def test_the_other_counted_list_of_the_sentence_follows_and_an_uncounted_or_other_list_does_not():
    s = "重点发展绿色农产品深加工、先进装备制造等2个主导产业,信息、新材料、金融等3个优势产业,激发新动能"
    assert [n for n, _l, _s in counted_industries(s)][-3:] == ["信息", "新材料", "金融"]
    # round 30: any qualifier names clusters (the general counted-list rule); none (三大产业) does not
    assert [n for n, _l, _s in counted_industries("发展信息、新材料、金融等3个优势产业,激发新动能")] == ["信息", "新材料", "金融"]
    assert counted_industries("发展信息、新材料、金融等3个产业,激发新动能") == []
    assert counted_industries("推动动力电池、新能源汽车、光伏主导产业发展") == []  # uncounted
    assert counted_industries("重点发展电子信息、装备制造两大主导产业园") == []  # 产业园 goes on as a noun
    assert ranked_list("信息、新材料等4个优势产业") and not ranked_list("信息、新材料等4个未来产业")  # round 30


def test_items_of_a_leading_list_stay_clusters_when_a_chain_of_the_same_name_follows():
    text = ("重点发展绿色农产品深加工、现代生物医药等2个主导产业,激发新动能。\n"
            "打造航空航天、现代生物医药2条市级重点产业链。\n")
    kinds = {}
    from tests.etl.nlp.plan_facts import facts
    for f in facts(text):
        kinds.setdefault(f.text, set()).add(f.kind)
    assert kinds.get("现代生物医药") == {"cluster", "chain"}


def test_a_name_starts_after_the_verb_before_it_and_ends_at_its_field():
    assert clusters("做大经济总量 延伸产业链条\n该市铜产业发展迅速。") == {}  # 延伸 takes the chain as its object
    assert set(clusters("争取纳入国家钒钛稀土产业集群培育。")) == {"钒钛稀土"}  # after 纳入; 国家 is a tier
    assert set(clusters("加快融入成渝国家级电子信息先进制造集群。")) == {"电子信息"}  # a region's national cluster
    assert set(clusters("助力建设成渝地区装备制造世界级产业集群。")) == {"装备制造"}  # a tier after the field
    from etl.nlp.plan_clusters import find_clusters
    assert find_clusters("铜产业集聚、项目集群效应显现。") == []  # 产业 then a clause: no name (the rules; the learned
    # list-item reader still calls 铜 a name — left, it is the reader's)
    got = clusters("岱岳区新材料和新型建材产业“雁阵形”集群成功入选省集群库。")
    assert "新材料和新型建材" in got and not any("雁阵形" in n for n in got)  # a quoted label after 产业 is no part
    assert not any(n.endswith("已") for n in clusters("内江钒钛稀土产业集群已纳入省级产业集群。"))


def test_bare_measures_take_the_cluster_their_sentence_opens_on():
    from tests.etl.nlp.plan_facts import target_rows
    rows = {(n, v) for n, v, _u, _y, _c in target_rows(
        "岱岳区新材料和新型建材产业“雁阵形”集群以玻纤、石膏板等行业为重点,2022年营业收入达到360亿元,拥有规模以上企业52家。")}
    assert ("新材料和新型建材产业集群营业收入", 360.0) in rows and ("新材料和新型建材产业集群规模以上企业", 52.0) in rows
    subjects = {f.text: f.subject for f in facts("某市精品旅游产业集群着力打造两大板块,2022年营业收入达到181.92亿元。")
                if f.kind == "target"}
    assert subjects.get("精品旅游产业集群营业收入") != "精品旅游"  # the cluster named in the indicator is no subject
    from etl.nlp.section_heads import sentence_topic
    assert sentence_topic("推动产业集群以创新为重点,营业收入增长") is None  # a clause, no named cluster


def test_利税_is_a_measure_that_takes_the_holder_of_the_list_before_it():
    from tests.etl.nlp.plan_facts import target_rows
    names = {n for n, *_ in target_rows("1至5月,全市规模以上铜企业实现工业增加值85亿元,同比增长16%;主营业务收入810亿元;利税总额43亿元。")}
    assert any(n.startswith("规模以上铜企业") and n.endswith("利税总额") for n in names)


def test_one_aim_word_rule_the_conditional_reads_its_committed_part():
    from etl.nlp.aim_words import AIM, COMMITTED
    from etl.nlp.conditional import conditional_dropped
    from etl.nlp.quantity import find_quantities
    assert all(AIM.search(w) for w in ("力争", "目标", "确保", "争取", "到2025年", "到“十四五”末"))
    assert not COMMITTED.search("将可节约") and AIM.search("将可节约")
    s = "若全面建成,到“十四五”末可实现产值100亿元"  # a target period governs: an aim, whatever the 若
    assert [q.value for q in conditional_dropped(find_quantities(s), s)] == [100.0]
    s = "若充分开发利用,将可节约标准煤827万吨"  # 将 is the consequence's modal, no aim
    assert conditional_dropped(find_quantities(s), s) == []


def test_a_reviews_figures_are_results():
    from tests.etl.nlp.plan_facts import target_rows
    rows = target_rows("# title: 某市新闻 (2021-01-07)\n全市民营经济增加值从2018年的412.9亿元提升至2020年的621亿元。\n")
    assert any(v == 621.0 and c for _n, v, _u, _y, c in rows)  # told in 2021: a result, not a 2020 target
    rows = target_rows("# title: 某市规划 (2021-03-01)\n力争全市产值由2020年的100亿元提升至2025年的200亿元。\n")
    assert any(v == 200.0 and not c for _n, v, _u, _y, c in rows)  # the later year is to come: an aim
    text = ("各位代表:\n现在,我代表区人民政府作工作报告。\n一、2024年工作回顾\n2024年是关键一年。\n"
            "一是主要指标稳中有进。加快推动重大项目建设。实现地区生产总值5901亿元,增长6.7%。\n")
    got = {n: (y, c) for n, _v, _u, y, c in target_rows(text)}
    assert got.get("地区生产总值") == (2024, True)  # a work report's review of 2024


def test_a_firms_own_figures_are_no_targets_of_the_text():
    from tests.etl.nlp.plan_facts import target_rows
    assert target_rows("江西大华铜业股份有限公司是一家铜精深加工企业,总投资3.6亿元。") == []
    assert target_rows("公司副总告诉记者,公司当年可产高精密铜合金棒线2万吨左右,产值6—8亿元。") == []
    # a place that signs with a firm is no firm's own sentence; round 31's label review: one project's own figures
    # (项目总投资) and a firm introduced by a description (位于…的…有限公司) are the project's and the firm's, not the place's
    assert target_rows("自贡与成都飞机工业(集团)有限责任公司签约,全市战略性新兴产业产值占比超过40%。")
    assert target_rows("自贡与成都飞机工业(集团)有限责任公司签约,项目总投资约100亿元。") == []
    assert target_rows("位于快速通道的瑞旭实业有限公司,总占地面积800亩,总投资30亿元。") == []


def test_预计_of_the_run_of_months_a_sentence_opens_with_estimates_a_result():
    from tests.etl.nlp.plan_facts import target_rows
    rows = target_rows("鹰潭铜产业快讯\n1至5月,全市规模以上铜企业预计实现工业增加值85亿元,同比增长16%。\n")
    assert rows and all(c for *_x, c in rows)
