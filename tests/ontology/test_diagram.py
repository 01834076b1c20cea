"""Chain diagrams are generated from the ontology: every segment and FEEDS edge is drawn, output is stable."""

from __future__ import annotations

import re

import pytest

from chainkg.settings import PROJECT_ROOT
from ontology.diagram import cluster_markdown, dot, index_markdown, mermaid, write_docs
from ontology.loader import CLUSTER_ORDER, load_ontology

ONTO = load_ontology()


@pytest.mark.parametrize("cid", CLUSTER_ORDER)
def test_full_mermaid_has_every_segment_and_feeds_edge(cid):
    text = mermaid(cid, ONTO)
    assert text.startswith("flowchart LR\n")
    for stage in ("上游", "中游", "下游"):
        if any(s.stage == stage for s in ONTO.segments_of(cid)):
            assert f'["{stage}"]' in text
    for s in ONTO.segments_of(cid):
        nid = s.id.replace("-", "_")
        assert f'{nid}["{s.name}"]' in text
        if s.parent:
            assert f"{s.parent.replace('-', '_')} -.- {nid}" in text
    arrows = set(re.findall(r"^  (\w+) --> (\w+)$", text, re.M))
    want = {(f.source_id.replace("-", "_"), f.target_id.replace("-", "_")) for f in ONTO.feeds_of(cid)}
    assert arrows == want


@pytest.mark.parametrize("cid", CLUSTER_ORDER)
def test_dot_has_every_segment_and_feeds_edge(cid):
    text = dot(cid, ONTO)
    for s in ONTO.segments_of(cid):
        assert f'"{s.id}" [label="{s.name}"' in text
    for f in ONTO.feeds_of(cid):
        assert f'"{f.source_id}" -> "{f.target_id}";' in text


def test_overview_folds_deep_levels_and_lifts_edges():
    cid = max(CLUSTER_ORDER, key=lambda c: max(s.level for s in ONTO.segments_of(c)))
    text = mermaid(cid, ONTO, max_level=2)
    deep = [s for s in ONTO.segments_of(cid) if s.level > 2]
    assert deep, "expected a 3-level cluster"
    for s in deep:
        assert f'{s.id.replace("-", "_")}["' not in text
    for s in ONTO.segments_of(cid):
        if s.level <= 2:
            assert f'{s.id.replace("-", "_")}["{s.name}"]' in text
    assert not re.search(r"^  (\w+) --> \1$", text, re.M)  # no self-loops after lifting


def test_output_is_deterministic(tmp_path):
    assert mermaid("auto", ONTO) == mermaid("auto", load_ontology())
    assert dot("pharma", ONTO) == dot("pharma", ONTO)
    write_docs(tmp_path / "a", ONTO, render=False)
    write_docs(tmp_path / "b", ONTO, render=False)
    for p in sorted((tmp_path / "a").iterdir()):
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name
    assert {p.name for p in (tmp_path / "a").iterdir()} == {"README.md", *(f"{c}.{e}" for c in CLUSTER_ORDER
                                                                          for e in ("md", "dot"))}


def test_unknown_cluster_raises():
    with pytest.raises(KeyError):
        mermaid("nope", ONTO)


def test_committed_docs_are_up_to_date():
    """docs/chains must be regenerated (`python -m ontology.diagram`) when the chain YAMLs change."""
    docs = PROJECT_ROOT / "docs" / "chains"
    if not (docs / "README.md").exists():
        pytest.skip("docs/chains not generated")
    assert (docs / "README.md").read_text(encoding="utf-8") == index_markdown(ONTO, list(CLUSTER_ORDER))
    for cid in CLUSTER_ORDER:
        assert (docs / f"{cid}.dot").read_text(encoding="utf-8") == dot(cid, ONTO), cid
        image = f"{cid}.svg" if (docs / f"{cid}.svg").exists() else None
        assert (docs / f"{cid}.md").read_text(encoding="utf-8") == cluster_markdown(cid, ONTO, image=image), cid
