"""Gaps, priority projects (揭榜挂帅), chokepoints, targets and what-if."""

from __future__ import annotations

import pytest

from graph.analytics.strength import GAP_KINDS


def test_gaps_all_and_per_cluster(client):
    allg = client.get("/api/v1/gaps", params={"limit": 500}).json()
    assert allg["total"] > 100 and {g["kind"] for g in allg["items"]} <= set(GAP_KINDS)
    auto = client.get("/api/v1/gaps", params={"cluster": "auto", "limit": 500}).json()
    assert auto["total"] > 0 and all(g["cluster"] == "auto" for g in auto["items"])
    same = client.get("/api/v1/clusters/auto/gaps", params={"limit": 500}).json()
    assert same == auto
    assert client.get("/api/v1/gaps", params={"cluster": "nope"}).status_code == 404


def test_analysis_params_as_query(client):
    base = client.get("/api/v1/gaps", params={"limit": 500}).json()["items"]
    strict = client.get("/api/v1/gaps", params={"limit": 500, "weak_threshold": 0.99}).json()["items"]
    weak = lambda gs: sum(g["kind"] in ("weak", "missing", "single_point") for g in gs)  # noqa: E731
    assert weak(strict) >= weak(base)
    r = client.get("/api/v1/gaps", params={"weak_threshold": 2})
    assert r.status_code == 422 and r.json()["code"] == "invalid_input"


def test_priority_projects_ranked_with_parts_and_candidates(client):
    body = client.get("/api/v1/priority-projects", params={"limit": 500}).json()
    items = body["items"]
    assert body["total"] == len(items) > 0
    assert [p["rank"] for p in items] == list(range(1, len(items) + 1))
    assert [p["score"] for p in items] == sorted((p["score"] for p in items), reverse=True)
    assert {"severity", "reach", "capability_gap"} <= set(items[0]["parts"])
    assert any(p["candidates"] for p in items)
    c = next(p for p in items if p["candidates"])["candidates"][0]
    assert {"enterprise_id", "name", "holds", "reasons"} <= set(c)
    csv_text = client.get("/api/v1/priority-projects", params={"format": "csv"}).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("rank,project")


def test_priority_projects_csv_has_readable_candidate_columns(client):
    """Review 40 C10: the candidates were one JSON cell with bilingual reasons; now names joined, the holders,
    and each candidate's reasons in the request's language (?lang, else Accept-Language; Chinese by default)."""
    import csv
    import io

    items = client.get("/api/v1/priority-projects", params={"limit": 500}).json()["items"]
    p = next(p for p in items if len(p["candidates"]) >= 2)
    rows = {}
    for lang, kw in (("zh", {}), ("en", {"params": {"lang": "en"}}), ("en-header", {"headers": {"Accept-Language": "en-GB,en"}})):
        text = client.get("/api/v1/priority-projects", **{"params": {"format": "csv", "limit": 500, **kw.get("params", {})},
                                                            "headers": kw.get("headers", {})}).content.decode("utf-8-sig")
        rows[lang] = {r["technology_id"]: r for r in csv.DictReader(io.StringIO(text))}
    zh, en = rows["zh"][p["technology_id"]], rows["en"][p["technology_id"]]
    assert "{" not in zh["candidates"] and zh["candidates"] == "、".join(c["name"] for c in p["candidates"])
    assert {"severity", "reach", "capability_gap", "candidates_holding", "candidate_reasons"} <= set(zh)
    assert "需求方" in zh["candidate_reasons"] and "demand side" not in zh["candidate_reasons"]
    assert "demand side" in en["candidate_reasons"] and "需求方" not in en["candidate_reasons"]
    assert rows["en-header"][p["technology_id"]]["candidate_reasons"] == en["candidate_reasons"]
    assert float(zh["reach"]) == p["parts"]["reach"]


def test_chokepoints_and_targets(client):
    ch = client.get("/api/v1/chokepoints").json()
    assert ch["total"] > 0 and "score" in ch["items"][0]
    tg = client.get("/api/v1/targets", params={"cluster": "smart-toilet"}).json()
    assert all(t["cluster"] == "smart-toilet" and t["kind"] != "strong" for t in tg["items"])
    assert all(t["candidates"] for t in tg["items"])


def test_what_if_remove_local_firms(client):
    local = client.get("/api/v1/enterprises", params={"local": True, "cluster": "sewing", "limit": 500}).json()["items"]
    r = client.post("/api/v1/what-if", params={"cluster": "sewing"},
                    json={"remove_enterprises": [e["id"] for e in local]})
    assert r.status_code == 200
    body = r.json()
    assert body["summary_after"]["missing"] >= body["summary_before"]["missing"]
    assert client.post("/api/v1/what-if", json={"remove_enterprises": "x"}).status_code == 422
    assert client.post("/api/v1/what-if", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422


@pytest.mark.parametrize("path", ["/api/v1/workbench", "/api/v1/targets"])
def test_an_empty_candidate_list_says_why(client, path):
    """Review 40 F10/C3: /workbench and /targets answered {"total":0,"items":[]} with no reason; on the bundled
    data (no census) they say what is loaded and what a census needs — the page's own sentence."""
    body = client.get(path, params={"cluster": "pharma"}).json()
    assert body["total"] == 0 and body["items"] == []
    reason = body["reason"]
    assert reason["census"] is False and reason["outside_firms"] > 0
    assert f"已载入外地在营企业 {reason['outside_firms']} 家" in reason["zh"] and "普查需要" in reason["zh"]
    assert "census" in reason["en"] and str(reason["outside_firms"]) in reason["en"]

