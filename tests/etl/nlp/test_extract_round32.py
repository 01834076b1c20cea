"""Round 32 (issue 15 points 1, 2 and 5): a county by the name the text gives it today; …"""

from etl.nlp.own_county import later_names
from tests.etl.nlp.plan_facts import facts


def _subjects(text: str) -> dict:
    return {f.text: f.subject for f in facts(text) if f.kind == "target"}


def test_a_county_the_text_names_as_a_city_has_its_later_name():
    text = ("这座小城名叫邵东,湖南省辖县级市,由邵阳市代管。2024年,邵东打火机产业产值达到148亿元,"
            "占邵东市工业总产值的17%以上。")
    assert set(_subjects(text).values()) == {"邵东市"}  # 邵东县 in the GB/T 2260-2007 table, a city since 2019
    assert later_names("邵东县打火机产业产值达到148亿元,邵东市场") == {}  # written as 县: the 2007 name stays
    assert later_names("通州区工业总产值") == {}  # 通州区 is a place of its own (北京), no later name of a 县
