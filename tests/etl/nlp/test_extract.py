"""Policy-text extraction: a made-up paragraph in another city's style, and the real Taizhou plan
against the curated targets of ontology/policy.yaml."""

from __future__ import annotations

import re

import pytest

from etl.nlp import extract_facts, extract_file, read_text
from etl.nlp.quantity import find_targets, find_year

OTHER_CITY = (
    "宁波市汽车产业高质量发展行动方案\n"
    "一、发展目标\n"
    "到2027年，全市汽车产业产值达到5000亿元，培育百亿级企业10家。新能源汽车产量占比提高到45%以上，"
    "研发经费支出占主营业务收入比重达到3.5%；亩均税收40万元/亩。\n"
    "二、重点任务\n"
    "推动汽车产业加快发展新能源汽车、智能网联汽车和汽车电子，突破燃料电池关键材料和车规级芯片关键技术，"
    "着力解决“卡脖子”问题。到2030年，建成省级以上企业技术中心25个。\n"
)


def targets(facts):
    return {(f.text, f.value, f.unit, f.year) for f in facts if f.kind == "target"}


def test_other_city_targets(small_onto):
    facts = extract_facts(OTHER_CITY, small_onto, source="demo")
    got = targets(facts)
    assert ("汽车产业产值", 5000.0, "亿元", 2027) in got
    assert ("百亿级企业", 10.0, "家", 2027) in got
    assert ("新能源汽车产量占比", 45.0, "%", 2027) in got      # year carried from the paragraph
    assert ("研发经费支出占主营业务收入比重", 3.5, "%", 2027) in got
    assert ("亩均税收", 40.0, "万元/亩", 2027) in got
    assert ("省级以上企业技术中心", 25.0, "个", 2030) in got
    t = next(f for f in facts if f.text == "汽车产业产值")
    assert t.cluster == "auto" and t.source == "demo" and "5000亿元" in t.sentence


def test_other_city_clusters_directions_technologies(small_onto):
    facts = extract_facts(OTHER_CITY, small_onto, source="demo")
    dirs = {(f.text, f.cluster) for f in facts if f.kind == "direction"}
    assert {("新能源汽车", "auto"), ("智能网联汽车", "auto"), ("汽车电子", "auto")} <= dirs
    # 汽车产业 is named as an industry only (no 集群, no 产业链): not a cluster of the plan's, but its directions' home
    assert not [f for f in facts if f.kind in ("cluster", "chain")]
    ind = [f for f in facts if f.kind == "industry" and f.cluster == "auto"]
    assert len(ind) == 1 and "新能源汽车" in ind[0].terms
    tech = {(f.text, f.ref_id) for f in facts if f.kind == "technology"}
    assert ("燃料电池关键材料", "tech-fuel-cell") in tech
    assert any(t.startswith("车规级芯片") for t, _ in tech)
    assert any("卡脖子" in f.terms for f in facts if f.kind == "technology")


def test_quantity_shapes():
    got = [(n, v, u) for n, v, u, _q, _s in find_targets(
        "打造1个以上世界级先进制造业集群、7个左右国家级示范基地;产值1亿元以上企业精细化管理全覆盖")]
    assert got == [("世界级先进制造业集群", 1.0, "个"), ("国家级示范基地", 7.0, "个"),  # 1亿元以上企业 = condition
                   ("产值1亿元以上企业精细化管理覆盖率", 100.0, "%")]                      # 全覆盖 = 100 %
    got = [(n, v, u) for n, v, u, _q, _s in find_targets("国家级、市级专精特新企业分别达到20家以上、250家以上")]
    assert got == [("国家级专精特新企业", 20.0, "家"), ("市级专精特新企业", 250.0, "家")]
    assert find_year("2019年12月4日印发") is None and find_year("力争到2025年") == 2025


def test_read_text_gbk(tmp_path, small_onto):
    p = tmp_path / "plan.txt"
    p.write_bytes(OTHER_CITY.encode("gbk"))
    assert read_text(p) == OTHER_CITY
    assert ("汽车产业产值", 5000.0, "亿元", 2027) in targets(extract_file(p, small_onto))


def test_real_plan_recall_against_curated_targets(need_shared):
    plan = need_shared("seeds/taizhou-manufacturing-plan-2020-2025.txt")
    from ontology.loader import load_ontology
    onto = load_ontology()
    curated = [t for t in onto.targets if t.value is not None]
    if not curated:
        pytest.skip("ontology/policy.yaml has no targets yet")
    facts = [f for f in extract_file(plan, onto) if f.kind == "target"]

    def same(f, t) -> bool:  # same value/unit/year and a similar indicator name
        name = re.sub(r"[“”\"]|（.*?）|\(.*?\)", "", t.name)
        overlap = len(set(name) & set(f.text)) / max(1, len(set(name)))
        return (f.value, f.unit, f.year) == (float(t.value), t.unit, t.year) and overlap >= 0.6

    missed = [t for t in curated if not any(same(f, t) for f in facts)]
    recall = 1 - len(missed) / len(curated)
    print(f"curated-target recall: {recall:.2%} ({len(curated) - len(missed)}/{len(curated)}); missed: "
          + ", ".join(f"{t.name}={t.value}{t.unit}@{t.year}" for t in missed))
    assert recall >= 0.8, missed
    # the plan names its seven clusters as industries (积极引导汽车产业加快…), each with its directions
    industries = {f.cluster for f in extract_file(plan, onto) if f.kind == "industry"}
    assert {"auto", "sewing"} <= industries
