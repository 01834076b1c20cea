"""Helpers shared by the benchmarks: run a measurement in a fresh child process, take medians.

Why a child process per run: peak memory (``ru_maxrss``) is a per-process high-water mark, so each
run gets its own clean interpreter (``spawn``, not ``fork``, so nothing of the parent is counted)
and its figure is that run's alone. Timing is wall-clock ``perf_counter`` inside the child.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["ROOT", "timed", "in_child", "median_runs", "fmt_rate", "peak_mb"]

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
    """This process's peak resident memory in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable, *args, **kw) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args, **kw)
    return time.perf_counter() - t, out


def _child(q, fn, args) -> None:
    try:
        q.put(("ok", fn(*args), peak_mb()))
    except BaseException as e:  # report, don't hang the parent
        q.put(("error", repr(e), peak_mb()))


def in_child(fn: Callable, *args) -> tuple[dict, float]:
    """Run ``fn(*args)`` (module-level, returns a dict) in a spawned process → (result, peak MB)."""
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(q, fn, args))
    p.start()
    status, result, peak = q.get()
    p.join()
    if status != "ok":
        raise RuntimeError(f"benchmark child failed: {result}")
    return result, peak


def median_runs(fn: Callable, *args, runs: int = 3) -> dict:
    """``runs`` child runs of ``fn`` (which returns ``{"seconds", "rows", ...}``) → medians + all runs."""
    results = []
    for _ in range(runs):
        r, peak = in_child(fn, *args)
        results.append(r | {"peak_mb": round(peak, 1), "rows_per_s": r["rows"] / r["seconds"]})
    med = {k: statistics.median(r[k] for r in results) for k in ("seconds", "rows_per_s", "peak_mb")}
    return {"rows": results[0]["rows"], **med, "runs": results}


def fmt_rate(name: str, m: dict) -> str:
    per = ", ".join(f"{r['seconds']:.1f}s" for r in m["runs"])
    return (f"{name:<34} rows={m['rows']:>8,}  median {m['seconds']:7.2f} s  {m['rows_per_s']:>9,.0f} rows/s  "
            f"peak {m['peak_mb']:7.1f} MB  (runs: {per})")
