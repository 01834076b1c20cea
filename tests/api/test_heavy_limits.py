"""Heavy requests are bounded per kind: while ``limit`` requests of a kind run, one more gets
``429`` with ``Retry-After`` at once (no queue), other kinds and light requests go on, and the slot
is free again when a request ends — whether it succeeded, failed or was refused."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from api.app import create_app
from api.deps import get_settings, get_store
from api.gate import HEAVY_LIMITS, RETRY_AFTER_S, heavy
from chainkg.service import ChainKG
from chainkg.settings import Settings
from graph.store.sqlite_store import SQLiteStore

TOKEN = "heavy-limit-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = SQLiteStore(tmp_path_factory.mktemp("heavy") / "kg.db")
    ChainKG(s).load()
    yield s
    s.close()


@pytest.fixture(scope="module")
def app(store):
    settings = Settings(api_token=TOKEN)
    app = create_app(settings, heavy_limits={"analysis": 1, "export": 2, "report": 1, "import": 1, "console": 1})
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    return app


class Hold:
    """Patch the method ``ChainKG.<name>`` so that calls block until released; counts the calls that entered."""

    def __init__(self, monkeypatch, name: str) -> None:
        self.real, self.entered, self.release = getattr(ChainKG, name), threading.Semaphore(0), threading.Event()
        monkeypatch.setattr(ChainKG, name, self)

    def __get__(self, kg, owner=None):  # looked up on an instance: bind it, as a method would be
        return lambda *args, **kwargs: self(kg, *args, **kwargs)

    def __call__(self, *args, **kwargs):
        self.entered.release()
        assert self.release.wait(30), "never released"
        return self.real(*args, **kwargs)

    def wait_entered(self, n: int) -> None:
        for _ in range(n):
            assert self.entered.acquire(timeout=30), "request never reached the route"


async def _gather(app, requests: list[tuple[str, str, dict]], hold: Hold, running: int) -> list[httpx.Response]:
    """Start ``requests``; once ``running`` of them are inside the held route, send the rest; release."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", timeout=60) as c:
        first = [asyncio.create_task(c.request(m, u, **kw)) for m, u, kw in requests[:running]]
        await asyncio.to_thread(hold.wait_entered, running)
        rest = [await c.request(m, u, **kw) for m, u, kw in requests[running:]]
        hold.release.set()
        return [await t for t in first] + rest


def test_third_export_is_refused_while_two_run(app, monkeypatch):
    hold = Hold(monkeypatch, "graph_export")
    export = ("GET", "/api/v1/export", {})
    r1, r2, r3, stats, gaps = asyncio.run(_gather(app, [export, export, export, ("GET", "/api/v1/stats", {}),
                                                        ("GET", "/api/v1/gaps", {"params": {"cluster": "auto"}})],
                                                  hold, running=2))
    assert r1.status_code == r2.status_code == 200 and r1.json()["nodes"]
    assert r3.status_code == 429 and r3.headers["retry-after"] == str(RETRY_AFTER_S)
    assert r3.json()["code"] == "too_many_requests" and r3.json()["details"] == {"kind": "export", "limit": 2}
    assert stats.status_code == 200 and gaps.status_code == 200  # other kinds and light requests go on
    # the slots are free again
    with httpx.Client(transport=_SyncASGI(app), base_url="http://127.0.0.1") as c:
        assert c.get("/api/v1/export", params={"format": "csv"}).status_code == 200


def test_import_over_the_limit_is_refused_before_its_body(app, monkeypatch, store):
    hold = Hold(monkeypatch, "load")
    pulled = []

    async def body():
        for _ in range(100):
            pulled.append(1)
            yield b"a" * 65536

    reload = ("POST", "/api/v1/reload", {"headers": AUTH})
    upload = ("POST", "/api/v1/import", {"headers": AUTH | {"content-type": "multipart/form-data; boundary=b"},
                                         "content": body()})
    before = store.checksum()
    r1, r2 = asyncio.run(_gather(app, [reload, upload], hold, running=1))
    assert r1.status_code == 200
    assert r2.status_code == 429 and r2.json()["details"]["kind"] == "import" and pulled == []
    assert store.checksum() == before  # the reload of the same bundled data changes nothing


def test_a_failed_or_refused_request_frees_its_slot(app):
    with httpx.Client(transport=_SyncASGI(app), base_url="http://127.0.0.1") as c:
        for _ in range(3):  # limit 1: a leaked slot would refuse the next one
            assert c.get("/api/v1/clusters/nope").status_code == 404
            assert c.get("/api/v1/gaps", params={"limit": 0}).status_code == 422
        assert c.get("/api/v1/clusters/auto").status_code == 200
        for _ in range(3):
            assert c.post("/api/v1/reload").status_code == 401  # refused by the token gate, no slot taken
        assert c.post("/api/v1/reload", headers=AUTH).status_code == 200


