"""The one settings object, read at the edge (CLI, API, UI start-up) and passed down as arguments.

Every field can be set by an environment variable prefixed ``CHAINKG_`` (e.g. ``CHAINKG_STORE``).

>>> s = Settings(store="/tmp/x.db")
>>> s.store
'/tmp/x.db'
>>> Settings(heavy_limits="export=1, report=1").heavy_limits
{'analysis': 4, 'export': 1, 'report': 1, 'import': 1, 'console': 2}
"""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path
from typing import Annotated

import platformdirs
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from chainkg.errors import ChainKGError

__all__ = ["MAX_UPLOAD_BYTES", "Settings", "SettingsError", "load_settings", "default_store_path", "is_loopback", "PROJECT_ROOT",
           "MIN_TOKEN_LENGTH", "HEAVY_LIMITS", "MAX_HEAVY_LIMIT"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: the largest file a user may upload (API import, UI importer, overrides import)
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MIN_TOKEN_LENGTH = 16
#: concurrent API requests per heavy kind (per API process), the defaults of ``CHAINKG_HEAVY_LIMITS``.
#: Why these: two exports or reports at once already doubled other requests' latency on 2 cores; an
#: analysis is memoised after its first run; imports write one at a time anyway (the store's write lock).
HEAVY_LIMITS: dict[str, int] = {"analysis": 4, "export": 2, "report": 2, "import": 1, "console": 2}
MAX_HEAVY_LIMIT = 64


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
    heavy_limits: Annotated[dict[str, int], NoDecode] = Field(
        default_factory=lambda: dict(HEAVY_LIMITS),
        description="API requests of each heavy kind at once, e.g. export=1,report=1 (or JSON); kinds not "
                    "named keep their default")
    # chainkg load: may a load classify in a second process (docs/import.md; same stored result either way)
    classify_worker: bool = Field(default=True, description="Classify a load's inputs in a second process "
                                  "while it reads (single-threaded processes with fork and ≥ 2 CPUs)")
    # analytics parameters (documented in docs/analytics.md)
    weak_threshold: float = 0.35
    single_point_share: float = 0.6

    def load_workers(self) -> dict[str, bool]:
        """The settings ``etl.loader.load_files`` takes as arguments (its second processes)."""
        return {"classify_worker": self.classify_worker}

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

    @field_validator("heavy_limits", mode="before")
    @classmethod
    def _heavy_limits(cls, v) -> dict[str, int]:
        if isinstance(v, str):  # the environment: "export=1,report=1" or a JSON object
            text = v.strip()
            if text.startswith("{"):
                try:
                    v = json.loads(text)
                except ValueError as e:
                    raise ValueError(f"CHAINKG_HEAVY_LIMITS is not a JSON object ({e})") from None
            else:
                v = {}
                for part in filter(None, (p.strip() for p in text.split(","))):
                    kind, eq, n = part.partition("=")
                    if not eq:
                        raise ValueError(f"CHAINKG_HEAVY_LIMITS: {part!r} is not kind=number (e.g. export=1,report=1)")
                    v[kind.strip()] = n.strip()
        if not isinstance(v, dict):
            raise ValueError("CHAINKG_HEAVY_LIMITS must map kinds to numbers, e.g. export=1,report=1")
        out = dict(HEAVY_LIMITS)
        for kind, n in v.items():
            if kind not in HEAVY_LIMITS:
                raise ValueError(f"CHAINKG_HEAVY_LIMITS: unknown kind {kind!r}; known: {', '.join(HEAVY_LIMITS)}")
            try:
                n = int(n)
            except (TypeError, ValueError):
                raise ValueError(f"CHAINKG_HEAVY_LIMITS: {kind}={n!r} is not a whole number") from None
            if not 1 <= n <= MAX_HEAVY_LIMIT:
                raise ValueError(f"CHAINKG_HEAVY_LIMITS: {kind}={n} is outside 1..{MAX_HEAVY_LIMIT}")
            out[kind] = n
        return out

    @model_validator(mode="after")
    def _dev_mode_on_loopback_only(self) -> "Settings":
        if self.dev_mode and not is_loopback(self.api_host):
            raise ValueError(f"CHAINKG_DEV_MODE=1 with CHAINKG_API_HOST={self.api_host} would open writes and "
                             "the Cypher console to the network with the public development token: use dev "
                             "mode on 127.0.0.1 only, or unset CHAINKG_DEV_MODE and set CHAINKG_API_TOKEN")
        return self


class SettingsError(ChainKGError):
    """The environment's ``CHAINKG_*`` settings are refused; the message says which and why.

    Under the error root, so the CLI translates it with every other error (``error [settings]: …``,
    exit 1) and the API with its own handler; raised at start-up, before a request is served.
    """

    code = "settings"
    http_status = 500


def load_settings(**overrides) -> Settings:
    """``Settings(**overrides)``, with a refusal turned into one readable :class:`SettingsError`.

    >>> load_settings(api_token="short")
    Traceback (most recent call last):
    ...
    chainkg.settings.SettingsError: invalid ChainKG settings: api_token: CHAINKG_API_TOKEN has 5 characters; use at least 16 random characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'
    """
    from pydantic import ValidationError
    from pydantic_settings import SettingsError as SourceError

    try:
        return Settings(**overrides)
    except SourceError as e:  # e.g. CHAINKG_CORS_ORIGINS=a,b (a list is read as JSON)
        raise SettingsError(f"invalid ChainKG settings: {e}" + (f" ({e.__cause__})" if e.__cause__ else "")) from None
    except ValidationError as e:
        problems = "; ".join((".".join(map(str, err["loc"])) + ": " if err["loc"] else "") +
                             str(err["msg"]).removeprefix("Value error, ") for err in e.errors())
        raise SettingsError(f"invalid ChainKG settings: {problems}") from None
