"""Writes are refused before their body is read: an anonymous (or wrong-token) request to a
token-only route gets 401/403 while the body it streams is left unread — counted as chunks pulled
from the client's generator, in process (ASGI) and through a real uvicorn socket."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import httpx
import pytest
import uvicorn

from api.app import create_app
from api.deps import get_settings, get_store
from chainkg.service import ChainKG
from chainkg.settings import Settings
from graph.store.sqlite_store import SQLiteStore

TOKEN = "before-body-token-0123456789"
CHUNK = 64 * 1024
MULTIPART = "multipart/form-data; boundary=x-bomb"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = SQLiteStore(tmp_path_factory.mktemp("gate") / "kg.db")
    ChainKG(s).load([])
    yield s
    s.close()


_APPS: dict = {}


def _app(store, settings: Settings):
    """One app per (store, settings) for the module: building one (and its OpenAPI) takes seconds."""
    key = (id(store), settings.model_dump_json())
    if key not in _APPS:
        app = _APPS[key] = create_app(settings)
        app.dependency_overrides[get_store] = lambda: store
        app.dependency_overrides[get_settings] = lambda: settings
    return _APPS[key]


class Body:
    """A large chunked body; ``pulled`` counts the chunks the server asked for."""

    def __init__(self, chunks: int, first: bytes = b"") -> None:
        self.chunks, self.first, self.pulled = chunks, first, 0

    def _chunk(self, i: int) -> bytes:
        self.pulled += 1
        return self.first if i == 0 and self.first else b"a" * CHUNK

    def sync(self):
        for i in range(self.chunks):
            yield self._chunk(i)

    async def stream(self):
        for i in range(self.chunks):
            yield self._chunk(i)


def _asgi(app, method: str, path: str, body: Body, headers: dict, client=("127.0.0.1", 5000)):
    async def go():
        transport = httpx.ASGITransport(app=app, client=client)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return await c.request(method, path, content=body.stream(), headers=headers)
    return asyncio.run(go())


WRITES = [("POST", "/api/v1/import", MULTIPART), ("POST", "/api/v1/overrides/import", MULTIPART),
          ("POST", "/api/v1/cypher", "application/json"), ("POST", "/api/v1/overrides", "application/json"),
          ("POST", "/api/v1/reload", "application/json"), ("POST", "/api/v1/leads", "application/json"),
          ("PATCH", "/api/v1/leads/some-lead", "application/json"),
          ("POST", "/api/v1/enterprises/some-firm/suggestions/confirm", "application/json")]


@pytest.mark.parametrize("method, path, ctype", WRITES)
@pytest.mark.parametrize("auth", [None, "Bearer wrong-token-0123456789", "Basic YTpi", "Bearer "])
def test_write_without_valid_token_reads_no_body(store, method, path, ctype, auth):
    before = store.checksum()
    body = Body(800)  # 50 MB
    headers = {"content-type": ctype} | ({"authorization": auth} if auth else {})
    r = _asgi(_app(store, Settings(api_token=TOKEN)), method, path, body, headers)
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer" and r.headers["connection"] == "close"
    assert body.pulled == 0
    assert store.checksum() == before


def test_writes_disabled_or_dev_token_off_loopback_read_no_body(store):
    body = Body(800)
    r = _asgi(_app(store, Settings()), "POST", "/api/v1/import", body, {"content-type": MULTIPART,
                                                                         "authorization": "Bearer dev-token"})
    assert r.status_code == 403 and body.pulled == 0
    body = Body(800)
    r = _asgi(_app(store, Settings(dev_mode=True)), "POST", "/api/v1/import", body,
              {"content-type": MULTIPART, "authorization": "Bearer dev-token"}, client=("192.0.2.7", 5000))
    assert r.status_code == 403 and r.json()["details"]["address"] == "192.0.2.7" and body.pulled == 0


def test_with_the_token_the_body_is_read(store):
    """The control: the same streamed upload with the token is read (and refused for its size)."""
    body = Body(900)
    r = _asgi(_app(store, Settings(api_token=TOKEN)), "POST", "/api/v1/import", body,
              {"content-type": MULTIPART, "authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413 and body.pulled > 800  # read up to the 50 MiB cap


def test_anonymous_routes_still_read_their_body(store):
    """what-if computes and writes nothing: it stays anonymous, its (small) body is read."""
    payload = b'{"remove_enterprises": ["no-such-firm"]}'
    body = Body(1, first=payload)
    r = _asgi(_app(store, Settings(api_token=TOKEN)), "POST", "/api/v1/what-if", body,
              {"content-type": "application/json"})
    assert r.status_code == 422 and body.pulled == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_real_server_answers_401_and_leaves_the_upload_unread(store):
    """Through uvicorn: the client streams a 200 MB chunked upload without a token; the server
    answers 401 and closes; the client has pulled only what the socket buffers took."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(_app(store, Settings(api_token=TOKEN)), host="127.0.0.1", port=port,
                                          log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started
        body = Body(3200)  # 200 MB
        with httpx.Client(timeout=30) as c:
            r = c.post(f"http://127.0.0.1:{port}/api/v1/import", content=body.sync(),
                       headers={"content-type": MULTIPART})
        assert r.status_code == 401 and r.json()["code"] == "unauthorized"
        print(f"real server: {body.pulled} of 3200 chunks pulled")
        assert body.pulled < 3200 // 10, body.pulled  # < 20 MB of 200 MB left the client at all
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_every_token_route_is_gated(store):
    """The gate reads the bearer requirement from the OpenAPI document; every such operation is in WRITES."""
    app = _app(store, Settings(api_token=TOKEN))
    secured = {(m.upper(), path) for path, ops in app.openapi()["paths"].items()
               for m, op in ops.items() if op.get("security")}
    assert secured == {(m, p.replace("some-lead", "{lead_id}").replace("some-firm", "{enterprise_id}")) for m, p, _ in WRITES}
