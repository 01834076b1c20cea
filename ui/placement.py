"""A firm's placement on the 企业 profile: the suggestions for a firm the classifier could not place,
and the correction form (confirm, add, remove, move) — both written as overrides (who, when, why).

Suggestions (:mod:`chainkg.suggestions`) are the classifier's best candidates under the placement
threshold: shown under a heading that says they count in no verdict, each confirmable in one click by a
user who may write (the same gate as every write, :mod:`ui.access`); a confirmed one is an ``add``
override whose why is "confirmed a suggestion at 0.xx", and only then does the analysis count it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import common
from ui.access import can_write, may_write
from ui.i18n import t

__all__ = ["suggestion_block", "correction_form"]


def suggestion_block(firm: dict, labels: dict, segn: dict) -> None:
    """The suggestions for an unplaced firm (nothing for a placed one), with a confirm button each."""
    from chainkg.errors import ChainKGError

    if msg := st.session_state.pop("sug_saved", None):
        st.success(msg)
    kg = common.kg()
    s = kg.suggestions(firm["id"])
    if s["state"] == "placed":
        return
    floor, cut = common.points(s["floor"]), common.points(s["link_min"])
    st.markdown(f"**{t('sug.header')}**")
    st.caption(t("sug.note", floor=floor, cut=cut))
    if s["state"] == "removed":
        st.info(t("sug.removed"))
        return
    if not s["suggestions"]:
        st.info(t("sug.none", floor=floor))
        return
    onto = kg.onto
    st.table(pd.DataFrame([{
        t("common.segment"): segn.get(x["segment_id"], x["segment_id"]),
        t("common.cluster"): labels.get(onto.segments[x["segment_id"]].cluster, x["cluster"]),
        t("sug.confidence"): str(common.points(x["confidence"])),
        t("sug.matched"): "、".join(x["matched_terms"])} for x in s["suggestions"]]), hide_index=True)
    if not may_write():
        st.caption(t("sug.read_only"))
        return
    who = st.text_input(t("ov.fix_who"), max_chars=100, key="sug_who")
    cols = st.columns(len(s["suggestions"]))
    for i, (col, x) in enumerate(zip(cols, s["suggestions"])):
        if col.button(t("sug.confirm", segment=segn.get(x["segment_id"], x["segment_id"])), key=f"sug_ok_{i}"):
            if not (who or "").strip():
                st.error(t("sug.need_who"))
                return
            try:
                kg.confirm_suggestion(firm["id"], x["segment_id"], who=who)
            except ChainKGError as err:
                st.error(str(err))
                return
            st.session_state["sug_saved"] = t("sug.saved", segment=segn.get(x["segment_id"], x["segment_id"]))
            st.rerun()


def correction_form(firm: dict, linked: list[str], labels: dict, segn: dict) -> None:
    """Confirm, add, remove or move a segment link (an override with who/when/why; kept by every reload)."""
    from chainkg.errors import ChainKGError

    if msg := st.session_state.pop("ov_saved", None):
        st.success(msg)
    if not can_write(t):
        return
    onto = common.kg().onto
    actions = ["confirm", "add", "remove", "move"] if linked else ["add"]
    all_segs = sorted(segn, key=lambda x: (labels.get(onto.segments[x].cluster, ""), x))
    action = st.selectbox(t("ov.fix_action"), actions, format_func=lambda a: t(f"ov.fix_{a}"), key="ov_action")
    with st.form(f"ov_{firm['id']}", clear_on_submit=True):
        f1, f2 = st.columns(2)
        seg = f1.selectbox(t("ov.fix_segment"), linked if action != "add" else all_segs,
                           format_func=lambda x: segn.get(x, x), key="ov_segment")
        to = f2.selectbox(t("ov.fix_to"), all_segs, format_func=lambda x: segn.get(x, x), key="ov_to") \
            if action == "move" else None
        who = f1.text_input(t("ov.fix_who"), max_chars=100, key="ov_who")
        why = f2.text_input(t("ov.fix_why"), max_chars=500, key="ov_why")
        if st.form_submit_button(t("ov.fix_save"), type="primary"):
            try:
                common.kg().correct_placement(firm["id"], seg, action, who=who, why=why, to=to)
            except ChainKGError as err:
                st.error(str(err))
                return
            st.session_state["ov_saved"] = t("ov.fix_saved")
            st.rerun()
