"""FastAPI dependencies: settings read once at the edge, one store per process, the ontology."""

from __future__ import annotations

from functools import lru_cache

from chainkg.settings import Settings
from graph.store import GraphStore, open_store
from ontology.loader import Ontology, load_ontology

__all__ = ["get_settings", "get_store", "get_ontology"]


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
