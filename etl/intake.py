"""The enterprise records of one load: validated and classified a batch at a time, then held.

Why batches: validation is column-wise (:class:`etl.validate_columns.BatchValidator`), so records
wait here until a batch is full (or the file, or the kind of row, changes — the quarantine keeps
the file's row order). Each validated record's stored values go to the spill (:class:`etl.held.Spill`);
in memory stay only what conflicts and resolution read — name, credit code, id, file, row, dataset
id — and its IN_SEGMENT links, one shared tuple per classifier answer.

Classification runs once per distinct classifier input (所属环节, 主营产品, 经营范围, 国标行业):
registry exports repeat their texts, and the links made from one answer are shared.
"""

from __future__ import annotations

from array import array

from etl.dataset import place
from etl.held import FIELDS, Spill, field as held_field
from etl.nlp.classify import (INDUSTRY_CODE_KEYS, INDUSTRY_KEYS, INDUSTRY_LEVEL_KEYS, PRODUCT_KEYS, SCOPE_KEYS,
                              SEGMENT_KEYS, assign_segments)
from etl.quarantine import Quarantine
from etl.stored import StoredFirms
from etl.validate_columns import BatchValidator
from ontology.errors import InputError
from ontology.loader import Ontology

__all__ = ["Intake", "BATCH", "segment_links"]

#: records validated together (a column of a batch is checked at once)
BATCH = 2048
_CLASSIFY_MEMO_MAX = 100_000
#: every record field :func:`etl.nlp.classify.assign_segments` reads: the memo key of its answer
_CLASSIFIER_KEYS = (*SEGMENT_KEYS, *SCOPE_KEYS, *PRODUCT_KEYS, *INDUSTRY_KEYS, *INDUSTRY_CODE_KEYS, *INDUSTRY_LEVEL_KEYS)


def segment_links(matches: list, rec: dict, source: str, min_confidence: float) -> tuple:
    """The record's IN_SEGMENT links ``((segment, props), ...)``: first per segment, sorted."""
    links: dict[str, dict] = {}
    for m in matches:
        explicit = m.confidence >= 1.0 and any(t.startswith("explicit:") for t in m.matched_terms)
        if m.confidence < min_confidence:
            continue
        evidence = rec.get("segment_evidence") if explicit else None
        links.setdefault(m.segment_id, {
            "method": "explicit" if explicit else "classifier", "confidence": round(m.confidence, 4),
            "evidence": evidence or "; ".join(m.matched_terms), "source": source})
    return tuple(sorted(links.items()))


class Intake:
    """Collects a load's enterprise records (:meth:`add`), validates, classifies and holds them.

    ``quarantined``: the load's quarantine list (errors and warnings are appended in row order);
    ``lap(step)``: the load's step clock; ``stored``: the store's firms (:mod:`etl.stored`) — a
    record naming one of them takes its id and lists."""

    def __init__(self, onto: Ontology, min_confidence: float, spill: Spill, quarantined: list[Quarantine],
                 lap, stored: StoredFirms | None = None) -> None:
        self.onto, self.min_confidence, self.spill, self.quarantined, self.lap = (
            onto, min_confidence, spill, quarantined, lap)
        self.stored = stored or None
        self.places = bytearray()               # per validated record: local / outside / inactive / unknown
        self.validate = BatchValidator(onto)
        # classifier fields present → {their values → (matches or the InputError, links memo)}
        self.classified: dict[tuple, dict[tuple, tuple]] = {}
        self._memoised = 0
        self.names: list[str] = []              # per validated record (its values are in the spill): name,
        self.codes: list[str | None] = []       # credit code,
        self.ids: list[str] = []                # id,
        self.files: list[str] = []              # file (one shared name per file),
        self.rows = array("q")                  # row (-1: none),
        self.ent_ds: list[str] = []             # dataset id,
        self.seg_links: list[tuple] = []        # ((segment, link props), ...), sorted, shared
        self._pending: list[dict] = []
        self._file = self._dataset = ""

    def add(self, rec: dict, file: str, dataset: str) -> None:
        """One enterprise record of ``file`` (loaded into ``dataset``); validated with its batch."""
        if file != self._file or dataset != self._dataset:
            self.flush()
            self._file, self._dataset = file, dataset
        self._pending.append(rec)
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Validate, classify and hold the waiting records (call before any other row is reported)."""
        recs, self._pending = self._pending, []
        if not recs:
            return
        file = self._file
        self.lap("read")
        results = self.validate(recs, default_source=file)
        self.lap("validate")
        present = set().union(*recs)  # the classifier fields the batch has: the memo key holds only those
        fields = tuple(k for k in _CLASSIFIER_KEYS if k in present)
        memo = self.classified.setdefault(fields, {})
        links_of = [self._classify(rec, values, problems, memo, fields) if values is not None else ()
                    for rec, (values, problems, _) in zip(recs, results)]
        self.lap("classify")
        quarantined, spill = self.quarantined, self.spill
        for rec, (values, problems, notes), links in zip(recs, results, links_of):
            if problems:
                quarantined.extend(problems)
                continue
            quarantined.extend(notes)
            if self.stored:
                values = self._adopt(values)
            self.places.append(place({"active": held_field(values, "active"), "local": held_field(values, "local")}))
            spill.append(values)
            self.names.append(held_field(values, "name"))
            self.codes.append(held_field(values, "credit_code"))
            self.ids.append(held_field(values, "id"))
            row = rec.get("_row")
            self.rows.append(-1 if row is None else row)
            self.seg_links.append(links)
        n = len(self.seg_links) - len(self.files)
        self.files.extend([file] * n)
        self.ent_ds.extend([self._dataset] * n)
        self.lap("validate")

    def _adopt(self, values: tuple) -> tuple:
        """``values`` patched by :meth:`etl.stored.StoredFirms.adopt` (the stored firm's id and lists)."""
        fields = dict(zip(FIELDS, values))
        self.stored.adopt(fields)
        return tuple(map(fields.__getitem__, FIELDS))

    def _classify(self, rec: dict, values: tuple, problems: list[Quarantine], memo: dict, fields: tuple) -> tuple:
        """The record's links (one classifier call per distinct input: ``memo`` maps the values of
        ``fields``, the classifier fields its batch has, to the answer); an error joins ``problems``."""
        key = tuple(map(rec.get, fields))
        try:
            hit = memo.get(key)
        except TypeError:  # a value that is not a string (records read from files hold strings)
            hit = key = None
        if hit is None:
            try:
                hit = (assign_segments(rec, self.onto), {})
            except InputError as e:
                hit = (e, {})
            if key is not None and self._memoised < _CLASSIFY_MEMO_MAX:
                memo[key] = hit
                self._memoised += 1
        matches, by_source = hit
        if isinstance(matches, InputError):
            problems.append(Quarantine(self._file, rec.get("_row"), "segment", str(rec.get("segment")),
                                       matches.message))
            return ()
        lkey = (held_field(values, "sources")[0], rec.get("segment_evidence"))
        links = by_source.get(lkey)
        if links is None:
            links = by_source[lkey] = segment_links(matches, rec, lkey[0], self.min_confidence)
        return links
