"""Round 32 (issue 15 points 1, 2 and 5): a county by the name the text gives it today; a copy's ASCII list commas and
periods; field heads of the round-31 golds; stage words (上游…) name no chain; a paragraph that opens with a county is
that county's; a firm's site (brand + place + 基地) holds its own figures; a counted list's last 特色产业 counts the
rest; 到“十四五”期末 dates the sentences after it."""

from etl.nlp.own_county import later_names
from tests.etl.nlp.plan_facts import clusters, facts, target_rows


def _subjects(text: str) -> dict:
    return {f.text: f.subject for f in facts(text) if f.kind == "target"}


def test_a_county_the_text_names_as_a_city_has_its_later_name():
    text = ("这座小城名叫邵东,湖南省辖县级市,由邵阳市代管。2024年,邵东打火机产业产值达到148亿元,"
            "占邵东市工业总产值的17%以上。")
    assert set(_subjects(text).values()) == {"邵东市"}  # 邵东县 in the GB/T 2260-2007 table, a city since 2019
    assert later_names("邵东县打火机产业产值达到148亿元,邵东市场") == {}  # written as 县: the 2007 name stays
    assert later_names("通州区工业总产值") == {}  # 通州区 is a place of its own (北京), no later name of a 县


def test_a_copy_with_ascii_commas_and_periods_reads_its_lists_and_sentences():
    text = ("按照\"全产业链打造,全产业链提升\"思路,重点发展乳品,肉制品,主食糕点,干鲜果品储运产业链整合提升."
            "着力推进有市场前景,成长性良好的功能食品,保健品,化妆品,饮品(茶品)产业链发展培育.")
    found = set(clusters(text))
    assert {"乳品", "肉制品", "主食糕点", "干鲜果品储运", "功能食品", "保健品", "化妆品", "饮品(茶品)"} <= found
    assert not any("思路" in n or "全产业链" in n for n in found)
    # a clause list that no head closes stays a clause list
    assert clusters("坚持市场主导,企业主体,合理布局,科技支撑,融合发展原则.") == {}


def test_agri_food_items_under_a_count_are_clusters():
    found = clusters("做强粮油、蔬菜、水果等3个农产品加工产业集群。")
    assert {"粮油", "蔬菜", "水果"} <= set(found)


def test_stage_words_name_the_stages_of_one_chain_not_chains():
    text = "集群目前已形成“上游汽车零部件、中游底盘制造、下游专用车改装”完备产业链条,拥有专用车生产资质企业85家。"
    assert not any(n.startswith(("上游", "中游", "下游")) for n in clusters(text))


def test_a_paragraph_that_opens_with_a_county_gives_its_figures_to_that_county():
    text = ("随州市三产业集群入选2024年湖北省县域特色产业集群\n"
            "近日,随州市三个产业集群入选湖北省县域特色产业集群,全市规上工业增加值增长8%。\n"
            "曾都区新能智能专用汽车产业集群目前已形成完备产业链条,拥有专用车生产资质企业85家。\n"
            "随州市将继续培育特色产业集群,全市新增规上企业100家。")
    subjects = _subjects(text)
    assert subjects["专用车生产资质企业"] == "曾都区"
    assert subjects["规上工业增加值增长"] == "随州市"  # the city's own paragraph stays the city's
    assert not any(s == "曾都区" for n, s in subjects.items() if "规上企业" in n and "资质" not in n)


def test_a_firms_site_named_by_brand_and_place_holds_its_own_figures():
    text = "今年前5个月,长城汽车荆门基地生产整车67503辆,同比增长15.6%,产值达138.28亿元。前5个月,全市工业产值增长8.2%。"
    assert [r[1] for r in target_rows(text)] == [8.2]  # the site's three figures are the firm's; the city's stays
    assert 100.0 in [r[1] for r in target_rows("到2025年,荆门生产基地产值达到100亿元。")]  # a place's base, no firm


def test_a_counted_list_whose_last_item_counts_the_rest():
    found = clusters("培育壮大龙头企业,形成面制品、肉制品、速冻食品、休闲食品、特色产业等五大主导产业。")
    assert set(found) == {"面制品", "肉制品", "速冻食品", "休闲食品"}  # 特色产业: the rest, no field
    assert clusters("形成新材料、电子信息、特色产业、纺织等四大主导产业。") == {}  # not the last item: no rest


def test_a_sentence_opened_by_the_periods_end_dates_the_sentences_after_it():
    text = "到2022年,全市总产值突破300亿元;到“十四五”期末,全市产值达到350亿元。农产品加工转化率达到70%以上。"
    years = {r[0]: r[3] for r in target_rows(text)}
    assert years["农产品加工转化率"] == 2025


def test_a_class_written_once_for_two_counted_groups():
    text = "即打造电子信息、生物医药(大健康)2个千亿级,烟花爆竹、智能装备2个五百亿级产业,以及若干百亿级产业。"
    assert clusters(text) == {"电子信息": "千亿级", "生物医药(大健康)": "千亿级", "烟花爆竹": "五百亿级", "智能装备": "五百亿级"}
    assert clusters("培育电子信息、生物医药2个千亿级,打造一流营商环境。") == {}  # no second group's 产业 closes it
