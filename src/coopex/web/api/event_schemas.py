"""Request and response bodies of /api/v1/events. Types only: the rules live in the domain."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from coopex.domain.agenda import Agenda, SlotPlan
from coopex.domain.events import Event, Participant, Session
from coopex.domain.meetings import EventCounts, EventMeeting, FollowUp, MeetingRequest, Outcome
from coopex.services.meetings import MeetingSuggestion
from coopex.services.schedule import ScheduleView


class EventBody(BaseModel):
    """An event's fields. On PATCH, only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    ref: str | None = Field(None, description="Stable key; derived from title and date if omitted")
    title: str | None = None
    kind: str | None = Field(None, description="forum, round_table, business_mission, exhibition")
    starts_on: date | None = None
    ends_on: date | None = None
    timezone: str | None = Field(None, description="IANA time zone, e.g. Europe/Moscow")
    place: str | None = None
    registration: str | None = Field(None, description="open, or confirmed by the organiser")
    acceptance: str | None = Field(None, description="opt_in (target decides) or opt_out")
    tables: int | None = Field(None, description="Meeting tables in the matchmaking area")
    request_deadline: datetime | None = Field(
        None, description="Pending requests expire after it (event's local time if no offset)"
    )
    description: str | None = None


class EventOut(BaseModel):
    ref: str
    title: str
    kind: str
    starts_on: date
    ends_on: date
    timezone: str
    place: str | None
    registration: str
    acceptance: str
    tables: int
    request_deadline: datetime | None
    description: str
    created_by: str

    @classmethod
    def of(cls, event: Event) -> EventOut:
        return cls(
            ref=event.ref,
            title=event.title,
            kind=event.kind.value,
            starts_on=event.starts_on,
            ends_on=event.ends_on,
            timezone=event.timezone,
            place=event.place,
            registration=event.registration.value,
            acceptance=event.acceptance.value,
            tables=event.tables,
            request_deadline=event.request_deadline,
            description=event.description,
            created_by=event.created_by,
        )


class SessionBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(description="Unique in the event, e.g. day1-b2b")
    title: str
    kind: str = Field("business", description="business, matchmaking or visit")
    day: date
    starts: str = Field(description="HH:MM, event's local time")
    ends: str
    place: str | None = None
    slot_minutes: int | None = Field(None, description="Matchmaking sessions only")
    host_org: str | None = Field(None, description="A visit's host organisation (ref)")


class SessionOut(BaseModel):
    key: str
    title: str
    kind: str
    day: date
    starts: str
    ends: str
    place: str | None
    slot_minutes: int | None
    slots: int
    host_org: str | None

    @classmethod
    def of(cls, session: Session) -> SessionOut:
        return cls(
            key=session.key,
            title=session.title,
            kind=session.kind.value,
            day=session.day,
            starts=session.starts.isoformat("minutes"),
            ends=session.ends.isoformat("minutes"),
            place=session.place,
            slot_minutes=session.slot_minutes,
            slots=session.slot_count,
            host_org=session.host_org,
        )


class ParticipantBody(BaseModel):
    """A registration. On PATCH, `status` (organisers only) confirms or declines it."""

    model_config = ConfigDict(extra="forbid")
    org: str | None = None
    representatives: list[str] | None = None
    unavailable: list[str] | None = Field(None, description="SESSION or SESSION#N entries")
    listings: list[str] | None = Field(None, description="Listing refs; none: all published")
    status: str | None = Field(None, description="PATCH only: pending, confirmed, declined")


class ParticipantOut(BaseModel):
    org: str
    name: str
    status: str
    representatives: list[str]
    unavailable: list[str]
    listings: list[str]

    @classmethod
    def of(cls, participant: Participant) -> ParticipantOut:
        return cls(
            org=participant.org,
            name=participant.org_name,
            status=participant.status.value,
            representatives=list(participant.representatives),
            unavailable=list(participant.unavailable),
            listings=list(participant.listings),
        )


class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    requester: str
    target: str
    priority: int = Field(1, description="1 (nice to have) to 5 (must meet)")
    message: str | None = None
    reason: str | None = Field(None, description="The suggestion's explanation, if any")


class DecisionBody(BaseModel):
    status: str = Field(description="accepted, declined (the target) or cancelled (requester)")


class RequestOut(BaseModel):
    id: int
    requester: str
    target: str
    priority: int
    status: str
    message: str
    reason: str
    created_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None

    @classmethod
    def of(cls, request: MeetingRequest) -> RequestOut:
        assert request.id is not None
        return cls(
            id=request.id,
            requester=request.requester,
            target=request.target,
            priority=request.priority,
            status=request.status.value,
            message=request.message,
            reason=request.reason,
            created_at=request.created_at,
            decided_by=request.decided_by,
            decided_at=request.decided_at,
        )


class MeetingOut(BaseModel):
    id: int
    participants: list[str]
    priority: int
    mutual: bool
    slot: str | None = Field(description="SESSION#N")
    table: int | None
    locked: bool
    outcome: Outcome
    follow_up: FollowUp
    note: str
    project: str | None
    unplaced_reason: str | None

    @classmethod
    def of(cls, meeting: EventMeeting) -> MeetingOut:
        assert meeting.id is not None
        return cls(
            id=meeting.id,
            participants=list(meeting.pair),
            priority=meeting.priority,
            mutual=meeting.mutual,
            slot=meeting.slot,
            table=meeting.table,
            locked=meeting.locked,
            outcome=meeting.outcome,
            follow_up=meeting.follow_up,
            note=meeting.note,
            project=meeting.project,
            unplaced_reason=meeting.unplaced_reason,
        )


