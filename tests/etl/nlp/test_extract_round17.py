"""Round 17 of the policy extractor: cluster lists announced by a framework, read wherever their items stand
(docs/log/policy-rounds.md, round 17)."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.plan_clusters import find_clusters


def _names(sentence):
    return [(c.name, c.level) for c in find_clusters(sentence)]


def test_a_framework_names_its_clusters_as_industries_counted_with_da():
    s = "推进全市“235”产业集群发展,壮大汽车零部件、生物医药等2大优势产业,培育新材料、节能环保、现代物流等3大新兴产业。"
    assert [n for n, _l in _names(s)] == ["汽车零部件", "生物医药", "新材料", "节能环保", "现代物流"]
    # the same list in a sentence that announces no framework (no cluster, no scale class) names no cluster
    # round 30: a counted list of a place's industries names clusters whatever its qualifier (the general label rule)
    assert [n for n, _l in _names("新材料、节能环保、现代物流等3大新兴产业增长较快。")] == ["新材料", "节能环保", "现代物流"]
    assert _names("新材料、节能环保、现代物流等3大产业增长较快。") == []  # no qualifier: no list of the place's industries
    # a count that does not fit the list is no framework's list — unless 等 says the list names some of its count
    # (round 20, 长寿's gold: 加快发展新材料、装备制造等六大产业,…产业集群 names two of the six)
    assert _names("推进产业集群发展,培育新材料、节能环保3大新兴产业。") == []
    assert [n for n, _l in _names("推进产业集群发展,培育新材料、节能环保等3大新兴产业。")] == ["新材料", "节能环保"]


def test_a_counted_list_with_its_scale_class_before_industry():
    assert _names("到2027年,形成电子信息、装备制造、绿色食品3个千亿产业。") == \
        [("电子信息", "千亿"), ("装备制造", "千亿"), ("绿色食品", "千亿")]


def test_a_field_list_a_clause_before_its_cluster_head():
    s = "围绕新能源、高端装备、生物医药等新兴产业,建设专业园区,培育特色产业集群。"
    assert [n for n, _l in _names(s)] == ["新能源", "高端装备", "生物医药"]


def test_groups_each_closed_by_their_own_scale_class():
    s = "新增高端装备和新能源汽车千亿级、现代物流五百亿级、绿色食品和文化旅游百亿级产业集群。"
    assert _names(s) == [("高端装备", "千亿级"), ("新能源汽车", "千亿级"), ("现代物流", "五百亿级"),
                         ("绿色食品", "百亿级"), ("文化旅游", "百亿级")]


def test_a_list_starts_after_the_post_its_members_take():
    s = "5名负责同志分别担任新能源、新材料、生物医药等3条产业链链长。"
    assert [n for n, _l in _names(s)] == ["新能源", "新材料", "生物医药"]


def test_a_district_in_front_of_a_name_is_where_not_what():
    assert [n for n, _l in _names("江北区智能装备产业集群、某某市高新区光电信息产业集群入选。")] == ["智能装备", "光电信息"]


def test_a_long_name_is_a_name_when_built_of_fields():
    s = "新能源与智能网联汽车制造和服务全链条融合产业集群入选名单。"
    assert [n for n, _l in _names(s)] == ["新能源与智能网联汽车制造和服务全链条融合"]
    assert _names("以链长制为抓手推动全市重点产业高质量发展的产业集群。") == []


def test_the_fields_a_chain_covers_and_a_head_inside_another_list_name_nothing():
    assert _names("打造覆盖电子元器件、机载模组、防护救生等领域的完整产业链。") == []
    assert _names("在制造业升级、服务业提质、产业链协同等方面基础坚实。") == []


def test_a_projects_numbered_label_is_no_part_of_the_name():
    assert [n for n, _l in _names("推进纺谷109华中纺织产业集群项目建设。")] == ["华中纺织"]


def test_a_framework_item_the_plan_names_as_a_chain_is_that_chain(small_onto):
    text = ("推进产业集群发展,培育新材料、节能环保、现代物流等3个特色产业。"
            "新材料、节能环保、现代物流3条产业链现代化水平提升。")
    named = sorted((f.kind, f.text) for f in extract_facts(text, small_onto, source="t") if f.kind in ("cluster", "chain"))
    # round 30: the counted list names clusters by the label rule, so the chains of the same names stand beside them
    assert [n for k, n in named if k == "chain"] == ["新材料", "现代物流", "节能环保"]
    assert sorted(n for k, n in named if k == "cluster") == sorted(["新材料", "现代物流", "节能环保"])


def test_a_city_text_naming_its_province_more_often_is_the_citys():
    from etl.nlp.region import plan_region
    body = "德阳3户企业入列四川省名单。四川省重大技术装备项目落地。四川省百强企业增加。"
    assert plan_region(body)["region"] == "德阳市"
    # a province's text that names a city later stays the province's; a city of another province does not take it over
    assert plan_region("四川省企业入列名单。四川省重大项目落地于德阳。四川省百强企业增加。")["region"] == "四川省"
    assert plan_region("苏州企业入列四川省名单。四川省重大项目落地。四川省百强企业增加。")["region"] == "四川省"
    # a headline that leads with a city whose name is a common word (中山) makes it the text's
    title = "# title: 广东省行动计划发布 中山将打造先进材料产业集群\n广东省提出发展先进材料。广东省将加快建设。"
    assert plan_region(title)["region"] == "中山市"
    # a city that is the object of the headline (…落户湘潭) is not the text's own
    title = "# title: 湖南两个产业园“落户”湘潭\n湖南省发改委出台通知。湖南省布局产业园。湖南省推进建设。"
    assert plan_region(title)["region"] == "湖南省"


def test_a_report_cue_makes_the_aimless_rest_of_its_paragraph_report(small_onto):
    text = "某市10户企业入选省级百强名单,居全省前列。新增2户百亿企业,培育单项冠军企业3户。\n"
    got = {(f.value, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert (2.0, True) in got and (3.0, True) in got
    # a text that states an aim keeps 新增 and 培育 as aims
    text = "到2025年,全市发展壮大。某市10户企业入选省级百强名单,居全省前列。新增2户百亿企业,培育单项冠军企业3户。\n"
    got = {(f.value, f.current) for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert (2.0, False) in got and (3.0, False) in got
