"""How far a 招商 candidate is from Taizhou: its own coordinates, else the approximate point of its city, else of
its province.

What: :func:`distance_of` gives (km, basis) — ``address`` from the firm's ``lon``/``lat``, else what
:func:`place_point` gives; :func:`place_point` gives ``(lon, lat, basis)`` for a firm's ``city`` / ``province`` — ``basis`` is
``"city"`` or ``"province"`` — or ``None`` when neither is in the table. The table,
``city_points.csv`` beside this module, is derived by ``scripts/derive_city_points.py`` from the same
wfp listed-company file (2016 registered addresses and their coordinates) as the bundled firms' own
coordinates and the Taizhou reference point: a city's point is the median of the points of the listed
firms whose registered address names that city (at least 3 of them), a province's the median of all its
listed firms'.

Why: a registry export (爱企查, 天眼查, 企查查) gives a firm's province, city and county but no
coordinates. Leaving its distance out of the 招商 score helped it over a firm 1,000 km away that does
carry coordinates; the city's point gives the distance within a few tens of km, the province's within a
few hundred, and the profile says which it was.

>>> place_point({"city": "成都市", "province": "四川省"})[2], place_point({"city": "成都"})[2]
('city', 'city')
>>> place_point({"province": "四川"})[2], place_point({"city": "某某市"}), place_point({})
('province', None, None)
>>> round(distance_km(TAIZHOU, (121.47, 31.23)))   # Taizhou → Shanghai
284
>>> place_point({"city": "泰州市", "province": "浙江省"})[2]   # a 泰州 that contradicts its province: the province's point
'province'
"""

from __future__ import annotations

import csv
import functools
import math
from importlib import resources

__all__ = ["place_point", "distance_km", "distance_of", "basis_text", "TAIZHOU", "UNKNOWN_PROXIMITY"]

#: Taizhou's reference point (lon, lat): the median of the 2016 coordinates of the listed firms
#: registered in 台州 (wfp-listed-company-info-2016; scripts/derive_coordinates.py), in 椒江
TAIZHOU: tuple[float, float] = (121.409, 28.6806)
#: the proximity of a firm nothing places (no coordinates, no known city or province): the middle of the
#: scale, so not knowing where a firm is neither lifts it over a far firm nor sinks it below one
UNKNOWN_PROXIMITY = 0.5
#: how a distance was measured, in words: (Chinese, the English suffix)
_BASIS_TEXT = {"address": ("按企业地址的经纬度计算", ""), "city": ("按所在城市估算，约数", " (approx., by its city)"),
               "province": ("按所在省份估算，约数", " (approx., by its province)")}


@functools.cache
def _table() -> tuple[dict[str, tuple[str, float, float]], dict[str, tuple[float, float]]]:
    """(city without 市 → (province, lon, lat), province → (lon, lat)) from the bundled table."""
    cities: dict[str, tuple[str, float, float]] = {}
    provinces: dict[str, tuple[float, float]] = {}
    text = resources.files("graph.analytics").joinpath("city_points.csv").read_text(encoding="utf-8")
    for r in csv.DictReader(text.splitlines()):
        lon, lat = float(r["lon"]), float(r["lat"])
        if r["level"] == "city":
            cities[r["city"].removesuffix("市")] = (r["province"], lon, lat)
        else:
            provinces[r["province"]] = (lon, lat)
    return cities, provinces


def _province(name: str, provinces: dict[str, tuple[float, float]]) -> str | None:
    """The table's full province name for a full or short one (四川 → 四川省, 广西 → 广西壮族自治区)."""
    return next((p for p in provinces if p == name or p.startswith(name)), None) if len(name) >= 2 else None


def place_point(firm: dict) -> tuple[float, float, str] | None:
    """The approximate (lon, lat) of the firm's city, else of its province, with which it was; or None."""
    cities, provinces = _table()
    prov = _province(str(firm.get("province") or "").strip(), provinces)
    city = str(firm.get("city") or "").strip().removesuffix("市")
    hit = cities.get(city) if city else None
    if hit and (prov is None or hit[0] == prov):
        return hit[1], hit[2], "city"
    if prov:
        return *provinces[prov], "province"
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lon, lat) points."""
    (lo1, la1), (lo2, la2) = a, b
    r = math.pi / 180
    h = math.sin((la2 - la1) * r / 2) ** 2 + math.cos(la1 * r) * math.cos(la2 * r) * math.sin((lo2 - lo1) * r / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def distance_of(f: dict) -> tuple[float | None, str | None]:
    """(km to Taizhou, basis): ``address`` from the firm's own ``lon``/``lat``, else ``city`` / ``province`` from
    that place's approximate point; (None, None) when nothing places it.

    >>> [(round(d), b) for d, b in (distance_of({"lon": 121.47, "lat": 31.23, "city": "成都市"}),
    ...                              distance_of({"city": "成都市", "province": "四川省"}))]
    [(284, 'address'), (1690, 'city')]
    >>> distance_of({"name": "某公司"})
    (None, None)
    """
    if f.get("lon") is not None and f.get("lat") is not None:
        return distance_km((float(f["lon"]), float(f["lat"])), TAIZHOU), "address"
    pt = place_point(f)
    return (None, None) if pt is None else (distance_km(pt[:2], TAIZHOU), pt[2])


def basis_text(basis: str, lang: str = "zh") -> str:
    """How a distance of this basis was measured: the Chinese clause, or the English suffix (empty for ``address``)."""
    return _BASIS_TEXT[basis][0 if lang == "zh" else 1]
