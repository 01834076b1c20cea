"""Round 21 of the policy extractor: the classes of round 20's held-out misses in general form
(docs/log/policy-rounds.md, round 21)."""

from __future__ import annotations

from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_quantities
from tests.etl.nlp.plan_facts import facts as _facts, clusters as _clusters, target_rows as _targets


_YINGKOU = ("“十二五”营口打造产业集群\n"
            "“十二五”期间,我市将着力打造四大千亿元产业集群、五大500 亿元产业集群。\n"
            "四大千亿元产业集群:一是以沿海产业基地为重点发展区域,打造钢铁及深加工产业集群。2010年实现产值390亿元,2011年预计"
            "实现产值500亿元,2015年达到千亿元产值。二是以南楼开发区为重点发展区域,打造石化产业集群。2010年实现产值230亿元。\n"
            "五大500 亿元产业集群:一是以开发区滨海工业园为重点区域,打造输变电产业集群。二是以船舶工业园为重点区域,打造船舶产业集群。")


def test_a_bare_measure_is_the_cluster_the_sentence_before_names_and_is_never_doubled():
    # 打造钢铁及深加工产业集群。2010年实现产值390亿元: the cluster's output (产值, 产值产值 before round 21)
    names = {(n, v) for n, v, *_ in _targets(_YINGKOU)}
    assert ("钢铁及深加工产业集群产值", 390.0) in names and ("钢铁及深加工产业集群产值", 500.0) in names
    assert ("石化产业集群产值", 230.0) in names  # the next cluster's sentence: its own holder, not the one before
    assert not any(n.startswith("产值") for n, _v in names)
    # a sentence naming two clusters gives no holder; a sentence with a figure of its own gives none either
    text = "打造钢铁和石化两大产业集群。2010年实现产值390亿元。"
    assert [n for n, *_ in _targets(text)] == ["产值"]


def test_a_group_headings_class_is_the_level_of_its_paragraphs_clusters():
    # 四大千亿元产业集群:一是…打造X产业集群 — the class written as an amount without 级, spaces dropped
    levels = _clusters(_YINGKOU)
    assert levels["钢铁及深加工"] == "千亿元" and levels["石化"] == "千亿元"
    assert levels["输变电"] == "500亿元" and levels["船舶"] == "500亿元"
    # a heading without a count and a colon is no group heading
    assert _clusters("千亿元产业集群建设。一是打造钢铁及深加工产业集群。") == {"钢铁及深加工": None}


def test_a_target_clause_opening_with_its_year_is_dated_by_it_and_an_amount_before_its_measure_is_a_figure():
    by_value = {(v, u): (y, c) for _n, v, u, y, c in _targets(_YINGKOU)}
    assert by_value[(390.0, "亿元")] == (2010, True)
    assert by_value[(500.0, "亿元")] == (2011, False)  # 2011年预计实现产值500亿元: 2011, not the sentence's last year
    assert by_value[(1.0, "千亿元")] == (2015, False)  # 2015年达到千亿元产值: the measure after the amount closes it
    # a class before its head stays no figure
    assert not [q for q in find_quantities("打造千亿元产业集群") if q.unit == "千亿元"]


def test_a_figure_stated_once_for_a_list_of_fields_is_the_lists():
    text = ("争取到2026年,力争电子信息及新材料、高端化工及复合材料、高端装备、食品加工营业收入突破1000亿元,特色轻工纺织产业突破"
            "500亿元,生物医药、体育器械、新能源汽车产业保300亿元争500亿元。")
    got = {(n, v) for n, v, *_ in _targets(text)}
    assert ("电子信息及新材料、高端化工及复合材料、高端装备、食品加工营业收入", 1000.0) in got
    assert ("生物医药、体育器械、新能源汽车产业", 300.0) in got and ("生物医药、体育器械、新能源汽车产业", 500.0) in got
    assert ("特色轻工纺织产业", 500.0) in got
    # items that are no fields, or 均 (each has it), keep the last item's name
    assert [q.name for q in find_quantities("新签约60个、新开工项目35个")][-1] == "新开工项目"


def test_a_result_over_a_span_or_since_a_year_takes_the_spans_end_or_the_texts_year():
    text = ("# title: 聚力建设枢纽城市 (光明日报客户端, 2025-09-24)\n"
            "“十四五”以来,梧州市全力实施“东融”战略。2021年至2024年,梧州市地区生产总值年均增长6.5%,2025年上半年增长6.8%。\n"
            "2021年以来,全市累计实施工业项目405个,14家企业进入“广西制造业民营企业100强”。")
    years = {n: y for n, _v, _u, y, _c in _targets(text)}
    assert years["梧州市地区生产总值年均增长"] == 2024
    assert years["工业项目"] == 2025
    subjects = {f.text: f.subject for f in _facts(text) if f.kind == "target"}
    assert subjects["企业进入广西制造业民营企业100强"] == "梧州市"  # a place inside a quoted title is no holder


