"""Round 16 of the policy extractor: the round-15 plans' error classes, each as a general rule
(docs/log/policy-rounds.md, round 16)."""

from __future__ import annotations

from etl.nlp import extract_facts


def test_our_cluster_named_as_an_industry_is_no_cluster_until_a_cluster_names_it(small_onto):
    facts = extract_facts("力争2025年汽车产业产值突破50亿元。", small_onto, source="t")
    assert {(f.kind, f.cluster) for f in facts if f.kind in ("cluster", "chain", "industry")} == {("industry", "auto")}
    facts = extract_facts("汽车产业加快转型。打造汽车产业集群。", small_onto, source="t")
    named = [(f.kind, f.cluster, len(f.sentences)) for f in facts if f.kind in ("cluster", "chain", "industry")]
    assert named == [("cluster", "auto", 2)]


def _targets(text, onto):
    return [(f.text, f.value, f.unit, f.qualifier) for f in extract_facts(text, onto, source="t") if f.kind == "target"]


def test_an_amount_in_characters_before_a_milestone_word_needs_no_yuan(small_onto):
    assert ("四大优势产业", 1.0, "千亿元", "突破") in _targets("到2025年,四大优势产业均突破千亿大关。", small_onto)
    assert not _targets("全市正向千亿大关迈进。", small_onto)  # heading for it, not reaching it


def test_square_metres_are_a_unit(small_onto):
    got = _targets("到2025年,建成标准厂房超500万平方米。", small_onto)
    assert [(v, u) for _n, v, u, _q in got] == [(500.0, "万平方米")]


def test_from_the_end_of_a_period_and_a_yearly_rise(small_onto):
    got = _targets("全县工业总产值从“十三五”末期的25.7亿元增至2019年的30.8亿元,年均递增22.4%。", small_onto)
    assert [(v, u) for _n, v, u, _q in got] == [(25.7, "亿元"), (30.8, "亿元"), (22.4, "%")]
    assert got[2][0].endswith("工业总产值年均递增")


