"""Load public listed-company data — ChainKnowledgeGraph directories and Tushare dumps — atomically.

What: :func:`load_public` finds the known files among ``paths`` (files or directories, see
:func:`etl.public.readers.discover`), builds ONE batch with the ontology (so IN_SEGMENT links have
their segments) and the data of the format (:mod:`etl.public.chainkg`, :mod:`etl.public.tushare`),
and writes it with ONE ``store.write``: a load lands whole or not at all, and loading the same
files again gives the same counts and checksum (MERGE on ids, no timestamps, deterministic order).
Rows that cannot be used go to ``report.quarantined`` with file, row, field and reason.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> load_public(SQLiteStore(":memory:"), [], fmt="tushare", ontology=load_ontology())
Traceback (most recent call last):
...
ontology.errors.InputError: (no files): the tushare format needs stock_basic.json (names); stock_company.json is optional
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ontology.errors import InputError
from etl.bundle import ontology_batch
from etl.dataset import dataset_id
from etl.loader import MIN_CONFIDENCE, LoadReport
from etl.public.chainkg import build_chainkg
from etl.public.readers import discover
from etl.public.tushare import build_tushare
from etl.stored import stored_firms
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology, load_ontology
from ontology.models import Dataset

__all__ = ["load_public", "build_public", "PublicLoadReport", "FORMATS"]

FORMATS = ("chainkg", "tushare")


@dataclass
class PublicLoadReport(LoadReport):
    """:class:`etl.loader.LoadReport` plus the product/industry side of the public data."""

    products: int = 0
    industries: int = 0
    relations: dict[str, int] = field(default_factory=dict)  # rel type -> count (MAKES, UPSTREAM_OF, …)

    def summary(self) -> str:
        extra = " ".join(f"{k.lower()}={v}" for k, v in sorted(self.relations.items()))
        return f"{super().summary()} products={self.products} industries={self.industries} {extra}".rstrip()


def build_public(store: GraphStore, paths: Iterable[str | Path], *, fmt: str, ontology: Ontology | None = None,
                 min_confidence: float = MIN_CONFIDENCE, include_ontology: bool = True
                 ) -> tuple[Batch, PublicLoadReport]:
    """The batch :func:`load_public` would write, and its report (nothing is written)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown public format {fmt!r} (expected {' or '.join(FORMATS)})", field="format")
    onto = ontology or load_ontology()
    files = discover(paths)
    report = PublicLoadReport(files=[p.name for p in files.values()])
    batch = ontology_batch(onto) if include_ontology else Batch()
    if fmt == "chainkg":
        build_chainkg(files, store, onto, batch, report, min_confidence)
    else:
        build_tushare(files, onto, batch, report, min_confidence, known=stored_firms(store, whole=True))
    _record_dataset(batch, report, fmt)
    return batch, report


#: the 口径 of each public format: all A-share listed firms (a census of listed firms, nationwide)
_DATASETS = {
    "tushare": Dataset(id=dataset_id("Tushare A股上市公司"), name="Tushare A股上市公司", population="上市公司",
                       region="全国", as_of="2024-05", census=True, source="Tushare Pro stock_basic/stock_company"),
    "chainkg": Dataset(id=dataset_id("ChainKnowledgeGraph A股上市公司"), name="ChainKnowledgeGraph A股上市公司",
                       population="上市公司", region="全国", as_of="2021", census=False,
                       source="ChainKnowledgeGraph (刘焕勇, A股年报抽取, 2021)"),
}


def _record_dataset(batch: Batch, report: PublicLoadReport, fmt: str) -> None:
    """Record the load's dataset and link every enterprise of the batch to it."""
    ds = _DATASETS[fmt].model_copy(update={"files": list(report.files)})
    ids = [e["id"] for e in batch.nodes.get("Enterprise", [])]
    ds.firms = len(set(ids))
    batch.node("Dataset", ds.props())
    for eid in dict.fromkeys(ids):
        batch.rel("IN_DATASET", eid, ds.id)
    report.datasets.append(ds.props())


def load_public(store: GraphStore, paths: Iterable[str | Path], *, fmt: str, ontology: Ontology | None = None,
                progress: Callable[[int], None] | None = None, min_confidence: float = MIN_CONFIDENCE,
                include_ontology: bool = True) -> PublicLoadReport:
    """Load ``paths`` of format ``fmt`` (``chainkg`` or ``tushare``) in one transaction; return the report."""
    batch, report = build_public(store, paths, fmt=fmt, ontology=ontology, min_confidence=min_confidence,
                                 include_ontology=include_ontology)
    report.written = store.write(batch, progress=progress)
    return report
