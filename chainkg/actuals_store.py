"""The store side of policy target monitoring: actual figures (:mod:`chainkg.actuals`) written into the
store as ``Actual`` nodes and read back. Why apart from :mod:`chainkg.actuals`: that module is pure (rows in,
rows out); this one talks to a :class:`~graph.store.port.GraphStore`. :class:`chainkg.service.ChainKG`
calls it (``import_actuals``, ``actuals``) and bumps its cache after a write.

>>> from graph.store.sqlite_store import SQLiteStore
>>> stored_actuals(SQLiteStore(":memory:"))
[]
"""

from __future__ import annotations

from pathlib import Path

from chainkg.actuals import ACTUAL_COLUMNS, actual_id, read_actuals
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology

__all__ = ["write_actuals", "stored_actuals"]


def write_actuals(store: GraphStore, onto: Ontology, file: str | Path) -> dict:
    """Validate ``file`` (every row, before anything is written) and write its figures into the store
    in one transaction; a figure replaces the same target and year. The store is where they live."""
    new = read_actuals(file, onto)
    old = {a["id"] for a in store.find_nodes("Actual", limit=100_000)}
    batch = Batch()
    for r in new:
        batch.node("Actual", {"id": actual_id(r["target_id"], r["year"]),
                              **{k: v for k, v in r.items() if v is not None}})
    store.write(batch)
    ids = {actual_id(r["target_id"], r["year"]) for r in new}
    return {"imported": len(new), "replaced": len(ids & old), "rows": len(old | ids)}


def stored_actuals(store: GraphStore) -> list[dict]:
    """Every actual figure in the store (per target and year, with its source)."""
    rows = [{k: a.get(k) for k in ACTUAL_COLUMNS} for a in store.find_nodes("Actual", limit=100_000)]
    return sorted(rows, key=lambda r: (r["target_id"], r["year"]))
