"""bench/labelled/oof_errors.py (round 13): each out-of-fold error gets the shape that says why it happened."""

from __future__ import annotations

import importlib.util

import pytest

from chainkg.settings import PROJECT_ROOT
from ontology.loader import load_ontology

_spec = importlib.util.spec_from_file_location("oof_errors", PROJECT_ROOT / "bench" / "labelled" / "oof_errors.py")
oof = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(oof)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def row(products, gold, scope=""):
    return {"name": "x", "products": products, "scope": scope, "industry": "", "industry_code": "",
            "vendor_industry": "", "gold_segments": gold}


def test_a_gold_with_no_term_in_the_text_is_a_miss_without_candidate(onto):
    got = oof.shapes(row("工业类(0.70); 汽车类(0.16)", "auto-parts"), onto)
    assert got == [("miss/no-candidate", "auto-parts", "")]


def test_a_parent_link_is_a_leaf_error_and_says_whether_the_child_was_a_candidate(onto):
    # a bare 模具 main line: 模具 (the parent) is linked, nothing in the text names the die-casting mould
    got = oof.shapes(row("模具(0.99); 大型零部件机械(0.33)", "mould-plastic-die-casting-mould"), onto)
    assert [(s, g) for s, g, _d in got] == [("leaf/parent,no-child-candidate", "mould-plastic-die-casting-mould")]
    assert got[0][2].startswith("mould-plastic-mould")


def test_a_link_of_an_out_of_chain_firm_and_a_right_firm(onto):
    got = oof.shapes(row("高端钛合金材料(0.76)", ""), onto)
    assert [s for s, _g, _d in got] == ["wrong/out-of-chain"]
    assert oof.shapes(row("高端钛合金材料(0.76)", "aerospace-metals"), onto) == []
