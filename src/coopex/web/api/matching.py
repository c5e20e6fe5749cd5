"""/api/v1/listings/{ref}/matches and /api/v1/search"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from coopex.domain.listings import ListingKind
from coopex.domain.queries import MatchFilter
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.filters import match_filter
from coopex.web.api.schemas import ListingMatches, ListingOut, MatchOut, SearchResults

router = APIRouter(tags=["matching"])


def match_filters(
    kind: Annotated[
        ListingKind | None, Query(description="Default for listing matches: the opposite kind")
    ] = None,
    country: Annotated[str | None, Query(description="Owner's country, ISO 3166-1 alpha-2")] = None,
    region: Annotated[str | None, Query(description="ISO 3166-2")] = None,
    union: Annotated[
        str | None, Query(description="EAEU or UNION_STATE: owner's country is a member")
    ] = None,
    sector: str | None = None,
    code: Annotated[str | None, Query(description="Code prefix, e.g. HS:8607")] = None,
    valid_on: Annotated[
        date | None, Query(description="Only listings valid on this day [default: today]")
    ] = None,
) -> MatchFilter:
    return match_filter(kind, country, region, union, sector, code, valid_on)


Filters = Annotated[MatchFilter, Depends(match_filters)]
Limit = Annotated[int, Query(ge=1, le=100)]


@router.get("/listings/{ref}/matches", summary="Partners for a listing, ranked and explained")
def listing_matches(
    coopex: CoopexDep, actor: ActorDep, ref: str, filters: Filters, limit: Limit = 10
) -> ListingMatches:
    listing, matches = coopex.matching.match_listing(actor, ref, filters, limit)
    return ListingMatches(
        listing=ListingOut.of(listing),
        strong_match=any(m.strong for m in matches),
        matches=[MatchOut.of(m) for m in matches],
    )


@router.get("/search", summary="Free-text search across languages, ranked and explained")
def search(
    coopex: CoopexDep,
    _actor: ActorDep,
    q: Annotated[str, Query(description="What you look for, in Russian, English or Chinese")],
    filters: Filters,
    lang: Annotated[str | None, Query(description="ru, en or zh; detected if omitted")] = None,
    limit: Limit = 10,
) -> SearchResults:
    result = coopex.matching.search(q, filters, limit, lang)
    return SearchResults(
        query_language=result.query_language,
        strong_match=any(m.strong for m in result.matches),
        matches=[MatchOut.of(m) for m in result.matches],
    )
