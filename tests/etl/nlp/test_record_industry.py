"""etl.nlp.record_industry (round 19): the record's 国标行业 and listed-firm label read once, as classify read them."""

from __future__ import annotations

import pytest

from etl.nlp.evidence import Evidence
from etl.nlp.index import build_index
from etl.nlp.record_industry import DISTRIBUTOR_LABELS, damp_outside, industry_signals
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.fixture(scope="module")
def idx(onto):
    return build_index(onto)


def test_no_industry_is_one_shared_empty_value(idx, onto):
    a, b = industry_signals(idx, onto.segments, None, None), industry_signals(idx, onto.segments, [], "")
    assert a is b and a.prior == frozenset() and not (a.out_industry or a.trade or a.distributor)


def test_an_ontology_without_the_codes_segments_has_no_prior(idx, onto):
    """A code pointing to segments the ontology lacks (a county-only ontology: the registry-export tests) is no prior."""
    s = industry_signals(idx, {}, None, "C3441")
    assert s.ind_segs == () and s.prior == frozenset()


def test_the_prior_is_the_label_cluster_and_the_code_clusters(idx, onto):
    assert industry_signals(idx, onto.segments, ["汽车配件"], None).prior == {"auto"}
    assert industry_signals(idx, onto.segments, None, "C3441").prior == {"pump-motor"}
    assert industry_signals(idx, onto.segments, ["白酒"], None).prior == frozenset()  # outside: no cluster
    assert industry_signals(idx, onto.segments, ["电气设备"], None).prior == frozenset()  # mixed: no cluster


def test_only_a_distributor_label_is_a_distributor(idx, onto):
    assert DISTRIBUTOR_LABELS == {"医药商业"}
    assert industry_signals(idx, onto.segments, ["医药商业"], None).distributor
    assert industry_signals(idx, onto.segments, "医药商业", None).distributor
    assert not industry_signals(idx, onto.segments, ["化学制药"], None).distributor


def test_damp_outside_spares_the_trade_segment_of_a_trader(idx, onto):
    sig = industry_signals(idx, onto.segments, None, "F5151")  # 西药批发: a trade industry
    assert sig.trade
    ev = {"pharma-distribution": Evidence(), "pharma-finished": Evidence()}
    for e in ev.values():
        e.p = e.pmax = 1.0
    damp_outside(ev, sig, idx, onto.segments, 0.5)
    assert ev["pharma-distribution"].p == 1.0 and ev["pharma-finished"].p == 0.5


def test_damp_outside_leaves_an_in_chain_record_alone(idx, onto):
    ev = {"pump-motor-pumps": Evidence()}
    ev["pump-motor-pumps"].p = 1.0
    damp_outside(ev, industry_signals(idx, onto.segments, None, "C3441"), idx, onto.segments, 0.5)
    assert ev["pump-motor-pumps"].p == 1.0
