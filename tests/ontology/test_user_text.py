"""What the ontology shows officers (a segment's source and weight reason, a cluster's, a technology's source and
note, a flow's reason) holds citations, not maintainers' notes: review 40 C5 found "round 8: intermediate families
named by makers…" as the source of 医药中间体 on the panorama. Such notes are YAML comments beside the source."""

from __future__ import annotations

import re

from ontology.loader import load_ontology

ROUND = re.compile(r"\bround \d+", re.IGNORECASE)


def _texts():
    onto = load_ontology()
    for c in onto.clusters.values():
        yield f"cluster {c.id} source", c.source
    for s in onto.segments.values():
        yield f"segment {s.id} source", s.source
        yield f"segment {s.id} weight_reason", s.weight_reason
    for t in onto.technologies.values():
        for key, value in t.model_dump().items():
            if isinstance(value, str):
                yield f"technology {t.id} {key}", value
    for f in onto.feeds:
        yield f"feeds {f.source_id}→{f.target_id} reason", f.reason


def test_no_user_facing_text_holds_a_round_note():
    found = [(where, text[:120]) for where, text in _texts() if text and ROUND.search(text)]
    assert not found, found


def test_a_moved_note_kept_its_citation():
    onto = load_ontology()
    sources = " ".join(s.source for s in onto.segments.values())
    for citation in ("医药中间体无独立代码", "3813 微特电机", "518 贸易经纪与代理", "北京同仁堂 2015年年度报告",
                     "2770 说明", "3586 假肢"):
        assert citation in sources, citation