class LockBody(BaseModel):
    slot: str | None = Field(description="SESSION#N; null unlocks")
    table: int | None = None


class OutcomeBody(BaseModel):
    outcome: Outcome = Field(description="held or no_show")
    follow_up: FollowUp = FollowUp.NONE
    note: str = ""


class ScheduleBody(BaseModel):
    time_limit: float = Field(60.0, gt=0, le=3600, description="Seconds the solver may search")


class UnplacedOut(BaseModel):
    meeting: int
    participants: list[str]
    reason: str


class ScheduleOut(BaseModel):
    status: str | None = Field(description="optimal, feasible, infeasible, unknown; null: none")
    placed: int
    unplaced: int
    breaks: int | None
    bound: int | None = Field(description="Proven lower bound on breaks")
    gap: float | None = Field(description="Breaks gap, (breaks − bound) / breaks")
    held_mutual: int | None = Field(
        description="Σ priority of the meetings held that both sides requested; null: unknown"
    )
    held_one_sided: int | None = Field(
        description="Σ priority of the one-sided meetings held; null: unknown"
    )
    held_bound_mutual: int | None = Field(
        description="Proven upper bound on held_mutual over every schedule; null: not proven"
    )
    held_bound_one_sided: int | None = Field(
        description=(
            "Proven upper bound on held_one_sided over schedules holding at least held_mutual;"
            " null: not proven"
        )
    )
    held_gap: float | None = Field(
        description="Held gap: the worse tier's (bound − held) / bound; null: no bound proven"
    )
    moved: int | None
    seconds: float | None
    solved_at: datetime | None
    conflicts: list[str]
    meetings: list[MeetingOut]
    unplaced_meetings: list[UnplacedOut]

    @classmethod
    def of(cls, view: ScheduleView) -> ScheduleOut:
        s = view.summary
        return cls(
            status=s.status if s else None,
            placed=len(view.placed),
            unplaced=len(view.unplaced),
            breaks=s.breaks if s else None,
            bound=s.bound if s else None,
            gap=s.gap if s else None,
            held_mutual=s.held_mutual if s else None,
            held_one_sided=s.held_one_sided if s else None,
            held_bound_mutual=s.held_bound_mutual if s else None,
            held_bound_one_sided=s.held_bound_one_sided if s else None,
            held_gap=s.held_gap if s else None,
            moved=s.moved if s else None,
            seconds=s.seconds if s else None,
            solved_at=s.solved_at if s else None,
            conflicts=list(s.conflicts) if s else [],
            meetings=[MeetingOut.of(m) for m in view.meetings],
            unplaced_meetings=[
                UnplacedOut(
                    meeting=u.meeting.id or 0, participants=list(u.meeting.pair), reason=u.reason
                )
                for u in view.unplaced
            ],
        )


class SeatOut(BaseModel):
    table: int
    meeting: int
    participants: list[str]
    outcome: Outcome


class SlotPlanOut(BaseModel):
    slot: str
    starts: datetime = Field(description="Event's local time")
    ends: datetime
    seats: list[SeatOut]

    @classmethod
    def of(cls, plan: SlotPlan) -> SlotPlanOut:
        return cls(
            slot=plan.slot.name,
            starts=plan.slot.starts,
            ends=plan.slot.ends,
            seats=[
                SeatOut(
                    table=s.table,
                    meeting=s.meeting,
                    participants=[s.first, s.second],
                    outcome=s.outcome,
                )
                for s in plan.seats
            ],
        )


class AgendaItemOut(BaseModel):
    starts: datetime = Field(description="Event's local time")
    ends: datetime
    kind: str
    title: str
    place: str | None
    table: int | None
    with_org: str | None
    meeting: int | None


class AgendaOut(BaseModel):
    event: str
    org: str
    name: str
    timezone: str
    items: list[AgendaItemOut]

    @classmethod
    def of(cls, agenda: Agenda) -> AgendaOut:
        return cls(
            event=agenda.event.ref,
            org=agenda.org,
            name=agenda.org_name,
            timezone=agenda.event.timezone,
            items=[
                AgendaItemOut(
                    starts=i.starts,
                    ends=i.ends,
                    kind=i.kind,
                    title=i.title,
                    place=i.place,
                    table=i.table,
                    with_org=i.with_org,
                    meeting=i.meeting,
                )
                for i in agenda.items
            ],
        )


class SuggestionOut(BaseModel):
    target: str
    name: str
    score: float
    reason: str = Field(description="Why they match: terms, codes, sectors, proximity")
    listing: str
    their_listing: str

    @classmethod
    def of(cls, s: MeetingSuggestion) -> SuggestionOut:
        return cls(
            target=s.target,
            name=s.target_name,
            score=s.score,
            reason=s.reason,
            listing=s.listing,
            their_listing=s.their_listing,
        )


class CountsOut(BaseModel):
    """Event → meeting → agreement, measured."""

    requested: int
    accepted: int
    declined: int
    pending: int
    expired: int
    cancelled: int
    meetings: int
    scheduled: int
    unplaced: int
    held: int
    no_show: int
    follow_ups: int
    projects: int
    agreements: int

    @classmethod
    def of(cls, counts: EventCounts) -> CountsOut:
        return cls(**{name: getattr(counts, name) for name in cls.model_fields})


class ImportOut(BaseModel):
    created: int
    updated: int
