"""bench/labelled/calibration_cv.py (round 8): the monotone maps it compares against the logistic confidence."""

from __future__ import annotations

import importlib.util

import numpy as np

from chainkg.settings import PROJECT_ROOT

_spec = importlib.util.spec_from_file_location("calibration_cv", PROJECT_ROOT / "bench" / "labelled" / "calibration_cv.py")
cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cv)


def test_isotonic_pools_adjacent_violators():
    # scores 0.1 … 0.5 with outcomes 1, 0, 1, 1, 0: the first two pool (0.5), then 1, then the last three pool
    x = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0])
    edges, values = cv.isotonic(x, y)
    assert list(edges) == [0.2, 0.5] and np.allclose(values, [0.5, 2 / 3])
    assert all(a <= b for a, b in zip(values, values[1:]))
    assert [cv.apply_steps(edges, values, p) for p in (0.05, 0.2, 0.21, 0.9)] == [0.5, 0.5, 2 / 3, 2 / 3]


def test_equal_bins_are_monotone_and_cover_every_link():
    rng = np.random.default_rng(0)
    x = rng.random(200)
    y = (rng.random(200) < 1 - x).astype(float)  # right less often at higher scores: the map must still rise
    edges, values = cv.equal_bins(x, y, 4)
    assert len(edges) == 4 and edges[-1] == x.max()
    assert all(a <= b for a, b in zip(values, values[1:]))


def test_scores_of_a_perfectly_calibrated_constant():
    conf = np.full(10, 0.7)
    ok = np.array([1.0] * 7 + [0.0] * 3)
    ece, brier, _ll = cv.scores(conf, ok)
    assert abs(ece) < 1e-12 and abs(brier - 0.21) < 1e-12


def test_folds_are_fixed_and_balanced():
    folds = [cv.fold_of(f"{i:06d}.SZ") for i in range(1000)]
    assert folds == [cv.fold_of(f"{i:06d}.SZ") for i in range(1000)]
    assert all(150 <= folds.count(f) <= 250 for f in range(cv.FOLDS))


def test_fit_records_read_a_labelled_row_with_and_without_its_vendor_label():
    # round 10: the confidence fit sees each vendor-labelled row twice, so "no label" is learned from every firm's text
    row = {"name": "x", "products": "制动盘(0.80)", "scope": "", "industry": "", "industry_code": "",
           "vendor_industry": "汽车配件"}
    recs = cv.fit_records(row)
    assert [r.get("industry") for r in recs] == [["汽车配件"], None]
    assert all(r["products"] == "制动盘(0.80)" for r in recs)
    # a row without a label is read once, as the bench reads it
    assert len(cv.fit_records({**row, "vendor_industry": ""})) == 1


def test_fit_records_read_a_registry_row_also_without_its_code_and_products():
    # round 12: a registry row (国标行业 names) is also read as an export without its code and, when it has product
    # lines, as one with the 经营范围 only — so the lead-item features are learned from the constructed registry rows
    row = {"name": "x", "products": "制动盘(0.80)", "scope": "一般项目：汽车零部件及配件制造", "industry": "制造业>汽车制造业",
           "industry_code": "C3670", "vendor_industry": ""}
    recs = cv.fit_records(row)
    assert [(r.get("industry_code"), r.get("industry"), r["products"]) for r in recs] == [
        ("C3670", ["制造业", "汽车制造业"], "制动盘(0.80)"), (None, None, "制动盘(0.80)"), (None, None, "")]
    assert all(r["business_scope"] == row["scope"] for r in recs)
    assert len(cv.fit_records({**row, "products": ""})) == 2
