"""Round-15 extraction rules (the round-14 held-out error classes and the reviewed labelling rules, in general form,
tested on the round-14 plans' sentences and the reviewed golds' phrases): an amount in characters reads like digits
(with or without 元, not a class, a label or an amount headed for); 双 gives each holder the figure; a gap to a
reference is named by the indicator before it; a 、-list of numbers shares its unit; a clause of time words only
(到今年预计可达) is the indicator before; a growth after a 、 or a gain after a comparison is the figure before's;
a rate named by its growth keeps the growth words."""

from __future__ import annotations

from etl.nlp.figures import normalized
from etl.nlp.quantity import find_quantities


def named(sentence: str) -> list:
    return [(q.name, q.value, q.unit, q.qualifier) for q in find_quantities(sentence)]


def test_an_amount_in_characters_reads_like_digits():
    assert named("生物医药和新一代电子信息产业率先突破千亿。") == [("生物医药和新一代电子信息产业率先", 1.0, "千亿元", "突破")]
    got = named("石家庄定下了“到2025年实现经济总量过万亿”的目标。")
    assert [(v, u) for _n, v, u, _q in got] == [(1.0, "万亿元")] and got[0][0].endswith("经济总量")
    assert [(v, u) for _n, v, u, _q in named("三大产业集群产值达万亿,生物医药产业也已进入国内第一方阵")] == [(1.0, "万亿元")]
    # a class, a label, a step count or an amount headed for is no figure
    for text in ("扎实推进“千项万亿”工程", "推动七大千亿产业发展", "正加速迈向万亿大关", "距离万亿GDP,仅差", "连跨两个千亿台阶",
                 "力争实现“万亿工业、千亿产业、百亿企业”目标", "陶瓷产业加快向千亿迈进"):
        assert all(u not in ("千亿元", "万亿元") for _n, _v, u, _q in named(text)), text
    assert normalized("营业收入超千亿元的企业") == "营业收入超1千亿元的企业"


def test_shuang_gives_both_holders_the_figure():
    got = named("预计到2025年,新能源领域产业规模、资本市场新能源常州板块市值双超万亿元,支撑制造业规模突破3万亿元")
    assert [(n, v, u) for n, v, u, _q in got][:2] == [("新能源领域产业规模", 1.0, "万亿元"), ("资本市场新能源常州板块市值", 1.0, "万亿元")]


def test_a_gap_to_a_reference_is_named_by_its_indicator():
    assert named("2025年1-5月,郑州市规上工业增加值同比增长8.4%,高于全国2.6个百分点")[-1] == \
        ("郑州市规上工业增加值同比增长高于全国", 2.6, "个百分点", "")
    got = named("工业利润率6.34%,同比提高41.8%,高于全国、全省0.95、2.2个百分点,全市工业发展质量进一步提升。")
    assert [(n, v) for n, v, u, _q in got if u == "个百分点"] == [("工业利润率同比提高高于全国", 0.95), ("工业利润率同比提高高于全省", 2.2)]


def test_time_words_only_name_nothing_the_indicator_before_does():
    got = named("全市地区生产总值从2020年的1510亿元,到今年预计可达2350亿元,年均增长7.4%,增速持续位居全省前列。")
    assert [n for n, *_ in got] == ["地区生产总值", "地区生产总值", "地区生产总值年均增长"]
    assert named("全市地区生产总值年均增长7.1%,2020年达到1671.87亿元;")[1][:3] == ("地区生产总值", 1671.87, "亿元")
    got = named("全市经济总量由“十三五”末的4505.23亿元提升至2024年的5777.41亿元,“十四五”末预计将迈上6000亿元台阶。")
    assert got[-1][:3] == ("经济总量", 6000.0, "亿元")


def test_a_growth_after_a_comma_list_and_a_gain_after_a_comparison():
    assert named("全年电子信息产业实现营业收入165.2亿元、增长28.8%。")[1][1:3] == (28.8, "%")
    assert "增长" in named("全年电子信息产业实现营业收入165.2亿元、增长28.8%。")[1][0]
    got = named("2020年,区域地区生产总值达到6884.41亿元,占全省的比重为16.4%,比2015年增加1987亿元、提高0.31个百分点;")
    assert [n for n, *_ in got[2:]] == ["区域地区生产总值比2015年增加", "占全省的比重比2015年提高"]
    assert named("全市固投预计年均增长5%以上,项目投资预计年均增长11%以上。") == [
        ("固投年均增长", 5.0, "%", "以上"), ("项目投资年均增长", 11.0, "%", "以上")]


def test_a_list_count_a_generic_measures_holder_and_goods_named_after_the_figure():
    got = named("省工信厅联合省财政厅发布2022年度山东省工业强县名单,全省共10个,荣成市位列其中。")
    assert [(n, v, u) for n, v, u, _q in got] == [("山东省工业强县", 10.0, "个")]
    assert named("万亿级园区将由石化板块、港口板块等构成,总量将超过11000亿元。")[0][:3] == ("万亿级园区总量", 11000.0, "亿元")
    got = named("位于上铅快速通道的瑞旭实业有限公司,总占地面积800亩,总投资30亿元,是集研发、生产一体的企业。")
    assert [n for n, *_ in got] == ["位于上铅快速通道的瑞旭实业有限公司总占地面积", "位于上铅快速通道的瑞旭实业有限公司总投资"]
    assert [(n, v, u) for n, v, u, _q in named("规划年深、精加工20万吨铝型材和15万千米电缆线。")] == [
        ("铝型材", 20.0, "万吨"), ("电缆线", 15.0, "万千米")]


def test_fenbie_shares_go_on_over_a_second_reference():
    got = named("滁州的光伏电池、组件、玻璃产能分别占安徽省的50%、60%、50%,全国的6%、11%、21%。")
    assert [(n, v) for n, v, _u, _q in got][1:] == [("组件产能占安徽省", 60.0), ("玻璃产能占安徽省", 50.0),
                                                   ("滁州的光伏电池产能占全国", 6.0), ("组件产能占全国", 11.0), ("玻璃产能占全国", 21.0)]


def test_units_as_written_and_an_amount_before_a_predicate():
    assert named("算力总规模突破100EFlops,智算占比超98%")[0][1:3] == (100.0, "EFlops")
    assert named("推进5G网络建设") == []  # 5G is no figure
    got = named("2024年16条产业链总营收达7099亿元,较2022年10条产业链的3885亿元接近翻番")
    assert 3885.0 in [v for _n, v, _u, _q in got]  # 接近翻番 is a predicate, not the amount's noun
    assert named("产值1亿元以上企业达到50家") == [("产值1亿元以上企业", 50.0, "家", "")]  # a condition stays one
