"""Screenshots of every page, both languages, at 1366 and 1920 px wide, for a person to look at.

``python tests/ui/screenshots.py [--out screenshots] [--widths 1366 1920] [--pages gaps workbench]
[--store NAME=PATH … --cluster 模具与塑料 "Moulds and plastics"]``

Two stores are built in a temp folder: the bundled data only (``bundled``), and the bundled data plus
a registry export declared the census of 智能马桶 (``census``: the gaps, workbench and targets pages
have real content; tests/chainkg/test_workbench.py ``census_flow``). Each is served by ``streamlit run
ui/app.py`` and every page opened in headless Chromium over the DevTools protocol (tests/ui/cdp.py);
on the census store the cluster 智能马桶 (Smart toilets) is picked where a page asks for one. PNGs are written as
``<out>/<store>/<width>/<page>-<lang>.png`` (``screenshots/`` is git-ignored). Printed: one line per
shot with any error box, the page's horizontal overflow (content wider than the window), tables scrolling sideways
(``JS_TABLE_SCROLL``), metric values cut with an ellipsis (``JS_METRIC_CUT``) and, in
English, interface labels still in Chinese (tests/ui/cdp.py ``JS_CJK_CHROME``).

``--store NAME=PATH`` shoots an existing store instead (a registry export loaded with ``chainkg load``;
repeat it for several), under ``<out>/NAME/…``; ``--cluster ZH EN`` names the cluster picked on its pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "chainkg"))  # test_census_flow, test_workbench
sys.path.insert(0, str(Path(__file__).parents[2]))
from cdp import (JS_CJK_CHROME, JS_ERRORS, JS_HEIGHT, JS_METRIC_CUT, JS_TABLE_SCROLL, ROOT, Browser, by_label, chromium, find_chromium,  # noqa: E402
                 settle as _settle, streamlit_app)

PAGES = ["overview", "panorama", "gaps", "workbench", "chokepoints", "enterprises", "whatif", "import"]
CLUSTER = {"zh": "智能马桶", "en": "Smart toilets"}
#: elements wider than the main block (cut off or scrolled sideways), by test id
JS_OVERFLOW = """(() => { const m = document.querySelector('[data-testid="stMain"]'); if (!m) return [];
  const right = m.getBoundingClientRect().right + 1;
  return Array.from(m.querySelectorAll('[data-testid="stMarkdownContainer"], .js-plotly-plot, [data-testid="stVegaLiteChart"]'))
    .filter(e => e.getBoundingClientRect().right > right).map(e => e.getAttribute('data-testid') || e.className).slice(0, 5); })()"""


def build_stores(folder: Path) -> dict[str, str]:
    from test_workbench import census_flow

    from chainkg.service import ChainKG
    from graph.store.sqlite_store import SQLiteStore

    out = {}
    for name in ("bundled", "census"):
        (folder / name).mkdir()
        path = folder / name / "kg.db"
        store = SQLiteStore(path)
        if name == "census":
            census_flow(store, folder / name)
        else:
            ChainKG(store).load()
        store.close()
        out[name] = str(path)
    return out


def settle(b: Browser, timeout: float = 60) -> None:
    try:
        _settle(b, timeout, pause=0.6)
    except AssertionError:
        print(f"  ! did not finish within {timeout}s")


def shoot(b: Browser, url: str, out: Path, pick_cluster: bool, lang: str, cluster: dict[str, str] = CLUSTER) -> str:
    b.goto(url)
    settle(b)
    if pick_cluster and b.eval(f"!!({by_label('stSelectbox', 'Cluster' if lang == 'en' else '产业集群')})"):
        try:
            b.choose("Cluster" if lang == "en" else "产业集群", cluster[lang])
            settle(b)
        except AssertionError as e:
            print(f"  ! could not pick {cluster[lang]}: {e}")
            b.call("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape", windowsVirtualKeyCode=27)
    time.sleep(1.0)  # charts finish drawing
    errors, overflow, sideways = b.eval(JS_ERRORS), b.eval(JS_OVERFLOW), b.eval(JS_TABLE_SCROLL)
    untranslated = b.eval(JS_CJK_CHROME) if lang == "en" else []
    cut = b.eval(JS_METRIC_CUT)
    out.parent.mkdir(parents=True, exist_ok=True)
    b.screenshot(out, full_height=b.eval(JS_HEIGHT))
    return ((f" errors={errors}" if errors else "") + (f" overflow={overflow}" if overflow else "")
            + (f" tables-scroll-sideways={sideways}" if sideways else "")
            + (f" untranslated={untranslated}" if untranslated else "") + (f" metrics-cut={cut}" if cut else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "screenshots")
    ap.add_argument("--widths", type=int, nargs="+", default=[1366, 1920])
    ap.add_argument("--pages", nargs="+", default=PAGES)
    ap.add_argument("--stores", nargs="+", default=["bundled", "census"])
    ap.add_argument("--store", action="append", default=[], metavar="NAME=PATH",
                    help="shoot this existing store (repeatable) instead of building the two")
    ap.add_argument("--cluster", nargs=2, metavar=("ZH", "EN"), help="the cluster to pick, in both languages")
    args = ap.parse_args()
    binary = find_chromium()
    if binary is None:
        sys.exit("chromium not installed (apt-get install chromium fonts-noto-cjk)")
    cluster = dict(zip(("zh", "en"), args.cluster)) if args.cluster else CLUSTER
    with tempfile.TemporaryDirectory(prefix="chainkg-shots-") as tmp:
        if args.store:
            stores = dict(item.split("=", 1) for item in args.store)
            args.stores = list(stores)
        else:
            stores = build_stores(Path(tmp))
        for name in args.stores:
            with streamlit_app(stores[name]) as server:
                for width in args.widths:
                    with chromium(width, 900, binary) as b:
                        for page in args.pages:
                            for lang in ("zh", "en"):
                                url = f"{server.url}/{page}" + ("?lang=en" if lang == "en" else "")
                                path = args.out / name / str(width) / f"{page}-{lang}.png"
                                note = shoot(b, url, path, name != "bundled", lang, cluster)
                                print(f"{path.relative_to(args.out)}{note}", flush=True)

if __name__ == "__main__":
    main()
