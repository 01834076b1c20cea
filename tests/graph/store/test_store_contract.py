"""ONE contract suite, run on both GraphStore adapters (embedded SQLite and Neo4j)."""

from __future__ import annotations

import pytest

from chainkg.errors import StoreError
from graph.store.port import Batch


def small_batch() -> Batch:
    b = Batch()
    b.node("Cluster", {"id": "auto", "name": "汽车"})
    for sid, stage in (("auto-cell", "上游"), ("auto-pack", "中游"), ("auto-ev", "下游")):
        b.node("Segment", {"id": sid, "name": sid, "cluster": "auto", "stage": stage})
        b.rel("PART_OF", sid, "auto")
    b.rel("FEEDS", "auto-cell", "auto-pack", {"reason": "电芯组成电池包"})
    b.rel("FEEDS", "auto-pack", "auto-ev")
    b.node("Technology", {"id": "tech-sep", "name": "锂电池隔膜", "chokepoint": True})
    b.rel("NEEDS", "auto-cell", "tech-sep")
    b.node("Enterprise", {"id": "e1", "name": "甲公司", "local": True, "output": 300.0, "county": "温岭",
                          "tags": ["上市"], "leading": True})
    b.node("Enterprise", {"id": "e2", "name": "乙公司", "local": True, "output": 100.0, "county": "临海",
                          "tags": []})
    b.node("Enterprise", {"id": "x1", "name": "外地公司", "local": False, "revenue": 900.0, "tags": ["上市"]})
    b.rel("IN_SEGMENT", "e1", "auto-pack", {"confidence": 1.0})
    b.rel("IN_SEGMENT", "e2", "auto-pack")
    b.rel("IN_SEGMENT", "x1", "auto-cell")
    b.rel("HOLDS", "x1", "tech-sep")
    return b


def test_write_and_read_back(store):
    assert store.write(small_batch()) == small_batch().size
    assert store.get_node("Cluster", "auto") == {"id": "auto", "name": "汽车"}
    assert store.get_node("Enterprise", "e1")["tags"] == ["上市"]
    assert store.get_node("Enterprise", "nope") is None
    assert [r["dst"] for r in store.rels("FEEDS", src="auto-cell")] == ["auto-pack"]
    assert store.rels("FEEDS", src="auto-cell")[0]["props"] == {"reason": "电芯组成电池包"}
    assert [n["id"] for n in store.find_nodes("Segment", {"stage": "中游"})] == ["auto-pack"]
    assert [n["id"] for n in store.find_nodes("Enterprise", limit=2, offset=1)] == ["e2", "x1"]


def test_update_merges_props_and_none_removes(store):
    store.write(small_batch())
    b = Batch()
    b.node("Enterprise", {"id": "e1", "output": 350.0, "county": None})
    store.write(b)
    e1 = store.get_node("Enterprise", "e1")
    assert e1["output"] == 350.0 and e1["name"] == "甲公司" and "county" not in e1


def test_delete_node_detaches(store):
    store.write(small_batch())
    assert store.delete_nodes("Enterprise", ["e1", "missing"]) == 1
    assert store.get_node("Enterprise", "e1") is None
    assert [r["src"] for r in store.rels("IN_SEGMENT", dst="auto-pack")] == ["e2"]
    assert store.delete_rels("FEEDS", [("auto-cell", "auto-pack")]) == 1
    assert store.counts()["relationships"]["FEEDS"] == 1


def test_idempotent_reload_same_counts_and_checksum(store):
    store.write(small_batch())
    first = (store.counts(), store.checksum())
    store.write(small_batch())
    assert (store.counts(), store.checksum()) == first


def test_checksum_changes_with_content(store):
    store.write(small_batch())
    before = store.checksum()
    b = Batch()
    b.node("Enterprise", {"id": "e2", "output": 101.0})
    store.write(b)
    assert store.checksum() != before


