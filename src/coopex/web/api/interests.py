"""/api/v1/interests: expressions of interest in a match, and the funnel they feed."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from coopex.domain.interests import Direction, Interest, InterestStatus
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.projects import ProjectOut
from coopex.web.api.schemas import PageOut

router = APIRouter(prefix="/interests", tags=["interests"])


class InterestOut(BaseModel):
    id: int
    from_listing: str = Field(description="The expressing organisation's listing (ref)")
    to_listing: str = Field(description="The listing it is interested in (ref)")
    from_org: str
    to_org: str
    message: str
    status: InterestStatus
    expressed_by: str
    expressed_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None
    project: str | None = Field(description="Ref of the project opened from it")

    @classmethod
    def of(cls, interest: Interest) -> InterestOut:
        assert interest.id is not None
        return cls(
            id=interest.id,
            from_listing=interest.from_listing,
            to_listing=interest.to_listing,
            from_org=interest.from_org,
            to_org=interest.to_org,
            message=interest.message,
            status=interest.status,
            expressed_by=interest.expressed_by,
            expressed_at=interest.expressed_at,
            decided_by=interest.decided_by,
            decided_at=interest.decided_at,
            project=interest.project,
        )


class InterestBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    from_listing: str = Field(description="Your organisation's listing (ref)")
    to_listing: str = Field(description="Another organisation's published listing (ref)")
    message: str = ""


class OpenProjectBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(None, description="Default: the two listings' titles")


class FunnelOut(BaseModel):
    expressed: int
    pending: int
    accepted: int
    declined: int
    withdrawn: int
    projects: int
    acceptance_rate: float | None = Field(description="accepted / (accepted + declined)")


InterestPage = PageOut[InterestOut]


@router.get("", summary="Interests of your organisations: incoming, outgoing or both")
def list_interests(
    coopex: CoopexDep,
    actor: ActorDep,
    direction: Direction = Direction.ALL,
    status_: Annotated[InterestStatus | None, Query(alias="status")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> InterestPage:
    page = coopex.interests.page(actor, direction, status_, cursor, limit)
    return InterestPage(items=[InterestOut.of(i) for i in page.items], next_cursor=page.next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, summary="Say you are interested")
def express_interest(coopex: CoopexDep, actor: ActorDep, body: InterestBody) -> InterestOut:
    interest = coopex.interests.express(actor, body.from_listing, body.to_listing, body.message)
    return InterestOut.of(interest)


@router.get("/funnel", summary="Counts: expressed → accepted → projects")
def funnel(coopex: CoopexDep, actor: ActorDep) -> FunnelOut:
    counts = coopex.interests.funnel(actor)
    return FunnelOut(
        expressed=counts.expressed,
        pending=counts.pending,
        accepted=counts.accepted,
        declined=counts.declined,
        withdrawn=counts.withdrawn,
        projects=counts.projects,
        acceptance_rate=counts.acceptance_rate,
    )


@router.get("/{interest_id}", summary="One interest")
def get_interest(coopex: CoopexDep, actor: ActorDep, interest_id: int) -> InterestOut:
    return InterestOut.of(coopex.interests.get(actor, interest_id))


@router.post("/{interest_id}/accept", summary="Accept (the side asked): contacts are shared")
def accept(coopex: CoopexDep, actor: ActorDep, interest_id: int) -> InterestOut:
    return InterestOut.of(coopex.interests.accept(actor, interest_id))


@router.post("/{interest_id}/decline", summary="Decline (the side asked)")
def decline(coopex: CoopexDep, actor: ActorDep, interest_id: int) -> InterestOut:
    return InterestOut.of(coopex.interests.decline(actor, interest_id))


@router.post("/{interest_id}/withdraw", summary="Withdraw a pending interest (its sender)")
def withdraw(coopex: CoopexDep, actor: ActorDep, interest_id: int) -> InterestOut:
    return InterestOut.of(coopex.interests.withdraw(actor, interest_id))


@router.post(
    "/{interest_id}/project",
    status_code=status.HTTP_201_CREATED,
    summary="Open a cooperation project from an accepted interest",
)
def open_project(
    coopex: CoopexDep,
    actor: ActorDep,
    interest_id: int,
    body: OpenProjectBody | None = None,
) -> ProjectOut:
    title = body.title if body else None
    return ProjectOut.of(coopex.interests.open_project(actor, interest_id, title))
