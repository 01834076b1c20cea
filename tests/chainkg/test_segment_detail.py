"""``ChainKG.segment_detail`` of a parent segment: its subtree's firms, each once, each with the
placement it really has (the sub-segment and that link's evidence) — never "on the parent, no evidence".

Found on the panorama (a 企查查-style census of 泵与电机 loaded on the bundled data): the parent
基础材料与通用基础件 listed its 14 firms twice, "环节企业 (28)", once as on the parent with 归属方式 "—".
"""

from __future__ import annotations

from chainkg.service import ChainKG


def test_parent_segment_lists_each_firm_once_with_its_own_placement(store):
    kg = ChainKG(store)
    kg.load()
    parents = [sid for sid in kg.onto.segments if any(s.parent == sid for s in kg.onto.segments.values())]
    checked = 0
    for sid in parents:
        subtree = set(kg.onto.subtree(sid))
        d = kg.segment_detail(sid, limit=500)
        ids = [e["id"] for e in d["enterprises"]]
        assert len(ids) == len(set(ids)) == d["enterprise_total"], sid
        direct = {r["src"] for r in store.rels("IN_SEGMENT", dst=sid)}
        for e in d["enterprises"]:
            placed = {r["dst"]: r["props"] for r in store.rels("IN_SEGMENT", src=e["id"]) if r["dst"] in subtree}
            assert e["link"] and e["link"]["segment_id"] in placed, (sid, e["name"], e["link"])
            assert {x["segment_id"] for x in e["links"]} == set(placed), (sid, e["name"])
            for x in e["links"]:  # the link's own evidence, from the segment it is on
                assert {k: v for k, v in x.items() if k != "segment_id"} == placed[x["segment_id"]]
            if e["id"] in direct:  # placed on this segment itself: that link comes first
                assert e["link"]["segment_id"] == sid
            else:
                assert e["link"]["segment_id"] != sid and e["link"].get("method"), (sid, e["name"])
                checked += 1
    assert checked  # the bundled data has firms placed only on a sub-segment (e.g. 无人机 under 航空器)
