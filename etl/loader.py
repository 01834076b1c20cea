"""Load data files into a graph store: read → validate → classify → resolve → one atomic write.

Why one write: a load lands whole or not at all (the store's ``write`` is one transaction), so a
crash, a kill or a bad file never leaves a half-loaded graph; loading the same files twice gives
the same graph (MERGE on ids), which ``chainkg stats`` shows with the same counts and checksum.

File kinds, told apart by their columns:

* enterprises (企业名录): ``name`` required; segments from an explicit 所属环节 column, else the
  spaCy classifier on 主营产品 and 经营范围 (confidence ≥ ``min_confidence``);
* holdings (企业–技术): an enterprise (name or credit code) and a 技术名称/技术id;
* supply (供应关系): 供应商 and 客户 (names or credit codes).

Rows that fail validation go to the quarantine list (file, row, field, value, reason), never
into the graph. A file that cannot be read at all raises :class:`~ontology.errors.InputError` and
nothing is written.

>>> from graph.store.sqlite_store import SQLiteStore
>>> report = load_files(SQLiteStore(":memory:"), [])
>>> report.enterprises, report.quarantined
(0, [])
"""

from __future__ import annotations

import gc
import importlib.resources
from array import array
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

from ontology.errors import InputError
from etl.bundle import ontology_batch
from etl.conflicts import find_conflicts
from etl.dataset import PLACES, composition, place, sample_spec, sidecar_spec
from etl.nlp.classify import (INDUSTRY_CODE_KEYS, INDUSTRY_KEYS, INDUSTRY_LEVEL_KEYS, PRODUCT_KEYS, SCOPE_KEYS,
                              SEGMENT_KEYS, assign_segments)
from etl.normalize import name_key
from etl.overrides import read_overrides
from etl.quarantine import Quarantine
from etl.readers import NOTE_KEY, read_records
from etl.resolve import resolve_groups
from etl.held import Rows, Spill, field as held_field, packed_props
from etl.resolved import FirmIndex, Resolved as _Resolved
from etl.stored import stored_firms
from etl.validate import Memo, validate_fields
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology, load_ontology
from ontology.models import Dataset

__all__ = ["LoadReport", "load_files", "BUNDLED_FILES", "MIN_CONFIDENCE", "STEPS"]

#: the bundled Taizhou data ships inside the package (etl/bundled), so an installed wheel has it too
BUNDLED_DIR = Path(str(importlib.resources.files("etl").joinpath("bundled")))
BUNDLED_FILES = (BUNDLED_DIR / "enterprises.csv", BUNDLED_DIR / "known_firms.csv", BUNDLED_DIR / "holdings.csv")
MIN_CONFIDENCE = 0.3
#: why a note row (see :data:`etl.readers.NOTE_KEY`) was skipped
NOTE_REASON = ("表格中的说明行（标题、分节、来源或合计行，不是企业），已跳过 / a note line of the table (a title, section, "
               "source or totals line, not a firm): skipped")


@dataclass
class LoadReport:
    files: list[str] = field(default_factory=list)
    rows: int = 0
    enterprises: int = 0
    segment_links: int = 0
    holdings: int = 0
    supplies: int = 0
    technologies: int = 0
    written: int = 0
    quarantined: list[Quarantine] = field(default_factory=list)
    datasets: list[dict] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per import step (STEPS), wall clock
    cpu: dict[str, float] = field(default_factory=dict)      # per import step, CPU seconds (``cpu_split=True``)

    def summary(self) -> str:
        return (f"files={len(self.files)} rows={self.rows} enterprises={self.enterprises} "
                f"segment_links={self.segment_links} technologies={self.technologies} holdings={self.holdings} supplies={self.supplies} "
                f"quarantined_rows={len({(q.file, q.row) for q in self.quarantined if q.is_error})} "
                f"warnings={sum(not q.is_error for q in self.quarantined)} written={self.written}")


def _kind(record: dict) -> str:
    if "supplier" in record or "customer" in record:
        return "supply"
    if "status" in record and ("technology" in record or "technology_id" in record):
        return "technologies"
    if ("technology" in record or "technology_id" in record) and "business_scope" not in record:
        return "holdings"
    return "enterprises"


class _Firm:
    """What conflicts and resolution read of a validated record."""

    __slots__ = ("name", "credit_code")

    def __init__(self, name: str, credit_code: str | None) -> None:
        self.name, self.credit_code = name, credit_code


