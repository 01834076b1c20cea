"""Chinese NLP for ChainKG: the ontology pipeline, enterprise → segment classification, policy facts.

>>> from etl.nlp import build_nlp, classify, assign_segments, classify_many, extract_facts, extract_file

The names are imported on first use (PEP 562), so importing the classifier does not import spaCy
(extraction and the pipeline need it; classification does not): ``chainkg load`` starts faster.
"""

from importlib import import_module

# Eager: ``classify`` is both a submodule and a function; a lazy name would be shadowed by the
# submodule once anything imports ``etl.nlp.classify`` directly. The classifier needs no spaCy.
from etl.nlp.classify import SegmentMatch, assign_segments, classify, classify_many

_WHERE = {"Fact": "extract", "extract_facts": "extract", "extract_file": "extract",
          "read_text": "extract", "build_nlp": "pipeline", "entries": "pipeline", "normalize": "vocab",
          "vocabulary": "vocab"}

__all__ = ["build_nlp", "entries", "classify", "classify_many", "assign_segments", "SegmentMatch",
           "extract_facts", "extract_file", "read_text", "Fact", "normalize", "vocabulary"]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'etl.nlp' has no attribute {name!r}")
    value = getattr(import_module(f"etl.nlp.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