def test_write_is_atomic_on_dangling_relationship(store):
    store.write(small_batch())
    before = (store.counts(), store.checksum())
    b = Batch()
    b.node("Enterprise", {"id": "e9", "name": "新公司", "local": True})
    b.rel("IN_SEGMENT", "e9", "auto-missing")
    with pytest.raises(StoreError, match="missing"):
        store.write(b)
    assert (store.counts(), store.checksum()) == before


def test_neighbourhood(store):
    store.write(small_batch())
    one = store.neighbourhood("Segment", "auto-pack", depth=1)
    assert {n["id"] for n in one["nodes"]} == {"auto-pack", "auto", "auto-cell", "auto-ev", "e1", "e2"}
    assert {"type": "FEEDS", "src": "auto-cell", "dst": "auto-pack"} in one["rels"]
    two = store.neighbourhood("Enterprise", "e1", depth=2)
    assert {n["id"] for n in two["nodes"]} == {"e1", "auto-pack", "auto", "auto-cell", "auto-ev", "e2"}
    capped = store.neighbourhood("Cluster", "auto", depth=3, limit=3)
    assert len(capped["nodes"]) == 3
    assert store.neighbourhood("Cluster", "nope") == {"nodes": [], "rels": []}


def test_counts(store):
    store.write(small_batch())
    c = store.counts()
    assert c["nodes"]["Segment"] == 3 and c["nodes"]["Enterprise"] == 3 and c["nodes"]["County"] == 0
    assert c["relationships"]["PART_OF"] == 3 and c["relationships"]["IN_SEGMENT"] == 3


def test_aggregate_per_segment(store):
    store.write(small_batch())
    aggs = {a.segment_id: a for a in store.segment_aggregates("auto")}
    assert set(aggs) == {"auto-cell", "auto-pack", "auto-ev"}
    pack, cell, ev = aggs["auto-pack"], aggs["auto-cell"], aggs["auto-ev"]
    assert (pack.local_count, pack.outside_count, pack.local_output, pack.local_output_sq,
            pack.max_output, pack.leading_count) == (2, 0, 400.0, 100_000.0, 300.0, 1)
    assert (cell.local_count, cell.outside_count, cell.tech_needed, cell.tech_held_locally) == (0, 1, 1, 0)
    assert ev.local_count == 0 and ev.local_output == 0.0
    assert store.segment_aggregates("pharma") == []


def test_find_enterprises_filters(store):
    store.write(small_batch())
    assert store.find_enterprises(cluster="auto")[0] == 3
    assert [e["id"] for e in store.find_enterprises(segment="auto-pack")[1]] == ["e1", "e2"]
    assert [e["id"] for e in store.find_enterprises(county="临海")[1]] == ["e2"]
    assert [e["id"] for e in store.find_enterprises(tag="上市", local=True)[1]] == ["e1"]
    assert [e["id"] for e in store.find_enterprises(q="外地")[1]] == ["x1"]
    total, page = store.find_enterprises(limit=1, offset=1)
    assert total == 3 and [e["id"] for e in page] == ["e2"]


def test_find_enterprises_of_a_census_not_placed_in_its_cluster(store):
    """Review 39 F7: a cluster's census lists firms the cluster's verdicts cannot count — in none of its
    segments (maybe in another cluster's, maybe in none). ``dataset`` keeps that census's firms and
    ``unplaced`` with ``cluster`` means "in no segment of that cluster", so the gap page's count can be
    listed by name (before: the cluster filter needed a segment link, so cluster + unplaced gave 0)."""
    b = small_batch()
    b.node("Cluster", {"id": "pump", "name": "泵"})
    b.node("Segment", {"id": "pump-x", "name": "pump-x", "cluster": "pump", "stage": "中游"})
    b.rel("PART_OF", "pump-x", "pump")
    b.node("Dataset", {"id": "ds-auto", "name": "汽车名录", "population": "名录", "census": True, "clusters": ["auto"],
                       "source": "t"})
    for fid, name, seg in (("c1", "名录甲", None), ("c2", "名录乙", "pump-x"), ("c3", "名录丙", "auto-ev")):
        b.node("Enterprise", {"id": fid, "name": name, "local": True, "tags": []})
        b.rel("IN_DATASET", fid, "ds-auto")
        if seg:
            b.rel("IN_SEGMENT", fid, seg)
    b.rel("IN_DATASET", "e1", "ds-auto")
    b.node("Enterprise", {"id": "u9", "name": "别处未归入", "local": True, "tags": []})
    store.write(b)
    # e1 reports output: first (the rank order); the others, nothing known, by id
    assert [e["id"] for e in store.find_enterprises(dataset="ds-auto")[1]] == ["e1", "c1", "c2", "c3"]
    assert [e["id"] for e in store.find_enterprises(dataset="ds-auto", cluster="auto")[1]] == ["e1", "c3"]
    assert [e["id"] for e in store.find_enterprises(dataset="ds-auto", cluster="auto", unplaced=True)[1]] == ["c1", "c2"]
    assert [e["id"] for e in store.find_enterprises(dataset="ds-auto", unplaced=True)[1]] == ["c1"]
    assert [e["id"] for e in store.find_enterprises(cluster="auto", unplaced=True)[1]] == ["c1", "c2", "u9"]
    assert store.find_enterprises(dataset="nope")[0] == 0


