"""``chainkg serve``: load the bundled data, then run the API (uvicorn) and the UI (streamlit)
side by side on 127.0.0.1, until Ctrl-C or either process exits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from chainkg import service
from chainkg.settings import PROJECT_ROOT, Settings

__all__ = ["serve"]


def serve(settings: Settings, *, load_first: bool = True, api_port: int = 8000, ui_port: int = 8501) -> None:
    if load_first:
        store = service.open_from_settings(settings)
        report = service.load(store)
        print(f"loaded bundled data: {report.summary()}", flush=True)
        store.close()
    env = os.environ | {"CHAINKG_STORE": settings.store}
    procs = [
        subprocess.Popen([sys.executable, "-m", "uvicorn", "api.app:app", "--host", settings.api_host,
                          "--port", str(api_port)], env=env, cwd=PROJECT_ROOT),
        subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "ui" / "app.py"),
                          "--server.address", settings.api_host, "--server.port", str(ui_port),
                          "--server.headless", "true", "--browser.gatherUsageStats", "false"], env=env,
                         cwd=PROJECT_ROOT),
    ]
    print(f"API  http://{settings.api_host}:{api_port}/docs\nUI   http://{settings.api_host}:{ui_port}", flush=True)
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
