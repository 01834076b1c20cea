"""Round 34 (issue 15 points 1, 2 and 5): a figure named by a fragment or a bare measure — round 33's held-out misses,
read in general form (etl/nlp/name_guard.py)."""

from etl.nlp.name_guard import is_function_only
from etl.nlp.quantity import find_quantities
from tests.etl.nlp.plan_facts import clusters


def _names(text: str) -> list[tuple]:
    return [(q.name, q.value, q.unit) for q in find_quantities(text)]


def test_a_scope_word_after_a_lead_verb_names_nothing():
    assert _names("立足全县4万亩优质酿酒葡萄基地,年生产能力达9万吨")[0] == ("优质酿酒葡萄基地", 4.0, "万亩")
    assert is_function_only("立足全县") and not is_function_only("全县茶园")


def test_a_verb_of_reaching_is_no_part_of_the_name():
    assert _names("经济总量已迈上千亿元台阶")[0][0] == "经济总量"
    assert _names("全区营业收入已跨上500亿元台阶")[0][0] == "营业收入"


def test_a_multiple_against_a_past_year_is_the_figure_before():
    names = _names("人均GDP达4.99万元、是2012年的2.49倍,均实现翻番。")
    assert names[1] == ("人均GDP是2012年的", 2.49, "倍")
    assert _names("是2012年的2.3倍")[0][0] == ""  # no figure before: no holder is made up


def test_a_bare_investment_after_a_count_of_projects_is_theirs():
    text = "现场29个重点项目集中签约,计划总投资184亿元;15个重点项目集中开工,计划总投资88.7亿元。"
    assert [n for n, *_ in _names(text)][1::2] == ["集中签约重点项目计划总投资", "集中开工重点项目计划总投资"]
    # after a figure that is no count of projects, the measure keeps its name
    assert _names("园区面积10平方公里,计划总投资50亿元")[1][0] == "计划总投资"


def test_a_list_owned_by_firms_names_no_chains():
    text = ("精准分析山钢集团日照有限公司和日钢集团两家企业的原材料、耐材、环保设备、维保外包、贸易物流等产业链全链条企业"
            "具体情况。")
    assert clusters(text) == {}
    assert set(clusters("重点发展原材料、环保设备、贸易物流等产业链。")) == {"原材料", "环保设备", "贸易物流"}


def test_a_county_prefix_an_example_word_and_a_passive_verb_are_no_part_of_a_name():
    found = clusters("其中昌黎县葡萄酒、毛皮产业被列入河北省重点支持的个县域特色产业集群。")
    assert "葡萄酒" in found and "县葡萄酒" not in found  # the county goes whole with its unit, not its short name
    assert not any(n.endswith("被") for n in found)
    found = clusters("此外秦市还有一些规模较小县域产业集群,如昌黎县粉丝产业集群、昌黎县制帽产业集群、卢龙县葡萄酒产业集群等。")
    assert set(found) == {"粉丝", "制帽", "葡萄酒"}
    assert "如皋" in "".join(clusters("重点发展如皋纺织产业集群。"))  # 如 of a place's own name stays


def test_a_counted_framework_listing_its_members_by_county_names_them():
    text = ("秦皇岛市共有重点县域特色产业集群6个,包括昌黎县葡萄酒、高端金属、毛皮产业;卢龙县甘薯、装配式建筑产业;"
            "青龙县特色农产品深加工产业等,其中昌黎县葡萄酒、毛皮产业被列入河北省重点支持的县域特色产业集群。")
    assert set(clusters(text)) == {"葡萄酒", "高端金属", "毛皮", "甘薯", "装配式建筑", "特色农产品深加工"}
    # a count that does not agree with the items names none of them
    assert "甘薯" not in clusters(text.replace("集群6个", "集群8个"))


def test_a_numbering_word_opens_no_cluster_name_and_no_section():
    from etl.nlp.layout import heading_cluster
    para = "一是干红酒酿造产业集群。立足全县4万亩优质酿酒葡萄基地,以华夏公司等31家酿酒企业为龙头,年生产能力达9万吨。"
    assert "干红酒酿造" in clusters(para) and not any(n.startswith("一是") for n in clusters(para))
    assert heading_cluster(para, None) is None  # running text of the county, not a cluster's section
    assert heading_cluster("1.高端装备产业集群", None) == "高端装备"  # a heading line still opens one


def test_a_paragraph_opening_on_other_clusters_ends_a_section():
    from etl.nlp.layout import heading_cluster
    para = "另有“中国北方聚氨酯产业集群”“有色金属深加工产业集群”“新型建材产业集群”等。"
    assert heading_cluster(para, "兴城泳装") is None
    assert "中国北方聚氨酯" in clusters(para)
