"""The enterprise list's filters, checked and written as the store keeps them.

Why: a filter value the store does not hold matched nothing, and the list answered an empty page — "医药 has
0 firms in 椒江区" is a plausible wrong answer a script will use (review 40 F10). Now each value is either
written the store's way or refused with the error root (:mod:`ontology.errors`, which the API and the CLI
translate once), naming the parameter and listing the values it takes:

- ``cluster``: an id or the cluster's name (医药, Pharmaceuticals) → its id; else 404 with the ids;
- ``segment``: an id, or a name one segment has → its id; else 404 with the ids (of the cluster when given);
- ``dataset``: an id, or a loaded file's name → its id; else 404 with the loaded datasets' ids;
- ``county``: a Taizhou county as the registry writes it (椒江区, 浙江省台州市椒江区), short (椒江) or in
  pinyin (Jiaojiang, jiaojiang district) → the short name the loader stores (:func:`etl.places.taizhou_county`,
  the loader's own rule); a county outside Taizhou that a loaded firm has is kept as written (the loader keeps
  an outside firm's 区县 so); anything else is 422 listing Taizhou's counties.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> onto, store = load_ontology(), SQLiteStore(":memory:")
>>> enterprise_filters(store, onto, cluster="医药", county="椒江区", q="药")
{'cluster': 'pharma', 'county': '椒江', 'q': '药'}
>>> enterprise_filters(store, onto, county="Jiaojiang")["county"]
'椒江'
>>> enterprise_filters(store, onto, county="海淀区")
Traceback (most recent call last):
...
ontology.errors.InputError: field county: unknown county '海淀区': no loaded firm has it; Taizhou's counties are \
椒江, 黄岩, 路桥, 临海, 温岭, 玉环, 天台, 仙居, 三门
"""

from __future__ import annotations

from etl.places import taizhou_county
from graph.store.port import GraphStore
from ontology.errors import InputError, NotFoundError
from ontology.loader import Ontology

__all__ = ["enterprise_filters", "dataset_id"]


def dataset_id(store: GraphStore, value: str, field: str = "dataset") -> str:
    """The id of the loaded dataset ``value`` names (its id or its file's name), else :class:`NotFoundError`."""
    text = (value or "").strip()
    if store.get_node("Dataset", text) is not None:
        return text
    found = store.find_nodes("Dataset", limit=10_000)
    named = [d["id"] for d in found if text and d.get("name") == text]
    if len(named) == 1:
        return named[0]
    ids = sorted(d["id"] for d in found)
    raise NotFoundError(f"unknown {field} {value!r}: use one of {', '.join(ids) or '(no dataset loaded)'}",
                        field=field, value=value, valid=ids)


def _county(store: GraphStore, onto: Ontology, value: str) -> str:
    found = taizhou_county(value, onto)
    if found is not None:
        return found.short
    text = value.strip()
    if text and store.find_enterprises(county=text, limit=1)[0]:  # an outside firm's district, kept as written
        return text
    shorts = [c.short for c in onto.counties.values()]
    raise InputError(f"unknown county {value!r}: no loaded firm has it; Taizhou's counties are {', '.join(shorts)}",
                     field="county", value=value, valid=shorts)


def enterprise_filters(store: GraphStore, onto: Ontology, **filters) -> dict:
    """``filters`` of :meth:`graph.store.port.GraphStore.find_enterprises` with ``cluster``, ``segment``,
    ``dataset`` and ``county`` written as the store keeps them (see the module docstring); ``None`` values
    are left out."""
    out = {k: v for k, v in filters.items() if v is not None}
    if "cluster" in out:
        out["cluster"] = onto.cluster_id(out["cluster"])
    if "segment" in out:
        out["segment"] = onto.segment_id(out["segment"], cluster=out.get("cluster"))
    if "dataset" in out:
        out["dataset"] = dataset_id(store, out["dataset"])
    if "county" in out:
        out["county"] = _county(store, onto, out["county"])
    return out
