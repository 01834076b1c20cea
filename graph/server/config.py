"""The local Neo4j's home and configuration: everything under ``<state_dir>/neo4j`` (conf, data,
logs, run, plugins, import), and the ``neo4j.conf`` :func:`graph.server.neo4j_server.start` writes.

It listens on 127.0.0.1 only, HTTP off, auth on, and is hardened for the Cypher console (Community
has no roles, so the console's user is the app's user; see docs/security.md): ``LOAD CSV`` may not
read files (``dbms.security.allow_csv_import_from_file_urls=false``) nor fetch URLs (every address is
on ``internal.dbms.cypher_ip_blocklist``), and every transaction has a server-side timeout
(``db.transaction.timeout``, 10 min by default; the console asks for its own, shorter one).

>>> import tempfile
>>> state = tempfile.mkdtemp()
>>> write_conf(home(state), 7687, "1g", "512m")
>>> cfg = server_config(state)
>>> cfg["server.bolt.listen_address"], cfg["server.http.enabled"], cfg["db.transaction.timeout"]
('127.0.0.1:7687', 'false', '10m')
"""

from __future__ import annotations

import os
from pathlib import Path

from graph.server.memory import tx_memory

__all__ = ["DATABASE", "TX_TIMEOUT", "HARDENING", "home", "write_conf", "server_config"]

DATABASE = "neo4j"  # the default database: the one the app uses and the bulk import replaces
TX_TIMEOUT = "10m"
#: settings that harden the server for the Cypher console (see the module docstring)
HARDENING = (
    "dbms.security.allow_csv_import_from_file_urls=false",
    "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
    "dbms.security.auth_minimum_password_length=16",
)


def home(state_dir: str | os.PathLike) -> Path:
    """``<state_dir>/neo4j``, absolute."""
    return Path(state_dir).expanduser().resolve() / "neo4j"


def write_conf(home: Path, port: int, heap: str, pagecache: str, tx_timeout: str = TX_TIMEOUT) -> None:
    """Make the home's folders and write its ``conf/neo4j.conf``."""
    for d in ("conf", "data", "logs", "run", "plugins", "import"):
        (home / d).mkdir(parents=True, exist_ok=True)
    lines = [
        "server.default_listen_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{port}",
        f"server.bolt.advertised_address=127.0.0.1:{port}",
        "server.http.enabled=false",
        "server.https.enabled=false",
        *(f"server.directories.{d}={home / d}" for d in ("data", "logs", "run", "plugins", "import")),
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"db.transaction.timeout={tx_timeout}",
        *(f"{k}={v}" for k, v in tx_memory(heap).items()),  # a load's state off the heap (memory.py)
        *HARDENING,
    ]
    (home / "conf" / "neo4j.conf").write_text("\n".join(lines) + "\n")


def server_config(state_dir: str | os.PathLike) -> dict[str, str]:
    """The settings of ``<state_dir>/neo4j/conf/neo4j.conf`` (written by :func:`write_conf`), as a dict."""
    conf = home(state_dir) / "conf" / "neo4j.conf"
    try:
        lines = conf.read_text().splitlines()
    except OSError:
        return {}
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
