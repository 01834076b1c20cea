"""bench/load_timeline.py: the per-slice shares of a core come from the samples' CPU differences, and
the phases from the command's marks."""

from __future__ import annotations

import os

from bench.load_timeline import cpu_of, table


def test_the_table_splits_cpu_by_slice_and_names_the_phase():
    samples = [(0.0, 0.0, {}), (0.5, 0.5, {9: 0.25}), (1.0, 0.75, {9: 0.5, 10: 0.1})]
    marks = {"start": 0.1, "imports": 0.2, "before_load": 0.1, "load": 0.5}
    rows = [line.split() for line in table(samples, marks, 0.5)[1:]]
    assert rows[0] == ["0.0", "100", "50", "start"]
    assert rows[1] == ["0.5", "50", "70", "load"]  # a child first seen in this slice counts from zero
    assert rows[2][-1] == "after_load"


def test_cpu_of_reads_a_process_and_none_once_it_is_gone():
    assert cpu_of(os.getpid()) >= 0
    assert cpu_of(2 ** 22 + 12345) is None
