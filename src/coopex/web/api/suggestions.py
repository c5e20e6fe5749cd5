"""/api/v1/suggestions: mutual interest between requests and offers."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from coopex.domain.jobs import JobKind
from coopex.domain.suggestions import Suggestion, SuggestionStatus
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.jobs import ACCEPTED, JobOut, accepted
from coopex.web.api.paths import RowId

router = APIRouter(prefix="/suggestions", tags=["matching"])


class SuggestionOut(BaseModel):
    id: int
    request: str = Field(description="ref of the request")
    offer: str = Field(description="ref of the offer")
    score: float = Field(description="the weaker of the two directions' match scores")
    reason: str
    status: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, s: Suggestion) -> SuggestionOut:
        assert s.id is not None and s.created_at is not None and s.updated_at is not None
        return cls(
            id=s.id,
            request=s.request_ref,
            offer=s.offer_ref,
            score=s.score,
            reason=s.reason,
            status=s.status.value,
            created_at=s.created_at,
            updated_at=s.updated_at,
        )


class StatusBody(BaseModel):
    status: SuggestionStatus


@router.get("", summary="Suggestions about your organisations' listings, best first")
def list_suggestions(
    coopex: CoopexDep, actor: ActorDep, status: SuggestionStatus | None = None
) -> list[SuggestionOut]:
    return [SuggestionOut.of(s) for s in coopex.suggestions.visible(actor, status)]


@router.patch("/{suggestion_id}", summary="Mark a suggestion contacted or dismissed")
def set_status(
    coopex: CoopexDep, actor: ActorDep, suggestion_id: RowId, body: StatusBody
) -> SuggestionOut:
    return SuggestionOut.of(coopex.suggestions.set_status(actor, suggestion_id, body.status))


@router.post(
    "/refresh",
    summary="Recompute every mutual-interest suggestion, as a background job (admins; "
    "changed listings are followed without it)",
    status_code=202,
    responses=ACCEPTED,
)
def refresh(request: Request, response: Response, coopex: CoopexDep, actor: ActorDep) -> JobOut:
    return accepted(request, response, coopex.jobs.enqueue(actor, JobKind.SUGGESTIONS_REFRESH))
