"""Neighbourhood, ontology, policy targets, stats and export (JSON, CSV, GraphML)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from chainkg.service import ChainKG


def test_neighbourhood_depth_and_limit(client):
    one = client.get("/api/v1/graph/Cluster/auto", params={"depth": 1, "limit": 500}).json()
    ids = {n["id"] for n in one["nodes"]}
    assert "auto" in ids and len(ids) > 1 and all(r["type"] for r in one["rels"])
    capped = client.get("/api/v1/graph/Cluster/auto", params={"depth": 2, "limit": 5}).json()
    assert len(capped["nodes"]) <= 5
    assert client.get("/api/v1/graph/Cluster/auto", params={"depth": 4}).status_code == 422
    assert client.get("/api/v1/graph/Nope/auto").status_code == 422
    assert client.get("/api/v1/graph/Cluster/none").json() == {"nodes": [], "rels": []}


def test_ontology_and_policy_targets(client):
    onto = client.get("/api/v1/ontology").json()
    assert {"clusters", "segments", "feeds", "technologies", "policy"} <= set(onto)
    pt = client.get("/api/v1/policy-targets").json()
    assert pt["total"] > 0 and {"id", "name", "value", "unit", "year", "clause"} <= set(pt["items"][0])


def test_stats_match_service(client, api_store):
    body = client.get("/api/v1/stats").json()
    assert body == ChainKG(api_store).stats()


def test_export_json_whole_and_cluster(client, api_store):
    whole = client.get("/api/v1/export").json()
    counts = ChainKG(api_store).stats()
    assert len(whole["nodes"]) == sum(counts["nodes"].values())
    assert len(whole["rels"]) == sum(counts["relationships"].values())
    auto = client.get("/api/v1/export", params={"cluster": "auto"}).json()
    labels = {n["label"] for n in auto["nodes"]}
    assert {"Cluster", "Segment"} <= labels and len(auto["nodes"]) < len(whole["nodes"])
    assert {n["id"] for n in auto["nodes"] if n["label"] == "Cluster"} == {"auto"}
    assert client.get("/api/v1/export", params={"cluster": "nope"}).status_code == 404


def test_export_graphml_parses(client):
    r = client.get("/api/v1/export", params={"format": "graphml", "cluster": "sewing"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(r.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert root.findall(".//g:node", ns) and root.findall(".//g:edge", ns)


@pytest.mark.parametrize("fmt", ["csv"])
def test_export_csv(client, fmt):
    r = client.get("/api/v1/export", params={"format": fmt, "cluster": "sewing"})
    assert r.content.startswith(b"\xef\xbb\xbf")
    lines = r.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "kind,label_or_type,id,src,dst,name,props" and len(lines) > 10
