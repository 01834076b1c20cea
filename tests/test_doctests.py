"""Every docstring example of the product packages runs (examples that lie are bugs)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("ontology", "etl", "graph", "chainkg", "api")
#: UI modules that import without running Streamlit script code
UI_MODULES = ("ui.headers", "ui.nav", "ui.label_wrap", "ui.chain_layout", "ui.chain_chart")


def _modules():
    for pkg in PACKAGES:
        mod = importlib.import_module(pkg)
        yield pkg
        for info in pkgutil.walk_packages(mod.__path__, prefix=f"{pkg}."):
            yield info.name
    yield from UI_MODULES


@pytest.mark.parametrize("name", sorted(set(_modules())))
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
