"""Round 23 of the policy extractor: the classes of round 22's held-out misses in general form (docs/policy.md, round 23)."""

from __future__ import annotations

from etl.nlp import extract_facts
from ontology.loader import Ontology


def _facts(text):
    return extract_facts(text, Ontology(), source="t")


def _targets(text):
    return {f.text: (f.value, f.unit, f.year, f.current) for f in _facts(text) if f.kind == "target"}


def _clusters(text):
    return {f.text: f.level for f in _facts(text) if f.kind in ("cluster", "chain")}


def test_growths_given_fenbie_under_a_comparison_take_the_indicators_before_them():
    # the figures stated before in the sentence (round 9's growth rule, for a 分别 list)
    got = _targets("2013年底实现销售收入1800亿元,上缴税金50亿元,同比分别增长20.3%和29.8%。")
    assert got["销售收入同比增长"][:2] == (20.3, "%") and got["上缴税金同比增长"][:2] == (29.8, "%")
    assert "同比" not in got
    # else the 、-list of the clause before
    got = _targets("去年第四季度,该区汽车制造业、金属制品业均实现较快增长,同比增速分别达到18.1%、9.2%。")
    assert got["汽车制造业同比增速"][0] == 18.1 and got["金属制品业同比增速"][0] == 9.2
    # a 分别 head that names an indicator keeps it
    got = _targets("光伏产业、船舶产业产值分别增长15.0%、31.4%。")
    assert not any(n.startswith("同比") for n in got)
