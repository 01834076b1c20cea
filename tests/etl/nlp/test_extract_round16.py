"""Round 16 of the policy extractor: the round-15 plans' error classes, each as a general rule (docs/policy.md)."""

from __future__ import annotations

from etl.nlp import extract_facts


def test_our_cluster_named_as_an_industry_is_no_cluster_until_a_cluster_names_it(small_onto):
    facts = extract_facts("力争2025年汽车产业产值突破50亿元。", small_onto, source="t")
    assert {(f.kind, f.cluster) for f in facts if f.kind in ("cluster", "chain", "industry")} == {("industry", "auto")}
    facts = extract_facts("汽车产业加快转型。打造汽车产业集群。", small_onto, source="t")
    named = [(f.kind, f.cluster, len(f.sentences)) for f in facts if f.kind in ("cluster", "chain", "industry")]
    assert named == [("cluster", "auto", 2)]
