"""Security headers of the UI's HTTP responses (mounted by ``ui/server.py``).

The Content-Security-Policy is the one the app works under in Chromium (``tests/security/
test_ui_headers.py`` opens the pages and fails on any violation): scripts only from the app's
own origin plus the inline scripts of Streamlit's ``index.html`` and of the custom components'
pages, each allowed by its SHA-256 hash (computed here from the installed files, so an upgrade
keeps working and nothing else inline runs); inline styles (Streamlit's CSS-in-JS needs them);
``data:``/``blob:`` images, fonts and workers; frames and framing by the same origin only (the
custom components are same-origin iframes). ``/media/*`` (report files, images) may load nothing.

>>> "frame-ancestors 'self'" in ui_csp("/"), ui_csp("/media/x.docx") == CSP_MEDIA
(True, True)
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import logging
import re
from functools import cache
from pathlib import Path

import streamlit as st

from chainkg import asgi
from chainkg.asgi import SecurityHeaders

__all__ = ["middleware", "ui_csp", "inline_script_hashes", "PlainServerError", "CSP_MEDIA", "COMPONENT_PACKAGES"]

#: packages of the custom components the UI renders (their frames run inline scripts too)
COMPONENT_PACKAGES = ("streamlit_agraph",)
#: media files (downloads, images): never a document that runs or loads anything
CSP_MEDIA = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.I | re.S)
_log = logging.getLogger("chainkg.ui")


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions allowing exactly the inline scripts of ``html``.

    >>> inline_script_hashes('<script src="a.js"></script><script>window.x = 1</script>')
    ["'sha256-TRQHTtKk2Jz9TNrGZb+BnTJZb+vLVfeW/a0aaZ7avUM='"]
    """
    return [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
            for body in _INLINE_SCRIPT.findall(html) if body.strip()]


def _pages() -> list[Path]:
    pages = [Path(st.__file__).parent / "static" / "index.html"]
    for name in COMPONENT_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            pages += sorted(Path(spec.origin).parent.rglob("*.html"))
    return pages


@cache
def _script_sources() -> str:
    hashes: list[str] = []
    for page in _pages():
        for h in inline_script_hashes(page.read_text(encoding="utf-8")):
            if h not in hashes:
                hashes.append(h)
    return " ".join(["'self'", *hashes])


def ui_csp(path: str) -> str:
    """The Content-Security-Policy for a UI path."""
    if path.startswith("/media/"):
        return CSP_MEDIA
    return (f"default-src 'self'; script-src {_script_sources()} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            "worker-src 'self' blob:; frame-src 'self'; object-src 'none'; "
            "frame-ancestors 'self'; base-uri 'self'; form-action 'self'")


class PlainServerError(asgi.Middleware):
    """An exception escaping Streamlit's HTTP handlers → a plain ``500`` sent inside the header
    middleware (Starlette's own error page is sent outside every user middleware: no headers)."""

    async def handle(self, scope, receive, send) -> None:
        started = False

        async def tracking_send(message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            _log.exception("unhandled error %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            body = b"internal server error"
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})


def middleware() -> list:
    """The UI's middleware, outermost first: headers go on everything, the plain 500 included."""
    from starlette.middleware import Middleware

    return [Middleware(SecurityHeaders, csp_for=ui_csp, frame_options="SAMEORIGIN"), Middleware(PlainServerError)]