def test_find_enterprises_unplaced(store):
    """未归入环节: firms with no IN_SEGMENT link; the other filters still apply, a segment filter leaves
    none, and a link written later takes the firm off the list."""
    b = small_batch()
    b.node("Enterprise", {"id": "u1", "name": "未归入甲", "local": True, "county": "温岭", "tags": []})
    b.node("Enterprise", {"id": "u2", "name": "未归入乙", "local": False, "tags": []})
    store.write(b)
    assert [e["id"] for e in store.find_enterprises(unplaced=True)[1]] == ["u1", "u2"]
    assert store.find_enterprises(unplaced=True)[0] == 2 and store.find_enterprises()[0] == 5
    assert [e["id"] for e in store.find_enterprises(unplaced=True, local=True)[1]] == ["u1"]
    assert [e["id"] for e in store.find_enterprises(unplaced=True, local=False)[1]] == ["u2"]
    assert [e["id"] for e in store.find_enterprises(unplaced=True, county="温岭")[1]] == ["u1"]
    assert store.find_enterprises(unplaced=True, segment="auto-pack")[0] == 0
    assert store.find_enterprises(unplaced=True, q="乙")[0] == 1
    link = Batch()
    link.rel("IN_SEGMENT", "u1", "auto-ev")
    store.write(link)
    assert [e["id"] for e in store.find_enterprises(unplaced=True)[1]] == ["u2"]


def test_find_enterprises_text_search_and_local_first(store):
    """``q`` finds a firm by a word of its products or business scope, not only its name (a literal
    substring, ASCII case folded); the list shows local operating firms first, then by what is known of
    each (ontology.firms.rank_key; review 40 C8 — by id before), and the total does not depend on the order."""
    store.write(small_batch())
    b = Batch()
    b.node("Enterprise", {"id": "a0", "name": "安徽某电机厂", "local": False, "products": ["永磁同步电机", "LED驱动"]})
    b.node("Enterprise", {"id": "b0", "name": "丙公司", "local": True, "business_scope": "潜水电泵、阀门制造及销售"})
    b.node("Enterprise", {"id": "c0", "name": "丁公司", "local": True, "active": False, "products": ["电机配件"]})
    b.node("Enterprise", {"id": "d0", "name": "戊公司", "products": ["水泵_100%"]})  # location unknown
    store.write(b)
    assert [e["id"] for e in store.find_enterprises(q="永磁")[1]] == ["a0"]        # a product
    assert [e["id"] for e in store.find_enterprises(q="阀门")[1]] == ["b0"]        # the business scope
    assert [e["id"] for e in store.find_enterprises(q="led")[1]] == ["a0"]         # ASCII case folded
    assert [e["id"] for e in store.find_enterprises(q="电机")[1]] == ["a0", "c0"]  # name or product; c0 inactive
    assert store.find_enterprises(q="甲公司")[0] == 1                              # the name still matches
    assert store.find_enterprises(q="_")[0] == 1 and store.find_enterprises(q="%")[0] == 1  # no wildcards
    assert store.find_enterprises(q="不存在的产品")[0] == 0
    total, firms = store.find_enterprises()
    assert total == 7
    # local and operating first (output 300, 100, nothing known), then the rest (outside, inactive, unknown):
    # x1 reports revenue, the others nothing (by id)
    assert [e["id"] for e in firms] == ["e1", "e2", "b0", "x1", "a0", "c0", "d0"]
    page_total, page = store.find_enterprises(limit=2, offset=2)
    assert page_total == total and [e["id"] for e in page] == ["b0", "x1"]
    assert store.find_enterprises(local=True)[0] == 3 and store.find_enterprises(cluster="auto")[0] == 3


