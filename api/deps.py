"""FastAPI dependencies: settings read once at the edge, one store per process and one
:class:`~chainkg.service.ChainKG` per store (``KG``, the alias every route takes), analysis
parameters from the query string, and the bearer-token guard of writes.

Security rule: writes and the Cypher console need ``Authorization: Bearer <CHAINKG_API_TOKEN>``
(at least 16 characters, checked when the settings load). With no token configured they are
refused — unless ``CHAINKG_DEV_MODE=1``, where the public development token ``dev-token`` works,
and only on loopback: settings refuse dev mode with a non-loopback ``CHAINKG_API_HOST``, and a
request that reached the server on a non-loopback address (``uvicorn --host 0.0.0.0``, a
container) or came from one is refused the development token. See docs/security.md.
"""

from __future__ import annotations

import hmac
import ipaddress
import threading
import weakref
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.schemas.inputs import AnalysisParamsIn
from chainkg.errors import AuthError, Forbidden
from chainkg.service import ChainKG
from chainkg.settings import Settings, is_loopback, load_settings
from graph.analytics.params import AnalysisParams
from graph.store.open import open_store
from graph.store.port import GraphStore
from ontology.loader import Ontology, load_ontology

__all__ = ["get_settings", "get_store", "get_ontology", "get_kg", "KG", "analysis_params", "require_token", "check_token",
           "DEV_TOKEN"]

DEV_TOKEN = "dev-token"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The environment's settings; a refused one (short token, dev mode off loopback) stops the app
    with a :class:`~chainkg.settings.SettingsError` naming it."""
    return load_settings()


@lru_cache(maxsize=1)
def _store(url: str) -> GraphStore:
    return open_store(url)


def get_store() -> GraphStore:
    settings = get_settings()
    store = _store(settings.store)
    if getattr(store, "kind", None) == "neo4j":
        store.console_max_bytes = settings.cypher_max_bytes  # the console's byte cap (Neo4jStore.run_read)
    return store


def get_ontology() -> Ontology:
    return load_ontology()


_KGS: "weakref.WeakKeyDictionary[GraphStore, ChainKG]" = weakref.WeakKeyDictionary()
_KGS_LOCK = threading.Lock()


def get_kg(store: Annotated[GraphStore, Depends(get_store)],
           onto: Annotated[Ontology, Depends(get_ontology)]) -> ChainKG:
    """The one :class:`ChainKG` of this process's store (its cache is shared by every request);
    a test that overrides :func:`get_store` gets one for its own store."""
    with _KGS_LOCK:
        kg = _KGS.get(store)
        if kg is None or kg.onto is not onto:
            kg = _KGS[store] = ChainKG(store, onto)
        return kg


#: the service, as every route takes it
KG = Annotated[ChainKG, Depends(get_kg)]


def analysis_params(params: Annotated[AnalysisParamsIn, Query()]) -> AnalysisParams:  # type: ignore[valid-type]
    """Every analysis weight and threshold (graph.analytics.params.AnalysisParams) as optional query parameters."""
    return AnalysisParams(**params.model_dump())


_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <CHAINKG_API_TOKEN>")


def _off_loopback(scope: dict) -> str | None:
    """The non-loopback IP address this request was received on or sent from, if any.

    Only IP literals count: the test client's ``testserver``/``testclient`` names are not addresses.
    """
    server = scope.get("server") or (None, None)
    client = scope.get("client") or (None, None)
    for host in (server[0], client[0]):
        if host and not is_loopback(host):
            try:
                ipaddress.ip_address(str(host).strip("[]"))
            except ValueError:
                continue
            return str(host)
    return None


def check_token(scope: dict, authorization: str | None, settings: Settings) -> None:
    """The write rule on a raw ASGI scope and ``Authorization`` header: raises :class:`Forbidden`
    (no token configured, or the development token off loopback) or :class:`AuthError` (missing or
    wrong token). Used by :func:`require_token` and, before any body is read, by :mod:`api.gate`."""
    expected = settings.api_token or (DEV_TOKEN if settings.dev_mode else None)
    if expected is None:
        raise Forbidden("writes and the Cypher console are disabled: set CHAINKG_API_TOKEN")
    if settings.api_token is None:  # the public development token
        where = _off_loopback(scope)
        if where:
            raise Forbidden("development mode accepts its token on loopback only (this request used "
                            f"{where}): set CHAINKG_API_TOKEN for network access", address=where)
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        raise AuthError("missing bearer token (Authorization: Bearer <token>)")
    if not hmac.compare_digest(credentials.strip().encode(), expected.encode()):
        raise AuthError("invalid bearer token")


def require_token(request: Request, _: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
                  settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Refuse the request unless it carries the configured bearer token (401 missing/wrong, 403 disabled).
    (:mod:`api.gate` applies the same rule before the body is read; this is the route's own check.)"""
    check_token(request.scope, request.headers.get("authorization"), settings)