def test_a_county_plan_speaks_of_itself_as_our_county(small_onto):
    text = ("铜鼓县“十四五”工业经济发展规划\n“十三五”期间,我县工业平稳。规模以上工业企业达到38家。"
            "全县工业总产值从“十三五”末期的25.7亿元增至2019年的30.8亿元。\n")
    subjects = {(f.subject, f.subject_kind) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert subjects == {("铜鼓县", "county")}


def test_a_report_saying_quanxian_is_about_the_county_it_names_most(small_onto):
    text = ("2025年,衡阳县交出了答卷,获评“全省县域经济先进县”。湖南省表彰。\n"
            "衡阳县新增“四上”企业32家。全县净增市场主体3014家。\n")
    subjects = {f.subject for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert subjects == {"衡阳县"}


def test_a_years_aims_stay_that_years_when_a_later_period_is_a_task(small_onto):
    text = ("1月12日上午,某市人民代表大会开幕。政府工作报告指出,2025年全市经济社会发展主要预期目标建议为:"
            "地区生产总值增长5%左右,产业投资增长7%左右。\n"
            "加快重大项目建设。力争民间投资占全部投资比重达40%以上。科学编制“十五五”规划。\n")
    got = {(f.value, f.year, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got == {(5.0, 2025, False), (7.0, 2025, False), (40.0, 2025, False)}


def _names(sentence):
    from etl.nlp.plan_clusters import find_clusters

    return [(c.name, c.kind, c.level) for c in find_clusters(sentence)]


def test_the_whole_chain_of_an_industry_names_no_chain():
    assert _names("加快带动广西形成新能源汽车全产业链生态布局") == []
    assert _names("做强生物医药种植业、加工业、商贸流通全产业链") == []
    assert _names("打造新能源汽车产业链") == [("新能源汽车", "chain", None)]


def test_tier_words_after_a_name_and_verbs_before_it_are_no_part_of_it():
    assert _names("广东省发展先进材料战略性支柱产业集群行动计划") == [("先进材料", "cluster", None)]
    assert _names("中山将打造超千亿级先进材料产业集群") == [("先进材料", "cluster", "超千亿级")]
    assert _names("上饶瞄准有色金属主导产业链") == [("有色金属", "chain", None)]
    assert [n for n, _k, _l in _names("提档升级精品钢材、高端纺织、食品及农副产品加工三个特色创新产业集群")] == \
        ["精品钢材", "高端纺织", "食品及农副产品加工"]


def test_heads_of_the_round_15_golds_are_fields():
    assert _names("现代能化产业集群形成规模") == [("现代能化", "cluster", None)]


def test_a_paragraph_about_the_period_before_reports_and_a_leading_span_is_no_plan_period(small_onto):
    text = ("某县“十四五”工业经济发展规划\n为积极适应新常态,特制定本规划。“十三五”期间,我县工业总体平稳。(一)工业总量稳中有升。"
            "2014-2019年,全县工业增加值年平均增长6.5%,规模以上工业企业达到38家。\n")
    from etl.nlp.layout import plan_context

    assert plan_context(text)["start"] == 2021
    got = {(f.value, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got == {(6.5, True), (38.0, True)}


def test_a_text_that_hands_in_a_years_results_reviews_that_year(small_onto):
    text = ("地区生产总值增长6.4%,成功获评先进县……2025年,衡阳县交出了一份高质量发展的亮眼答卷。站在“十五五”新起点,县委提出新思路。\n"
            "过去一年,衡阳县经济社会发展成效显著:新增“四上”企业32家。\n"
            "钟表产业加速起势,投产企业超过230家。\n")
    got = {(f.value, f.year, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got == {(6.4, 2025, True), (32.0, 2025, True), (230.0, 2025, True)}
    # an exhortation is no review: 奋力交出新答卷 looks forward
    from etl.nlp.tense import looks_back

    assert not looks_back("奋力交出高质量发展新答卷")


def test_a_january_report_on_the_period_just_ended_speaks_of_that_year(small_onto):
    text = ("# title: 某市政府工作报告 (2026-01-26)\n"
            "1月26日,市长作了政府工作报告,回顾了“十四五”时期的工作。\n"
            "报告介绍到,2025年,全市发展取得的成效达到预期。该市制定15项产业发展政策,煤炭产量8.9亿吨。\n"
            "推动新能源发展,新增并网新能源装机655.2万千瓦。\n")
    got = {(f.value, f.year, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got == {(15.0, 2025, True), (8.9, 2025, True), (655.2, 2025, True)}


def test_an_estimate_of_the_year_before_leads_its_paragraph(small_onto):
    text = ("# title: 某市政府工作报告 (2023-01-06)\n1月4日,某市人大开幕。\n"
            "2022年,当家产业绿色化工年产值预计达1500亿元,增长29.8%;食品饮料年产值预计达880亿元,增长14%。\n")
    got = {(f.value, f.year, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got == {(1500.0, 2022, True), (29.8, 2022, True), (880.0, 2022, True), (14.0, 2022, True)}


def test_the_figures_after_a_sentence_on_the_period_before_are_of_its_last_year(small_onto):
    text = ("某市国民经济和社会发展“十四五”规划纲要\n"
            "经济实力迈上新台阶。“十三五”期间,全市地区生产总值年均增长7.1%;固定资产投资年均增长11.9%。\n")
    got = {(f.value, f.year, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got == {(7.1, 2020, True), (11.9, 2020, True)}


def test_fields_chosen_as_clusters_are_clusters():
    assert [n for n, _k, _l in _names("新材料、生物医药产业双双入选全省战略性新兴产业集群")] == ["新材料", "生物医药"]
    assert [n for n, _k, _l in _names("元宇宙入选全省先进制造业集群和未来产业集群")] == ["元宇宙"]
    assert _names("3家企业入选全省产业集群") == []  # a count of firms, no field