def test_injection_strings_are_data(store):
    b = Batch()
    evil = "'); MATCH (n) DETACH DELETE n //"
    b.node("Enterprise", {"id": "evil", "name": evil, "local": True})
    store.write(b)
    store.write(small_batch())
    assert store.get_node("Enterprise", "evil")["name"] == evil
    assert store.find_enterprises(q="DETACH")[0] == 1
    assert store.counts()["nodes"]["Cluster"] == 1


def test_same_content_same_checksum_across_reload_order(store):
    b = small_batch()
    store.write(b)
    first = store.checksum()
    store.clear()
    assert store.counts()["nodes"]["Enterprise"] == 0
    rev = Batch()
    for label in reversed(list(b.nodes)):
        for row in reversed(b.nodes[label]):
            rev.node(label, row)
    for t, rows in b.rels.items():
        for r in reversed(rows):
            rev.rel(t, r["src"], r["dst"], r["props"])
    store.write(rev)
    assert store.checksum() == first


def test_aggregates_roll_up_the_hierarchy(store):
    b = small_batch()
    b.node("Segment", {"id": "auto-cathode", "name": "正极材料", "cluster": "auto", "stage": "上游"})
    b.rel("PART_OF", "auto-cathode", "auto")
    b.rel("CHILD_OF", "auto-cathode", "auto-cell")
    b.node("Enterprise", {"id": "e3", "name": "丙公司", "local": True, "output": 50.0})
    b.rel("IN_SEGMENT", "e3", "auto-cathode")
    b.rel("IN_SEGMENT", "e3", "auto-cell")  # mapped to both: counted once in the parent
    store.write(b)
    aggs = {a.segment_id: a for a in store.segment_aggregates("auto")}
    assert (aggs["auto-cell"].local_count, aggs["auto-cell"].outside_count, aggs["auto-cell"].local_output) == (1, 1, 50.0)
    assert aggs["auto-cathode"].local_count == 1
    assert store.segments_output(["auto-cell", "auto-pack"]) == (3, 450.0, 1)
    assert store.segments_output(["auto-ev"]) == (0, 0.0, 0)
    assert (aggs["auto-cell"].direct_local, aggs["auto-cathode"].direct_local) == (1, 1)
    # the listing of a segment covers its sub-segments, and its totals equal the aggregates
    assert store.find_enterprises(segment="auto-cell", local=True)[0] == aggs["auto-cell"].local_count
    assert store.find_enterprises(segment="auto-cell", local=False)[0] == aggs["auto-cell"].outside_count


