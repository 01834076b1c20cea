"""The classifier's speed machinery changes no result: the confidence memo, the per-line cache that is
looked up before any scan (lines without a term included), the parent fold that visits only ancestors
of other candidates, the precomputed weight tables and the skipped key lookups. Each test compares the
fast path with the plain computation it replaces; speed is measured by bench/classify.py, never here.
(bench/classify_dump.py is the whole-output proof: every link and candidate, before and after.)"""

from __future__ import annotations

import random

import pytest

from etl.nlp import assign_segments, calibration, classify, classify_many
from etl.nlp.classify import candidates
from etl.nlp.evidence import Evidence
from etl.nlp.index import build_index, is_ancestor
from etl.nlp.line_analysis import _NO_HIT
from etl.nlp.record_rules import _fold_order
from etl.nlp.textparse import product_lines
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _vectors(n: int, seed: int = 7):
    rng = random.Random(seed)
    for _ in range(n):
        yield tuple(rng.choice((0.0, 1.0, rng.uniform(-4, 4))) for _ in calibration.FEATURES)


def test_confidence_is_the_rounded_probability_and_follows_new_weights(monkeypatch):
    xs = list(_vectors(300))
    before = [calibration.confidence(x) for x in xs + xs]
    assert before == [round(calibration.prob(x), 4) for x in xs + xs]
    # bench/classify.py --fit replaces CALIBRATION: the memo must not answer with the old weights
    monkeypatch.setattr(calibration, "CALIBRATION", tuple(-w for w in calibration.CALIBRATION))
    after = [calibration.confidence(x) for x in xs]
    assert after == [round(calibration.prob(x), 4) for x in xs]
    assert after != before[:len(xs)]


def test_confidence_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(calibration, "_MEMO_MAX", 50)
    for x in _vectors(200, seed=3):
        assert calibration.confidence(x) == round(calibration.prob(x), 4)
    assert len(calibration._MEMO) <= 50


def test_ancestors_table_is_the_lineage_without_the_segment(onto):
    idx = build_index(onto)
    segs = onto.segments
    for sid in segs:
        anc = idx.ancestors.get(sid, ())
        assert sid not in anc
        assert set(anc) == {a for a in segs if is_ancestor(segs, a, sid)}, sid


def test_fold_order_is_the_full_order_less_the_candidates_without_descendants(onto):
    idx = build_index(onto)
    segs = onto.segments
    ids = sorted(segs)
    rng = random.Random(11)
    for _ in range(2000):
        ev = {sid: Evidence() for sid in rng.sample(ids, rng.randint(0, 6))}
        if rng.random() < 0.5 and ev:  # often a parent next to its child
            kid = rng.choice(list(ev))
            for a in idx.lineage[kid][1:2]:
                ev[a] = Evidence()
        full = sorted(ev, key=lambda s: -segs[s].level if s in segs else 0) if len(ev) > 1 else []
        ref = [s for s in full if any(k != s and s in idx.lineage.get(k, ()) for k in ev)]
        assert _fold_order(ev, idx, segs) == ref


def test_scope_items_are_looked_up_before_the_scan_and_cached_without_a_term(onto):
    idx = build_index(onto)
    idx.cache.clear()
    rec = {"business_scope": "工业缝纫机制造、日用百货销售、货物进出口", "products": ["平缝机", "五金"]}
    first = assign_segments(rec, onto)
    assert idx.cache[("s", "日用百货销售")] is _NO_HIT  # a 经营范围 item without a term is remembered
    assert ("p", "五金") not in idx.cache  # product lines are scanned first: only those with a term are cached
    assert idx.cache[("s", "工业缝纫机制造")] is not _NO_HIT and idx.cache[("p", "平缝机")]
    calls = []
    scan = idx.scanner.scan_lines
    idx.scanner.scan_lines = lambda *a: calls.append(a) or scan(*a)
    try:
        again = assign_segments(rec, onto)
        assert [a[0] for a in calls] == [["平缝机", "五金"]]  # the scope's items all came from the cache
        calls.clear()
        assign_segments({"business_scope": "日用百货销售、水泵制造"}, onto)
        assert [a[0] for a in calls] == [["水泵制造"]]  # only the item not seen before is scanned
    finally:
        del idx.scanner.scan_lines
    assert again == first and first and first[0].segment_id.startswith("sewing")


def test_a_cached_line_keeps_its_field_and_its_pump_head(onto):
    idx = build_index(onto)
    idx.cache.clear()
    # 卫浴泵系列制造 holds no vocabulary term, only the 泵 head: it must not be cached as a line without a hit
    cold = candidates("卫浴泵系列制造、五金销售", None, onto)
    assert "泵" in [h[1] for h in idx.cache[("s", "卫浴泵系列制造")][0]]
    assert "pump-motor-pumps" in [c["segment_id"] for c in cold]
    assert candidates("卫浴泵系列制造、五金销售", None, onto) == cold  # from the cache
    # the same text as a product line and as a 经营范围 item is analysed per field (trade words weigh differently)
    assert ("s", "汽车零配件销售") not in idx.cache
    classify(None, "汽车零配件销售", onto)
    classify("汽车零配件销售", None, onto)
    assert idx.cache[("p", "汽车零配件销售")] != idx.cache[("s", "汽车零配件销售")]


def test_shared_cache_equals_a_cold_cache_per_record(onto):
    rng = random.Random(5)
    words = ["工业缝纫机", "水泵", "五金", "日用百货", "汽车零部件", "卫浴泵系列", "电机", "货物进出口", "抗肿瘤药",
             "风力发电机", "商用车", "齿轮", "注射剂", "不含危险化学品", "依法须经批准的项目除外"]
    recs = [{"business_scope": "、".join(rng.sample(words, rng.randint(0, 5))),
             "products": rng.sample(words, rng.randint(0, 3))} for _ in range(400)]
    idx = build_index(onto)
    cold = []
    for r in recs:
        idx.cache.clear()
        cold.append(assign_segments(r, onto))
    idx.cache.clear()
    assert classify_many(recs, onto) == cold
    assert classify_many(recs, onto) == cold  # warm


def test_rank_weights_table_equals_the_formula():
    many = [f"产品{i}" for i in range(70)]  # longer than the table: the formula itself
    for n in (1, 5, 64, 65, 70):
        assert product_lines(many[:n]) == [(p, max(0.35, 1.0 - 0.15 * i), -1.0) for i, p in enumerate(many[:n])]


def test_industry_levels_alone_are_read(onto):
    # records without any segment/industry key skip those lookups; one with only a level key must not
    levels = ["制造业", "酒、饮料和精制茶制造业", "酒的制造", "白酒制造"]
    rec = {"products": "塑料制品(0.5)", **{f"industry_l{i + 1}": v for i, v in enumerate(levels)}}
    assert classify_many([rec], onto) == [classify(None, "塑料制品(0.5)", onto, industry=levels)]
    assert classify_many([rec], onto) != [classify(None, "塑料制品(0.5)", onto)]
