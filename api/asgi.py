"""The API's one error shape answered from inside a middleware (:mod:`api.middleware`, :mod:`api.gate`);
the shared ASGI pieces are in :mod:`chainkg.asgi`."""

from __future__ import annotations

import json

from api.errors import error_body

__all__ = ["send_error"]


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
