"""Fixtures for the ETL tests: a small hand-built ontology with counties, and a credit-code maker."""

from __future__ import annotations

import pytest

from etl.normalize import credit_code_check_char
from ontology.loader import Ontology
from ontology.models import County

_COUNTIES = [("jiaojiang", "椒江区", "椒江"), ("wenling", "温岭市", "温岭"), ("yuhuan", "玉环市", "玉环"),
             ("linhai", "临海市", "临海")]


@pytest.fixture(scope="session")
def onto() -> Ontology:
    return Ontology(counties={i: County(id=i, name=n, short=s, source="test") for i, n, s in _COUNTIES})


def make_code(body: str) -> str:
    """A valid credit code from its first 17 characters."""
    return body + credit_code_check_char(body)


@pytest.fixture(scope="session")
def code():
    return make_code
