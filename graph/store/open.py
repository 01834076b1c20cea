"""Open a store by URL: the one place that names both adapters (the port, :mod:`graph.store.port`,
names neither, so adapters can import the port without a cycle).

>>> open_store(":memory:").kind
'sqlite'
"""

from __future__ import annotations

from graph.store.port import GraphStore

__all__ = ["is_neo4j_url", "open_store"]

NEO4J_SCHEMES = ("neo4j://", "bolt://", "neo4j+s://", "bolt+s://")


def is_neo4j_url(url: str) -> bool:
    """Whether ``url`` names a Neo4j server (else it is an embedded store's file path).

    >>> is_neo4j_url("neo4j://neo4j:pw@127.0.0.1:7687"), is_neo4j_url("kg.db")
    (True, False)
    """
    return url.startswith(NEO4J_SCHEMES)


def open_store(url: str) -> GraphStore:
    """Open the store named by ``url``: ``neo4j://user:pass@host:port`` or a file path."""
    if is_neo4j_url(url):
        from graph.store.neo4j_store import Neo4jStore

        return Neo4jStore.from_url(url)
    from graph.store.sqlite_store import SQLiteStore

    return SQLiteStore(url)
