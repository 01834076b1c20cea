"""Classification on the second core: a forked process answers a load's distinct classifier inputs
while the loader goes on reading and validating.

Why: a registry export is classified once per distinct (主营产品, 经营范围, …) input — ≈ 9,000 texts
and ≈ 1.3 CPU-s on the 100k export — and nothing else in the load waits for the answers until
every record has been read: links are only needed for resolution. So the inputs go to a second
process as they are first seen, a batch at a time, and the answers come back once, in the order
sent, when the reading is done (:meth:`ClassifyWorker.answers`). The traffic is the distinct
inputs and their matches, not the records (≈ 9,000 short tuples each way).

When: from a single-threaded process where ``fork`` exists (the ``chainkg load`` command; a fork
from a threaded server could copy a lock another thread holds), with ≥ 2 CPUs, unless the
load is told not to (``load_files(classify_worker=False)``: the setting ``classify_worker``,
``CHAINKG_CLASSIFY_WORKER=0``, read once by the command) — on a quiet machine the 100k load's wall time falls ≈ 0.6 s below
its CPU time with it (≈ 0.2 s above without), but where other jobs hold the second core the
loader waits for a starved worker (docs/log/import-rounds.md, round 5). Inputs naming an explicit segment
(所属环节) are never sent: their
errors are quarantine entries of their own rows, decided while the batch is validated.
If the worker fails, the loader classifies the inputs itself (same answers: the classifier is a
function of the input). The answers are the ones :func:`etl.nlp.classify.assign_segments` gives
in the loader's own process (``tests/etl/test_classify_worker.py``).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from itertools import repeat

from etl.nlp.classify import assign_segments
from ontology.loader import Ontology

__all__ = ["ClassifyWorker", "available"]


def available() -> bool:
    """Whether a load may fork a second process here: ≥ 2 CPUs, ``fork``, one thread (see the module doc)."""
    return ((os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def record_of(fields: tuple[str, ...], key: tuple) -> dict:
    """The classifier's view of a record whose classifier fields ``fields`` hold ``key``
    (``None``: absent — the classifier reads a missing field and a ``None`` alike)."""
    return {f: v for f, v in zip(fields, key) if v is not None}


def _serve(conn, onto: Ontology) -> None:
    """The worker: classify every ``(fields, keys)`` message, in the order received; at ``None``,
    send all answers and the CPU seconds it spent. A loader that went away (its end closed) ends
    it quietly.

    Between two inputs it takes in whatever has arrived (``poll``), so the pipe is drained while
    it works: a batch larger than the pipe's buffer (the first batches of the generated 100k export: 272, 201, 149 KB)
    no longer holds the loader in ``send`` until the worker has finished the previous batch — the
    loader goes on reading while the worker catches up (docs/log/import-rounds.md, round 6)."""
    answers: list = []
    todo: deque = deque()  # (fields, key) received, not yet classified
    ended = False
    try:
        while todo or not ended:
            while not ended and (not todo or conn.poll()):  # wait only when idle
                msg = conn.recv()
                if msg is None:
                    ended = True
                else:
                    todo.extend(zip(repeat(msg[0]), msg[1]))
            if todo:
                fields, key = todo.popleft()
                answers.append(assign_segments(record_of(fields, key), onto))
        conn.send((answers, time.process_time()))
    except (EOFError, OSError):
        pass
    finally:
        conn.close()


class ClassifyWorker:
    """One forked classifier process for one load: :meth:`send` inputs, then :meth:`answers`."""

    def __init__(self, onto: Ontology) -> None:
        self.onto = onto
        self._sent: list[tuple[tuple, tuple]] = []  # (fields, key) in the order sent
        self.cpu = 0.0  # CPU seconds of the worker, once answered
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, onto), daemon=True, name="chainkg-classify")
        self._proc.start()
        child.close()

    def send(self, fields: tuple[str, ...], keys: list[tuple]) -> None:
        self._sent.extend((fields, k) for k in keys)
        try:
            self._conn.send((fields, keys))
        except OSError:  # the worker is gone: answers() classifies here
            pass

    def answers(self, fallback: Callable[[dict], list] | None = None) -> list:
        """Every answer, in the order sent; the worker is ended. If it failed, the inputs are
        classified here (``fallback(record)``, default :func:`assign_segments`)."""
        try:
            self._conn.send(None)
            got, self.cpu = self._conn.recv()
        except (OSError, EOFError, ValueError, TypeError):
            got = None
        finally:
            self._conn.close()
            self._proc.join(timeout=5)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join()
        if got is None or len(got) != len(self._sent):
            classify = fallback or (lambda rec: assign_segments(rec, self.onto))
            got = [classify(record_of(f, k)) for f, k in self._sent]
        return got

    def close(self) -> None:
        """End the worker without waiting for answers (a load that failed)."""
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
        self._conn.close()
