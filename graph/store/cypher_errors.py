"""The two errors of the Cypher console: a query the guard (or Neo4j's plan of it) refuses, and an
answer larger than the byte cap. A code and an HTTP status each, under the error root.

>>> raise refuse("one statement only")
Traceback (most recent call last):
...
graph.store.cypher_errors.CypherRefused: field query: one statement only
"""

from __future__ import annotations

from ontology.errors import ChainKGError

__all__ = ["CypherRefused", "CypherResultTooLarge", "refuse"]


class CypherRefused(ChainKGError):
    """The query is not a plain read the console runs."""

    code = "cypher_refused"
    http_status = 400


class CypherResultTooLarge(ChainKGError):
    """The result passed the console's byte cap (``CHAINKG_CYPHER_MAX_BYTES``)."""

    code = "cypher_result_too_large"
    http_status = 422


def refuse(message: str, **details) -> CypherRefused:
    """The refusal of the query (``field="query"``) with ``details`` (position, keyword, procedure, …)."""
    return CypherRefused(message, field="query", **details)
