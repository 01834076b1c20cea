"""FastAPI dependencies: settings read once at the edge, one store per process, the ontology,
analysis parameters from the query string, and the bearer-token guard of writes.

Security rule: writes and the Cypher console need ``Authorization: Bearer <CHAINKG_API_TOKEN>``.
With no token configured they are refused — unless ``CHAINKG_DEV_MODE=1``, where the development
token ``dev-token`` works. There is no default secret outside development mode.
"""

from __future__ import annotations

import hmac
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.schemas import AnalysisParamsIn
from chainkg.errors import AuthError, Forbidden, PayloadTooLarge, UnsupportedStore
from chainkg.settings import Settings
from graph.params import AnalysisParams
from graph.store import GraphStore, open_store
from ontology.loader import Ontology, load_ontology

__all__ = ["get_settings", "get_store", "get_ontology", "analysis_params", "require_token", "neo4j_store",
           "DEV_TOKEN"]

DEV_TOKEN = "dev-token"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


@lru_cache(maxsize=1)
def _store(url: str) -> GraphStore:
    return open_store(url)


def get_store() -> GraphStore:
    return _store(get_settings().store)


def get_ontology() -> Ontology:
    return load_ontology()


def analysis_params(params: Annotated[AnalysisParamsIn, Query()]) -> AnalysisParams:  # type: ignore[valid-type]
    """Every analysis weight and threshold (graph.params.AnalysisParams) as optional query parameters."""
    return AnalysisParams(**params.model_dump())


_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <CHAINKG_API_TOKEN>")


def require_token(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
                  settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Refuse the request unless it carries the configured bearer token (401 missing/wrong, 403 disabled)."""
    expected = settings.api_token or (DEV_TOKEN if settings.dev_mode else None)
    if expected is None:
        raise Forbidden("writes and the Cypher console are disabled: set CHAINKG_API_TOKEN")
    if creds is None or creds.scheme.lower() != "bearer":
        raise AuthError("missing bearer token (Authorization: Bearer <token>)")
    if not hmac.compare_digest(creds.credentials.encode(), expected.encode()):
        raise AuthError("invalid bearer token")


def neo4j_store(store: Annotated[GraphStore, Depends(get_store)]) -> GraphStore:
    """The store, which must be Neo4j (the Cypher console has nothing to run on SQLite)."""
    if store.kind != "neo4j":
        raise UnsupportedStore("the Cypher console needs a Neo4j store (CHAINKG_STORE=neo4j://…)",
                               store=store.kind)
    return store
