"""Enterprises and technologies: filters, paging, detail by id or credit code, CSV."""

from __future__ import annotations

import pytest

from chainkg.service import ChainKG


def test_enterprises_paged_with_total_and_stable_order(client):
    full = client.get("/api/v1/enterprises", params={"limit": 500}).json()
    assert full["total"] == len(full["items"]) > 100
    ids = [e["id"] for e in full["items"]]
    # local operating firms first, then the rest; each part by what is known of the firm, id only for ties
    # (review 40 C8: by id, every registry firm's credit code came before every listed firm)
    from ontology.firms import output_figure, rank_key, size_facts

    first = [e["local"] is True and e.get("active") is not False for e in full["items"]]
    assert first == sorted(first, reverse=True) and any(first) and not all(first)
    keys = [(not f, rank_key(e.get("leading"), output_figure(e.get("output"), e.get("revenue")),
                             *size_facts(e.get("employees"), e.get("registered_capital"), e.get("capital_currency"),
                                         e.get("stock_code")), e["id"]))
            for f, e in zip(first, full["items"])]
    assert keys == sorted(keys)
    page = client.get("/api/v1/enterprises", params={"limit": 10, "offset": 20}).json()
    assert [e["id"] for e in page["items"]] == ids[20:30] and page["total"] == full["total"]


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"offset": -1}, {"local": "maybe"}])
def test_bad_paging_is_422(client, params):
    r = client.get("/api/v1/enterprises", params=params)
    assert r.status_code == 422
    assert r.json()["code"] == "invalid_input" and r.json()["details"]["errors"]


def test_enterprise_filters(client):
    local = client.get("/api/v1/enterprises", params={"local": True, "cluster": "auto", "limit": 500}).json()
    assert local["total"] > 0 and all(e["local"] for e in local["items"])
    listed = client.get("/api/v1/enterprises", params={"tag": "上市", "limit": 500}).json()
    assert listed["total"] > 0 and all("上市" in e["tags"] for e in listed["items"])
    county = local["items"][0]["county"]
    by_county = client.get("/api/v1/enterprises", params={"county": county, "limit": 500}).json()
    assert by_county["total"] > 0 and all(e["county"] == county for e in by_county["items"])
    name = local["items"][0]["name"]
    found = client.get("/api/v1/enterprises", params={"q": name[:4]}).json()
    assert name in {e["name"] for e in found["items"]}
    seg = client.get("/api/v1/enterprises", params={"segment": "auto-nev"}).json()
    assert seg["total"] >= 1
    assert client.get("/api/v1/enterprises", params={"cluster": "zzz"}).status_code == 404  # review 40 F10


def test_enterprises_of_a_dataset_and_not_in_a_cluster(client):
    """Review 39 F7: ``dataset`` keeps one dataset's firms, and ``unplaced`` with ``cluster`` keeps firms in none of
    that cluster's segments — so a cluster census's uncounted firms can be listed by name."""
    ds = client.get("/api/v1/datasets").json()[0]
    of_ds = client.get("/api/v1/enterprises", params={"dataset": ds["id"], "limit": 500}).json()
    everyone = client.get("/api/v1/enterprises", params={"limit": 1}).json()
    assert 0 < of_ds["total"] < everyone["total"]
    in_auto = client.get("/api/v1/enterprises", params={"dataset": ds["id"], "cluster": "auto", "limit": 500}).json()
    not_auto = client.get("/api/v1/enterprises", params={"dataset": ds["id"], "cluster": "auto", "unplaced": True,
                                                         "limit": 500}).json()
    assert in_auto["total"] > 0 and in_auto["total"] + not_auto["total"] == of_ds["total"]
    assert not {e["id"] for e in in_auto["items"]} & {e["id"] for e in not_auto["items"]}
    assert client.get("/api/v1/enterprises", params={"dataset": "nope"}).status_code == 404  # review 40 F10
    by_name = client.get("/api/v1/enterprises", params={"dataset": ds["name"], "limit": 500}).json()
    assert by_name == of_ds


def test_enterprise_detail_by_id_and_credit_code(client, api_store):
    _, firms = ChainKG(api_store).enterprises(limit=1000)
    e = firms[0]
    body = client.get(f"/api/v1/enterprises/{e['id']}").json()
    assert body["enterprise"]["id"] == e["id"] and isinstance(body["segments"], list)
    coded = next((f for f in firms if f.get("credit_code") and f["credit_code"] != f["id"]), None)
    if coded:
        assert client.get(f"/api/v1/enterprises/{coded['credit_code']}").json()["enterprise"]["id"] == coded["id"]
    assert client.get("/api/v1/enterprises/does-not-exist").status_code == 404


def test_enterprises_csv_formula_guard(client):
    r = client.get("/api/v1/enterprises", params={"format": "csv", "limit": 5})
    assert r.content.startswith(b"\xef\xbb\xbf")
    lines = r.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,name") and len(lines) == 6


def test_technologies_chokepoint_filter(client):
    all_t = client.get("/api/v1/technologies", params={"limit": 500}).json()
    chk = client.get("/api/v1/technologies", params={"chokepoint": True, "limit": 500}).json()
    assert 0 < chk["total"] < all_t["total"] and all(t["chokepoint"] for t in chk["items"])


@pytest.mark.parametrize("param,value,status", [("cluster", "pharm", 404), ("segment", "pharma-nope", 404),
                                                ("dataset", "ds-nope", 404), ("county", "海淀区", 422)])
def test_an_unknown_filter_value_is_an_error_naming_it_not_an_empty_page(client, param, value, status):
    """Review 40 F10: ?cluster=pharm, ?segment=pharma-nope, ?dataset=ds-nope answered 200 with 0 firms."""
    r = client.get("/api/v1/enterprises", params={param: value})
    assert r.status_code == status, r.json()
    body = r.json()
    assert param in body["message"] and value in body["message"]
    assert body["details"]["field"] == param and body["details"]["valid"]
    if param == "cluster":
        assert body["details"]["valid"][:2] == ["auto", "pharma"] and "pharma" in body["message"]
    if param == "county":
        assert "椒江" in body["details"]["valid"]


def test_a_county_as_the_registry_or_pinyin_writes_it_is_the_stored_one(client):
    """Review 40 F10: ?county=椒江区 (the registry's spelling) and ?county=Jiaojiang found nothing."""
    short = client.get("/api/v1/enterprises", params={"county": "椒江", "limit": 500}).json()
    assert short["total"] > 0
    for spelling in ("椒江区", "Jiaojiang", "浙江省台州市椒江区"):
        assert client.get("/api/v1/enterprises", params={"county": spelling, "limit": 500}).json() == short, spelling


def test_a_cluster_by_its_name_is_its_id(client):
    by_name = client.get("/api/v1/enterprises", params={"cluster": "医药", "limit": 5}).json()
    assert by_name == client.get("/api/v1/enterprises", params={"cluster": "pharma", "limit": 5}).json()
