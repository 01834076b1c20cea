"""Open a store by URL: the one place that names both adapters (the port, :mod:`graph.store`,
names neither, so adapters can import the port without a cycle).

>>> open_store(":memory:").kind
'sqlite'
"""

from __future__ import annotations

from graph.store import GraphStore

__all__ = ["open_store"]


def open_store(url: str) -> GraphStore:
    """Open the store named by ``url``: ``neo4j://user:pass@host:port`` or a file path."""
    if url.startswith(("neo4j://", "bolt://", "neo4j+s://", "bolt+s://")):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.from_url(url)
    from graph.sqlite_store import SQLiteStore

    return SQLiteStore(url)
