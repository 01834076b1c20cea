"""The rows of a load that are not firms: technologies (技术清单), holdings (企业–技术) and supply
(供应关系), checked against the firms and technologies the load and the store know.

Each bad row becomes quarantine entries naming its file, row and field; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable

from etl.quarantine import Quarantine
from etl.resolved import FirmIndex
from graph.store.port import Batch
from ontology.loader import Ontology

__all__ = ["row_kind", "add_technologies", "add_holdings", "add_supply"]

_UNKNOWN_FIRM = "unknown enterprise (load it first or in the same run)"


def row_kind(record: dict) -> str:
    """``enterprises``, ``holdings``, ``supply`` or ``technologies``, told apart by the columns."""
    if "supplier" in record or "customer" in record:
        return "supply"
    if "status" in record and ("technology" in record or "technology_id" in record):
        return "technologies"
    if ("technology" in record or "technology_id" in record) and "business_scope" not in record:
        return "holdings"
    return "enterprises"


def add_technologies(batch: Batch, records: Iterable[dict], onto: Ontology, known: dict[str, str],
                     quarantined: list[Quarantine]) -> int:
    """Technology nodes and their NEEDS into ``batch``; ``known`` (id → name) grows; how many."""
    n = 0
    for rec in records:
        t, problems = technology(rec, onto)
        if problems:
            quarantined.extend(problems)
            continue
        known[t.id] = t.name
        batch.node("Technology", t.props())
        for sid in t.segments:
            batch.rel("NEEDS", sid, t.id)
        n += 1
    return n


def add_holdings(batch: Batch, records: Iterable[dict], index: FirmIndex, known: dict[str, str],
                 quarantined: list[Quarantine]) -> int:
    """HOLDS rows into ``batch`` for holdings whose firm and technology are known; how many."""
    by_name = {name: tid for tid, name in known.items()}
    n = 0
    for rec in records:
        eid = index.find(rec.get("name"), rec.get("credit_code"))
        tid = rec.get("technology_id") or by_name.get((rec.get("technology") or "").strip())
        if eid is None:
            quarantined.append(Quarantine(rec["_file"], rec.get("_row"), "name",
                                          rec.get("name") or rec.get("credit_code") or "", _UNKNOWN_FIRM))
            continue
        if tid not in known:
            quarantined.append(Quarantine(rec["_file"], rec.get("_row"), "technology",
                                          rec.get("technology") or rec.get("technology_id") or "",
                                          "unknown technology"))
            continue
        batch.rel("HOLDS", eid, tid, {"source": rec.get("source") or rec["_file"]})
        n += 1
    return n


def add_supply(batch: Batch, records: Iterable[dict], index: FirmIndex, quarantined: list[Quarantine]) -> int:
    """SUPPLIES rows into ``batch`` for supply rows whose two firms are known; how many."""
    n = 0
    for rec in records:
        src = index.find(rec.get("supplier"), rec.get("supplier_code"))
        dst = index.find(rec.get("customer"), rec.get("customer_code"))
        if src is None or dst is None:
            fld = "supplier" if src is None else "customer"
            quarantined.append(Quarantine(rec["_file"], rec.get("_row"), fld, rec.get(fld) or "", _UNKNOWN_FIRM))
            continue
        props = {"source": rec.get("source") or rec["_file"]}
        if rec.get("products"):
            props["products"] = rec["products"]
        batch.rel("SUPPLIES", src, dst, props)
        n += 1
    return n


def technology(rec: dict, onto: Ontology):
    """A technology row (技术清单) → Technology, or quarantine entries naming the field."""
    from pydantic import ValidationError

    from etl.normalize import check_formula, parse_bool, split_list
    from ontology.models import Technology

    file, row = rec["_file"], rec.get("_row")
    problems = []
    for fld in ("technology", "technology_id", "segment", "status", "source", "note"):
        try:
            check_formula(str(rec.get(fld) or ""))
        except ValueError as e:
            problems.append(Quarantine(file, row, fld, rec.get(fld) or "", str(e)))
    segs = split_list(rec.get("segment") or "")
    for sid in segs:
        if sid not in onto.segments:
            problems.append(Quarantine(file, row, "segment", sid, "unknown segment id"))
    if problems:
        return None, problems
    try:
        t = Technology(id=(rec.get("technology_id") or "").strip(), name=(rec.get("technology") or "").strip(),
                       segments=segs, status=(rec.get("status") or "").strip(),
                       status_certain=bool(parse_bool(rec.get("status_certain") or "否")),
                       chokepoint=bool(parse_bool(rec.get("chokepoint") or "否")),
                       chokepoint_lists=split_list(rec.get("chokepoint_lists") or ""),
                       source=(rec.get("source") or "").strip(), note=(rec.get("note") or "").strip())
    except (ValidationError, ValueError) as e:
        errs = e.errors() if isinstance(e, ValidationError) else [{"loc": ("technology",), "msg": str(e)}]
        return None, [Quarantine(file, row, ".".join(map(str, x["loc"])), str(rec.get(x["loc"][0], "")), x["msg"])
                      for x in errs]
    return t, []
