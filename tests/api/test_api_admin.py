"""Security of writes and the Cypher console: tokens, import/reload, and the read-only guard."""

from __future__ import annotations

import pytest

from graph.store.cypher_guard import CypherRefused, normalise, read_only
from chainkg.settings import Settings
from api_client import AUTH, TOKEN, make_client

GOOD_CSV = ("统一社会信用代码,企业名称,所属区县,是否本地,主营产品,所属环节,来源\n"
            ",测试导入泵业有限公司,温岭,是,潜水泵,pump-motor-submersible,测试 / test\n"
            "123,坏信用代码有限公司,温岭,是,潜水泵,pump-motor-submersible,测试 / test\n").encode("utf-8-sig")
WRITES = [("post", "/api/v1/reload", {}), ("post", "/api/v1/cypher", {"json": {"query": "RETURN 1"}}),
          ("post", "/api/v1/import", {"files": {"file": ("e.csv", GOOD_CSV, "text/csv")}}),
          ("post", "/api/v1/overrides", {"json": {"enterprise": "x", "segment": "auto-nev", "action": "add",
                                                  "who": "w", "why": "y"}}),
          ("post", "/api/v1/overrides/import", {"files": {"file": ("o.csv", b"enterprise,segment\n", "text/csv")}})]


@pytest.mark.parametrize("method,path,kw", WRITES)
def test_writes_need_token(client, method, path, kw):
    r = getattr(client, method)(path, **kw)
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"
    wrong = getattr(client, method)(path, headers={"Authorization": "Bearer nope"}, **kw)
    assert wrong.status_code == 401
    basic = getattr(client, method)(path, headers={"Authorization": f"Basic {TOKEN}"}, **kw)
    assert basic.status_code == 401


def test_no_configured_token_refuses_even_dev_token(api_store):
    c = make_client(api_store, Settings(api_token=None, dev_mode=False))
    r = c.post("/api/v1/reload", headers={"Authorization": "Bearer dev-token"})
    assert r.status_code == 403 and r.json()["code"] == "forbidden"


def test_dev_mode_accepts_dev_token_only_without_configured_token(api_store):
    dev = make_client(api_store, Settings(api_token=None, dev_mode=True))
    assert dev.post("/api/v1/cypher", json={"query": "RETURN 1 AS x"},
                    headers={"Authorization": "Bearer dev-token"}).status_code in (200, 400)  # 400 on SQLite
    configured = make_client(api_store, Settings(api_token="real-token-0123456789", dev_mode=True))
    assert configured.post("/api/v1/reload", headers={"Authorization": "Bearer dev-token"}).status_code == 401


def test_import_reports_quarantine(client, api_store):
    r = client.post("/api/v1/import", headers=AUTH, files={"file": ("企业.csv", GOOD_CSV, "text/csv")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["files"] == ["企业.csv"] and body["enterprises"] == 1
    assert body["quarantined"] and all(q["file"] == "企业.csv" for q in body["quarantined"])
    assert {q["row"] for q in body["quarantined"]} == {3}
    found = client.get("/api/v1/enterprises", params={"q": "测试导入泵业"}).json()
    assert found["total"] == 1  # the cache was invalidated by the load


def test_import_refuses_unknown_type(client):
    r = client.post("/api/v1/import", headers=AUTH, files={"file": ("x.exe", b"MZ", "application/octet-stream")})
    assert r.status_code == 422 and r.json()["code"] == "invalid_input"
    assert client.post("/api/v1/import", headers=AUTH).status_code == 422


def test_reload_is_idempotent(client):
    before = client.get("/api/v1/stats").json()["checksum"]
    r = client.post("/api/v1/reload", headers=AUTH)
    assert r.status_code == 200 and r.json()["enterprises"] > 100
    assert client.get("/api/v1/stats").json()["checksum"] == before


# -- the Cypher console -------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "MATCH (n) DETACH DELETE n", "CREATE (n:X)", "MATCH (n) SET n.x = 1", "MERGE (n:Cluster {id: 'x'})",
    "MATCH (n) REMOVE n.name", "DROP CONSTRAINT cluster_id", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "load csv from 'http://x' as l return l", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
    "UNWIND [1] AS x FOREACH (i IN [1] | CREATE (:X))", "CALL db.createLabel('X')", "CALL apoc.create.node(['X'], {})",
    "CALL dbms.security.createUser('a','b')", "CALL `db`.labels()", "MATCH (n) RETURN n; MATCH (m) DELETE m",
    "MATCH (n) RETURN n /* hide */ CREATE (m)", "RETURN 'a' // x\nCREATE (m)", "MATCH (n) `CREATE` (m)",
    "RETURN 'unterminated", "SHOW USERS", "CALL db.index.fulltext.createNodeIndex('a',['X'],['y'])",
    "INSERT (n:X)", "MATCH (n) WITH n CALL dbms.killQuery('x') RETURN 1",
])
def test_guard_rejects_writes(query):
    with pytest.raises(CypherRefused):
        read_only(query)


@pytest.mark.parametrize("query", [
    "MATCH (n:Cluster) RETURN n.id ORDER BY n.id", "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n",
    'RETURN "DELETE; SET" AS s', "MATCH (n) RETURN n // DELETE everything", "MATCH (n) RETURN n /* MERGE */",
    "CALL db.labels()", "MATCH (n) CALL (n) { RETURN count(*) AS c } RETURN c", "MATCH (n) WHERE n.name STARTS WITH 'a' RETURN n",
    "MATCH (n) RETURN n.set, n.load", "RETURN 1;",
])
def test_guard_allows_reads(query):
    out = read_only(query)  # the normalised text that runs: comments blanked, same length
    assert out == normalise(query) and len(out) == len(query)
    assert out == query or "//" in query or "/*" in query


