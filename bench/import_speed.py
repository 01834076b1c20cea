"""Benchmark [7/7]: import speed, before vs after, as a user sees it and step by step.

What it runs, on one generated registry export (``bench/gen.py``: 经营范围 + 主营产品, no 所属环节
column, so every row is classified), each run a fresh process on a fresh store, medians of
``--runs``:

* **CLI** — ``chainkg load FILE --store …`` timed from the outside (process start, imports,
  ontology, read, validate, classify, resolve, write, exit): enterprises/s and peak RSS; since round 6
  run through ``bench/cli_clock.py`` (the console script with a clock), which splits the wall time into
  start, imports, before-load, load (``load_files``) and after-load;
* **split** — ``load_files`` in a child process: seconds per step (read, validate, classify,
  resolve, write), rows/s (rows = nodes + relationships written) and peak RSS, into the embedded
  store and, with ``CHAINKG_NEO4J_URL``, into Neo4j;
* the store's checksum after each load, and (SQLite) a hash of its stored aggregates and one of
  its stored rows as text (props JSON as written, meta, schema): before and after must agree;
* where the loader offers it (``load_files(cpu_split=True)``), CPU seconds per step, and inside
  the SQLite write its ``write_split``: SQL, JSON, aggregates; since round 5 also the CPU seconds of
  the classifier's second process (``etl.classify_worker``; the CLI's user + sys include it);
* **quarantine** — a messy copy of the first 20,000 rows (every 7th row given a refused or unusual
  value from :data:`MESSY`) loaded by each version: a hash of every quarantine entry (file, row,
  field, value, reason, level, in order) and the checksum must agree before/after.

Wall-clock figures on the shared 2-core machine swing with the other jobs; the CPU seconds
(user + system) printed next to them are the steadier measure of the work done. Since round 6 the
versions' runs take turns (before, after, before, …).

"Before" is another checkout run with ``PYTHONPATH`` pointing there — this round, main before the
streaming write (``mkdir /tmp/before-imports && git archive 12f3328 | tar -x -C /tmp/before-imports``;
round 6's: ``git archive e665da2`` into /tmp/before-speed9;
round 3's: main at 1fd12c6; the first round's was 0ebc3a3, whose loader had no clock: its split then comes from timing wrappers
around its step functions); "after" reports ``LoadReport.seconds``. Since the streaming write,
making a chunk's rows counts as *resolve* and only the store's own work as *write* (before, the
rows were made inside the one ``write`` call and counted there).

    python bench/import_speed.py [--enterprises 100000] [--runs 3] [--before /tmp/before-imports]
    python bench/import_speed.py --memory 1000000      # peak RSS of one 1M-enterprise load, before and after
    python bench/import_speed.py --only sqlite --shuffle  # rows in random order, as a real export (round 7)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("chainkg")
CLOCK = ROOT / "bench" / "cli_clock.py"  # the console script with a clock (its doc)
CLI_SPLIT = ("start", "imports", "before_load", "load", "after_load")
STEPS = ("read", "validate", "classify", "resolve", "write")


# --------------------------------------------------------------------------- child side

def _wrap_before(loader, clock: dict) -> None:
    """Timing wrappers around the old loader's step functions (its own names, its own module)."""

    def timed(step, fn):
        def inner(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                clock[step] += time.perf_counter() - t
        return inner

    read = loader.read_records

    def read_records(*a, **k):
        t = time.perf_counter()
        it = read(*a, **k)
        clock["read"] += time.perf_counter() - t
        while True:
            t = time.perf_counter()
            try:
                rec = next(it)
            except StopIteration:
                clock["read"] += time.perf_counter() - t
                return
            clock["read"] += time.perf_counter() - t
            yield rec

    loader.read_records = read_records
    loader.validate_enterprise = timed("validate", loader.validate_enterprise)
    loader.assign_segments = timed("classify", loader.assign_segments)


def child(store_url: str, path: str) -> None:
    """One ``load_files`` into a fresh store; prints one JSON line (runs under either checkout)."""
    import resource

    t0 = time.perf_counter()
    from etl import loader
    from graph.store.open import open_store

    if not store_url.startswith("neo4j") and Path(store_url).exists():
        Path(store_url).unlink()
    store = open_store(store_url)
    store.clear()
    clock = dict.fromkeys(STEPS, 0.0)
    builtin = hasattr(loader, "STEPS")
    if not builtin:
        _wrap_before(loader, clock)
        write = store.write

        def timed_write(*a, **k):
            t = time.perf_counter()
            try:
                return write(*a, **k)
            finally:
                clock["write"] += time.perf_counter() - t
        store.write = timed_write
    from ontology.loader import load_ontology

    onto = load_ontology()  # outside the timing for both versions (the CLI figures include it)
    import inspect

    split = {"cpu_split": True} if "cpu_split" in inspect.signature(loader.load_files).parameters else {}
    t, cpu = time.perf_counter(), time.process_time()
    report = loader.load_files(store, [path], ontology=onto, **split)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    if builtin:
        clock = dict(report.seconds)
    else:  # conflicts, resolution, overrides and building the batch: what the wrappers did not see
        clock["resolve"] = seconds - sum(v for k, v in clock.items() if k != "resolve")
    checksum = store.checksum()
    aggregates = _aggregates_hash(store)
    stored = _stored_text_hash(store)
    quarantine = _quarantine_hash(report.quarantined)
    store.close()
    print(json.dumps({"seconds": seconds, "rows": report.written, "enterprises": report.enterprises,
                      "steps": clock, "checksum": checksum, "cpu": cpu, "startup": t - t0,
                      "cpu_steps": getattr(report, "cpu", {}), "write_split": getattr(store, "write_split", {}),
                      "aggregates": aggregates, "stored": stored, "quarantine": quarantine, "quarantined": len(report.quarantined),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "peak_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def _aggregates_hash(store) -> str:
    """SHA-256 of the stored per-segment aggregates (SQLite: not part of ``checksum()``, which
    covers nodes and relationships), so a faster write that moved them differently shows."""
    import hashlib

    db = getattr(store, "_db", None)
    if db is None:
        return "-"
    row = db.execute("SELECT value FROM meta WHERE key = 'aggregates'").fetchone()
    return hashlib.sha256(row[0].encode()).hexdigest() if row else "-"


def _stored_text_hash(store) -> str:
    """SQLite: SHA-256 of every stored row as text (props JSON as written, key order included), the
    meta table and the schema — ``checksum()`` is canonical (sorted keys), so a write that changed
    the stored text, e.g. its key order, or an index would not show there."""
    import hashlib

    db = getattr(store, "_db", None)
    if db is None:
        return "-"
    h = hashlib.sha256()
    for q in ("SELECT label, id, props FROM nodes ORDER BY label, id", "SELECT type, src, dst, props FROM rels "
              "ORDER BY type, src, dst", "SELECT key, value FROM meta ORDER BY key",
              "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"):
        for row in db.execute(q):
            h.update(repr(row).encode())
    return h.hexdigest()


def _quarantine_hash(entries) -> str:
    """SHA-256 of every quarantine entry (file, row, field, value, reason, level), in order."""
    import hashlib

    h = hashlib.sha256()
    for q in entries:
        h.update(repr((q.file, q.row, q.field, q.value, q.reason, getattr(q, "level", "error"))).encode())
    return h.hexdigest()


# --------------------------------------------------------------------------- parent side

#: (column, bad or unusual value) cycled over the rows of the messy file: refused values, values
#: the fast shape checks do not take (they go through the normalisers), blanks
MESSY = [("统一社会信用代码", "91331081MA2AAAAA19"), ("企业名称", "=HYPERLINK(\"x\")"), ("营业收入(万元)", "很多"),
         ("成立日期", "2019-02-30"), ("从业人员", "-3"), ("所属区县", "火星县"), ("是否本地", "也许"),
         ("工业总产值(万元)", "3亿元"), ("成立日期", "2019/3/4"), ("企业名称", "台州 示例(集团)有限公司"),
         ("统一社会信用代码", ""), ("营业收入(万元)", ""), ("企业名称", "无"), ("从业人员", "1,200人"),
         ("统一社会信用代码", "91331081ma2aaaaa10"), ("主营产品", "=cmd|x")]


def write_messy(path: Path, clean: Path, every: int = 7) -> Path:
    """The first rows of ``clean`` with one value of every ``every``-th row from :data:`MESSY`."""
    import csv

    with clean.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[:20_001]
    header = rows[0]
    for k, row in enumerate(rows[1:]):
        if k % every == 0:
            col, value = MESSY[(k // every) % len(MESSY)]
            row[header.index(col)] = value
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def shuffle_rows(path: Path, seed: int = 7) -> None:
    """The data rows of a generated CSV (one record a line, no quoted newlines) in a seeded random
    order, header first: firms no longer arrive in ascending credit-code order, as in a real export."""
    import random

    head, *rows = path.read_text(encoding="utf-8-sig").splitlines()
    random.Random(seed).shuffle(rows)
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8-sig")


def quarantine_check(versions, path: Path, tmp: Path) -> None:
    """Load a messy copy of the export with each version: stored checksum and every quarantine entry."""
    messy = write_messy(tmp / "messy.csv", path)
    runs = {v: run_split(code, str(tmp / "messy.db"), messy) for v, code in versions}
    last = runs[versions[-1][0]]

    def same(key: str) -> str:
        found = {r.get(key, "-") for r in runs.values()}
        return (f"{'identical before/after' if len(found) == 1 else 'DIFFER: ' + ', '.join(sorted(found))} "
                f"({next(iter(found))[:16]}…)")

    print(f"messy copy, {sum(1 for _ in messy.open(encoding='utf-8-sig')) - 1:,} rows (every 7th with a bad or unusual value):")
    print(f"  {last['quarantined']:,} quarantine entries (file, row, field, value, reason, level) {same('quarantine')}")
    print(f"  stored rows, meta and schema as text {same('stored')}")
    print(f"  rows written {last['rows']:,}; checksum {same('checksum')}", flush=True)


def _env(code: Path) -> dict:
    return os.environ | {"PYTHONPATH": str(code)}


def run_split(code: Path, store_url: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", store_url, str(path)],
                         env=_env(code), capture_output=True, text=True, check=False)
    if out.returncode:
        raise RuntimeError(f"child failed ({code}): {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_cli(code: Path, path: Path, tmp: Path) -> dict:
    """``chainkg load`` as a user runs it, timed from outside; peak RSS from /usr/bin/time; the wall
    split (start, imports, before-load, load, after-load) from ``bench/cli_clock.py``, the console
    script's own two lines with a clock."""
    db, stats, marks = tmp / "cli.db", tmp / "time.txt", tmp / "marks.txt"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), marks):
        p.unlink(missing_ok=True)
    cmd = ["/usr/bin/time", "-f", "%U %S %M", "-o", str(stats), sys.executable, str(CLOCK), "load", str(path),
           "--store", str(db), "--quarantine", str(tmp / "q.csv")]
    t, t0 = time.perf_counter(), time.time()
    out = subprocess.run(cmd, env=_env(code) | {"CHAINKG_BENCH_T0": repr(t0), "CHAINKG_BENCH_MARKS": str(marks)},
                         capture_output=True, text=True, check=False)
    seconds, end = time.perf_counter() - t, time.time()
    if out.returncode:
        raise RuntimeError(f"chainkg load failed ({code}): {out.stderr[-2000:]}")
    user, system, peak = stats.read_text().split()[-3:]
    split = {k: float(v) for k, v in (kv.split("=") for kv in marks.read_text().split())}
    split.setdefault("load", 0.0)
    split["after_load"] = (end - t0) - sum(split.values())
    return {"seconds": seconds, "cpu": float(user) + float(system), "peak_mb": int(peak) / 1024, "split": split}


def run_help(code: Path) -> float:
    t = time.perf_counter()
    subprocess.run([str(CLI), "--help"], env=_env(code), capture_output=True, check=True)
    return time.perf_counter() - t


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _median_of(runs: list[dict], key: str, part: str) -> str:
    """Median of ``run[key][part]``; ``-`` where the version does not report it."""
    vals = [r.get(key, {}).get(part) for r in runs]
    return "-" if None in vals else f"{statistics.median(vals):.2f}"


def _row(label: str, cols: list[str]) -> str:
    return f"{label:<28}" + "".join(f"{c:>22}" for c in cols)


def compare(args, path: Path, tmp: Path) -> None:
    versions = [("before", args.before), ("after", ROOT)] if args.before.is_dir() else [("after", ROOT)]
    if len(versions) == 1:
        print(f"(before skipped: {args.before} missing; see the module doc)")
    print(_row("", [v for v, _ in versions]))
    parts = set(args.only.split(","))
    if "cli" in parts:
        cli_runs(args, versions, path, tmp)
    stores = [("sqlite", str(tmp / "split.db"), 100_000)] if "sqlite" in parts else []
    if "neo4j" in parts and os.environ.get("CHAINKG_NEO4J_URL"):
        stores.append(("neo4j", os.environ["CHAINKG_NEO4J_URL"], 50_000))
    elif "neo4j" in parts:
        print("(Neo4j skipped: set CHAINKG_NEO4J_URL)")
    for kind, url, target in stores:
        split_runs(args, versions, kind, url, target, path)
    if "quarantine" in parts:
        quarantine_check(versions, path, tmp)


def _interleaved(versions, runs: int, fn) -> dict[str, list]:
    """``fn(code)`` ``runs`` times for each version, the versions taking turns (before, after, before…),
    so a change in the shared machine's load falls on both columns alike."""
    out: dict[str, list] = {v: [] for v, _ in versions}
    for _ in range(runs):
        for v, code in versions:
            out[v].append(fn(code))
    return out


def cli_runs(args, versions, path: Path, tmp: Path) -> None:
    n = args.enterprises
    helps = {v: statistics.median(r) for v, r in _interleaved(versions, args.runs, run_help).items()}
    print(_row("chainkg --help  s", [f"{helps[v]:.2f}" for v, _ in versions]), flush=True)
    cli = _interleaved(versions, args.runs, lambda code: run_cli(code, path, tmp))
    print(_row(f"chainkg load {n // 1000}k  s", [f"{_median(cli[v], 'seconds'):.2f}" for v, _ in versions]))
    print(_row("  enterprises/s (≥ 40,000)", [f"{n / _median(cli[v], 'seconds'):,.0f}" for v, _ in versions]))
    print(_row("  CPU s (user + sys)", [f"{_median(cli[v], 'cpu'):.2f}" for v, _ in versions]))
    print(_row("  peak RSS MB", [f"{_median(cli[v], 'peak_mb'):.0f}" for v, _ in versions]))
    for part in CLI_SPLIT:  # wall seconds of each part of the command (bench/cli_clock.py)
        print(_row(f"  {part.replace('_', '-')}  s", [_median_of(cli[v], "split", part) for v, _ in versions]))
    print(_row("  outside load_files  s", [f"{statistics.median(r['seconds'] - r['split']['load'] for r in cli[v]):.2f}"
                                           for v, _ in versions]), flush=True)


def split_runs(args, versions, kind: str, url: str, target: int, path: Path) -> None:
    runs = _interleaved(versions, args.runs, lambda code: run_split(code, url, path))
    print(_row(f"load_files → {kind}  s", [f"{_median(runs[v], 'seconds'):.2f}" for v, _ in versions]))
    for step in STEPS:
        print(_row(f"  {step}  s", [f"{statistics.median(r['steps'][step] for r in runs[v]):.2f}"
                                    for v, _ in versions]))
    print(_row("  CPU s of the load", [f"{_median(runs[v], 'cpu'):.2f}" for v, _ in versions]))
    for step in STEPS:  # CPU seconds per step, where the loader counts them (cpu_split)
        print(_row(f"    {step}  CPU s", [_median_of(runs[v], "cpu_steps", step) for v, _ in versions]))
        if step == "write":
            for part in ("sql", "json", "aggregates"):
                print(_row(f"      {part}  CPU s", [_median_of(runs[v], "write_split", part) for v, _ in versions]))
    # classification in a second process (etl.classify_worker): its CPU is not this process's
    print(_row("    classify, 2nd process CPU s", [_median_of(runs[v], "cpu_steps", "classify_worker")
                                                   for v, _ in versions]))
    print(_row(f"  rows/s (≥ {target:,})", [f"{runs[v][0]['rows'] / _median(runs[v], 'seconds'):,.0f}"
                                            for v, _ in versions]))
    print(_row("  peak RSS MB", [f"{_median(runs[v], 'peak_mb'):.0f}" for v, _ in versions]))
    print(_row("  peak RSS MB, 2nd process", [f"{_median(runs[v], 'peak_children_mb'):.0f}" if runs[v][0].get(
        "cpu_steps", {}).get("classify_worker") else "-" for v, _ in versions]))
    for key, what in (("aggregates", "stored aggregates"), ("stored", "stored rows, meta and schema as text")):
        found = {runs[v][0].get(key, "-") for v, _ in versions}
        print(f"  {what} {'identical before/after' if len(found) == 1 else 'DIFFER: ' + ', '.join(sorted(found))} "
              f"({next(iter(found))[:16]}…)")
    sums = {runs[v][0]["checksum"] for v, _ in versions}
    print(f"  rows written {runs[versions[-1][0]][0]['rows']:,}; checksum "
          f"{'identical before/after' if len(sums) == 1 else 'DIFFERS: ' + ', '.join(sorted(sums))} "
          f"({next(iter(sums))[:16]}…)", flush=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    sys.path.insert(0, str(ROOT))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--before", type=Path, default=Path("/tmp/before-imports"))
    ap.add_argument("--only", default="cli,sqlite,neo4j,quarantine", help="parts to run: cli, sqlite, neo4j, quarantine (comma list)")
    ap.add_argument("--memory", type=int, default=0, help="only: peak RSS of one load of this many enterprises")
    ap.add_argument("--after-only", action="store_true", help="with --memory: skip the before checkout")
    ap.add_argument("--shuffle", action="store_true", help="rows in a seeded random order (the generated "
                    "file's credit codes ascend row by row; a real export's do not)")
    args = ap.parse_args()
    from bench.gen import write_enterprises_csv

    tmp = Path(tempfile.mkdtemp(prefix="chainkg-import-"))
    n = args.memory or args.enterprises
    path = write_enterprises_csv(tmp / f"registry-{n}.csv", n, seed=42, explicit_segments=False)
    if args.shuffle:
        shuffle_rows(path)
    print(f"cpus={os.cpu_count()}  runs={args.runs}  file={n:,} enterprises ({path.stat().st_size / 1e6:.0f} MB, "
          f"经营范围 + 主营产品, no 所属环节{', rows shuffled' if args.shuffle else ''})", flush=True)
    if args.memory:
        versions = ([("before", args.before)] if args.before.is_dir() and not args.after_only else []) + [("after", ROOT)]
        for version, code in versions:
            r = run_split(code, str(tmp / "mem.db"), path)
            print(f"{version}: load_files → sqlite: {r['seconds']:.1f} s, CPU {r['cpu']:.1f} s, {r['rows']:,} rows, "
                  f"peak RSS {r['peak_mb']:.0f} MB (target ≤ 1024 MB)"
                  + (f", 2nd process {r['peak_children_mb']:.0f} MB" if r.get("cpu_steps", {}).get("classify_worker")
                     else "") + f"; checksum {r['checksum'][:16]}…; steps: "
                  + ", ".join(f"{k} {v:.1f}s" for k, v in r["steps"].items()), flush=True)
    else:
        compare(args, path, tmp)
    for p in tmp.iterdir():
        p.unlink()
    tmp.rmdir()


if __name__ == "__main__":
    main()
