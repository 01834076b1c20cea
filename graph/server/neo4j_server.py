"""Start, stop and inspect a local Neo4j Community server without Docker.

What: runs Neo4j 5.26 from the jars that Maven puts in ``neo4j-server/target/lib``, with its
config, data, logs and PID under ``<state_dir>/neo4j``. Why: the project must work on machines
with Java but no Docker engine, and tests need a real Neo4j they can start in seconds.

It listens on 127.0.0.1 only, on a free Bolt port, HTTP off, auth on. The ``neo4j`` user's
password is generated on first start and kept in ``<state_dir>/neo4j/password`` (mode 0600; the
state dir is 0700); ``server.json`` (0600) records pid, port and password so other processes (CLI,
API, tests) find it with :func:`status`. A state dir made before passwords were generated (fixed
password ``chainkg-local``) is moved to a generated one on its next start.

The server is hardened for the Cypher console (Community has no roles, so the console's user is
the app's user; see docs/security.md): ``LOAD CSV`` may not read files
(``dbms.security.allow_csv_import_from_file_urls=false``) nor fetch URLs (every address is on
``internal.dbms.cypher_ip_blocklist``), and every transaction has a server-side timeout
(``db.transaction.timeout``, 10 min by default; the console asks for its own, shorter one).

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
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ontology.errors import StoreError
PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the checkout (neo4j-server/ lives there)

__all__ = ["ServerInfo", "start", "stop", "status", "password_of", "new_password", "server_config",
           "offline_import"]

SERVER_DIR = PROJECT_ROOT / "neo4j-server"
LIB_DIR = SERVER_DIR / "target" / "lib"
JAVA17 = Path("/usr/lib/jvm/java-17-openjdk-amd64/bin/java")
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_ENTRY_POINT = "org.neo4j.cli.AdminTool"  # neo4j-admin, in neo4j-command-line (same jars)
DATABASE = "neo4j"  # the default database: the one the app uses and the bulk import replaces
INITIAL_PASSWORD = "neo4j"
LEGACY_PASSWORD = "chainkg-local"  # the fixed password of state dirs made before passwords were generated
PASSWORD_FILE = "password"
TX_TIMEOUT = "10m"
AUTH_LOCK_S = 6.0  # Neo4j locks a user for 5 s after 3 failed logins (dbms.security.auth_lock_time)
#: settings that harden the server for the Cypher console (see the module docstring)
HARDENING = (
    "dbms.security.allow_csv_import_from_file_urls=false",
    "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
    "dbms.security.auth_minimum_password_length=16",
)


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


def _home(state_dir: str | os.PathLike) -> Path:
    return Path(state_dir).expanduser().resolve() / "neo4j"


def _java() -> str:
    """Java 17 if the distro's one is installed (Neo4j 5.26 needs 17 or 21), else ``java`` on PATH."""
    if JAVA17.exists():
        return str(JAVA17)
    java = shutil.which("java")
    if not java:
        raise StoreError("no `java` on PATH; Neo4j 5.26 needs Java 17 or 21")
    return java


