"""Where the local Neo4j comes from: the jars Maven puts in ``neo4j-server/target/lib`` (fetched on
first use with ``mvn -B -q package``) and a Java to run them (Neo4j 5.26 needs 17 or 21).

Why a Maven project and not a download script: Maven Central serves the Community jars with their
checksums, and ``mvn`` is the one extra tool the README asks for (no Docker engine needed).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ontology.errors import StoreError

__all__ = ["PROJECT_ROOT", "SERVER_DIR", "LIB_DIR", "ENTRY_POINT", "ADMIN_ENTRY_POINT", "java", "ensure_jars"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the checkout (neo4j-server/ lives there)
SERVER_DIR = PROJECT_ROOT / "neo4j-server"
LIB_DIR = SERVER_DIR / "target" / "lib"
JAVA17 = Path("/usr/lib/jvm/java-17-openjdk-amd64/bin/java")
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_ENTRY_POINT = "org.neo4j.cli.AdminTool"  # neo4j-admin, in neo4j-command-line (same jars)


def java() -> str:
    """Java 17 if the distro's one is installed (Neo4j 5.26 needs 17 or 21), else ``java`` on PATH."""
    if JAVA17.exists():
        return str(JAVA17)
    found = shutil.which("java")
    if not found:
        raise StoreError("no `java` on PATH; Neo4j 5.26 needs Java 17 or 21")
    return found


def ensure_jars() -> None:
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
