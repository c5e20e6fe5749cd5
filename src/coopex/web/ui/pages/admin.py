"""Admin pages: users (create, role, deactivate/activate), memberships, roles, the audit trail.
The services refuse everyone but admins (a 403 page); every change is on the audit trail."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Actor, Role, require_admin
from coopex.domain.audit import AuditFilter, Outcome
from coopex.domain.errors import Conflict, FieldError, NotFound, ValidationFailed
from coopex.web.ui import nav
from coopex.web.ui.forms import field_errors
from coopex.web.ui.i18n import N_
from coopex.web.ui.pages.registry import Option
from coopex.web.ui.rendering import NOTICES, FormDep, Page, PageDep

router = APIRouter(include_in_schema=False)


def admins_only(actor: Actor | None) -> bool:
    return actor is not None and actor.is_admin


nav.register(nav.NavItem("/admin", N_("Admin"), order=95, visible=admins_only))
NOTICES.update(
    {
        "user-created": N_("The user is created."),
        "user-saved": N_("The user is saved."),
        "membership-saved": N_("The membership is saved."),
    }
)
ROLE_NAMES = {
    Role.ADMIN: N_("Administrator"),
    Role.AGENCY_STAFF: N_("Agency staff"),
    Role.ENTERPRISE_MEMBER: N_("Enterprise member"),
}
ROLE_RIGHTS = {
    Role.ADMIN: N_("Everything: users, memberships, any organisation, the audit trail."),
    Role.AGENCY_STAFF: N_(
        "Registers organisations; acts for every organisation of its agency's region, "
        "on its behalf; works with news leads."
    ),
    Role.ENTERPRISE_MEMBER: N_("Changes its own organisation and its listings."),
}


def _admin(page: Page) -> Actor:
    actor = page.require_actor()
    require_admin(actor, "use the admin pages")  # the services refuse too; this is the page's
    return actor


def _role_options(page: Page) -> list[Option]:
    return [Option(role.value, page._(ROLE_NAMES[role])) for role in Role]


@router.get("/admin")
def admin(page: PageDep) -> Response:
    _admin(page)
    return page.redirect("/admin/users")


def _users(
    page: Page,
    status: int = 200,
    errors: dict[str, list[str]] | None = None,
    alert: str | None = None,
    **form: str,
) -> Response:
    actor = _admin(page)
    return page.render(
        "admin/users.html",
        status,
        alert=alert,
        users=page.coopex.accounts.directory(actor),
        roles=_role_options(page),
        errors=errors or {},
        form=form,
        tab="users",
    )


@router.get("/admin/users")
def users(page: PageDep) -> Response:
    return _users(page)


@router.post("/admin/users")
def create_user(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    values = {k: form.get(k, "") for k in ("email", "name", "role")}
    try:
        role = Role(values["role"])
    except ValueError:
        return _users(page, 422, {"role": [page._("Choose a role.")]}, **values)
    try:
        page.coopex.accounts.create_user(
            actor, values["email"], values["name"], role, form.get("password") or None
        )
    except (ValidationFailed, Conflict) as failed:
        problems = failed.errors if isinstance(failed, ValidationFailed) else _conflict(failed)
        return _users(page, 422, field_errors(page.i18n, problems), **values)
    return page.redirect("/admin/users", notice="user-created")


def _conflict(failed: Conflict) -> list[FieldError]:
    return [FieldError(failed.field or "email", str(failed))]


@router.post("/admin/users/role")
def change_role(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    try:
        role = Role(form.get("role", ""))
    except ValueError:
        return _users(page, 422, {"role": [page._("Choose a role.")]})
    try:
        page.coopex.accounts.set_role(actor, form.get("email", ""), role)
    except Conflict:
        return _users(page, 409, alert=page._("You cannot change your own role."))
    return page.redirect("/admin/users", notice="user-saved")


@router.post("/admin/users/active")
def set_active(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    try:
        page.coopex.accounts.set_active(actor, form.get("email", ""), form.get("active") == "true")
    except Conflict:
        return _users(page, 409, alert=page._("You cannot deactivate yourself."))
    return page.redirect("/admin/users", notice="user-saved")


def _memberships(
    page: Page, status: int = 200, errors: dict[str, list[str]] | None = None
) -> Response:
    actor = _admin(page)
    directory = page.coopex.accounts.directory(actor)
    refs = sorted({ref for _, orgs in directory for ref in orgs})
    return page.render(
        "admin/memberships.html",
        status,
        users=directory,
        user_options=[Option(u.email, f"{u.name} <{u.email}>") for u, _ in directory],
        orgs=refs,
        errors=errors or {},
        tab="memberships",
    )


@router.get("/admin/memberships")
def memberships(page: PageDep) -> Response:
    return _memberships(page)


@router.post("/admin/memberships")
def change_membership(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    email, ref = form.get("email", ""), form.get("organization", "").strip()
    try:
        if form.get("action") == "remove":
            page.coopex.accounts.remove_member(actor, email, ref)
        else:
            page.coopex.accounts.add_member(actor, email, ref)
    except NotFound:
        return _memberships(page, 422, {"organization": [page._("No such organisation.")]})
    return page.redirect("/admin/memberships", notice="membership-saved")


@router.get("/admin/roles")
def roles(page: PageDep) -> Response:
    actor = _admin(page)
    counts = dict.fromkeys(Role, 0)
    for user, _ in page.coopex.accounts.directory(actor):
        counts[user.role] += 1
    rows = [(page._(ROLE_NAMES[r]), r.value, page._(ROLE_RIGHTS[r]), counts[r]) for r in Role]
    return page.render("admin/roles.html", rows=rows, tab="roles")


AUDIT_FIELDS = ("entity", "ref", "actor", "action", "outcome", "since", "until")


def _day(value: str, name: str, errors: list[FieldError]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(name, "must be a date as YYYY-MM-DD", value))
        return None


@router.get("/admin/audit")
def audit(page: PageDep) -> Response:
    actor = _admin(page)
    params = {k: page.request.query_params.get(k, "").strip() for k in AUDIT_FIELDS}
    problems: list[FieldError] = []
    outcome = None
    if params["outcome"]:
        try:
            outcome = Outcome(params["outcome"])
        except ValueError:
            problems.append(
                FieldError("outcome", "must be one of: done, denied", params["outcome"])
            )
    filters = AuditFilter(
        entity=params["entity"] or None,
        entity_ref=params["ref"] or None,
        actor=params["actor"] or None,
        action=params["action"] or None,
        outcome=outcome,
        since=_day(params["since"], "since", problems),
        until=_day(params["until"], "until", problems),
    )
    data: dict[str, Any] = {"entries": [], "next_cursor": None}
    errors = field_errors(page.i18n, problems) if problems else {}
    if not problems:
        try:
            found = page.coopex.audit.page(actor, filters, page.request.query_params.get("cursor"))
            data = {"entries": found.items, "next_cursor": found.next_cursor}
        except ValidationFailed as failed:
            errors = field_errors(page.i18n, failed.errors)
    query = {k: v for k, v in params.items() if v}
    return page.render(
        "admin/audit.html",
        422 if errors else 200,
        params=params,
        query=query,
        errors=errors,
        outcomes=[Option("done", page._("Done")), Option("denied", page._("Denied"))],
        tab="audit",
        **data,
    )
