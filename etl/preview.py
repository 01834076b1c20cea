"""What the import page shows before anything is loaded: how each column of a data file maps to a
canonical field (with its unit), and the file's first rows — read by the loader's own readers, so
a file the preview cannot read is one the loader would refuse too.

>>> import tempfile, pathlib
>>> f = pathlib.Path(tempfile.mkdtemp()) / "firms.csv"
>>> _ = f.write_text("企业名称,注册资本（万元）\\n台州甲公司,500\\n", encoding="utf-8")
>>> p = preview_file(f)
>>> [(c["header"], c["field"]) for c in p["columns"]], len(p["rows"])
([('企业名称', 'name'), ('注册资本（万元）', 'registered_capital')], 1)
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from etl.aliases import canonical_field, header_unit
from etl.readers import read_header, read_records

__all__ = ["preview_file"]


def preview_file(path: str | Path, rows: int = 5) -> dict:
    """Column mapping (header → canonical field, unit) and the first ``rows`` records of a data file.

    Raises :class:`~ontology.errors.InputError` for a file the loader could not read either.
    """
    path = Path(path)
    records = list(islice(read_records(path), rows))
    header = read_header(path)
    columns = [{"header": str(h).strip(), "field": canonical_field(str(h)), "unit": header_unit(str(h))}
               for h in header if str(h).strip()]
    return {"file": path.name, "columns": columns,
            "rows": [{k: v for k, v in r.items() if not k.startswith("_")} for r in records]}
