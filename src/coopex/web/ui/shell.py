"""The web application shell: static files, security headers, page routers, HTML errors.

`install(app)` adds the UI to the FastAPI app that already serves the API. Page modules are
listed in `coopex.web.ui.pages.MODULES`; each holds a `router` and registers its nav entries.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from coopex.domain.errors import NotFound, PermissionDenied, TooManyAttempts
from coopex.web.api.app import API_PREFIX
from coopex.web.ui import pages
from coopex.web.ui.rendering import BadForm, Page, SignInRequired
from coopex.web.ui.session import keep_csrf_cookie

# No inline scripts or styles anywhere: everything comes from /static on this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def static_folder() -> Path:
    return Path(str(resources.files("coopex.web.ui").joinpath("static")))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX + "/") or request.url.path == API_PREFIX


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=static_folder()), "static")
    for module in pages.MODULES:
        app.include_router(module.router)
    _install_errors(app)
    secure = app.state.coopex.settings.secure_cookies

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not _is_api(request) and not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
            keep_csrf_cookie(request, response, secure)
        return response


def _install_errors(app: FastAPI) -> None:
    """Domain errors become problem+json under /api and pages elsewhere."""
    api_handlers = dict(app.exception_handlers)

    def handler(kind: type[Exception], page: Callable[[Page, Exception], Response]) -> None:
        api_handler = api_handlers.get(kind)

        async def handle(request: Request, exc: Exception) -> Response:
            if _is_api(request) and api_handler is not None:
                return await api_handler(request, exc)  # type: ignore[no-any-return]
            return page(Page(request), exc)

        app.add_exception_handler(kind, handle)

    def sign_in(page: Page, exc: Exception) -> Response:
        return page.redirect("/signin", next=str(page.request.url.path))

    def not_found(page: Page, exc: Exception) -> Response:
        return page.render(
            "errors/error.html",
            404,
            title=page._("Not found"),
            message=page._("There is nothing at this address."),
        )

    def forbidden(page: Page, exc: Exception) -> Response:
        return page.render(
            "errors/error.html",
            403,
            title=page._("Not allowed"),
            message=page._("Your account may not do this."),
        )

    def throttled(page: Page, exc: Exception) -> Response:
        assert isinstance(exc, TooManyAttempts)
        return page.render(
            "auth/signin.html",
            429,
            headers={"Retry-After": str(exc.retry_after)},
            error=page.i18n.gettext("Too many failed attempts. Try again in %(minutes)s min.")
            % {"minutes": max(1, round(exc.retry_after / 60))},
            email="",
            next="/",
        )

    def bad_form(page: Page, exc: Exception) -> Response:
        return page.render(
            "errors/error.html",
            400,
            title=page._("The form has expired"),
            message=page._("Go back, reload the page and send it again."),
        )

    def http_error(page: Page, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return not_found(page, exc)
        return page.render("errors/error.html", exc.status_code, title=str(exc.detail), message="")

    handler(HTTPException, http_error)
    handler(SignInRequired, sign_in)
    handler(NotFound, not_found)
    handler(PermissionDenied, forbidden)
    handler(TooManyAttempts, throttled)
    handler(BadForm, bad_form)
