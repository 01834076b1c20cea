"""bench.relatedness (research code used by bench/validate.py): link suggestion and relatedness
density on toy graphs, and its docstring examples."""

from __future__ import annotations

import doctest
import sys

import pytest

from chainkg.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT))  # bench/ is not an installed package

from bench import relatedness  # noqa: E402
from bench.relatedness import (UpstreamIndex, collaborative_scores, combine, neighbour_scores,  # noqa: E402
                               proximity_from_baskets, relatedness_density, suggest)


def test_docstring_examples_run():
    result = doctest.testmod(relatedness)
    assert result.attempted > 0 and result.failed == 0

EDGES = [("bread", "flour"), ("bread", "yeast"), ("cake", "flour"), ("cake", "sugar"), ("cake", "egg"),
         ("cookie", "flour"), ("cookie", "sugar"), ("tyre", "rubber")]


def test_collaborative_finds_inputs_of_similar_products():
    idx = UpstreamIndex(EDGES)
    s = collaborative_scores(idx, "bread")
    assert "flour" not in s and "yeast" not in s          # known inputs excluded
    assert s["sugar"] > s["egg"] > 0                       # sugar via cake and cookie, egg via cake only
    assert "rubber" not in s                               # unrelated product contributes nothing


def test_suggest_is_ranked_and_deterministic():
    idx = UpstreamIndex(EDGES)
    top = suggest(idx, "bread", k=2)
    assert [u for u, _ in top] == ["sugar", "egg"]
    assert suggest(idx, "bread", k=2) == top
    assert suggest(idx, "unknown") == []


def test_neighbour_scores_and_combine():
    idx = UpstreamIndex(EDGES)
    s = neighbour_scores(idx, [("tyre", 2.0), ("cake", 1.0)], exclude={"egg"})
    assert s == {"rubber": 2.0, "flour": 1.0, "sugar": 1.0}
    assert combine((1.0, {"a": 1.0}), (0.5, {"a": 2.0, "b": 1.0})) == {"a": 2.0, "b": 0.5}


def test_proximity_and_density():
    phi = proximity_from_baskets([["pump", "motor"], ["pump", "motor", "seal"], ["pump"]])
    assert phi[("pump", "motor")] == phi[("motor", "pump")] == pytest.approx(2 / 3)
    assert phi[("seal", "motor")] == pytest.approx(1 / 2)
    d = relatedness_density({"pump"}, "motor", phi)
    assert d == pytest.approx((2 / 3) / (2 / 3 + 1 / 2))
    assert relatedness_density(set(), "motor", phi) == 0.0
    assert relatedness_density({"x"}, "absent", phi) == 0.0


def test_link_suggestion_beats_popularity_on_ashare_data(shared_dir, monkeypatch):
    """Held-out 上游材料 relations come back more often than with the popularity baseline."""
    import importlib.util

    monkeypatch.setenv("CHAINKG_SHARED", str(shared_dir))
    spec = importlib.util.spec_from_file_location("bench_validate", PROJECT_ROOT / "bench" / "validate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    res = mod.validate_links(holdout=0.1, seeds=1, max_queries=300)
    assert res, "shared data present but nothing evaluated"
    assert res["combined"][1] > res["popularity"][1] + 0.05      # recall@50
    assert res["combined"][5] > 0.8                               # AUC on upstreams seen in training
