"""B2B meeting requests, the meetings they grant, and what came of each meeting.

A request asks for a meeting of two participants. Accepted requests between the same two
organisations make one meeting (`mutual` when both asked). The schedule gives each meeting a
slot and a table; after the event it is marked held or no-show, with a follow-up that opens
or advances a cooperation project.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.fields import FieldReader
from coopex.domain.projects import ProjectStage

MIN_PRIORITY, MAX_PRIORITY = 1, 5


class RequestStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"  # still pending when the event's request deadline passed
    CANCELLED = "cancelled"  # withdrawn by the requester


class Outcome(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"  # its requests were declined or withdrawn


class FollowUp(StrEnum):
    NONE = "none"
    CONTACT = "contact"  # keep in touch: a project at stage `contact`
    NEGOTIATION = "negotiation"
    AGREEMENT = "agreement"  # signed

    @property
    def stage(self) -> ProjectStage | None:
        return {
            FollowUp.CONTACT: ProjectStage.CONTACT,
            FollowUp.NEGOTIATION: ProjectStage.NEGOTIATION,
            FollowUp.AGREEMENT: ProjectStage.AGREEMENT,
        }.get(self)


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    requester: str  # organisation refs
    target: str
    priority: int = 1
    status: RequestStatus = RequestStatus.PENDING
    message: str = ""
    reason: str = ""  # the matching explanation, when it came from a suggestion
    created_by: str = ""
    created_at: datetime | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    id: int | None = field(default=None, compare=False)

    def effective_status(self, deadline: datetime | None, now: datetime) -> RequestStatus:
        if self.status is RequestStatus.PENDING and deadline is not None and now > deadline:
            return RequestStatus.EXPIRED
        return self.status


@dataclass(frozen=True, slots=True)
class EventMeeting:
    """One meeting of two participants (organisation refs, `first` < `second`)."""

    first: str
    second: str
    priority: int
    mutual: bool
    slot: str | None = None  # `SESSION#N`, when placed
    table: int | None = None  # 1-based, as printed on the table plan
    locked: bool = False
    outcome: Outcome = Outcome.PLANNED
    follow_up: FollowUp = FollowUp.NONE
    note: str = ""
    project: str | None = None  # the project its follow-up opened or advanced
    unplaced_reason: str | None = None  # why the last schedule could not place it
    id: int | None = field(default=None, compare=False)

    @property
    def pair(self) -> tuple[str, str]:
        return self.first, self.second

    def other(self, org: str) -> str:
        return self.second if org == self.first else self.first


@dataclass(frozen=True, slots=True)
class Granted:
    """What the accepted requests between two organisations grant."""

    pair: tuple[str, str]
    priority: int
    mutual: bool


def granted_meetings(requests: Iterable[MeetingRequest]) -> dict[tuple[str, str], Granted]:
    """One meeting per pair with an accepted request: the highest priority asked, mutual
    when each side asked the other."""
    askers: dict[tuple[str, str], set[str]] = {}
    priority: dict[tuple[str, str], int] = {}
    for request in requests:
        if request.status is not RequestStatus.ACCEPTED:
            continue
        a, b = sorted((request.requester, request.target))
        askers.setdefault((a, b), set()).add(request.requester)
        priority[(a, b)] = max(priority.get((a, b), 0), request.priority)
    return {pair: Granted(pair, priority[pair], len(who) == 2) for pair, who in askers.items()}


def build_request(raw: Mapping[str, object], created_by: str = "") -> MeetingRequest:
    reader = FieldReader(raw)
    requester = reader.ref("requester")
    target = reader.ref("target")
    for name, value in (("requester", requester), ("target", target)):
        if value is None and not any(e.field == name for e in reader.errors):
            reader.fail(name, "is required")
    if requester and target and requester == target:
        reader.fail("target", "an organisation cannot ask to meet itself", target)
    priority = raw.get("priority")
    level = MIN_PRIORITY
    if priority not in (None, ""):
        try:
            level = int(str(priority))
        except ValueError:
            reader.fail("priority", "must be a whole number", priority)
        if not MIN_PRIORITY <= level <= MAX_PRIORITY:
            reader.fail("priority", f"must be from {MIN_PRIORITY} to {MAX_PRIORITY}", priority)
    message = reader.optional_text("message", max_length=2000, multiline=True) or ""
    reason = reader.optional_text("reason", max_length=2000) or ""
    reader.raise_if_failed()
    assert requester and target
    return MeetingRequest(
        requester, target, level, message=message, reason=reason, created_by=created_by
    )


def request_record(request: MeetingRequest) -> dict[str, object]:
    return {
        "id": request.id,
        "requester": request.requester,
        "target": request.target,
        "priority": request.priority,
        "status": request.status.value,
        "message": request.message,
        "reason": request.reason,
    }


def check_outcome(outcome: Outcome, follow_up: FollowUp) -> None:
    if outcome not in (Outcome.HELD, Outcome.NO_SHOW):
        raise ValidationFailed([FieldError("outcome", "must be held or no_show", outcome.value)])
    if outcome is Outcome.NO_SHOW and follow_up is not FollowUp.NONE:
        raise ValidationFailed(
            [FieldError("follow_up", "a meeting that was not held has no follow-up", follow_up)]
        )


@dataclass(frozen=True, slots=True)
class EventCounts:
    """How far the event got: requests → meetings → agreements."""

    requested: int
    accepted: int
    declined: int
    pending: int
    expired: int
    cancelled: int
    meetings: int  # granted (not cancelled)
    scheduled: int
    unplaced: int
    held: int
    no_show: int
    follow_ups: int
    projects: int
    agreements: int  # projects from its meetings now at stage agreement
