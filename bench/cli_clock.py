"""``chainkg`` with a clock: the console script's own two lines (``from chainkg.cli import app``;
``sys.exit(app())``) plus wall-clock marks, so the bench can split what a user waits for.

Run by ``bench/import_speed.py`` in place of the ``chainkg`` script, under either checkout
(``PYTHONPATH``); it imports nothing of its own but ``os``, ``sys`` and ``time`` (already loaded by
the interpreter), so the figures are the command's. The parent passes ``CHAINKG_BENCH_T0`` (its
``time.time()`` just before starting the process) and ``CHAINKG_BENCH_MARKS`` (a file); this writes
``start imports before_load load`` there as it learns them, all seconds:

* ``start`` — process start to this module's first line (interpreter, ``site``);
* ``imports`` — ``from chainkg.cli import app``;
* ``before_load`` — from there to the store's load call (argument parsing, settings, opening the
  store, the ontology, ``ChainKG``);
* ``load`` — ``chainkg.service.load_files`` (read, validate, classify, resolve, write, commit).

``after_load`` (report lines, quarantine file, close, interpreter exit) is the parent's: the process
end it observes minus the sum of the marks. A version without ``chainkg.service.load_files`` gets
no ``load`` mark (its whole command then counts as ``before_load``).
"""

import os
import sys
import time

_T0 = float(os.environ["CHAINKG_BENCH_T0"])
_MARKS = os.environ["CHAINKG_BENCH_MARKS"]
_start = time.time()
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]  # bench/ holds analysis.py, load.py…: the command must not see them as top-level modules


def _write(marks: dict) -> None:
    with open(_MARKS, "w", encoding="utf-8") as fh:
        fh.write(" ".join(f"{k}={v:.6f}" for k, v in marks.items()))


def main() -> None:
    marks = {"start": _start - _T0}
    from chainkg.cli import app
    import chainkg.service as service

    imported = time.time()
    marks["imports"] = imported - _start
    _write(marks)
    inner = getattr(service, "load_files", None)
    if inner is not None:
        def load_files(*a, **k):
            t = time.time()
            marks["before_load"] = t - imported
            try:
                return inner(*a, **k)
            finally:
                marks["load"] = time.time() - t
                _write(marks)
        service.load_files = load_files
    sys.argv[0] = "chainkg"
    sys.exit(app())


if __name__ == "__main__":
    main()
