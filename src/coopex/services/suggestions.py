"""Mutual-interest suggestions: found by `refresh`, shown to both owners, acted on by them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, require_admin
from coopex.domain.errors import NotFound, PermissionDenied
from coopex.domain.listings import ListingKind
from coopex.domain.matching import explain
from coopex.domain.queries import MatchFilter
from coopex.domain.suggestions import Candidate, Suggestion, SuggestionStatus, mutual_pairs
from coopex.engines.matching.ranker import IndexedListing, MatchQuery
from coopex.services.auditing import AuditedChange
from coopex.services.matching import MatchingService
from coopex.storage.database import Database
from coopex.storage.listings import ListingRepository
from coopex.storage.suggestions import SuggestionRepository


@dataclass(frozen=True, slots=True)
class RefreshReport:
    searched: int
    mutual: int
    added: int
    updated: int
    withdrawn: int


class SuggestionService:
    def __init__(
        self, database: Database, matching: MatchingService, threshold: float = 0.5, depth: int = 10
    ) -> None:
        self.database = database
        self.matching = matching
        self.threshold = threshold  # both directions must score at least this
        self.depth = depth  # how far down each listing's matches the other must be
        self.audited = AuditedChange(database)

    def _best(self, item: IndexedListing) -> list[Candidate]:
        wanted = MatchFilter(kind=item.listing.kind.opposite, open_on=date.today())
        return [
            Candidate(m.listing.ref, round(m.score, 4), explain(m))
            for m in self.matching.run(MatchQuery.of(item), wanted, self.depth)
        ]

    def refresh(self, actor: Actor, refs: Sequence[str] | None = None) -> RefreshReport:
        """Recompute suggestions for all published listings, or for `refs` and their matches."""
        require_admin(actor, "refresh suggestions")
        indexed = {item.listing.ref: item for item in self.matching.indexed()}
        scope = list(indexed) if refs is None else [r for r in refs if r in indexed]
        best = {ref: self._best(indexed[ref]) for ref in scope}
        for ref in list(best):  # the other side must have searched too, to confirm
            for candidate in best[ref]:
                if candidate.ref not in best and candidate.ref in indexed:
                    best[candidate.ref] = self._best(indexed[candidate.ref])
        requests = {ref for ref in best if indexed[ref].listing.kind is ListingKind.REQUEST}
        pairs = mutual_pairs(best, requests, self.threshold)
        touched = set(scope)

        def work(connection: Connection) -> tuple[RefreshReport, str]:
            repo = SuggestionRepository(connection)
            stale = [
                s.id
                for key, s in repo.all().items()
                if key not in pairs and s.id is not None and (refs is None or touched & set(key))
            ]
            ids = ListingRepository(connection).by_refs(sorted({r for pair in pairs for r in pair}))
            added, updated = repo.save(
                pairs, {ref: listing.id or 0 for ref, (listing, _) in ids.items()}
            )
            withdrawn = repo.withdraw(stale)
            report = RefreshReport(len(best), len(pairs), added, updated, withdrawn)
            return report, f"added={added} updated={updated} withdrawn={withdrawn}"

        return self.audited.run(
            actor, "suggestion.refresh", "all" if refs is None else ",".join(refs), work
        )

    def visible(self, actor: Actor, status: SuggestionStatus | None = None) -> list[Suggestion]:
        """Suggestions about the actor's organisations' listings (all, for admins)."""
        with self.database.transaction() as connection:
            organizations = None if actor.is_admin else actor.organizations
            return SuggestionRepository(connection).visible(organizations, status)

    def set_status(self, actor: Actor, suggestion_id: int, status: SuggestionStatus) -> Suggestion:
        def work(connection: Connection) -> tuple[Suggestion, str]:
            repo = SuggestionRepository(connection)
            found = repo.get(suggestion_id)
            if found is None:
                raise NotFound("suggestion", suggestion_id)
            suggestion, organizations = found
            if not actor.is_admin and not actor.organizations & organizations:
                raise PermissionDenied(
                    "change this suggestion", "neither listing is your organisation's"
                )
            repo.set_status(suggestion_id, status)
            updated = repo.get(suggestion_id)
            assert updated is not None
            return updated[0], f"{suggestion.status.value} -> {status.value}"

        return self.audited.run(actor, "suggestion.status", str(suggestion_id), work)
