"""The UI's pages and their URL paths (used by ``ui/app.py``), kept free of Streamlit calls so tests
can read them.

Every page has a readable path: ``/overview``, ``/panorama``, ``/gaps`` … The overview is also the
default page at ``/``: Streamlit serves its default page only at the root, so a hidden alias page
answers ``/overview`` (a bookmark or a typed URL, never "Page not found"). The Cypher console works
only on a Neo4j store: on any other store it stays reachable at ``/query`` (where it says so) but is
hidden from the navigation. A page file that another part of the project adds later
(``views/workbench.py``) is routed when it exists.

>>> [p.url for p in pages(console=False) if p.visible][:3]
['home', 'panorama', 'gaps']
>>> [p.url for p in pages(console=False) if not p.visible]
['overview', 'query']
>>> "query" in [p.url for p in pages(console=True) if p.visible]
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent

__all__ = ["PageSpec", "pages", "HERE"]


@dataclass(frozen=True)
class PageSpec:
    file: str           # relative to ui/
    title_key: str      # a key of ui.i18n.STRINGS
    url: str            # the URL path, e.g. "gaps" → /gaps
    group: str          # navigation group (a STRINGS key)
    visible: bool = True
    default: bool = False


#: (file, title key, url path, group), in navigation order
_TABLE = [
    ("views/overview.py", "nav.overview", "overview", "nav.group.analysis"),
    ("views/panorama.py", "nav.panorama", "panorama", "nav.group.analysis"),
    ("views/gaps.py", "nav.gaps", "gaps", "nav.group.analysis"),
    ("views/workbench.py", "nav.workbench", "workbench", "nav.group.analysis"),  # when it exists
    ("views/chokepoints.py", "nav.chokepoints", "chokepoints", "nav.group.analysis"),
    ("views/enterprises.py", "nav.enterprises", "enterprises", "nav.group.analysis"),
    ("views/whatif.py", "nav.whatif", "whatif", "nav.group.analysis"),
    ("views/importer.py", "nav.import", "import", "nav.group.data"),
    ("views/query.py", "nav.query", "query", "nav.group.data"),
]


def pages(console: bool) -> list[PageSpec]:
    """The pages to register with ``st.navigation``: the overview at ``/`` (default, in the menu) and at
    ``/overview`` (hidden alias); the Cypher console in the menu only when the store has one
    (``console``: :attr:`chainkg.service.ChainKG.has_console`, the service's one rule)."""
    out: list[PageSpec] = []
    for file, title, url, group in _TABLE:
        if not (HERE / file).exists():
            continue
        if url == "overview":  # the menu entry is the default page (served at "/"); the alias answers /overview
            out.append(PageSpec(file, title, "home", group, default=True))
            out.append(PageSpec(file, title, url, group, visible=False))
            continue
        out.append(PageSpec(file, title, url, group, visible=url != "query" or console))
    return out
