"""The local Neo4j launcher: status of the running server, start/stop of a second one.

Tests marked ``neo4j`` need a reachable local server (``chainkg neo4j start``; its URL may be
given in ``CHAINKG_NEO4J_URL``). Without one they skip, or fail when ``CHAINKG_REQUIRE_NEO4J=1``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from chainkg.settings import Settings
from graph.server.neo4j_server import ServerInfo, start, status, stop


def _unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail with it when the environment requires Neo4j."""
    if os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1":
        pytest.fail(f"CHAINKG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _url_answers(url: str) -> bool:
    from urllib.parse import unquote, urlsplit

    from neo4j import GraphDatabase

    u = urlsplit(url)
    try:
        with GraphDatabase.driver(f"bolt://{u.hostname}:{u.port}",
                                  auth=(unquote(u.username or ""), unquote(u.password or "")),
                                  connection_timeout=3) as d, d.session() as s:
            return s.run("RETURN 1 AS one").single()["one"] == 1
    except Exception:
        return False


@pytest.fixture(scope="module")
def running() -> tuple[Path, ServerInfo]:
    """The server managed from the configured state dir, or skip/fail saying why there is none."""
    state_dir = Path(Settings().state_dir)
    url = os.environ.get("CHAINKG_NEO4J_URL")
    info = status(state_dir)
    if info is None:
        if url and _url_answers(url):
            _unavailable(f"the Neo4j at CHAINKG_NEO4J_URL answers but no server is recorded in {state_dir}")
        _unavailable(f"no local Neo4j running from {state_dir} (run `chainkg neo4j start`)"
                     + (f"; CHAINKG_NEO4J_URL={url!r} does not answer either" if url else ""))
    return state_dir, info


def test_url_encodes_password() -> None:
    info = ServerInfo(pid=1, port=7687, password="p@ss/w:rd")
    assert info.url == "neo4j://neo4j:p%40ss%2Fw%3Ard@127.0.0.1:7687"
    assert "p@ss" not in repr(info)


def test_stop_on_empty_state_dir_returns_false(tmp_path: Path) -> None:
    assert stop(tmp_path) is False


def test_status_on_empty_state_dir_is_none(tmp_path: Path) -> None:
    assert status(tmp_path) is None


@pytest.mark.neo4j
def test_status_of_running_server(running: tuple[Path, ServerInfo]) -> None:
    state_dir, info = running
    assert Path(f"/proc/{info.pid}").exists()
    assert _url_answers(info.url)
    url = os.environ.get("CHAINKG_NEO4J_URL")
    if url:
        assert info.url == url
    assert start(state_dir) == info  # already running: returned as is (same pid), no second JVM


@pytest.mark.neo4j
def test_start_and_stop_second_server(running: tuple[Path, ServerInfo], tmp_path: Path) -> None:
    info = start(tmp_path, heap="512m", pagecache="64m", password="second-server-pw", timeout=180)
    try:
        assert info.port != running[1].port
        assert status(tmp_path) == info
        assert _url_answers(info.url)
        server_json = tmp_path / "neo4j" / "server.json"
        assert stat.S_IMODE(server_json.stat().st_mode) == 0o600  # it holds the password
        assert start(tmp_path) == info
    finally:
        assert stop(tmp_path) is True
    with pytest.raises(ProcessLookupError):
        os.kill(info.pid, 0)
    assert status(tmp_path) is None
    assert not (tmp_path / "neo4j" / "server.json").exists()
    assert stop(tmp_path) is False


def test_config_holds_transaction_state_off_heap_and_memory_from_the_machine(tmp_path: Path) -> None:
    """A load is one transaction: its state goes off the heap, the heap and the transaction budget
    grow with the machine (a 100k-firm load failed at commit on the old fixed 1g heap)."""
    from graph.server.config import server_config, write_conf as _write_conf
    from graph.server.memory import auto_memory, tx_memory

    heap, cache = auto_memory()
    assert 1024 <= int(heap[:-1]) <= 8192 and 512 <= int(cache[:-1]) <= 4096
    _write_conf(tmp_path / "neo4j", 7999, heap, cache)
    cfg = server_config(tmp_path)
    assert cfg["server.memory.heap.max_size"] == heap and cfg["server.memory.pagecache.size"] == cache
    assert cfg["db.tx_state.memory_allocation"] == "OFF_HEAP"
    off = int(cfg["server.memory.off_heap.transaction_max_size"][:-1])
    assert 1024 <= off <= 8192
    # the tracked budget covers the off-heap state plus the heap's usual 70 % share
    assert int(cfg["dbms.memory.transaction.total.max"][:-1]) == int(heap[:-1]) * 7 // 10 + off
    assert tx_memory("2g", ram=64 << 30)["server.memory.off_heap.transaction_max_size"] == "8192m"


def test_memory_is_sized_from_a_container_limit_below_the_machine(tmp_path: Path, monkeypatch) -> None:
    from graph.server import memory as neo4j_server

    limit = tmp_path / "memory.max"
    limit.write_text(f"{4 << 30}\n")
    monkeypatch.setattr(neo4j_server, "_CGROUP_LIMITS", (str(tmp_path / "absent"), str(limit)))
    assert neo4j_server.machine_ram() == 4 << 30
    assert neo4j_server.auto_memory() == ("1024m", "512m")
    limit.write_text("max\n")  # cgroup v2 without a limit: the machine's memory
    assert neo4j_server.machine_ram() > 0 and neo4j_server.machine_ram() != 4 << 30
