"""Round-6 extraction rules (the round-5 held-out error classes, fixed in general form): box layouts, names from
the context (占全省, 分别 over an earlier clause, counts passing a threshold), reports without a past tense,
a headline's time words, one figure stated twice keeps its qualifier."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.layout import box_heading
from etl.nlp.naming import is_measure, threshold_named
from etl.nlp.quantity import find_quantities
from etl.nlp.tense import reported


def targets(text: str, onto) -> list:
    return [(f.text, f.value, f.unit, f.qualifier, f.year, f.current)
            for f in extract_facts(text, onto, source="t") if f.kind == "target"]


BOX = ("到2020年重点产业发展意见\n生物医药和大健康\n目标\n主营业务收入2017年达到2400亿元左右\n2020年达到3800亿元左右\n"
       "年均增长20%左右\n重点园区:建设一批园区。\n现代物流\n增加值达2000亿元\n目标\n增加值2020年达到2000亿元左右\n")


def test_box_layout_names_each_figure_by_its_heading(small_onto):
    got = targets(BOX, small_onto)
    assert ("生物医药和大健康主营业务收入", 2400.0, "亿元", "左右", 2017, False) in got
    assert ("生物医药和大健康主营业务收入", 3800.0, "亿元", "左右", 2020, False) in got  # the line names nothing
    assert ("生物医药和大健康年均增长", 20.0, "%", "左右", 2020, False) in got
    # the box's headline figure and the body's are one figure, with the body's 左右
    assert [t for t in got if t[0] == "现代物流增加值"] == [("现代物流增加值", 2000.0, "亿元", "左右", 2020, False)]


def test_box_heading_is_a_short_word_line_followed_by_figures():
    assert box_heading("现代物流", ["增加值达2000亿元"]) and box_heading("旅游文化", ["总收入达9000亿", "目标"])
    assert not box_heading("发展目标", ["到2025年产值达到10亿元"])  # heads a part, names nothing
    assert not box_heading("现代物流", ["重点项目", "企业", "产值10亿元"])  # no figure on the next two lines
    assert not box_heading("现代物流产值达到10亿元。", ["产值10亿元"])
    assert is_measure("增加值") and not is_measure("旅游业总收入")


def test_a_share_and_a_fenbie_take_their_names_from_before(small_onto):
    text = ("2022年,园区主营收入达1.4万亿元,占全省50%以上,持续领跑全省。\n曲靖市的经验做法被国务院通报表扬,新能源电池、绿色硅光伏、"
            "绿色铝精深加工3个千亿级产业集群快速发展,2022年产值分别增长366.33%、255.32%、35.94%。")
    got = {t[0]: t for t in targets(text, small_onto)}
    assert "园区主营收入占全省" in got
    assert got["新能源电池产值"][1] == 366.33 and got["绿色铝精深加工产值"][1] == 35.94
    # a text without any aim: a sentence telling a result (通报表扬) reports, its figures are current
    assert got["新能源电池产值"][5] and got["千亿级产业集群"][5]  # the count ends at its head (快速发展 is its predicate)


def test_a_count_passing_a_threshold_is_one_figure():
    s = "营业收入突破千亿元的产业集群达7个,其中3个营业收入超2000亿元"
    got = [(q.name, q.value, q.unit) for q in threshold_named(find_quantities(s), s)]
    assert ("产业集群营业收入超2000亿元", 3.0, "个") in got and not any(u == "亿元" for _n, _v, u in got)
    s = "生物医药、新能源汽车等3个产业集群营业收入率先突破千亿级"
    assert [q.name for q in threshold_named(find_quantities(s), s)] == ["产业集群营业收入率先突破千亿级"]


def test_report_without_past_tense_only_in_a_text_without_aims():
    no_aims = {"aims": False, "start": None, "issued": 2024}
    assert reported("先进制造业集群入选", "陕西牵头建设的2个集群入选", no_aims)
    assert reported("园区主营收入达1.4万亿元", "2022年,园区主营收入达1.4万亿元", no_aims)  # a year before the text's
    assert not reported("园区主营收入达1.4万亿元", "2024年,园区主营收入达1.4万亿元", no_aims)
    assert not reported("入选省级协同创新项目5个以上", "实施技术创新项目300个以上,入选省级协同创新项目5个以上", no_aims)
    assert not reported("先进制造业集群入选", "2个集群入选", {"aims": True, "start": None, "issued": 2024})
    assert reported("打造形成…6条产业链", "拥有3个示范区,打造形成…6条产业链", no_aims)
    assert not reported("全力打造…12条产业链", "全力打造…12条产业链,居全省前列", no_aims)


def test_headline_time_words_do_not_keep_it_apart(small_onto):
    text = "未来三年集群营收年均增长8% 方案印发\n《方案(2025—2027年)》提出,2025—2027年,集群营业收入保持年均增长8%左右。"
    got = [t for t in targets(text, small_onto) if t[1] == 8.0]
    assert len(got) == 1 and got[0][3] == "左右"


def test_chain_clusters_services_and_a_lists_last_and():
    from etl.nlp.plan_clusters import find_clusters
    got = [(c.name, c.kind) for c in find_clusters("推动打造智能网联与新能源汽车、现代金融等2个万亿元级产业链群")]
    assert got == [("智能网联与新能源汽车", "cluster"), ("现代金融", "cluster")]  # 产业链群 is a cluster; 金融 a field
    got = [c.name for c in find_clusters("打造形成煤基特种燃料、煤基可降解材料及高端化工品、煤制芳烃-乙二醇-聚酯和氯碱化工等4条产业链")]
    assert got == ["煤基特种燃料", "煤基可降解材料及高端化工品", "煤制芳烃-乙二醇-聚酯", "氯碱化工"]


def test_a_numbered_cluster_title_inside_a_paragraph_owns_its_figures(small_onto):
    text = ("河北省行动方案(2023-2027年)\n1.石家庄生物医药产业集群。以高新区为核心承载区,发展产业链条。"
            "2023年,加快推进50个重点项目建设,总投资约250亿元。")
    got = {f.text: f for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got["重点项目建设总投资"].qualifier == "约" and got["重点项目建设总投资"].subject == "石家庄生物医药"  # 重点 before a noun is kept (round 9)


def test_duo_between_number_and_unit_is_a_kept_qualifier():
    got = [(q.name, q.value, q.unit, q.qualifier) for q in find_quantities("年药品生产能力1.5万多吨,培育20多家龙头企业")]
    assert got == [("年药品生产能力", 1.5, "万吨", "多"), ("龙头企业", 20.0, "家", "多")]
