"""What every pure-ASGI middleware of the API (:mod:`api.middleware`, :mod:`api.gate`) does alike,
written once: the pass-through of what it does not handle, a header's value, a ``send`` that adds
headers to the response, and an answer in the API's one error shape (:func:`api.errors.error_body`).

>>> header({"headers": [(b"Content-Length", b"12")]}, b"content-length"), header({}, b"accept")
('12', None)
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod

from api.errors import error_body

__all__ = ["Middleware", "BODYLESS", "header", "adding_headers", "send_error"]

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


async def send_error(send, status: int, code: str, message: str, details: dict | None = None,
                     headers: dict[str, str] | None = None, *, close: bool = False) -> None:
    """Answer with the API's one error shape from inside a middleware; ``close``: ask the client to
    close the connection (the request's body was not read)."""
    body = json.dumps(error_body(code, message, details), ensure_ascii=False).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        raw.append((b"connection", b"close"))
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