def test_defaults_and_marker():
    assert set(HEAVY_LIMITS) == {"analysis", "export", "report", "import", "console"}
    assert all(1 <= n <= 8 for n in HEAVY_LIMITS.values())
    with pytest.raises(ValueError, match="unknown heavy kind"):
        heavy("everything")


def test_openapi_marks_heavy_routes(app):
    ops = {(m.upper(), p): op for p, item in app.openapi()["paths"].items() for m, op in item.items()}
    assert ops[("GET", "/api/v1/export")]["x-chainkg-heavy"] == "export"
    assert ops[("GET", "/api/v1/clusters/{cluster_id}/report")]["x-chainkg-heavy"] == "report"
    assert ops[("POST", "/api/v1/import")]["x-chainkg-heavy"] == "import"
    assert ops[("POST", "/api/v1/cypher")]["x-chainkg-heavy"] == "console"
    assert ops[("GET", "/api/v1/gaps")]["x-chainkg-heavy"] == "analysis"
    assert "x-chainkg-heavy" not in ops[("GET", "/api/v1/enterprises")]
    assert "429" in ops[("GET", "/api/v1/export")]["responses"]


class _SyncASGI(httpx.BaseTransport):
    """A synchronous httpx transport over the ASGI app (one event loop per request)."""

    def __init__(self, app) -> None:
        self.app = app

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def go():
            body = request.read()
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://127.0.0.1") as c:
                r = await c.request(request.method, str(request.url), headers=request.headers, content=body)
                return httpx.Response(r.status_code, headers=r.headers, content=r.content)
        return asyncio.run(go())


# -- the limits come from the one settings object (CHAINKG_HEAVY_LIMITS) ----------------------------
def test_limits_from_the_environment_bound_the_app(monkeypatch, store):
    """``CHAINKG_HEAVY_LIMITS=export=1`` read at the edge: the second export at once is refused."""
    monkeypatch.setenv("CHAINKG_HEAVY_LIMITS", "export=1")
    monkeypatch.setenv("CHAINKG_API_TOKEN", TOKEN)
    settings = Settings()
    assert settings.heavy_limits == HEAVY_LIMITS | {"export": 1}
    app = create_app(settings)  # no heavy_limits argument: the settings decide
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    hold = Hold(monkeypatch, "graph_export")
    export = ("GET", "/api/v1/export", {})
    r1, r2 = asyncio.run(_gather(app, [export, export], hold, running=1))
    assert r1.status_code == 200
    assert r2.status_code == 429 and r2.json()["details"] == {"kind": "export", "limit": 1}


@pytest.mark.parametrize("value, expected", [
    ("report=1, console=3", {"report": 1, "console": 3}),
    ('{"analysis": 8}', {"analysis": 8}),
    ("", {}),
])
def test_heavy_limits_setting_accepted(monkeypatch, value, expected):
    monkeypatch.setenv("CHAINKG_HEAVY_LIMITS", value)
    assert Settings().heavy_limits == HEAVY_LIMITS | expected  # kinds not named keep their default


@pytest.mark.parametrize("value, says", [
    ("everything=1", "unknown kind 'everything'"),
    ("export=0", "export=0 is outside 1..64"),
    ("export=65", "export=65 is outside 1..64"),
    ("export=two", "export='two' is not a whole number"),
    ("export", "'export' is not kind=number"),
    ("{export: 1}", "is not a JSON object"),
])
def test_heavy_limits_setting_refused_naming_it(monkeypatch, value, says):
    from chainkg.settings import SettingsError, load_settings

    monkeypatch.setenv("CHAINKG_HEAVY_LIMITS", value)
    with pytest.raises(SettingsError, match="CHAINKG_HEAVY_LIMITS") as e:
        load_settings()
    assert says in str(e.value)


def test_cli_refuses_a_bad_setting_in_one_line(monkeypatch, tmp_path):
    """A refused setting stops every command with one line and exit 1 (``chainkg serve`` included),
    not a traceback."""
    from typer.testing import CliRunner

    from chainkg.cli import app as cli

    monkeypatch.setenv("CHAINKG_HEAVY_LIMITS", "export=0")
    for args in (["stats"], ["serve", "--no-load-first"]):
        r = CliRunner().invoke(cli, [*args, "--store", str(tmp_path / "kg.db")])
        assert r.exit_code == 1, r.output
        assert "CHAINKG_HEAVY_LIMITS: export=0 is outside 1..64" in r.output
        assert "Traceback" not in r.output