class _Clock:
    """Seconds per import step (read, validate, classify, resolve, write), wall and CPU, for the
    bench's split (CPU: on a shared machine the wall clock measures the other jobs as much)."""

    def __init__(self, cpu: bool = False) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STEPS, 0.0)
        self.cpu: dict[str, float] = dict.fromkeys(STEPS, 0.0) if cpu else {}
        self._t, self._c = perf_counter(), process_time()
        if cpu:  # reading the CPU clock is a system call (≈ 1 µs, 4 a row): only when asked
            self.lap = self._lap_cpu

    def lap(self, step: str) -> None:
        t = perf_counter()
        self.seconds[step] += t - self._t
        self._t = t

    def _lap_cpu(self, step: str) -> None:
        t, c = perf_counter(), process_time()
        self.seconds[step] += t - self._t
        self.cpu[step] += c - self._c
        self._t, self._c = t, c


#: the import steps ``LoadReport.seconds`` splits the time into
STEPS = ("read", "validate", "classify", "resolve", "write")
_CLASSIFY_MEMO_MAX = 100_000
#: every record field :func:`etl.nlp.classify.assign_segments` reads: the memo key of its answer
_CLASSIFIER_KEYS = (*SEGMENT_KEYS, *SCOPE_KEYS, *PRODUCT_KEYS, *INDUSTRY_KEYS, *INDUSTRY_CODE_KEYS, *INDUSTRY_LEVEL_KEYS)


def _segment_links(matches: list, rec: dict, source: str, min_confidence: float) -> tuple:
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


def load_files(store: GraphStore, paths: Iterable[str | Path], *, ontology: Ontology | None = None,
               include_ontology: bool = True, min_confidence: float = MIN_CONFIDENCE,
               progress: Callable[[int], None] | None = None, sheet: str | None = None,
               dataset: Dataset | None = None, cpu_split: bool = False) -> LoadReport:
    """Load ``paths`` (and the ontology) into ``store`` in one transaction; return the report.

    ``dataset`` declares the 口径 of every file (``--census``); else each file's sidecar
    ``X.dataset.yaml``, else the file is a sample (:mod:`etl.dataset`).

    Bulk path (same stored result as validating into ``Enterprise`` models one by one): each
    distinct cell value is normalised once (:class:`etl.validate.Memo`), each distinct
    classifier input (products, 经营范围, 国标行业, 所属环节) is classified once, records wait on
    disk as tuples (:class:`etl.held.Spill`) with only their identity (name, credit code, id) in
    memory for conflicts and resolution, and the store receives the firms a chunk at a time inside
    one transaction (``GraphStore.write_stream``, :mod:`etl.resolved`).

    ``cpu_split``: also count each step's CPU seconds (``LoadReport.cpu``, for ``bench/``)."""
    with Spill() as spill, _no_cycle_collector():
        return _load(store, paths, spill, ontology or load_ontology(), include_ontology, min_confidence,
                     progress, sheet, dataset, _Clock(cpu_split))


