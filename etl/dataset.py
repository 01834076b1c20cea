"""Which dataset (口径) a loaded file belongs to: declared on the command line, in a sidecar file,
or — by default — a sample that says nothing about absence.

Why: a verdict such as 缺失 is only as good as the population its firms come from. Every load
therefore records a :class:`~ontology.models.Dataset`; the analysis reads them back from the
store (:mod:`graph.analytics.coverage`). A file ``X.csv`` may carry its declaration beside it in
``X.dataset.yaml`` (the bundled data does); ``chainkg load X.csv --census 名称`` declares it
on the command line. Without either, the file is a sample (样本/自填).

>>> d = census_spec("黄岩区规上工业企业名录（2025）", as_of="2025-12-31")
>>> d.population, d.census, d.id.startswith("ds-")
('规上工业企业', True, True)
>>> census_spec("模具企业名录", clusters=["mould-plastic"]).population
'名录'
>>> sample_spec("my firms.xlsx").population
'样本/自填'

A census declared without a source has none: its name (the file's name, on the import page) is not where it
came from, and the pages say that no source was given.

>>> m = ["mould-plastic"]
>>> census_spec("模具企业名录", clusters=m).source is None, census_spec("模具企业名录", source="区经信局，2025", clusters=m).source
(True, '区经信局，2025')

A 名录 is the list of some clusters' firms: declared without ``--cluster`` it would settle no verdict at all, and
used to load as "普查 census" that never counted (review 40 C11), so it is refused, saying what to add.

>>> census_spec("浙江省重点产业企业名录")
Traceback (most recent call last):
...
ontology.errors.InputError: field cluster: a 名录 census counts only for the clusters it lists: add --cluster ID (repeatable, e.g. --cluster pharma), or --population 全量登记企业 | 规上工业企业 for a registry-wide or above-size list (名录口径须用 --cluster 声明所收录的集群，否则不能判定任何环节)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import yaml
from pydantic import ValidationError

from ontology.errors import InputError
from etl.normalize import parse_date
from ontology.firms import POPULATIONS, SAMPLE_POPULATION
from ontology.models import Dataset

__all__ = ["UNSTATED_REGION", "dataset_id", "census_spec", "sample_spec", "sidecar_spec", "guess_population", "PLACES", "PLACE_WORDS",
           "composition_parts"]

_GUESS = (("规上", "规上工业企业"), ("规模以上", "规上工业企业"), ("全量", "全量登记企业"),
          ("登记", "全量登记企业"), ("工商", "全量登记企业"), ("上市", "上市公司"))


#: a sample's region: nobody said where its firms are (the English pages say "not stated", ui.places)
UNSTATED_REGION = "未注明"


def dataset_id(name: str) -> str:
    return "ds-" + hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:10]


def guess_population(name: str) -> str:
    """The population a census name implies (规上…, 全量/登记…, 上市…); else 名录."""
    for word, population in _GUESS:
        if word in name:
            return population
    return "名录"


def _check(population: str) -> str:
    if population not in POPULATIONS:
        raise InputError(f"unknown population {population!r}; expected one of {', '.join(POPULATIONS)}",
                         field="population")
    return population


def census_spec(name: str, *, population: str | None = None, region: str = "台州市", as_of: str | None = None,
                source: str | None = None, clusters: list[str] | None = None) -> Dataset:
    """A file declared a complete census of ``population`` in ``region`` (``--census NAME``)."""
    name = (name or "").strip()
    if not name:
        raise InputError("a census needs a name (--census 名称)", field="census")
    try:
        day = parse_date(as_of) if as_of else None
    except ValueError as e:
        raise InputError(f"as-of date: {e}", field="as_of", value=as_of) from e
    population = _check(population or guess_population(name))
    if population == "名录" and not clusters:
        raise InputError("a 名录 census counts only for the clusters it lists: add --cluster ID (repeatable, e.g. "
                         "--cluster pharma), or --population 全量登记企业 | 规上工业企业 for a registry-wide or above-size "
                         "list (名录口径须用 --cluster 声明所收录的集群，否则不能判定任何环节)", field="cluster")
    return Dataset(id=dataset_id(name), name=name, population=population,
                   region=region or "台州市", as_of=day, source=(source or "").strip() or None, census=True,
                   clusters=list(clusters or []))


def sample_spec(file_name: str) -> Dataset:
    """The default: a file nobody declared — a sample that cannot show absence."""
    return Dataset(id=dataset_id(file_name), name=file_name, population=SAMPLE_POPULATION, region=UNSTATED_REGION,
                   source=file_name, census=False)


def sidecar_spec(path: Path) -> Dataset | None:
    """``X.dataset.yaml`` next to ``X.csv``: the file's own declaration, or None."""
    side = path.with_name(path.stem + ".dataset.yaml")
    if not side.is_file():
        return None
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
        data.setdefault("id", dataset_id(str(data.get("name", ""))))
        if data.get("as_of") is not None:
            data["as_of"] = str(data["as_of"])
        _check(data.get("population", ""))
        return Dataset(**data)
    except (yaml.YAMLError, ValidationError, TypeError) as e:
        raise InputError(f"bad dataset declaration: {e}", file=side.name) from e


#: what a firm is, for a dataset's composition: index into :data:`PLACES`
PLACES = ("firms_local", "firms_outside", "firms_inactive", "firms_unknown")
#: how each part of a composition is said, Chinese and English: the report, ``chainkg load`` and the overview
PLACE_WORDS = {"firms_local": ("台州本地在营", "local operating"), "firms_outside": ("外地", "outside"),
               "firms_inactive": ("已注销/吊销/迁出等", "no longer operating"), "firms_unknown": ("地点未知", "location unknown")}


def composition_parts(d: dict) -> list[tuple[str, int]] | None:
    """A dataset's non-empty parts in :data:`PLACES` order, ``(key, firms)``; ``None`` for a dataset loaded before the
    counts were kept.

    >>> composition_parts({"firms_local": 12, "firms_outside": 0, "firms_inactive": 3}), composition_parts({})
    ([('firms_local', 12), ('firms_inactive', 3)], None)
    """
    if d.get("firms_local") is None:
        return None
    return [(key, d[key]) for key in PLACES if d.get(key)]


def place(props: dict) -> int:
    """A firm's place in :data:`PLACES`: no longer operating first (注销… counts nowhere), then local,
    outside, unknown.

    >>> [PLACES[place(p)] for p in ({"local": True}, {"local": True, "active": False}, {"local": False}, {})]
    ['firms_local', 'firms_inactive', 'firms_outside', 'firms_unknown']
    """
    return place_of(props.get("active"), props.get("local"))


def place_of(active: bool | None, local: bool | None) -> int:
    """:func:`place` of a firm whose ``active`` and ``local`` are these (``None``: not set)."""
    if active is False:
        return 2
    return 3 if local is None else 0 if local else 1


def composition(first: dict[str, int], ds: list[tuple], place_of: Callable[[int], int]) -> dict[str, list[int]]:
    """Per dataset id, its firms counted by :data:`PLACES`: ``first`` maps each firm id to its group,
    ``ds[group]`` the group's dataset ids, ``place_of(group)`` its place."""
    out: dict[str, list[int]] = {}
    for g in first.values():
        p = place_of(g)
        for did in ds[g]:
            out.setdefault(did, [0, 0, 0, 0])[p] += 1
    return out
