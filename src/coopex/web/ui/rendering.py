"""Rendering pages: the Jinja2 environment (autoescaped everywhere) and the per-request `Page`."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, pass_context
from jinja2.runtime import Context

from coopex.app import Coopex
from coopex.domain.accounts import Actor
from coopex.domain.errors import DomainError
from coopex.web.ui import charts, i18n, nav
from coopex.web.ui.i18n import I18n
from coopex.web.ui.session import CSRF_FIELD, csrf_token, csrf_valid, session_actor


class SignInRequired(DomainError):
    """The page needs a signed-in user; the shell redirects to the sign-in page."""


class BadForm(DomainError):
    """A form came without its CSRF token (or with another browser's)."""


@pass_context
def _gettext(context: Context, message: str, **variables: Any) -> str:
    text = context["i18n"].gettext(message)
    return str(text % variables) if variables else str(text)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int, **variables: Any) -> str:
    text = context["i18n"].ngettext(singular, plural, n)
    return str(text % {"num": n, **variables})


@cache
def _static_version(path: str) -> str:
    data = resources.files("coopex.web.ui").joinpath("static", path).read_bytes()
    return hashlib.sha256(data).hexdigest()[:10]


def static_url(path: str) -> str:
    """A static file's URL, versioned by its content (safe to cache for long)."""
    return f"/static/{path}?v={_static_version(path)}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("coopex.web.ui", "templates"),
        autoescape=True,  # listing text, names and news are hostile input: escape everything
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["static"] = static_url
    env.globals["CSRF_FIELD"] = CSRF_FIELD
    env.globals["LANGUAGE_NAMES"] = i18n.LANGUAGE_NAMES
    env.globals["draw"] = charts.svg
    return env


NOTICES = {
    "signed-out": i18n.N_("You are signed out."),
    "password-changed": i18n.N_("Your password is changed."),
    "token-revoked": i18n.N_("The token is revoked."),
    "listing-saved": i18n.N_("The listing is saved."),
    "listing-closed": i18n.N_("The listing is closed."),
    "organization-saved": i18n.N_("The organisation is saved."),
    "suggestion-accept": i18n.N_("The suggestion is marked as contacted."),
    "suggestion-dismiss": i18n.N_("The suggestion is dismissed."),
}


class Page:
    """What a page handler works with: the application, the reader and their language."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.coopex: Coopex = request.app.state.coopex
        self.actor: Actor | None = session_actor(self.coopex, request)
        language = i18n.choose(
            request.cookies.get(i18n.COOKIE),
            self.actor.language if self.actor else None,
            request.headers.get("accept-language"),
        )
        self.i18n = I18n(language, self.coopex.catalog)

    def _(self, message: str) -> str:
        return self.i18n.gettext(message)

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise SignInRequired()
        return self.actor

    def render(
        self,
        template: str,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        **data: Any,
    ) -> HTMLResponse:
        notice = NOTICES.get(self.request.query_params.get("notice", ""))
        data.setdefault("org_names", self._org_names(data))
        context = {
            "request": self.request,
            "i18n": self.i18n,
            "lang": self.i18n.language,
            "actor": self.actor,
            "nav": nav.items_for(self.actor),
            "path": self.request.url.path,
            "csrf": csrf_token(self.request),
            "notice": self._(notice) if notice else None,
            **data,
        }
        html = environment().get_template(template).render(context)
        return HTMLResponse(html, status_code=status, headers=headers)

    def _org_names(self, data: Mapping[str, Any]) -> dict[str, str]:
        """Names of the organisations owning the listings and matches a page shows."""
        refs: set[str] = set()
        for key in ("listings", "own", "matches"):
            for item in data.get(key) or ():
                listing = getattr(getattr(item, "match", None), "listing", None) or item
                refs.add(listing.org_ref)
        refs.update(data.get("orgs") or ())
        for _, matches in data.get("matched") or ():
            refs.update(m.match.listing.org_ref for m in matches)
        return self.coopex.registry.organization_names(sorted(refs)) if refs else {}

    def redirect(self, path: str, **query: str) -> RedirectResponse:
        """After a POST: see the result with a GET (303)."""
        target = f"{path}?{urlencode(query)}" if query else path
        return RedirectResponse(target, status_code=303)


def get_page(request: Request) -> Page:
    return Page(request)


async def get_form(request: Request) -> dict[str, str]:
    """A POSTed form's fields, after checking its CSRF token."""
    form = await request.form()
    # Repeated fields (a group of checkboxes) arrive joined as one ';'-separated list.
    fields = {key: ";".join(v for v in form.getlist(key) if isinstance(v, str)) for key in form}
    if not csrf_valid(request, fields.get(CSRF_FIELD)):
        raise BadForm()
    return fields


PageDep = Annotated[Page, Depends(get_page)]
FormDep = Annotated[dict[str, str], Depends(get_form)]


def local_path(target: str | None, default: str = "/") -> str:
    """Where to go next, only ever on this site (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default
