"""The whole web application: the REST API under /api/v1 and the pages at `/`."""

from __future__ import annotations

from fastapi import FastAPI

from coopex.app import Coopex
from coopex.web.api.app import create_api
from coopex.web.ui import shell


def create_app(coopex: Coopex) -> FastAPI:
    app = create_api(coopex)
    shell.install(app)
    return app
