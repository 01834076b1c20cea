"""The ChainKG HTTP API (FastAPI), versioned under ``/api/v1``. Thin: every route calls one
function of :mod:`chainkg.service`; errors of the ChainKGError family become one JSON shape.

Run: ``uvicorn api.app:app`` (or ``chainkg serve``).
"""

from __future__ import annotations

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from api.deps import get_ontology, get_store
from chainkg import __version__, service
from chainkg.errors import ChainKGError

__all__ = ["app", "create_app"]


def create_app() -> FastAPI:
    app = FastAPI(title="ChainKG 台州产业链知识图谱 API", version=__version__)

    @app.exception_handler(ChainKGError)
    async def _chainkg_error(request: Request, exc: ChainKGError) -> JSONResponse:
        return JSONResponse(status_code=exc.http_status,
                            content={"code": exc.code, "message": exc.message, "details": exc.details})

    @app.get("/health")
    def health(store=Depends(get_store)) -> dict:
        return {"status": "ok", "store": store.kind}

    @app.get("/api/v1/clusters")
    def clusters(store=Depends(get_store), onto=Depends(get_ontology)) -> list[dict]:
        return service.clusters(store, onto)

    @app.get("/api/v1/clusters/{cluster_id}/gaps")
    def cluster_gaps(cluster_id: str, store=Depends(get_store), onto=Depends(get_ontology)) -> list[dict]:
        return service.gaps(store, cluster_id, onto)

    return app


app = create_app()
