"""Policy target monitoring (docs/policy.md): the actuals file (one figure per target and year, with
its source) and each target's progress. Pure: plain rows in, plain rows out; the store side
(writing and reading ``Actual`` nodes) is :mod:`chainkg.actuals_store`.
"""

from __future__ import annotations

import time
from pathlib import Path

from ontology.loader import Ontology

__all__ = ["ACTUAL_COLUMNS", "ABOUT_TOLERANCE", "actuals_path", "read_actuals", "actuals_template", "actual_id",
           "reached", "progress"]

ACTUAL_COLUMNS = ("target_id", "year", "value", "unit", "as_of", "source", "note")
#: qualifiers that make a target a ceiling (lower is better); every other target is a floor
_CEILING_WORDS = ("以内", "以下", "不超过", "低于", "控制在")
#: “25%左右” counts as reached at this share of the figure
ABOUT_TOLERANCE = 0.95


def actuals_path() -> Path:
    """The bundled actuals file (loaded into the store with the bundled data)."""
    from etl.loader import BUNDLED_DIR

    return BUNDLED_DIR / "actuals.csv"


def read_actuals(path: str | Path | None, onto: Ontology) -> list[dict]:
    """Validated rows of an actuals CSV (UTF-8, header ``target_id,year,value,unit,as_of,source,note``).

    Every row names a known target, a year, a number in the target's unit and its source; a bad row
    raises :class:`~chainkg.errors.InputError` naming the file and row. A missing file is no data."""
    import csv

    from chainkg.errors import InputError

    p = Path(path) if path else actuals_path()
    if not p.exists():
        return []
    targets = {t.id: t for t in onto.targets}
    with p.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ACTUAL_COLUMNS[:6] if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"missing columns {missing}; expected {','.join(ACTUAL_COLUMNS)}", file=p.name)
        rows = []
        for i, r in enumerate(reader, start=2):
            tid = (r.get("target_id") or "").strip()
            if not tid and not any((v or "").strip() for v in r.values() if isinstance(v, str)):
                continue
            if tid not in targets:
                raise InputError(f"unknown target id {tid!r}", file=p.name, row=i, field="target_id")
            if not (r.get("value") or "").strip():
                continue  # a template row not filled in: no data
            try:
                year, value = int(r["year"]), float(r["value"])
            except (TypeError, ValueError):
                raise InputError("year must be a whole number and value a number", file=p.name, row=i) from None
            unit = (r.get("unit") or "").strip()
            if unit != targets[tid].unit:
                raise InputError(f"unit {unit!r} is not the target's unit {targets[tid].unit!r}", file=p.name, row=i,
                                 field="unit")
            source = (r.get("source") or "").strip()
            if not source:
                raise InputError("every figure needs its source", file=p.name, row=i, field="source")
            rows.append({"target_id": tid, "year": year, "value": value, "unit": unit,
                         "as_of": (r.get("as_of") or "").strip() or None, "source": source,
                         "note": (r.get("note") or "").strip() or None})
    return rows


def actuals_template(onto: Ontology) -> str:
    """An actuals CSV to fill in: one row per target of the plan (value and source left empty)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ACTUAL_COLUMNS)
    for t in onto.targets:
        if not t.current:
            w.writerow([t.id, t.year, "", t.unit, "", "", t.name])
    return buf.getvalue()


def actual_id(target_id: str, year: int) -> str:
    return f"{target_id}|{year}"


def reached(t, actual: float) -> bool:
    floor = t.low if t.low is not None else t.value
    if any(w in (t.qualifier or "") for w in _CEILING_WORDS):
        return actual <= t.value
    if "左右" in (t.qualifier or ""):
        return actual >= floor * ABOUT_TOLERANCE
    return actual >= floor


def progress(onto: Ontology, figures: list[dict], today_year: int | None = None) -> list[dict]:
    """Each target with its latest actual figure, progress and status.

    status: ``achieved`` (the target year's figure, or a later one, reaches the target: ≥ the value or
    a range's low end; ``左右`` from 95 % of it; ≤ for 以内/以下/不超过), ``reached_early`` (only an earlier
    figure, and it reaches the target: a share or a count can fall again, so this is not called
    achieved), ``not_achieved`` (the target year's figure, or a later one, falls short), ``no_data`` (no
    figure for the target year; an earlier figure below the target still shows progress) or ``current``
    (a value that existed when the plan was written, not a target). ``plan_ended``: the target year is
    past."""
    rows = figures
    year_now = today_year or time.localtime().tm_year
    by_target: dict[str, list[dict]] = {}
    for r in rows:
        by_target.setdefault(r["target_id"], []).append(r)
    out = []
    for t in onto.targets:
        figs = sorted(by_target.get(t.id, []), key=lambda r: r["year"])
        latest = figs[-1] if figs else None
        floor = t.low if t.low is not None else t.value
        if t.current:
            status = "current"
        elif latest is None:
            status = "no_data"
        elif latest["year"] >= t.year:
            status = "achieved" if reached(t, latest["value"]) else "not_achieved"
        elif reached(t, latest["value"]):
            status = "reached_early"
        else:
            status = "no_data"
        progress = round(latest["value"] / floor, 4) if latest and floor and not t.current else None
        out.append({**t.model_dump(), "actual": latest["value"] if latest else None,
                    "actual_year": latest["year"] if latest else None, "as_of": latest["as_of"] if latest else None,
                    "source": latest["source"] if latest else None, "note": latest["note"] if latest else None,
                    "progress": progress, "status": status, "plan_ended": year_now > t.year, "history": figs})
    return out
