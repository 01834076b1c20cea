"""The firms' stored JSON text made on the second core while the main process writes.

Why: after the last record is read, a load's main process makes each chunk's rows, and the store
serialises them and writes them (SQL, aggregates) — ≈ 2/3 of a 100k load — while the second
core, idle since classification ended, waits (docs/import.md, round 8: the timeline). Of that
work the firms' JSON text (a map made from each firm's tuple, then ``orjson``) is a function of
the chunk alone, ≈ 0.65 CPU-s per 100k firms, and its result is small to hand over (the texts:
≈ 0.12 CPU-s to unpickle per 100k). So a process forked when the write starts makes the same
chunks (``Resolved.chunks`` over the same spill: a fork has the loader's state, and the spill is
read with positional reads) and sends each chunk's texts, made by the store's own
:meth:`~graph.store.port.TupleRows.made_texts`, in order; the main process attaches them to the chunk
(``TupleRows.texts``) and the SQLite store writes them as they are — the same bytes it would have
made (``tests/etl/test_text_worker.py``).

The main process waits at most :data:`WAIT` for a worker that is behind (a busy machine), then ends
it and makes the texts itself, as without a worker. The transaction stays the main process's; the worker writes
nothing. If it dies, the load fails
(:class:`~ontology.errors.StoreError`, the transaction rolled back, the worker's end closed), like
any other error of the write. Only with ≥ 2 CPUs, ``fork``, a single thread, a store that takes
the texts and more than one chunk of firms (one chunk leaves nothing to overlap); switched off
by the setting ``text_worker`` (``CHAINKG_TEXT_WORKER=0``).
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable

from etl.classify_worker import available
from graph.store.port import Batch
from ontology.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - no fcntl (Windows): no fork either, so no worker
    fcntl = None

__all__ = ["TextWorker", "available"]

LABEL = "Enterprise"
#: how long the main process waits for a chunk's texts before it ends a worker that is behind
WAIT = 0.25


def _serve(conn, chunks: Callable[[], Iterable[Batch]]) -> None:
    """The worker: the Enterprise texts of every chunk but the first, in order; then ``None`` and the
    CPU seconds it spent."""
    try:
        for i, batch in enumerate(chunks()):
            if i == 0:  # the main process makes these while this one makes the next chunk's
                continue
            rows = batch.nodes.get(LABEL)
            conn.send(rows.made_texts() if rows else [])
        conn.send((None, time.process_time()))
    except (BrokenPipeError, EOFError, OSError):  # the loader went away (it failed or ended)
        pass
    finally:
        conn.close()


def _widen(conn) -> None:
    """A pipe of up to 1 MiB where Linux allows it (64 KiB by default): a chunk's texts (≈ 5 MB) then
    pass in a few reads, not ≈ 80 that each wait for the other process to run."""
    try:
        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (AttributeError, OSError):  # not Linux, or above /proc/sys/fs/pipe-max-size: the default
        pass


class TextWorker:
    """One forked process for one load's write: :meth:`attach` texts to each chunk, then :meth:`finish`.

    ``chunks()``: the chunks the main process writes, made the same way in the worker. The main
    process makes the first chunk's texts itself (the worker starts on the second, so it is a chunk
    ahead from then on); if an answer is not there within :data:`WAIT` seconds (other jobs hold the
    second core), the worker is ended and the store makes the remaining texts — the same, as without
    a worker (:attr:`made` counts the chunks written with the worker's texts)."""

    def __init__(self, chunks: Callable[[], Iterable[Batch]]) -> None:
        self.cpu: float | None = None  # CPU seconds of the worker, once finished
        self.made = 0                  # chunks written with the worker's texts
        self._seen = 0                 # chunks attached so far
        self.waited = 0.0              # wall seconds the main process waited for (and took in) the texts
        self.gave_up = False
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe(duplex=False)
        _widen(child)
        self._proc = ctx.Process(target=_serve, args=(child, chunks), daemon=True, name="chainkg-text")
        self._proc.start()
        child.close()

    def _recv(self):
        try:
            return self._conn.recv()
        except (EOFError, OSError) as e:
            code = self._proc.exitcode if not self._proc.is_alive() else None
            raise StoreError(f"the load's second process (firm texts) ended before its work was done "
                             f"(exit code {code}); nothing was written") from e

    def attach(self, batch: Batch) -> Batch:
        """``batch`` with its Enterprise rows' texts when the worker has them (else as it is)."""
        self._seen += 1
        if self._seen == 1 or self.gave_up:
            return batch
        t = time.perf_counter()
        if not self._conn.poll(WAIT):  # (a worker that died reads as ready: its error is raised)
            self.gave_up = True
            self.close()
            self.waited += time.perf_counter() - t
            return batch
        texts = self._recv()
        self.waited += time.perf_counter() - t
        rows = batch.nodes.get(LABEL)
        n = len(rows) if rows is not None else 0
        if type(texts) is not list or len(texts) != n:
            raise StoreError(f"the load's second process sent {len(texts) if type(texts) is list else texts!r} "
                             f"texts for a chunk of {n} firms; nothing was written")
        if n:
            rows.texts = texts
        self.made += 1
        return batch

    def finish(self) -> None:
        """After the last chunk: the worker's end and its CPU seconds."""
        if self.gave_up:
            return
        end = self._recv()
        if type(end) is not tuple or end[0] is not None:
            raise StoreError("the load's second process sent more chunks than the load wrote")
        self.cpu = end[1]
        self._conn.close()
        self._proc.join(timeout=5)
        self.close()

    def close(self) -> None:
        """End the worker now (a load that failed: it may still be working)."""
        self._conn.close()
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
