"""Home: the sign-in form for visitors; for a signed-in user their organisations' listings,
their strongest new matches and the mutual suggestions about them."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.listings import Listing, ListingStatus
from coopex.domain.queries import ListingFilter, MatchFilter
from coopex.domain.suggestions import SuggestionStatus
from coopex.web.ui import nav
from coopex.web.ui.explain import ShownMatch
from coopex.web.ui.i18n import N_
from coopex.web.ui.pages.followups import home_sections
from coopex.web.ui.pages.matching import shown
from coopex.web.ui.pages.registry import labels
from coopex.web.ui.rendering import PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/", N_("Home"), order=10))

MATCHED_LISTINGS = 3  # listings whose best matches the home page shows
MATCHES_EACH = 3


@router.get("/")
def home(page: PageDep) -> Response:
    actor = page.actor
    if actor is None:
        return page.render("auth/signin.html", email="", next="/", error=None)
    registry = page.coopex.registry
    orgs = page.coopex.accounts.memberships(actor)
    own: list[Listing] = []
    for ref in orgs:
        for status in (ListingStatus.PUBLISHED, ListingStatus.DRAFT):
            own.extend(
                registry.list_listings(
                    actor, ListingFilter(org_ref=ref, status=status), None, 100
                ).items
            )
    matched: list[tuple[Listing, list[ShownMatch]]] = []
    for listing in [x for x in own if x.status is ListingStatus.PUBLISHED][:MATCHED_LISTINGS]:
        _, matches = page.coopex.matching.match_listing(actor, listing.ref, MatchFilter(), 10)
        found = shown(page, matches, f"{listing.title}\n{listing.description}")
        matched.append((listing, [m for m in found if m.strong][:MATCHES_EACH]))
    suggestions = page.coopex.suggestions.visible(actor, SuggestionStatus.NEW)[:10]
    titles = {}
    for s in suggestions:
        for ref in (s.request_ref, s.offer_ref):
            if ref not in titles:
                titles[ref] = registry.get_listing(actor, ref).title
    return page.render(
        "home/home.html",
        orgs=orgs,
        own=own,
        matched=matched,
        suggestions=suggestions,
        titles=titles,
        labels=labels(page),
        **home_sections(page, actor),
    )
