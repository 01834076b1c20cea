"""Cross-cutting HTTP behaviour: ETag/304, request ids, error shapes, CSV safety, CORS, OpenAPI."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from api.http import csv_cell, csv_response
from chainkg.settings import Settings


def test_etag_and_304(client):
    r = client.get("/api/v1/clusters")
    tag = r.headers["etag"]
    assert tag.startswith('"') and r.headers["cache-control"] == "no-cache"
    again = client.get("/api/v1/clusters", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    other = client.get("/api/v1/clusters", headers={"If-None-Match": '"other"'})
    assert other.status_code == 200
    assert client.get("/api/v1/clusters", params={"limit": 1}).headers["etag"] != tag


def test_request_id_echoed_or_generated_and_logged(client, caplog):
    with caplog.at_level(logging.INFO, logger="chainkg.api.access"):
        r = client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    assert any("request_id=abc-123" in m and "/health" in m for m in caplog.messages)
    bad = client.get("/health", headers={"X-Request-ID": "x" * 100})
    assert client.get("/health", headers={"X-Request-ID": "a b;c"}).headers["x-request-id"] != "a b;c"
    assert bad.headers["x-request-id"] != "x" * 100 and len(bad.headers["x-request-id"]) == 32
    assert len(client.get("/health").headers["x-request-id"]) == 32
    assert client.get("/api/v1/clusters/nope").headers["x-request-id"]


@pytest.mark.parametrize("path,status,code", [("/api/v1/nothing", 404, "not_found"),
                                              ("/api/v1/enterprises?limit=x", 422, "invalid_input"),
                                              ("/api/v1/enterprises/x/y/z", 404, "not_found")])
def test_error_shape(client, path, status, code):
    r = client.get(path)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"code", "message", "details"} and body["code"] == code


def test_method_not_allowed_shape(client):
    r = client.delete("/api/v1/clusters")
    assert r.status_code == 405 and r.json()["code"] == "method_not_allowed"


def test_unexpected_error_is_generic_500_with_request_id(api_store, settings, caplog, monkeypatch):
    from chainkg.service import ChainKG

    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(ChainKG, "stats", boom)
    with caplog.at_level(logging.ERROR, logger="chainkg.api"):
        r = _client(api_store, settings).get("/api/v1/stats", headers={"X-Request-ID": "req-500"})
    assert r.status_code == 500
    assert r.json() == {"code": "internal_error", "message": "internal server error",
                        "details": {"request_id": "req-500"}}
    assert r.headers["x-request-id"] == "req-500" and "secret" not in r.text
    assert any("req-500" in rec.getMessage() for rec in caplog.records)


def _client(store, settings) -> TestClient:
    from api_client import make_client

    return make_client(store, settings)


def test_csv_cells_guard_formulas():
    assert [csv_cell(v) for v in ("=HYPERLINK(1)", "+1", "-2", "@SUM", "\tx", "ok", None, True)] == \
        ["'=HYPERLINK(1)", "'+1", "'-2", "'@SUM", "'\tx", "ok", "", "true"]
    assert csv_cell(-3) == "-3" and csv_cell({"a": "=b"}).startswith("{")
    body = csv_response([{"name": "=cmd|' /C calc'!A0", "n": 1}], "t").body
    assert body.startswith(b"\xef\xbb\xbf") and "'=cmd" in body.decode("utf-8-sig")


def test_cors_closed_by_default_and_configurable(api_store):
    closed = _client(api_store, Settings(api_token="cors-test-token-0123"))
    r = closed.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    opened = _client(api_store, Settings(api_token="cors-test-token-0123", cors_origins=["https://ui.example"]))
    r = opened.get("/health", headers={"Origin": "https://ui.example"})
    assert r.headers["access-control-allow-origin"] == "https://ui.example"
    r = opened.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"].startswith("ChainKG")
    paths = spec["paths"]
    for p in ("/api/v1/clusters", "/api/v1/enterprises", "/api/v1/gaps", "/api/v1/priority-projects",
              "/api/v1/chokepoints", "/api/v1/targets", "/api/v1/what-if", "/api/v1/export", "/api/v1/cypher"):
        assert p in paths
    assert "swagger" in client.get("/docs").text.lower()
    gap = spec["components"]["schemas"]["Gap"]["properties"]["kind"]
    assert "缺失" in gap["description"]


def test_scores_say_their_scale_and_the_basis_says_the_census_firms_in_no_segment(client):
    """An API consumer read a chokepoint's score 31.59 beside its parts 0.81, 0.39, 1.0 and a gap's strength
    0.0 beside its score 42.975 with no scale said for the scores; and the census firms in none of the
    cluster's segments (the pages warn of them) were in the basis without a word on what they are."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for model, field in (("Gap", "score"), ("Gap", "strength"), ("Chokepoint", "score"), ("Project", "score"),
                         ("Chokepoint", "parts"), ("Project", "parts")):
        desc = schemas[model]["properties"][field]["description"]
        assert "0–100" in desc or "0–1" in desc, (model, field, desc)
    basis = schemas["Basis"]["properties"]["census_firms_not_placed"]
    assert basis["type"] == "integer" and "家" in basis["description"]
    gap = client.get("/api/v1/gaps", params={"limit": 1}).json()["items"][0]
    assert gap["basis"]["census_firms_not_placed"] == 0   # the bundled data: no cluster census
