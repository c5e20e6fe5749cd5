"""The FastAPI application, built around an already-composed `Coopex`."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from coopex import __version__
from coopex.app import Coopex
from coopex.web.api import (
    auth,
    docs,
    events,
    interests,
    jobs,
    listings,
    localization,
    matching,
    news,
    openapi,
    organizations,
    problems,
    projects,
    suggestions,
    tokens,
)
from coopex.web.api.guards import RequestGuard

API_PREFIX = "/api/v1"


def create_api(coopex: Coopex) -> FastAPI:
    app = FastAPI(
        title="coopex",
        version=__version__,
        description="Industrial cooperation and localization exchange: registry of organisations, "
        "offers and requests; matching; cooperation leads from the news. Errors are RFC 9457 "
        "problem details.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # served offline by `docs.install` below
        redoc_url=None,
    )
    app.state.coopex = coopex
    problems.install(app)
    docs.install(app, f"{API_PREFIX}/docs", f"{API_PREFIX}/openapi.json")
    openapi.install(app)
    app.add_middleware(
        RequestGuard,
        max_body=coopex.settings.max_body_bytes,
        upload_limits={f"{API_PREFIX}/news": coopex.settings.max_upload_bytes},
        problem=problems.problem_for,
    )

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(auth.router)
    api.include_router(auth.audit_router)
    api.include_router(organizations.router)
    api.include_router(listings.router)
    api.include_router(matching.router)
    api.include_router(suggestions.router)
    api.include_router(news.news_router)
    api.include_router(news.leads_router)
    api.include_router(projects.router)
    api.include_router(events.router)
    api.include_router(interests.router)
    api.include_router(tokens.router)
    api.include_router(jobs.router)
    api.include_router(localization.router)
    api.include_router(localization.products_router)

    @api.get("/health", tags=["meta"], summary="Liveness and schema state")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__, "database": coopex.database.dialect}

    app.include_router(api)
    return app
