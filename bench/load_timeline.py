"""When each process of ``chainkg load`` is busy: CPU use of the command and of its children,
sampled from ``/proc`` while it runs (docs/log/import-rounds.md, round 8).

Why: the load splits its work between the main process and a forked second process (the
classifier, :mod:`etl.classify_worker`); whether moving work between them pays depends on when
each one works and when one waits for the other, which per-step CPU totals do not show. This runs
the command (``bench/cli_clock.py``, so its phase marks come along), reads ``utime + stime`` of the
main process and of every child every ``--every`` seconds, and prints per time slice how much of
a core each used; the phases (imports, before-load, load, after-load) and the child's life are
marked. Linux only (``/proc``).

    python bench/load_timeline.py FILE [--slice 0.5] [--every 0.02]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK = ROOT / "bench" / "cli_clock.py"
_TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(pid: int) -> float | None:
    """CPU seconds (user + system) of one process, or ``None`` once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime (fields 14, 15 of stat)


def children_of(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def sample(cmd: list[str], env: dict, every: float) -> tuple[list[tuple[float, float, dict[int, float]]], int]:
    """``(t, main CPU s, {child pid: CPU s})`` every ``every`` seconds until the command ends; its exit code."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples, last = [], {}
    while proc.poll() is None:
        main = cpu_of(proc.pid)
        for c in children_of(proc.pid):
            got = cpu_of(c)
            if got is not None:
                last[c] = got
        if main is not None:
            samples.append((time.perf_counter() - t0, main, dict(last)))
        time.sleep(every)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode:
        sys.stderr.write(err)
    return samples, proc.returncode


def table(samples, marks: dict[str, float], width: float) -> list[str]:
    """Per slice of ``width`` seconds: the share of a core the main process and the children used."""
    end = samples[-1][0]
    edges, t = [], 0.0
    for k in ("start", "imports", "before_load", "load"):
        t += marks.get(k, 0.0)
        edges.append((t, k))
    lines = [f"{'from s':>7} {'main %':>7} {'2nd %':>7}  phase"]
    i = 0
    for lo in [x * width for x in range(int(end / width) + 1)]:
        hi = lo + width
        before = samples[i]
        while i + 1 < len(samples) and samples[i + 1][0] <= hi:
            i += 1
        after = samples[i]
        dt = max(after[0] - before[0], 1e-9)
        main = (after[1] - before[1]) / dt
        kids = sum(v - before[2].get(p, 0.0) for p, v in after[2].items()) / dt
        phase = next((k for e, k in edges if lo < e), "after_load")
        lines.append(f"{lo:7.1f} {100 * main:7.0f} {100 * kids:7.0f}  {phase}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--slice", type=float, default=0.5)
    ap.add_argument("--every", type=float, default=0.02)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="chainkg-timeline-") as tmp:
        marks_file = Path(tmp) / "marks"
        env = os.environ | {"CHAINKG_BENCH_T0": repr(time.time()), "CHAINKG_BENCH_MARKS": str(marks_file)}
        cmd = [sys.executable, str(CLOCK), "load", str(args.file), "--store", str(Path(tmp) / "s.db")]
        samples, rc = sample(cmd, env, args.every)
        marks = dict((k, float(v)) for k, v in (m.split("=") for m in marks_file.read_text().split())) \
            if marks_file.exists() else {}
    if rc or len(samples) < 2:
        sys.exit(f"the command failed (exit {rc})" if rc else "the command ended before a second sample")
    main_cpu = samples[-1][1]
    kids = samples[-1][2]
    print(f"wall {samples[-1][0]:.2f} s (to the last sample); main CPU {main_cpu:.2f} s; "
          f"children CPU {sum(kids.values()):.2f} s ({len(kids)} process(es)); marks: "
          + ", ".join(f"{k} {v:.2f}" for k, v in marks.items()))
    print("\n".join(table(samples, marks, args.slice)))


if __name__ == "__main__":
    main()
