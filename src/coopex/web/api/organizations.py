"""/api/v1/organizations"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from coopex.domain.organizations import OrgKind
from coopex.domain.queries import OrganizationFilter
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.filters import upper
from coopex.web.api.paths import IF_MATCH_DESCRIPTION, if_match_version
from coopex.web.api.problems import etag
from coopex.web.api.schemas import OrganizationBody, OrganizationOut, OrganizationPage

router = APIRouter(prefix="/organizations", tags=["organizations"])


@router.get("", summary="List organisations")
def list_organizations(
    coopex: CoopexDep,
    actor: ActorDep,
    kind: OrgKind | None = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2")] = None,
    region: Annotated[str | None, Query(description="ISO 3166-2")] = None,
    q: Annotated[
        str | None, Query(description="Part of the name or an alias", max_length=200)
    ] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> OrganizationPage:
    filters = OrganizationFilter(kind=kind, country=upper(country), region=upper(region), text=q)
    page = coopex.registry.list_organizations(filters, cursor, limit, actor)
    return OrganizationPage(
        items=[OrganizationOut.of(o) for o in page.items], next_cursor=page.next_cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, summary="Register an organisation")
def create_organization(
    coopex: CoopexDep, actor: ActorDep, body: OrganizationBody, response: Response
) -> OrganizationOut:
    org = coopex.registry.create_organization(
        actor, body.model_dump(mode="json", exclude_unset=True)
    )
    response.headers["ETag"] = etag(org.version)
    return OrganizationOut.of(org)


@router.get(
    "/{ref}",
    summary="One organisation (hidden contacts only for those an accepted interest links; "
    "its ETag is its version, for If-Match)",
)
def get_organization(
    coopex: CoopexDep, actor: ActorDep, ref: str, response: Response
) -> OrganizationOut:
    org = coopex.registry.get_organization(ref, actor)
    response.headers["ETag"] = etag(org.version)
    return OrganizationOut.of(org)


@router.patch(
    "/{ref}", summary="Change an organisation (members, admins, agency staff of its region)"
)
def update_organization(
    coopex: CoopexDep,
    actor: ActorDep,
    ref: str,
    body: OrganizationBody,
    response: Response,
    if_match: Annotated[
        str | None, Header(alias="If-Match", description=IF_MATCH_DESCRIPTION)
    ] = None,
) -> OrganizationOut:
    changes = body.model_dump(mode="json", exclude_unset=True)
    org = coopex.registry.update_organization(actor, ref, changes, if_match_version(if_match))
    response.headers["ETag"] = etag(org.version)
    return OrganizationOut.of(org)
