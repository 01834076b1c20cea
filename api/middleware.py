"""Pure-ASGI middleware: request ids + access log + last-resort 500, and ETag / conditional GET.

* ``X-Request-ID``: taken from the request when it is a sane token (≤ 64 of ``A-Za-z0-9._-``),
  else generated; echoed on every response and written on the access-log line, so a user's
  report can be matched with the log.
* Unexpected exceptions become ``500 {code: internal_error}`` with a generic message; the
  traceback is logged with the request id. Nothing internal reaches the client.
* GET 200 responses with a ``Content-Length`` get ``ETag`` (a hash of the body) and ``Cache-Control: no-cache`` (clients may
  keep a copy but revalidate); ``If-None-Match`` with a matching tag answers ``304`` without a body.
  Streamed responses (no ``Content-Length``: ``/export``) pass through untouched and uncached.
* GET 200 responses under ``/api/v1/`` are kept in an in-process LRU (``RESPONSE_CACHE_BYTES``) of
  finished bodies keyed on (the service's :meth:`~chainkg.service.ChainKG.version`, path, query,
  Accept, Accept-Language — a CSV's text cells follow the language). Why, next to the service's analysis cache: the 100k-firm benchmark showed the time going
  to response validation/serialisation and to the store's paged listing queries, neither of which
  the service caches; it shares the service's version token (bumped by every write the service
  makes, and by the store's own ``version()``) and its ``CACHE_TTL_S``, so both go stale together.
* Every response carries ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``,
  ``Referrer-Policy: no-referrer`` and a ``Content-Security-Policy``: nothing at all for the JSON
  API; for the offline ``/docs`` and ``/redoc`` pages, same-origin assets plus the inline bootstrap
  script/styles they need (no other origin).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
import uuid
import weakref
from collections import OrderedDict

from api.asgi import send_error
from chainkg.asgi import BODYLESS, Middleware, adding_headers, header
from chainkg.cache import CACHE_TTL_S
from chainkg.settings import MAX_UPLOAD_BYTES

__all__ = ["RequestContext", "ConditionalGet", "api_csp", "access_log"]

access_log = logging.getLogger("chainkg.api.access")
error_log = logging.getLogger("chainkg.api")
_RID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestContext(Middleware):
    """Request id, access log and the generic 500 (outermost middleware)."""

    async def handle(self, scope, receive, send) -> None:
        given = header(scope, b"x-request-id")
        rid = given if given and _RID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid
        started, status = time.perf_counter(), {"code": 500, "sent": False}

        def started_response(message) -> None:
            status["code"], status["sent"] = message["status"], True

        send_with_id = adding_headers(send, [(b"x-request-id", rid.encode())], started_response)
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            error_log.exception("unhandled error [request_id=%s] %s %s", rid, scope["method"], scope["path"])
            if not status["sent"]:
                await send_error(send_with_id, 500, "internal_error", "internal server error", {"request_id": rid})
            status["code"] = 500
        finally:
            access_log.info("%s %s %s %d %.1fms request_id=%s", scope.get("client", ("-",))[0] if scope.get("client") else "-",
                            scope["method"], scope["path"] + ("?" + scope["query_string"].decode("latin-1")
                                                              if scope.get("query_string") else ""),
                            status["code"], 1000 * (time.perf_counter() - started), rid)


RESPONSE_CACHE_BYTES = 64 * 1024 * 1024


class _Lru:
    """Byte-bounded LRU of finished responses for one store."""

    def __init__(self) -> None:
        self.items: OrderedDict = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key, version):
        with self.lock:
            hit = self.items.get(key)
            if hit is None:
                return None
            if hit[0] != version or time.monotonic() - hit[1] > CACHE_TTL_S:
                self._drop(key)
                return None
            self.items.move_to_end(key)
            return hit[2]

    def put(self, key, version, value) -> None:
        cost = len(value[2]) + 512
        if cost > RESPONSE_CACHE_BYTES // 8:
            return
        with self.lock:
            if key in self.items:
                self._drop(key)
            self.items[key] = (version, time.monotonic(), value)
            self.size += cost
            while self.size > RESPONSE_CACHE_BYTES:
                self._drop(next(iter(self.items)))

    def _drop(self, key) -> None:
        _, _, value = self.items.pop(key)
        self.size -= len(value[2]) + 512


class ConditionalGet(Middleware):
    """ETag + Cache-Control on GET 200 responses, 304 on a matching If-None-Match, response cache."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self._caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def _kg(self, scope):
        """The service the routes would use (honours ``app.dependency_overrides``, as tests set them)."""
        from api.deps import get_kg, get_ontology, get_store

        overrides = getattr(scope.get("app"), "dependency_overrides", {})
        return get_kg(overrides.get(get_store, get_store)(), overrides.get(get_ontology, get_ontology)())

    def applies(self, scope) -> bool:
        return scope["method"] in ("GET", "HEAD")

    async def handle(self, scope, receive, send) -> None:
        cache = key = version = None
        if scope["path"].startswith("/api/v1/"):
            try:
                kg = self._kg(scope)
                cache = self._caches.setdefault(kg, _Lru())
                version = kg.version()
                # Accept-Language too: a CSV's text cells follow it (api.csv_rows.request_lang)
                key = (scope["path"], scope.get("query_string", b""), header(scope, b"accept") or "",
                       header(scope, b"accept-language") or "")
            except Exception:  # no store: let the route report it
                cache = None
        if cache is not None:
            hit = cache.get(key, version)
            if hit is not None:
                await self._finish(scope, send, {"status": hit[0], "headers": hit[1]}, hit[2])
                return
        start: dict = {}
        chunks: list[bytes] = []
        streamed = False

        async def buffer(message) -> None:
            nonlocal streamed
            if streamed:
                await send(message)
            elif message["type"] == "http.response.start":
                start.update(message)
                # a streamed response (no Content-Length, e.g. /export) goes straight through: no
                # ETag, no cache, never held in memory whole
                if header(message, b"content-length") is None:
                    streamed = True
                    await send(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    body = b"".join(chunks)
                    if cache is not None and start["status"] == 200:
                        cache.put(key, version, (200, list(start.get("headers", [])), body))
                    await self._finish(scope, send, start, body)
            else:
                await send(message)

        await self.app(scope, receive, buffer)

    @staticmethod
    async def _finish(scope, send, start: dict, body: bytes) -> None:
        headers = [(k, v) for k, v in start.get("headers", [])]
        status = start["status"]
        if status == 200:
            tag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
            headers = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control")]
            headers += [(b"etag", tag.encode()), (b"cache-control", b"no-cache")]
            inm = header(scope, b"if-none-match")
            if inm and (inm.strip() == "*" or tag in [t.strip().removeprefix("W/") for t in inm.split(",")]):
                headers = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


#: request bodies: uploads (``/import``, ``/overrides/import``) up to MAX_UPLOAD_BYTES, every other body 1 MiB
UPLOAD_PATHS = ("/import", "/overrides/import")
MAX_BODY_BYTES = 1024 * 1024


class BodyLimit(Middleware):
    """Refuse a request body over its limit with 413 before the app sees it: by Content-Length when
    given, else by counting the stream (a chunked upload cannot slip past); memory ≤ the limit."""

    def applies(self, scope) -> bool:
        return scope["method"] not in BODYLESS

    async def handle(self, scope, receive, send) -> None:
        limit = MAX_UPLOAD_BYTES if scope["path"].endswith(UPLOAD_PATHS) else MAX_BODY_BYTES
        declared = header(scope, b"content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return await _too_large(send, limit)
        # read the body first (at most ``limit`` bytes are ever held), then hand it to the app
        chunks, seen, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return await self.app(scope, _replay([message]), send)
            chunks.append(message.get("body", b""))
            seen += len(chunks[-1])
            if seen > limit:
                return await _too_large(send, limit)
            more = message.get("more_body", False)
        await self.app(scope, _replay([{"type": "http.request", "body": b"".join(chunks), "more_body": False}],
                                      receive), send)


def _replay(messages: list[dict], then=None):
    async def receive():
        if messages:
            return messages.pop(0)
        if then is not None:
            return await then()
        return {"type": "http.disconnect"}
    return receive


async def _too_large(send, limit: int) -> None:
    await send_error(send, 413, "payload_too_large", f"request body larger than {limit // 1024} KiB")


#: JSON (and everything else): a browser may load nothing from it, nor frame it
CSP_API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
#: the offline Swagger UI / ReDoc pages: own-origin assets, their inline bootstrap, blob workers (ReDoc)
CSP_DOCS = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
_DOC_PAGES = ("/docs", "/redoc")


def api_csp(path: str) -> str:
    """The API's policy for a path: the docs pages' own, else nothing may load.

    >>> api_csp("/api/v1/stats") == CSP_API, api_csp("/docs") == CSP_DOCS
    (True, True)
    """
    return CSP_DOCS if path in _DOC_PAGES or path.startswith("/docs/") else CSP_API
