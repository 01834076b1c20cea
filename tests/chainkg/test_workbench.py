"""招商 workbench on both stores: candidates ranked without ties (scale, relatedness, distance), their
profile cards, the lead pipeline (stored as ``Lead`` nodes, surviving a reload), the API's token on
writes, and the what-if "if the firms 在谈 and later land, these gaps close".

The data is the census flow of tests/chainkg/test_census_flow.py: the bundled listed firms plus a registry
export declared the registry census (全量登记) of 智能马桶 (so every segment of that cluster has real gaps and 招商 targets).
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from test_census_flow import cc, registry_export

from chainkg.service import ChainKG
from chainkg.errors import InputError, NotFoundError
from chainkg.settings import Settings
from etl.dataset import census_spec
from graph.analytics.params import AnalysisParams
from graph.analytics.pipeline import STAGES, history_rows
from graph.analytics.targets import TAIZHOU, distance_km, rank_targets

CLUSTER = "smart-toilet"
HANGZHOU = cc("91330100MA2H00006")      # the registry export's outside firm: capital known, no coordinates
KEDA = "sc-600499.SH"                    # 科达制造 (佛山), a listed candidate with 2016 coordinates
RUIERTE = "sc-002790.SZ"                 # 厦门瑞尔特, a candidate in several segments
TOKEN = "workbench-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def census_flow(store, tmp_path) -> None:
    from api.deps import get_kg, get_ontology

    kg = get_kg(store, get_ontology())  # the API's service object of this store: its cache is cleared too
    kg.load()
    # declared a registry census (全量登记) for 智能马桶: a list of the cluster's firms would not speak for 装备与模具,
    # whose 陶瓷成型与烧成装备 other industries make (graph.analytics.coverage), and the candidates below are there
    spec = census_spec("台州市智能马桶企业名录（2026）", population="全量登记企业", as_of="2026-11-30", clusters=[CLUSTER])
    kg.load([registry_export(tmp_path)], dataset=spec)


@pytest.fixture
def flow(store, tmp_path):
    census_flow(store, tmp_path)
    return store


def _key(c: dict) -> tuple:
    sc = c["scale"]["component"] if c["scale"] else None
    return (-c["score"], sc is None, -(sc or 0.0), c["distance_km"] is None, c["distance_km"] or 0, c["enterprise_id"])


def test_candidates_ranked_without_ties(flow):
    targets = ChainKG(flow).analysis(CLUSTER)["targets"]
    assert targets
    for group in targets:
        cands = group["candidates"]
        assert [c["rank"] for c in cands] == list(range(1, len(cands) + 1))
        keys = [_key(c) for c in cands]
        assert keys == sorted(keys) and len(set(keys)) == len(keys)  # the documented order, no tie left
        for prev, c in zip(cands, cands[1:]):
            assert (prev["score"] == c["score"]) == ("tie_break" in c)  # an equal score says which rule decided
        for c in cands:
            assert isinstance(c["score"], int) and 0 <= c["score"] <= 100
    by_firm = {(g["segment_id"], c["enterprise_id"]): c for g in targets for c in g["candidates"]}
    keda = by_firm[("smart-toilet-equipment", KEDA)]
    assert keda["scale"]["basis"] == "employees" and keda["profile"]["scale_basis"] == "员工人数"
    assert keda["distance_km"] == round(distance_km((113.227, 22.9802), TAIZHOU))   # 2016 coordinates, 佛山
    assert "proximity" in keda["parts"] and "scale" in keda["parts"]
    # the registry firm: employees unknown (not zero) → registered capital; no coordinates → its city's point,
    # said to be approximate (before: distance left out, which lifted it over firms with coordinates far away)
    hz = by_firm[("smart-toilet-integrated", HANGZHOU)]
    assert hz["scale"]["basis"] == "registered_capital" and hz["profile"]["distance_basis"] == "city"
    assert 150 < hz["distance_km"] < 250 and "proximity" in hz["parts"]   # 杭州 → 台州 ≈ 190 km
    assert any("按所在城市估算" in s for s in hz["profile"]["why"])


def test_other_segments_leave_out_the_gaps_lineage(flow):
    """Review 39 F3: a candidate's "other segments" (and so its relatedness) never include the gap's parents
    or children — before, a firm on the gap and its parent read 它还做「上级环节」，台州在这些环节已有本地企业."""
    kg = ChainKG(flow)
    checked = 0
    for group in kg.analysis(CLUSTER)["targets"]:
        lineage = set(kg.onto.ancestors(group["segment_id"])) | set(kg.onto.subtree(group["segment_id"]))
        for c in group["candidates"]:
            assert not {o["segment_id"] for o in c["profile"]["other_segments"]} & lineage, (group["segment"], c["name"])
            checked += 1
    assert checked


def test_tie_breaks_follow_scale_then_distance_then_id():
    gap = {"segment_id": "s", "segment": "测试环节", "kind": "missing",
           "evidence": {"local_firms": 0, "local_output": 0.0, "hhi": None, "dominance": 0.0}}
    # each also makes "x", where Taizhou has no firm: relatedness is measured, and 0 for all
    firms = [{"id": "c", "name": "丙", "employees": 500, "segments": ["s", "x"], "lon": 121.0, "lat": 30.0},
             {"id": "b", "name": "乙", "employees": 500, "segments": ["s", "x"], "lon": 121.0, "lat": 30.0},
             {"id": "a", "name": "甲", "employees": 500, "segments": ["s", "x"], "lon": 116.4, "lat": 39.9},
             {"id": "d", "name": "丁", "employees": 520, "segments": ["s", "x"], "lon": 116.4, "lat": 39.9},
             {"id": "e", "name": "戊", "segments": ["s", "x"]}]
    ranked = rank_targets(gap, firms, set(), 5, 10, params=AnalysisParams(w_target_scale=0.0, w_target_distance=0.0))
    assert {r["score"] for r in ranked} == {0}    # only relatedness weighs, and it is 0 for all
    assert [r["enterprise_id"] for r in ranked] == ["d", "b", "c", "a", "e"]   # size, distance, id; unknown last
    assert "tie_break" not in ranked[0] and "规模" in ranked[1]["tie_break"] and "编号" in ranked[2]["tie_break"]
    assert "距台州较远" in ranked[3]["tie_break"]


def test_profile_cards(flow):
    groups = ChainKG(flow).workbench(CLUSTER)
    assert groups
    slug = re.compile(r"\b[a-z]+_[a-z_]+\b|smart-toilet")  # no variable names or ids in the plain text
    for g in groups:
        for c in g["candidates"]:
            p = c["profile"]
            for key in ("name", "city", "address", "employees", "registered_capital", "revenue", "founded",
                        "stock_code", "products", "why", "sources", "other_segments", "scale", "distance_km"):
                assert key in p, key
            assert p["name"] == c["name"] and p["sources"] and len(p["why"]) >= 4
            assert not any(slug.search(s) for s in p["why"]), p["why"]
            assert all(re.search(r"[\u4e00-\u9fff]", s) for s in p["why"])
            assert all(not o["segment"].startswith(CLUSTER) for o in p["other_segments"])
    ruierte = next(c for g in groups if g["segment_id"] == "smart-toilet-integrated" for c in g["candidates"]
                   if c["enterprise_id"] == RUIERTE)
    others = {o["segment"]: o["local_firms"] for o in ruierte["profile"]["other_segments"]}
    assert others and all(re.search(r"[\u4e00-\u9fff]", n) for n in others)
    assert any(others.values()) and any("台州在这些环节已有本地企业" in s for s in ruierte["profile"]["why"])
    keda = next(c for g in groups for c in g["candidates"] if c["enterprise_id"] == KEDA)
    p = keda["profile"]
    assert p["stock_code"] == "600499.SH" and p["employees"] and p["founded"] and p["address"] and p["products"]
    assert any("wfp-listed-company-info-2016" in s for s in p["sources"])


def test_pipeline_changes_persist_and_survive_reload(flow, tmp_path):
    lead = ChainKG(flow).save_lead(KEDA, "smart-toilet-equipment", owner="张三", note="展会名单")
    assert lead["stage"] == "线索" and lead["owner"] == "张三" and lead["enterprise_name"] == "科达制造"
    for stage, note in (("已接触", "首次电话"), ("在谈", "第二次会谈，谈用地")):
        lead = ChainKG(flow).update_lead(lead["id"], stage=stage, note=note)
    lead = ChainKG(flow).update_lead(lead["id"], owner="李四")
    again = ChainKG(flow).save_lead(KEDA, "smart-toilet-equipment", stage="已签约", note="签约仪式")
    assert again["id"] == lead["id"]                       # one lead per firm and segment
    before = ChainKG(flow).leads(CLUSTER)
    assert len(before) == 1 and before[0]["stage"] == "已签约" and before[0]["owner"] == "李四"
    assert [h["stage"] for h in before[0]["history_rows"]] == ["线索", "已接触", "在谈", "在谈", "已签约"]
    assert before[0]["notes"] == "签约仪式"
    stored = flow.get_node("Lead", lead["id"])
    assert all(not isinstance(v, dict) and not (isinstance(v, list) and any(isinstance(x, (dict, list)) for x in v))
               for v in stored.values())                   # flat props
    # a reload of the bundled data (and of the census) leaves the pipeline as it was
    census_flow(flow, tmp_path)
    after = ChainKG(flow).leads(CLUSTER)
    assert after == before
    wb = {c["enterprise_id"]: c for g in ChainKG(flow).workbench(CLUSTER) if g["segment_id"] == "smart-toilet-equipment"
          for c in g["candidates"]}
    assert wb[KEDA]["lead"]["stage"] == "已签约"
    assert history_rows(flow.get_node("Lead", lead["id"]))[-1]["note"] == "签约仪式"
    with pytest.raises(InputError):
        ChainKG(flow).update_lead(lead["id"], stage="谈妥了")
    with pytest.raises(NotFoundError):
        ChainKG(flow).update_lead("lead-nope")
    with pytest.raises(NotFoundError):
        ChainKG(flow).save_lead("no-such-firm", "smart-toilet-equipment")
    with pytest.raises(NotFoundError):
        ChainKG(flow).save_lead(KEDA, "no-such-segment")


def test_pipeline_what_if_closes_a_gap(flow):
    gaps = {g["segment_id"]: g for g in ChainKG(flow).analysis(CLUSTER)["gaps"]}
    assert gaps["smart-toilet-equipment"]["kind"] == "single_point"
    checksum = flow.checksum()
    lead = ChainKG(flow).save_lead(KEDA, "smart-toilet-equipment", stage="线索")
    res = ChainKG(flow).pipeline_what_if(CLUSTER)
    assert res["leads"] == [] and res["closed"] == [] and not res["changes"]  # a 线索 is not expected to land
    ChainKG(flow).update_lead(lead["id"], stage="在谈")
    checksum = flow.checksum()
    res = ChainKG(flow).pipeline_what_if(CLUSTER)
    assert [x["enterprise"] for x in res["leads"]] == [KEDA]
    # the firm lands in its own segment under the parent gap: 陶瓷成型与烧成装备 is no longer missing
    assert "smart-toilet-ceramic-equipment" in {c["segment_id"] for c in res["filled"]}
    assert any("陶瓷成型与烧成装备」由缺失变为单点依赖" in s for s in res["summary"])
    # the parent is no stronger than its two single-point children: 单点依赖 → 薄弱, still a gap (it read 较强 and
    # "closed" before a parent's strength was capped by its children's)
    changed = {c["segment_id"]: c for c in res["changes"]}
    assert (changed["smart-toilet-equipment"]["kind_before"], changed["smart-toilet-equipment"]["kind_after"]) == \
        ("single_point", "weak")
    assert res["closed"] == [] and not any("不再是缺口" in s for s in res["summary"])
    assert flow.checksum() == checksum                    # a scenario never writes
    later = ChainKG(flow).pipeline_what_if(CLUSTER, stages=("已签约", "已落地"))
    assert later["leads"] == [] and later["closed"] == []
    with pytest.raises(InputError):
        ChainKG(flow).pipeline_what_if(CLUSTER, stages=("谈妥了",))
    with pytest.raises(NotFoundError):
        ChainKG(flow).pipeline_what_if("no-such-cluster")


def _client(store) -> TestClient:
    from api.app import create_app
    from api.deps import get_settings, get_store

    settings = Settings(api_token=TOKEN, dev_mode=False)
    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    return TestClient(app)


def test_api_writes_need_the_token(flow):
    c = _client(flow)
    wb = c.get("/api/v1/workbench", params={"cluster": CLUSTER})
    assert wb.status_code == 200 and wb.json()["total"] > 0
    cand = wb.json()["items"][0]["candidates"][0]
    assert cand["rank"] == 1 and cand["profile"]["why"] and cand["lead"] is None
    body = {"enterprise": KEDA, "segment": "smart-toilet-equipment", "owner": "张三"}
    assert c.post("/api/v1/leads", json=body).status_code == 401
    assert c.post("/api/v1/leads", json=body, headers={"Authorization": "Bearer wrong-token-0123456789"}).status_code == 401
    assert c.get("/api/v1/leads").json()["total"] == 0
    r = c.post("/api/v1/leads", json=body, headers=AUTH)
    assert r.status_code == 200 and r.json()["stage"] == "线索"
    lid = r.json()["id"]
    assert c.patch(f"/api/v1/leads/{lid}", json={"stage": "在谈"}).status_code == 401
    r = c.patch(f"/api/v1/leads/{lid}", json={"stage": "在谈", "note": "二次会谈"}, headers=AUTH)
    assert r.status_code == 200 and [h["stage"] for h in r.json()["history_rows"]] == ["线索", "在谈"]
    assert c.patch(f"/api/v1/leads/{lid}", json={"stage": "谈妥了"}, headers=AUTH).status_code == 422
    assert c.patch("/api/v1/leads/lead-nope", json={"stage": "在谈"}, headers=AUTH).status_code == 404
    listed = c.get("/api/v1/leads", params={"cluster": CLUSTER, "stage": "在谈"}).json()   # reads are public
    assert listed["total"] == 1 and listed["items"][0]["owner"] == "张三"
    csv = c.get("/api/v1/leads", params={"format": "csv"})
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbf") and "二次会谈" in csv.text
    wi = c.get("/api/v1/leads/what-if", params={"cluster": CLUSTER}).json()
    assert "smart-toilet-ceramic-equipment" in {x["segment_id"] for x in wi["filled"]}
    assert c.get("/api/v1/workbench", params={"cluster": CLUSTER}).json()["items"] and \
        any(x["lead"] and x["lead"]["stage"] == "在谈" for g in c.get("/api/v1/workbench").json()["items"]
            for x in g["candidates"])


def test_stages_are_the_schema_stages():
    from ontology.models import Lead

    assert tuple(Lead.model_fields["stage"].annotation.__args__) == STAGES


def test_workbench_page_edits_the_pipeline(tmp_path, monkeypatch):
    """The Streamlit page (SQLite): cards per candidate, a stage saved from the form persists, the
    pipeline table, the Excel download and the what-if of the pipeline."""
    from streamlit.testing.v1 import AppTest

    from chainkg.settings import PROJECT_ROOT
    from graph.store.sqlite_store import SQLiteStore

    path = tmp_path / "kg.db"
    store = SQLiteStore(path)
    census_flow(store, tmp_path)
    store.close()
    monkeypatch.setenv("CHAINKG_STORE", str(path))
    monkeypatch.setenv("CHAINKG_UI_WARMUP", "0")
    monkeypatch.setenv("CHAINKG_DEV_MODE", "1")          # a local single-user UI may write (ui/access.py)
    monkeypatch.delenv("CHAINKG_API_TOKEN", raising=False)
    at = AppTest.from_file(str(PROJECT_ROOT / "ui" / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/workbench.py").run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="wb_cluster").set_value(CLUSTER).run()
    at.selectbox(key="wb_segment").set_value("smart-toilet-equipment").run()
    assert not at.exception, [e.value for e in at.exception]
    body = "\n".join(str(m.value) for m in at.markdown)
    assert "为什么适合这个缺口" in body and "科达制造" in " ".join(e.label for e in at.expander)
    key = f"wb_smart-toilet-equipment_{KEDA}"
    at.selectbox(key=f"{key}_stage").set_value("在谈")
    at.text_input(key=f"{key}_owner").set_value("王五")
    at.text_area(key=f"{key}_note").set_value("约了实地考察")
    save = next(b for b in at.button if b.label == "保存" and key in str(b.proto.form_id))
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    lead = ChainKG(SQLiteStore(path)).leads(CLUSTER)[0]
    assert (lead["enterprise"], lead["stage"], lead["owner"], lead["notes"]) == (KEDA, "在谈", "王五", "约了实地考察")
    assert any("已保存" in s.value for s in at.success)
    pipeline = next(d.value for d in at.dataframe if "最新备注" in d.value.columns)
    assert pipeline["推进阶段"].tolist() == ["在谈"]
    assert len(at.get("download_button")) == 1
    assert any("由缺失变为单点依赖" in str(m.value) for m in at.markdown)
