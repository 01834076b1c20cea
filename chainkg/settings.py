"""The one settings object, read at the edge (CLI, API, UI start-up) and passed down as arguments.

Every field can be set by an environment variable prefixed ``CHAINKG_`` (e.g. ``CHAINKG_STORE``).

>>> s = Settings(store="/tmp/x.db")
>>> s.store
'/tmp/x.db'
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import platformdirs
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["MAX_UPLOAD_BYTES", "Settings", "SettingsError", "load_settings", "default_store_path", "is_loopback", "PROJECT_ROOT",
           "MIN_TOKEN_LENGTH"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: the largest file a user may upload (API import, UI importer, overrides import)
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MIN_TOKEN_LENGTH = 16


def is_loopback(host: str | None) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1).

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0"), is_loopback("::")
    (True, True, False, False)
    """
    host = (host or "").strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_store_path() -> str:
    """The embedded store's default file, under the user's data directory."""
    return str(Path(platformdirs.user_data_dir("chainkg")) / "chainkg.db")


class Settings(BaseSettings):
    # hide_input_in_errors: a refused CHAINKG_API_TOKEN must not be echoed into logs
    model_config = SettingsConfigDict(env_prefix="CHAINKG_", extra="ignore", hide_input_in_errors=True)

    store: str = Field(default_factory=default_store_path,
                       description="Embedded store file path, or neo4j://user:pass@host:port")
    state_dir: str = Field(default_factory=lambda: platformdirs.user_state_dir("chainkg"),
                           description="Where the local Neo4j keeps its config, data, logs and PID")
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    ui_port: int = 8501
    api_token: str | None = Field(default=None, description="Bearer token for writes and the Cypher console "
                                  f"(at least {MIN_TOKEN_LENGTH} characters)")
    dev_mode: bool = Field(default=False, description="Allows the development token when api_token is unset "
                                                      "(loopback api_host only)")
    cors_origins: list[str] = Field(default_factory=list)
    cypher_timeout_s: float = Field(default=5.0, gt=0, le=300, description="Cypher console: server transaction "
                                    "timeout in seconds (the client gives up shortly after)")
    cypher_row_cap: int = Field(default=1000, ge=1, le=100_000, description="Cypher console: rows per answer")
    cypher_max_bytes: int = Field(default=2 * 1024 * 1024, ge=64 * 1024, le=256 * 1024 * 1024,
                                  description="Cypher console: bytes read from Neo4j, and of JSON rows, per answer")
    # analytics parameters (documented in docs/analytics.md)
    weak_threshold: float = 0.35
    single_point_share: float = 0.6

    @field_validator("api_token")
    @classmethod
    def _token_strong_enough(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None  # unset: writes and the console are off (see api.deps)
        if v != v.strip():
            raise ValueError("CHAINKG_API_TOKEN must not start or end with whitespace")
        if len(v) < MIN_TOKEN_LENGTH:
            raise ValueError(f"CHAINKG_API_TOKEN has {len(v)} characters; use at least {MIN_TOKEN_LENGTH} "
                             "random characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'")
        return v

    @model_validator(mode="after")
    def _dev_mode_on_loopback_only(self) -> "Settings":
        if self.dev_mode and not is_loopback(self.api_host):
            raise ValueError(f"CHAINKG_DEV_MODE=1 with CHAINKG_API_HOST={self.api_host} would open writes and "
                             "the Cypher console to the network with the public development token: use dev "
                             "mode on 127.0.0.1 only, or unset CHAINKG_DEV_MODE and set CHAINKG_API_TOKEN")
        return self


class SettingsError(ValueError):
    """The environment's ``CHAINKG_*`` settings are refused; the message says which and why."""


def load_settings(**overrides) -> Settings:
    """``Settings(**overrides)``, with a refusal turned into one readable :class:`SettingsError`.

    >>> load_settings(api_token="short")
    Traceback (most recent call last):
    ...
    chainkg.settings.SettingsError: invalid ChainKG settings: api_token: CHAINKG_API_TOKEN has 5 characters; use at least 16 random characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'
    """
    from pydantic import ValidationError

    try:
        return Settings(**overrides)
    except ValidationError as e:
        problems = "; ".join((".".join(map(str, err["loc"])) + ": " if err["loc"] else "") +
                             str(err["msg"]).removeprefix("Value error, ") for err in e.errors())
        raise SettingsError(f"invalid ChainKG settings: {problems}") from None
