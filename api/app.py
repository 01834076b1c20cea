"""The ChainKG HTTP API (FastAPI), versioned under ``/api/v1``; OpenAPI at ``/docs`` and ``/openapi.json``.

Thin: every route calls one method of :class:`chainkg.service.ChainKG` (the ``api.deps.KG`` dependency) (route modules by concept under
:mod:`api.routes`). Cross-cutting behaviour lives here once: one JSON error shape
(:mod:`api.errors`), ``X-Request-ID`` + access log + generic 500 and ETag/304 (:mod:`api.middleware`),
CORS from ``CHAINKG_CORS_ORIGINS`` (closed by default).

Run: ``uvicorn api.app:app`` (or ``chainkg serve``).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from api import errors
from api.deps import KG, get_settings
from api.gate import AuthGate, HeavyLimit
from api.middleware import BodyLimit, ConditionalGet, RequestContext, api_csp
from chainkg.asgi import SecurityHeaders
from api.routes import admin, analysis, clusters, enterprises, graph, policy, reports, workbench
from api.schemas.common import Health
from chainkg import __version__
from chainkg.settings import Settings

__all__ = ["app", "create_app", "API_PREFIX"]

API_PREFIX = "/api/v1"

DESCRIPTION = """台州产业链知识图谱 — the industrial chains of Taizhou's seven manufacturing clusters, their
weak and missing links (补链/强链/延链), chokepoint technologies (卡脖子), priority technology projects
(揭榜挂帅) and 招商 targets, each verdict with its evidence.

* Lists are paged (`limit` ≤ 500, `offset`, `total`) in a stable order; add `?format=csv` (or
  `Accept: text/csv`) for a CSV that opens in Excel.
* GET responses carry `ETag`; send `If-None-Match` to get `304 Not Modified`.
* Errors: `{code, message, details}`. Every response carries `X-Request-ID`.
* Writes (`/import`, `/reload`) and `/cypher` need `Authorization: Bearer <CHAINKG_API_TOKEN>`.
* Heavy requests (operations marked `x-chainkg-heavy`: analysis, export, report, import, console) run
  a few at a time per kind; one more gets `429` with `Retry-After`. `/export` is streamed.
"""


def create_app(settings: Settings | None = None, heavy_limits: dict[str, int] | None = None) -> FastAPI:
    """Build the app; ``settings`` (default: from the environment) decide CORS and the concurrent
    heavy requests per kind (``CHAINKG_HEAVY_LIMITS``); ``heavy_limits`` replaces the latter (tests)."""
    settings = settings or get_settings()
    if heavy_limits is None:
        heavy_limits = settings.heavy_limits
    # /docs and /redoc with Swagger UI / ReDoc served from the installed package, not a CDN (works offline)
    app = FastAPIOffline(title="ChainKG 台州产业链知识图谱 API", version=__version__, description=DESCRIPTION)
    errors.install(app)

    @app.get("/health", response_model=Health, tags=["health"])
    def health(kg: KG):
        """Liveness: the store answers."""
        return {"status": "ok", "store": kg.kind}

    v1 = APIRouter(prefix=API_PREFIX)
    for module in (clusters, enterprises, analysis, graph, admin, workbench, reports, policy):
        v1.include_router(module.router)
    app.include_router(v1)

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
                           expose_headers=["ETag", "X-Request-ID"])
    # outermost last; a request passes: headers → request id → token → cache → heavy slot → body cap
    app.add_middleware(BodyLimit)      # bounded request bodies (413), before anything reads them
    app.add_middleware(HeavyLimit, limits=heavy_limits)  # per-kind concurrency (429), before the body
    app.add_middleware(ConditionalGet)  # cached GET answers take no heavy slot; streamed ones pass through
    app.add_middleware(AuthGate)       # token-only routes refused (401/403) before their body is read
    app.add_middleware(RequestContext)  # outermost but one: sees every response, even a crash
    app.add_middleware(SecurityHeaders, csp_for=api_csp)  # added last = outermost: headers on every response, the 500 too
    return app


app = create_app()
