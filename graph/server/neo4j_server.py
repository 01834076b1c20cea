"""Start, stop and inspect a local Neo4j Community server without Docker; replace its database
offline with ``neo4j-admin database import``.

What: runs Neo4j 5.26 from the jars of :mod:`graph.server.install`, with the home and configuration
of :mod:`graph.server.config` (``<state_dir>/neo4j``: config, data, logs, PID) and the password of
:mod:`graph.server.credentials`. Why: the project must work on machines with Java but no Docker
engine, and tests need a real Neo4j they can start in seconds.

It listens on 127.0.0.1 only, on a free Bolt port; ``server.json`` (0600) records pid, port and
password so other processes (CLI, API, tests) find it with :func:`status`.

>>> info = start("/tmp/ck-state")            # doctest: +SKIP
>>> info.url                                  # doctest: +SKIP
'neo4j://neo4j:hV3…@127.0.0.1:40123'
>>> status("/tmp/ck-state").pid == info.pid   # doctest: +SKIP
True
>>> stop("/tmp/ck-state")                     # doctest: +SKIP
True
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from graph.server.config import DATABASE, TX_TIMEOUT, home as _home, server_config, write_conf
from graph.server.credentials import LEGACY_PASSWORD, PASSWORD_FILE, answers, new_password, read_password, \
    write_private
from graph.server.memory import auto_memory
from graph.server.install import ADMIN_ENTRY_POINT, ENTRY_POINT, LIB_DIR, ensure_jars, java
from ontology.errors import StoreError

__all__ = ["ServerInfo", "start", "stop", "status", "offline_import"]


@dataclass(frozen=True)
class ServerInfo:
    """A running local server: its PID, Bolt port and the ``neo4j`` user's password."""

    pid: int
    port: int
    password: str = field(repr=False)

    @property
    def url(self) -> str:
        """Store URL for :func:`graph.store.open.open_store` (password percent-encoded)."""
        return f"neo4j://neo4j:{quote(self.password, safe='')}@127.0.0.1:{self.port}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is no obstacle
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _pid_alive(pid: int) -> bool:
    """True if ``pid`` is a live (not zombie) Neo4j server process."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our own exited child
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z" and ENTRY_POINT.encode() in cmdline


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _log_tail(home: Path, n: int = 40) -> str:
    parts = []
    for log in (home / "console.log", home / "logs" / "neo4j.log"):
        if log.exists():
            lines = log.read_text(errors="replace").splitlines()[-n:]
            parts.append(f"--- last {len(lines)} lines of {log} ---\n" + "\n".join(lines))
    return "\n".join(parts) or "(no log written)"


def _read_info(home: Path) -> ServerInfo | None:
    try:
        d = json.loads((home / "server.json").read_text())
        return ServerInfo(pid=int(d["pid"]), port=int(d["port"]), password=str(d["password"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def status(state_dir: str | os.PathLike) -> ServerInfo | None:
    """The server recorded in ``<state_dir>/neo4j/server.json`` if its PID is alive and answers, else None."""
    info = _read_info(_home(state_dir))
    if info is None or not _pid_alive(info.pid):
        return None
    try:
        return info if answers(info.port, info.password) else None
    except StoreError:
        return None


def start(state_dir: str | os.PathLike, *, heap: str | None = None, pagecache: str | None = None,
          password: str | None = None, timeout: float = 120, tx_timeout: str = TX_TIMEOUT,
          port: int | None = None) -> ServerInfo:
    """Start the local Neo4j (or return the one already running) and wait until it answers.

    ``heap``/``pagecache``: default sized from the machine (:func:`auto_memory`).
    ``password``: default the stored one, or a generated one on first start; a different one is
    set on the store and stored. ``port``: the Bolt port to listen on (default a free one; a taken
    one is replaced by a free one). Raises :class:`StoreError` with the tail of the log if it exits
    early or is not ready within ``timeout`` seconds.
    """
    home = _home(state_dir)
    old = _read_info(home)
    if old is not None and _pid_alive(old.pid):
        if answers(old.port, old.password):
            return old
        raise StoreError(f"a Neo4j (pid {old.pid}) is running from {home} but does not answer; "
                         f"`stop` it first\n{_log_tail(home)}")
    (home / "server.json").unlink(missing_ok=True)
    ensure_jars()
    home.mkdir(parents=True, exist_ok=True)
    os.chmod(home, 0o700)  # config, data (with the auth store), logs and the password file
    stored = read_password(home / PASSWORD_FILE)
    pending = read_password(home / (PASSWORD_FILE + ".new"))  # a change interrupted before it was recorded
    password = password or stored or pending or new_password()
    if len(password) < 16:
        raise StoreError("the local Neo4j's password must have at least 16 characters")
    initialised = (home / "data" / "databases").is_dir()  # else the store is new: its password is the initial one
    legacy = LEGACY_PASSWORD if initialised and not stored else None  # made before passwords were generated
    previous = tuple(p for p in dict.fromkeys((stored, pending, legacy)) if p and p != password) if initialised else ()
    if password != stored:
        write_private(home / (PASSWORD_FILE + ".new"), password + "\n")
    port = port if port and _port_free(port) else _free_port()
    auto_heap, auto_cache = auto_memory()
    heap, pagecache = heap or auto_heap, pagecache or auto_cache
    write_conf(home, port, heap, pagecache, tx_timeout)
    cmd = [java(), f"-Xmx{heap}", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
           "--add-opens", "java.base/java.nio=ALL-UNNAMED", "-cp", f"{LIB_DIR}/*", ENTRY_POINT,
           f"--home-dir={home}", f"--config-dir={home / 'conf'}"]
    with open(home / "console.log", "ab") as log:
        proc = subprocess.Popen(cmd, cwd=home, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    info = ServerInfo(pid=proc.pid, port=port, password=password)
    fd = os.open(home / "server.json", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump({"pid": info.pid, "port": port, "password": password}, f)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            (home / "server.json").unlink(missing_ok=True)
            raise StoreError(f"Neo4j exited with code {proc.returncode} during start-up\n{_log_tail(home)}")
        try:
            if answers(port, password, previous, rotate=True):
                if password != stored:
                    os.replace(home / (PASSWORD_FILE + ".new"), home / PASSWORD_FILE)
                return info
        except StoreError:
            stop(state_dir)
            raise
        time.sleep(0.5)
    stop(state_dir)
    raise StoreError(f"Neo4j did not answer on 127.0.0.1:{port} within {timeout:g} s\n{_log_tail(home)}")


def stop(state_dir: str | os.PathLike) -> bool:
    """SIGTERM the recorded server, SIGKILL it after 60 s; remove ``server.json``.

    Returns True if a live server was stopped, False if none was running.
    """
    home = _home(state_dir)
    info = _read_info(home)
    stopped = False
    if info is not None and _pid_alive(info.pid):
        _signal(info.pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while _pid_alive(info.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _pid_alive(info.pid):
            _signal(info.pid, signal.SIGKILL)
            while _pid_alive(info.pid):
                time.sleep(0.1)
        with contextlib.suppress(ChildProcessError):  # our own child: reap the zombie, so the PID is gone
            os.waitpid(info.pid, 0)
        stopped = True
    (home / "server.json").unlink(missing_ok=True)
    return stopped


def offline_import(state_dir: str | os.PathLike, args: list[str], *, timeout: float | None = None,
                   start_timeout: float = 180, seconds: dict[str, float] | None = None) -> tuple[ServerInfo, str]:
    """Stop the local server, run ``neo4j-admin database import full`` on its database with ``args``
    (``--nodes=…``/``--relationships=…`` and options), start it again with the same heap, page cache,
    transaction timeout, password and Bolt port. Returns (the running server, the importer's output).

    The import replaces the database (``--overwrite-destination``): callers check it is empty first
    (:mod:`graph.store.neo4j_bulk`). If the importer fails, its half-written store is deleted — Neo4j
    then starts with a new empty database, which is what was there — the server is started again,
    and :class:`StoreError` carries the end of the importer's output. ``seconds``, if given, receives
    the wall seconds of ``stop``, ``import`` and ``start``.
    """
    clock = seconds if seconds is not None else {}
    home = _home(state_dir)
    cfg = server_config(state_dir)
    old = _read_info(home)
    if old is None or not _pid_alive(old.pid):
        raise StoreError(f"no local Neo4j runs from {home}: start it with `chainkg neo4j start`")
    heap = cfg.get("server.memory.heap.max_size", "1g")
    restart = dict(heap=heap, pagecache=cfg.get("server.memory.pagecache.size", "512m"),
                   tx_timeout=cfg.get("db.transaction.timeout", TX_TIMEOUT), port=old.port,
                   password=old.password, timeout=start_timeout)
    t = time.perf_counter()
    stop(state_dir)
    clock["stop"] = time.perf_counter() - t
    t = time.perf_counter()
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    cmd = [java(), f"-Xmx{heap}", "-cp", f"{LIB_DIR}/*", ADMIN_ENTRY_POINT, "database", "import", "full",
           DATABASE, "--overwrite-destination=true", f"--report-file={home / 'logs' / 'import.report'}", *args]
    log = home / "logs" / "import.log"
    try:
        with open(log, "wb") as out:
            r = subprocess.run(cmd, cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=out,
                               stderr=subprocess.STDOUT, timeout=timeout)
        failed = r.returncode != 0
    except subprocess.TimeoutExpired:
        failed = True
    clock["import"] = time.perf_counter() - t
    text = log.read_text(errors="replace")
    if failed:  # the store is half-written ("likely in an unusable state"): back to an empty one
        for d in ("databases", "transactions"):
            shutil.rmtree(home / "data" / d / DATABASE, ignore_errors=True)
    t = time.perf_counter()
    info = start(state_dir, **restart)
    clock["start"] = time.perf_counter() - t
    if failed:
        tail = "\n".join(line for line in text.splitlines() if not line.startswith("....."))[-3000:]
        raise StoreError(f"neo4j-admin database import failed (log: {log}); the database is empty again\n{tail}")
    return info, text
