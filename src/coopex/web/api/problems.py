"""Errors as RFC 9457 problem details (application/problem+json), naming field and reason."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import Scope

from coopex.domain.errors import (
    AuthenticationFailed,
    Busy,
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    PreconditionFailed,
    TooManyAttempts,
    ValidationFailed,
)
from coopex.domain.fields import shown
from coopex.domain.projects import IllegalMove

log = logging.getLogger(__name__)

PROBLEM_TYPE = "https://coopex.dev/problems/"
MEDIA_TYPE = "application/problem+json"


def problem(
    request: Request | Scope,
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path if isinstance(request, Request) else request.get("path", ""),
    }
    if errors:
        body["errors"] = [
            {
                "field": e.field,
                "reason": e.reason,
                **({"value": e.value} if e.value is not None else {}),
            }
            for e in errors
        ]
    body.update(extra or {})
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


async def problem_for(
    scope: Scope, status: int, slug: str, title: str, errors: list[FieldError]
) -> JSONResponse:
    """A problem answer for ASGI middleware, which has a scope but no Request."""
    detail = "; ".join(e.describe() for e in errors) or title
    return problem(scope, status, slug, title, detail, errors)


def _field_path(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(ValidationFailed)
    async def invalid(request: Request, exc: ValidationFailed) -> JSONResponse:
        return problem(request, 422, "validation", "Invalid input", str(exc), list(exc.errors))

    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            FieldError(
                _field_path(tuple(e["loc"])),
                e["msg"],
                None if e.get("input") is None else _shown_input(e.get("input")),
            )
            for e in exc.errors()
        ]
        detail = "; ".join(e.describe() for e in errors)
        return problem(request, 422, "validation", "Invalid input", detail, errors)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return problem(request, 404, "not-found", "Not found", str(exc))

    @app.exception_handler(PermissionDenied)
    async def forbidden(request: Request, exc: PermissionDenied) -> JSONResponse:
        # Refused reads are audited like refused changes (those are already on the trail).
        actor = getattr(request.state, "actor", None)
        if actor is not None and not exc.audited:
            segments = request.url.path.removeprefix("/api/v1/").split("/")
            verb = "read" if request.method in ("GET", "HEAD") else request.method.lower()
            action = f"{segments[0] or 'api'}.{verb}"
            await run_in_threadpool(
                request.app.state.coopex.audit.refused, actor, action, request.url.path, exc
            )
        return problem(request, 403, "forbidden", "Forbidden", str(exc))

    @app.exception_handler(AuthenticationFailed)
    async def unauthorized(request: Request, exc: AuthenticationFailed) -> JSONResponse:
        return problem(
            request,
            401,
            "unauthorized",
            "Not signed in",
            str(exc),
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(TooManyAttempts)
    async def throttled(request: Request, exc: TooManyAttempts) -> JSONResponse:
        return problem(
            request,
            429,
            "too-many-attempts",
            "Too many attempts",
            str(exc),
            headers={"Retry-After": str(exc.retry_after)},
        )

    @app.exception_handler(Conflict)
    async def conflict(request: Request, exc: Conflict) -> JSONResponse:
        errors = [FieldError(exc.field, str(exc))] if exc.field else None
        return problem(request, 409, "conflict", "Conflict", str(exc), errors)

    @app.exception_handler(IllegalMove)
    async def illegal_move(request: Request, exc: IllegalMove) -> JSONResponse:
        stages = {"from_stage": exc.from_stage.value, "to_stage": exc.to_stage.value}
        errors = [FieldError("stage", str(exc), exc.to_stage.value)]
        return problem(
            request, 409, "illegal-move", "Illegal stage move", str(exc), errors, extra=stages
        )

    @app.exception_handler(PreconditionFailed)
    async def stale(request: Request, exc: PreconditionFailed) -> JSONResponse:
        return problem(
            request,
            412,
            "precondition-failed",
            "Changed by someone else",
            str(exc),
            [FieldError("If-Match", f"the current version is {exc.current}")],
            headers={"ETag": etag(exc.current)},
        )

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> JSONResponse:
        return problem(request, 503, "busy", "Busy", str(exc), headers={"Retry-After": "1"})

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return problem(request, exc.status_code, "http", str(exc.detail), str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        # The details (and any SQL or parameters in them) go to the server's log only.
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return problem(
            request,
            500,
            "internal",
            "Internal error",
            "the server failed on this request; it is logged for the operators",
        )


def etag(version: int | None) -> str:
    return f'"{version or 0}"'


def _shown_input(value: object) -> str:
    try:
        return shown(str(value), 200)
    except (ValueError, RecursionError):
        return ""
