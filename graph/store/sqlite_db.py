"""What every part of the SQLite adapter shares about talking to the file: the JSON text values
cross in as, how long to wait for another process's lock, and that lock turned into a StoreError.

Why its own module: the adapter's writes (:mod:`graph.store.sqlite_store`), the aggregates' view
of its write transaction (:mod:`graph.store.sqlite_txview`) and its reads
(:mod:`graph.store.sqlite_reads`) all pass props and id lists as JSON text (``json_each(?)`` in
:mod:`graph.store.sql`) and all turn a held lock into the same error; defined here once, below all three.

>>> dump({"id": "e1", "name": "台州"})
'{"id":"e1","name":"台州"}'
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager

from graph.store.json_text import dump, dump_all  # the stored JSON text (orjson where identical)
from ontology.errors import StoreError

__all__ = ["dump", "dump_all", "shared_dumper", "default_timeout", "busy_as_store_error"]


def shared_dumper(limit: int = 100_000):
    """``dump`` for one write's relationship props: a loader shares one props map among many
    rows (every firm with the same classifier answer, every empty ``{}``), so each distinct map
    object is serialised once (at most ``limit`` remembered: rows that each bring their own map
    keep memory bounded). The cache holds the map itself, so its id cannot be reused while the
    write runs.

    >>> d, p = shared_dumper(), {"method": "classifier"}
    >>> d(p) is d(p), d({}), d(None)
    (True, '{}', '{}')
    """
    seen: dict[int, tuple[dict, str]] = {}

    def dump_shared(props: dict | None) -> str:
        if not props:
            return "{}"
        hit = seen.get(id(props))
        if hit is None:
            if len(seen) >= limit:
                seen.clear()
            hit = seen[id(props)] = (props, dump(props))
        return hit[1]
    return dump_shared


def default_timeout() -> float:
    """Seconds to wait for another process's write lock: ``CHAINKG_SQLITE_TIMEOUT``, else 30."""
    try:
        return float(os.environ.get("CHAINKG_SQLITE_TIMEOUT", "30"))
    except ValueError:
        return 30.0


@contextmanager
def busy_as_store_error(path: str):
    """A lock held by another process (``database is locked`` / ``busy``) becomes a StoreError
    (503 in the API, one line in the CLI) instead of a raw ``sqlite3.OperationalError``."""
    try:
        yield
    except sqlite3.OperationalError as e:
        text = str(e).lower()
        if "locked" in text or "busy" in text:
            raise StoreError("the store is locked by another process (a load in progress?); "
                             "try again when it has finished", file=path) from e
        raise
