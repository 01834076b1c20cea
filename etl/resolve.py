"""Entity resolution: the same enterprise from several files becomes one record.

Why: a firm appears in the county list, the listed-company list and a supply-chain survey, with
and without its credit code, spelled 有限责任公司 here and 有限公司 there. Rules:

* same credit code → same enterprise;
* same :func:`~etl.normalize.name_key` where one side has no credit code → same enterprise, as
  long as the name points to one credit code only; a name carried by two *different* credit codes
  is ambiguous, so those stay separate and a code-less record of that name is not guessed into
  either (it merges only with other code-less records of the name);
* merging: per field the first record that set a non-empty value wins (input order = priority);
  list fields (tags, products) are unioned in order; ``sources`` are unioned so every source is
  recorded; the id is recomputed (a credit code beats ``sc-``/``nm-``).

>>> from ontology.models import Enterprise
>>> a = Enterprise(id="nm-1", name="示例企业A有限责任公司", tags=["上市"], sources=["a.csv"])
>>> b = Enterprise(id="91331081MA2AAAAA10", name="示例企业A有限公司", credit_code="91331081MA2AAAAA10",
...                revenue=10.0, tags=["专精特新"], sources=["b.csv"])
>>> [(e.id, e.name, e.tags, e.sources) for e in resolve([a, b])]
[('91331081MA2AAAAA10', '示例企业A有限责任公司', ['上市', '专精特新'], ['a.csv', 'b.csv'])]
"""

from __future__ import annotations

from collections.abc import Iterable

from etl.normalize import name_key
from etl.validate import enterprise_id
from ontology.models import Enterprise

__all__ = ["resolve", "resolve_groups", "merge"]

_LIST_FIELDS = ("tags", "products", "sources")


def _empty(v: object) -> bool:
    return v is None or v == "" or v == []


def merge(group: list[Enterprise]) -> Enterprise:
    """One enterprise from records known to be the same (first non-empty value wins)."""
    if len(group) == 1:
        return group[0]
    data: dict = {}
    explicit: set[str] = set()
    for e in group:
        for field in type(e).model_fields:
            if field in ("id", *_LIST_FIELDS):
                continue
            v = getattr(e, field)
            if field in e.model_fields_set and not _empty(v) and field not in explicit:
                data[field] = v
                explicit.add(field)
    for field in _LIST_FIELDS:
        data[field] = list(dict.fromkeys(x for e in group for x in getattr(e, field)))
    data.setdefault("name", group[0].name)
    data["id"] = enterprise_id(data["name"], data.get("credit_code"), data.get("stock_code"))
    return Enterprise(**data)


def resolve_groups(enterprises: Iterable[Enterprise], keys: Iterable[str] | None = None) -> list[list[int]]:
    """Indices of the records that are one enterprise (see module doc), groups in order of first
    appearance — for callers that carry per-record data alongside (e.g. segment links); ``keys``:
    each record's :func:`~etl.normalize.name_key` when the caller has them already."""
    items = list(enterprises)
    keys = [name_key(e.name) for e in items] if keys is None else list(keys)  # once per record
    code_of_name: dict[str, str | None] = {}  # name → its one credit code, None when it has two
    for e, nk in zip(items, keys):
        code = e.credit_code
        if code and code_of_name.get(nk, code) is not None:
            code_of_name[nk] = code if code_of_name.get(nk, code) == code else None
    # group keys: a credit code (str) or ("nm", name key) — a tuple never equals a code
    groups: dict[str | tuple[str, str], list[int]] = {}
    for i, (e, nk) in enumerate(zip(items, keys)):
        key = e.credit_code or code_of_name.get(nk) or ("nm", nk)
        if key in groups:
            groups[key].append(i)
        else:
            groups[key] = [i]
    return list(groups.values())


def resolve(enterprises: Iterable[Enterprise]) -> list[Enterprise]:
    """Merge duplicates (see module doc); output keeps the order of first appearance."""
    items = list(enterprises)
    return [merge([items[i] for i in g]) for g in resolve_groups(items)]
