"""Matching use cases: partners for a listing, free-text search, and keeping the index current."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from coopex.domain.accounts import Actor
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.listings import Listing, ListingStatus
from coopex.domain.matching import Match
from coopex.domain.queries import MatchFilter
from coopex.engines.language import detect_language
from coopex.engines.matching.ranker import IndexedListing, MatchEngine, MatchQuery
from coopex.services.registry import RegistryService
from coopex.storage.database import Database
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository

MIN_QUERY_LETTERS = 2
MAX_QUERY_CHARACTERS = 2000


@dataclass(frozen=True, slots=True)
class SearchResult:
    query_language: str
    matches: list[Match]


class MatchingService:
    """Owns the in-memory match engine: built from the database on first use, then kept
    current by `listings_changed`, which the registry calls after each committed change."""

    def __init__(
        self,
        database: Database,
        registry: RegistryService,
        engine_factory: Callable[[], MatchEngine],
    ) -> None:
        self.database = database
        self.registry = registry
        self._engine_factory = engine_factory
        self._engine: MatchEngine | None = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> MatchEngine:
        with self._lock:
            if self._engine is None:
                engine = self._engine_factory()
                engine.add(self._indexable(self._all_listings()))
                self._engine = engine
            return self._engine

    def _all_listings(self) -> list[tuple[Listing, str]]:
        with self.database.transaction() as connection:
            countries = {o.ref: o.country for o in OrganizationRepository(connection).iterate()}
            return [(x, countries[x.org_ref]) for x in ListingRepository(connection).iterate()]

    @staticmethod
    def _indexable(rows: Sequence[tuple[Listing, str]]) -> list[IndexedListing]:
        return [
            IndexedListing(x, country) for x, country in rows if x.status is ListingStatus.PUBLISHED
        ]

    def listings_changed(self, refs: Sequence[str]) -> None:
        """Re-read these listings and update the index (no-op until the index is built)."""
        if self._engine is None or not refs:
            return
        with self.database.transaction() as connection:
            stored = ListingRepository(connection).by_refs(list(refs))
            countries = OrganizationRepository(connection).countries_by_ref(
                sorted({x.org_ref for x, _ in stored.values()})
            )
        with self._lock:
            fresh = []
            for listing, _ in stored.values():
                assert listing.id is not None
                if listing.status is ListingStatus.PUBLISHED:
                    fresh.append(IndexedListing(listing, countries[listing.org_ref]))
                else:
                    self._engine.remove(listing.id)
            self._engine.add(fresh)

    def match_listing(
        self, actor: Actor, ref: str, filters: MatchFilter, limit: int = 10
    ) -> tuple[Listing, list[Match]]:
        """Partners for listing `ref`: offers for a request, requests for an offer."""
        listing = self.registry.get_listing(actor, ref)
        org = self.registry.get_organization(listing.org_ref)
        query = MatchQuery.of(IndexedListing(listing, org.country))
        wanted = filters if filters.kind is not None else _with_kind(filters, listing)
        return listing, self.engine.search(query, _open_today(wanted), limit)

    def search(
        self, text: str, filters: MatchFilter, limit: int = 10, language: str | None = None
    ) -> SearchResult:
        cleaned = " ".join(text.split())
        letters = sum(ch.isalnum() for ch in cleaned)
        if letters < MIN_QUERY_LETTERS:
            raise ValidationFailed(
                [
                    FieldError(
                        "q", f"needs at least {MIN_QUERY_LETTERS} letters or digits", text[:40]
                    )
                ]
            )
        if len(cleaned) > MAX_QUERY_CHARACTERS:
            raise ValidationFailed(
                [
                    FieldError(
                        "q", f"longer than {MAX_QUERY_CHARACTERS} characters", cleaned[:40] + "…"
                    )
                ]
            )
        if language is not None and language not in ("ru", "en", "zh"):
            raise ValidationFailed([FieldError("lang", "must be one of: ru, en, zh", language)])
        matches = self.engine.search(MatchQuery(text=cleaned), _open_today(filters), limit)
        return SearchResult(language or detect_language(cleaned), matches)


def _with_kind(filters: MatchFilter, listing: Listing) -> MatchFilter:
    return replace(filters, kind=listing.kind.opposite)


def _open_today(filters: MatchFilter) -> MatchFilter:
    return filters if filters.open_on is not None else replace(filters, open_on=date.today())
