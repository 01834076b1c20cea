"""The classifier's matching machinery: the compiled automaton finds exactly what the trie-regex
reference finds (leftmost-longest, per line), the per-term data the line analysis reads keeps the
Latin token rule, and the fast reading of ``name(0.55)`` product cells equals the general one.
Speed is measured by bench/classify.py, never asserted here."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from etl.nlp.line_analysis import _line_analysis
from etl.nlp.index import build_index
from etl.nlp.lexicon import HEAD_TERMS
from etl.nlp.textparse import product_lines, scope_items
from etl.nlp.vocab import Scanner
from ontology.loader import load_ontology

LABELLED = Path(__file__).resolve().parents[3] / "bench" / "labelled" / "firms.csv"
TERMS = ["缝纫机", "工业缝纫机", "电机", "泵", "PE", "PE管", "机及", "发动机", "航空发动机", "航空"]
TEXTS = ["工业缝纫机及电机", "泵", "水泵PE管材", "电", "", "缝纫机缝纫机泵", "机及电机泵P", "PEPE管",
         "航空发动机叶片", "汽车发动机、航空器", "航空发", "工业缝纫", "缝纫机及电机及", "\x00电机\x00", "PE管PE"]


@pytest.fixture(scope="module")
def real():
    onto = load_ontology()
    return onto, build_index(onto)


def test_scan_equals_the_trie_regex_reference():
    sc = Scanner({t: [] for t in TERMS})
    for text in TEXTS:
        assert sc.scan(text) == sc.find(text), text
    # leftmost-longest, spelled out: 航空发动机 is one match, never 航空 + 发动机; 缝纫机 restarts after 工业缝纫
    assert sc.scan("航空发动机叶片") == [(0, 5, "航空发动机")]
    assert sc.scan("工业缝纫机缝纫机") == [(0, 5, "工业缝纫机"), (5, 8, "缝纫机")]
    assert sc.scan("机及电机") == [(0, 2, "机及"), (2, 4, "电机")]  # leftmost wins over the longer 电机 after it
    assert Scanner({}).scan("电机") == [] and Scanner({}).scan_lines(["电机"]) == {}


def test_scan_lines_equals_scan_per_line():
    sc = Scanner({t: [] for t in TERMS})
    got = sc.scan_lines(TEXTS)
    assert got == {i: sc.scan(t) for i, t in enumerate(TEXTS) if sc.scan(t)}
    assert list(got) == sorted(got)  # line order
    # no match spans two lines: 机 | 及 across the join is not the term 机及, 航空 | 发动机 stays two lines
    assert sc.scan_lines(["缝纫机", "及电机"]) == {0: [(0, 3, "缝纫机")], 1: [(1, 3, "电机")]}
    assert sc.scan_lines(["航空", "发动机"]) == {0: [(0, 2, "航空")], 1: [(0, 3, "发动机")]}
    assert sc.scan_lines(["", "", "电机"]) == {2: [(0, 2, "电机")]} and sc.scan_lines([]) == {}


def test_a_lone_surrogate_falls_back_to_the_reference():
    sc = Scanner({t: [] for t in TERMS})
    assert sc.scan("\udc80电机") == [(1, 3, "电机")]
    assert sc.scan_lines(["泵", "\udc80电机"]) == {0: [(0, 1, "泵")], 1: [(1, 3, "电机")]}


def test_every_term_of_the_real_vocabulary_is_found(real):
    _onto, idx = real
    sc = idx.scanner
    heads = {p for p, _re, _sid in HEAD_TERMS}  # 泵, 药: pseudo-terms of the line analysis, not scanned
    terms = [t for t in sc.table if t and t not in heads]
    assert len(terms) > 1000
    missed = [t for t in terms if sc.scan(t) != [(0, len(t), t)]]
    assert not missed, missed[:10]
    # between characters that start or end no term, on lines joined for one pass
    lines = [f"〇{t}〇" for t in terms]
    got = sc.scan_lines(lines)
    assert [got.get(i) for i in range(len(lines))] == [[(1, len(t) + 1, t)] for t in terms]


def test_real_lines_equal_the_reference(real):
    _onto, idx = real
    sc = idx.scanner
    with LABELLED.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines = [n for r in rows for n, *_ in product_lines(r["products"])] + \
        [i for r in rows for i, _w in scope_items(r["scope"])]
    assert len(lines) > 3000
    assert sum(1 for ln in lines if sc.scan(ln)) > 500  # the comparison covers lines with terms
    for ln in lines:
        assert sc.scan(ln) == sc.find(ln), ln
    got = sc.scan_lines(lines)
    assert got == {i: sc.find(ln) for i, ln in enumerate(lines) if sc.find(ln)}


def test_latin_terms_keep_the_whole_token_rule(real):
    # the line analysis skips lexicon.ascii_edge for terms without an ASCII edge (index.latin): every
    # Latin-edged term must still be refused inside a longer Latin token and kept on its own
    _onto, idx = real
    latin = sorted(t for t in idx.credit if t and t.isascii() and t.isalpha() and idx.credit[t] and len(t) >= 2)
    assert {"PE", "PACK", "ABS", "API"} <= set(latin)
    for t in latin:
        name = idx.alias.get(t, t)  # MOLDFLOW, the scanned form of Moldflow, is reported as the vocabulary writes it
        inside = f"X{t}X制品"
        assert name not in [h[1] for h in _line_analysis(inside, "p", idx, idx.scanner.scan(inside))[0]], t
        alone = f"{t}制品"
        hits = _line_analysis(alone, "p", idx, idx.scanner.scan(alone))[0]
        assert name in [h[1] for h in hits] or idx.scanner.scan(alone)[0][2] != t, t


@pytest.mark.parametrize("cell", [
    "电机(0.55); 水泵(0.30)", "电机(0.55);水泵(0.30); ", "电机(55.00); 水泵(30.00)", "白酒(0.90); 塑料制品(0.08); 抵销(-0.01)",
    "平衡项目(0.00); 其他(0.00)", "电机(1.20); 水泵(0.30)", "电机(2.00); 水泵(0.30)", "A(0.001); B(0.5)",
    "电机(0.55)", "电机 (0.55); 水泵(0.30)", "PLC 控制器(0.55); 水泵(0.30)", "电机(55%); 水泵(30%)",
    "化工原料(不含危险化学品)(0.5); 水泵(0.2)", "电机(0.55)；水泵（0.30）", "电机(.55); 水泵(0.30)", "(0.5); 水泵(0.2)",
])
def test_product_lines_fast_path_equals_the_general_reading(cell):
    # a trailing "|" adds an empty line the general loop skips, and keeps the cell off the fast path
    assert product_lines(cell) == product_lines(cell + "|")


def test_product_lines_fast_path_on_the_labelled_cells():
    with LABELLED.open(encoding="utf-8") as f:
        cells = [r["products"] for r in csv.DictReader(f) if r["products"]]
    assert len(cells) > 500
    for cell in cells:
        assert product_lines(cell) == product_lines(cell + "|"), cell
