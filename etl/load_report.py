"""What a load reports (:class:`LoadReport`) and how its time is split into steps (:class:`StepClock`).

>>> clock = StepClock()
>>> clock.lap("read"); sorted(clock.seconds) == sorted(STEPS), clock.cpu
(True, {})
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from time import perf_counter, process_time

from etl.quarantine import Quarantine

__all__ = ["LoadReport", "StepClock", "STEPS", "no_cycle_collector"]

#: the import steps ``LoadReport.seconds`` splits the time into
STEPS = ("read", "validate", "classify", "resolve", "write")


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


class StepClock:
    """Seconds per import step (read, validate, classify, resolve, write), wall and CPU, for the
    bench's split (CPU: on a shared machine the wall clock measures the other jobs as much)."""

    def __init__(self, cpu: bool = False) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STEPS, 0.0)
        self.cpu: dict[str, float] = dict.fromkeys(STEPS, 0.0) if cpu else {}
        self._t, self._c = perf_counter(), process_time()
        if cpu:  # reading the CPU clock is a system call: only when asked
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


@contextmanager
def no_cycle_collector():
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
