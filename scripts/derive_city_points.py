"""Derive ``graph/analytics/city_points.csv``: an approximate point (lon, lat) for each prefecture-level city
and each province of China, from the wfp listed-company file (2016 registered addresses and their coordinates).
Only the derived medians are written; the wfp file itself is not copied.

Usage::

    python scripts/derive_city_points.py ../shared/data/wfp-listed-company-info-2016/company_info.csv

Rules — the same evidence and the same kind of point as the Taizhou reference point
(:data:`graph.analytics.distance.TAIZHOU`, ``scripts/derive_coordinates.py``):

* a city's point is the median of the points of the wfp firms whose registered address names the city with
  its 市 (``成都市``; a municipality ``上海市``), kept only when at least ``MIN_FIRMS`` firms name it — a
  median of one or two geocodes is one geocoding slip away from another city;
* a province's point is the median of the points of all wfp firms of that province (the ``area`` column);
  it sits near where the province's firms are (its capital, mostly), which is what a distance to a firm of
  the province whose city is unknown should guess;
* a point outside China's bounding box is not a point.

The ranking uses these points only for a firm without its own coordinates, and says the distance is
approximate (by its city or province).
"""

from __future__ import annotations

import csv
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.nlp.gb2260 import PROVINCE_OF, PROVINCES  # noqa: E402
from scripts.derive_coordinates import _point  # noqa: E402  (the same reading of a wfp row's point)

TARGET = ROOT / "graph" / "analytics" / "city_points.csv"
MIN_FIRMS = 3
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")


def _median(pts: list[tuple[float, float]]) -> tuple[float, float]:
    return round(statistics.median(p[0] for p in pts), 3), round(statistics.median(p[1] for p in pts), 3)


def main(wfp_path: str) -> None:
    wfp = [r for r in csv.DictReader(open(wfp_path, encoding="utf-8")) if _point(r)]
    rows = []
    for short, full in PROVINCES.items():
        pts = [_point(r) for r in wfp if r.get("area") == short]
        if len(pts) >= MIN_FIRMS:
            rows.append(("province", full, "", *_median(pts), len(pts)))
    cities = sorted({*PROVINCE_OF, *MUNICIPALITIES})
    for city in cities:
        province = PROVINCES[city] if city in MUNICIPALITIES else PROVINCE_OF[city]
        pts = [_point(r) for r in wfp if f"{city}市" in (r.get("addr_reg") or "")]
        if len(pts) >= MIN_FIRMS:
            rows.append(("city", province, f"{city}市", *_median(pts), len(pts)))
    with TARGET.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("level", "province", "city", "lon", "lat", "firms"))
        w.writerows(rows)
    print(f"{sum(r[0] == 'province' for r in rows)} provinces, {sum(r[0] == 'city' for r in rows)} cities → {TARGET.name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "wfp-listed-company-info-2016"
                                                 / "company_info.csv"))
