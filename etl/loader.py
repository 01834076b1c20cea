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

import importlib.resources
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ontology.errors import InputError
from etl.banner import export_facts
from etl.bundle import ontology_batch
from etl.conflicts import find_conflicts
from etl.dataset import PLACES, composition, place, sample_spec, sidecar_spec
from etl.held import Rows, Spill
from etl.intake import Intake
from etl.load_report import STEPS, LoadReport, StepClock, no_cycle_collector
from etl.normalize import name_key
from etl.overrides import read_overrides
from etl.quarantine import Quarantine
from etl.readers import NOTE_KEY, TITLE_KEY, read_records
from etl.resolve import resolve_groups
from etl.resolved import FirmIndex, Resolved as _Resolved
from etl.side_files import add_holdings, add_supply, add_technologies, row_kind
from etl.stored import stored_firms
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology, load_ontology
from ontology.models import Dataset

__all__ = ["LoadReport", "load_files", "BUNDLED_FILES", "MIN_CONFIDENCE", "STEPS"]

#: the bundled Taizhou data ships inside the package (etl/bundled), so an installed wheel has it too
BUNDLED_DIR = Path(str(importlib.resources.files("etl").joinpath("bundled")))
BUNDLED_FILES = (BUNDLED_DIR / "enterprises.csv", BUNDLED_DIR / "listed_outside.csv", BUNDLED_DIR / "known_firms.csv",
                 BUNDLED_DIR / "holdings.csv")
MIN_CONFIDENCE = 0.3
#: why a note row (see :data:`etl.readers.NOTE_KEY`) was skipped
NOTE_REASON = ("表格中的说明行（标题、分节、来源或合计行，不是企业），已跳过 / a note line of the table (a title, section, "
               "source or totals line, not a firm): skipped")


class _Firm:
    """What conflicts and resolution read of a validated record."""

    __slots__ = ("name", "credit_code")

    def __init__(self, name: str, credit_code: str | None) -> None:
        self.name, self.credit_code = name, credit_code


def load_files(store: GraphStore, paths: Iterable[str | Path], *, ontology: Ontology | None = None,
               include_ontology: bool = True, min_confidence: float = MIN_CONFIDENCE,
               progress: Callable[[int], None] | None = None, sheet: str | None = None,
               dataset: Dataset | None = None, cpu_split: bool = False, classify_worker: bool = True) -> LoadReport:
    """Load ``paths`` (and the ontology) into ``store`` in one transaction; return the report.

    ``dataset`` declares the 口径 of every file (``--census``); else each file's sidecar
    ``X.dataset.yaml``, else the file is a sample (:mod:`etl.dataset`).

    Bulk path (same stored result as validating into ``Enterprise`` models one by one): records
    are validated a batch at a time, column by column (:mod:`etl.validate_columns`), each
    distinct classifier input (products, 经营范围, 国标行业, 所属环节) is classified once
    (:mod:`etl.intake`), records wait on disk as tuples (:class:`etl.held.Spill`) with only their
    identity (name, credit code, id) in memory for conflicts and resolution, and the store
    receives the firms a chunk at a time inside one transaction (``GraphStore.write_stream``,
    :mod:`etl.resolved`).

    ``cpu_split``: also count each step's CPU seconds (``LoadReport.cpu``, for ``bench/``).
    ``classify_worker``: may the load classify in a second process while it reads (:mod:`etl.classify_worker`;
    the setting of that name, ``CHAINKG_CLASSIFY_WORKER``). Same result either way."""
    with Spill() as spill, no_cycle_collector():
        return _load(store, paths, spill, ontology or load_ontology(), include_ontology, min_confidence,
                     progress, sheet, dataset, StepClock(cpu_split), classify_worker)


def _read_all(intake: Intake, paths: Iterable[str | Path], report: LoadReport, specs: dict[str, Dataset],
              other: dict[str, list[dict]], sheet: str | None, dataset: Dataset | None) -> None:
    """Every row of every file: enterprise records to ``intake``, the other kinds to ``other``."""
    for path in map(Path, paths):
        report.files.append(path.name)
        spec = dataset or sidecar_spec(path) or sample_spec(path.name)
        spec = specs.setdefault(spec.id, spec.model_copy(deep=True))
        if path.name not in spec.files:
            spec.files.append(path.name)
        for rec in read_records(path, sheet=sheet, notes=True):
            if TITLE_KEY in rec:  # a banner or condition line above the header: only what it says of the export
                report.quarantined += export_facts(spec, rec[TITLE_KEY], path.name, rec["_row"])
                continue
            if NOTE_KEY in rec:  # a title/section/footer line of an export: reported, never a firm
                intake.flush()  # (the rows before it are reported first)
                report.quarantined.append(Quarantine(path.name, rec["_row"], "row", rec[NOTE_KEY], NOTE_REASON,
                                                     level="warning"))
                report.quarantined += export_facts(spec, rec[NOTE_KEY], path.name, rec["_row"])
                continue
            report.rows += 1
            kind = row_kind(rec)
            if kind != "enterprises":
                other[kind].append(rec)
                continue
            if "name" not in rec:
                intake.flush()
                raise InputError("missing required column 企业名称/name", file=path.name)
            intake.add(rec, path.name, spec.id)
        intake.flush()


