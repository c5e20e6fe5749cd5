"""Stored suggestions, with the refs and owners of both listings."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.suggestions import Candidate, Suggestion, SuggestionStatus
from coopex.storage.database import as_utc, utc_now
from coopex.storage.tables import listings, suggestions

_request = listings.alias("request")
_offer = listings.alias("offer")
_SELECT = (
    sa.select(
        suggestions,
        _request.c.ref.label("request_ref"),
        _offer.c.ref.label("offer_ref"),
        _request.c.organization_id.label("request_org"),
        _offer.c.organization_id.label("offer_org"),
    )
    .join(_request, _request.c.id == suggestions.c.request_id)
    .join(_offer, _offer.c.id == suggestions.c.offer_id)
)


def _suggestion(row: RowMapping) -> Suggestion:
    return Suggestion(
        id=row["id"],
        request_ref=row["request_ref"],
        offer_ref=row["offer_ref"],
        score=row["score"],
        reason=row["reason"],
        status=SuggestionStatus(row["status"]),
        created_at=as_utc(row["created_at"]),
        updated_at=as_utc(row["updated_at"]),
    )


class SuggestionRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def all(self) -> dict[tuple[str, str], Suggestion]:
        rows = self.connection.execute(_SELECT).mappings()
        return {(r["request_ref"], r["offer_ref"]): _suggestion(r) for r in rows}

    def save(
        self, pairs: Mapping[tuple[str, str], Candidate], ids: Mapping[str, int]
    ) -> tuple[int, int]:
        """Insert new pairs as `new`; refresh score and reason of known ones, keeping status.
        Returns (added, updated)."""
        known = self.all()
        now = utc_now()
        added = updated = 0
        for (request, offer), candidate in pairs.items():
            current = known.get((request, offer))
            if current is None:
                self.connection.execute(
                    suggestions.insert().values(
                        request_id=ids[request],
                        offer_id=ids[offer],
                        score=candidate.score,
                        reason=candidate.reason,
                        status=SuggestionStatus.NEW.value,
                        created_at=now,
                        updated_at=now,
                    )
                )
                added += 1
            elif (current.score, current.reason) != (candidate.score, candidate.reason):
                self.connection.execute(
                    suggestions.update()
                    .where(suggestions.c.id == current.id)
                    .values(score=candidate.score, reason=candidate.reason, updated_at=now)
                )
                updated += 1
        return added, updated

    def withdraw(self, suggestion_ids: list[int]) -> int:
        """Delete suggestions nobody acted on that are no longer mutual."""
        if not suggestion_ids:
            return 0
        result = self.connection.execute(
            suggestions.delete().where(
                suggestions.c.id.in_(suggestion_ids),
                suggestions.c.status == SuggestionStatus.NEW.value,
            )
        )
        return int(result.rowcount)

    def visible(
        self, organization_ids: frozenset[int] | None, status: SuggestionStatus | None
    ) -> list[Suggestion]:
        """Suggestions touching these organisations (None: all), best first."""
        query = _SELECT
        if organization_ids is not None:
            query = query.where(
                sa.or_(
                    _request.c.organization_id.in_(organization_ids),
                    _offer.c.organization_id.in_(organization_ids),
                )
            )
        if status is not None:
            query = query.where(suggestions.c.status == status.value)
        rows = self.connection.execute(query.order_by(suggestions.c.score.desc(), suggestions.c.id))
        return [_suggestion(r) for r in rows.mappings()]

    def get(self, suggestion_id: int) -> tuple[Suggestion, frozenset[int]] | None:
        """The suggestion and the ids of the two organisations it concerns."""
        row = (
            self.connection.execute(_SELECT.where(suggestions.c.id == suggestion_id))
            .mappings()
            .first()
        )
        return (
            None
            if row is None
            else (_suggestion(row), frozenset({row["request_org"], row["offer_org"]}))
        )

    def set_status(self, suggestion_id: int, status: SuggestionStatus) -> None:
        self.connection.execute(
            suggestions.update()
            .where(suggestions.c.id == suggestion_id)
            .values(status=status.value, updated_at=utc_now())
        )
