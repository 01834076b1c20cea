"""Benchmark: the online write vs the bulk path (``chainkg load --bulk``) into Neo4j, side by side.

Both write the same generated graph (``bench/gen.py``: the ontology, N enterprises, 3N enterprise
relationships) into an empty database of a local Neo4j that this benchmark starts in its own
temporary state dir (the bulk import replaces the database, so it never uses anyone else's):

* online — ``Neo4jStore.write_stream`` of the generated chunks, one transaction, as ``chainkg load``
  writes (``UNWIND … CREATE`` while a label or type was empty when the transaction began, ``MERGE``
  after: graph/store/neo4j_write.py; until 2026-11-30 this was one ``write`` per chunk, so every
  chunk after a label's first went down the ``MERGE`` path);
* bulk — the chunks through :func:`graph.store.neo4j_bulk.bulk_load`: CSV files, server stopped,
  ``neo4j-admin database import full``, server started on the same port, constraints created,
  empty lists set — end to end, until the database answers with the constraints in place.

Rows = nodes + relationships written. Printed per path: median seconds, rows/s and Python peak
memory of ``--runs`` runs (each in its own child process); for the online path the server's CPU
seconds; for the bulk path the split — ``load`` (here the generator; in ``chainkg load --bulk`` the
read, validate, classify, resolve steps, which ``bench/import_speed.py`` splits), ``csv`` (writing
the files), ``count`` (the aggregates' per-firm record), ``apply`` (the aggregates built from it),
``stop``, ``import`` (neo4j-admin alone), ``start``, ``constraints`` (opening the store creates
them), ``fix-up`` (empty lists), ``replays`` — the CPU seconds of this process, the importer and the restarted server (the
machine is shared: CPU seconds say more than wall time there) and the importer's own peak memory
(it runs in a separate JVM). The checksum of the two databases is compared (up to 300k enterprises).

    python bench/bulk.py [--enterprises 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._util import fmt_rate, median_runs, timed  # noqa: E402

CHECKSUM_MAX = 300_000  # reading every node back over Bolt takes minutes beyond this: compared up to it


def _clear(url: str) -> None:
    from graph.store.neo4j_store import Neo4jStore

    s = Neo4jStore.from_url(url)
    s.clear()
    s.close()


def run_online(url: str, n: int, checksum: bool, pid: int) -> dict:
    """One online write of the generated graph into the emptied database (child process)."""
    from bench.gen import generate
    from graph.store.neo4j_store import Neo4jStore

    _clear(url)
    s = Neo4jStore.from_url(url)

    def write() -> int:
        return s.write_stream(generate(n, 3 * n, seed=7))

    cpu0, py0 = _jvm_cpu(pid), time.process_time()
    seconds, rows = timed(write)
    cpu = {"python": time.process_time() - py0, "server": _jvm_cpu(pid) - cpu0}
    checksum = s.checksum() if checksum and n <= CHECKSUM_MAX else None
    s.close()
    return {"seconds": seconds, "rows": rows, "checksum": checksum, "cpu": cpu}


def run_bulk(state_dir: str, url: str, n: int, checksum: bool = True) -> dict:
    """One bulk load of the same graph into the emptied database (child process)."""
    from bench.gen import generate
    from graph.store.neo4j_bulk import bulk_load
    from graph.store.neo4j_store import Neo4jStore

    _clear(url)
    py0 = time.process_time()
    seconds, (rows, res) = timed(bulk_load, state_dir, url,
                                 lambda sink: sum(sink.write(b) for b in generate(n, 3 * n, seed=7)))
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the importer: this process's only waited-for child
    cpu = {"python": time.process_time() - py0, "importer": kids.ru_utime + kids.ru_stime,
           "server": _jvm_cpu(res.info.pid)}  # the restarted server: start-up, constraints, fix-up
    log = (Path(state_dir) / "neo4j" / "logs" / "import.log").read_text(errors="replace")
    jvm = re.findall(r"Peak memory usage: ([\d.]+\s*\w+)", log)
    s = Neo4jStore.from_url(res.info.url)
    checksum = s.checksum() if checksum and n <= CHECKSUM_MAX else None
    s.close()
    return {"seconds": seconds, "rows": rows, "split": res.seconds, "importer_peak": jvm[-1] if jvm else "?",
            "replayed": res.replayed,
            "checksum": checksum, "cpu": cpu}


def _jvm_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used, from /proc."""
    f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def _medians(m: dict, key: str) -> dict:
    """Per part of ``key`` (``cpu``, ``split``) of every run: its median over the runs."""
    runs = m["runs"]
    return {k: statistics.median(r[key][k] for r in runs) for k in runs[0][key]}


