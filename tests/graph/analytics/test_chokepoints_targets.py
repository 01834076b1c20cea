"""Chokepoints, priority projects, 招商 targets, 延链 and what-if on the tiny chain, both stores."""

from graph.analytics.analysis import analyze
from graph.analytics.chokepoints import candidates_for
from graph.store.port import Batch
from graph.analytics.whatif import NewEnterprise, Scenario, what_if


def test_chokepoint_scores_and_parts(tiny):
    store, onto = tiny
    r = analyze(store, onto, cluster="t")
    cps = {c["technology_id"]: c for c in r["chokepoints"]}
    gap, ok = cps["t-gap"], cps["t-ok"]
    assert gap["parts"]["severity"] == 1.0 and gap["parts"]["capability_gap"] == 1.0
    assert ok["parts"]["capability_gap"] == 0.5 and ok["local_holders"] == ["c1"]
    assert gap["downstream_segments"] == ["t-c", "t-e"]
    # reach: b, c, e affected → value share 0.6; output of c + e = 300 of 700 (a 300, c 200, d 100, e 100)
    assert abs(gap["parts"]["reach"] - (0.5 * 0.6 + 0.5 * 300 / 700)) < 1e-4
    assert abs(gap["score"] - 100 * 1.0 * gap["parts"]["reach"] * 1.0) < 1e-2
    assert r["chokepoints"][0]["technology_id"] == "t-gap"


def test_priority_projects_exclude_controlled_technologies(tiny):
    store, onto = tiny
    projects = analyze(store, onto, cluster="t")["projects"]
    assert [p["technology_id"] for p in projects] == ["t-gap"]
    assert projects[0]["rank"] == 1 and set(projects[0]["parts"]) == {"severity", "reach", "capability_gap"}


def test_jiebang_candidates_prefer_holders(tiny):
    store, onto = tiny
    b = Batch()
    b.node("Technology", {"id": "t-ok", "status": "部分依赖"})  # the store holds the runtime facts
    store.write(b)
    projects = {p["technology_id"]: p for p in analyze(store, onto, cluster="t")["projects"]}
    cands = projects["t-ok"]["candidates"]
    assert cands[0]["enterprise_id"] == "c1" and cands[0]["holds"]
    assert any("已掌握" in why for why in cands[0]["reasons"])


def test_a_candidate_that_only_uses_the_technology_is_called_the_demand_side():
    """A 揭榜 candidate chosen because its segment needs the technology read "所在环节需要该技术" under the
    heading 揭榜挂帅候选, as if it could develop it (a gear maker for 高端轴承钢): it is the demand side."""
    holder = {"id": "h", "name": "持有", "local": True}
    user = {"id": "u", "name": "用户", "local": True, "output": 100.0}
    cands = candidates_for("t", [holder], [user, holder])
    assert [(c["enterprise_id"], c["holds"]) for c in cands] == [("h", True), ("u", False)]
    assert cands[0]["reasons"][0].startswith("已掌握")
    assert cands[1]["reasons"][0].startswith("需求方") and "demand side" in cands[1]["reasons"][0]
    assert not any("已掌握" in why for why in cands[1]["reasons"])


def test_targets_rank_related_candidates_first(tiny):
    store, onto = tiny
    targets = {t["segment_id"]: t for t in analyze(store, onto, cluster="t")["targets"]}
    cands = targets["t-b"]["candidates"]
    assert [c["enterprise_id"] for c in cands] == ["x1", "y1"]  # x1 also works in locally present t-a
    # y1 makes only t-b: nothing to relate, so left out (review 40 F3), not 0
    assert cands[0]["parts"]["relatedness"] == 1.0 and "relatedness" not in cands[1]["parts"]
    assert cands[0]["parts"]["coverage_gain"] == 1.0 and cands[0]["parts"]["dominator_relief"] == 1.0
    assert any("填补空白" in r for r in cands[0]["reasons"])
    # t-b is on every path to the end products: said so in both languages ("relieves a dominator" read
    # as if a local firm dominated a segment that has none)
    key = next(r for r in cands[0]["reasons"] if r.startswith("关键节点"))
    assert key.endswith("/ a key link: 100% of the chain's end products are reached only through this segment"), key


def test_extensions_next_to_strong_segments(tiny):
    store, onto = tiny
    ext = analyze(store, onto, cluster="t")["extensions"]
    assert [e["segment_id"] for e in ext] == ["t-b"]
    assert {n["segment_id"] for n in ext[0]["strong_neighbours"]} <= {"t-a", "t-c", "t-d", "t-e"}


def test_what_if_remove_and_add(tiny):
    store, onto = tiny
    before = store.checksum()
    res = what_if(store, onto, Scenario(remove_enterprises=["c1"], add_enterprises=[NewEnterprise(id="x1")]),
                  cluster="t")
    ch = {c["segment_id"]: c for c in res["changes"]}
    assert ch["t-c"]["kind_before"] == "single_point" and ch["t-c"]["kind_after"] == "missing"
    assert ch["t-b"]["kind_before"] == "missing" and ch["t-b"]["kind_after"] == "single_point"
    assert res["summary_after"]["missing"] == res["summary_before"]["missing"]
    assert store.checksum() == before  # a scenario never writes


def test_what_if_remove_segment_changes_dominators(tiny):
    store, onto = tiny
    res = what_if(store, onto, Scenario(remove_segments=["t-e"]), cluster="t")
    ch = {c["segment_id"]: c for c in res["changes"]}
    assert ch["t-e"]["change"] == "segment_removed"
    assert "t-c" in ch and ch["t-c"]["dominator_after"]  # c is now the only end product
