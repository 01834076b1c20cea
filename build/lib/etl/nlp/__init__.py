"""Chinese NLP for ChainKG: the ontology pipeline, enterprise → segment classification, policy facts.

>>> from etl.nlp import build_nlp, classify, assign_segments, classify_many, extract_facts, extract_file
"""

from etl.nlp.classify import SegmentMatch, assign_segments, classify, classify_many
from etl.nlp.extract import Fact, extract_facts, extract_file, read_text
from etl.nlp.pipeline import build_nlp, entries
from etl.nlp.vocab import normalize, vocabulary

__all__ = ["build_nlp", "entries", "classify", "classify_many", "assign_segments", "SegmentMatch",
           "extract_facts", "extract_file", "read_text", "Fact", "normalize", "vocabulary"]
