"""What the extractor reads from a plan text with no ontology terms — the round tests' shared helpers
(rounds 21 on): every fact, the clusters/chains with their scale class, the targets as rows."""

from __future__ import annotations

from etl.nlp import extract_facts
from ontology.loader import Ontology


def facts(text: str) -> list:
    return extract_facts(text, Ontology(), source="t")


def clusters(text: str) -> dict:
    return {f.text: f.level for f in facts(text) if f.kind in ("cluster", "chain")}


def target_rows(text: str) -> list[tuple]:
    return [(f.text, f.value, f.unit, f.year, f.current) for f in facts(text) if f.kind == "target"]


def subjects(text: str) -> dict:
    """value -> subject of each target."""
    return {f.value: f.subject for f in facts(text) if f.kind == "target"}
