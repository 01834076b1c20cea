"""Round 38: the subject misses of round 37's held-out run read in general form (docs/log/policy-rounds.md "Round 38").
Each test is a made-up sentence of the shape a rule reads — never a plan's sentence."""

from etl.nlp.region import plan_region
from tests.etl.nlp.plan_facts import subjects as _subjects


def test_a_province_written_before_its_own_city_is_the_city_s_address():
    text = "今年前三季度,湖南省株洲市地区生产总值完成2600亿元,同比增长5.1%。"
    subs = _subjects(text)
    assert subs[2600.0] == "株洲市" and subs[5.1] == "株洲市"


def test_the_said_city_of_a_news_report_is_its_city():
    text = ("本报讯 近日,广西壮族自治区柳州市统计数据显示,该市2024年工业总产值突破5000亿元。"
            "该市新能源汽车产量占全区的60%以上,居广西首位。广西将继续支持该市发展。")
    assert plan_region(text)["region"] == "柳州市"
    assert set(_subjects(text).values()) == {"柳州市"}


def test_a_province_after_lies_in_is_where_the_city_is_not_whose_figure():
    text = "义乌地处浙江省中部,总面积1105平方公里。"
    assert _subjects(text)[1105.0] == "义乌市"


def test_a_province_s_own_figure_stays_the_province_s():
    text = "2024年,湖南省地区生产总值达5.3万亿元。株洲市新增规上工业企业200家。"
    subs = _subjects(text)
    assert subs[5.3] == "湖南省" and subs[200.0] == "株洲市"
