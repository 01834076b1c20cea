"""The local Neo4j's password: generated on first start, kept in ``<state_dir>/neo4j/password`` (mode
0600; the home is 0700), and checked — or rotated to — over Bolt.

A state dir made before passwords were generated (fixed password ``chainkg-local``) is moved to a
generated one on its next start: :func:`answers` with ``rotate`` tries the passwords the store may
still have and changes the first accepted one. Few tries: Neo4j locks a user for 5 s after 3 failed
logins, and a locked user is waited out, never hammered.

>>> len(new_password()) >= 16
True
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from graph.server.config import home
from ontology.errors import StoreError

__all__ = ["PASSWORD_FILE", "INITIAL_PASSWORD", "LEGACY_PASSWORD", "new_password", "password_of",
           "read_password", "write_private", "answers"]

INITIAL_PASSWORD = "neo4j"
LEGACY_PASSWORD = "chainkg-local"  # the fixed password of state dirs made before passwords were generated
PASSWORD_FILE = "password"
AUTH_LOCK_S = 6.0  # Neo4j locks a user for 5 s after 3 failed logins (dbms.security.auth_lock_time)


def new_password() -> str:
    """A fresh random password (32 URL-safe characters)."""
    return secrets.token_urlsafe(24)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, readable by the owner only (0600)."""
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def read_password(path: Path) -> str | None:
    try:
        pw = path.read_text().strip()
    except OSError:
        return None
    return pw or None


def password_of(state_dir: str | os.PathLike) -> str | None:
    """The stored password of the local Neo4j in ``state_dir`` (None before its first start)."""
    return read_password(home(state_dir) / PASSWORD_FILE)


def answers(port: int, password: str, previous: tuple[str, ...] = (), *, rotate: bool = False) -> bool:
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
