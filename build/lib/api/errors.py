"""One JSON error shape ``{code, message, details}`` for every failure the API reports.

ChainKGError keeps its own code and status; HTTPException keeps its status; validation errors
are 422 with the offending fields in ``details.errors``; anything unexpected is a 500 with a
generic message (the traceback goes to the log with the request id, never to the client —
see :mod:`api.middleware`).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from chainkg.errors import AuthError, ChainKGError

__all__ = ["install", "error_body"]

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
               415: "unsupported_media_type", 422: "invalid_input", 429: "too_many_requests"}


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    return {"code": code, "message": message, "details": jsonable_encoder(details or {})}


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ChainKGError)
    async def _chainkg(request: Request, exc: ChainKGError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthError) else None
        return JSONResponse(error_body(exc.code, exc.message, exc.details), status_code=exc.http_status,
                            headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error" if exc.status_code < 500 else "server_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        details = {} if isinstance(exc.detail, str) else {"detail": exc.detail}
        return JSONResponse(error_body(code, message, details), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        return JSONResponse(error_body("invalid_input", f"{where}: {first['msg']}" if where else first["msg"],
                                       {"errors": errors}), status_code=422)
