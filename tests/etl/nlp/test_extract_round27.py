"""Round 27 (issue 15 points 1, 2, 5): a county's or district's own text keeps its figures from its province."""

from etl.nlp.extract import extract_facts
from etl.nlp.own_county import province_of_county, title_county
from etl.nlp.region import plan_region
from ontology.loader import Ontology


def _subjects(text: str) -> dict[str, str]:
    return {f.text: f.subject for f in extract_facts(text, Ontology(clusters={}), source="t") if f.kind == "target"}


def test_short_county_name_in_the_title_is_the_county_only_where_one_county_has_it():
    assert title_county("河南长垣:“起重机之乡”迈向高成长", "河南省") == "长垣县"
    assert title_county("上海奉贤:力争到2027年…", "上海市") == "奉贤区"
    assert title_county("秭归将建设科技强县", None) == "秭归县"  # one 秭归县 in all China
    assert title_county("鼓楼将建设…", None) is None  # 鼓楼区 in four provinces: no guess
    assert title_county("稿件来源:新华社", "河南省") is None  # 新华区 (平顶山) is no actor of 新华社
    assert province_of_county("秭归县") == "湖北省" and province_of_county("鼓楼区") is None


def test_county_named_short_in_the_title_beats_its_province():
    text = ("河南长垣:起重机之乡迈向高成长\n年产起重整机30万台,国内市场占有率超过70%。记者在河南长垣采访了解到,"
            "河南省支持县域产业集群,河南省…河南省。")
    assert plan_region(text)["region"] == "长垣县"
    subjects = _subjects(text)
    assert subjects["国内市场占有率"] == "长垣县"


def test_municipal_district_with_its_city_before_it_in_the_opening_clause():
    text = "上海奉贤:力争到2027年新引进亿元以上新材料项目超过15个 培育产值十亿级的行业龙头企业2家以上\n上海市奉贤区印发方案。"
    subjects = _subjects(text)
    assert subjects and set(subjects.values()) == {"奉贤区"}


def test_county_in_the_title_line_beats_its_province_but_not_before_the_text_names_it():
    text = ("# title: a report on 湖北's 两会, with 秭归县's 2021 targets (秭归县, 湖北省)\n"
            "县域经济不强是湖北高质量发展的突出短板。《政府工作报告》部署:支持112个重点成长型产业集群扩规提质。湖北县域经济要强起来。\n"
            "秭归县将加快建设科技强县。“地区生产总值增长12%以上,城镇新增就业2800人以上”,秭归县已定下2021年主要预期目标。")
    assert plan_region(text)["region"] == "秭归县"
    subjects = _subjects(text)
    assert subjects["城镇新增就业"] == "秭归县"
    clusters = [s for n, s in subjects.items() if n.startswith("重点成长型产业集群")]
    assert clusters == ["湖北省"]  # before the text first names its county: the province's


def test_aim_stops_at_a_verb_of_its_own_after_a_figure():
    from etl.nlp.quantity import find_quantities
    qs = find_quantities("力争到2027年新引进亿元以上新材料项目超过15个培育产值十亿级的行业龙头企业2家以上")
    assert [(q.name, q.value, q.qualifier) for q in qs] == [("新引进亿元以上新材料项目", 15.0, "力争超过"),
                                                          ("产值十亿级的行业龙头企业", 2.0, "以上")]  # 15个 not named by 培育's object
    assert find_quantities("力争引进新材料项目超过15个、龙头企业20家以上")[-1].qualifier == "力争以上"  # no verb of its own


def test_fenbie_figures_take_the_parts_of_the_pair_their_clause_opens_with():
    text = "到2027年,全区高新技术企业和科技型企业在2022年的基础上实现“双倍增”,分别超过90家和870家;"
    got = {(f.text, f.value, f.qualifier) for f in extract_facts(text, Ontology(clusters={}), source="t") if f.kind == "target"}
    assert ("高新技术企业", 90.0, "超过") in got and ("科技型企业", 870.0, "超过") in got
    three = "全区A类企业和B类企业分别超过90家、870家和3家"  # three figures, two parts: no guess
    assert not any(f.text in ("A类企业", "B类企业") for f in extract_facts(three, Ontology(clusters={}), source="t"))


def test_counted_list_after_around_with_a_verb_following():
    from etl.nlp.framework_lists import counted_industries
    got = [(n, lv) for n, lv, _s in counted_industries(
        "围绕新一代信息技术、汽车制造、现代化工及能源、大健康、现代农产品加工五大万亿级支柱产业大力引进产业价值链中高端项目")]
    assert got == [("新一代信息技术", "万亿级"), ("汽车制造", "万亿级"), ("现代化工及能源", "万亿级"), ("大健康", "万亿级"),
                   ("现代农产品加工", "万亿级")]
    assert counted_industries("哈市围绕绿色农产品深加工、先进装备制造2大产业领域,建立链长制") == []  # 产业领域: no clusters
