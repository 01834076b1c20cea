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
from operator import itemgetter

from etl import classify_worker
from etl.dataset import place_of
from etl.held import FIELDS, Spill, field as held_field
from etl.nlp.classify import (INDUSTRY_CODE_KEYS, INDUSTRY_KEYS, INDUSTRY_LEVEL_KEYS, PRODUCT_KEYS, SCOPE_KEYS,
                              SEGMENT_KEYS, assign_segments)
from etl.nlp.firm_name import name_item
from etl.nlp.index import build_index
from etl.nlp.record_fields import NAME_TRADE_KEY
from etl.quarantine import Quarantine
from etl.stored import StoredFirms
from etl.validate_columns import BatchValidator
from ontology.errors import InputError
from ontology.loader import Ontology

__all__ = ["Intake", "BATCH", "segment_links"]

#: records validated together (a column of a batch is checked at once)
BATCH = 2048
_CLASSIFY_MEMO_MAX = 100_000
_SEGMENT_KEYS = frozenset(SEGMENT_KEYS)  # an explicit segment: classified here (its errors are its row's)
_ACTIVE, _LOCAL, _NAME, _CODE, _ID = (itemgetter(FIELDS.index(k))
                                       for k in ("active", "local", "name", "credit_code", "id"))
#: every record field :func:`etl.nlp.classify.assign_segments` reads: the memo key of its answer
_CLASSIFIER_KEYS = (*SEGMENT_KEYS, *SCOPE_KEYS, *PRODUCT_KEYS, *INDUSTRY_KEYS, *INDUSTRY_CODE_KEYS, *INDUSTRY_LEVEL_KEYS,
                    NAME_TRADE_KEY)


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
    record naming one of them takes its id and lists; ``worker``: may it classify in a second process
    (:mod:`etl.classify_worker`; the setting ``classify_worker``)."""

    def __init__(self, onto: Ontology, min_confidence: float, spill: Spill, quarantined: list[Quarantine],
                 lap, stored: StoredFirms | None = None, worker: bool = True) -> None:
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
        # classification in a second process (etl.classify_worker), started at the first full batch
        self._may_fork = worker and classify_worker.available()
        self.worker: classify_worker.ClassifyWorker | None = None
        self.worker_cpu = 0.0                   # CPU seconds the worker spent (it is another process)
        self._asked: list[list] = []            # memo entries [_ASKED, links memo] in the order sent

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
        scanner = None
        for rec in recs:  # a record without products is also read by its name's 行业 part (firm_name, round 18)
            if not rec.get("products") and rec.get("name"):
                scanner = scanner or build_index(self.onto).scanner
                rec[NAME_TRADE_KEY] = name_item(rec["name"], scanner)
        present = set().union(*recs)  # the classifier fields the batch has: the memo key holds only those
        fields = tuple(k for k in _CLASSIFIER_KEYS if k in present)
        memo = self.classified.setdefault(fields, {})
        if self.worker is None and self._may_fork and len(recs) >= BATCH:
            self.worker = classify_worker.ClassifyWorker(self.onto)
        ask: list | None = [] if self.worker is not None and _SEGMENT_KEYS.isdisjoint(fields) else None
        links_of = [self._classify(rec, values, problems, memo, fields, ask) if values is not None else ()
                    for rec, (values, problems, _) in zip(recs, results)]
        if ask:
            self.worker.send(fields, ask)
        self.lap("classify")
        quarantined, kept, rows = self.quarantined, [], self.rows
        for rec, (values, problems, notes), links in zip(recs, results, links_of):
            if problems:
                quarantined.extend(problems)
                continue
            quarantined.extend(notes)
            kept.append(self._adopt(values) if self.stored else values)
            row = rec.get("_row")
            rows.append(-1 if row is None else row)
            self.seg_links.append(links)  # (a _Later, shared, until finish() has the worker's answer)
        # what conflicts and resolution read, a column at a time; the values wait in the spill
        self.places.extend(map(place_of, map(_ACTIVE, kept), map(_LOCAL, kept)))
        self.names.extend(map(_NAME, kept))
        self.codes.extend(map(_CODE, kept))
        self.ids.extend(map(_ID, kept))
        self.spill.extend(kept)
        n = len(kept)
        self.files.extend([file] * n)
        self.ent_ds.extend([self._dataset] * n)
        self.lap("validate")

    def finish(self) -> None:
        """After the last record: the worker's answers into the memo and the waiting records' links."""
        if self.worker is None:
            return
        worker, self.worker = self.worker, None
        answers = worker.answers()
        self.worker_cpu += worker.cpu
        for hit, matches in zip(self._asked, answers):
            hit[0] = matches
        seg_links = self.seg_links
        for i, links in enumerate(seg_links):
            if type(links) is _Later:
                seg_links[i] = links.made(self.min_confidence)
        self._asked = []

    def close(self) -> None:
        """End the worker of a load that failed."""
        if self.worker is not None:
            self.worker.close()
            self.worker = None

    def _adopt(self, values: tuple) -> tuple:
        """``values`` patched by :meth:`etl.stored.StoredFirms.adopt` (the stored firm's id and lists)."""
        fields = dict(zip(FIELDS, values))
        self.stored.adopt(fields)
        return tuple(map(fields.__getitem__, FIELDS))

    def _classify(self, rec: dict, values: tuple, problems: list[Quarantine], memo: dict, fields: tuple,
                  ask: list | None = None) -> tuple:
        """The record's links (one classifier call per distinct input: ``memo`` maps the values of
        ``fields``, the classifier fields its batch has, to the answer); an error joins ``problems``.
        ``ask``: a new input goes to the worker (appended here) and the record's links wait (:class:`_Later`)."""
        key = tuple(map(rec.get, fields))
        try:
            hit = memo.get(key)
        except TypeError:  # a value that is not a string (records read from files hold strings)
            hit = key = None
        if hit is None:
            if ask is not None and key is not None and self._memoised < _CLASSIFY_MEMO_MAX:
                hit = memo[key] = [_ASKED, {}]
                self._memoised += 1
                self._asked.append(hit)
                ask.append(key)
            else:
                try:
                    hit = (assign_segments(rec, self.onto), {})
                except InputError as e:
                    hit = (e, {})
                if key is not None and self._memoised < _CLASSIFY_MEMO_MAX:
                    memo[key] = hit
                    self._memoised += 1
        matches = hit[0]
        if isinstance(matches, InputError):
            problems.append(Quarantine(self._file, rec.get("_row"), "segment", str(rec.get("segment")),
                                       matches.message))
            return ()
        lkey = (held_field(values, "sources")[0], rec.get("segment_evidence"))
        if matches is _ASKED:  # one _Later per answer and (source, evidence), shared by its records
            later = hit[1].get(lkey)
            if later is None:
                later = hit[1][lkey] = _Later(hit, lkey)
            return later
        return _links(hit, lkey, self.min_confidence)


#: a memo entry whose answer the worker has not sent yet
_ASKED = object()


class _Later:
    """The links of the records whose answer the worker has not sent yet (one per answer, source
    and evidence): made once by :meth:`made` when :meth:`Intake.finish` has the answer."""

    __slots__ = ("hit", "lkey", "links")

    def __init__(self, hit: list, lkey: tuple) -> None:
        self.hit, self.lkey, self.links = hit, lkey, None

    def made(self, min_confidence: float) -> tuple:
        if self.links is None:
            self.hit[1].pop(self.lkey, None)  # (this _Later held the place)
            self.links = _links(self.hit, self.lkey, min_confidence)
        return self.links


def _links(hit: list | tuple, lkey: tuple, min_confidence: float) -> tuple:
    """The links of a memo entry's answer for records of one (source, segment evidence): made once per pair,
    kept in the entry's map."""
    matches, by_source = hit
    links = by_source.get(lkey)
    if links is None:
        links = by_source[lkey] = segment_links(matches, {"segment_evidence": lkey[1]}, lkey[0], min_confidence)
    return links
