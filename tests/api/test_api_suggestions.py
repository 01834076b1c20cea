"""An unplaced firm's suggestions over the API: the list's ``unplaced`` filter, GET …/suggestions
(never counted), and the confirm behind the token — on both stores."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from api_client import AUTH, make_client

from api.deps import get_kg, get_ontology
from chainkg.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "chainkg"))
from test_suggestions import SEG, firm, write_rows  # noqa: E402  (the same test rows as the service tests)


@pytest.fixture
def client(store, tmp_path):
    kg = get_kg(store, get_ontology())  # the app's own service object: its cache follows the load
    kg.load([write_rows(tmp_path)])
    from api_client import TOKEN

    with make_client(store, Settings(api_token=TOKEN, dev_mode=False)) as c:
        yield c, kg


def test_unplaced_list_suggestions_and_token_gated_confirm(client):
    c, kg = client
    listed = c.get("/api/v1/enterprises", params={"unplaced": True}).json()
    assert listed["total"] == 2 and {e["name"] for e in listed["items"]} == {"示例化工测试有限公司", "示例快递测试有限公司"}
    chem = firm(kg, "示例化工测试有限公司")["id"]
    body = c.get(f"/api/v1/enterprises/{chem}/suggestions").json()
    assert body["state"] == "suggested" and body["counted"] is False
    top = body["suggestions"][0]
    assert top["segment_id"] == SEG and body["floor"] <= top["confidence"] < body["link_min"]
    path = f"/api/v1/enterprises/{chem}/suggestions/confirm"
    assert c.post(path, json={"segment": SEG, "who": "接口测试"}).status_code == 401
    assert c.post(path, json={"segment": "pharma-api", "who": "接口测试"}, headers=AUTH).status_code == 422
    r = c.post(path, json={"segment": SEG, "who": "接口测试"}, headers=AUTH)
    assert r.status_code == 200 and r.json()[0]["why"] == f"confirmed a suggestion at {top['confidence']:.2f}"
    assert c.get(f"/api/v1/enterprises/{chem}/suggestions").json()["state"] == "placed"
    assert c.get("/api/v1/enterprises", params={"unplaced": True}).json()["total"] == 1
    assert any(s["segment_id"] == SEG for s in c.get(f"/api/v1/enterprises/{chem}").json()["segments"])
    assert c.get("/api/v1/enterprises/nobody/suggestions").status_code == 404
    ops = c.get("/openapi.json").json()["paths"]
    assert "/api/v1/enterprises/{enterprise_id}/suggestions" in ops
    assert ops["/api/v1/enterprises/{enterprise_id}/suggestions/confirm"]["post"].get("security")
