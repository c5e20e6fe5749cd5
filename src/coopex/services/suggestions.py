"""Mutual-interest suggestions: kept current as listings change (`follow`, called by the
change feed's follower, services/suggestion_feed.py), recomputed in full by admins
(`refresh`), shown to both owners, acted on by them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, require_admin
from coopex.domain.audit import Outcome
from coopex.domain.errors import NotFound, PermissionDenied
from coopex.domain.listings import ListingKind
from coopex.domain.matching import explain
from coopex.domain.queries import MatchFilter
from coopex.domain.suggestions import Candidate, Suggestion, SuggestionStatus, mutual_pairs
from coopex.engines.matching.ranker import IndexedListing, MatchQuery
from coopex.services.auditing import AuditedChange
from coopex.services.jobs import JobContext
from coopex.services.matching import MatchingService
from coopex.storage.database import Database
from coopex.storage.listings import ListingRepository
from coopex.storage.suggestions import SuggestionRepository

FOLLOWER = Actor.operator("suggestions")  # who the change feed's updates are audited as


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

    def refresh(
        self,
        actor: Actor,
        refs: Sequence[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> RefreshReport:
        """Recompute suggestions for all published listings, or for `refs` and their matches
        (admins). `progress(searched, at most)` hears of each listing searched."""
        require_admin(actor, "refresh suggestions")
        return self._recompute(actor, refs, progress)

    def follow(self, refs: Sequence[str]) -> RefreshReport:
        """Bring the suggestions of these changed listings up to date (created, changed,
        unpublished or closed): the change feed's follower calls it, as the system."""
        return self._recompute(FOLLOWER, refs, None, audit_empty=False)

    def run_job(self, job: JobContext) -> dict[str, Any]:
        """The admins' full refresh, as a background job."""
        report = self.refresh(job.actor, progress=job.progress)
        return asdict(report)

    def _recompute(
        self,
        actor: Actor,
        refs: Sequence[str] | None,
        progress: Callable[[int, int], None] | None,
        audit_empty: bool = True,
    ) -> RefreshReport:
        indexed = {item.listing.ref: item for item in self.matching.indexed(fresh=True)}
        scope = list(indexed) if refs is None else [r for r in refs if r in indexed]
        best: dict[str, list[Candidate]] = {}

        def search(ref: str) -> None:
            best[ref] = self._best(indexed[ref])
            if progress is not None:
                progress(len(best), len(indexed))

        for ref in scope:
            search(ref)
        for ref in list(best):  # the other side must have searched too, to confirm
            for candidate in best[ref]:
                if candidate.ref not in best and candidate.ref in indexed:
                    search(candidate.ref)
        requests = {ref for ref in best if indexed[ref].listing.kind is ListingKind.REQUEST}
        pairs = mutual_pairs(best, requests, self.threshold)
        # Listings no longer published (closed, drafts) are not searched, but what was
        # suggested about them goes.
        touched = set(scope if refs is None else refs)

        def work(connection: Connection) -> RefreshReport:
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
            if audit_empty or added or updated or withdrawn:
                self.audited.log(
                    connection,
                    actor,
                    "suggestion.refresh",
                    ("all" if refs is None else ",".join(refs))[:200],
                    Outcome.DONE,
                    f"added={added} updated={updated} withdrawn={withdrawn}",
                )
            return report

        with self.database.transaction() as connection:
            return work(connection)

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
