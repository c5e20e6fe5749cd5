"""Expressions of interest: express one from a listing's matches, see incoming and outgoing,
accept, decline or withdraw, open a cooperation project from an accepted one; once accepted
both sides see each other's contacts. Also the organisation's contacts-visibility setting."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.interests import Direction, Interest, InterestStatus
from coopex.domain.organizations import Contact, ContactsVisibility
from coopex.web.ui import nav
from coopex.web.ui.forms import field_errors
from coopex.web.ui.i18n import N_
from coopex.web.ui.rendering import NOTICES, FormDep, Page, PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/interests", N_("Interests"), order=57))
NOTICES.update(
    {
        "interest-sent": N_("Your interest is sent; the other side decides."),
        "interest-accepted": N_("Accepted: you now see each other's contacts."),
        "interest-declined": N_("The interest is declined."),
        "interest-withdrawn": N_("The interest is withdrawn."),
        "visibility-saved": N_("Who sees the contacts is saved."),
    }
)
STATUSES = {
    InterestStatus.PENDING: N_("Awaiting a decision"),
    InterestStatus.ACCEPTED: N_("Accepted"),
    InterestStatus.DECLINED: N_("Declined"),
    InterestStatus.WITHDRAWN: N_("Withdrawn"),
}
VISIBILITY = {
    ContactsVisibility.PUBLIC: N_("Everyone signed in"),
    ContactsVisibility.ON_ACCEPTED_INTEREST: N_("Only organisations whose interest we accepted"),
}


@dataclass(frozen=True, slots=True)
class ShownInterest:
    interest: Interest
    incoming: bool
    contacts: tuple[Contact, ...]  # the other side's, once accepted


def _title(page: Page, actor: Actor, ref: str) -> str:
    try:
        return page.coopex.registry.get_listing(actor, ref).title
    except (NotFound, PermissionDenied):
        return ref


def _shown(page: Page, actor: Actor, direction: Direction) -> list[ShownInterest]:
    found = page.coopex.interests.page(actor, direction, limit=100).items
    shown = []
    for interest in reversed(found):  # newest first
        incoming = direction is Direction.INCOMING
        other = interest.from_org if incoming else interest.to_org
        contacts: tuple[Contact, ...] = ()
        if interest.status is InterestStatus.ACCEPTED:
            contacts = page.coopex.registry.get_organization(other, actor).contacts
        shown.append(ShownInterest(interest, incoming, contacts))
    return shown


def interests_page(page: Page, error: str | None = None) -> Response:
    actor = page.require_actor()
    incoming = _shown(page, actor, Direction.INCOMING)
    outgoing = _shown(page, actor, Direction.OUTGOING)
    refs = {
        r
        for item in incoming + outgoing
        for r in (item.interest.from_listing, item.interest.to_listing)
    }
    orgs = {
        o for item in incoming + outgoing for o in (item.interest.from_org, item.interest.to_org)
    }
    t = page.i18n
    return page.render(
        "interests/interests.html",
        409 if error else 200,
        incoming=incoming,
        outgoing=outgoing,
        titles={ref: _title(page, actor, ref) for ref in sorted(refs)},
        orgs=orgs,
        statuses={k.value: t.gettext(v) for k, v in STATUSES.items()},
        error=error,
    )


def _message(page: Page, error: Exception) -> str:
    if isinstance(error, ValidationFailed):
        return " ".join(m for ms in field_errors(page.i18n, error.errors).values() for m in ms)
    return str(error)


@router.get("/interests")
def interests(page: PageDep) -> Response:
    return interests_page(page)


@router.post("/interests")
def express(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    try:
        page.coopex.interests.express(
            actor, form.get("from_listing", ""), form.get("to_listing", ""), form.get("message", "")
        )
    except (Conflict, ValidationFailed) as error:
        return interests_page(page, _message(page, error))
    return page.redirect("/interests", notice="interest-sent")


def _decide(page: Page, interest_id: int, action: str) -> Response:
    actor = page.require_actor()
    service = page.coopex.interests
    decide = {"accept": service.accept, "decline": service.decline, "withdraw": service.withdraw}
    try:
        decide[action](actor, interest_id)
    except Conflict as error:
        return interests_page(page, str(error))
    past = {"accept": "accepted", "decline": "declined", "withdraw": "withdrawn"}[action]
    return page.redirect("/interests", notice=f"interest-{past}")


@router.post("/interests/{interest_id}/accept")
def accept(page: PageDep, form: FormDep, interest_id: int) -> Response:
    return _decide(page, interest_id, "accept")


@router.post("/interests/{interest_id}/decline")
def decline(page: PageDep, form: FormDep, interest_id: int) -> Response:
    return _decide(page, interest_id, "decline")


@router.post("/interests/{interest_id}/withdraw")
def withdraw(page: PageDep, form: FormDep, interest_id: int) -> Response:
    return _decide(page, interest_id, "withdraw")


@router.post("/interests/{interest_id}/project")
def open_project(page: PageDep, form: FormDep, interest_id: int) -> Response:
    actor = page.require_actor()
    interest = page.coopex.interests.get(actor, interest_id)
    if interest.project:
        return page.redirect(f"/projects/{interest.project}")
    try:
        project = page.coopex.interests.open_project(actor, interest_id)
    except Conflict as error:
        return interests_page(page, str(error))
    return page.redirect(f"/projects/{project.ref}", notice="project-saved")


@router.post("/organizations/{ref}/contacts-visibility")
def contacts_visibility(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    value = form.get("contacts_visibility", "")
    try:
        page.coopex.registry.update_organization(actor, ref, {"contacts_visibility": value})
    except ValidationFailed as failed:
        message = _message(page, failed)
        return page.render("errors/error.html", 422, title=page._("Not saved"), message=message)
    return page.redirect(f"/organizations/{ref}", notice="visibility-saved")


def visibility_options(page: Page) -> dict[str, str]:
    return {k.value: page.i18n.gettext(v) for k, v in VISIBILITY.items()}
