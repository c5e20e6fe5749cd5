"""The registry: organisations (filter, search, detail) and listings (filter, detail, create,
edit, close). The services decide who may see and change what; the pages only ask."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Actor, can_see_unpublished
from coopex.domain.catalog import LANGUAGES
from coopex.domain.errors import Conflict, FieldError, ValidationFailed
from coopex.domain.geography import UNIONS
from coopex.domain.listings import Listing, ListingKind, ListingStatus, listing_record
from coopex.domain.organizations import OrgKind
from coopex.domain.queries import ListingFilter, OrganizationFilter
from coopex.web.api.filters import code_prefix, union, upper
from coopex.web.ui import nav
from coopex.web.ui.forms import field_errors
from coopex.web.ui.i18n import N_
from coopex.web.ui.pages.interests import visibility_options
from coopex.web.ui.rendering import FormDep, Page, PageDep
from coopex.web.ui.sections import org_sections

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/organizations", N_("Organisations"), order=20))
nav.register(nav.NavItem("/listings", N_("Listings"), order=30))

PAGE_SIZE = 25
ORG_KINDS = {
    OrgKind.ENTERPRISE: N_("Enterprise"),
    OrgKind.AGENCY: N_("Agency"),
    OrgKind.REGION_BODY: N_("Regional body"),
    OrgKind.ASSOCIATION: N_("Association"),
    OrgKind.RESEARCH_CENTRE: N_("Research centre"),
}
LISTING_KINDS = {ListingKind.OFFER: N_("Offer"), ListingKind.REQUEST: N_("Request")}
STATUSES = {
    ListingStatus.DRAFT: N_("Draft"),
    ListingStatus.PUBLISHED: N_("Published"),
    ListingStatus.CLOSED: N_("Closed"),
}
COUNTRIES = ("RU", "BY", "CN", "KZ", "AM", "KG", "UZ", "VN", "IN", "TR", "AE", "DE")
REGION_COUNTRIES = ("RU", "BY", "CN")


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


def choices(page: Page) -> dict[str, list[Option]]:
    """Options of the filter and form fields, named in the reader's language."""
    t = page.i18n
    regions = [
        Option(r.code, f"{r.name(t.language)} ({r.code})")
        for country in REGION_COUNTRIES
        for r in page.coopex.catalog.regions(country)
    ]
    return {
        "kinds": [Option(k.value, t.gettext(label)) for k, label in LISTING_KINDS.items()],
        "org_kinds": [Option(k.value, t.gettext(label)) for k, label in ORG_KINDS.items()],
        "countries": sorted((Option(c, t.country(c)) for c in COUNTRIES), key=lambda o: o.label),
        "regions": sorted(regions, key=lambda o: o.label),
        "unions": [Option(u, t.union(u)) for u in UNIONS],
        "sectors": sorted(
            (Option(s.slug, t.sector(s.slug)) for s in page.coopex.catalog.sectors()),
            key=lambda o: o.label,
        ),
        "statuses": [Option(s.value, t.gettext(label)) for s, label in STATUSES.items()],
        "languages": [Option(code, t.language_name(code)) for code in LANGUAGES],
    }


def labels(page: Page) -> dict[str, dict[str, str]]:
    t = page.i18n
    return {
        "kind": {k.value: t.gettext(v) for k, v in LISTING_KINDS.items()},
        "org_kind": {k.value: t.gettext(v) for k, v in ORG_KINDS.items()},
        "status": {k.value: t.gettext(v) for k, v in STATUSES.items()},
    }


def _params(page: Page) -> dict[str, str]:
    return {k: v.strip() for k, v in page.request.query_params.items() if v.strip()}


# -- organisations ------------------------------------------------------------------------


@router.get("/organizations")
def organizations(page: PageDep) -> Response:
    page.require_actor()
    params = _params(page)
    kind = params.get("kind")
    filters = OrganizationFilter(
        kind=OrgKind(kind) if kind in {k.value for k in OrgKind} else None,
        country=upper(params.get("country")),
        region=upper(params.get("region")),
        text=params.get("q"),
    )
    found = page.coopex.registry.list_organizations(filters, params.get("after"), PAGE_SIZE)
    return page.render(
        "registry/organizations.html",
        organizations=found.items,
        next_cursor=found.next_cursor,
        params=params,
        choices=choices(page),
        labels=labels(page),
    )


@router.get("/organizations/{ref}")
def organization(page: PageDep, ref: str) -> Response:
    actor = page.require_actor()
    org = page.coopex.registry.get_organization(ref, actor)  # contacts as the actor may see
    assert org.id is not None
    owner = can_see_unpublished(actor, org.id)
    listings = [
        x
        for status in (ListingStatus.PUBLISHED, *((ListingStatus.DRAFT,) if owner else ()))
        for x in page.coopex.registry.list_listings(
            actor, ListingFilter(org_ref=ref, status=status), limit=200
        ).items
    ]
    return page.render(
        "registry/organization.html",
        org=org,
        listings=listings,
        can_edit=owner,
        can_manage=can_see_unpublished(actor, org.id, org.region),
        visibility=visibility_options(page),
        labels=labels(page),
        sections=org_sections(page, actor, org),
    )


