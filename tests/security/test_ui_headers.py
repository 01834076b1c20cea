"""Security headers on the UI, as users start it: ``chainkg serve`` (API + ``streamlit run
ui/server.py``). Checked on the page, a static asset, an error answer and the API; then the pages
open in headless Chromium and must render with no Content-Security-Policy violation in the browser
console (of any frame; the check is shown to catch one first). On Neo4j the Cypher console's graph (a
custom component in a same-origin iframe, with its own inline script) must draw too. Finally
SIGTERM to ``chainkg serve`` leaves no process behind, with a browser still connected.

No Chromium: the browser parts skip — but fail when ``CHAINKG_REQUIRE_NEO4J=1`` (CI).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from chainkg.settings import PROJECT_ROOT
from ui.access import MAX_UPLOAD_MB
from ui.headers import CSP_MEDIA, inline_script_hashes, middleware, ui_csp

sys.path.insert(0, str(PROJECT_ROOT / "tests" / "ui"))
from cdp import JS_CANVAS_INK, JS_ERRORS, JS_IDLE, Browser, by_text, find_chromium, free_port  # noqa: E402

HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "SAMEORIGIN", "referrer-policy": "no-referrer"}



class ConsoleBrowser(Browser):
    """:class:`cdp.Browser` that keeps the console's entries (the ``Log`` domain: every frame of the
    page, the components' iframes included), where Chromium reports each CSP violation."""

    def __init__(self, binary: str, **kwargs) -> None:
        self.entries: list[dict] = []
        super().__init__(binary, **kwargs)
        self.call("Log.enable")

    def on_event(self, msg: dict) -> None:
        if msg.get("method") == "Log.entryAdded":  # an event that arrived while waiting for a reply
            self.entries.append(msg["params"]["entry"])

    def csp_violations(self) -> list[str]:
        """The CSP violations reported so far (and forgets them)."""
        self.eval("0")  # read the events that arrived since the last call
        found = [f"{e.get('url', '')}: {e['text'][:300]}" for e in self.entries
                 if "Content Security Policy" in e.get("text", "")]
        self.entries.clear()
        return found


def _head(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def _assert_ui_headers(headers: dict[str, str], csp: str) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name) == value, (name, headers)
    assert headers.get("content-security-policy") == csp


# -- the policy itself ----------------------------------------------------------------------------
def test_policy_allows_exactly_the_inline_scripts_installed():
    import streamlit

    csp = ui_csp("/")
    script_src = re.search(r"script-src ([^;]*)", csp).group(1).split()
    page = Path(streamlit.__file__).parent / "static" / "index.html"
    wanted = inline_script_hashes(page.read_text(encoding="utf-8"))
    assert wanted and all(h in script_src for h in wanted)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert ui_csp("/media/report.docx") == CSP_MEDIA


def test_a_crash_answers_a_plain_500_with_the_headers():
    """Starlette's own error page is sent outside every user middleware; ours answers inside them."""
    def boom(request):
        raise RuntimeError("/srv/secret/path")

    app = Starlette(routes=[Route("/boom", boom), Route("/ok", lambda r: PlainTextResponse("ok"))],
                    middleware=middleware())
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/boom")
        assert r.status_code == 500 and r.text == "internal server error"  # no path, no traceback
        _assert_ui_headers({k.lower(): v for k, v in r.headers.items()}, ui_csp("/boom"))
        assert c.get("/ok").headers["x-frame-options"] == "SAMEORIGIN"


# -- the real thing: chainkg serve -----------------------------------------------------------------
def _chainkg() -> list[str]:
    script = Path(sys.executable).with_name("chainkg")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from chainkg.cli import app; app()"]


class Served:
    """``chainkg serve`` in its own process group, as a user runs it."""

    def __init__(self, store: str, env: dict[str, str] | None = None) -> None:
        self.api_port, self.ui_port = free_port(), free_port()
        self.ui, self.api = f"http://127.0.0.1:{self.ui_port}", f"http://127.0.0.1:{self.api_port}"
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"chainkg-serve-{self.ui_port}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHAINKG_")} | {
            "PYTHONUNBUFFERED": "1", "CHAINKG_UI_WARMUP": "0"} | (env or {})
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [*_chainkg(), "serve", "--no-load-first", "--store", store, "--api-port", str(self.api_port),
                 "--ui-port", str(self.ui_port)], cwd=PROJECT_ROOT, env=env, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True)
        self.pgid = self.proc.pid

    def wait(self, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        for url in (f"{self.ui}/_stcore/health", f"{self.api}/health"):
            while True:
                assert self.proc.poll() is None, f"chainkg serve exited {self.proc.returncode}:\n{self.output()}"
                try:
                    if _head(url)[0] == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() < end, f"{url} did not answer:\n{self.output()}"
                time.sleep(0.3)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""

    def group_alive(self) -> bool:
        try:
            os.killpg(self.pgid, 0)
            return True
        except ProcessLookupError:
            return False

    def kill(self) -> None:
        if self.group_alive():
            os.killpg(self.pgid, signal.SIGKILL)
        self.proc.wait(10)
        self.log.unlink(missing_ok=True)


def _browser_or_skip():
    binary = find_chromium()
    if binary is None:
        reason = "chromium not installed (apt-get install chromium fonts-noto-cjk)"
        if os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"required but unavailable: {reason}", pytrace=False)
        pytest.skip(reason)
    return ConsoleBrowser(binary, width=1366, height=900)


def _open(browser: Browser, url: str, timeout: float = 90) -> None:
    browser.goto(url)
    time.sleep(0.5)
    assert browser.wait_for(JS_IDLE, timeout=timeout), f"{url} did not render within {timeout}s"
    time.sleep(1.0)  # late frames and charts


