"""The spaCy pipeline: a blank Chinese model plus an EntityRuler built from the ontology.

What: :func:`build_nlp` returns ``spacy.blank("zh")`` (character segmenter) with an
``entity_ruler`` whose phrase patterns are every ontology term (see :mod:`etl.nlp.vocab`):
segment names/keywords/products → ``SEGMENT``, technology names → ``TECH``, cluster names and
plan directions → ``CLUSTER``, county names → ``COUNTY``. ``ent.ent_id_`` is the ontology id.

Why: no Chinese spaCy model can be downloaded here; the character segmenter needs none and lets a
term match inside a longer word (缝纫机 inside 工业缝纫机 — a jieba segmenter would not). Patterns
are made with ``nlp.make_doc`` so they are tokenised exactly like the text. The ruler keeps the
longest of overlapping matches. A term with several meanings gets the most specific label
(deepest SEGMENT, then TECH, CLUSTER, COUNTY); :func:`entries` gives all its meanings.

>>> from ontology.loader import Ontology
>>> from ontology.models import Cluster
>>> onto = Ontology(clusters={"sewing": Cluster(id="sewing", name="缝制设备", source="x")})
>>> [(e.text, e.label_, e.ent_id_) for e in build_nlp(onto)("缝制设备产业加快发展").ents]
[('缝制设备产业', 'CLUSTER', 'sewing')]
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from etl.nlp.vocab import Entry, cached, normalize, vocabulary

__all__ = ["build_nlp", "entries", "LABEL_PRIORITY"]

LABEL_PRIORITY = {"SEGMENT": 0, "TECH": 1, "CLUSTER": 2, "COUNTY": 3}


def _best(es: list[Entry]) -> Entry:
    return min(es, key=lambda e: (LABEL_PRIORITY[e.label], -e.level, e.id))


def entries(ontology, term: str) -> list[Entry]:
    """Every meaning of ``term`` in the ontology (``[]`` if it is not an ontology term)."""
    return vocabulary(ontology).get(normalize(term), [])


def build_nlp(ontology) -> Language:
    """A blank ``zh`` pipeline with the ontology's EntityRuler (cached per ontology object).

    Feed it :func:`etl.nlp.vocab.normalize`-d text so full-width digits and PDF spaces do not
    break matches.
    """
    return cached(ontology, "nlp", lambda: _build(ontology))


def _build(ontology) -> Language:
    nlp = spacy.blank("zh")  # default segmenter is "char"
    table = vocabulary(ontology)
    patterns = []
    for term in sorted(table):
        best = _best(table[term])
        patterns.append({"label": best.label, "pattern": term, "id": best.id})
    if not patterns:  # an ontology without terms (a test's, a plan read on its own): no entities to find
        return nlp
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None, "overwrite_ents": True})
    with nlp.select_pipes(enable="entity_ruler"):
        # add_patterns makes phrase patterns with nlp.make_doc-equivalent tokenisation
        ruler.add_patterns(patterns)
    return nlp