@contextmanager
def _no_cycle_collector():
    """Python's cycle collector paused while a load runs, resumed (if it ran before) at the end.

    Why: a load allocates millions of small containers (records, tuples, maps, states) that are
    freed by reference counting; the collector still scanned them every 700 allocations and,
    as the heap grew, every firm held — ≈ 3.5 of 26 CPU-s on the 100k export (measured with the
    collector off: the same checksum, aggregates and quarantine). A load makes no reference
    cycles per row, so memory is freed as before (peak RSS measured by the bench)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _load(store: GraphStore, paths: Iterable[str | Path], spill: Spill, onto: Ontology, include_ontology: bool,
          min_confidence: float, progress: Callable[[int], None] | None, sheet: str | None,
          dataset: Dataset | None, clock: _Clock) -> LoadReport:
    report = LoadReport()
    names: list[str] = []                  # per validated record (its values are in ``spill``): name,
    codes: list[str | None] = []           # credit code,
    ids: list[str] = []                    # id,
    files: list[str] = []                  # file (one shared name per file),
    rows = array("q")                      # row (-1: none),
    ent_ds: list[str] = []                 # dataset id,
    seg_links: list[tuple] = []            # ((segment, link props), ...), sorted, shared
    specs: dict[str, Dataset] = {}
    holdings: list[dict] = []
    supply: list[dict] = []
    techs: list[dict] = []
    memo = Memo()
    stored = stored_firms(store)  # a firm already stored under another id stays one firm (etl.stored)
    places = bytearray()                   # per record: local / outside / inactive / unknown (etl.dataset)
    classified: dict[tuple, tuple] = {}    # classifier input → (matches or the InputError, links memo)
    for path in map(Path, paths):
        report.files.append(path.name)
        spec = dataset or sidecar_spec(path) or sample_spec(path.name)
        spec = specs.setdefault(spec.id, spec.model_copy(deep=True))
        if path.name not in spec.files:
            spec.files.append(path.name)
        records = read_records(path, sheet=sheet, notes=True)
        clock.lap("read")
        for rec in records:
            clock.lap("read")
            if NOTE_KEY in rec:  # a title/section/footer line of an export: reported, never a firm
                report.quarantined.append(Quarantine(path.name, rec["_row"], "row", rec[NOTE_KEY], NOTE_REASON,
                                                     level="warning"))
                continue
            report.rows += 1
            kind = _kind(rec)
            if kind == "holdings":
                holdings.append(rec)
                continue
            if kind == "supply":
                supply.append(rec)
                continue
            if kind == "technologies":
                techs.append(rec)
                continue
            if "name" not in rec:
                raise InputError("missing required column 企业名称/name", file=path.name)
            fields, problems, notes = validate_fields(rec, onto, default_source=path.name, memo=memo)
            clock.lap("validate")
            links: tuple = ()
            if fields is not None:
                key = tuple(map(rec.get, _CLASSIFIER_KEYS))
                try:
                    hit = classified.get(key)
                except TypeError:  # a value that is not a string (records read from files hold strings)
                    hit = key = None
                if hit is None:
                    try:
                        hit = (assign_segments(rec, onto), {})
                    except InputError as e:
                        hit = (e, {})
                    if key is not None and len(classified) < _CLASSIFY_MEMO_MAX:
                        classified[key] = hit
                matches, by_source = hit
                if isinstance(matches, InputError):
                    problems.append(Quarantine(path.name, rec.get("_row"), "segment", str(rec.get("segment")),
                                               matches.message))
                else:
                    lkey = (fields["sources"][0], rec.get("segment_evidence"))
                    links = by_source.get(lkey)
                    if links is None:
                        links = by_source[lkey] = _segment_links(matches, rec, lkey[0], min_confidence)
                clock.lap("classify")
            if problems:
                report.quarantined.extend(problems)
                continue
            if stored:
                stored.adopt(fields)
            places.append(place(fields))
            report.quarantined.extend(notes)
            values = packed_props(fields)
            spill.append(values)
            names.append(held_field(values, "name"))
            codes.append(held_field(values, "credit_code"))
            ids.append(held_field(values, "id"))
            files.append(path.name)
            row = rec.get("_row")
            rows.append(-1 if row is None else row)
            ent_ds.append(spec.id)
            seg_links.append(links)
            clock.lap("validate")
    firms = [_Firm(n, c) for n, c in zip(names, codes)]
    keys = list(map(name_key, names))  # once per record, for conflicts and resolution
    drop, conflicts = find_conflicts(Rows(len(firms), lambda i: (firms[i], files[i], None if rows[i] < 0 else rows[i])),
                                     keys)
    report.quarantined.extend(conflicts)  # same code two names / same name two codes: later row refused
    del files, rows
    keep = [i for i in range(len(firms)) if i not in drop] if drop else None
    if keep is not None:
        firms, keys = [firms[i] for i in keep], [keys[i] for i in keep]
    groups = resolve_groups(firms, keys)  # record positions among the kept records …
    del firms, keys
    if keep is not None:  # … as positions among all records (the spill's order)
        groups = [[keep[i] for i in group] for group in groups]
        del keep
    batch = ontology_batch(onto) if include_ontology else Batch()
    firm = _Resolved(groups, ids, names, codes, ent_ds, seg_links, lambda want: _values(spill, want))
    del groups, ent_ds, seg_links
    overrides = [o for o in read_overrides(store) if o["enterprise"] in firm.first]
    firm.override(overrides)  # a user's correction outlives every reload
    last = Batch()  # after every firm: holdings, supply and the overrides' removals
    for o in overrides:
        if o["action"] == "remove":
            last.drop_rel("IN_SEGMENT", o["enterprise"], o["segment"])
    report.segment_links = firm.segment_links()
    report.enterprises = len(firm)
    parts = composition(firm.first, firm.ds, lambda g: places[firm.rec[g]] if firm.rec[g] >= 0
                        else place(firm.merged[g]))
    for spec in specs.values():
        spec.firms = firm.datasets.get(spec.id, 0)
        for key, n in zip(PLACES, parts.get(spec.id, (0, 0, 0, 0))):
            setattr(spec, key, n)
        if not spec.firms:  # e.g. a holdings or supply file: it adds no firm, so it has no 口径
            continue
        batch.node("Dataset", spec.props())
        report.datasets.append(spec.props())
    # technologies known to this load: the ontology's, the store's (earlier imports), this file's.
    # The ontology object is never changed: the store is the one place runtime facts live.
    known_techs = {t.id: t.name for t in onto.technologies.values()}
    known_techs |= {n["id"]: n.get("name", "") for n in store.find_nodes("Technology", limit=100_000)}
    for rec in techs:
        t, problems = _technology(rec, onto)
        if problems:
            report.quarantined.extend(problems)
            continue
        known_techs[t.id] = t.name
        batch.node("Technology", t.props())
        for sid in t.segments:
            batch.rel("NEEDS", sid, t.id)
        report.technologies += 1
    index = FirmIndex(store, firm.identities() if holdings or supply else ())
    del names, codes, ids
    tech_by_name = {name: tid for tid, name in known_techs.items()}
    for rec in holdings:
        eid = index.find(rec.get("name"), rec.get("credit_code"))
        tid = rec.get("technology_id") or tech_by_name.get((rec.get("technology") or "").strip())
        if eid is None:
            report.quarantined.append(Quarantine(rec["_file"], rec.get("_row"), "name",
                                                 rec.get("name") or rec.get("credit_code") or "",
                                                 "unknown enterprise (load it first or in the same run)"))
            continue
        if tid not in known_techs:
            report.quarantined.append(Quarantine(rec["_file"], rec.get("_row"), "technology",
                                                 rec.get("technology") or rec.get("technology_id") or "",
                                                 "unknown technology"))
            continue
        last.rel("HOLDS", eid, tid, {"source": rec.get("source") or rec["_file"]})
        report.holdings += 1
    for rec in supply:
        src = index.find(rec.get("supplier"), rec.get("supplier_code"))
        dst = index.find(rec.get("customer"), rec.get("customer_code"))
        if src is None or dst is None:
            fld = "supplier" if src is None else "customer"
            report.quarantined.append(Quarantine(rec["_file"], rec.get("_row"), fld, rec.get(fld) or "",
                                                 "unknown enterprise (load it first or in the same run)"))
            continue
        props = {"source": rec.get("source") or rec["_file"]}
        if rec.get("products"):
            props["products"] = rec["products"]
        last.rel("SUPPLIES", src, dst, props)
        report.supplies += 1
    clock.lap("resolve")

    def stream() -> Iterator[Batch]:
        """The chunks the store writes; making a chunk's rows counts as resolve, the rest as write."""
        yield batch
        for chunk in firm.chunks(spill, onto):
            clock.lap("resolve")
            yield chunk
            clock.lap("write")
        yield last

    report.written = store.write_stream(stream(), progress=progress)
    clock.lap("write")
    report.seconds, report.cpu = clock.seconds, clock.cpu
    return report


