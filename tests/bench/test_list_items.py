"""bench/list_items.py and bench/list_items_cv.py (round 18): the list-item reader's segmentation and the CV's counts."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np

from chainkg.settings import PROJECT_ROOT

_spec = importlib.util.spec_from_file_location("list_items_cv", PROJECT_ROOT / "bench" / "list_items_cv.py")
cv = importlib.util.module_from_spec(_spec)
sys.modules["list_items_cv"] = cv
_spec.loader.exec_module(cv)
li = cv.li


def test_items_are_cut_from_their_lead_and_their_closing_words():
    s = "集中力量培育以牧原为链主的肉食品加工、以想念为链主的面制品加工等优势产业,延链补链强链育链"
    items = li.list_items(s)
    assert [i.name for i in items] == ["肉食品加工", "面制品加工"]
    assert items[1].feats["t_deng"] == 1.0 and items[1].feats["t_industry"] == 1.0 and items[1].feats["t_chain"] == 0.0
    # a count is no item, a bracket is part of its item
    assert [i.name for i in li.list_items("推动16条、智能家电(家居)、新能源汽车等产业链")] == ["智能家电(家居)", "新能源汽车"]
    s = "以烟草、工程机械四大千亿支柱产业为重点"
    assert [(i.name, i.level) for i in li.list_items(s)] == [("烟草", "千亿"), ("工程机械", "千亿")]
    # a list that runs to the end of the sentence under a title naming 产业链: an open list, kind chain
    heads = li.title_heads("# title: 常德市打造优势产业链三年行动计划\n正文")
    items = li.list_items("重点培育打造现代卷烟、车桥、混凝土设备", heads)
    assert [(i.name, i.kind, i.feats["title_open"]) for i in items] == \
        [("现代卷烟", "chain", 1.0), ("车桥", "chain", 1.0), ("混凝土设备", "chain", 1.0)]


def test_the_cv_counts_like_the_bench_and_adds_only_what_the_rules_missed():
    assert cv.matched(["新材料", "新材料"], ["新材料产业集群"]) == 1  # each extracted name matches one gold name
    plan = {"rules": ["高端装备"], "items": [("高端装备", {}, True, True), ("车桥", {}, True, False),
                                             ("车桥", {}, True, False), ("基地", {}, False, False)]}
    assert cv.added(plan, np.array([0.99, 0.8, 0.8, 0.3]), 0.5) == ["车桥"]
    plans = [{"golds": ["高端装备", "车桥"], **plan}]
    assert cv.totals(plans, None, 0.5) == (1, 2, 1)
    assert cv.totals(plans, [np.array([0.99, 0.8, 0.8, 0.6])], 0.5) == (2, 2, 3)
