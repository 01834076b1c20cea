"""Clusters and segments, over both stores."""

from __future__ import annotations

import pytest

from graph.analytics.strength import GAP_KINDS


def test_list_clusters_paged_and_ordered(client):
    r = client.get("/api/v1/clusters")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 7 and body["limit"] == 100 and body["offset"] == 0
    assert [c["id"] for c in body["items"]][:2] == ["auto", "pharma"]
    auto = body["items"][0]
    assert auto["name"] == "汽车" and auto["local_enterprises"] > 0
    assert set(auto["gaps"]) == set(GAP_KINDS)
    assert auto["basis"]["label"] == "上市公司及样本口径" and not auto["basis"]["adequate"]
    # 智能马桶 has no listed firm in Taizhou: its 已有 verdicts rest on the public-report sample alone, so its
    # 口径 names the sample (it read 上市公司口径)
    toilet = next(c for c in body["items"] if c["id"] == "smart-toilet")
    sample = {d["population"]: d["local_firms"] for d in toilet["basis"]["datasets"]}
    assert sample["上市公司"] == 0 and sample["样本/自填"] > 0 and toilet["basis"]["label"] == "上市公司及样本口径"
    second = client.get("/api/v1/clusters", params={"limit": 2, "offset": 1}).json()
    assert second["total"] == 7 and [c["id"] for c in second["items"]] == [c["id"] for c in body["items"][1:3]]


def test_cluster_detail_has_segments_and_feeds(client):
    body = client.get("/api/v1/clusters/auto").json()
    assert body["cluster"]["id"] == "auto"
    seg_ids = {s["id"] for s in body["segments"]}
    assert "auto-nev" in seg_ids
    assert body["feeds"] and {"from", "to", "reason"} <= set(body["feeds"][0])
    assert all(f["from"] in seg_ids and f["to"] in seg_ids for f in body["feeds"])


def test_unknown_cluster_is_404_with_error_shape(client):
    r = client.get("/api/v1/clusters/nope")
    assert r.status_code == 404
    body = r.json()
    assert body["code"] == "not_found" and body["message"].startswith("unknown cluster 'nope': use one of auto, pharma")
    assert body["details"] == {"field": "cluster", "value": "nope", "valid": ["auto", "pharma", "pump-motor",
                               "mould-plastic", "sewing", "smart-toilet", "aerospace"]}


@pytest.mark.parametrize("path", ["/api/v1/priority-projects", "/api/v1/gaps", "/api/v1/workbench", "/api/v1/leads"])
def test_an_unknown_cluster_lists_the_ids_and_a_cluster_name_is_read(client, path):
    """Review 40 F10: ?cluster=医药 was "unknown cluster '医药'" without the ids; ?cluster=pharm on /leads was an
    empty 200. The name is now read as its id, and an unknown value lists the ids."""
    r = client.get(path, params={"cluster": "pharm"})
    assert r.status_code == 404 and "pharma" in r.json()["details"]["valid"], r.json()
    assert "use one of auto, pharma" in r.json()["message"]
    by_name = client.get(path, params={"cluster": "医药", "limit": 3})
    assert by_name.status_code == 200 and by_name.json() == client.get(path, params={"cluster": "pharma",
                                                                                      "limit": 3}).json()


def test_segment_detail_with_enterprises_and_technologies(client):
    body = client.get("/api/v1/segments/auto-nev", params={"limit": 5}).json()
    assert body["segment"]["id"] == "auto-nev"
    assert body["enterprise_total"] >= len(body["enterprises"]) and len(body["enterprises"]) <= 5
    assert isinstance(body["technologies"], list) and "children" in body
    assert client.get("/api/v1/segments/no-such").status_code == 404


def test_clusters_csv_has_bom_and_chinese(client):
    r = client.get("/api/v1/clusters", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")
    text = r.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id,name") and "汽车" in text
    via_accept = client.get("/api/v1/clusters", headers={"Accept": "text/csv"})
    assert via_accept.content == r.content
