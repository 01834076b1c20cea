"""Every UI page under ``streamlit.testing.v1.AppTest`` against a temp SQLite store with the bundled
data: no exception, key elements present, and the filters, selectboxes and buttons change the output."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from chainkg.settings import PROJECT_ROOT

APP = str(PROJECT_ROOT / "ui" / "app.py")


@pytest.fixture(scope="module")
def store_path(bundled_store) -> str:
    return bundled_store


@pytest.fixture(autouse=True)
def _env(store_path, monkeypatch):
    monkeypatch.setenv("CHAINKG_STORE", store_path)


def open_page(page: str | None = None, lang_en: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if lang_en:
        at.session_state["lang_en"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [h.value for h in at.title] + [i.value for i in at.info]
    return "\n".join(map(str, parts))


def frame(at: AppTest, i: int = 0) -> pd.DataFrame:
    return at.dataframe[i].value


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page with this column."""
    for d in at.dataframe:
        if column in d.value.columns:
            return d.value
    raise AssertionError(f"no table with column {column!r}")


def graph_args(at: AppTest) -> dict:
    comps = [e for e in at.get("component_instance")] or [e for e in at.main if type(e).__name__ == "UnknownElement"]
    for c in comps:
        args = json.loads(c.proto.json_args) if c.proto.json_args else {}
        if "data" in args:
            return json.loads(args["data"])
    raise AssertionError("no graph component on the page")


def test_overview_shows_clusters_targets_and_charts():
    at = open_page()
    body = texts(at)
    for name in ("汽车", "医药", "泵与电机", "模具与塑料", "缝制设备", "智能马桶", "航空航天"):
        assert name in body
    assert len(at.metric) >= 14  # firms + leading firms for each of the seven clusters
    targets = frame(at, 0)
    assert len(targets) >= 30 and set(targets["当前值"]) == {"数据中无"}
    assert targets["条款原文"].str.startswith(("一", "二", "三")).all()
    assert len(at.get("vega_lite_chart")) == 2


def test_english_toggle_switches_the_strings():
    at = open_page()
    assert at.title[0].value == "台州产业链知识图谱"
    at.toggle(key="lang_en").set_value(True).run()
    assert not at.exception
    assert at.title[0].value == "Taizhou Industrial-Chain Knowledge Graph"
    assert "Automotive" in texts(at)
    assert "Current value" in frame(at, 0).columns


def test_panorama_graph_and_segment_detail():
    at = open_page("panorama")
    data = graph_args(at)
    ids = {n["id"] for n in data["nodes"]}
    assert "auto-nev" in ids and all(i.startswith("auto-") for i in ids)
    assert all("x" in n and "y" in n and n["color"] for n in data["nodes"])
    assert data["edges"]
    # upstream left of downstream
    x = {n["id"]: n["x"] for n in data["nodes"]}
    assert x["auto-materials"] < x["auto-nev"] if "auto-materials" in x else True
    before = at.subheader[0].value
    at.selectbox(key="pan_cluster").set_value("sewing").run()
    assert not at.exception
    assert {n["id"] for n in graph_args(at)["nodes"]} != ids
    assert at.subheader[0].value != before
    # pick a segment with firms: the enterprise table and its evidence appear
    seg = at.selectbox(key="pan_seg_sewing")
    seg.set_value("sewing-industrial-machines").run()
    assert not at.exception
    firms = frame(at, 0)
    assert len(firms) >= 1 and "证据" in firms.columns and "来源" in firms.columns


def test_gaps_filters_targets_and_extensions():
    at = open_page("gaps")
    gaps_all = frame(at, 0)
    assert len(gaps_all) > 50 and {"缺失", "单点依赖"} <= set(gaps_all["类型"])
    assert "判定规则" in gaps_all.columns
    at.multiselect(key="gap_kinds").set_value(["strong"]).run()
    strong = frame(at, 0)
    assert set(strong["类型"]) == {"较强"} and len(strong) < len(gaps_all)
    at.multiselect(key="gap_kinds").set_value(["missing", "single_point", "weak"])
    at.selectbox(key="gap_cluster").set_value("auto").run()
    auto = frame(at, 0)
    assert set(auto["产业集群"]) == {"汽车"}
    targets = frame_with(at, "理由")
    assert len(targets) > 0 and targets["理由"].str.len().min() > 0
    assert len(at.get("download_button")) == 1


