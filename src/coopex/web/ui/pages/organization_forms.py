"""Organisation create and edit pages: the form the API's POST/PATCH /organizations take.

The registry service decides who may create or change an organisation (members, admins, and
agency staff for organisations of their own region, audited as acting on its behalf)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import can_see_unpublished
from coopex.domain.errors import Conflict, FieldError, PermissionDenied, ValidationFailed
from coopex.domain.organizations import Organization
from coopex.web.ui.forms import field_errors
from coopex.web.ui.pages.interests import visibility_options
from coopex.web.ui.pages.registry import choices
from coopex.web.ui.rendering import FormDep, Page, PageDep

router = APIRouter(include_in_schema=False)

CONTACT_ROWS = 3  # empty rows of contacts on a new form; an edit shows every contact + one
CONTACT_FIELDS = ("name", "role", "email", "phone")
TEXT_FIELDS = ("name", "kind", "country", "region", "website", "description", "aliases")
CLEARABLE = ("region", "website", "description", "aliases", "activity_codes")


def _rows(org: Organization | None) -> int:
    return CONTACT_ROWS if org is None else max(CONTACT_ROWS, len(org.contacts) + 1)


def _contacts(form: dict[str, str], count: int) -> list[dict[str, str]]:
    """Contact rows with anything written in them (blank rows are left out)."""
    rows = []
    for index in range(count):
        row = {f: form.get(f"contact-{index}-{f}", "").strip() for f in CONTACT_FIELDS}
        if any(row.values()):
            rows.append({k: v for k, v in row.items() if v})
    return rows


def _raw(form: dict[str, str], org: Organization | None) -> dict[str, object]:
    creating = org is None
    raw: dict[str, object] = {}
    for name in (*TEXT_FIELDS, "contacts_visibility", *(("ref",) if creating else ())):
        value = form.get(name, "").strip()
        if value:
            raw[name] = value
    codes = form.get("activity_codes", "").strip()
    if codes:
        raw["activity_codes"] = codes
    raw["contacts"] = _contacts(form, _rows(org))
    if not creating:
        for name in CLEARABLE:
            raw.setdefault(name, None)  # a field emptied on the form is cleared
    return raw


def _values(org: Organization) -> dict[str, Any]:
    values: dict[str, Any] = {
        "ref": org.ref,
        "name": org.name,
        "kind": org.kind.value,
        "country": org.country,
        "region": org.region or "",
        "website": org.website or "",
        "description": org.description,
        "aliases": "; ".join(org.aliases),
        "activity_codes": "; ".join(str(c) for c in org.activity_codes),
        "contacts_visibility": org.contacts_visibility.value,
    }
    for index, contact in enumerate(org.contacts):
        for name in CONTACT_FIELDS:
            values[f"contact-{index}-{name}"] = getattr(contact, name) or ""
    return values


def _errors(page: Page, error: ValidationFailed | Conflict) -> dict[str, list[str]]:
    if isinstance(error, Conflict):
        return field_errors(page.i18n, [FieldError(error.field or "ref", "exists")])
    return field_errors(page.i18n, error.errors)


def _form(
    page: Page,
    values: dict[str, Any],
    errors: dict[str, list[str]],
    org: Organization | None,
    status: int = 200,
) -> Response:
    return page.render(
        "registry/organization_form.html",
        status,
        values=values,
        errors=errors,
        org=org,
        rows=range(_rows(org)),
        choices=choices(page),
        visibility=visibility_options(page),
    )


@router.get("/organizations/new")
def new_organization(page: PageDep) -> Response:
    page.require_actor()
    return _form(page, {"kind": "enterprise", "contacts_visibility": "public"}, {}, None)


@router.post("/organizations/new")
def create_organization(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    try:
        created = page.coopex.registry.create_organization(actor, _raw(form, None))
    except (ValidationFailed, Conflict) as error:
        return _form(page, dict(form), _errors(page, error), None, 422)
    return page.redirect(f"/organizations/{created.ref}", notice="organization-saved")


@router.get("/organizations/{ref}/edit")
def edit_organization(page: PageDep, ref: str) -> Response:
    actor = page.require_actor()
    org = page.coopex.registry.get_organization(ref, actor)
    assert org.id is not None
    if not can_see_unpublished(actor, org.id, org.region):  # the organisation page's flag
        raise PermissionDenied("update organisation", "not a member of it nor of its region")
    return _form(page, _values(org), {}, org)


@router.post("/organizations/{ref}/edit")
def update_organization(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    org = page.coopex.registry.get_organization(ref, actor)
    try:
        page.coopex.registry.update_organization(actor, ref, _raw(form, org))
    except (ValidationFailed, Conflict) as error:
        return _form(page, {**_values(org), **form}, _errors(page, error), org, 422)
    return page.redirect(f"/organizations/{ref}", notice="organization-saved")
