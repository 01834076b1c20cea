"""Round 23 of the policy extractor: the classes of round 22's held-out misses in general form
(docs/log/policy-rounds.md, round 23)."""

from __future__ import annotations

from tests.etl.nlp.plan_facts import facts as _facts, clusters as _clusters


def _targets(text):
    return {f.text: (f.value, f.unit, f.year, f.current) for f in _facts(text) if f.kind == "target"}


def test_growths_given_fenbie_under_a_comparison_take_the_indicators_before_them():
    # the figures stated before in the sentence (round 9's growth rule, for a 分别 list)
    got = _targets("2013年底实现销售收入1800亿元,上缴税金50亿元,同比分别增长20.3%和29.8%。")
    assert got["销售收入同比增长"][:2] == (20.3, "%") and got["上缴税金同比增长"][:2] == (29.8, "%")
    assert "同比" not in got
    # else the 、-list of the clause before
    got = _targets("去年第四季度,该区汽车制造业、金属制品业均实现较快增长,同比增速分别达到18.1%、9.2%。")
    assert got["汽车制造业同比增速"][0] == 18.1 and got["金属制品业同比增速"][0] == 9.2
    # a 分别 head that names an indicator keeps it
    got = _targets("光伏产业、船舶产业产值分别增长15.0%、31.4%。")
    assert not any(n.startswith("同比") for n in got)


def test_the_field_word_lingyu_ends_no_name_and_a_count_splits_a_bracketed_he():
    text = ("培育1个千亿级产业集群(先进钢铁材料及应用集群)、2个五百亿级产业集群(锂电新能源和电子信息领域),"
            "争创2个省级先进制造业集群(锂电新材料及应用、先进钢铁材料及应用领域)。")
    got = _clusters(text)
    assert {"锂电新能源", "电子信息", "锂电新材料及应用", "先进钢铁材料及应用"} <= set(got)
    assert not any(n.endswith("领域") or "和" in n for n in got) and got["电子信息"] == "五百亿级"
    # with no count that asks for it, 和 stays inside a name
    assert "石墨和石墨烯" in _clusters("培育省级产业集群(石墨和石墨烯)。")


def test_a_bracket_saying_what_a_chain_includes_is_no_name_and_no_list():
    text = ("聚力打造集成电路、生物医药、未来产业(含AI+、空天信息)3条先进制造业核心产业链和软件和信息服务(含工业设计)、"
            "科技服务(含科技创新、检验检测)、金融服务3条现代服务业核心产业链。")
    got = _clusters(text)
    assert {"集成电路", "生物医药", "软件和信息服务", "科技服务", "金融服务"} <= set(got)
    assert not any("(" in n or ")" in n or n in ("空天信息", "检验检测", "工业设计") for n in got)


def test_a_release_of_months_states_results_of_its_own_year():
    head = "# title: 1-7月泰州市产业集群产值增长5.5% (发布日期:2023-09-01)\n1-7月泰州市产业集群产值增长5.5%\n"
    body = "1-7月,泰州市产业集群合计完成产值3078.24亿元,同比增长5.5%。\n大健康产业完成产值790.09亿元,同比增长2.7%。\n"
    got = _targets(head + body)
    assert got["大健康产业完成产值"] == (790.09, "亿元", 2023, True) and len(got) == 4
    assert all(v[2:] == (2023, True) for v in got.values())
    # the same sentences without a period of months in title or body are no release
    got = _targets("# title: 泰州市产业集群 (发布日期:2023-09-01)\n大健康产业完成产值790.09亿元,同比增长2.7%。\n")
    assert got["大健康产业完成产值"][2:] == (None, False)


def test_a_peer_group_and_a_ranking_sample_are_no_figures_and_a_rank_among_peers_is_a_position():
    text = ("近日,2021年全国27个省会城市经济首位度排名出炉。2021年西宁GDP突破1500亿元,在全国27个省会城市中,"
            "增速排名由21位跃升到第9位,对全省贡献率提高4个百分点。")
    got = _targets(text)
    assert not any(v[0] in (27.0, 21.0, 9.0) for v in got.values())
    assert any(v[:2] == (1500.0, "亿元") for v in got.values()) and any(v[:2] == (4.0, "个百分点") for v in got.values())
    # a named ranking's rank stays a figure (徐州's 百强市第23位), and a count that is no ranking's sample stays a count
    assert any(v[:2] == (23.0, "位") for v in _targets("徐州位居全国先进制造业百强市排名第23位。").values())
    assert any(v[:2] == (27.0, "个") for v in _targets("全市共有27个省级产业集群。").values())


def test_what_follows_an_honour_verb_is_a_title_no_cluster():
    got = _clusters("宁晋县安全应急特色产业集群荣获省级安全应急产业特色集群;清河县汽车零部件产业集群获评国家中小企业特色产业集群。")
    assert set(got) == {"安全应急", "汽车零部件"}
    assert not any("荣获" in n or "获评" in n or n.startswith("省级") for n in got)


def test_a_list_after_qizhong_names_a_counted_groups_members():
    text = ("四大产业集群完成产值2288.15亿元,同比增长6.5%,其中,光伏和锂电产业、海工装备和高技术船舶产业、汽车零部件和精密制造"
            "产业产值分别增长15.0%、31.4%、15.9%。")
    assert {"光伏和锂电", "海工装备和高技术船舶", "汽车零部件和精密制造"} <= set(_clusters(text))
    # more items than the count, or items that name no field: no members
    assert not _clusters("全市培育2个产业集群,其中,光伏产业、船舶产业、汽车产业产值分别增长15%、31%、16%。")
    assert not _clusters("全市拥有4个产业集群,其中,企业、项目产值分别增长15%、16%。")


def test_gaps_listed_after_a_fenbie_clause_are_each_items_gap():
    got = _targets("光伏产业、船舶产业、汽车产业产值分别增长15.0%、31.4%、15.9%,高于规上工业平均水平10.9个百分点、27.3个百分点、"
                   "11.8个百分点。")
    gaps = {n: v[0] for n, v in got.items() if v[1] == "个百分点"}
    # each named by its item's indicator (as the 分别 clause names it) and the comparison
    assert gaps == {"光伏产业产值高于规上工业平均水平": 10.9, "船舶产业产值高于规上工业平均水平": 27.3,
                    "汽车产业产值高于规上工业平均水平": 11.8}
    # shares of a second reference still join with 占 (round 12)
    got = _targets("两市GDP分别占安徽省的50%、60%,全国的6%、11%。")
    assert any(n.endswith("占全国") for n in got)
