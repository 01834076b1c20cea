"""Confidence of a candidate link: a logistic function of its evidence features.

What: ``FEATURES`` names the entries of a candidate's feature vector (built by
:func:`etl.nlp.classify.candidates`), ``CALIBRATION`` holds their weights and :func:`prob` turns
a vector into the probability that the link is right.

Why: users read a confidence as "right about that often"; the weights are fitted on the *tune*
split of bench/labelled/firms.csv (``bench/classify.py --fit``, L2-regularised Newton steps on
every candidate of every tune record) and ``bench/classify.py`` prints the reliability table.

>>> round(prob((1.0,) + (0.0,) * (len(FEATURES) - 1)), 3) == round(1 / (1 + __import__("math").exp(-CALIBRATION[0])), 3)
True
"""

from __future__ import annotations

import math
import operator

__all__ = ["FEATURES", "CALIBRATION", "LINK_MIN", "prob"]

#: classify() returns links whose calibrated confidence is at least this (the loader keeps >= 0.3);
#: chosen on the tune split: at 0.5 → 0.6 tune F1 is unchanged and out-of-chain firms linked fall 2.9 % → 1.2 %
LINK_MIN = 0.6
#: the features of a candidate link, in the order of CALIBRATION's weights
FEATURES = ("bias", "log_pmax", "psum", "log_smax", "ssum", "spec", "share", "ind_lineage", "ind_cluster",
            "out_industry", "scope_only", "no_products", "negated", "top_cluster", "minor", "whole_line")
#: logistic weights fitted on the tune split (``bench/classify.py --fit``); see docs/classifier.md
CALIBRATION = (3.203, 1.170, 0.776, 0.254, 0.179, -0.423, -0.888, 1.697, -1.578, -0.954, -0.006, -2.234,
               -0.179, 1.411, -0.796, 0.582)


def prob(x) -> float:
    """P(link right | features ``x``), clamped to avoid overflow."""
    z = sum(map(operator.mul, CALIBRATION, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