def test_inactive_unknown_location_and_missing_output_do_not_count(store):
    b = small_batch()
    b.node("Enterprise", {"id": "e4", "name": "已注销公司", "local": True, "output": 999.0, "status": "注销",
                          "active": False})
    b.node("Enterprise", {"id": "e5", "name": "不知何处公司"})          # location unknown: neither local nor outside
    b.node("Enterprise", {"id": "e6", "name": "未报产值公司", "local": True})  # no output: not a zero
    b.node("Enterprise", {"id": "x3", "name": "已吊销外地公司", "local": False, "active": False})
    for fid in ("e4", "e5", "e6", "x3"):
        b.rel("IN_SEGMENT", fid, "auto-pack")
    b.node("Dataset", {"id": "ds1", "name": "名录", "population": "名录", "census": True, "source": "t"})
    for fid in ("e1", "e4", "e6", "x1"):
        b.rel("IN_DATASET", fid, "ds1")
    store.write(b)
    pack = {a.segment_id: a for a in store.segment_aggregates("auto")}["auto-pack"]
    assert (pack.local_count, pack.outside_count, pack.local_reported, pack.local_output, pack.max_output,
            pack.inactive, pack.direct_local) == (3, 0, 2, 400.0, 300.0, 1, 3)  # e4; x3 is closed but not local
    assert store.find_enterprises(segment="auto-pack", local=True)[0] == 3
    assert store.find_enterprises(segment="auto-pack")[0] == 6            # the listing shows every firm
    assert store.segments_output(["auto-pack"])[0] == 3
    assert [f["id"] for f in store.top_firms(["auto-pack"], local=True)] == ["e1", "e2", "e6"]
    assert store.dataset_clusters() == {"ds1": {"auto": 2}}            # e1, e6 (e4 inactive, x1 outside)


def test_tech_holders(store):
    b = small_batch()
    b.rel("HOLDS", "e1", "tech-sep")
    b.rel("HOLDS", "e2", "tech-sep")
    store.write(b)
    held = store.tech_holders(["tech-sep", "tech-none"], limit=1)  # x1 holds it too, but is not local
    assert held["tech-sep"][0] == 2 and [f["id"] for f in held["tech-sep"][1]] == ["e1"]
    assert held["tech-none"] == (0, [])


def test_top_firms(store):
    b = small_batch()
    b.node("Enterprise", {"id": "x2", "name": "外地二", "local": False, "output": 10.0})
    b.rel("IN_SEGMENT", "x2", "auto-cell")
    b.rel("IN_SEGMENT", "x2", "auto-ev")
    store.write(b)
    firms = store.top_firms(["auto-cell", "auto-ev"], local=False)
    assert [f["id"] for f in firms] == ["x1", "x2"]
    assert firms[1]["segments"] == ["auto-cell", "auto-ev"]
    assert store.top_firms(["auto-pack"], local=False) == []
    assert len(store.top_firms(["auto-cell"], local=False, limit=1)) == 1
    assert [f["id"] for f in store.top_firms(["auto-pack", "auto-ev"], local=True)] == ["e1", "e2"]


def _all_pages(store, rel_type: str, limit: int) -> list[dict]:
    out, after = [], None
    while True:
        page = store.rels_page(rel_type, after, limit)
        assert len(page) <= limit
        out += page
        if len(page) < limit:
            return out
        after = (page[-1]["src"], page[-1]["dst"])


def test_rels_page_keyset_pages_concatenate_to_rels(store):
    b = small_batch()
    for fid in ("e10", "e3", "火炬公司"):  # ids whose string order differs from insertion order
        b.node("Enterprise", {"id": fid, "name": fid})
    for src, dst in (("e10", "auto-pack"), ("e10", "auto-cell"), ("e10", "auto-ev"), ("e3", "auto-ev"),
                     ("火炬公司", "auto-cell"), ("e1", "auto-ev")):  # several dsts per src: keys share a src
        b.rel("IN_SEGMENT", src, dst, {"confidence": 0.5})
    store.write(b)
    whole = store.rels("IN_SEGMENT")
    assert len(whole) == 9 and [(r["src"], r["dst"]) for r in whole] == sorted((r["src"], r["dst"]) for r in whole)
    for limit in (1, 2, 3, 9, 10, 2000):
        assert _all_pages(store, "IN_SEGMENT", limit) == whole, limit
    # a page starts strictly after its key, within the same src and across srcs
    assert [(r["src"], r["dst"]) for r in store.rels_page("IN_SEGMENT", ("e10", "auto-cell"), 2)] == \
        [("e10", "auto-ev"), ("e10", "auto-pack")]
    assert store.rels_page("IN_SEGMENT", ("e10", "auto-pack"), 1)[0]["src"] == "e2"
    assert store.rels_page("IN_SEGMENT", (whole[-1]["src"], whole[-1]["dst"])) == []
    assert store.rels_page("IN_SEGMENT", ("e10", "zz-not-a-node"), 1)[0]["src"] == "e2"  # keys need not exist
    for t in ("FEEDS", "PART_OF", "NEEDS", "HOLDS"):
        assert _all_pages(store, t, 1) == store.rels(t)
    assert store.rels_page("LOCATED_IN") == [] and store.rels_page("LOCATED_IN", ("a", "b"), 1) == []
    with pytest.raises(ValueError):
        store.rels_page("NOT_A_TYPE")


