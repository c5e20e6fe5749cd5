"""A listing's matches and search across languages, explained in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import can_see_unpublished
from coopex.domain.errors import ValidationFailed
from coopex.domain.listings import Listing, ListingKind
from coopex.domain.matching import Match
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.wording import surface_words
from coopex.web.api.filters import match_filter
from coopex.web.ui import nav
from coopex.web.ui.explain import STRONG, STRONG_TEXT, ShownMatch, fold_languages, reasons
from coopex.web.ui.forms import field_errors
from coopex.web.ui.i18n import N_
from coopex.web.ui.pages.registry import choices
from coopex.web.ui.rendering import Page, PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/search", N_("Search"), order=40))


def shown(
    page: Page, matches: Sequence[Match], query_text: str, strong: float = STRONG
) -> list[ShownMatch]:
    analyzer = page.coopex.matching.engine.analyzer

    def ours(terms: list[str]) -> dict[str, str]:
        return surface_words(analyzer, query_text, terms)

    def theirs(listing: Listing, terms: list[str]) -> dict[str, str]:
        return surface_words(analyzer, f"{listing.title}\n{listing.description}", terms)

    return [
        ShownMatch(match, reasons(page.i18n, match, ours, theirs), versions, match.score >= strong)
        for match, versions in fold_languages(matches)
    ]


def _filters(page: Page, params: dict[str, str]) -> tuple[MatchFilter, dict[str, list[str]]]:
    kind = params.get("kind") or None
    try:
        return (
            match_filter(
                ListingKind(kind) if kind in ("offer", "request") else None,
                params.get("country"),
                params.get("region"),
                params.get("union"),
                params.get("sector") or None,
                params.get("code"),
            ),
            {},
        )
    except ValidationFailed as failed:
        return MatchFilter(), field_errors(page.i18n, failed.errors)


@router.get("/listings/{ref}/matches")
def listing_matches(page: PageDep, ref: str) -> Response:
    actor = page.require_actor()
    params = dict(page.request.query_params)
    filters, errors = _filters(page, params)
    listing, matches = page.coopex.matching.match_listing(actor, ref, filters, limit=20)
    found = shown(page, matches, f"{listing.title}\n{listing.description}")
    org = page.coopex.registry.get_organization(listing.org_ref)
    assert org.id is not None
    manages = can_see_unpublished(actor, org.id, org.region)  # may speak for the organisation
    return page.render(
        "matching/matches.html",
        listing=listing,
        interest_from=listing if manages else None,
        matches=found,
        strong=[m for m in found if m.strong],
        weak=[m for m in found if not m.strong],
        params=params,
        errors=errors,
        choices=choices(page),
    )


@router.get("/search")
def search(page: PageDep) -> Response:
    page.require_actor()
    params = dict(page.request.query_params)
    text = params.get("q", "").strip()
    filters, errors = _filters(page, params)
    found: list[ShownMatch] = []
    language = None
    if text and not errors:
        try:
            result = page.coopex.matching.search(text, filters, limit=20)
            language = result.query_language
            found = shown(page, result.matches, text, STRONG_TEXT)
        except ValidationFailed as failed:
            errors = field_errors(page.i18n, failed.errors)
    return page.render(
        "matching/search.html",
        q=text,
        query_language=language,
        matches=found,
        strong=[m for m in found if m.strong],
        weak=[m for m in found if not m.strong],
        params=params,
        errors=errors,
        choices=choices(page),
    )
