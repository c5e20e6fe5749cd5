"""The API docs page served offline: Swagger UI from the pinned swagger-ui-bundle package.

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline script; this
one serves the bundle's files itself and starts it from a static script (no inline code, so
the same Content-Security-Policy as the rest of the site applies).
"""

from __future__ import annotations

from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

_INIT = """window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: document.body.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    layout: "BaseLayout"
  });
});
"""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} — API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
</head>
<body data-openapi="{openapi}">
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{docs}/init.js"></script>
</body>
</html>
"""


def install(app: FastAPI, docs_url: str, openapi_url: str) -> None:
    assets = f"{docs_url}/assets"
    app.mount(assets, StaticFiles(directory=Path(swagger_ui_bundle.swagger_ui_path)), "api-docs")
    page = _PAGE.format(title=app.title, assets=assets, docs=docs_url, openapi=openapi_url)

    @app.get(docs_url, include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(f"{docs_url}/init.js", include_in_schema=False)
    def init() -> Response:
        return Response(_INIT, media_type="text/javascript")
