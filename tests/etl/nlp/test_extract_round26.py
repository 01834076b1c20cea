"""Round 26 (issue 15 points 1, 2, 5): figures written in traditional characters."""

from etl.nlp.extract import extract_facts
from etl.nlp.quantity import find_quantities
from etl.nlp.traditional import simplified


def test_traditional_units_read_and_kept_as_written():
    text = "周口港現已開通7條國內集裝箱航線。2022年港口集裝箱吞吐量4.1萬標箱,貨物吞吐量3305萬噸。"
    got = {(q.name, q.value, q.unit) for q in find_quantities(text)}
    assert ("國內集裝箱航線", 7.0, "條") in got
    assert ("港口集裝箱吞吐量", 4.1, "萬標箱") in got
    assert ("貨物吞吐量", 3305.0, "萬噸") in got


def test_traditional_mapping_keeps_length_and_leaves_simplified_text_alone():
    s = "力爭到2025年,產值超過1萬億元,企業約2萬家"
    assert len(simplified(s)) == len(s)
    plain = "力争到2025年,产值超过1万亿元,企业约2万家"
    assert simplified(plain) == plain
    assert [(q.value, q.unit, q.qualifier) for q in find_quantities(plain)] == [(1.0, "万亿元", "力争超过"), (2.0, "万家", "力争约")]
    assert [(q.value, q.unit, q.qualifier) for q in find_quantities(s)] == [(1.0, "萬億元", "力争超过"), (2.0, "萬家", "力争约")]


def test_traditional_qualifier_read():
    """Qualifiers are words of the reader's vocabulary: reported in their simplified form (as the gold's words)."""
    qs = find_quantities("規上工業企業突破2200家,產值超過500億元")
    assert [(q.value, q.unit, q.qualifier) for q in qs] == [(2200.0, "家", "突破"), (500.0, "億元", "超过")]


def test_short_county_name_cut_only_where_the_text_names_the_county():
    from etl.nlp.place_prefix import short_place_cut
    assert short_place_cut("濉溪铝基", "截至目前,濉溪县有涉铝企业80余家,全力打造濉溪铝基产业集群") == "铝基"
    assert short_place_cut("濉溪铝基", "全力打造濉溪铝基产业集群") == "濉溪铝基"  # the text never says 濉溪 is a county
    assert short_place_cut("江山纺织", "江山市纺织产业") == "纺织"
    assert short_place_cut("濉溪", "濉溪县") == "濉溪"  # nothing would be left of the name


def test_short_county_name_cut_in_extraction():
    from ontology.loader import Ontology
    text = "濉溪县有涉铝企业80余家。濉溪县按照“强龙头、补链条、聚集群”的思路,全力打造濉溪铝基产业集群。"
    names = {f.text for f in extract_facts(text, Ontology(clusters={}), source="t") if f.kind == "cluster"}
    assert "铝基" in names and "濉溪铝基" not in names


def test_entering_a_five_year_period_ends_the_reported_year():
    from ontology.loader import Ontology
    text = ("# title: 黄埔区召开动员大会 (2021)\n数据显示,2020年该区工业总产值达8033亿元。迈进“十四五”,该区坚定实施“制造计划”,"
            "打造以汽车制造为主的2个两千亿级产业集群。")
    facts = {f.text: f for f in extract_facts(text, Ontology(clusters={}), source="t") if f.kind == "target"}
    counted = next(f for n, f in facts.items() if "两千亿级" in n)
    assert counted.value == 2.0 and not counted.current and counted.year != 2020
    reported = next(f for n, f in facts.items() if "工业总产值" in n)
    assert reported.current and reported.year == 2020


def test_rate_named_by_its_span_of_years_takes_the_indicator_before():
    qs = find_quantities("规模以上工业单位增加值能耗累计下降48.3%,10年年均下降6.4%,重点行业能效提升")
    assert [(q.name, q.value) for q in qs][:2] == [("规模以上工业单位增加值能耗累计下降", 48.3),
                                                 ("规模以上工业单位增加值能耗10年年均下降", 6.4)]
    qs = find_quantities("营业收入同比增长10%,近三年年均增长8%")
    assert qs[-1].name == "营业收入近三年年均增长"


def test_place_and_status_phrase_before_a_cluster_name():
    from ontology.loader import Ontology
    text = "作为曾经的“原铝输出地”,滨州已成为国家级高端铝材创新型产业集群的核心承载地。"
    names = {f.text for f in extract_facts(text, Ontology(clusters={}), source="t") if f.kind == "cluster"}
    assert any(n.startswith("高端铝材") for n in names) and not any("滨州" in n or "成为" in n for n in names)
    from etl.nlp.cluster_names import field_of
    assert field_of("高端铝材创新型") == "高端铝材"
