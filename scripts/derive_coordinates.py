"""Derive the ``lon,lat`` (and, where blank, ``address``) columns of the bundled outside firms in
``etl/bundled/listed_outside.csv`` from the wfp listed-company file (2016 registered addresses and their
coordinates). Only the derived values are written; the wfp file itself is not copied.

Usage::

    python scripts/derive_coordinates.py ../shared/data/wfp-listed-company-info-2016/company_info.csv

Rules (so a wrong geocode never becomes a distance):

* a row is matched on the 6-digit stock code; local rows are left alone (their distance to Taizhou
  is not a question);
* the point is kept only when it lies within ``MAX_KM`` of the median point of the wfp firms whose
  registered address names the row's current city (``city`` column). This drops geocoding slips
  (a 汕头 firm placed in 成都) and firms whose 2016 address is in another city than today's;
* kept rows get ``lon``/``lat`` rounded as the source gives them (3 decimals), the 2016 registered
  address when the row has none, and a note in ``source``.

The Taizhou reference point of the distance (:data:`graph.analytics.distance.TAIZHOU`) is the median point of
the wfp firms whose registered address names 台州, printed by this script.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "etl" / "bundled" / "listed_outside.csv"
MAX_KM = 120.0
NOTE = "wfp-listed-company-info-2016(hoyoung2015/wfp): 2016年注册地址及其经纬度"


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lon, lat) points."""
    (lo1, la1), (lo2, la2) = a, b
    r = math.pi / 180
    h = math.sin((la2 - la1) * r / 2) ** 2 + math.cos(la1 * r) * math.cos(la2 * r) * math.sin((lo2 - lo1) * r / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _point(row: dict) -> tuple[float, float] | None:
    try:
        lon, lat = float(row["pos_x"]), float(row["pos_y"])
    except (TypeError, ValueError):
        return None
    return (lon, lat) if 73 <= lon <= 136 and 3 <= lat <= 54 else None


def centre(rows: list[dict], place: str) -> tuple[float, float] | None:
    pts = [p for r in rows if place in (r.get("addr_reg") or "") and (p := _point(r))]
    if not pts:
        return None
    return statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)


def main(wfp_path: str) -> None:
    wfp = list(csv.DictReader(open(wfp_path, encoding="utf-8")))
    by_code = {r["stock_code"]: r for r in wfp}
    print("台州 reference point (median of wfp firms registered in 台州):", centre(wfp, "台州"))
    raw = TARGET.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(raw)))
    header = rows[0]
    for col in ("lon", "lat"):
        if col not in header:
            header.append(col)
            for r in rows[1:]:
                r.append("")
    ix = {c: i for i, c in enumerate(header)}
    kept = dropped = 0
    for r in rows[1:]:
        if r[ix["local"]] != "false" or not r[ix["stock_code"]]:
            continue
        w = by_code.get(r[ix["stock_code"]].split(".")[0])
        p = _point(w) if w else None
        if p is None:
            continue
        c = centre(wfp, r[ix["city"]].removesuffix("市"))
        if c is None or km(p, c) > MAX_KM:
            dropped += 1
            print(f"dropped {r[ix['name']]}: {p} is {'?' if c is None else round(km(p, c))} km from {r[ix['city']]}")
            continue
        kept += 1
        r[ix["lon"]], r[ix["lat"]] = w["pos_x"], w["pos_y"]
        if not r[ix["address"]] and (w.get("addr_reg") or "").strip() and "?" not in w["addr_reg"]:
            r[ix["address"]] = w["addr_reg"].strip()
        if NOTE not in r[ix["source"]] and len(r[ix["source"]]) + len(NOTE) + 2 <= 500:
            r[ix["source"]] = f"{r[ix['source']]}; {NOTE}"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    TARGET.write_text(buf.getvalue(), encoding="utf-8")
    print(f"kept {kept}, dropped {dropped}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "wfp-listed-company-info-2016"
                                                 / "company_info.csv"))
