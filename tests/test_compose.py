"""docker-compose.yml and the Dockerfile, checked statically (no Docker engine is needed)."""

from __future__ import annotations

import pytest
import yaml

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
    assert set(services) == {"neo4j", "api", "ui"}


def test_neo4j_service(compose: dict, services: dict) -> None:
    neo = services["neo4j"]
    assert neo["image"] == "neo4j:5.26-community"
    assert _env(neo)["NEO4J_AUTH"] == "${NEO4J_AUTH:-neo4j/change-me-please}"
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
    assert _env(svc)["CHAINKG_STORE"].startswith("neo4j://neo4j:${NEO4J_PASSWORD")
    assert _env(svc)["CHAINKG_STORE"].endswith("@neo4j:7687")
    assert svc["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert any(p.endswith(f":{port}:{port}") for p in _ports(svc))
    command = " ".join(svc["command"]) if isinstance(svc["command"], list) else svc["command"]
    assert f"--port {port}" in command or f"--server.port {port}" in command
    assert "0.0.0.0" in command  # inside the container; the host side is bound by `ports`


def test_commands(services: dict) -> None:
    assert services["api"]["command"][:2] == ["uvicorn", "api.app:app"]
    assert services["ui"]["command"][:3] == ["streamlit", "run", "ui/app.py"]


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
