"""Identity conflicts inside one load: one credit code with two names, one name with two codes.

Why: :mod:`etl.resolve` merges records by credit code and keeps a name carried by two codes apart;
both are right for clean data, but in one user's list they usually mean a typo or a copy-paste
error, and a silent merge (or a silent second firm) hides it. So before resolution each conflict
is reported: the earlier row is kept, the later row becomes a :class:`Quarantine` entry naming
both rows and both values, and is not loaded. Names are compared with
:func:`~etl.normalize.name_key` (有限责任公司 = 有限公司, brackets and spaces ignored), so the same
firm written twice is a normal merge, not a conflict.

>>> from ontology.models import Enterprise
>>> def e(name, code):
...     return Enterprise(id=code, name=name, credit_code=code, sources=["x"])
>>> drop, q = find_conflicts([(e("示例甲有限公司", "91331081MA2AAAAA10"), "a.csv", 2),
...                           (e("示例甲有限责任公司", "91331081MA2AAAAA10"), "a.csv", 3),
...                           (e("示例乙有限公司", "91331081MA2AAAAA10"), "a.csv", 5)])
>>> drop, q[0].row, q[0].field, q[0].reason.split(" / ")[0]
({2}, 5, 'name', '同一信用代码 91331081MA2AAAAA10 对应两个名称: 第 2 行「示例甲有限公司」与第 5 行「示例乙有限公司」; 保留第 2 行')
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.normalize import name_key
from etl.quarantine import Quarantine
from ontology.models import Enterprise

__all__ = ["find_conflicts"]


def _where(file: str, row: int | None, other_file: str) -> tuple[str, str]:
    """``(第 n 行, row n)``, with the file named when the two rows come from different files."""
    n = "?" if row is None else str(row)
    if file != other_file:
        return f"{file} 第 {n} 行", f"{file} row {n}"
    return f"第 {n} 行", f"row {n}"


def find_conflicts(items: Sequence[tuple[Enterprise, str, int | None]],
                   keys: Sequence[str] | None = None) -> tuple[set[int], list[Quarantine]]:
    """``(indices of the rows to drop, one quarantine entry per dropped row)`` for the validated
    records of one load, each given as ``(enterprise, file, row)`` in load order; ``keys``: each
    record's :func:`~etl.normalize.name_key` when the caller has them already.

    (a) the same credit code with two different names; (b) one name with two different credit
    codes. Records without a credit code never conflict (resolution matches them by name).
    """
    by_code: dict[str, int] = {}  # credit code → index of the kept row that holds it
    by_name: dict[str, int] = {}  # name key → index of the kept row that holds it (with a code)
    drop: set[int] = set()
    out: list[Quarantine] = []
    for i, (ent, file, row) in enumerate(items):
        code = ent.credit_code
        if not code:
            continue
        key = name_key(ent.name) if keys is None else keys[i]
        if code in by_code and (name_key(items[by_code[code]][0].name) if keys is None else keys[by_code[code]]) != key:
            kept, kfile, krow = items[by_code[code]]
            k_zh, k_en = _where(kfile, krow, file)
            r_zh, _ = _where(file, row, kfile)
            out.append(Quarantine(file, row, "name", ent.name,
                                  f"同一信用代码 {code} 对应两个名称: {k_zh}「{kept.name}」与{r_zh}「{ent.name}」; "
                                  f"保留{k_zh} / same credit code, two names; {k_en} kept"))
            drop.add(i)
        elif key in by_name and items[by_name[key]][0].credit_code != code:
            kept, kfile, krow = items[by_name[key]]
            k_zh, k_en = _where(kfile, krow, file)
            r_zh, _ = _where(file, row, kfile)
            out.append(Quarantine(file, row, "credit_code", code,
                                  f"同一名称「{ent.name}」对应两个信用代码: {k_zh} {kept.credit_code} 与{r_zh} {code}; "
                                  f"保留{k_zh} / same name, two credit codes; {k_en} kept"))
            drop.add(i)
        else:
            by_code.setdefault(code, i)
            by_name.setdefault(key, i)
    return drop, out
