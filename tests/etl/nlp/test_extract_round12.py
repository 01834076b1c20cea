"""Round-12 extraction rules (the round-11 held-out error classes, fixed in general form, tested on the round-11
plans' sentences): 分别 figures named by the items of the sentence before, a count before 分别 names its own noun, a
list's shared tail; a verbless clause goes on with the verb before (力争 carried); a 、-list of kinds before one count;
a milestone amount (迈过5000亿元门槛) is a figure, 万亿元大关 a mark; a one-year plan's aims are that year's; 要 + a
verb of reaching aims; a byline's newspaper and 哈市 in the plan's region; 全省 before a cluster name; a text's own
items (17项工作重点) are no target; A、B等产业规模 names no cluster."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.layout import plan_context
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_quantities
from etl.nlp.region import plan_region
from etl.nlp.tense import AIM


def named(sentence: str) -> list:
    return [(q.name, q.value, q.unit, q.qualifier) for q in find_quantities(sentence)]


def targets(text: str, onto) -> dict:
    return {f.text: (f.value, f.unit, f.qualifier, f.year, f.current, f.subject)
            for f in extract_facts(text, onto, source="t") if f.kind == "target"}


def test_fenbie_figures_take_the_items_of_the_sentence_before(small_onto):
    text = ("济南将推动高端数控机床与机器人、专用装备、钢铁5条特色标志性产业链向高技术领域攀升。"
            "到2030年,3条特色产业链规模分别达到800亿元、1600亿元、1900亿元。")
    got = targets(text, small_onto)
    assert got["高端数控机床与机器人特色产业链规模"][:2] == (800.0, "亿元")
    assert got["钢铁特色产业链规模"][0] == 1900.0
    assert got["特色产业链"][:2] == (3.0, "条")  # the count before 分别 names its own noun, no threshold
    assert named("人工智能、集成电路产业链核心产业规模分别达到1200亿元、500亿元")[0][0] == "人工智能产业链核心产业规模"


def test_a_verbless_clause_goes_on_with_the_verb_before_and_kinds_share_one_count():
    got = named("到2025年,力争实现培育上市企业10家,行业单项冠军3户,高新技术企业达到100家")
    assert [(n, q) for n, _v, _u, q in got] == [("上市企业", "力争"), ("行业单项冠军", "力争"), ("高新技术企业", "")]
    got = named("力争新培育国家级专精特新企业、省级制造业单项冠军、省级专精特新中小企业10家以上。")
    assert got == [("国家级专精特新企业、省级制造业单项冠军、省级专精特新中小企业", 10.0, "家", "力争以上")]
    assert [n for n, *_ in named("新签约60个、新开工35个")] == ["新签约", "新开工"]  # after a figure, 、 separates


def test_a_milestone_amount_is_a_figure_in_digits_and_in_characters():
    assert named("2022年GDP刚刚迈过5000亿元门槛的惠州")[0][1:3] == (5000.0, "亿元")
    # round 15 (label review): an amount in characters reads like digits, so 突破万亿元大关 is 1 万亿元 too
    assert named("服务业增加值突破万亿元大关,年均增长6.5%") == [("服务业增加值", 1.0, "万亿元", "突破"),
                                                      ("服务业增加值年均增长", 6.5, "%", "")]


def test_a_one_year_plan_and_yao_as_an_aim(small_onto):
    text = ("2026年,是实施“十五五”规划的开局之年,是示范区起步之年。现将行动安排如下。\n"
            "——科技服务业营业收入同比增长15%;形成高技术成果不少于5项。")
    assert plan_context(text)["end"] == 2026
    assert {v[3] for v in targets(text, small_onto).values()} == {2026}
    assert AIM.search("高端装备制造业占比今年要达到35%以上") and not AIM.search("主要产业规模达到35%")


def test_the_region_skips_a_byline_and_reads_a_one_character_city():
    text = ("本报讯(黑龙江日报全媒体记者韩波)哈尔滨市今年出台实施方案。\n"
            "近两年间,哈市聚力打造现代产业新体系。截至目前,哈市产业规模超过6200亿元。")
    assert plan_region(text)["region"] == "哈尔滨市"


def test_a_measure_of_a_list_names_no_cluster():
    assert not [c.name for c in find_clusters("持续壮大集成电路、机器人等产业规模,争取更多产业集群纳入国家工程")]


def test_a_texts_own_items_are_no_target(small_onto):
    got = targets("草案主要阐明未来五年全市经济社会发展战略,明确了17项工作重点。到2030年,汽车产业链规模达到2100亿元。", small_onto)
    assert not any(v[0] == 17.0 for v in got.values())