def test_compared_with_last_year_is_no_year_and_names_the_gain_of_the_figure_before():
    text = ("# title: 天祝:产业发展 (武威日报, 2023-05-18)\n"
            "今年以来,天祝县着力完善产业链链长制。一季度,全县实现地区生产总值15.85亿元,增长12.8%,较上年同期提高8.1个百分点。")
    got = {n: (y, c) for n, _v, _u, y, c in _targets(text)}
    assert got["地区生产总值"] == (2023, True)
    assert "地区生产总值增长较上年同期提高" in got


def test_what_was_done_since_a_year_is_a_result_before_the_sentences_aim():
    text = ("# title: 咸阳 (陕西工人报, 2024-07-01)\n"
            "去年以来,咸阳市创建省级高新区5个、省级经开区3个,省级开发区数量达到了10个,今年将提前实现开发区县域全覆盖。")
    got = {v: c for _n, v, u, _y, c in _targets(text) if u == "个"}
    assert got == {5.0: True, 3.0: True, 10.0: True}
    # an aim before the figure still governs it
    assert not _targets("去年以来,全市将新增企业5家。")[0][-1]


def test_a_counted_list_before_a_head_and_its_advantage_names_its_items_a_glued_verb_is_cut():
    s = "巩固拓展智能网联新能源汽摩及零部件产业、再生资源及新材料产业两大主导产业集群优势,深耕电动、氢能领域"
    assert [c.name for c in find_clusters(s)] == ["智能网联新能源汽摩及零部件产业", "再生资源及新材料产业"]
    assert find_clusters("提升产业集群优势,打响集群品牌") == []  # no counted list: the advantage of clusters, no name


def test_an_ization_and_the_texts_own_place_are_no_part_of_a_name():
    named = _clusters("推动县域经济特色化、特色经济产业化、产业经济集群化。")
    assert "县域经济特色化" not in named and "特色经济产业化" not in named
    assert "绿色石化" in _clusters("打造绿色石化、新材料、高端装备等产业集群。")  # a field word ending in 化 is a field
    assert "新能源新材料" in _clusters("目前,该市新能源新材料产业集群汇聚一批龙头企业。")


def test_a_projects_size_after_jiancheng_a_reach_and_an_extent_are_no_figures():
    assert _targets("完成15条生产线技术改造,建成年产6万吨工业硅项目。") == [("生产线技术改造", 15.0, "条", None, False)]
    assert [q.value for q in find_quantities("力争建成年产50万吨铜精深加工生产线")] == [50.0]  # an aim governs it
    for s in ("在晋江,半径50公里内,从一根纱到一双鞋", "谋划落地100公里内唯一的通用机场", "共同构筑200公里产业链闭环"):
        assert not [q for q in find_quantities(s) if q.unit == "公里"], s
    assert [q.value for q in find_quantities("高速公路通车里程达到500公里")] == [500.0]


def test_round_20_gold_heads_are_field_words():
    # 镁产品及深加工, 现代五金, 节庆礼品, 通航: heads of the round-20 golds, tune from round 21 (field_vocab's second source)
    assert set(_clusters("打造镁产品及深加工、现代五金、节庆礼品等特色产业集群。")) == {"镁产品及深加工", "现代五金", "节庆礼品"}


def test_the_instance_a_sentence_opens_with_holds_its_measure_only_figures():
    # 以再生材料产业为例,…产能达760万吨,2024年产值达633亿元: the instance's, not the paragraph's last figure's (产能产值 before)
    text = ("14家企业进入“广西制造业民营企业100强”。以再生材料产业为例,其产品涵盖铅、锌、铜等,产能达760万吨,2024年产值达633亿元。")
    names = {v: n for n, v, *_ in _targets(text)}
    assert names[760.0] == "再生材料产业产能" and names[633.0] == "再生材料产业产值"


def test_what_the_data_show_is_a_result_and_its_estimate_no_aim():
    # 数据显示,预计2020年…: an estimate of a result of 2020 (no date in the text), and the aimless sentence after it too
    text = ("今年,江门将地区生产总值增长目标定为6%以上。\n数据显示,预计2020年江门实现地区生产总值3201亿元,按可比价增长2.2%;"
            "规模以上工业增加值增长2.3%,固定资产投资增长6.9%。")
    got = {n: (y, c) for n, _v, _u, y, c in _targets(text)}
    assert got["江门实现地区生产总值"] == (2020, True)
    assert got["规模以上工业增加值增长"] == (2020, True) and got["固定资产投资增长"] == (2020, True)
    assert not _targets("预计2025年全市实现地区生产总值4000亿元。")[0][-1]  # without 数据显示, 预计 still aims


def test_a_verb_of_doing_with_le_reports():
    # 引进了…食品加工企业38家: done (a past cue like 已), in a text with no aim word in the sentence
    text = "正阳县建成了三大产业集群。食品加工产业集群。引进了君乐宝、鲁花等食品加工企业38家,培育形成了百亿级产业集群。"
    assert {v: c for _n, v, u, _y, c in _targets(text) if u == "家"} == {38.0: True}
    assert not _targets("引进食品加工企业38家。")[0][-1]  # without 了 in a text without date: not a result
