"""`chainkg neo4j start`: a generated password kept with the state, old state dirs moved to one, hardening.

Starts its own server in a temporary state dir (two starts, about a minute). Needs what the configured
local Neo4j needs (Java, the jars): runs when that one is running, skips otherwise, and FAILS when
``CHAINKG_REQUIRE_NEO4J=1``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from chainkg.settings import Settings
from graph.server import neo4j_server
from graph.server.config import HARDENING
from graph.server.credentials import password_of
from graph.server.neo4j_server import start, status, stop

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module", autouse=True)
def _needs_local_neo4j():
    if neo4j_server.status(Settings().state_dir) is None:
        reason = f"no local Neo4j running from {Settings().state_dir} (run `chainkg neo4j start`)"
        if os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"CHAINKG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
        pytest.skip(reason)


def _session(port: int, password: str, database: str | None = None):
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", password), connection_timeout=5)
    return driver, driver.session(database=database)


def _accepts(port: int, password: str) -> bool:
    from neo4j.exceptions import AuthError

    driver, s = _session(port, password)
    try:
        with s:
            return s.run("RETURN 1 AS x").single()["x"] == 1
    except AuthError:
        return False
    finally:
        driver.close()


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_old_state_dir_moves_to_a_generated_password(tmp_path, monkeypatch):
    legacy = "legacy-fixed-password-01"  # stands in for the old fixed `chainkg-local` (too short for the new rule)
    monkeypatch.setattr(neo4j_server, "LEGACY_PASSWORD", legacy)
    home = tmp_path / "neo4j"
    try:
        # a state dir as the old launcher left it: the fixed password on the store, no password file
        info = start(tmp_path, heap="512m", pagecache="64m", password=legacy, timeout=180)
        assert _accepts(info.port, legacy) and not _accepts(info.port, "neo4j")
        assert stop(tmp_path) is True
        (home / "password").unlink()

        # its next start moves it to a generated password, kept privately with the state
        info = start(tmp_path, heap="512m", pagecache="64m", timeout=180)
        generated = password_of(tmp_path)
        assert generated and len(generated) >= 32 and generated != legacy
        assert info.password == generated and generated in info.url
        assert _accepts(info.port, generated) and not _accepts(info.port, legacy)
        assert not (home / "password.new").exists()
        assert _mode(home) == 0o700 and _mode(home / "password") == 0o600 and _mode(home / "server.json") == 0o600
        assert status(tmp_path) == info and start(tmp_path) == info  # status, and start reuses the running one

        # hardened for the console: no file URLs in LOAD CSV, every address blocked, a server timeout
        conf = (home / "conf" / "neo4j.conf").read_text().splitlines()
        assert all(line in conf for line in (*HARDENING, "db.transaction.timeout=10m"))
        driver, s = _session(info.port, generated)
        with driver, s:
            got = {r["name"]: r["value"] for r in s.run(
                "SHOW SETTINGS YIELD name, value WHERE name IN $n RETURN name, value",
                n=["db.transaction.timeout", "dbms.security.allow_csv_import_from_file_urls"])}
        assert got == {"db.transaction.timeout": "10m", "dbms.security.allow_csv_import_from_file_urls": "false"}
    finally:
        stop(tmp_path)
    with pytest.raises(ProcessLookupError):
        os.kill(info.pid, 0)
    assert status(tmp_path) is None and not (home / "server.json").exists()
    assert password_of(tmp_path) == generated  # kept for the next start


def test_short_password_refused(tmp_path):
    with pytest.raises(Exception, match="16 characters"):
        start(tmp_path, password="short")
    assert not (tmp_path / "neo4j" / "server.json").exists()
