"""招商 pipeline (项目推进): one ``Lead`` node per (candidate firm, gap segment), its stage, owner,
notes and a flat history — pure functions; :mod:`chainkg.service` reads and writes the nodes.

Stages, in order: 线索 → 已接触 → 在谈 → 已签约 → 已落地, or 放弃 (dropped) from any stage. Any
stage may follow any other (an officer corrects a slip by setting the stage back); every change is
kept in ``history`` as one line ``"<date time>｜<stage>｜<owner>｜<note>"`` so the props stay flat.

What-if from the pipeline: :func:`pipeline_scenario` turns the leads at the chosen stages (by
default 在谈, 已签约, 已落地: the firms expected to come) into a :class:`graph.analytics.whatif.Scenario` that
adds each firm to its lead's segment; :func:`graph.analytics.whatif.what_if` then says which gaps close.

>>> lead = new_lead("sc-1", "seg-a", stage="线索", owner="张三", note="名单来自展会", when="2026-11-30 09:00")
>>> lead = change(lead, stage="在谈", note="第二次会谈", when="2026-12-02 15:30")
>>> lead["stage"], lead["owner"], [h["stage"] for h in history_rows(lead)]
('在谈', '张三', ['线索', '在谈'])
>>> pipeline_scenario([lead]).add_enterprises[0].segments
['seg-a']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

from graph.analytics.whatif import NewEnterprise, Scenario

__all__ = ["STAGES", "STAGES_EN", "LANDING_STAGES", "lead_id", "new_lead", "change", "history_rows",
           "pipeline_scenario", "stage_order", "now"]

STAGES: tuple[str, ...] = ("线索", "已接触", "在谈", "已签约", "已落地", "放弃")
STAGES_EN: dict[str, str] = {"线索": "lead", "已接触": "contacted", "在谈": "negotiating", "已签约": "signed",
                             "已落地": "landed", "放弃": "dropped"}
#: the stages whose firms the pipeline what-if assumes will land (在谈 and later, not 放弃)
LANDING_STAGES: tuple[str, ...] = ("在谈", "已签约", "已落地")
_SEP = "｜"


def now() -> str:
    """The local time as ``YYYY-MM-DD HH:MM`` (what an officer reads in the history)."""
    return datetime.now().strftime("%Y-%m-%d %H:%M")


def stage_order(stage: str) -> int:
    return STAGES.index(stage) if stage in STAGES else len(STAGES)


def lead_id(enterprise: str, segment: str) -> str:
    """One lead per (firm, segment): a stable id safe in URLs."""
    return "lead-" + hashlib.sha1(f"{enterprise}\x1f{segment}".encode()).hexdigest()[:16]


def _clean(text: str | None) -> str:
    """One line: the separator and line breaks would break the flat history."""
    return " ".join((text or "").replace(_SEP, "|").split())


def _entry(when: str, stage: str, owner: str | None, note: str | None) -> str:
    return _SEP.join((when, stage, _clean(owner) or "—", _clean(note)))


def new_lead(enterprise: str, segment: str, *, stage: str = "线索", owner: str | None = None,
             note: str | None = None, when: str | None = None, cluster: str | None = None,
             enterprise_name: str | None = None) -> dict:
    """A new lead's props (flat: scalars and lists of scalars)."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
    when = when or now()
    out = {"id": lead_id(enterprise, segment), "enterprise": enterprise, "segment": segment, "stage": stage,
           "owner": _clean(owner) or None, "notes": _clean(note), "created": when, "updated": when,
           "history": [_entry(when, stage, owner, note)]}
    if cluster:
        out["cluster"] = cluster
    if enterprise_name:
        out["enterprise_name"] = enterprise_name
    return {k: v for k, v in out.items() if v is not None}


def change(lead: dict, *, stage: str | None = None, owner: str | None = None, note: str | None = None,
           when: str | None = None) -> dict:
    """The lead after a change of stage, owner and/or a new note; the change joins the history.

    ``None`` keeps a field as it is; an empty owner clears it. The latest note becomes ``notes``."""
    if stage is not None and stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
    when = when or now()
    out = dict(lead)
    if stage is not None:
        out["stage"] = stage
    if owner is not None:
        out["owner"] = _clean(owner) or None
    if note is not None and _clean(note):
        out["notes"] = _clean(note)
    out["updated"] = when
    out["history"] = list(lead.get("history") or []) + [_entry(when, out["stage"], out.get("owner"), note)]
    return out


def history_rows(lead: dict) -> list[dict]:
    """The history as rows ``{when, stage, owner, note}``, oldest first."""
    rows = []
    for line in lead.get("history") or []:
        parts = (str(line).split(_SEP) + ["", "", "", ""])[:4]
        rows.append({"when": parts[0], "stage": parts[1], "owner": "" if parts[2] == "—" else parts[2],
                     "note": parts[3]})
    return rows


def pipeline_scenario(leads: Iterable[dict], stages: Iterable[str] = LANDING_STAGES) -> Scenario:
    """A what-if scenario: every firm with a lead at one of ``stages`` lands in its lead's segment —
    in ``land_in`` when the lead gives it (the firm's own segments under a parent gap segment, so a
    firm making controllers lands in 控制器, not on the parent 核心零部件 as a firm of no child)."""
    wanted = set(stages)
    segs: dict[str, list[str]] = {}
    for lead in leads:
        if lead.get("stage") in wanted:
            mine = segs.setdefault(lead["enterprise"], [])
            for sid in lead.get("land_in") or [lead["segment"]]:
                if sid not in mine:
                    mine.append(sid)
    return Scenario(add_enterprises=[NewEnterprise(id=eid, segments=sorted(s)) for eid, s in sorted(segs.items())])
