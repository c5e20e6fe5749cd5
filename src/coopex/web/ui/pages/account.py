"""The account page: change the password, list and revoke one's own API tokens."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.errors import ValidationFailed
from coopex.storage.database import utc_now
from coopex.web.ui import nav
from coopex.web.ui.forms import field_errors
from coopex.web.ui.i18n import N_
from coopex.web.ui.rendering import FormDep, Page, PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/account", N_("Account"), order=90))


def _render(page: Page, status: int = 200, errors: dict[str, list[str]] | None = None) -> Response:
    actor = page.require_actor()
    return page.render(
        "account/account.html",
        status,
        tokens=page.coopex.accounts.tokens(actor),
        orgs=page.coopex.accounts.memberships(actor),
        now=utc_now(),
        errors=errors or {},
    )


@router.get("/account")
def account(page: PageDep) -> Response:
    return _render(page)


@router.post("/account/password")
def change_password(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    new = form.get("new_password", "")
    if new != form.get("repeat_password", ""):
        return _render(page, 422, {"repeat_password": [page._("The two passwords differ.")]})
    try:
        page.coopex.accounts.change_password(actor, new, form.get("current_password", ""))
    except ValidationFailed as failed:
        return _render(page, 422, field_errors(page.i18n, failed.errors))
    return page.redirect("/account", notice="password-changed")


@router.post("/account/tokens/{token_id}/revoke")
def revoke(page: PageDep, form: FormDep, token_id: int) -> Response:
    page.coopex.accounts.revoke_token(page.require_actor(), token_id)
    return page.redirect("/account", notice="token-revoked")
