"""A small Chrome DevTools Protocol driver for the browser tests and the screenshot script: start
Streamlit and headless Chromium, open pages, wait until they have rendered, read the DOM, take
screenshots.

The set-up the three users share lives here once: :func:`require_chromium` (skip without Chromium,
fail when ``CHAINKG_REQUIRE_NEO4J=1``), :func:`streamlit_app` and :func:`chromium` (started, waited
for, always stopped) and :func:`settle` (the app finished its run). ``tests/ui/conftest.py`` turns
them into the ``browser`` fixture.

Only ``websocket-client`` (dev extra) and the Debian ``chromium`` binary are needed.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import websocket

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*"]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if path := shutil.which(name):
            return path
    return None


CHROMIUM_MISSING = "chromium not installed (apt-get install chromium fonts-noto-cjk)"


def require_chromium() -> str:
    """The Chromium binary, for a test: skipped without one — failed when ``CHAINKG_REQUIRE_NEO4J=1``
    (CI: everything required)."""
    import pytest

    binary = find_chromium()
    if binary is None:
        if os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"required but unavailable: {CHROMIUM_MISSING}", pytrace=False)
        pytest.skip(CHROMIUM_MISSING)
    return binary


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


class StreamlitServer:
    def __init__(self, store: str, port: int | None = None, env: dict[str, str] | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = os.environ | {"CHAINKG_STORE": store, "PYTHONUNBUFFERED": "1"} | (env or {})
        self.log = tempfile.NamedTemporaryFile("w+", prefix="streamlit-", suffix=".log", delete=False)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "server.py"), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--global.developmentMode", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 60) -> None:
        _wait_http(f"{self.url}/_stcore/health", timeout, self.proc)

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        Path(self.log.name).unlink(missing_ok=True)


class Browser:
    """Headless Chromium driven over one DevTools websocket (one tab)."""

    def __init__(self, binary: str, width: int = 1440, height: int = 1000) -> None:
        self.profile = tempfile.mkdtemp(prefix="chainkg-chromium-")
        self.proc = subprocess.Popen([binary, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
                                      f"--window-size={width},{height}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        end = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > end or self.proc.poll() is not None:
                raise RuntimeError("Chromium did not start (no DevToolsActivePort)")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        _wait_http(f"http://127.0.0.1:{port}/json/version", 15)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as r:
            pages = [t for t in json.load(r) if t["type"] == "page"]
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60,
                                              suppress_origin=True)
        self._id = 0
        self.width, self.height = width, height
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.resize(width, height)

    def call(self, method: str, **params) -> dict:
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self._id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.on_event(msg)

    def on_event(self, msg: dict) -> None:
        """An event that arrived while waiting for a reply (ignored unless a subclass keeps it)."""

    def resize(self, width: int, height: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def eval(self, expression: str):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"JS error: {r['exceptionDetails']}")
        return r["result"].get("value")

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)

    def wait_for(self, expression: str, timeout: float = 30, interval: float = 0.25):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                v = self.eval(expression)
            except RuntimeError:
                v = None
            if v:
                return v
            time.sleep(interval)
        return None

    # --- acting as a user: real mouse and keyboard events at the element's place on screen ------------

    def click(self, element_js: str, timeout: float = 20) -> None:
        """Click the element the JS expression returns (waited for, scrolled into view) with real
        mouse events, as a user would; fails when it never appears."""
        where = f"""(() => {{ const e = {element_js}; if (!e) return null;
            const r = e.getBoundingClientRect();
            if (!r.width || !r.height) return null;
            if (r.top < 0 || r.bottom > innerHeight) {{ e.scrollIntoView({{block: 'center'}}); return 'scrolled'; }}
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()"""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            at = self.wait_for(where, max(0.1, end - time.monotonic()))
            if isinstance(at, list):
                x, y = at
                self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
                self.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
                self.call("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)
                return
            time.sleep(0.3)  # scrolled: let the page settle, then read the place again
        raise AssertionError(f"nothing to click: {element_js}")

    def type_text(self, text: str) -> None:
        """Type into the focused field (as an input method commits text: CJK included)."""
        self.call("Input.insertText", text=text)

    def choose(self, label: str, option: str, timeout: float = 60) -> None:
        """Pick ``option`` (a substring of its text) in the selectbox labelled ``label`` as a user does:
        click the box, type part of the option's text (the list is filtered and virtual: only the
        options in view exist), click the option — each step once the page is ready for it, and done
        only when the box shows the choice.

        On a busy machine the app may still be running (or rerun) when the test reaches the box; a
        rerun re-renders the box and closes its list, and text typed then goes nowhere. So each step
        waits for its real condition — the app idle, the box focused with its list open, the option
        listed — and when a rerun undid a step the user's sequence starts again, until ``timeout``."""
        widget = by_label("stSelectbox", label)
        box = widget + "?.querySelector('input')"
        want = json.dumps(option)
        item = f"""Array.from(document.querySelectorAll('[role="option"]')).find(o => o.innerText.includes({want}))"""
        is_open = f"""(() => {{ const i = {box}; return !!i && document.activeElement === i
            && !!document.querySelector('[role="listbox"]'); }})()"""
        typed = f"(({box})?.value || '') === {want}"
        # the list closed on the click and the box shows the option
        chosen = f"""(() => {{ const w = {widget}; if (!w || document.querySelector('[role="listbox"]')) return false;
            const i = w.querySelector('input'); return w.innerText.includes({want}) || (!!i && i.value.includes({want})); }})()"""
        end = time.monotonic() + timeout
        left = lambda: max(0.5, end - time.monotonic())  # noqa: E731
        while time.monotonic() < end:
            if not self.wait_for(JS_IDLE, left()):
                break
            self.click(box, left())
            if not self.wait_for(is_open, min(10, left())):
                continue  # a rerun took the focus or closed the list: start again
            self.eval(f"({box}).select()")  # typing replaces the shown choice
            self.type_text(option)
            if self.wait_for(typed, min(5, left())) and self.wait_for(f"!!({item})", min(10, left())):
                self.click(item, min(10, left()))
                if self.wait_for(chosen, min(10, left())):
                    return
            self.call("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape", windowsVirtualKeyCode=27)
        shown = self.eval("Array.from(document.querySelectorAll('[role=\"option\"]')).map(o => o.innerText).slice(0, 10)")
        raise AssertionError(f"could not choose {option!r} in {label!r} within {timeout}s; options listed: {shown}")

    def allow_downloads(self, folder: Path) -> None:
        """Save downloads into ``folder`` (the download buttons' files)."""
        try:
            self.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(folder))
        except RuntimeError:
            self.call("Page.setDownloadBehavior", behavior="allow", downloadPath=str(folder))

    def screenshot(self, path: Path, full_height: int | None = None) -> None:
        if full_height:
            self.resize(self.width, max(self.height, min(full_height, 6000)))
            time.sleep(0.6)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        if full_height:
            self.resize(self.width, self.height)

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


@contextmanager
def streamlit_app(store: str, env: dict[str, str] | None = None, timeout: float = 90) -> Iterator[StreamlitServer]:
    """``streamlit run ui/server.py`` (the app behind its security headers, as ``chainkg serve`` starts it) on ``store``, answered its health check; stopped on exit, its log's
    end printed when it held a traceback (a failing test then shows the server side too)."""
    server = StreamlitServer(store, env=env)
    try:
        server.wait(timeout)
        yield server
    finally:
        out = server.output()
        server.stop()
        if "Traceback" in out:
            print(out[-4000:])


@contextmanager
def chromium(width: int = 1366, height: int = 900, binary: str | None = None) -> Iterator[Browser]:
    """Headless Chromium at ``width`` × ``height`` (1366: the smaller screen we support), closed on exit."""
    binary = binary or find_chromium()
    if binary is None:
        raise RuntimeError(CHROMIUM_MISSING)
    b = Browser(binary, width=width, height=height)
    try:
        yield b
    finally:
        b.close()


def settle(b: Browser, timeout: float = 60, pause: float = 0.5) -> float:
    """Wait until the app has finished its run — idle twice, ``pause`` s apart (Streamlit may rerun once
    after the first paint); the seconds it took. AssertionError when it does not finish in time."""
    t0 = time.monotonic()
    end = t0 + timeout
    time.sleep(pause)
    while time.monotonic() < end:
        if b.wait_for(JS_IDLE, timeout=max(0.1, end - time.monotonic())):
            time.sleep(pause)
            if b.eval(JS_IDLE):
                return time.monotonic() - t0
    raise AssertionError(f"the page did not finish within {timeout}s")


# JS snippets --------------------------------------------------------------------------------------

def by_label(testid: str, label: str) -> str:
    """JS: the first widget ``[data-testid=testid]`` whose label contains ``label``."""
    return (f"Array.from(document.querySelectorAll('[data-testid=\"{testid}\"]'))"
            f".find(w => (w.querySelector('label') || w).innerText.includes({json.dumps(label)}))")


def by_text(selector: str, text: str) -> str:
    """JS: the first element matching ``selector`` whose visible text contains ``text``."""
    return (f"Array.from(document.querySelectorAll({json.dumps(selector)}))"
            f".find(e => e.innerText.includes({json.dumps(text)}))")


#: the app finished a run: the app root says its script is not running (``data-test-script-state``,
#: the attribute Streamlit's own browser tests read; the status widget is not shown here, so it cannot
#: tell), main block present, no skeleton, no element left stale from the previous run (drawn as a grey
#: placeholder until the new run replaces it)
JS_IDLE = """(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main || !main.innerText.trim()) return false;
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  return true;
})()"""

#: errors shown on the page: exception boxes, error alerts, a "Page not found" dialog
JS_ERRORS = """(() => Array.from(document.querySelectorAll(
  '[data-testid="stException"], [data-testid="stAlertContentError"], [role="dialog"]'))
  .map(e => e.innerText.slice(0, 500)).filter(t => t.trim()))()"""

#: the main block's full height (the app scrolls inside it, not in the document)
JS_HEIGHT = """(() => { const m = document.querySelector('[data-testid="stMain"]') ||
  document.querySelector('[data-testid="stAppViewContainer"]'); return m ? m.scrollHeight + 40 : 0; })()"""

#: non-background pixels on the agraph canvas (its iframe is same-origin): 0 = empty canvas
JS_CANVAS_INK = """(() => {
  for (const f of document.querySelectorAll('iframe')) {
    let doc; try { doc = f.contentDocument; } catch (e) { continue; }
    const c = doc && doc.querySelector('canvas');
    if (!c || !c.width || !c.height) continue;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 16) if (d[i] > 0) ink++;
    return ink;
  }
  return 0;
})()"""

#: interface text we own (page titles, widget labels, tabs, metric labels, menu, buttons) that holds
#: Chinese characters: in the English UI each one is an untranslated string (data — firm names, the
#: chosen values, table cells — is not in these elements)
JS_CJK_CHROME = """(() => Array.from(document.querySelectorAll(
  'h1, [data-testid="stWidgetLabel"], [role="tab"], [data-testid="stMetricLabel"], [data-testid="stSidebarNav"] a, '
  + '[data-testid="stButton"] button, [data-testid="stDownloadButton"] button, [data-testid="stFormSubmitButton"] button'))
  .map(e => e.innerText.trim()).filter(t => /[\\u4e00-\\u9fff]/.test(t)))()"""

#: metric values cut with an ellipsis (Streamlit draws them on one line, overflow hidden): "13 家" shown as "13…" in
#: a narrow column (review 40 C4); each as "label: value (needed > shown px)"
JS_METRIC_CUT = """(() => Array.from(document.querySelectorAll('[data-testid="stMetric"]')).map(m => {
  const v = m.querySelector('[data-testid="stMetricValue"]'); if (!v) return null;
  const cut = [v, ...v.querySelectorAll('*')].find(e => e.scrollWidth > e.clientWidth + 1); if (!cut) return null;
  const label = (m.querySelector('[data-testid="stMetricLabel"]') || {innerText: ''}).innerText.trim();
  return `${label}: ${v.innerText.trim()} (${cut.scrollWidth} > ${cut.clientWidth} px)`;
}).filter(Boolean))()"""

#: tables (st.dataframe: a canvas grid) whose columns are wider than the table, so a reader scrolls it
#: sideways to see the last ones: the grid's scroller is wider than its box. Each named by its first
#: column headers (the grid's accessible table)
JS_TABLE_SCROLL = """(() => Array.from(document.querySelectorAll('[data-testid="stDataFrame"]')).map(d => {
  const s = d.querySelector('.dvn-scroller'); if (!s || s.scrollWidth <= s.clientWidth + 2) return null;
  const heads = Array.from(d.querySelectorAll('[role="columnheader"], th')).map(h => h.innerText.trim()).filter(Boolean);
  return (heads.slice(0, 3).join(' | ') || 'a table') + ` (${s.scrollWidth} > ${s.clientWidth} px)`;
}).filter(Boolean))()"""
