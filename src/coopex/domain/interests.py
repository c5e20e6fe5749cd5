"""Expressions of interest: one organisation says "interested" in a match (its listing and
another organisation's listing); the other side accepts or declines. On acceptance each side
sees the other's contacts, and a cooperation project may be opened from it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict
from coopex.domain.organizations import ContactsVisibility, Organization


class InterestStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"  # by the side that expressed it, while pending


class Direction(StrEnum):
    INCOMING = "incoming"  # expressed to one of my organisations
    OUTGOING = "outgoing"  # expressed by one of my organisations
    ALL = "all"


@dataclass(frozen=True, slots=True)
class Interest:
    from_listing: str  # listing refs: the expresser's own listing, and the one it wants
    to_listing: str
    from_org: str  # organisation refs
    to_org: str
    message: str = ""
    status: InterestStatus = InterestStatus.PENDING
    expressed_by: str = ""
    expressed_at: datetime | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    project: str | None = None  # ref of the project opened from it
    id: int | None = field(default=None, compare=False)


def decide_interest(interest: Interest, status: InterestStatus) -> InterestStatus:
    """Only a pending interest is decided, once."""
    if status is InterestStatus.PENDING:
        raise Conflict("an interest cannot be set back to pending", field="status")
    if interest.status is not InterestStatus.PENDING:
        raise Conflict(f"interest {interest.id} is already {interest.status.value}", field="status")
    return status


def check_can_open_project(interest: Interest) -> None:
    if interest.status is not InterestStatus.ACCEPTED:
        raise Conflict(
            f"interest {interest.id} is {interest.status.value}: "
            "a project is opened from an accepted interest",
            field="status",
        )
    if interest.project is not None:
        raise Conflict(
            f"interest {interest.id} already opened project {interest.project!r}",
            field="project",
        )


@dataclass(frozen=True, slots=True)
class Funnel:
    """How far expressions of interest go: expressed → accepted → projects."""

    expressed: int
    pending: int
    accepted: int
    declined: int
    withdrawn: int
    projects: int

    @property
    def acceptance_rate(self) -> float | None:
        decided = self.accepted + self.declined
        return self.accepted / decided if decided else None


def may_see_contacts(actor: Actor, org: Organization, linked_by_interest: bool) -> bool:
    """Public contacts are for everyone; hidden ones for the organisation's members, its
    region's agency staff, admins, and organisations an accepted interest links it to."""
    assert org.id is not None
    return (
        org.contacts_visibility is ContactsVisibility.PUBLIC
        or actor.is_admin
        or actor.is_member_of(org.id)
        or actor.is_agency_of(org.region)
        or linked_by_interest
    )


def as_seen_by(
    actor: Actor | None, org: Organization, linked_by_interest: bool = False
) -> Organization:
    """The organisation with its contacts omitted when `actor` may not see them (no actor:
    someone outside every organisation)."""
    if org.contacts_visibility is ContactsVisibility.PUBLIC:
        return org
    if actor is not None and may_see_contacts(actor, org, linked_by_interest):
        return org
    return replace(org, contacts=())