def _values(spill: Spill, want: set[int]) -> dict[int, tuple]:
    """The spilled values of the records at these positions (one pass; none when none are wanted)."""
    if not want:
        return {}
    return {i: v for i, v in enumerate(spill) if i in want}


def _technology(rec: dict, onto: Ontology):
    """A technology row (技术清单) → Technology, or quarantine entries naming the field."""
    from pydantic import ValidationError

    from etl.normalize import check_formula, parse_bool, split_list
    from ontology.models import Technology

    file, row = rec["_file"], rec.get("_row")
    problems = []
    for fld in ("technology", "technology_id", "segment", "status", "source", "note"):
        try:
            check_formula(str(rec.get(fld) or ""))
        except ValueError as e:
            problems.append(Quarantine(file, row, fld, rec.get(fld) or "", str(e)))
    segs = split_list(rec.get("segment") or "")
    for sid in segs:
        if sid not in onto.segments:
            problems.append(Quarantine(file, row, "segment", sid, "unknown segment id"))
    if problems:
        return None, problems
    try:
        t = Technology(id=(rec.get("technology_id") or "").strip(), name=(rec.get("technology") or "").strip(),
                       segments=segs, status=(rec.get("status") or "").strip(),
                       status_certain=bool(parse_bool(rec.get("status_certain") or "否")),
                       chokepoint=bool(parse_bool(rec.get("chokepoint") or "否")),
                       chokepoint_lists=split_list(rec.get("chokepoint_lists") or ""),
                       source=(rec.get("source") or "").strip(), note=(rec.get("note") or "").strip())
    except (ValidationError, ValueError) as e:
        errs = e.errors() if isinstance(e, ValidationError) else [{"loc": ("technology",), "msg": str(e)}]
        return None, [Quarantine(file, row, ".".join(map(str, x["loc"])), str(rec.get(x["loc"][0], "")), x["msg"])
                      for x in errs]
    return t, []
