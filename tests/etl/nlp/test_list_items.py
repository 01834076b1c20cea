"""etl/nlp/list_items.py (round 18): the list-item reader — its segmentation, its model, and how extract uses it."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp import list_items as li
from ontology.loader import Ontology


def test_items_are_cut_from_their_lead_and_their_closing_words():
    s = "集中力量培育以牧原为链主的肉食品加工、以想念为链主的面制品加工等优势产业,延链补链强链育链"
    items = li.list_items(s)
    assert [i.name for i in items] == ["肉食品加工", "面制品加工"]
    assert items[1].feats["t_deng"] == 1.0 and items[1].feats["t_industry"] == 1.0 and items[1].feats["t_chain"] == 0.0
    assert [(i.name, i.level) for i in li.list_items("以烟草、工程机械四大千亿支柱产业为重点")] == \
        [("烟草", "千亿"), ("工程机械", "千亿")]
    # a count is no item, a bracket is part of its item
    assert [i.name for i in li.list_items("推动16条、智能家电(家居)、新能源汽车等产业链")] == ["智能家电(家居)", "新能源汽车"]
    # a list that runs to the end of the sentence under a title naming 产业链: an open list, kind chain
    heads = li.title_heads("# title: 常德市打造优势产业链三年行动计划\n正文")
    items = li.list_items("重点培育打造现代卷烟、车桥、混凝土设备", heads)
    assert [(i.name, i.kind, i.feats["title_open"]) for i in items] == \
        [("现代卷烟", "chain", 1.0), ("车桥", "chain", 1.0), ("混凝土设备", "chain", 1.0)]


def test_the_reader_adds_what_its_model_calls_a_name_and_the_rules_did_not_take():
    model = {"features": ["title_open", "field"], "weights": [3.0, 2.0], "bias": -4.0, "threshold": 0.5}
    text = "# title: 某市打造优势产业链三年行动计划\n重点培育打造现代卷烟、车桥、混凝土设备。"
    chains = [f.text for f in extract_facts(text, Ontology(), source="t", list_model=model) if f.kind == "chain"]
    assert chains == ["车桥", "混凝土设备"]  # 现代卷烟 names no field word: 3 - 4 < 0
    assert [f for f in extract_facts(text, Ontology(), source="t", list_model=None) if f.kind == "chain"] == []


def test_the_shipped_weights_name_features_the_reader_gives():
    model = li.load_model()
    assert model is not None and 0 < model["threshold"] < 1 and len(model["weights"]) == len(model["features"])
    given = set(li.list_items("重点培育高端装备、现代卷烟、车桥3条产业链")[0].feats)
    assert set(model["features"]) <= given and not any(f.startswith("r_") for f in model["features"])
