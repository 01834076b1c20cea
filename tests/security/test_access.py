"""Who may write: the token's minimum length, dev mode on loopback only, and `chainkg serve` stopping cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_settings, get_store
from chainkg.settings import PROJECT_ROOT, Settings, SettingsError, load_settings

GOOD = "access-test-token-0123456789"


@pytest.mark.parametrize("token", ["x", "short-token", "a" * 15, " " + "a" * 20])
def test_short_or_padded_token_refused_at_settings_load(token):
    with pytest.raises(SettingsError) as e:
        load_settings(api_token=token)
    assert "CHAINKG_API_TOKEN" in str(e.value) and "at least 16" in str(e.value) or "whitespace" in str(e.value)
    if len(token.strip()) > 3:
        assert token.strip() not in str(e.value)  # never echoed into logs


def test_token_from_environment_is_checked(monkeypatch):
    monkeypatch.setenv("CHAINKG_API_TOKEN", "tok3n")
    get_settings.cache_clear()
    try:
        with pytest.raises(SettingsError, match="at least 16"):
            get_settings()
    finally:
        get_settings.cache_clear()
    monkeypatch.setenv("CHAINKG_API_TOKEN", GOOD)
    assert load_settings().api_token == GOOD
    monkeypatch.setenv("CHAINKG_API_TOKEN", "")
    assert load_settings().api_token is None  # empty = unset: writes off


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.org"])
def test_dev_mode_refused_off_loopback(host):
    with pytest.raises(SettingsError, match="CHAINKG_DEV_MODE"):
        load_settings(dev_mode=True, api_host=host)
    assert load_settings(dev_mode=False, api_host=host, api_token=GOOD).api_host == host


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_dev_mode_allowed_on_loopback(host):
    assert load_settings(dev_mode=True, api_host=host).dev_mode


def _client(tmp_path, settings, **kw):
    from graph.store.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path / "s.db")
    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    return TestClient(app, **kw)


@pytest.mark.parametrize("kw", [{"base_url": "http://10.1.2.3"}, {"client": ("192.168.7.9", 50000)},
                                {"base_url": "http://[2001:db8::1]"}])
def test_dev_token_refused_when_the_request_is_not_on_loopback(tmp_path, kw):
    """Dev mode behind `uvicorn --host 0.0.0.0` (or a container) does not open writes to the network."""
    dev = Settings(api_token=None, dev_mode=True)
    r = _client(tmp_path, dev, **kw).post("/api/v1/reload", headers={"Authorization": "Bearer dev-token"})
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    assert "loopback" in r.json()["message"]


def test_dev_token_works_on_loopback_and_real_token_anywhere(tmp_path):
    dev = Settings(api_token=None, dev_mode=True)
    local = _client(tmp_path, dev, base_url="http://127.0.0.1", client=("127.0.0.1", 5000))
    r = local.post("/api/v1/cypher", headers={"Authorization": "Bearer dev-token"}, json={"query": "RETURN 1"})
    assert r.status_code == 400 and r.json()["code"] == "unsupported_store"  # past the token check (SQLite)
    real = _client(tmp_path, Settings(api_token=GOOD), base_url="http://10.1.2.3", client=("192.168.7.9", 1))
    r = real.post("/api/v1/cypher", headers={"Authorization": f"Bearer {GOOD}"}, json={"query": "RETURN 1"})
    assert r.status_code == 400 and r.json()["code"] == "unsupported_store"
    assert real.post("/api/v1/reload", headers={"Authorization": "Bearer dev-token"}).status_code == 401


def test_serve_refuses_dev_mode_on_the_network(monkeypatch):
    from chainkg import run

    started = []
    monkeypatch.setattr(run.subprocess, "Popen", lambda *a, **k: started.append(a))
    with pytest.raises(SettingsError, match="CHAINKG_DEV_MODE"):
        run.serve(Settings.model_construct(**(Settings().model_dump() | {"dev_mode": True, "api_host": "0.0.0.0"})),
                  load_first=False)
    assert started == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_serve_stops_both_servers_on_sigterm(tmp_path):
    api_port, ui_port = _free_port(), _free_port()
    code = ("from chainkg.run import serve; from chainkg.settings import Settings; "
            f"serve(Settings(store={str(tmp_path / 's.db')!r}), load_first=False, api_port={api_port}, "
            f"ui_port={ui_port})")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHAINKG_")}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{api_port}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the API did not come up within 90 s")
        kids += _children(proc.pid)
        assert len(kids) == 2 and all(_alive(k) for k in kids)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        t0 = time.monotonic()
        while any(_alive(k) for k in kids) and time.monotonic() - t0 < 5:
            time.sleep(0.1)
        assert not any(_alive(k) for k in kids), "a server outlived `chainkg serve`"
    finally:
        kids += _children(proc.pid) if proc.poll() is None else []
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for k in set(kids):  # leave no server behind, whatever failed
            if _alive(k):
                os.kill(k, signal.SIGKILL)