def _ensure_jars() -> None:
    """Run ``mvn -B -q package`` once so ``target/lib`` holds Neo4j and its dependencies."""
    if LIB_DIR.is_dir() and any(LIB_DIR.glob("*.jar")):
        return
    mvn = shutil.which("mvn")
    if not mvn:
        raise StoreError("neo4j-server/target/lib is empty and `mvn` is not on PATH")
    r = subprocess.run([mvn, "-B", "-q", "package"], cwd=SERVER_DIR, capture_output=True, text=True)
    if r.returncode != 0 or not any(LIB_DIR.glob("*.jar")):
        raise StoreError(f"`mvn -B -q package` failed in {SERVER_DIR} (exit {r.returncode}):\n"
                         f"{r.stdout}{r.stderr}")


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


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, readable by the owner only (0600)."""
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _read_password(path: Path) -> str | None:
    try:
        pw = path.read_text().strip()
    except OSError:
        return None
    return pw or None


def new_password() -> str:
    """A fresh random password (32 URL-safe characters)."""
    return secrets.token_urlsafe(24)


def _write_conf(home: Path, port: int, heap: str, pagecache: str, tx_timeout: str = TX_TIMEOUT) -> None:
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
        *HARDENING,
    ]
    (home / "conf" / "neo4j.conf").write_text("\n".join(lines) + "\n")


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


def _answers(port: int, password: str, previous: tuple[str, ...] = (), *, rotate: bool = False) -> bool:
    """True if Bolt on ``port`` runs ``RETURN 1`` with ``password``.

    With ``rotate``, when ``password`` is refused, the passwords the store may still have
    (``previous`` in order, then Neo4j's initial one) are tried and the first accepted one is changed
    to ``password``; it answers False then (the next poll checks the new password) and raises
    :class:`StoreError` if none is accepted. Few tries: Neo4j locks the user after 3 failures.
    """
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError

    uri = f"bolt://127.0.0.1:{port}"
    try:
        with GraphDatabase.driver(uri, auth=("neo4j", password), connection_timeout=3) as d:
            with d.session() as s:  # a plain session: execute_query would retry with back-off
                return s.run("RETURN 1 AS one").single()["one"] == 1
    except AuthError:
        pass
    except ClientError as e:
        if "AuthenticationRateLimit" in (e.code or ""):
            time.sleep(AUTH_LOCK_S)  # locked after repeated failures: let the lock expire, do not extend it
            return False
        if "CredentialsExpired" not in (e.code or ""):
            return False
    except (Neo4jError, DriverError, OSError):
        return False
    if not rotate:
        return False
    for old in dict.fromkeys((*previous, INITIAL_PASSWORD)):
        if old == password:
            continue
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", old), connection_timeout=3) as d:
                with d.session(database="system") as s:
                    s.run("ALTER CURRENT USER SET PASSWORD FROM $old TO $pw", old=old, pw=password).consume()
            return False  # check with the new password on the next poll
        except AuthError:
            continue
        except ClientError as e:
            if "AuthenticationRateLimit" in (e.code or ""):
                time.sleep(AUTH_LOCK_S)
            return False
        except (Neo4jError, DriverError, OSError):
            return False
    raise StoreError("the local Neo4j refused the stored password, the pre-generated-password default "
                     "and the initial one; put its password in <state_dir>/neo4j/password, or delete "
                     "<state_dir>/neo4j/data to re-initialise it (the graph is lost)")


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


def password_of(state_dir: str | os.PathLike) -> str | None:
    """The stored password of the local Neo4j in ``state_dir`` (None before its first start)."""
    return _read_password(_home(state_dir) / PASSWORD_FILE)


def status(state_dir: str | os.PathLike) -> ServerInfo | None:
    """The server recorded in ``<state_dir>/neo4j/server.json`` if its PID is alive and answers, else None."""
    info = _read_info(_home(state_dir))
    if info is None or not _pid_alive(info.pid):
        return None
    try:
        return info if _answers(info.port, info.password) else None
    except StoreError:
        return None


def start(state_dir: str | os.PathLike, *, heap: str = "1g", pagecache: str = "512m",
          password: str | None = None, timeout: float = 120, tx_timeout: str = TX_TIMEOUT,
          port: int | None = None) -> ServerInfo:
    """Start the local Neo4j (or return the one already running) and wait until it answers.

    ``password``: default the stored one, or a generated one on first start; a different one is
    set on the store and stored. ``port``: the Bolt port to listen on (default a free one; a taken
    one is replaced by a free one). Raises :class:`StoreError` with the tail of the log if it exits
    early or is not ready within ``timeout`` seconds.
    """
    home = _home(state_dir)
    old = _read_info(home)
    if old is not None and _pid_alive(old.pid):
        if _answers(old.port, old.password):
            return old
        raise StoreError(f"a Neo4j (pid {old.pid}) is running from {home} but does not answer; "
                         f"`stop` it first\n{_log_tail(home)}")
    (home / "server.json").unlink(missing_ok=True)
    _ensure_jars()
    home.mkdir(parents=True, exist_ok=True)
    os.chmod(home, 0o700)  # config, data (with the auth store), logs and the password file
    stored = _read_password(home / PASSWORD_FILE)
    pending = _read_password(home / (PASSWORD_FILE + ".new"))  # a change interrupted before it was recorded
    password = password or stored or pending or new_password()
    if len(password) < 16:
        raise StoreError("the local Neo4j's password must have at least 16 characters")
    initialised = (home / "data" / "databases").is_dir()  # else the store is new: its password is the initial one
    legacy = LEGACY_PASSWORD if initialised and not stored else None  # made before passwords were generated
    previous = tuple(p for p in dict.fromkeys((stored, pending, legacy)) if p and p != password) if initialised else ()
    if password != stored:
        _write_private(home / (PASSWORD_FILE + ".new"), password + "\n")
    port = port if port and _port_free(port) else _free_port()
    _write_conf(home, port, heap, pagecache, tx_timeout)
    cmd = [_java(), f"-Xmx{heap}", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
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
            if _answers(port, password, previous, rotate=True):
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


def server_config(state_dir: str | os.PathLike) -> dict[str, str]:
    """The settings of ``<state_dir>/neo4j/conf/neo4j.conf`` (written by :func:`start`), as a dict."""
    conf = _home(state_dir) / "conf" / "neo4j.conf"
    try:
        lines = conf.read_text().splitlines()
    except OSError:
        return {}
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def offline_import(state_dir: str | os.PathLike, args: list[str], *, timeout: float | None = None,
                   start_timeout: float = 180) -> tuple[ServerInfo, str]:
    """Stop the local server, run ``neo4j-admin database import full`` on its database with ``args``
    (``--nodes=…``/``--relationships=…`` and options), start it again with the same heap, page cache,
    transaction timeout, password and Bolt port. Returns (the running server, the importer's output).

    The import replaces the database (``--overwrite-destination``): callers check it is empty first
    (:mod:`graph.store.neo4j_bulk`). If the importer fails, its half-written store is deleted — Neo4j
    then starts with a new empty database, which is what was there — the server is started again,
    and :class:`StoreError` carries the end of the importer's output.
    """
    home = _home(state_dir)
    cfg = server_config(state_dir)
    old = _read_info(home)
    if old is None or not _pid_alive(old.pid):
        raise StoreError(f"no local Neo4j runs from {home}: start it with `chainkg neo4j start`")
    heap = cfg.get("server.memory.heap.max_size", "1g")
    restart = dict(heap=heap, pagecache=cfg.get("server.memory.pagecache.size", "512m"),
                   tx_timeout=cfg.get("db.transaction.timeout", TX_TIMEOUT), port=old.port,
                   password=old.password, timeout=start_timeout)
    stop(state_dir)
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    cmd = [_java(), f"-Xmx{heap}", "-cp", f"{LIB_DIR}/*", ADMIN_ENTRY_POINT, "database", "import", "full",
           DATABASE, "--overwrite-destination=true", f"--report-file={home / 'logs' / 'import.report'}", *args]
    log = home / "logs" / "import.log"
    try:
        with open(log, "wb") as out:
            r = subprocess.run(cmd, cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=out,
                               stderr=subprocess.STDOUT, timeout=timeout)
        failed = r.returncode != 0
    except subprocess.TimeoutExpired:
        failed = True
    text = log.read_text(errors="replace")
    if failed:  # the store is half-written ("likely in an unusable state"): back to an empty one
        for d in ("databases", "transactions"):
            shutil.rmtree(home / "data" / d / DATABASE, ignore_errors=True)
    info = start(state_dir, **restart)
    if failed:
        tail = "\n".join(line for line in text.splitlines() if not line.startswith("....."))[-3000:]
        raise StoreError(f"neo4j-admin database import failed (log: {log}); the database is empty again\n{tail}")
    return info, text
