"""Placement corrections (校正) that stick: confirm, move or remove a firm's segment link.

Why: every verdict is a count of firms per segment, so a wrong placement is a wrong verdict, and
the person who knows the firm must be able to fix it — once. An override is stored in the graph
(node ``Override``: enterprise, segment, action, who, when, why) and is written together with the
link change in one transaction. Every later load re-applies the overrides to the links it
computes (:func:`apply_overrides`), so a reload never brings a removed link back; they export to
and import from CSV (:data:`CSV_HEADER`), so a team can share them.

One override per (firm, segment): the latest wins. A *move* is a ``remove`` of the old segment
and an ``add`` of the new one, both with the same reason.

>>> override_id("e1", "auto-nev") == override_id("e1", "auto-nev")
True
>>> links = {"auto-nev": {"method": "classifier"}}
>>> ov = [{"enterprise": "e1", "segment": "auto-nev", "action": "remove"},
...       {"enterprise": "e1", "segment": "auto-parts", "action": "add", "who": "王", "when": "2026-11-30", "why": "零部件"}]
>>> sorted(apply_overrides({"e1": links}, ov)["e1"])
['auto-parts']
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from ontology.errors import InputError, NotFoundError
from etl.normalize import check_formula, normalize_credit_code
from etl.quarantine import Quarantine
from etl.readers import read_records
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology
from ontology.models import Override

__all__ = ["override_id", "plan_override", "apply_overrides", "read_overrides", "export_overrides",
           "import_overrides", "CSV_HEADER", "ACTIONS"]

ACTIONS = ("confirm", "add", "remove", "move")
CSV_HEADER = ("enterprise", "enterprise_name", "segment", "action", "who", "when", "why")


def override_id(enterprise: str, segment: str) -> str:
    return "ov-" + hashlib.sha1(f"{enterprise}\x1f{segment}".encode("utf-8")).hexdigest()[:16]


def _link_props(o: dict) -> dict:
    return {"method": "override" if o["action"] == "add" else "confirmed", "confidence": 1.0,
            "evidence": f"人工校正: {o['why']}", "source": f"{o['who']} {o['when']}"}


def _find_enterprise(store: GraphStore, ref: str) -> dict:
    ref = (ref or "").strip()
    node = store.get_node("Enterprise", ref)
    if node is None:
        try:
            hits = store.find_nodes("Enterprise", {"credit_code": normalize_credit_code(ref)}, limit=1)
        except ValueError:
            hits = store.find_nodes("Enterprise", {"name": ref}, limit=2)
            hits = hits if len(hits) == 1 else []
        node = hits[0] if hits else None
    if node is None:
        raise NotFoundError(f"unknown enterprise {ref!r} (id, credit code or exact name)", entry=ref)
    return node


def plan_override(store: GraphStore, onto: Ontology, enterprise: str, segment: str, action: str, *, who: str,
                  why: str, to: str | None = None, when: str | None = None) -> tuple[Batch, list[dict]]:
    """The batch that records the override(s) and changes the links, and the override records."""
    if action not in ACTIONS:
        raise InputError(f"unknown action {action!r}; expected one of {', '.join(ACTIONS)}", field="action")
    for fld, value in (("who", who), ("why", why)):
        if not (value or "").strip():
            raise InputError(f"{fld} is required: say who made the correction and why", field=fld)
        try:
            check_formula(value)
        except ValueError as e:
            raise InputError(str(e), field=fld, value=value) from e
    firm = _find_enterprise(store, enterprise)
    targets = [(segment, "remove"), (to, "add")] if action == "move" else [(segment, action)]
    if action == "move" and not to:
        raise InputError("a move needs the new segment (to)", field="to")
    when = when or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    linked = {r["dst"]: r["props"] for r in store.rels("IN_SEGMENT", src=firm["id"])}
    batch, records = Batch(), []
    for sid, act in targets:
        if sid not in onto.segments:
            raise InputError(f"unknown segment {sid!r}", field="segment", value=sid)
        if act == "confirm" and sid not in linked:
            raise InputError(f"{firm['name']} is not linked to {sid}; use add to place it there", field="segment")
        try:
            o = Override(id=override_id(firm["id"], sid), enterprise=firm["id"], segment=sid, action=act,
                         who=who.strip(), when=when, why=why.strip()).props()
        except ValidationError as e:
            raise InputError(f"bad override: {e.errors()[0]['msg']}", field=str(e.errors()[0]["loc"][0])) from e
        batch.node("Override", o)
        if act == "remove":
            batch.drop_rel("IN_SEGMENT", firm["id"], sid)
        else:
            batch.rel("IN_SEGMENT", firm["id"], sid, _link_props(o))
        records.append(o | {"enterprise_name": firm["name"]})
    return batch, records


def apply_overrides(links: dict[str, dict[str, dict]], overrides: Iterable[dict]) -> dict[str, dict[str, dict]]:
    """Apply overrides to computed links ``{enterprise: {segment: props}}`` (in place; returned)."""
    for o in overrides:
        firm = links.get(o["enterprise"])
        if firm is None:
            continue
        if o["action"] == "remove":
            firm.pop(o["segment"], None)
        elif o["action"] == "add" or o["segment"] in firm:
            firm[o["segment"]] = (firm.get(o["segment"]) or {}) | _link_props(o)
    return links


def read_overrides(store: GraphStore) -> list[dict]:
    return sorted(store.find_nodes("Override", limit=10**7), key=lambda o: (o["enterprise"], o["segment"]))


def export_overrides(store: GraphStore, path: str | Path) -> int:
    """Write every override as CSV (UTF-8 with BOM, opens in Excel); returns the count."""
    rows = read_overrides(store)
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_HEADER)
        for o in rows:
            firm = store.get_node("Enterprise", o["enterprise"]) or {}
            w.writerow([o["enterprise"], firm.get("name", ""), o["segment"], o["action"], o["who"], o["when"],
                        o["why"]])
    return len(rows)


def import_overrides(store: GraphStore, onto: Ontology, path: str | Path) -> tuple[int, list[Quarantine]]:
    """Apply an overrides CSV atomically: every good row in one write; bad rows are reported with
    file, row, field and reason (and nothing of theirs is written)."""
    path = Path(path)
    batch, problems, n = Batch(), [], 0
    for rec in read_records(path, required=("name", "segment")):
        try:
            b, _ = plan_override(store, onto, rec.get("enterprise") or rec.get("name") or "", rec.get("segment") or "",
                                 (rec.get("action") or "").strip(), who=rec.get("who") or "",
                                 why=rec.get("why") or "", when=(rec.get("when") or "").strip() or None)
        except (InputError, NotFoundError) as e:
            problems.append(Quarantine(path.name, rec.get("_row"), str(e.details.get("field", "enterprise")),
                                       str(e.details.get("value", e.details.get("entry", ""))), e.message))
            continue
        batch.extend(b)
        n += 1
    if n:
        store.write(batch)
    return n, problems
