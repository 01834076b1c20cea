"""Round 24 of the policy extractor: the classes of round 23's held-out misses in general form
(docs/log/policy-rounds.md, round 24)."""

from __future__ import annotations

from tests.etl.nlp.plan_facts import facts as _facts, clusters as _clusters


def test_an_amount_before_each_name_is_its_scale_class():
    got = _clusters("汕头市加快打造超2000亿元新能源产业集群、超1000亿元新材料产业集群、超500亿元大健康产业集群。")
    assert got == {"新能源": "超2000亿元", "新材料": "超1000亿元", "大健康": "超500亿元"}
    # an amount followed by 的 is the cluster's output, not its class, and names no cluster
    assert _clusters("打造产值超7000亿元的产业集群。") == {}


def test_a_province_written_before_a_city_is_its_address():
    from etl.nlp.region import plan_region
    text = ("近年来,山东省东营经济开发区依托科技创新,科技聚力功能陶瓷材料、先进复合材料等2条优势产业链。目前,全区高新技术企业达到146家。\n"
            "东营市以新发展理念为统领,入围山东民营企业100强企业数居全省前列。")
    assert plan_region(text)["region"] == "东营市"
    subjects = {f.text: f.subject for f in _facts(text) if f.kind == "target"}
    assert subjects["优势产业链"] == "东营市" and subjects["高新技术企业"] == "东营市"


def test_a_counted_list_in_quotes_or_spaces_is_the_framework_of_a_cluster_sentence():
    got = _clusters("全力打造新型生态铝、现代林业、新能源、新材料“四大主导产业”,加快培育新质生产力,打造优势产业集群的结果。")
    assert set(got) == {"新型生态铝", "现代林业", "新能源", "新材料"}
    # no cluster or chain named in the sentence: a quoted list of another kind is only industries; a 主导 list names
    # clusters by the round-29 label rule
    # round 30: any qualifier names clusters (the general counted-list rule); a future list does not
    assert set(_clusters("全力打造新型生态铝、现代林业、新能源、新材料“四大新兴产业”。")) == {"新型生态铝", "现代林业", "新能源", "新材料"}
    assert _clusters("全力培育新型生态铝、现代林业、新能源、新材料“四大未来产业”。") == {}
    assert set(_clusters("全力打造新型生态铝、现代林业、新能源、新材料“四大主导产业”。")) == set(got)


def test_the_whole_sentence_names_the_framework_across_its_semicolons():
    got = _clusters("初步形成高端装备制造、新材料、生物医药、节能环保、新能源和新能源汽车等 6 大战略性新兴产业,特别是电子信息"
                    "从无到有 ;建成 10 个省重点成长型产业集群;")
    assert set(got) == {"高端装备制造", "新材料", "生物医药", "节能环保", "新能源", "新能源汽车"}
    # a ;-part of another 。-sentence does not count
    # (round 30: a counted list with a qualifier names clusters of itself; a future list does not, whatever the next sentence)
    assert _clusters("初步培育高端装备制造、新材料、生物医药、节能环保等 4 大未来产业。建成 10 个省重点成长型产业集群。") == {}


def test_a_sentence_opening_with_a_run_of_months_reports_it():
    text = ("眼下,走进百色的产业园区,项目工地上塔吊林立。\n"
            "今年1月至10月,百色市规模以上工业总产值完成1876.5亿元,同比增长15.1%。")
    cur = {f.value: f.current for f in _facts(text) if f.kind == "target"}
    assert cur[1876.5] is True and cur[15.1] is True
    # in a plan with its period, the run opens no report of its own here
    plan = "“十四五”时期(2021—2025年)目标。\n上半年,全市规模以上工业总产值力争达到1000亿元。"
    assert {f.value: f.current for f in _facts(plan) if f.kind == "target"}[1000] is False


def test_what_would_follow_if_is_no_figure():
    text = "亳州市已探明地热田面积76.8平方公里,若充分开发利用,每年可节约标准煤827万吨,减排二氧化碳20万吨。"
    values = {f.value for f in _facts(text) if f.kind == "target"}
    assert 827 not in values and 20 not in values and 76.8 in values
    # a condition under an aim keeps the aim's figure
    assert 100 in {f.value for f in _facts("若条件具备,力争到2025年全市产值可达到100亿元。") if f.kind == "target"}
