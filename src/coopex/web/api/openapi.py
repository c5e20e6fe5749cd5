"""The OpenAPI document declares the answers the API really gives: every error is an RFC 9457
problem (application/problem+json) with one shared schema, for each status it can have."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from coopex.web.api.schemas import Problem

PROBLEM_STATUSES = {
    "401": "Not signed in: no token, or a wrong, revoked or expired one",
    "403": "Signed in, but not allowed to do this",
    "404": "No such record (or not one you may see)",
    "409": "Clashes with the current state (a duplicate ref, a decided lead, a closed listing)",
    "412": "If-Match names a version that is no longer current",
    "413": "The request body is larger than the limit",
    "422": "Invalid input: `errors` names each field and why",
    "429": "Too many attempts; wait and retry",
    "503": "The database is busy with other writers; retry after Retry-After seconds",
}
_REF = {"$ref": "#/components/schemas/Problem"}
_PROBLEM_CONTENT = {"application/problem+json": {"schema": _REF}}


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components["Problem"] = Problem.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            for name in ("HTTPValidationError", "ValidationError"):
                components.pop(name, None)
            for path_item in schema.get("paths", {}).values():
                for operation in path_item.values():
                    if isinstance(operation, dict) and "responses" in operation:
                        _declare_problems(operation["responses"])
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _declare_problems(responses: dict[str, Any]) -> None:
    for status, description in PROBLEM_STATUSES.items():
        responses[status] = {"description": description, "content": _PROBLEM_CONTENT}