def test_excel_export_round_trips():
    from ui.common import to_xlsx

    data = to_xlsx({"环节强弱（补链/强链）": pd.DataFrame({"a": ["=1+1", "ok"]}), "招商目标": pd.DataFrame()})
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets) == ["环节强弱（补链-强链）", "招商目标"]
    assert sheets["环节强弱（补链-强链）"]["a"].tolist() == ["'=1+1", "ok"]  # no formula injection


def test_chokepoints_ranked_with_parts_and_candidates():
    at = open_page("chokepoints")
    ranked = frame(at, 0)
    assert {"严重度", "影响面", "能力缺口", "优先级得分"} <= set(ranked.columns)
    assert ranked["优先级得分"].is_monotonic_decreasing
    projects = frame_with(at, "候选企业数")
    assert "揭榜挂帅" in texts(at) and len(projects) > 0
    at.toggle(key="ck_only").set_value(True).run()
    flagged = frame(at, 0)
    assert len(flagged) < len(ranked) and set(flagged["卡脖子"]) == {"是"}
    at.selectbox(key="ck_cluster").set_value("pharma").run()
    pharma = frame(at, 0)
    assert len(pharma) > 0 and pharma["产业集群"].str.contains("医药").all()


def test_enterprises_search_and_profile():
    at = open_page("enterprises")
    total = frame(at, 0)
    at.selectbox(key="ent_county").set_value("温岭").run()
    wenling = frame(at, 0)
    assert 0 < len(wenling) < len(total) and set(wenling["区县"]) == {"温岭"}
    at.text_input(key="ent_q").set_value("钱江").run()
    hits = frame(at, 0)
    assert len(hits) == 1 and "钱江" in hits["企业"].iloc[0]
    assert "浙江钱江摩托" in at.subheader[0].value
    segs = frame_with(at, "归属方式")  # segments with evidence
    assert len(segs) >= 1 and segs["证据"].str.len().min() > 0
    assert "Tushare" in texts(at)  # sources listed


def test_whatif_removing_firms_changes_segments(store_path):
    from chainkg import service
    from graph.sqlite_store import SQLiteStore

    _, firms = service.enterprises(SQLiteStore(store_path), cluster="auto", local=True, limit=2000)
    at = open_page("whatif")
    assert "请至少选择一项变化" in texts(at)
    at.multiselect(key="wi_remove").set_value([f["id"] for f in firms])
    at.button[0].click().run()
    assert not at.exception
    changes = frame(at, 0)
    assert len(changes) > 0 and {"原类型", "新类型", "强度变化"} <= set(changes.columns)
    assert (changes["强度变化"].dropna() <= 0).all()
    assert any(m.value != "0" and m.delta not in (None, "0") for m in at.metric)


def test_import_previews_mapping_loads_and_reports_quarantine(store_path):
    csv = ("企业名称,所属区县,主营产品,统一社会信用代码\n"
           "示例泵业测试有限公司,温岭,潜水电泵,\n"
           "坏代码企业有限公司,温岭,水泵,123\n").encode("utf-8")
    at = open_page("importer")
    at.file_uploader[0].set_value(("new.csv", csv, "text/csv")).run()
    assert not at.exception
    mapping = frame_with(at, "原始列名")
    assert dict(zip(mapping["原始列名"], mapping["识别为字段"]))["企业名称"] == "name"
    at.button(key="imp_load").click().run()
    assert not at.exception
    assert at.success and "导入完成" in at.success[0].value
    assert at.warning and "1 行被隔离" in at.warning[0].value
    assert len(at.get("download_button")) == 1
    from graph.sqlite_store import SQLiteStore

    assert SQLiteStore(store_path).find_enterprises(q="示例泵业测试")[0] == 1


def test_query_page_needs_neo4j_on_sqlite():
    at = open_page("query")
    assert "Neo4j" in at.info[0].value
    assert not at.text_area


@pytest.mark.neo4j
def test_query_console_on_neo4j(neo4j_store, monkeypatch):
    """The Cypher console on a Neo4j store: a read query gives a table and a graph."""
    from chainkg import service

    service.load(neo4j_store)
    url = os.environ["CHAINKG_NEO4J_URL"]
    monkeypatch.setenv("CHAINKG_STORE", url)
    at = open_page("query")
    at.text_area(key="q_text").set_value(
        "MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment {cluster: 'sewing'}) RETURN e, r, s LIMIT 10")
    at.button(key="q_run").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert len(frame(at, 0)) > 0
    graph_args(at)  # the result drawn as a graph
    at.text_area(key="q_text").set_value("CREATE (n:Enterprise {id: 'x'}) RETURN n")
    at.button(key="q_run").click().run()
    assert at.error  # writes are refused
