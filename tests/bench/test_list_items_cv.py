"""bench/list_items_cv.py (round 18): the list-item reader's segmentation (etl/nlp/list_items.py) and the CV's counts."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np

from chainkg.settings import PROJECT_ROOT

_spec = importlib.util.spec_from_file_location("list_items_cv", PROJECT_ROOT / "bench" / "list_items_cv.py")
cv = importlib.util.module_from_spec(_spec)
sys.modules["list_items_cv"] = cv
_spec.loader.exec_module(cv)


def test_the_cv_counts_like_the_bench_and_adds_only_what_the_rules_missed():
    assert cv.matched(["新材料", "新材料"], ["新材料产业集群"]) == 1  # each extracted name matches one gold name
    plan = {"rules": ["高端装备"], "items": [("高端装备", {}, True, True), ("车桥", {}, True, False),
                                             ("车桥", {}, True, False), ("基地", {}, False, False)]}
    assert cv.added(plan, np.array([0.99, 0.8, 0.8, 0.3]), 0.5) == ["车桥"]
    plans = [{"golds": ["高端装备", "车桥"], **plan}]
    assert cv.totals(plans, None, 0.5) == (1, 2, 1)
    assert cv.totals(plans, [np.array([0.99, 0.8, 0.8, 0.6])], 0.5) == (2, 2, 3)
