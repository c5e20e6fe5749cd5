"""/api/v1/listings"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from coopex.domain.listings import ListingKind, ListingStatus
from coopex.domain.queries import ListingFilter
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.filters import code_prefix, union, upper
from coopex.web.api.paths import IF_MATCH_DESCRIPTION, if_match_version
from coopex.web.api.problems import etag
from coopex.web.api.schemas import ListingBody, ListingOut, ListingPage

router = APIRouter(prefix="/listings", tags=["listings"])


@router.get("", summary="List listings")
def list_listings(
    coopex: CoopexDep,
    actor: ActorDep,
    kind: ListingKind | None = None,
    status_: Annotated[ListingStatus, Query(alias="status")] = ListingStatus.PUBLISHED,
    country: Annotated[str | None, Query(description="Owner's country, ISO 3166-1 alpha-2")] = None,
    region: Annotated[str | None, Query(description="ISO 3166-2")] = None,
    union_: Annotated[
        str | None, Query(alias="union", description="Owner's country is in: EAEU, UNION_STATE")
    ] = None,
    code: Annotated[str | None, Query(description="Code prefix, e.g. HS:87 or OKPD2:30.20")] = None,
    sector: str | None = None,
    q: Annotated[
        str | None, Query(description="Text in the title or description", max_length=200)
    ] = None,
    language: Annotated[str | None, Query(pattern="^(ru|en|zh)$")] = None,
    org: Annotated[str | None, Query(description="Owner's ref")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ListingPage:
    filters = ListingFilter(
        kind=kind,
        status=status_,
        country=upper(country),
        region=upper(region),
        code_prefix=code_prefix(code),
        sector=sector,
        text=q,
        language=language,
        org_ref=org,
        union=union(union_),
    )
    page = coopex.registry.list_listings(actor, filters, cursor, limit)
    return ListingPage(
        items=[ListingOut.of(item) for item in page.items], next_cursor=page.next_cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, summary="Publish an offer or a request")
def create_listing(
    coopex: CoopexDep, actor: ActorDep, body: ListingBody, response: Response
) -> ListingOut:
    listing = coopex.registry.create_listing(
        actor, body.model_dump(mode="json", exclude_unset=True)
    )
    response.headers["ETag"] = etag(listing.version)
    return ListingOut.of(listing)


@router.get("/{ref}", summary="One listing (its ETag is its version, for If-Match)")
def get_listing(coopex: CoopexDep, actor: ActorDep, ref: str, response: Response) -> ListingOut:
    listing = coopex.registry.get_listing(actor, ref)
    response.headers["ETag"] = etag(listing.version)
    return ListingOut.of(listing)


@router.patch("/{ref}", summary="Change a listing (its organisation's members and admins)")
def update_listing(
    coopex: CoopexDep,
    actor: ActorDep,
    ref: str,
    body: ListingBody,
    response: Response,
    if_match: Annotated[
        str | None, Header(alias="If-Match", description=IF_MATCH_DESCRIPTION)
    ] = None,
) -> ListingOut:
    changes = body.model_dump(mode="json", exclude_unset=True)
    listing = coopex.registry.update_listing(actor, ref, changes, if_match_version(if_match))
    response.headers["ETag"] = etag(listing.version)
    return ListingOut.of(listing)


@router.post("/{ref}/close", summary="Close a listing")
def close_listing(
    coopex: CoopexDep,
    actor: ActorDep,
    ref: str,
    response: Response,
    if_match: Annotated[
        str | None, Header(alias="If-Match", description=IF_MATCH_DESCRIPTION)
    ] = None,
) -> ListingOut:
    listing = coopex.registry.close_listing(actor, ref, if_match_version(if_match))
    response.headers["ETag"] = etag(listing.version)
    return ListingOut.of(listing)
