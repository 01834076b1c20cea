"""bench/labelled/operating_point.py (round 15): the written rule, the grid, and counts equal to the classifier's own."""

from __future__ import annotations

import doctest
import importlib.util
import sys

from chainkg.settings import PROJECT_ROOT
from etl.nlp import calibration
from etl.nlp.classify import assign_segments
from ontology.loader import load_ontology

_spec = importlib.util.spec_from_file_location("operating_point", PROJECT_ROOT / "bench" / "labelled" / "operating_point.py")
op = importlib.util.module_from_spec(_spec)
sys.modules["operating_point"] = op
_spec.loader.exec_module(op)


def _fig(p=0.9, recalled=9, ooc=0.02, leaf=0.8, ece=0.02):
    return {"P": p, "R": recalled / 10, "recalled": recalled, "OOC": ooc, "leaf": leaf, "ECE": ece}


def test_docstring_examples():
    assert doctest.testmod(op).failed == 0


def test_grid_holds_the_shipped_point_and_the_briefed_range():
    assert op.SHIPPED in op.GRID and len(op.GRID) == 66
    assert min(op.LINK_MINS) == 0.45 and max(op.LINK_MINS) == 0.65 and op.TOP_KS == (3, 4)


def test_each_constraint_of_the_rule_excludes_a_setting():
    best = (0.5, 0.4, 3)
    for bad in ({"p": 0.879}, {"ooc": 0.051}, {"leaf": 0.749}, {"ece": 0.051}):
        curve = {best: _fig(recalled=10, **bad), op.SHIPPED: _fig(recalled=8)}
        assert op.choose(curve) == op.SHIPPED, bad
    assert op.choose({best: _fig(recalled=10), op.SHIPPED: _fig(recalled=8)}) == best


def test_ties_go_to_the_smaller_top_k_and_higher_secondary_min():
    assert op.choose({(0.55, 0.4, 4): _fig(), (0.55, 0.4, 3): _fig()}) == (0.55, 0.4, 3)
    assert op.choose({(0.55, 0.3, 3): _fig(), (0.55, 0.5, 3): _fig()}) == (0.55, 0.5, 3)


def test_adopt_needs_a_new_pick_and_the_issue_lines():
    nested = {"R": 0.86, "P": 0.9, "OOC": 0.03}
    assert not op.adopt(op.SHIPPED, nested, {"R": 0.8})
    assert not op.adopt(None, nested, {"R": 0.8})
    assert not op.adopt((0.5, 0.4, 3), {**nested, "P": 0.84}, {"R": 0.8})
    assert not op.adopt((0.5, 0.4, 3), {**nested, "OOC": 0.11}, {"R": 0.8})
    assert op.adopt((0.5, 0.4, 3), nested, {"R": 0.8})


def test_counts_equal_the_classifiers_links_and_the_cache_restores():
    onto = load_ontology()
    segs = onto.segments
    rows = [r for r in op.load_labelled() if r["split"] == "tune" and r["kind"] in op.HEADLINE_KINDS][:120]
    orig, shipped = op.classify_module._candidates, calibration.CALIBRATION
    try:
        with op.cached_candidates():
            got = op.score(rows, onto, shipped, [op.SHIPPED, (0.45, 0.3, 4)])
    finally:
        calibration.CALIBRATION = shipped  # score() installs the weights it is given (here the same values)
    assert op.classify_module._candidates is orig
    links = [(assign_segments(op.as_record(r), onto), op.gold_of(r)) for r in rows]
    c = got[op.SHIPPED]
    assert len(c.conf) == sum(len(ls) for ls, _ in links)
    assert c.right == sum(op.right(segs, m.segment_id, g) for ls, g in links for m in ls)
    assert c.out_linked == sum(bool(ls) for ls, g in links if not g)
    assert c.exact == sum(any(m.segment_id in g for m in ls) for ls, g in links if g)
    # a lower cut and a larger cap admit at least as many links, and the module's constants are restored
    assert len(got[(0.45, 0.3, 4)].conf) >= len(c.conf)
    assert (op.classify_module.LINK_MIN, op.classify_module.SECONDARY_MIN) == (calibration.LINK_MIN,
                                                                                calibration.SECONDARY_MIN)
