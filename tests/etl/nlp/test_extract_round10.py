"""Round-10 extraction rules (the round-9 held-out error classes, fixed in general form): part headings hold their
year for their (一) sections, 十二五; the plan's region not taken from a cited document or a preamble, 建成区, districts
listed as locations; 党的十八大以来; a year's results in the next year's report; lists sharing one head; a 、-item
sharing its holder; 分别 with more items after it; one-character clusters in a quoted list; —— bullets; units
(万亿 without 元, 亿吨, 亿人次, 万元人民币); ranks in a named ranking and a ranking's method; 力争 over a verb's objects."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.facts import Fact, restated_merged
from etl.nlp.figures import figures
from etl.nlp.layout import plan_context
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_quantities
from etl.nlp.region import plan_region


def targets(text: str, onto) -> dict:
    return {f.text: (f.value, f.unit, f.qualifier, f.year, f.current, f.subject)
            for f in extract_facts(text, onto, source="t") if f.kind == "target"}


CHANGSHA = ("长发〔2022〕9号\n"
            "为推动强省会战略落地见效,根据《中共湖南省委湖南省人民政府关于实施强省会战略支持长沙市高质量发展的若干意见》"
            "精神,制定如下行动方案。\n"
            "一、把握目标要求\n"
            "以引领长株潭都市圈和全省各市州协同发展为重点,努力把长沙建设成为更具国际影响力的现代化城市。"
            "到2026年,高质量发展主要指标居全国前列。\n"
            "(一)综合竞争力大幅提升。持续增强全省辐射力。地区生产总值达2万亿左右,建成区面积达1000平方公里。\n"
            "(二)科技创新力大幅提升。研发经费投入年均增长12%以上、占GDP比重超过3.5%。\n"
            "二、重点任务\n"
            "(一)产业。培育产业集群8个。\n")


def test_a_part_headings_year_holds_for_its_sections(small_onto):
    got = targets(CHANGSHA, small_onto)
    assert got["地区生产总值"][:4] == (2.0, "万亿元", "左右", 2026)  # 万亿 without 元 is money
    assert got["建成区面积"][3:] == (2026, False, "长沙市")  # 建成区 is no district
    assert got["研发经费投入占GDP比重"][:3] == (3.5, "%", "超过")  # the share of what grows, not of its growth
    assert got["产业集群"][3] is None  # 二、 opens a new part: the 一、 year does not carry into it


def test_a_cited_document_and_a_preamble_do_not_pick_the_region():
    assert plan_context(CHANGSHA)["region"] == "长沙市"
    # a place named only in a cited title still names the region (山西's report on its own 《山西省…》 plan)
    text = "近日印发的《山西省重点产业链能级跃升2025年行动计划》提出,我省产业链企业突破800家。"
    assert plan_region(text)["region"] == "山西省"


def test_districts_listed_as_locations_own_no_figure(small_onto):
    text = ("北京市“十四五”时期高精尖产业发展规划。\n新一代信息技术重点布局海淀区、朝阳区、北京经济技术开发区,"
            "力争到2025年新一代信息技术产业实现营业收入2.5万亿元;医药健康南部地区重点布局大兴区、北京经济技术开发区,"
            "力争到2025年医药健康产业实现营业收入1万亿元。\n")
    got = targets(text, small_onto)
    assert got["新一代信息技术产业实现营业收入"][5] == "北京市"
    assert got["医药健康产业实现营业收入"][5] == "北京市"


def test_the_twelfth_five_year_period_and_liezheng_over_a_verbs_objects(small_onto):
    text = ("泉州市召开千人企业家大会。\n据悉,到“十二五”末,泉州市力争实现工业总产值超4000亿元产业集群1个,"
            "超2000亿元产业集群2个,超1000亿元产业集群1个。\n")
    assert plan_context(text)["end"] == 2015
    got = targets(text, small_onto)
    assert sorted((v[0], v[2], v[3]) for v in got.values()) == [(1.0, "力争", 2015), (1.0, "力争", 2015),
                                                                (2.0, "力争", 2015)]
    # a clause with its own verb does not continue the list
    assert [q.qualifier for q in find_quantities("力争培育企业10家,新增项目5个")] == ["力争", ""]


YANTAI = ("# title: “山东这十年·烟台”主题新闻发布会 (大众日报 2022-09-20)\n"
          "记者从发布会上了解到,党的十八大以来,烟台市坚定不移实施制造业强市战略,全市工业增加值从2012年的2311亿元"
          "上升至2021年的3100亿元,2021年,全市规上工业企业实现营业收入9005.1亿元、利润583亿元。\n"
          "2021年,全市培育出绿色石化、有色及贵金属、高端装备、电子信息4个千亿级和汽车、食品精深加工、生物医药、"
          "清洁能源4个百亿级产业集群。\n")


def test_a_review_since_a_party_congress(small_onto):
    got = targets(YANTAI, small_onto)
    assert got["工业增加值"][3:5] == (2021, True)  # 上升至2021年 in a review dated 2022 aims at nothing
    assert got["规上工业企业实现利润"][:2] == (583.0, "亿元")  # the 、-item shares the holder
    assert got["千亿级产业集群"][:2] == (4.0, "个") and got["百亿级产业集群"][:2] == (4.0, "个")


def test_lists_sharing_one_head():
    got = {c.name: c.level for c in find_clusters(YANTAI.splitlines()[2])}
    assert got == {"绿色石化": "千亿级", "有色及贵金属": "千亿级", "高端装备": "千亿级", "电子信息": "千亿级",
                   "汽车": "百亿级", "食品精深加工": "百亿级", "生物医药": "百亿级", "清洁能源": "百亿级"}


def test_a_years_results_in_the_next_years_report(small_onto):
    text = ("# title: 佛山先进制造业集群建设稳步推进 (佛山日报, 2021-03-04)\n"
            "佛山先进制造业集群建设稳步推进,装备制造、泛家居产业集群提前实现万亿规模目标,2020年产值分别达到11221亿元和"
            "10719亿元,汽车及新能源、生物医药及大健康等6个产业集群保持平稳发展。\n")
    got = targets(text, small_onto)
    assert got["装备制造产值"][:2] == (11221.0, "亿元") and got["装备制造产值"][4]  # 2020 in a 2021 report: a result
    assert got["泛家居产值"][0] == 10719.0  # the 分别 items are the two before it, not the two after
    assert got["汽车及新能源、生物医药及大健康等产业集群"][:2] == (6.0, "个")
    text = ("# title: 常州新能源之都建设领跑全赛程 (新华报业网, 2023-01-28)\n"
            "2022年常州工业总量首次破2万亿,跃居全省第三。其中,新能源领域产值突破5000亿元。\n")
    got = targets(text, small_onto)
    total = next(v for k, v in got.items() if k.endswith("工业总量"))  # 首次破 is no part of the name
    assert total[:2] == (2.0, "万亿元") and total[3:5] == (2022, True)
    assert got["新能源领域产值"][3:5] == (2022, True)  # its paragraph reports 2022


def test_one_character_clusters_in_a_quoted_list_and_bullets():
    names = [c.name for c in find_clusters("相继建成了“镁、锂、钾”三大工业基地和“钾、钠、镁、锂、氯”五大产业集群。")]
    assert sorted(names) == sorted(["钾", "钠", "镁", "锂", "氯"])
    assert find_clusters("——盐湖资源综合利用五大产业集群逐步形成,建成全国最大的钾肥生产基地;") == []
    # a counted list of products with a growth figure is no framework; with a scale class it is
    assert find_clusters("动力电池、新能源汽车、光伏三大产业同比增长96.5%") == []
    assert len(find_clusters("电子信息、食品轻纺、能源化工3个产业规模先后迈上万亿级台阶")) == 3


def test_units_ranks_and_method_counts():
    assert [u for _m, u in figures("累计接待游客2.1亿人次,资源累计储量约4000亿吨,总收入达9000亿")] == \
        ["亿人次", "亿吨", "亿元"]
    assert [u for _m, u in figures("泉州市将每年安排5000万元人民币,设立专项资金")] == ["万元"]
    assert [u for _m, u in figures("新增1亿件产品")] == []  # 亿 before a noun is no money
    assert [m.group(1) for m, _u in figures("徐州位居全国先进制造业百强市第23位")] == ["23"]
    assert list(figures("居副省级城市第2位")) == []
    assert list(figures("围绕创新能力、绿色集约5个维度,以全国293个地级市为样本")) == []
    q = find_quantities("常州召开大会,总投资超470亿元共15个新能源重大产业项目签约落户")
    assert [(x.name, x.value) for x in q][0] == ("新能源重大产业项目总投资", 470.0)  # the total of the 15 projects
    assert q[1].name.startswith("新能源重大产业项目") and q[1].value == 15.0
    q = find_quantities("绿色有机农畜产品远销30多个国家和地区")
    assert q[0].name == "绿色有机农畜产品远销国家和地区"


def test_an_undated_headline_figure_is_the_dated_one():
    a = Fact("target", "主营业务收入", "主营业务收入达3800亿", "t", 3800.0, "亿元", None, None, subject="云南省")
    b = Fact("target", "主营业务收入", "2020年达到3800亿元左右", "t", 3800.0, "亿元", 2020, "左右", subject="云南省")
    for f in (a, b):
        f.sentences = [f.sentence]
    merged = restated_merged([a, b])
    assert [(f.year, f.qualifier, len(f.sentences)) for f in merged] == [(2020, "左右", 2)]
