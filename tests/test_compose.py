"""docker-compose.yml and the Dockerfile, checked statically: there is no Docker engine where the
tests run (see docs/security.md). What is checked: the services and their wiring, that both secrets
come from the environment with no default (compose's ``${VAR:?…}`` — interpolated here as compose
does, so an unset secret is refused), that the bundled data is loaded before the API and the UI
start (the loader's command is run against a temporary store), and the Dockerfile's COPY sources."""

from __future__ import annotations

import re

import pytest
import yaml
from typer.testing import CliRunner

from chainkg.settings import PROJECT_ROOT

COMPOSE = PROJECT_ROOT / "docker-compose.yml"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose: dict) -> dict:
    return compose["services"]


def _env(service: dict) -> dict:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return env


def _ports(service: dict) -> set[str]:
    return {str(p) for p in service.get("ports", [])}


def test_services(services: dict) -> None:
    assert set(services) == {"neo4j", "load", "api", "ui"}


def test_neo4j_service(compose: dict, services: dict) -> None:
    neo = services["neo4j"]
    assert neo["image"] == "neo4j:5.26-community"
    assert _env(neo)["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")
    assert "neo4j-data:/data" in neo["volumes"]
    assert "neo4j-data" in compose["volumes"]
    assert _ports(neo) == {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"}


def test_neo4j_healthcheck(services: dict) -> None:
    hc = services["neo4j"]["healthcheck"]
    test = hc["test"] if isinstance(hc["test"], str) else " ".join(hc["test"])
    assert "cypher-shell" in test and "RETURN 1" in test
    assert "$$" in test  # the password is read inside the container, not baked in by compose
    assert hc["interval"] and int(hc["retries"]) >= 3


@pytest.mark.parametrize("name, port", [("api", 8000), ("ui", 8501)])
def test_app_services(services: dict, name: str, port: int) -> None:
    svc = services[name]
    assert _env(svc)["CHAINKG_STORE"].startswith("neo4j://neo4j:${NEO4J_PASSWORD:?")
    assert _env(svc)["CHAINKG_STORE"].endswith("@neo4j:7687")
    assert svc["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert svc["depends_on"]["load"]["condition"] == "service_completed_successfully"
    assert _env(svc)["CHAINKG_API_TOKEN"].startswith("${CHAINKG_API_TOKEN:?")
    assert "CHAINKG_DEV_MODE" not in _env(svc)  # never in a container (the API refuses it off loopback)
    assert any(p.endswith(f":{port}:{port}") for p in _ports(svc))
    command = " ".join(svc["command"]) if isinstance(svc["command"], list) else svc["command"]
    assert f"--port {port}" in command or f"--server.port {port}" in command
    assert "0.0.0.0" in command  # inside the container; the host side is bound by `ports`


def test_commands(services: dict) -> None:
    assert services["api"]["command"][:2] == ["uvicorn", "api.app:app"]
    assert services["ui"]["command"][:3] == ["streamlit", "run", "ui/server.py"]


def test_ui_command_serves_the_app_behind_its_headers(services: dict) -> None:
    """``streamlit run`` serves a file holding an ``st.App`` through it (ASGI mode, our middleware);
    a plain script would be served without the security headers (ui/headers.py)."""
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(PROJECT_ROOT / services["ui"]["command"][2])
    assert found.is_asgi_app and found.import_string == "server:app"


def test_api_and_ui_share_one_dockerfile(services: dict) -> None:
    builds = []
    for name in ("api", "ui"):
        build = services[name]["build"]
        build = {"context": build} if isinstance(build, str) else build
        builds.append(((PROJECT_ROOT / build["context"]).resolve(), build.get("dockerfile", "Dockerfile")))
    assert builds[0] == builds[1]
    context, dockerfile = builds[0]
    assert (context / dockerfile).resolve() == DOCKERFILE.resolve()


def test_dockerfile(services: dict) -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    assert lines[0] == "FROM python:3.11-slim"
    assert any(ln.startswith("RUN pip install .") for ln in lines)
    copied = {src for ln in lines if ln.startswith("COPY") for src in ln.split()[1:-1]}
    for needed in ("pyproject.toml", "README.md", "chainkg", "graph", "api", "ui"):
        assert needed in copied, f"Dockerfile does not COPY {needed}"
    for src in copied:  # every COPY source exists, or the build breaks
        assert (PROJECT_ROOT / src).exists(), f"Dockerfile copies missing {src}"


# -- secrets from the environment, no default ------------------------------------------------------------

_VAR = re.compile(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}|\$(?P<bare>[A-Za-z_]\w*)")


class Refused(Exception):
    pass


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's interpolation (the forms compose documents): ``$$`` is a literal ``$``; ``${V:?msg}``
    refuses to start when V is unset or empty, ``${V?msg}`` when unset; ``${V:-d}``/``${V-d}`` default."""
    def sub(m: re.Match) -> str:
        if m.group(0) == "$$":
            return "$"
        name = m.group("name") or m.group("bare")
        op, arg, value = m.group("op"), m.group("arg") or "", env.get(name)
        if op in (":?", "?") and (value is None or (op == ":?" and value == "")):
            raise Refused(f"required variable {name} is missing a value: {arg}")
        if op in (":-", "-") and (value is None or (op == ":-" and value == "")):
            return arg
        if op in (":+", "+"):
            return arg if value else ""
        return value or ""
    return _VAR.sub(sub, text)


SECRETS = {"NEO4J_PASSWORD": "pw-" + "x" * 20, "CHAINKG_API_TOKEN": "tok-" + "y" * 28}


def test_every_variable_is_a_required_secret() -> None:
    """Only the two secrets are read from the environment, each as ``${V:?message}`` (no default value)."""
    text = COMPOSE.read_text(encoding="utf-8")
    refs = [m for m in _VAR.finditer(text) if m.group(0) != "$$"]
    assert {m.group("name") for m in refs} == set(SECRETS)
    assert all(m.group("op") == ":?" and m.group("arg").strip() for m in refs), [m.group(0) for m in refs]
    assert "change-me" not in text and "NEO4J_AUTH:-" not in text


@pytest.mark.parametrize("missing", [*SECRETS, "both"])
@pytest.mark.parametrize("empty", [False, True])
def test_compose_refuses_to_start_without_a_secret(missing: str, empty: bool) -> None:
    env = {k: v for k, v in SECRETS.items() if missing not in (k, "both")}
    if empty:
        env |= {k: "" for k in SECRETS if k not in env}
    with pytest.raises(Refused, match="NEO4J_PASSWORD|CHAINKG_API_TOKEN"):
        interpolate(COMPOSE.read_text(encoding="utf-8"), env)


def test_with_both_secrets_every_service_gets_them() -> None:
    resolved = yaml.safe_load(interpolate(COMPOSE.read_text(encoding="utf-8"), SECRETS))["services"]
    pw, token = SECRETS["NEO4J_PASSWORD"], SECRETS["CHAINKG_API_TOKEN"]
    assert _env(resolved["neo4j"])["NEO4J_AUTH"] == f"neo4j/{pw}"
    for name in ("load", "api", "ui"):
        assert _env(resolved[name])["CHAINKG_STORE"] == f"neo4j://neo4j:{pw}@neo4j:7687"
    for name in ("api", "ui"):
        assert _env(resolved[name])["CHAINKG_API_TOKEN"] == token
    assert "CHAINKG_API_TOKEN" not in _env(resolved["load"]) and "CHAINKG_API_TOKEN" not in _env(resolved["neo4j"])
    hc = " ".join(resolved["neo4j"]["healthcheck"]["test"])
    assert "${NEO4J_AUTH#*/}" in hc and pw not in hc  # `$$` → the container's shell reads it
    from chainkg.settings import load_settings

    assert load_settings(api_token=token).api_token == token  # long enough for the API


def test_neo4j_is_hardened_like_the_local_server(services: dict) -> None:
    env = _env(services["neo4j"])
    assert env["NEO4J_dbms_security_allow__csv__import__from__file__urls"] == "false"
    assert env["NEO4J_internal_dbms_cypher__ip__blocklist"] == "0.0.0.0/0,::/0"
    assert env["NEO4J_db_transaction_timeout"]


# -- the bundled data is loaded before the API and the UI start -------------------------------------------

def test_load_service_loads_the_bundled_data(services: dict, tmp_path, monkeypatch) -> None:
    load = services["load"]
    assert load["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert load["restart"] == "no"  # one shot: `service_completed_successfully` needs it to exit 0
    command = load["command"]
    assert command[:2] == ["chainkg", "load"]
    # the same command, on a temporary embedded store instead of the Neo4j service
    from chainkg.service import ChainKG
    from chainkg.cli import app
    from graph.store.sqlite_store import SQLiteStore

    monkeypatch.setenv("CHAINKG_STORE", str(tmp_path / "kg.db"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [a.replace("/tmp/", f"{tmp_path}/") for a in command[1:]])
    assert result.exit_code == 0, result.output
    with SQLiteStore(tmp_path / "kg.db") as store:
        counts = ChainKG(store).stats()["nodes"]
    assert counts["Enterprise"] > 50 and counts["Segment"] > 100 and counts["Dataset"] >= 1
