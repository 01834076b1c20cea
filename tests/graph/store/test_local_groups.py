"""``GraphStore.local_groups``: operating local firms counted by cluster and county in the store (one
grouped query), the same numbers on both adapters; firms without a county form their own group, closed,
outside and unplaced firms never count, a firm counts once per cluster and in each of its clusters."""

from __future__ import annotations

from graph.store.port import Batch, LocalGroup


def firms_batch() -> Batch:
    b = Batch()
    for cid in ("auto", "pharma"):
        b.node("Cluster", {"id": cid, "name": cid})
    for sid, cid in (("auto-cell", "auto"), ("auto-pack", "auto"), ("auto-cathode", "auto"), ("pharma-api", "pharma")):
        b.node("Segment", {"id": sid, "name": sid, "cluster": cid, "stage": "上游"})
        b.rel("PART_OF", sid, cid)
    b.rel("CHILD_OF", "auto-cathode", "auto-cell")
    firms = [  # id, props, segments
        ("e1", {"local": True, "county": "温岭", "output": 300.0, "leading": True}, ["auto-cell", "auto-pack"]),
        ("e2", {"local": True, "county": "温岭", "revenue": 50.0}, ["auto-cathode", "pharma-api"]),
        ("e3", {"local": True, "output": 10.0}, ["auto-pack"]),                    # no county recorded
        ("e4", {"local": True, "county": "临海"}, []),                              # no segment: only the totals
        ("e5", {"local": True, "county": "温岭", "output": 999.0, "active": False, "status": "注销"}, ["auto-pack"]),
        ("e6", {"local": True, "county": "临海", "active": True, "output": 5.0}, ["pharma-api"]),
        ("x1", {"local": False, "county": "余杭", "output": 800.0}, ["auto-pack"]),  # outside
        ("u1", {"county": "温岭"}, ["auto-pack"]),                                  # location unknown
    ]
    for fid, props, segs in firms:
        b.node("Enterprise", {"id": fid, "name": fid, **props})
        for sid in segs:
            b.rel("IN_SEGMENT", fid, sid)
    return b


EXPECTED = [
    LocalGroup(None, None, 1, 10.0, 0),            # e3
    LocalGroup(None, "临海", 2, 5.0, 0),            # e4 (no output: not a zero), e6
    LocalGroup(None, "温岭", 2, 350.0, 1),          # e1, e2 (revenue stands in); e5 is closed
    LocalGroup("auto", None, 1, 10.0, 0),          # e3
    LocalGroup("auto", "温岭", 2, 350.0, 1),        # e1 once though in two segments; e2 via a sub-segment
    LocalGroup("pharma", "临海", 1, 5.0, 0),        # e6
    LocalGroup("pharma", "温岭", 1, 50.0, 0),       # e2 counts in both of its clusters
]


def test_grouped_counts_by_cluster_and_county(store):
    assert store.local_groups() == []
    store.write(firms_batch())
    assert store.local_groups() == EXPECTED


def test_groups_follow_writes(store):
    store.write(firms_batch())
    b = Batch()
    b.node("Enterprise", {"id": "e1", "active": False, "status": "吊销"})   # closes: leaves every group
    b.node("Enterprise", {"id": "e3", "county": "三门"})                     # gets a county
    store.write(b)
    got = {(g.cluster, g.county): g.firms for g in store.local_groups()}
    assert got == {(None, "三门"): 1, (None, "临海"): 2, (None, "温岭"): 1, ("auto", "三门"): 1, ("auto", "温岭"): 1,
                   ("pharma", "临海"): 1, ("pharma", "温岭"): 1}


def test_groups_agree_with_the_listing_and_the_subtree_totals(store):
    """On the bundled Taizhou data: each group equals the enterprise listing's count for that filter,
    and a cluster's groups add up to the firms, output and leading firms of its top segments' subtrees."""
    from chainkg.service import ChainKG

    kg = ChainKG(store)
    kg.load()
    groups = store.local_groups()
    assert groups == sorted(groups, key=LocalGroup.order) and groups
    for g in groups:
        if g.county is not None:
            assert g.firms == store.find_enterprises(cluster=g.cluster, county=g.county, local=True, limit=0)[0], g
    for cid in kg.onto.clusters:
        mine = [g for g in groups if g.cluster == cid]
        n, output, leading = store.segments_output([s.id for s in kg.onto.segments_of(cid) if s.parent is None])
        assert (sum(g.firms for g in mine), sum(g.leading for g in mine)) == (n, leading), cid
        assert abs(sum(g.output for g in mine) - output) <= 1e-6 * max(1.0, output), cid
        assert sum(g.firms for g in mine) == store.find_enterprises(cluster=cid, local=True, limit=0)[0], cid
    assert sum(g.firms for g in groups if g.cluster is None) == store.find_enterprises(local=True, limit=0)[0]
