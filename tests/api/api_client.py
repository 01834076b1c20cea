"""Helpers shared by the API tests (a module with a unique name: ``conftest`` is ambiguous
when several test folders have one)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_settings, get_store
from chainkg.settings import Settings

TOKEN = "test-token-123-abcdef"  # at least 16 characters (settings refuse shorter)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def make_client(store, settings: Settings) -> TestClient:
    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    return TestClient(app)
