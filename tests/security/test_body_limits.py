"""Bounded request bodies: a JSON body over 1 MiB and an upload over its limit get 413 before the
app reads them — declared (Content-Length) or streamed (chunked) — and the store is unchanged."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

import api.middleware as mw
from api.app import create_app
from api.deps import get_settings, get_store
from chainkg.service import ChainKG
from chainkg.settings import Settings
from graph.store.sqlite_store import SQLiteStore

TOKEN = "body-limit-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client_and_store(tmp_path):
    store = SQLiteStore(tmp_path / "kg.db")
    ChainKG(store).load([])
    settings = Settings(api_token=TOKEN, store=str(tmp_path / "kg.db"))
    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    yield TestClient(app), store
    store.close()


def test_json_body_over_limit_is_413(client_and_store):
    client, store = client_and_store
    before = store.checksum()
    big = json.dumps({"query": "RETURN 1", "params": {"x": "a" * (mw.MAX_BODY_BYTES + 10)}})
    r = client.post("/api/v1/cypher", headers=AUTH | {"content-type": "application/json"}, content=big)
    assert r.status_code == 413 and r.json()["code"] == "payload_too_large"
    assert store.checksum() == before


def test_streamed_upload_over_limit_is_413(client_and_store, monkeypatch):
    client, store = client_and_store
    monkeypatch.setattr(mw, "MAX_UPLOAD_BYTES", 64 * 1024)
    before = store.checksum()
    boundary = "x-bomb"

    def body():  # a multipart upload streamed in chunks, with no Content-Length
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bomb.csv\"\r\n"
               "Content-Type: text/csv\r\n\r\n企业名称\r\n").encode()
        for _ in range(200):
            yield ("示例炸弹企业有限公司\r\n" * 100).encode()
        yield f"\r\n--{boundary}--\r\n".encode()

    r = client.post("/api/v1/import", headers=AUTH | {"content-type": f"multipart/form-data; boundary={boundary}"},
                    content=body())
    assert r.status_code == 413
    assert store.checksum() == before


def test_small_bodies_pass(client_and_store):
    client, _ = client_and_store
    r = client.post("/api/v1/import", headers=AUTH,
                    files={"file": ("e.csv", "企业名称,是否本地\n小体积测试有限公司,否\n".encode(), "text/csv")})
    assert r.status_code == 200, r.text