REPEATED_REASON = ("与本文件第 {first} 行是同一企业，已合并为一家（不重复计数） / the same firm as row {first} of this "
                   "file: merged into one firm (not counted twice)")


def repeated_rows(groups: list[list[int]], names: list[str], files: list[str], rows: list[int]) -> list[Quarantine]:
    """A warning for each row that repeats a firm of an earlier row of the same file (a registry export
    listing a firm twice): merged, so the rows read and the firms loaded add up. The same firm in two
    files is the ordinary case of two lists and says nothing.

    >>> [(q.row, q.reason[:12]) for q in repeated_rows([[0, 2], [1]], ["甲", "乙", "甲"], ["a.csv"] * 3, [2, 3, 4])]
    [(4, '与本文件第 2 行是同一')]
    """
    out = []
    for group in groups:
        if len(group) < 2:  # most firms: one row
            continue
        first: dict[str, int] = {}
        for i in group:
            if files[i] in first and rows[i] >= 0:
                out.append(Quarantine(files[i], rows[i], "row", names[i],
                                      REPEATED_REASON.format(first=first[files[i]]), level="warning"))
            else:
                first.setdefault(files[i], rows[i])
    return out


def _load(store: GraphStore, paths: Iterable[str | Path], spill: Spill, onto: Ontology, include_ontology: bool,
          min_confidence: float, progress: Callable[[int], None] | None, sheet: str | None,
          dataset: Dataset | None, clock: StepClock, classify_worker: bool) -> LoadReport:
    report = LoadReport()
    specs: dict[str, Dataset] = {}
    other: dict[str, list[dict]] = {"holdings": [], "supply": [], "technologies": []}
    # a firm already stored under another id stays one firm (etl.stored)
    intake = Intake(onto, min_confidence, spill, report.quarantined, clock.lap, stored=stored_firms(store),
                    worker=classify_worker)
    try:
        _read_all(intake, paths, report, specs, other, sheet, dataset)
        clock.lap("read")
        intake.finish()  # the classifier worker's answers (etl.classify_worker), if one ran
    except BaseException:
        intake.close()
        raise
    clock.lap("classify")
    names, codes, ids, files, rows = intake.names, intake.codes, intake.ids, intake.files, intake.rows
    places = intake.places
    firms = [_Firm(n, c) for n, c in zip(names, codes)]
    keys = list(map(name_key, names))  # once per record, for conflicts and resolution
    drop, conflicts = find_conflicts(Rows(len(firms), lambda i: (firms[i], files[i], None if rows[i] < 0 else rows[i])),
                                     keys)
    report.quarantined.extend(conflicts)  # same code two names / same name two codes: later row refused
    keep = [i for i in range(len(firms)) if i not in drop] if drop else None
    if keep is not None:
        firms, keys = [firms[i] for i in keep], [keys[i] for i in keep]
    groups = resolve_groups(firms, keys)  # record positions among the kept records …
    del firms, keys
    if keep is not None:  # … as positions among all records (the spill's order)
        groups = [[keep[i] for i in group] for group in groups]
        del keep
    report.quarantined.extend(repeated_rows(groups, names, files, rows))
    del files, rows
    batch = ontology_batch(onto) if include_ontology else Batch()
    firm = _Resolved(groups, ids, names, codes, intake.ent_ds, intake.seg_links, lambda want: _values(spill, want))
    intake_cpu = intake.worker_cpu
    del groups, intake  # (its memos: not needed for the write)
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
    report.technologies = add_technologies(batch, other["technologies"], onto, known_techs, report.quarantined)
    index = FirmIndex(store, firm.identities() if other["holdings"] or other["supply"] else ())
    del names, codes, ids
    report.holdings = add_holdings(last, other["holdings"], index, known_techs, report.quarantined)
    report.supplies = add_supply(last, other["supply"], index, report.quarantined)
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
    if clock.cpu and intake_cpu:
        report.cpu["classify_worker"] = intake_cpu  # another process: not part of this one's steps
    return report


def _values(spill: Spill, want: set[int]) -> dict[int, tuple]:
    """The spilled values of the records at these positions (one pass; none when none are wanted)."""
    if not want:
        return {}
    return {i: v for i, v in enumerate(spill) if i in want}
