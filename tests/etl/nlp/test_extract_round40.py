"""Round 40: round 39's held-out misses read in general form (docs/log/policy-rounds.md "Round 40").
Each test is a made-up sentence of the shape a rule reads — never a plan's sentence."""

from etl.nlp.region import plan_region
from tests.etl.nlp.plan_facts import clusters as _clusters
from tests.etl.nlp.plan_facts import subjects as _subjects
from tests.etl.nlp.plan_facts import target_rows as _rows


# -- whose figure ------------------------------------------------------------------------------------------------

def test_a_county_made_a_city_after_2007_named_by_its_title_is_the_text_s():
    # 京山县 of the 2007 table is 京山市 today; a town's news item headed by it gives its figures to the county-level city
    text = "京山市某某镇:坚持产业强镇\n京山市某某镇坚持产业强镇。全镇规模以上工业企业达到30家,家庭农场120家。"
    assert plan_region(text)["region"] == "京山市"
    assert set(_subjects(text).values()) == {"京山市"}


def test_a_county_level_city_s_bare_development_zone_is_the_city_s():
    text = ("强链补链见成效\n2023-10-27 来源: 某报\n产业链让江阴开发区坚如磐石。今年上半年,江阴开发区实际使用外资4.5亿美元;"
            "江阴开发区新批项目占全区的73%。")
    assert set(_subjects(text).values()) == {"江阴市"}


def test_a_prefecture_city_s_development_zone_run_by_a_district_stays_unread():
    # 广州开发区 is run by 黄埔区: a bare 开发区 is read only after a county-level city
    text = "广州黄埔将实施制造计划\n黄埔区、广州开发区召开大会。2020年该区工业总产值达8033亿元,广州开发区规上服务业企业突破1000家。"
    assert _subjects(text)[8033.0] != "广州市"


def test_a_county_level_city_leading_the_headline_beats_the_city_governing_it():
    text = "大冶:加速动能转换\n大冶新签约项目42个,黄石市重点项目中大冶占了一半,大冶新能源汽车项目12个。"
    assert plan_region(text)["region"] == "大冶市"
    assert set(_subjects(text).values()) == {"大冶市"}


def test_a_county_level_city_opening_the_first_sentence_after_its_time_phrase_is_the_text_s():
    text = "今年上半年,宜兴全社会固定资产投资同比增长7.8%,高于无锡平均。无锡市重大项目中宜兴项目达到12个。"
    assert plan_region(text)["region"] == "宜兴市"


def test_a_prefecture_city_opening_the_first_sentence_stays_its_own():
    text = "今年上半年,无锡全社会固定资产投资同比增长7.8%。无锡市重大项目达到12个,宜兴占3个。"
    assert plan_region(text)["region"] == "无锡市"


# -- chains named in a clause ----------------------------------------------------------------------------------

def test_a_field_added_from_the_new_tune_golds_names_a_chain():
    assert set(_clusters("构建起棉花产业链、化纤及混纺产业链两大核心链条,形成全流程产业生态。")) == {"棉花", "化纤及混纺"}


def test_the_object_of_a_preposition_is_the_chain_not_the_clause_before_it():
    assert set(_clusters("该基地对某某县液压产业链的补充作用明显。")) == {"液压"}


def test_the_object_of_an_adverb_s_verb_is_the_chain():
    assert set(_clusters("全力补齐光伏产业链短板,提升配套能力。")) == {"光伏"}


def test_a_field_word_after_the_adverb_stays_in_the_name():
    assert set(_clusters("加快智能制造产业链建设。")) == {"智能制造"}


def test_a_list_of_links_after_a_field_names_that_field_s_chain():
    assert set(_clusters("当地已形成一条完整的电动船舶研发、设计、制造产业链。")) == {"电动船舶"}


def test_a_list_of_fields_before_a_chain_still_names_each():
    assert set(_clusters("构建电子信息、装备制造、新材料产业链。")) == {"电子信息", "装备制造", "新材料"}


# -- framework lists whose items are not one run of names ------------------------------------------------------

def test_a_classed_name_before_a_counted_group_is_a_group_of_its_own():
    assert _clusters("某市正在加速形成千亿级汽车产业、纺织服装和食品加工两个五百亿级产业。") == \
        {"汽车": "千亿级", "纺织服装": "五百亿级", "食品加工": "五百亿级"}


def test_a_counted_group_without_a_classed_first_name_is_read_as_before():
    assert _clusters("某市正在加速形成纺织服装、食品加工两个五百亿级产业。") == {"纺织服装": "五百亿级", "食品加工": "五百亿级"}


