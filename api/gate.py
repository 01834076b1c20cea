"""Gates in front of the routes, before any request body is read: who may send it, and how many at once.

* :class:`AuthGate`: a route that needs the API token (one that depends on
  :func:`api.deps.require_token`) is refused — ``401``/``403`` by :func:`api.deps.check_token`, the
  same rule the route applies — *before* its body is read. An anonymous 50 MB upload then costs
  nothing but its headers: the server answers and closes the connection without reading the rest.
* :class:`HeavyLimit`: requests of a heavy kind (analysis, export, report, import, console) run at
  most ``limit`` at a time per kind (``CHAINKG_HEAVY_LIMITS``; defaults
  :data:`chainkg.settings.HEAVY_LIMITS`); one more is refused at once with ``429 too_many_requests``
  and ``Retry-After`` — never queued, so a burst cannot pile up memory or threads. Other kinds and
  light requests are unaffected. Answers from the response cache
  (:class:`api.middleware.ConditionalGet`, outside this gate) take no slot.

A route declares its kind with ``openapi_extra=heavy("export")`` (also shown in the OpenAPI
document as ``x-chainkg-heavy``); the gates match the request against the app's own OpenAPI
document (paths, methods, the bearer ``security`` requirement, ``x-chainkg-heavy``), so no path is
spelled twice.

>>> heavy("export")
{'x-chainkg-heavy': 'export'}
"""

from __future__ import annotations

import re
import threading
import weakref

from starlette.routing import compile_path

from api.asgi import send_error
from chainkg.asgi import BODYLESS, Middleware, header
from api.deps import check_token, get_settings
from chainkg.errors import ChainKGError
from chainkg.settings import HEAVY_LIMITS

__all__ = ["HEAVY_LIMITS", "RETRY_AFTER_S", "heavy", "AuthGate", "HeavyLimit"]

#: seconds a refused client is told to wait
RETRY_AFTER_S = 5
_MARK = "x-chainkg-heavy"


def heavy(kind: str) -> dict:
    """``openapi_extra`` marking a route as heavy of ``kind`` (a key of :data:`HEAVY_LIMITS`)."""
    if kind not in HEAVY_LIMITS:
        raise ValueError(f"unknown heavy kind {kind!r}; known: {', '.join(HEAVY_LIMITS)}")
    return {_MARK: kind}


_ROUTES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_ROUTES_LOCK = threading.Lock()


def _table(app) -> list[tuple[re.Pattern, str, bool, str | None]]:
    """(path regex, method, needs the token, heavy kind) of every operation, from the app's own
    OpenAPI document: the token shows as the bearer ``security`` requirement that
    :func:`api.deps.require_token` declares, the kind as ``x-chainkg-heavy``."""
    out = []
    for path, ops in app.openapi().get("paths", {}).items():
        regex = compile_path(path)[0]
        for method, op in ops.items():
            token, kind = bool(op.get("security")), op.get(_MARK)
            if token or kind:
                out.append((regex, method.upper(), token, kind))
    return out


def _route_facts(scope) -> tuple[bool, str | None]:
    """(needs the token, heavy kind) of the operation this request goes to; (False, None) if none."""
    app = scope.get("app")
    if app is None or not hasattr(app, "openapi"):
        return False, None
    with _ROUTES_LOCK:
        table = _ROUTES.get(app)
        if table is None:
            table = _ROUTES[app] = _table(app)
    path, method = scope.get("path", ""), scope["method"]
    for regex, op_method, token, kind in table:
        if (op_method == method or (method == "HEAD" and op_method == "GET")) and regex.match(path):
            return token, kind
    return False, None


class AuthGate(Middleware):
    """Refuse a token-only route without a valid token before its body is read."""

    def applies(self, scope) -> bool:
        return scope["method"] not in BODYLESS

    async def handle(self, scope, receive, send) -> None:
        token, _ = _route_facts(scope)
        if token:
            app = scope.get("app")
            settings = getattr(app, "dependency_overrides", {}).get(get_settings, get_settings)()
            try:
                check_token(scope, header(scope, b"authorization"), settings)
            except ChainKGError as exc:
                extra = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
                return await send_error(send, exc.http_status, exc.code, exc.message, exc.details, extra, close=True)
        await self.app(scope, receive, send)


class HeavyLimit(Middleware):
    """At most ``limits[kind]`` requests of each heavy kind at once; one more gets 429 + Retry-After."""

    def __init__(self, app, limits: dict[str, int] | None = None) -> None:
        super().__init__(app)
        self.limits = dict(HEAVY_LIMITS if limits is None else limits)
        self.running = dict.fromkeys(self.limits, 0)
        self._lock = threading.Lock()

    async def handle(self, scope, receive, send) -> None:
        _, kind = _route_facts(scope)
        if kind is None:
            return await self.app(scope, receive, send)
        with self._lock:
            busy = self.running[kind] >= self.limits[kind]
            if not busy:
                self.running[kind] += 1
        if busy:
            return await send_error(send, 429, "too_many_requests",
                                    f"too many {kind} requests at once (limit {self.limits[kind]}): retry in "
                                    f"{RETRY_AFTER_S} s", {"kind": kind, "limit": self.limits[kind]},
                                    {"Retry-After": str(RETRY_AFTER_S)}, close=True)
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                self.running[kind] -= 1
