"""Suggestions for a firm the classifier could not place — shown, never counted.

Why: a firm whose best candidate is under :data:`~etl.nlp.calibration.LINK_MIN` gets no segment, and
so counts in no verdict. That is right — the band [0.47, 0.63) is right only about 0.43 of the time out
of fold (docs/log/classifier-rounds.md, round 15), too weak to count — but the person who knows the firm can
tell in a second whether 0.5 on 工业泵 is right. So the profile of an unplaced firm lists the
classifier's best candidates between :data:`FLOOR` and ``LINK_MIN`` (at most :data:`MAX_SUGGESTIONS`),
computed from the stored firm's own text (products, 经营范围, 国标行业 names and code) by the same
:func:`etl.nlp.classify.classify` — no new stored fact. Nothing here writes a link: a suggestion becomes
a link only when a person confirms it, through the override path (:func:`etl.overrides.plan_override`,
action ``add``, why ``confirmed a suggestion at 0.xx``), and only then does the analysis count it.

No suggestion is shown for a placed firm (its links speak) or for a firm a person removed a link
from (that person has already judged it; the override history says so).

The stored products carry no revenue shares, so a suggestion can differ from what the load saw for a
record that had them; it is a pointer for a person, and says so.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> s = SQLiteStore(":memory:")
>>> suggestions(s, load_ontology(), "nobody")
Traceback (most recent call last):
ontology.errors.NotFoundError: entry nobody: unknown enterprise 'nobody'
"""

from __future__ import annotations

from chainkg import details
from chainkg.errors import InputError
from etl.nlp.calibration import LINK_MIN, SECONDARY_MIN
from etl.nlp.classify import classify
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology

__all__ = ["FLOOR", "MAX_SUGGESTIONS", "suggestions", "plan_confirm", "confirm_reason"]

#: the lowest confidence shown: the classifier's own floor for a secondary business (SECONDARY_MIN)
FLOOR = SECONDARY_MIN
MAX_SUGGESTIONS = 3


def confirm_reason(confidence: float) -> str:
    """The override's why when a person confirms a suggestion.

    >>> confirm_reason(0.5349)
    'confirmed a suggestion at 0.53'
    """
    return f"confirmed a suggestion at {confidence:.2f}"


def suggestions(store: GraphStore, onto: Ontology, enterprise_id: str) -> dict:
    """``{"enterprise", "state", "floor", "link_min", "counted": False, "suggestions": [...]}`` for a firm
    (by id or 统一社会信用代码). ``state``: ``placed`` (it has links: no suggestion), ``removed`` (a person
    removed a link: no suggestion), ``none`` (no candidate in [floor, link_min)) or ``suggested``; each
    suggestion has ``segment_id``, ``cluster``, ``confidence`` and ``matched_terms``, best first."""
    d = details.enterprise_detail(store, enterprise_id)
    e = d["enterprise"]
    out = {"enterprise": e["id"], "name": e.get("name"), "floor": FLOOR, "link_min": LINK_MIN, "counted": False,
           "suggestions": []}
    if d["segments"]:
        return out | {"state": "placed"}
    if store.find_nodes("Override", {"enterprise": e["id"], "action": "remove"}, limit=1):
        return out | {"state": "removed"}
    found = classify(e.get("business_scope"), e.get("products") or [], onto, industry=e.get("industry") or None,
                     industry_code=e.get("industry_code"), min_confidence=FLOOR, top_k=MAX_SUGGESTIONS)
    below = sorted((m for m in found if m.confidence < LINK_MIN and m.segment_id in onto.segments),
                   key=lambda m: (-m.confidence, m.segment_id))[:MAX_SUGGESTIONS]
    out["suggestions"] = [{"segment_id": m.segment_id, "cluster": m.cluster, "confidence": round(m.confidence, 4),
                           "matched_terms": list(m.matched_terms)} for m in below]
    return out | {"state": "suggested" if below else "none"}


def plan_confirm(store: GraphStore, onto: Ontology, enterprise_id: str, segment: str, *,
                 who: str) -> tuple[Batch, list[dict]]:
    """The override batch that turns one of the firm's current suggestions into a link (action ``add``,
    why :func:`confirm_reason`). A segment that is not among them is refused (:class:`InputError`):
    a firm already placed, or a segment the classifier does not suggest, goes through the ordinary
    correction form instead."""
    from etl.overrides import plan_override

    s = suggestions(store, onto, enterprise_id)
    match = next((x for x in s["suggestions"] if x["segment_id"] == segment), None)
    if match is None:
        offered = ", ".join(x["segment_id"] for x in s["suggestions"]) or "none"
        raise InputError(f"{segment!r} is not a current suggestion for {s['enterprise']} "
                         f"(state {s['state']}; suggestions: {offered}); use an override to place it",
                         field="segment", value=segment)
    return plan_override(store, onto, s["enterprise"], segment, "add", who=who,
                         why=confirm_reason(match["confidence"]))
