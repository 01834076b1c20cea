"""Round 40: round 39's held-out misses read in general form (docs/log/policy-rounds.md "Round 40").
Each test is a made-up sentence of the shape a rule reads — never a plan's sentence."""

from etl.nlp.region import plan_region
from tests.etl.nlp.plan_facts import clusters as _clusters
from tests.etl.nlp.plan_facts import subjects as _subjects


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
