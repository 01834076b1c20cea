"""A technology import that fails on a busy store leaves nothing behind: the API answers 503 (not a
500 after a long wait), and neither the next unrelated reload nor a fresh process sees the
technology — it never reached the store, the cached ontology or the API's caches."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_settings, get_store
from chainkg.service import ChainKG
from chainkg.settings import Settings
from graph.store.sqlite_store import SQLiteStore
from ontology.loader import load_ontology

TOKEN = "fault-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TECHS = ("技术id,技术名称,所属环节,国内状态,状态已确认,是否卡脖子,来源\n"
         "tech-fault-probe,故障探针技术,pump-motor-submersible,依赖进口,否,是,测试清单 / test\n")


@pytest.fixture
def setup(tmp_path):
    db = tmp_path / "kg.db"
    store = SQLiteStore(db, timeout=0.2)
    ChainKG(store).load()
    settings = Settings(api_token=TOKEN)
    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    with TestClient(app) as client:
        yield client, store, db
    store.close()


def _tech_ids(client) -> set[str]:
    r = client.get("/api/v1/technologies", params={"limit": 500})
    assert r.status_code == 200
    return {t["id"] for t in r.json()["items"]}


def test_failed_technology_import_never_reaches_the_store(setup):
    client, store, db = setup
    before, techs_before = store.checksum(), _tech_ids(client)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # what a running `chainkg load` in another process holds
    try:
        r = client.post("/api/v1/import", headers=AUTH,
                        files={"file": ("technologies.csv", io.BytesIO(TECHS.encode()), "text/csv")})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert r.status_code == 503 and r.json()["code"] == "store_error", r.text
    assert "locked" in r.json()["message"]
    assert store.checksum() == before
    assert "tech-fault-probe" not in load_ontology().technologies
    # the next, unrelated write: a reload of the bundled data
    assert client.post("/api/v1/reload", headers=AUTH).status_code == 200
    assert store.get_node("Technology", "tech-fault-probe") is None and store.checksum() == before
    assert _tech_ids(client) == techs_before
    chokepoints = client.get("/api/v1/chokepoints", params={"cluster": "pump-motor", "limit": 500}).json()["items"]
    assert "tech-fault-probe" not in {c["technology_id"] for c in chokepoints}
    # and a fresh process agrees
    code = ("import json; from graph.store.sqlite_store import SQLiteStore; from chainkg.service import ChainKG; "
            f"s = SQLiteStore({str(db)!r}); print(json.dumps([x['id'] for x in ChainKG(s).technologies()]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "tech-fault-probe" not in out.stdout and "[" in out.stdout


def test_the_same_import_succeeds_once_the_lock_is_gone(setup):
    """The control: without the held lock the same file imports and is seen everywhere."""
    client, store, _ = setup
    r = client.post("/api/v1/import", headers=AUTH,
                    files={"file": ("technologies.csv", io.BytesIO(TECHS.encode()), "text/csv")})
    assert r.status_code == 200 and r.json()["technologies"] == 1
    assert store.get_node("Technology", "tech-fault-probe") is not None
    assert "tech-fault-probe" in _tech_ids(client)
