"""``chainkg serve``: load the bundled data, then run the API (uvicorn) and the UI (streamlit)
side by side on ``CHAINKG_API_HOST`` (127.0.0.1 by default), until Ctrl-C, SIGTERM or either
process exits; then both are stopped (SIGTERM, SIGKILL after 10 s) before it returns.

Settings are checked first: a short ``CHAINKG_API_TOKEN`` or dev mode on a non-loopback host
refuse to start (:class:`chainkg.settings.SettingsError`); so does a port already in use
(:class:`~chainkg.errors.InputError`, exit 1), before anything is loaded or started."""

from __future__ import annotations

import os
from pathlib import Path
import signal
import socket
import subprocess
import sys
import time

from chainkg.service import ChainKG
from chainkg.errors import InputError
from chainkg.settings import PROJECT_ROOT, Settings, is_loopback, load_settings

__all__ = ["serve"]


class _Stop(Exception):
    """SIGTERM/SIGHUP arrived: leave the wait loop and stop the children."""


def _raise_stop(signum, frame) -> None:
    raise _Stop(signum)


def check_port_free(host: str, port: int, option: str) -> None:
    """Refuse a port something already listens on (the child would fail to bind while serve went on)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: a TIME_WAIT port is free
        try:
            s.bind((host, port))
        except OSError as e:
            raise InputError(f"port {port} on {host} is already in use ({e.strerror}); choose another with "
                             f"{option}", field=option) from e


def serve(settings: Settings, *, load_first: bool = True, api_port: int = 8000, ui_port: int = 8501) -> None:
    settings = load_settings(**settings.model_dump())  # re-check: the caller may have built it field by field
    if api_port == ui_port:
        raise InputError(f"--api-port and --ui-port are both {api_port}", field="--ui-port")
    check_port_free(settings.api_host, api_port, "--api-port")
    check_port_free(settings.api_host, ui_port, "--ui-port")
    if not is_loopback(settings.api_host):
        print(f"note: serving on {settings.api_host}, reachable from the network; writes and the Cypher console "
              + ("need the bearer token (CHAINKG_API_TOKEN)" if settings.api_token else "are off (no CHAINKG_API_TOKEN)")
              + "; the UI has no login of its own", file=sys.stderr, flush=True)
    if load_first:
        kg = ChainKG.from_settings(settings)
        report = kg.load()
        print(f"loaded bundled data: {report.summary()}", flush=True)
        kg.store.close()
    env = os.environ | {"CHAINKG_STORE": settings.store, "CHAINKG_API_HOST": settings.api_host}
    import importlib.util

    # the UI's launcher (ui/server.py: the app behind its security headers), found (not imported: the UI
    # sits above this layer) wherever the package is installed
    app_file = Path(importlib.util.find_spec("ui").origin).resolve().parent / "server.py"
    cwd = PROJECT_ROOT if (PROJECT_ROOT / ".streamlit").is_dir() else Path.cwd()
    procs = [
        subprocess.Popen([sys.executable, "-m", "uvicorn", "api.app:app", "--host", settings.api_host,
                          "--port", str(api_port)], env=env, cwd=cwd),
        subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(app_file),
                          "--server.address", settings.api_host, "--server.port", str(ui_port),
                          "--server.headless", "true", "--browser.gatherUsageStats", "false"], env=env,
                         cwd=cwd),
    ]
    print(f"API  http://{settings.api_host}:{api_port}/docs\nUI   http://{settings.api_host}:{ui_port}", flush=True)
    previous = {}
    try:
        for sig in (signal.SIGTERM, signal.SIGHUP):
            previous[sig] = signal.signal(sig, _raise_stop)
    except ValueError:  # not the main thread: Ctrl-C / the caller stops us
        pass
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
    except (KeyboardInterrupt, _Stop):
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
