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

__all__ = ["FEATURES", "CALIBRATION", "LINK_MIN", "SECONDARY_MIN", "prob"]

#: classify() returns links whose calibrated confidence is at least this (the loader keeps >= 0.3);
#: chosen on the tune split: at 0.5 → 0.6 tune F1 is unchanged and out-of-chain firms linked fall 2.9 % → 1.2 %
LINK_MIN = 0.6
#: a firm with a link keeps its best candidate of another cluster down to this confidence (a secondary business,
#: round 8; docs/classifier.md §3)
SECONDARY_MIN = 0.4
#: the features of a candidate link, in the order of CALIBRATION's weights
FEATURES = ("bias", "log_pmax", "psum", "log_smax", "ssum", "spec", "share", "ind_lineage", "ind_cluster",
            "out_industry", "scope_only", "no_products", "negated", "top_cluster", "minor", "whole_line")
#: logistic weights fitted on the tune split (``bench/classify.py --fit``; refitted on the 653-row tune split of
#: round 7); see docs/classifier.md
CALIBRATION = (1.507, 0.705, 0.898, 0.136, 0.101, 0.484, -0.618, 1.793, -1.742, -1.253, -1.078, -2.247,
               -0.556, 1.446, -0.421, 0.340)


def prob(x) -> float:
    """P(link right | features ``x``), clamped to avoid overflow."""
    z = sum(map(operator.mul, CALIBRATION, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