@pytest.fixture(scope="module")
def bundled_store(tmp_path_factory) -> str:
    from chainkg.service import ChainKG
    from graph.store.sqlite_store import SQLiteStore

    path = tmp_path_factory.mktemp("uiheaders") / "kg.db"
    with SQLiteStore(path) as store:
        ChainKG(store).load()
    return str(path)


@pytest.fixture(scope="module")
def served(bundled_store):
    s = Served(bundled_store, env={"CHAINKG_DEV_MODE": "1"})  # as scripts/run.sh: the import page has its uploader
    try:
        s.wait()
        yield s
    finally:
        s.kill()


def test_headers_on_page_asset_error_and_api(served):
    status, h, body = _head(f"{served.ui}/")
    assert status == 200 and h["content-type"].startswith("text/html")
    _assert_ui_headers(h, ui_csp("/"))
    asset = re.search(rb'src="\./(static/js/[^"]+\.js)"', body).group(1).decode()
    status, h, _ = _head(f"{served.ui}/{asset}")  # a static asset
    assert status == 200 and "javascript" in h["content-type"]
    _assert_ui_headers(h, ui_csp("/" + asset))
    status, h, _ = _head(f"{served.ui}/_stcore/health")
    assert status == 200
    _assert_ui_headers(h, ui_csp("/_stcore/health"))
    status, h, _ = _head(f"{served.ui}/media/does-not-exist.png")  # an error answer
    assert status == 404
    _assert_ui_headers(h, CSP_MEDIA)
    status, h, _ = _head(f"{served.ui}/component/no.such.component/index.html")
    assert status == 404
    _assert_ui_headers(h, ui_csp("/component/no.such.component/index.html"))
    status, h, _ = _head(f"{served.api}/health")  # the API that serve started beside it keeps its own
    assert status == 200 and h["x-frame-options"] == "DENY" and h["x-content-type-options"] == "nosniff"


def test_pages_render_in_chromium_without_csp_violations(served):
    browser = _browser_or_skip()
    try:
        # the detector works: a load the policy blocks is reported
        _open(browser, f"{served.ui}/")
        browser.eval("(() => { const i = new Image(); i.src = 'http://203.0.113.1/x.png'; document.body.append(i); })()")
        time.sleep(1)
        assert any("img-src" in v for v in browser.csp_violations())
        problems = []
        for page, drawn in (("", "[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg"),
                            ("panorama", ".js-plotly-plot .shapelayer path"), ("gaps", None), ("workbench", None),
                            ("chokepoints", None), ("enterprises", None), ("whatif", None), ("import", None)):
            _open(browser, f"{served.ui}/{page}")
            if drawn and not browser.wait_for(f"document.querySelectorAll({drawn!r}).length", timeout=30):
                problems.append(f"/{page}: nothing drawn ({drawn})")
            if errors := browser.eval(JS_ERRORS):
                problems.append(f"/{page}: error box: {errors}")
            if violations := browser.csp_violations():
                problems.append(f"/{page}: CSP violations: {violations}")
            if page == "import":  # Streamlit's own upload cap is the API's (ui/server.py), not its 200 MB
                said = browser.wait_for("[...document.querySelectorAll('[data-testid=stFileUploaderDropzoneInstructions]')]"
                                        ".map(e => e.innerText).join(' ')", timeout=20) or browser.eval(
                                            "document.querySelector('[data-testid=stMain]').innerText.slice(0, 600)")
                if f"{MAX_UPLOAD_MB}MB per file" not in said:
                    problems.append(f"/import: the uploader does not say the {MAX_UPLOAD_MB} MB cap: {said!r}")
        assert not problems, "\n".join(problems)
    finally:
        browser.close()


def test_console_graph_component_draws_under_the_policy(neo4j_store, tmp_path):
    """The agraph component: a same-origin iframe whose page has an inline script (allowed by hash)."""
    from chainkg.service import ChainKG

    ChainKG(neo4j_store).load()
    s = Served(os.environ["CHAINKG_NEO4J_URL"], env={"CHAINKG_DEV_MODE": "1"})
    browser = None
    try:
        s.wait()
        browser = _browser_or_skip()
        _open(browser, f"{s.ui}/query")
        browser.click(by_text("button", "执行"))
        browser.click(by_text("[role=tab]", "图"), timeout=60)
        ink = browser.wait_for(f"{JS_CANVAS_INK} > 100 && {JS_CANVAS_INK}", timeout=60)
        violations = browser.csp_violations()
        assert ink, f"the graph did not draw; CSP violations: {violations}; errors: {browser.eval(JS_ERRORS)}"
        assert not violations
    finally:
        if browser is not None:
            browser.close()
        s.kill()


def test_sigterm_stops_every_process_with_a_browser_connected(bundled_store):
    s = Served(bundled_store)
    browser = None
    try:
        s.wait()
        if find_chromium():
            browser = _browser_or_skip()
            _open(browser, f"{s.ui}/")  # an open WebSocket session while the server stops
        os.kill(s.proc.pid, signal.SIGTERM)
        assert s.proc.wait(40) == 0, s.output()
        end = time.monotonic() + 15  # serve waited for its children; give the kernel a moment to reap
        while s.group_alive() and time.monotonic() < end:
            time.sleep(0.2)
        assert not s.group_alive(), "a process of chainkg serve is still running:\n" + s.output()
        for port in (s.ui_port, s.api_port):
            with pytest.raises(OSError):
                _head(f"http://127.0.0.1:{port}/")
    finally:
        if browser is not None:
            browser.close()
        s.kill()
