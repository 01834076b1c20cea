"""The import templates, shipped in the package (an installed wheel has them; a checkout is not
needed): one CSV per kind of file the importer reads, UTF-8 with BOM so Excel opens the Chinese
headers, every row an example (名称 starting with 示例), and ``README.md`` describing each column.

>>> [p.name for p in template_files()]
['enterprises.csv', 'technologies.csv', 'holdings.csv', 'supply.csv', 'README.md']
>>> template_files()[0].read_bytes().startswith(b"\\xef\\xbb\\xbf")  # UTF-8 with BOM
True
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

__all__ = ["TEMPLATES_DIR", "TEMPLATE_NAMES", "template_files"]

TEMPLATES_DIR = Path(str(importlib.resources.files("etl.templates")))
#: in the order a user fills them: firms first, then technologies, who holds them, who supplies whom
TEMPLATE_NAMES = ("enterprises.csv", "technologies.csv", "holdings.csv", "supply.csv", "README.md")


def template_files() -> list[Path]:
    """The template files, in :data:`TEMPLATE_NAMES` order (FileNotFoundError if one is missing from the install)."""
    paths = [TEMPLATES_DIR / n for n in TEMPLATE_NAMES]
    for p in paths:
        if not p.is_file():
            raise FileNotFoundError(f"import template missing from the package: {p}")
    return paths
