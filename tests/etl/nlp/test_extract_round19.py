"""Round 19 of the policy extractor: a text's own year, press conferences and work reports, a dateline's place, tiers
after a name, firms in a chain list, project capacities (docs/log/policy-rounds.md, round 19)."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.figures import figures
from etl.nlp.layout import plan_context
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.region import plan_region
from etl.nlp.tense import looks_back
from ontology.loader import Ontology


def _targets(text):
    return [(f.text, f.value, f.qualifier, f.year, f.current, f.subject)
            for f in extract_facts(text, Ontology(), source="t") if f.kind == "target"]


def _names(sentence):
    return [(c.name, c.kind, c.level) for c in find_clusters(sentence)]


def test_this_years_aims_without_a_year_take_the_texts_own_year():
    # (a) a county paper on this year's work (今年…, 力争全年…): no 到20XX年 anywhere, so the text's date is the year
    text = ("# title: 某县链长制见成效 (县报, 2021-03)\n"
            "本报讯 今年宝丰县围绕新型材料等重点产业推行链长制。\n"
            "该县力争全年新增纳税过亿元企业2家,签约额160亿元以上。")
    got = _targets(text)
    assert [(v, y, s) for _n, v, _q, y, _c, s in got] == [(2.0, 2021, "宝丰县"), (160.0, 2021, "宝丰县")]
    # with a plan period (or any 到20XX年) the period decides, not the date
    assert plan_context("# title: x (2021-03)\n到2025年,产值达到100亿元。今年起步。")["aims"] is True
    # a year and month in the saved title dates the text; a period (2021-2025) does not
    assert plan_context("# title: x (the URL is dated 2021-03)\n正文。")["dated"] == 2021
    assert plan_context("# title: 规划(2021-2025年)\n正文。")["dated"] is None


def test_a_press_conference_reports_what_happened():
    # (b) a results session: figures are current unless an aim governs them (将, 力争, 目标 …), builds told as done
    text = ("# title: 某省新闻发布会 (2024)\n"
            "9月24日,某省人民政府新闻办公室举行新闻发布会。\n"
            "会上介绍,国家大科学装置正式运行,获批重组的12家全国重点实验室加快建设,上半年全省转化重大科技成果348项。\n"
            "下一步,全省将推动高端装备营收占比提高到27.5%。")
    got = {(v, c) for _n, v, _q, _y, c, _s in _targets(text)}
    assert got == {(12.0, True), (348.0, True), (27.5, False)}


def test_a_plan_name_ending_its_clause_and_moni_are_no_aim():
    # 产业振兴计划, (a plan's name) and 模拟 (拟 inside a word) aim at nothing: the 去年以来 sentence reports
    text = ("去年以来,本省组织实施产业振兴计划,着力打造数字经济、生物经济、冰雪经济、创意设计产业4个经济发展新引擎。\n"
            "空间环境地面模拟大科学装置正式运行,获批的12家重点实验室投入运营。")
    assert {(v, c) for _n, v, _q, _y, c, _s in _targets(text)} == {(4.0, True), (12.0, True)}


def test_a_datelines_city_is_not_the_texts_place():
    # (c) 人民网哈尔滨9月24日电: filed in the capital, about the province
    text = ("# title: (人民网, 哈尔滨9月24日电) 黑龙江省 press conference\n"
            "人民网哈尔滨9月24日电 9月24日,黑龙江省举行发布会。黑龙江省培育壮大5个战略性新兴产业,全省转化成果348项。")
    assert plan_region(text)["region"] == "黑龙江省"


def test_a_tier_a_name_grows_toward_is_no_part_of_it():
    # (d) …产业向世界级产业集群跨越发展: the tier after 向 is where it goes
    assert _names("重点支持新能源和智能网联汽车产业向世界级产业集群跨越发展") == [("新能源和智能网联汽车产业", "cluster", None)]
    assert [n for n, _k, _l in _names("推动生物医药产业迈向国家级产业集群")] == ["生物医药产业"]


def test_firm_names_in_a_chain_list_are_no_chains():
    # (e) a list that says it holds enterprise groups: items with no field word are firms; 以及 joins the last item
    s = "成立了大地、洁石、康龙、视光、新型碳材料、不锈钢、乳制品、食用菌以及地坪磨片等12个产业链(企业集团)"
    assert [n for n, _k, _l in _names(s)] == ["视光", "新型碳材料", "不锈钢", "乳制品", "食用菌", "地坪磨片"]
    # a firm's name (…集团, …公司) is never a chain
    assert [n for n, _k, _l in _names("重点发展钢铁、化工、某某集团等3条产业链")] == ["钢铁", "化工"]


def test_a_plants_size_in_a_project_name_is_no_target():
    # (f) 550万吨重油催化热裂解…项目: a size in front of its product; an aim or a verb of reaching keeps it
    text = "海国龙油550万吨重油催化热裂解及95万吨聚烯烃等项目全面投产。力争建成年产50万吨铜精深加工生产线。"
    assert [v for _n, v, *_r in _targets(text)] == [50.0]


def test_a_plan_outline_reviewing_the_period_before_is_no_results_report():
    assert looks_back("纲要回顾了“十三五”取得的成就,明确了“十四五”指导思想和主要目标。") is False
    assert looks_back("“十四五”以来,全市工业交出了亮眼答卷。") is True
    ctx = plan_context("8月12日,纲要公布,回顾了保定“十三五”取得的成就、“十四五”面临的机遇,明确了“十四五”主要目标。")
    assert (ctx["start"], ctx["end"]) == (2021, 2025)


def test_a_clauses_own_year_and_a_headline_restated_by_its_body():
    text = ("规划(2021—2025年)\n1-2 条地铁线路\n"
            "到2025年,市区常住人口达到355万人,到2035年达到500万人。\n争取启动建设 1-2 条地铁线路。")
    got = sorted((n, v, y, c) for n, v, _q, y, c, _s in _targets(text))
    assert got == [("地铁线路", 1.0, 2025, False), ("市区常住人口", 355.0, 2025, False), ("市区常住人口", 500.0, 2035, False)]


def test_a_year_before_the_paragraphs_aim_is_where_things_stand():
    text = ("石化产业方面,14个重点项目全面投产,2020年实现营业收入990亿元。随着项目推进实施,预计到2025年营业收入可达1500亿元。")
    got = {(v, y, c) for _n, v, _q, y, c, _s in _targets(text)}
    assert got == {(14.0, 2020, True), (990.0, 2020, True), (1500.0, 2025, False)}


def test_a_framework_head_first_then_its_field_list():
    s = "培育千亿级产业集群,南宁市将聚焦新能源、人工智能及新一代信息技术、食品加工、有色金属精深加工及关键金属等重点产业。"
    assert _names(s) == [("新能源", "cluster", "千亿级"), ("人工智能及新一代信息技术", "cluster", "千亿级"),
                         ("食品加工", "cluster", "千亿级"), ("有色金属精深加工及关键金属", "cluster", "千亿级")]
    # a head that names its own field is no announcement of the list after it
    assert _names("培育千亿级汽车产业集群,聚焦整车、零部件、后市场等重点领域") == [("汽车", "cluster", "千亿级")]


def test_a_pointing_subject_holds_its_measure_and_counts_of_a_class():
    text = "这“六大产业集群”已经成为驱动经济发展的重要引擎,2023年总产值达2430亿元。"
    assert [n for n, *_r in _targets(text)] == ["六大产业集群总产值"]
    # 12个工业城市之一, 以8个县区为载体: no figures
    assert list(figures("是国家重点布局建设的12个工业城市之一")) == []
    assert list(figures("以8个县区为载体的错位发展")) == []


def test_liceng_aim_after_its_subject_scopes_the_list():
    text = "吉安市力争到2026年,全市电子信息产业营收突破3000亿元,新材料全产业链营收突破千亿。"
    assert [q for _n, _v, q, *_r in _targets(text)] == ["力争突破", "力争突破"]
