"""The pieces the API's middlewares share (api/asgi.py), on raw ASGI messages."""

from __future__ import annotations

import asyncio
import json

from api.asgi import send_error
from chainkg.asgi import BODYLESS, Middleware, adding_headers


class _Tag(Middleware):
    """Marks the requests it handles; lets GET and friends through untouched."""

    def applies(self, scope) -> bool:
        return scope["method"] not in BODYLESS

    async def handle(self, scope, receive, send) -> None:
        scope["handled"] = True
        await self.app(scope, receive, send)


def _run(mw, scope) -> dict:
    seen = {}

    async def app(scope, receive, send):
        seen.update(scope)

    asyncio.run(mw(app)(scope, None, None))
    return seen


def test_only_http_requests_it_applies_to_reach_handle():
    assert _run(_Tag, {"type": "lifespan"}).get("handled") is None
    assert _run(_Tag, {"type": "http", "method": "GET"}).get("handled") is None
    assert _run(_Tag, {"type": "http", "method": "POST"})["handled"] is True


def test_adding_headers_keeps_a_header_the_response_has_and_sees_the_start():
    sent, starts = [], []
    send = adding_headers(_collect(sent), [(b"x-frame-options", b"DENY"), (b"x-a", b"1")], starts.append)
    start = {"type": "http.response.start", "status": 200, "headers": [(b"X-Frame-Options", b"SAMEORIGIN")]}
    asyncio.run(send(start))
    asyncio.run(send({"type": "http.response.body", "body": b"x"}))
    assert sent[0]["headers"] == [(b"X-Frame-Options", b"SAMEORIGIN"), (b"x-a", b"1")]
    assert starts == [start] and sent[1] == {"type": "http.response.body", "body": b"x"}


def test_send_error_is_the_api_error_shape():
    sent = []
    asyncio.run(send_error(_collect(sent), 429, "too_many_requests", "busy", {"kind": "export"},
                           {"Retry-After": "5"}, close=True))
    start, body = sent
    assert start["status"] == 429
    assert (b"connection", b"close") in start["headers"] and (b"retry-after", b"5") in start["headers"]
    assert dict(start["headers"])[b"content-length"] == str(len(body["body"])).encode()
    assert json.loads(body["body"]) == {"code": "too_many_requests", "message": "busy", "details": {"kind": "export"}}
    sent.clear()
    asyncio.run(send_error(_collect(sent), 413, "payload_too_large", "too big"))
    assert b"connection" not in dict(sent[0]["headers"])


def _collect(into: list):
    async def send(message):
        into.append(message)
    return send