def test_a_description_between_its_list_and_its_count():
    assert set(_clusters("第一个“3”代表纺织服装、装备制造、电子信息等全县确定的三大主导产业;第二个“3”代表其他产业。")) == \
        {"纺织服装", "装备制造", "电子信息"}


def test_a_description_naming_no_count_names_nothing():
    assert _clusters("代表纺织服装、装备制造、电子信息等全县确定的产业。") == {}


_POINTS = ("今年以来,某县谋划明年工作,力争做大做强“三大主导产业”,实现产业发展大突破。"
           "一是以某某项目为重点,发展绿色食品加工产业。二是以景区创建为抓手,发展特色旅游产业。三是以市场升级为引领,突出发展商贸物流业。")


def test_a_quoted_count_named_by_points_that_close_on_their_industry():
    assert set(_clusters(_POINTS)) == {"绿色食品加工", "特色旅游", "商贸物流业"}


def test_points_that_do_not_run_in_order_name_nothing():
    assert _clusters(_POINTS.replace("二是", "四是")) == {}


def test_a_plus_coded_framework_names_its_groups_clause_by_clause():
    text = "某县构建“2+1+N”特色优势产业体系,即,光伏、电子信息产业,纺织服装产业,粮油、中药材及未来产业等,加快建设产业强县。"
    assert set(_clusters(text)) == {"光伏", "电子信息", "纺织服装"}


def test_a_plus_coded_framework_whose_clause_does_not_fit_its_digit_names_nothing():
    text = "某县构建“2+1+N”特色优势产业体系,即,光伏产业,纺织服装产业,粮油及未来产业等,加快建设产业强县。"
    assert _clusters(text) == {}


def test_a_year_before_a_cluster_name_is_when_not_what():
    assert set(_clusters("2023年纺织产业集群产值194.1亿元,成全省重点成长型产业。")) == {"纺织"}


# -- targets: ranks and points -----------------------------------------------------------------------------------

def _values(text: str) -> dict:
    return {(r[1], r[2]) for r in _rows(text)}


def test_a_rank_stated_with_its_year_is_a_figure():
    assert {(119.0, "位"), (89.0, "位")} <= _values("记者获悉,某县全国百强县排名由2021年的119位跃升至2023年的89位。")


def test_a_rank_in_a_named_ranking_may_be_written_with_ming():
    assert (28.0, "名") in _values("某县综合实力位居中国百强县第28名,经济总量稳步增长。")


def test_a_position_among_peers_stays_no_figure():
    assert (2.0, "名") not in _values("某县地区生产总值增速居全市第2名。")


def test_a_count_in_a_list_of_points_takes_the_points_unit():
    assert (3.0, "个百分点") in _values("今年上半年,某县投资、消费同比分别增长7.8%、17.2%,高于全市平均3个、18.4个百分点。")


def test_a_list_of_counts_keeps_its_own_unit():
    assert (3.0, "个") in _values("今年新增高新技术企业3个、专精特新企业5个。")


def test_a_county_level_city_written_bare_more_often_than_its_province_is_the_text_s():
    text = ("走进海滨小城\n江苏沿海,东台的滩涂面积居全省前列。东台的风电产业不断壮大,东台新增规上工业企业60家,"
            "东台的旅游收入增长12%。")
    assert plan_region(text)["region"] == "东台市"


def test_a_province_s_text_naming_a_county_level_city_once_stays_the_province_s():
    text = "江苏沿海经济带建设提速\n江苏沿海地区新增规上工业企业600家,江苏海上风电装机突破1000万千瓦,东台的滩涂面积居全省前列。"
    assert plan_region(text)["region"] == "江苏省"


def test_measure_words_of_wells_buildings_and_bags():
    values = _values("全县农田机井拥有量3.4万眼,温棚总数达7012栋,发展香菇218万袋。")
    assert {(3.4, "万眼"), (7012.0, "栋"), (218.0, "万袋")} <= values


def test_a_word_that_ends_in_a_measure_character_is_no_unit():
    assert not any(u in ("眼", "栋", "袋") for _v, u in _values("全县放眼长远,规上企业达到30家。"))


def test_an_amount_of_the_market_size_after_it_is_a_figure():
    assert (5000.0, "亿元") in _values("面对全国轴承产业5000亿元的市场规模和东部地区的先发优势,某区选择细分赛道。")


def test_an_amount_that_classes_the_firms_after_it_stays_a_condition():
    assert (10.0, "亿元") not in _values("引进产值10亿元的企业5家。")
