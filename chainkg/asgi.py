"""Pure-ASGI pieces the API and the UI server share, written once: the pass-through of what a
middleware does not handle, a header's value, a ``send`` that adds headers to the response, and the
security headers every response of either server carries (each passes its own policy).

>>> header({"headers": [(b"Content-Length", b"12")]}, b"content-length"), header({}, b"accept")
('12', None)
"""

from __future__ import annotations

from abc import ABC, abstractmethod

__all__ = ["Middleware", "BODYLESS", "header", "adding_headers", "SecurityHeaders"]

#: methods whose requests carry no body (the body and token gates let them through)
BODYLESS = ("GET", "HEAD", "OPTIONS")


def header(scope_or_message: dict, name: bytes) -> str | None:
    """The value of header ``name`` (lower-case bytes) of a request scope or a response-start message."""
    for k, v in scope_or_message.get("headers") or []:
        if k.lower() == name:
            return v.decode("latin-1")
    return None


class Middleware(ABC):
    """A pure-ASGI middleware: what is not an HTTP request (lifespan, websocket), or is one
    :meth:`applies` turns down, goes straight to the app; the rest to :meth:`handle`."""

    def __init__(self, app) -> None:
        self.app = app

    def applies(self, scope) -> bool:
        """Whether this HTTP request is one the middleware handles (all of them unless overridden)."""
        return True

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not self.applies(scope):
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    @abstractmethod
    async def handle(self, scope, receive, send) -> None:
        """Handle one HTTP request the middleware applies to."""


def adding_headers(send, extra: list[tuple[bytes, bytes]], on_start=None):
    """``send`` that appends ``extra`` headers to the response start (a header the response already
    has is kept as it is), calling ``on_start(message)`` first when given."""

    async def wrapped(message) -> None:
        if message["type"] == "http.response.start":
            if on_start is not None:
                on_start(message)
            have = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in have)]
        await send(message)

    return wrapped


class SecurityHeaders(Middleware):
    """Security headers on every response (outermost middleware, so a 413 or the generic 500 get them too).

    ``csp_for(path)`` chooses the Content-Security-Policy (the API: :func:`api.middleware.api_csp`; the UI:
    ``ui/headers.py``) and ``frame_options`` the X-Frame-Options value. A header the app set itself
    is kept. WebSocket and lifespan traffic pass through untouched."""

    def __init__(self, app, csp_for, frame_options: str = "DENY") -> None:
        super().__init__(app)
        self.csp_for = csp_for
        self.fixed = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", frame_options.encode()),
                      (b"referrer-policy", b"no-referrer")]

    async def handle(self, scope, receive, send) -> None:
        extra = [*self.fixed, (b"content-security-policy", self.csp_for(scope.get("path", "")).encode())]
        await self.app(scope, receive, adding_headers(send, extra))
