"""数据导入 Import: upload CSV/XLSX/JSON, preview the column mapping, declare the data's 口径 (a census or a
sample), load (one transaction); the datasets recorded, errors (rows refused) and warnings (rows loaded)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from chainkg.service import ChainKG
from chainkg.errors import ChainKGError
from etl.dataset import census_spec
from etl.quarantine import write_report
from etl.templates import TEMPLATE_NAMES, template_files
from graph.analytics.coverage import census_reach
from ui import common
from ui.access import MAX_UPLOAD_MB, can_write
from ui.i18n import bi, lang, population_label, t

#: populations a user can declare a census of (样本/自填 is the unticked default)
CENSUS_POPULATIONS = ("全量登记企业", "规上工业企业", "上市公司", "名录")

st.header(t("imp.header"))
st.caption(t("imp.intro"))
with st.expander(t("imp.templates")):  # from the package (etl/templates): an installed wheel has them too
    st.caption(t("imp.templates_intro"))
    for col, path in zip(st.columns(len(TEMPLATE_NAMES)), template_files()):
        col.download_button(t(f"imp.tpl.{path.name}"), path.read_bytes(), file_name=path.name, key=f"imp_tpl_{path.name}",
                            mime="text/markdown" if path.suffix == ".md" else "text/csv", on_click="ignore",
                            help=path.name, width="stretch")
if not can_write(t):  # same rule as the API: a token, or dev mode on loopback
    st.stop()
files = st.file_uploader(t("imp.upload"), type=["csv", "tsv", "txt", "xlsx", "json", "jsonl"],
                         accept_multiple_files=True, key="imp_files")


def _save(uploaded, directory: Path) -> Path:
    path = directory / Path(uploaded.name).name
    path.write_bytes(uploaded.getvalue())
    return path


def census_form(default_name: str) -> tuple[dict | None, str | None]:
    """The 普查口径 options: (census_spec keyword arguments or None for a sample, a problem to fix or None)."""
    with st.container(border=True):
        st.markdown(f"**{t('imp.census_box')}**")
        census = st.checkbox(t("imp.census"), key="imp_census", help=t("imp.census_help"))
        if not census:
            st.caption(t("imp.as_sample"))
            return None, None
        c1, c2 = st.columns([3, 2])
        ds_name = c1.text_input(t("imp.census_name"), key="imp_ds_name",
                                placeholder=default_name or t("imp.census_name_ph")).strip() or default_name
        population = c2.selectbox(t("imp.population"), CENSUS_POPULATIONS, index=1, format_func=population_label,
                                  key="imp_ds_population")
        st.caption(t(f"imp.pop_help.{population}"))
        c3, c4, c5 = st.columns([1, 1, 2])
        region = c3.text_input(t("imp.region"), value="台州市", key="imp_ds_region").strip() or "台州市"
        as_of = c4.date_input(t("imp.as_of"), value=None, key="imp_ds_as_of", format="YYYY-MM-DD")
        source = c5.text_input(t("imp.source"), key="imp_ds_source", placeholder=t("imp.source_ph")).strip()
        ids, labels = common.cluster_options()
        clusters = st.multiselect(t("imp.census_clusters"), ids, format_func=labels.get, key="imp_ds_clusters",
                                  placeholder=t("common.choose"))
        problem = None
        if not ds_name:
            problem = t("imp.census_need_name")
        elif population == "名录" and not clusters:
            problem = t("imp.census_need_clusters")
        spec = {"name": ds_name, "population": population, "region": region,
                "as_of": as_of.isoformat() if as_of else None, "source": source or None, "clusters": list(clusters)}
        if not problem:  # what the declaration will settle, before the officer loads (as `chainkg load` prints it)
            reach = census_reach({"census": True, **spec}, labels)
            st.caption(reach[1] if lang() == "en" else reach[0])
        return spec, problem


def run_import(paths: list[Path], spec: dict | None) -> None:
    """Load ``paths`` with a progress bar; keep the outcome in the session for the result panel."""
    try:
        dataset = census_spec(**spec) if spec else None
    except ChainKGError as e:
        st.session_state["imp_result"] = {"error": t("imp.census_bad", msg=str(e))}
        return
    bar = st.progress(0.0, text=t("imp.loading"))
    estimate = 2000 + 4 * sum(max(1, p.stat().st_size // 80) for p in paths)
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        bar.progress(min(0.99, done / max(done, estimate)), text=f"{t('imp.loading')} {done}")

    try:
        report = common.kg().load(paths, progress=progress, dataset=dataset)
    except ChainKGError as e:
        bar.empty()
        st.session_state["imp_result"] = {"error": t("imp.error", msg=str(e))}
        return
    bar.empty()
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "quarantine.csv"
        write_report(report.quarantined, out)
        data = out.read_bytes()
    rows = [{"file": q.file, "row": q.row, "field": q.field, "value": q.value, "reason": q.reason,
             "level": getattr(q, "level", "error")} for q in report.quarantined]
    st.session_state["imp_result"] = {
        "counts": {"rows": report.rows, "ents": report.enterprises, "links": report.segment_links,
                   "tech": report.technologies, "hold": report.holdings, "sup": report.supplies},
        "errors": [r for r in rows if r["level"] != "warning"], "warnings": [r for r in rows if r["level"] == "warning"],
        "datasets": list(getattr(report, "datasets", []) or []), "report": data}


def field_meaning(field: str | None) -> str:
    """A canonical field in words: its first (Chinese) header, or the field spelt out in English."""
    from etl.aliases import ALIASES

    if not field:
        return ""
    if lang() == "en":
        return field.replace("_", " ")
    if field == "status":  # one field, two meanings by file kind
        return "登记状态/国内状态"
    return ALIASES.get(field, (field,))[0]


def problem_table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{t("imp.q_file"): r["file"], t("imp.q_row"): r["row"], t("imp.q_field"): r["field"],
                          t("imp.q_value"): r["value"], t("imp.q_reason"): bi(r["reason"])} for r in rows])


if files:
    too_big = [f.name for f in files if f.size > MAX_UPLOAD_MB * 1024 * 1024]
    if too_big:
        st.error(t("imp.too_large", name="、".join(too_big), mb=MAX_UPLOAD_MB))
        st.stop()
    with tempfile.TemporaryDirectory(prefix="chainkg-import-") as tmp_dir:  # removed when this run ends
        tmp = Path(tmp_dir)
        paths = [_save(f, tmp) for f in files]
        ok = True
        for p in paths:
            with st.expander(t("imp.mapping", file=p.name), expanded=len(paths) == 1):
                try:
                    pv = ChainKG.preview_file(p)
                except ChainKGError as e:
                    ok = False
                    st.error(t("imp.error", msg=str(e)))
                    continue
                st.dataframe(pd.DataFrame([{t("imp.header_col"): c["header"],
                                            t("imp.meaning_col"): field_meaning(c["field"]) or t("imp.unknown"),
                                            t("imp.field_col"): c["field"] or "",
                                            t("imp.unit_col"): c["unit"] or ""} for c in pv["columns"]]), hide_index=True)
                st.caption(t("imp.preview"))
                st.dataframe(pd.DataFrame(pv["rows"]).rename(columns=field_meaning), hide_index=True)
        spec, problem = census_form(Path(files[0].name).stem if len(files) == 1 else "")
        if problem:
            st.warning(problem)
        if st.button(t("imp.load"), type="primary", disabled=not ok or bool(problem), key="imp_load"):
            run_import(paths, spec)
else:
    st.session_state.pop("imp_result", None)
    census_form("")

res = st.session_state.get("imp_result")
if res:
    if "error" in res:
        st.error(res["error"])
    else:
        st.success(t("imp.done", **res["counts"]))
        if res["datasets"]:
            st.markdown(f"**{t('imp.datasets')}**")
            st.dataframe(pd.DataFrame([{
                t("ov.ds_name"): common.dataset_name(d.get("name")), t("ov.ds_population"): population_label(d.get("population")),
                t("ov.ds_region"): common.place(d.get("region"), "—"), t("ov.ds_as_of"): d.get("as_of") or "—",
                t("ov.ds_census"): t("ov.ds_is_census") if d.get("census") else t("ov.ds_is_sample"),
                t("ov.ds_firms"): d.get("firms", 0)} for d in res["datasets"]]), hide_index=True)
        errors, warnings = res["errors"], res["warnings"]
        if errors:
            st.warning(t("imp.errors", n=len({(r["file"], r["row"]) for r in errors})))
            st.dataframe(problem_table(errors), hide_index=True)
        if warnings:
            st.info(t("imp.warnings", n=len(warnings)))
            st.dataframe(problem_table(warnings), hide_index=True)
        if not errors and not warnings:
            st.caption(t("imp.no_problems"))
        if errors or warnings:
            st.download_button(t("imp.download_q"), res["report"], file_name="quarantine.csv", mime="text/csv",
                               key="imp_dl")
