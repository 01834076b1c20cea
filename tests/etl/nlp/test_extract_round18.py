"""Round 18 of the policy extractor: places are GB/T 2260 names, a framework's lists with their count and class
head after them (docs/log/policy-rounds.md, round 18)."""

from __future__ import annotations

from etl.nlp.plan_clusters import find_clusters
from etl.nlp.region import find_places, plan_region


def _names(sentence):
    return [(c.name, c.level) for c in find_clusters(sentence)]


def test_a_place_is_a_gb2260_name_never_a_fragment_before_shi():
    # 产业立市, 工业立市: a slogan, not a city 业立市; 推进市…, 务副市长: no place either
    assert find_places("深入推进开放强市产业立市,全面唱响“工业立市、兴工强市”主旋律,常务副市长出席") == []
    # a county-level city of the table is found with its 市, a prefecture-level city with or without it
    assert [p.name for p in find_places("晋江市和胶州市、南阳的企业")] == ["晋江市", "胶州市", "南阳市"]
    assert plan_region("产业立市。力争全年全市制造业主营业务收入达到3000亿元。")["region"] is None


def test_a_framework_list_with_its_count_and_class_head_after_it():
    s = ("以烟草、工程机械、生物医药、大健康四大千亿支柱产业为重点,统筹推进新材料、新能源汽车、电子信息与人工智能、"
         "航空航天与军民融合四大新兴产业,重点培育打造现代卷烟")
    assert _names(s) == [("烟草", "千亿"), ("工程机械", "千亿"), ("生物医药", "千亿"), ("大健康", "千亿"),
                         ("新材料", None), ("新能源汽车", None), ("电子信息与人工智能", None), ("航空航天与军民融合", None)]
    # a list of future industries next to the framework's is no cluster list (fields still to grow)
    s = "壮大汽车、医药、模具与塑料等三大千亿产业,培育新材料、新能源、节能环保等三大未来产业"
    assert [n for n, _l in _names(s)] == ["汽车", "医药", "模具与塑料"]
    # round 30: a counted list with a qualifier names clusters of itself (the general label rule); without one it does not
    assert [n for n, _l in _names("统筹推进新材料、新能源汽车、电子信息三大新兴产业")] == ["新材料", "新能源汽车", "电子信息"]
    assert _names("统筹推进新材料、新能源汽车、电子信息三大产业") == []


def test_a_field_word_ending_in_hua_is_a_field_not_an_ization():
    assert _names("打造万亿级能化产业集群") == [("能化", "万亿级")]
    assert _names("推动产业集群现代化") == []  # 现代化: an -ization, no field


def test_a_field_put_on_a_cluster_list_is_a_cluster():
    assert [n for n, _l in _names("节能环保产业被纳入第一批国家战略性新兴产业集群")] == ["节能环保"]


def test_a_field_list_with_a_tier_before_industry_and_its_head_two_clauses_on():
    s = ("集中力量培育以牧原为链主的肉食品加工、以龙成为链主的特种钢、以想念为链主的面制品加工等优势产业,"
         "延链补链强链育链,不断厚植产业链集群发展新优势")
    assert [n for n, _l in _names(s)] == ["肉食品加工", "特种钢", "面制品加工"]
    # a measure of the list is no cluster framing
    assert _names("壮大集成电路、机器人等优势产业规模,争取更多产业集群入选") == []


def test_a_name_restated_with_a_bracket_is_one_name():
    from etl.nlp import extract_facts
    from ontology.loader import Ontology

    text = ("培育以卧龙防爆为链主的电驱防爆、以想念为链主的面制品加工、以牧原为链主的肉食品加工等优势产业,"
            "延链补链,厚植产业链集群发展新优势。电驱(防爆)、肉食品加工等一批超百亿级产业链正在形成。")
    chains = [f.text for f in extract_facts(text, Ontology(), source="t") if f.kind == "chain"]
    assert chains == ["电驱防爆", "面制品加工", "肉食品加工"]
