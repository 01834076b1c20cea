"""Round 25 of the policy extractor: the classes of round 24's held-out misses in general form
(docs/log/policy-rounds.md, round 25)."""

from __future__ import annotations

from tests.etl.nlp.plan_facts import facts as _facts


def _targets(text):
    return {f.text: f for f in _facts(text) if f.kind == "target"}


def test_sections_run_together_in_one_paragraph_give_no_chain_as_subject():
    text = ("# title: a report on 上党区's six industrial chains (上党区, 长治市, 山西省)\n今年,上党区重点推进六大产业链融合发展。\n"
            "绿色煤炭产业链方面,加快实施一批重点项目,力争该产业链完成营收400亿元。现代医药产业链方面,"
            "加快推进项目建设,力争该产业链完成营收5.5亿元。")
    got = _targets(text)
    assert got and {f.subject for f in got.values()} == {"上党区"}
    # a paragraph that is one chain's section names its bare measures by the chain (round 28), which is then the
    # figure's chain, not its subject (the labelling rule: a cluster named in the indicator is no subject)
    one = _targets("# title: 上党区\n上党区重点推进产业链发展。\n绿色煤炭产业链方面,加快实施一批重点项目,力争营收400亿元。")
    assert {name: f.subject for name, f in one.items()} == {"绿色煤炭产业链营收": "上党区"}


def test_a_district_named_after_2007_is_a_place():
    from etl.nlp.region import plan_region
    # the saved excerpt's title names the district; the body once, and 上海 once (a university's name)
    got = plan_region("# title: a report on 上党区's chains\n今年,上党区将深入实施创新驱动发展战略。上党大地项目聚链成群,与上海理工大学合作。")
    assert (got["region"], got["kind"]) == ("上党区", "county")


def test_a_review_of_the_year_just_ended_reports_its_figures_and_estimates():
    text = ("以新的发展实绩作出更大贡献——政府工作报告解读\n"
            "在“十四五”与“十五五”两个五年的交汇点上,市人民政府向大会作政府工作报告。\n"
            "过去一年,宿迁经济社会发展成绩如何?一起来看看。\n"
            "预计地区生产总值增长6.9%,实施传统产业焕新项目415个,新改扩建学校16所。")
    got = _targets(text)
    assert len(got) == 3 and {(f.current, f.year) for f in got.values()} == {(True, 2025)}
    # without the look back, the same work report's 预计 is an aim
    ahead = _targets(text.replace("过去一年,宿迁经济社会发展成绩如何?一起来看看。\n", ""))
    assert ahead["地区生产总值增长"].current is False


def test_a_forecast_of_the_year_under_way_is_an_aim():
    text = ("今年1月至10月,百色市规模以上工业总产值完成1876.5亿元,同比增长15.1%。"
            "预计全年规模以上工业总产值突破2000亿元大关,达到2200亿元以上。")
    got = [f for f in _facts(text) if f.kind == "target"]
    assert {(f.value, f.current) for f in got} >= {(1876.5, True), (2000.0, False), (2200.0, False)}
    # with no run of months the year is not shown under way: 预计全年 reports (the round-6 review cue)
    done = [f for f in _facts("预计全年规模以上工业总产值达到2200亿元以上。") if f.kind == "target"]
    assert [f.current for f in done] == [True]


def test_the_peers_of_a_ranking_hold_no_figure():
    text = ("过去一年,江苏省宿迁市经济社会发展成绩如何?宿迁市交出新答卷。\n"
            "预计地区生产总值增长6.9%,9项省列统指标增速位居全省前列,位列国家先进制造业百强榜75名,全国数字百强市74名。")
    got = _targets(text)
    assert got and {f.subject for f in got.values()} == {"宿迁市"}
    # 全省 that is no peer group still gives the province its figure
    prov = _targets("江苏省宿迁市加快发展。宿迁市建设新城。全省新增高新技术企业900家。")
    assert {f.subject for f in prov.values()} == {"江苏省"}


def test_an_item_a_deng_b_names_b():
    got = {f.text for f in _facts("威海打造新一代信息技术、碳纤维等复合材料、康养旅游等七大产业集群。") if f.kind == "cluster"}
    assert "复合材料" in got and not any("等" in n for n in got)


def test_a_bracket_left_open_before_a_list_restates_it():
    text = ("泗阳聚焦“2+3+N”产业体系(即高端纺织、绿色家居两大主导产业,新型食品、电子信息、新能源三大优势产业以及其他特色产业)"
            "和汽车及零部件、激光光电、新材料等10条重点产业链精准招商。")
    got = {f.text for f in _facts(text) if f.kind == "cluster"}
    assert "高端纺织" in got and not any("(" in n or "产业体系" in n for n in got)


def test_sizes_of_projects_pushed_on_under_an_earlier_aim_name_the_projects():
    text = ("赤峰市将打造锂电池生态产业园,积极推进年产4万吨电池级碳酸锂生产线项目、年产3万吨PVDF电池粘接剂项目,"
            "推动锂产业全链条同步开发。")
    assert [f for f in _facts(text) if f.kind == "target"] == []
    # an aim in the size's own clause still makes it a target
    kept = [f.value for f in _facts("力争建成年产50万吨铜精深加工生产线。") if f.kind == "target"]
    assert kept == [50.0]