def test_cypher_needs_neo4j(client, api_store):
    r = client.post("/api/v1/cypher", headers=AUTH, json={"query": "RETURN 1 AS x"})
    if api_store.kind == "sqlite":
        assert r.status_code == 400 and r.json()["code"] == "unsupported_store"
    else:
        assert r.status_code == 200 and r.json()["rows"] == [{"x": 1}]


@pytest.fixture
def neo4j_client(client, api_store):
    if api_store.kind != "neo4j":
        pytest.skip("Cypher console runs on Neo4j only (covered above for SQLite)")
    return client


def test_cypher_read_rows_and_params(neo4j_client):
    r = neo4j_client.post("/api/v1/cypher", headers=AUTH,
                          json={"query": "MATCH (c:Cluster {id: $id}) RETURN c.name AS name, c AS node",
                                "params": {"id": "auto"}})
    body = r.json()
    assert body["rows"][0]["name"] == "汽车" and body["rows"][0]["node"]["props"]["id"] == "auto"
    assert body == body | {"row_count": 1, "truncated": False, "row_cap": 50}


def test_cypher_write_rejected_before_running(neo4j_client, api_store):
    before = api_store.counts()
    for q in ("CREATE (n:Cluster {id: 'evil', name: 'x', source: 'x'})", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
              "MATCH (n:Cluster) WHERE n.id = 'auto' RETURN n /* */ DETACH DELETE n"):
        r = neo4j_client.post("/api/v1/cypher", headers=AUTH, json={"query": q})
        assert r.status_code == 400 and r.json()["code"] == "cypher_refused"
    assert api_store.counts() == before


def test_cypher_row_cap(neo4j_client):
    body = neo4j_client.post("/api/v1/cypher", headers=AUTH, json={"query": "UNWIND range(1, 10000) AS x RETURN x"}).json()
    assert body["row_count"] == 50 and len(body["rows"]) == 50 and body["truncated"] is True


def test_cypher_timeout(neo4j_client):
    r = neo4j_client.post("/api/v1/cypher", headers=AUTH,
                          json={"query": "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)"})
    assert r.status_code == 422 and "timed out" in r.json()["message"]


def test_cypher_syntax_error_is_4xx(neo4j_client):
    r = neo4j_client.post("/api/v1/cypher", headers=AUTH, json={"query": "RETURN ("})
    assert r.status_code == 422 and r.json()["code"] == "invalid_input"


def test_import_as_census_records_the_dataset(client):
    r = client.post("/api/v1/import", headers=AUTH, files={"file": ("名录.csv", GOOD_CSV, "text/csv")},
                    params={"census": "测试泵业名录（2026）", "cluster": "pump-motor", "as_of": "2026-11-30"})
    assert r.status_code == 200, r.text
    ds = r.json()["datasets"]
    assert ds[0]["name"] == "测试泵业名录（2026）" and ds[0]["census"] and ds[0]["clusters"] == ["pump-motor"]
    listed = {d["name"]: d for d in client.get("/api/v1/datasets").json()}
    assert listed["测试泵业名录（2026）"]["population"] == "名录"
    gaps = client.get("/api/v1/gaps", params={"cluster": "pump-motor", "limit": 500}).json()["items"]
    # a list of the cluster's firms speaks for what they make, not for 上游 (other industries' firms)
    assert all(g["basis"]["adequate"] == (g["basis"]["outside_list"] is None) for g in gaps)
    assert {g["stage"] for g in gaps if not g["basis"]["adequate"]} == {"上游"} and any(g["basis"]["adequate"] for g in gaps)
    bad = client.post("/api/v1/import", headers=AUTH, files={"file": ("名录.csv", GOOD_CSV, "text/csv")},
                      params={"census": "x", "cluster": "no-such-cluster"})
    assert bad.status_code == 422
    # a 名录 census for no cluster would settle nothing: refused, saying what to add (review 40 C11)
    bad = client.post("/api/v1/import", headers=AUTH, files={"file": ("名录.csv", GOOD_CSV, "text/csv")},
                      params={"census": "浙江省重点产业企业名录"})
    assert bad.status_code == 422 and "--cluster" in bad.json()["message"]


def test_overrides_through_the_api(client):
    firm = client.get("/api/v1/enterprises", params={"q": "杰克", "local": True}).json()["items"][0]
    body = {"enterprise": firm["id"], "segment": "sewing-embroidery", "action": "add", "who": "测试员", "why": "产品目录"}
    r = client.post("/api/v1/overrides", headers=AUTH, json=body)
    assert r.status_code == 200, r.text
    assert r.json()[0]["segment"] == "sewing-embroidery"
    assert any(o["enterprise"] == firm["id"] for o in client.get("/api/v1/overrides").json())
    seg = client.get("/api/v1/enterprises/" + firm["id"]).json()["segments"]
    assert any(s["segment_id"] == "sewing-embroidery" and s["method"] == "override" for s in seg)
    bad = client.post("/api/v1/overrides", headers=AUTH, json=body | {"segment": "nope"})
    assert bad.status_code == 422
