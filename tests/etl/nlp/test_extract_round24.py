"""Round 24 of the policy extractor: the classes of round 23's held-out misses in general form (docs/policy.md, round 24)."""

from __future__ import annotations

from etl.nlp import extract_facts
from ontology.loader import Ontology


def _facts(text):
    return extract_facts(text, Ontology(), source="t")


def _clusters(text):
    return {f.text: f.level for f in _facts(text) if f.kind in ("cluster", "chain")}


def test_an_amount_before_each_name_is_its_scale_class():
    got = _clusters("汕头市加快打造超2000亿元新能源产业集群、超1000亿元新材料产业集群、超500亿元大健康产业集群。")
    assert got == {"新能源": "超2000亿元", "新材料": "超1000亿元", "大健康": "超500亿元"}
    # an amount followed by 的 is the cluster's output, not its class, and names no cluster
    assert _clusters("打造产值超7000亿元的产业集群。") == {}
