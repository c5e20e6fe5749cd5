"""The API docs page served offline: Swagger UI 5 from the pinned fastapi-offline package.

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline script; this
one serves the bundle's files itself and starts it from a static script (no inline code, so
the same Content-Security-Policy as the rest of the site applies).
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
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
<link rel="icon" type="image/png" href="{assets}/favicon.png">
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
    # Only the package's files are used (swagger-ui-bundle.js, swagger-ui.css, favicon.png):
    # its own page would start Swagger UI with an inline script.
    bundled = Path(fastapi_offline.__file__).parent / "static"
    app.mount(assets, StaticFiles(directory=bundled), "api-docs")
    page = _PAGE.format(title=app.title, assets=assets, docs=docs_url, openapi=openapi_url)

    @app.get(docs_url, include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(f"{docs_url}/init.js", include_in_schema=False)
    def init() -> Response:
        return Response(_INIT, media_type="text/javascript")