# -- listings -----------------------------------------------------------------------------


@router.get("/listings")
def listings(page: PageDep) -> Response:
    actor = page.require_actor()
    params = _params(page)
    kind = params.get("kind")
    errors: dict[str, list[str]] = {}
    code = union_name = None
    try:
        code = code_prefix(params.get("code"))
        union_name = union(params.get("union"))
    except ValidationFailed as failed:
        errors = field_errors(page.i18n, failed.errors)
    filters = ListingFilter(
        kind=ListingKind(kind) if kind in ("offer", "request") else None,
        country=upper(params.get("country")),
        region=upper(params.get("region")),
        code_prefix=code,
        sector=params.get("sector"),
        text=params.get("q"),
        language=params.get("language") if params.get("language") in LANGUAGES else None,
        union=union_name,
    )
    found = page.coopex.registry.list_listings(actor, filters, params.get("after"), PAGE_SIZE)
    return page.render(
        "registry/listings.html",
        listings=found.items,
        next_cursor=found.next_cursor,
        params=params,
        errors=errors,
        choices=choices(page),
        labels=labels(page),
    )


def _editable_orgs(page: Page, actor: Actor) -> list[str]:
    return page.coopex.accounts.memberships(actor)


def _form_page(
    page: Page,
    actor: Actor,
    values: dict[str, Any],
    errors: dict[str, list[str]],
    listing: Listing | None,
    status: int = 200,
) -> Response:
    return page.render(
        "registry/listing_form.html",
        status,
        values=values,
        errors=errors,
        listing=listing,
        orgs=_editable_orgs(page, actor),
        choices=choices(page),
    )


FORM_FIELDS = (
    "kind",
    "org",
    "title",
    "description",
    "codes",
    "sectors",
    "region",
    "quantity",
    "unit",
    "valid_until",
    "status",
    "language",
)


def _raw(form: dict[str, str]) -> dict[str, object]:
    """Form fields -> the raw record the domain builder reads (blank means not given)."""
    raw: dict[str, object] = {}
    for name in FORM_FIELDS:
        value = form.get(name, "").strip()
        if value:
            raw[name] = value
    return raw


def _errors(page: Page, error: ValidationFailed | Conflict) -> dict[str, list[str]]:
    if isinstance(error, Conflict):
        return field_errors(page.i18n, [FieldError(error.field or "title", "exists")])
    return field_errors(page.i18n, error.errors)


@router.get("/listings/new")
def new_listing(page: PageDep) -> Response:
    actor = page.require_actor()
    orgs = _editable_orgs(page, actor)
    values = {"kind": "request", "status": "published", "org": orgs[0] if orgs else ""}
    return _form_page(page, actor, values, {}, None)


@router.post("/listings/new")
def create_listing(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    try:
        created = page.coopex.registry.create_listing(actor, _raw(form))
    except (ValidationFailed, Conflict) as error:
        return _form_page(page, actor, dict(form), _errors(page, error), None, 422)
    return page.redirect(f"/listings/{created.ref}", notice="listing-saved")


@router.get("/listings/{ref}")
def listing(page: PageDep, ref: str) -> Response:
    actor = page.require_actor()
    found = page.coopex.registry.get_listing(actor, ref)
    org = page.coopex.registry.get_organization(found.org_ref)
    assert org.id is not None
    return page.render(
        "registry/listing.html",
        listing=found,
        org=org,
        can_edit=can_see_unpublished(actor, org.id),
        labels=labels(page),
    )


def _values(listing: Listing) -> dict[str, Any]:
    record = listing_record(listing)
    record["codes"] = "; ".join(str(c) for c in listing.codes)
    record["sectors"] = ";".join(listing.sectors)
    return {k: "" if v is None else v for k, v in record.items()}


@router.get("/listings/{ref}/edit")
def edit_listing(page: PageDep, ref: str) -> Response:
    actor = page.require_actor()
    found = page.coopex.registry.get_listing(actor, ref)
    return _form_page(page, actor, _values(found), {}, found)


@router.post("/listings/{ref}/edit")
def update_listing(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    found = page.coopex.registry.get_listing(actor, ref)
    changes = _raw(form)
    changes["org"] = found.org_ref
    for name in ("codes", "sectors", "region", "quantity", "unit", "valid_until", "description"):
        changes.setdefault(name, None)  # a field emptied on the form is cleared
    if not changes.get("language"):
        changes.pop("language", None)
    try:
        page.coopex.registry.update_listing(actor, ref, changes)
    except (ValidationFailed, Conflict) as error:
        return _form_page(page, actor, {**_values(found), **form}, _errors(page, error), found, 422)
    return page.redirect(f"/listings/{ref}", notice="listing-saved")


@router.post("/listings/{ref}/close")
def close_listing(page: PageDep, form: FormDep, ref: str) -> Response:
    page.coopex.registry.close_listing(page.require_actor(), ref)
    return page.redirect(f"/listings/{ref}", notice="listing-closed")
