"""Errors as RFC 9457 problem details (application/problem+json), naming field and reason."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from coopex.domain.errors import (
    AuthenticationFailed,
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    TooManyAttempts,
    ValidationFailed,
)
from coopex.domain.projects import IllegalMove

PROBLEM_TYPE = "https://coopex.dev/problems/"
MEDIA_TYPE = "application/problem+json"


def problem(
    request: Request,
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
        "instance": request.url.path,
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
                None if e.get("input") is None else str(e.get("input"))[:200],
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

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return problem(request, exc.status_code, "http", str(exc.detail), str(exc.detail))