def _firm_chunks(n_chunks: int = 5, per: int = 60) -> list[Batch]:
    """Firms in chunks: more firms per segment than a ranked list keeps (TOP_N), outputs that
    interleave across chunks, a firm written again in a later chunk with a new output and segment."""
    chunks = []
    for c in range(n_chunks):
        b = Batch()
        for i in range(per):
            fid = f"f{c:02d}{i:03d}"
            b.node("Enterprise", {"id": fid, "name": fid, "local": i % 4 != 0, "output": float((i * 37 + c * 11) % 97)})
            b.rel("IN_SEGMENT", fid, "auto-pack" if i % 3 else "auto-cell")
        if c:  # the previous chunk's first firm moves and grows
            prev = f"f{c - 1:02d}000"
            b.node("Enterprise", {"id": prev, "output": 500.0 + c})
            b.rel("IN_SEGMENT", prev, "auto-ev")
            b.drop_rel("IN_SEGMENT", prev, "auto-cell")
        chunks.append(b)
    return chunks


def _snapshot(store) -> tuple:
    return (store.counts(), store.checksum(), store.segment_aggregates(),
            [f["id"] for f in store.top_firms(["auto-pack", "auto-cell", "auto-ev"], local=True, limit=100)],
            store.tech_holders(["tech-sep"]))


def test_write_stream_equals_one_write_of_the_joined_batches(store):
    store.write_stream([small_batch(), *_firm_chunks()])
    streamed = _snapshot(store)
    stored, fresh = store._aggregates(), store.recount_aggregates()
    assert [stored.segment(s) for s in ("auto-cell", "auto-pack", "auto-ev")] == \
        [fresh.segment(s) for s in ("auto-cell", "auto-pack", "auto-ev")]
    assert {k: v for k, v in stored.lists.items()} == {k: v for k, v in fresh.lists.items()}
    store.clear()
    store.write(small_batch())
    joined = Batch()
    for b in _firm_chunks():
        joined.extend(b)
    store.write(joined)
    assert _snapshot(store) == streamed
    # streamed again onto the stored firms (deltas, not a recount): same content, same figures
    store.write_stream(_firm_chunks())
    assert _snapshot(store) == streamed


def test_write_stream_is_atomic(store):
    store.write(small_batch())
    before = _snapshot(store)

    def failing_iterator():
        yield from _firm_chunks()[:3]
        raise ValueError("bad row in the file")

    with pytest.raises(ValueError, match="bad row"):
        store.write_stream(failing_iterator())
    assert _snapshot(store) == before
    dangling = _firm_chunks()
    dangling[3].rel("IN_SEGMENT", "f03001", "auto-missing")
    with pytest.raises(StoreError, match="missing"):
        store.write_stream(dangling)
    assert _snapshot(store) == before


def test_first_load_into_an_empty_store_refuses_a_dangling_relationship(store):
    b = small_batch()
    b.rel("IN_SEGMENT", "e1", "auto-missing")
    with pytest.raises(StoreError, match="missing"):
        store.write_stream([Batch(), b])
    assert store.counts()["nodes"]["Enterprise"] == 0 and sum(store.counts()["relationships"].values()) == 0
    late = _firm_chunks()
    late[2].rel("HOLDS", "f00001", "tech-sep")  # endpoints written earlier in the same stream: fine
    store.write_stream([small_batch(), *late])
    assert [r["src"] for r in store.rels("HOLDS")] == ["f00001", "x1"]
