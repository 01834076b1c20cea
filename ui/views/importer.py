"""数据导入 Import: upload CSV/XLSX/JSON, preview the column mapping, load (one transaction), quarantine report."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from chainkg import service
from chainkg.errors import ChainKGError
from etl.quarantine import write_report
from ui import common
from ui.i18n import t

st.header(t("imp.header"))
st.caption(t("imp.intro"))
files = st.file_uploader(t("imp.upload"), type=["csv", "tsv", "txt", "xlsx", "json", "jsonl"],
                         accept_multiple_files=True, key="imp_files")


def _save(uploaded, directory: Path) -> Path:
    path = directory / Path(uploaded.name).name
    path.write_bytes(uploaded.getvalue())
    return path


def run_import(paths: list[Path]) -> None:
    """Load ``paths`` with a progress bar; keep the report in the session for the download button."""
    bar = st.progress(0.0, text=t("imp.loading"))
    estimate = 2000 + 4 * sum(max(1, p.stat().st_size // 80) for p in paths)
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        bar.progress(min(0.99, done / max(done, estimate)), text=f"{t('imp.loading')} {done}")

    try:
        report = service.load(common.get_store(), paths, progress=progress)
    except ChainKGError as e:
        bar.empty()
        st.session_state["imp_result"] = {"error": str(e)}
        return
    bar.progress(1.0, text=t("imp.done", summary=""))
    common.invalidate()
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "quarantine.csv"
        write_report(report.quarantined, out)
        data = out.read_bytes()
    st.session_state["imp_result"] = {"summary": report.summary(), "quarantined": len({(q.file, q.row) for q in report.quarantined}),
                                      "report": data}


if files:
    tmp = Path(tempfile.mkdtemp(prefix="chainkg-import-"))
    paths = [_save(f, tmp) for f in files]
    ok = True
    for p in paths:
        with st.expander(t("imp.mapping", file=p.name), expanded=len(paths) == 1):
            try:
                pv = service.preview_file(p)
            except ChainKGError as e:
                ok = False
                st.error(t("imp.error", msg=str(e)))
                continue
            st.dataframe(pd.DataFrame([{t("imp.header_col"): c["header"], t("imp.field_col"): c["field"] or t("imp.unknown"),
                                        t("imp.unit_col"): c["unit"] or ""} for c in pv["columns"]]), hide_index=True)
            st.caption(t("imp.preview"))
            st.dataframe(pd.DataFrame(pv["rows"]), hide_index=True)
    if st.button(t("imp.load"), type="primary", disabled=not ok, key="imp_load"):
        run_import(paths)
else:
    st.session_state.pop("imp_result", None)

res = st.session_state.get("imp_result")
if res:
    if "error" in res:
        st.error(t("imp.error", msg=res["error"]))
    else:
        st.success(t("imp.done", summary=res["summary"]))
        if res["quarantined"]:
            st.warning(t("imp.quarantine", n=res["quarantined"]))
        st.download_button(t("imp.download_q"), res["report"], file_name="quarantine.csv", mime="text/csv",
                           key="imp_dl")
