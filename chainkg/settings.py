"""The one settings object, read at the edge (CLI, API, UI start-up) and passed down as arguments.

Every field can be set by an environment variable prefixed ``CHAINKG_`` (e.g. ``CHAINKG_STORE``).

>>> s = Settings(store="/tmp/x.db")
>>> s.store
'/tmp/x.db'
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "default_store_path", "PROJECT_ROOT"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_store_path() -> str:
    """The embedded store's default file, under the user's data directory."""
    return str(Path(platformdirs.user_data_dir("chainkg")) / "chainkg.db")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHAINKG_", extra="ignore")

    store: str = Field(default_factory=default_store_path,
                       description="Embedded store file path, or neo4j://user:pass@host:port")
    state_dir: str = Field(default=str(PROJECT_ROOT / ".state"),
                           description="Where the local Neo4j keeps its config, data, logs and PID")
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    ui_port: int = 8501
    api_token: str | None = Field(default=None, description="Bearer token for writes and the Cypher console")
    dev_mode: bool = Field(default=False, description="Allows the development token when api_token is unset")
    cors_origins: list[str] = Field(default_factory=list)
    cypher_timeout_s: float = 5.0
    cypher_row_cap: int = 1000
    # analytics parameters (documented in docs/analytics.md)
    weak_threshold: float = 0.35
    single_point_share: float = 0.6
