"""Round-4 extraction rules (the round-3 held-out error classes, fixed in general form): cluster lists
with a count, abbreviations and scale classes without 级, plan titles, owner places, lists given again
without a head, members after 包括; amounts from … to …, 即: passing 力争 on, amounts in characters,
news reports (当下…, 这5个…, 2021年,…达…) and the subject of a figure that names a cluster."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.relisted import find_relisted
from etl.nlp.quantity import find_quantities


def names(sentence: str) -> list[tuple[str, str | None]]:
    return [(c.name, c.level) for c in find_clusters(sentence)]


def test_a_count_that_fits_the_list_makes_the_items_the_clusters():
    # 战新 (战略性新兴) is a kind of cluster, not its field; 三大 fits the three items
    got = names("持续提升集成电路、新型显示、人工智能等三大国家级战新产业集群能级")
    assert [n for n, _ in got] == ["集成电路", "新型显示", "人工智能"]
    # without a count the field after 等 is still the name (places listed before it)
    assert [n for n, _ in names("开封汴西、林州等百亿级装备制造特色产业集群")] == ["装备制造"]


def test_scale_class_without_ji_and_the_xiandai_of_xiandaihuagong():
    assert names("培育壮大光芯屏端网、汽车、大健康、现代化工等万亿产业集群") == [
        ("光芯屏端网", "万亿"), ("汽车", "万亿"), ("大健康", "万亿"), ("现代化工", "万亿")]
    assert names("打造30个左右千亿级现代化产业链") == []  # 现代化 alone is still a tier word


def test_leading_aim_and_tier_words_are_no_part_of_a_name():
    assert [n for n, _ in names("力争新能源汽车、光伏新能源等跻身新的国家级产业集群")] == ["新能源汽车", "光伏新能源"]
    assert [n for n, _ in names("提出力争到2025年,世界级船舶海工产业集群格局基本形成")] == ["船舶海工"]


def test_titles_and_clauses_name_no_chain():
    assert names("湖北省已正式印发《关于进一步深化制造业重点产业链链长制实施方案》") == []
    assert names("2021年4月,湖北省正式进入产业链链长制时代") == []
    assert names("由推进组牵头部门系统梳理每个产业链上下游情况") == []
    assert names("共建产业链供需信息对接平台") == []
    assert names("关于推动战略性新兴产业融合集群发展的实施方案") == []
    assert names("在进军世界级先进制造业集群中") == []


def test_places_that_own_a_cluster_are_dropped_and_the_kind_suffix_too():
    got = names("发布《江苏省南通市、泰州市、扬州市高技术船舶和海工装备国家先进制造业集群培育提升三年行动方案》")
    assert [n for n, _ in got] == ["高技术船舶和海工装备"]
    # a place that is part of each item's name stays (no item is a place alone)
    assert [n for n, _ in names("推动长沙市工程机械、株洲市先进轨道交通装备产业集群向世界级跃升")] == \
        ["长沙市工程机械", "株洲市先进轨道交通装备"]


def test_a_list_given_again_without_a_head_takes_the_kind_of_its_named_item():
    known = {"算力与大数据": "chain"}
    got = find_relisted("我省选取算力与大数据、人工智能、量子科技等3个产业基础好的新兴特色产业", known)
    assert [(c.name, c.kind) for c in got] == [("人工智能", "chain"), ("量子科技", "chain")]
    assert find_relisted("选取算力与大数据、人工智能等3个新兴产业", known) == []  # the count does not fit
    assert find_relisted("选取人工智能、量子科技等2个新兴产业", known) == []  # none of them named before


def test_members_listed_after_baokuo():
    got = names("这5个集群单位包括越城区集成电路、上虞区精细化工2个先进制造业集聚核心区,以及上虞区集成电路专用设备协同区,"
                "正是我市要打造的重点产业集群")
    assert [n for n, _ in got] == ["集成电路", "精细化工", "集成电路专用设备"]


def test_from_to_amounts_and_jí_passes_the_aim_on():
    q = find_quantities("力争到2025年实现“730目标”,即:全省制造业产值从5.5万亿元提升至7万亿元,制造业增加值占GDP比重稳定在30%左右")
    got = [(x.name, x.value, x.qualifier, x.current) for x in q]
    assert got == [("制造业产值", 5.5, "", True), ("制造业产值", 7.0, "力争", False),
                   ("制造业增加值占GDP比重", 30.0, "力争左右", False)]
    # two amounts that are both the firms' condition stay out
    assert find_quantities("营业收入超千亿元和市值超千亿元制造业企业群体不断壮大") == []


def test_amounts_in_characters():
    q = find_quantities("智能家电产业规模稳定在千亿元以上,集群营收超两万亿元")
    assert [(x.value, x.unit, x.qualifier) for x in q] == [(1.0, "千亿元", "以上"), (2.0, "万亿元", "")]
    assert find_quantities("打造千亿元级产业集群") == []  # a scale class, not an amount


def test_a_scale_class_alone_takes_the_noun_that_follows():
    q = find_quantities("培育形成10个以上千亿级,若干万亿级的新兴产业,在全国的地位进一步提升")
    assert [(x.name, x.value, x.qualifier) for x in q] == [("千亿级新兴产业", 10.0, "以上")]


def test_news_report_present_values_are_current():
    q = find_quantities("当下,全省“415X”先进制造业集群培育首轮9条赛道正式开放,全省各地90个县(市、区),正式吹响号角,"
                        "来自我市的5个集群单位正竞逐在这条赛道上。")
    assert [(x.name, x.value, x.current) for x in q] == [
        ("415X先进制造业集群培育首轮赛道", 9.0, True), ("县(市、区)", 90.0, True), ("集群单位", 5.0, True)]
    q = find_quantities("这5个集群单位包括A、B")
    assert [(x.name, x.current) for x in q] == [("集群单位", True)]
    # a target after a present lead is still a target
    q = find_quantities("目前,已有企业20家,到2025年企业力争达到50家")
    assert [(x.value, x.current) for x in q] == [(20.0, True), (50.0, False)]


def test_a_report_year_lead_without_an_aim_is_current(small_onto):
    text = "某市制造业观察\n2021年,我市战略性新兴产业占规模以上工业增加值比重达39.2%。2023年,技术改造项目达到300个以上。\n"
    t = {f.value: f for f in extract_facts(text, small_onto, source="x") if f.kind == "target"}
    assert t[39.2].current and t[39.2].year == 2021
    assert not t[300].current  # 达到…以上: a work plan's target, even in the year it is written


def test_a_cluster_named_in_the_indicator_is_not_the_subject(small_onto):
    text = "合肥市推进会\n2025年,合肥力争新能源汽车产业营收规模突破5000亿元、先进光储产业集群突破2000亿元。\n"
    t = {f.value: f for f in extract_facts(text, small_onto, source="x") if f.kind == "target"}
    assert (t[5000].subject, t[5000].subject_kind) == ("合肥市", "city")
    assert (t[2000].subject, t[2000].qualifier) == ("合肥市", "力争突破")


def test_zhizao_qiangsheng_is_no_region(small_onto):
    text = "江苏:出台《加快建设制造强省行动方案》\n到2025年,聚焦16个先进制造业集群。\n"
    t = [f for f in extract_facts(text, small_onto, source="x") if f.kind == "target"]
    assert t and all(f.subject != "造强省" for f in t)


def test_a_title_is_no_cluster_heading_for_what_follows(small_onto):
    text = ("关于推动集成电路产业集群发展的实施方案\n"
            "提出到2025年,江苏工业战略性新兴产业产值占规上工业比重超过42%。\n")
    t = [f for f in extract_facts(text, small_onto, source="x") if f.kind == "target"]
    assert t and t[0].subject_kind != "cluster"
