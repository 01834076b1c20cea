"""Round 35: round 34's held-out misses read in general form — an autonomous prefecture by its short form, and the
miss classes of docs/policy.md "Round 35 (method part)". Each test is a made-up sentence of the shape a rule reads."""

from etl.nlp.region import find_places
from tests.etl.nlp.plan_facts import facts


def _subjects(text: str) -> list[tuple]:
    return [(f.text, f.subject) for f in facts(text) if f.kind == "target"]


def test_an_autonomous_prefecture_written_in_full_is_its_short_form():
    assert [p.name for p in find_places("海西蒙古族藏族自治州、伊犁哈萨克自治州和恩施州")] == ["海西州", "伊犁州", "恩施州"]
    rows = _subjects("海西蒙古族藏族自治州盐湖化工产业产值达到300亿元。全州规上工业企业达到120家。")
    assert [s for _, s in rows] == ["海西州", "海西州"]
    assert _subjects("到2027年,伊犁哈萨克自治州新能源装机规模达到2000万千瓦。")[0][1] == "伊犁州"