def _print_cpu(path: str, m: dict) -> None:
    print(f"  {path} CPU (median s): " + ", ".join(f"{k} {v:.1f}" for k, v in _medians(m, "cpu").items())
          + f"; load average {os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", choices=("online", "bulk"), help="run one path only")
    args = ap.parse_args()
    from graph.server import neo4j_server

    state = tempfile.mkdtemp(prefix="chainkg-bench-bulk-")
    info = neo4j_server.start(state, timeout=300)
    try:
        n = args.enterprises
        cfg = neo4j_server.server_config(state)
        print(f"generated: {n:,} enterprises, {3 * n:,} enterprise relationships, runs={args.runs} "
              f"(local Neo4j 5.26, heap {cfg.get('server.memory.heap.max_size')}, page cache "
              f"{cfg.get('server.memory.pagecache.size')}, transaction state "
              f"{cfg.get('db.tx_state.memory_allocation', 'ON_HEAP')})", flush=True)
        sums = {}
        if args.only != "bulk":
            on = median_runs(run_online, info.url, n, not args.only, info.pid, runs=args.runs)
            sums["online"] = on["runs"][0]["checksum"]
            print(fmt_rate(f"online  (UNWIND CREATE/MERGE) {n // 1000}k", on), flush=True)
            _print_cpu("online", on)
        if args.only != "online":
            bu = median_runs(run_bulk, state, info.url, n, not args.only, runs=args.runs)
            sums["bulk"] = bu["runs"][0]["checksum"]
            print(fmt_rate(f"bulk    (neo4j-admin)  {n // 1000}k", bu), flush=True)
            split = _medians(bu, "split")
            print("  bulk split (median s): " + ", ".join(f"{k} {v:.1f}" for k, v in split.items())
                  + f"; importer JVM peak {bu['runs'][0]['importer_peak']}; rows replayed online "
                  f"{bu['runs'][0]['replayed']:,} (repeated pairs, e.g. a firm's two IN_SEGMENT to one leaf)")
            print(f"  rows/s of each step alone: csv {bu['rows'] / max(split['csv'], 1e-9):,.0f}, "
                  f"importer {bu['rows'] / max(split['import'], 1e-9):,.0f}; the server's stop + start "
                  f"{split['stop'] + split['start']:.1f} s; the generator ('load') is the bench's, not the bulk path's")
            _print_cpu("bulk", bu)
            if "online" in sums:
                print(f"  bulk/online speed-up: {bu['rows_per_s'] / on['rows_per_s']:.1f}x")
            print(f"  targets: >= 200,000 rows/s end to end: {'met' if bu['rows_per_s'] >= 200_000 else 'MISSED'}; "
                  f"Python peak <= 1024 MB: {'met' if bu['peak_mb'] <= 1024 else 'MISSED'} ({bu['peak_mb']:.0f} MB)")
        if len(sums) == 2 and None not in sums.values():
            print(f"  checksums {'agree' if sums['online'] == sums['bulk'] else 'DIFFER'}: {sums['bulk'][:16]}…")
    finally:
        neo4j_server.stop(state)
        shutil.rmtree(state, ignore_errors=True)  # the database of a 1M run is over 1 GB


if __name__ == "__main__":
    main()
