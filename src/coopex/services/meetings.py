"""Meeting requests at an event: asking (with a priority), accepting or declining (opt-in) or
automatic acceptance (opt-out), the request deadline, locks on meetings, and meetings the
matching engine suggests from the participants' offers and requests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict, FieldError, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.events import (
    Acceptance,
    Event,
    ParticipantStatus,
    can_act_for,
    is_organizer,
    require_can_act_for,
    require_organizer,
    resolve_slot,
    slot_grid,
    unavailable_slots,
)
from coopex.domain.matching import Match, explain
from coopex.domain.meetings import (
    EventMeeting,
    MeetingRequest,
    Outcome,
    RequestStatus,
    build_request,
    granted_meetings,
    request_record,
)
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.ranker import IndexedListing, MatchQuery
from coopex.engines.scheduling.events import lock_conflicts
from coopex.interchange.event_csv import Row
from coopex.services.auditing import AuditedChange, record_detail
from coopex.services.events import (
    ImportSummary,
    event_id,
    load_event,
    load_participant,
    organization_ids,
    row_errors,
)
from coopex.services.matching import MatchingService
from coopex.storage.database import Database, utc_now
from coopex.storage.events import EventRepository
from coopex.storage.listings import ListingRepository
from coopex.storage.meetings import MeetingRepository
from coopex.storage.organizations import OrganizationRepository

DECISIONS = (RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.CANCELLED)


@dataclass(frozen=True, slots=True)
class MeetingSuggestion:
    target: str
    target_name: str
    score: float
    reason: str  # the matching explanation
    listing: str  # the asking side's listing
    their_listing: str
    # the match itself, for pages that explain it in the reader's language
    match: Match | None = field(default=None, compare=False, repr=False)


def sync_meetings(connection: Connection, event: Event, pair: tuple[str, str]) -> None:
    """Bring the meeting of two organisations in line with their requests: an accepted
    request grants a meeting; when all are declined or withdrawn it is cancelled (and loses
    its slot). Only this pair's rows are read, however big the event."""
    first, second = sorted(pair)
    repo = MeetingRepository(connection)
    between = [
        r
        for r in repo.requests(event_id(event), first)
        if {r.requester, r.target} == {first, second}
    ]
    grant = granted_meetings(between).get((first, second))
    meeting = next(
        (m for m in repo.meetings(event_id(event), first) if m.pair == (first, second)), None
    )
    if meeting is None:
        if grant is not None:
            ids = EventRepository(connection).participant_ids(event_id(event), [first, second])
            repo.add_meeting(event_id(event), ids[first], ids[second], grant.priority, grant.mutual)
        return
    assert meeting.id is not None
    if grant is None:
        if meeting.outcome is Outcome.PLANNED:
            repo.update_meeting(
                meeting.id,
                outcome=Outcome.CANCELLED.value,
                slot=None,
                table_no=None,
                locked=False,
                unplaced_reason=None,
            )
        return
    revived = meeting.outcome is Outcome.CANCELLED
    if revived or (meeting.priority, meeting.mutual) != (grant.priority, grant.mutual):
        outcome = Outcome.PLANNED if revived else meeting.outcome
        repo.update_meeting(
            meeting.id, priority=grant.priority, mutual=grant.mutual, outcome=outcome.value
        )


class MeetingService:
    def __init__(self, database: Database, matching: MatchingService | None = None) -> None:
        self.database = database
        self.matching = matching
        self.audited = AuditedChange(database)

    # -- requests --------------------------------------------------------------------------

    def request(self, actor: Actor, ref: str, raw: Mapping[str, object]) -> MeetingRequest:
        asked = build_request(raw, actor.label)
        entity = f"{ref}/{asked.requester}->{asked.target}"

        def work(connection: Connection) -> tuple[MeetingRequest, str]:
            event = load_event(connection, ref)
            created = self._add(connection, actor, event, asked)
            return created, record_detail(request_record(created))

        return self.audited.run(actor, "meeting.request", entity, work)

    def _add(
        self, connection: Connection, actor: Actor, event: Event, asked: MeetingRequest
    ) -> MeetingRequest:
        if event.requests_closed(utc_now()):
            raise Conflict(
                f"requests to {event.ref!r} closed at {event.request_deadline:%Y-%m-%d %H:%M %Z}",
                field="request_deadline",
            )
        requester = load_participant(connection, event, asked.requester, "requester")
        target = load_participant(connection, event, asked.target, "target")
        for name, who in (("requester", requester), ("target", target)):
            if who.status is ParticipantStatus.DECLINED:
                raise ValidationFailed(
                    [FieldError(name, "their registration was declined", who.org)]
                )
        org_id = organization_ids(connection, [asked.requester])[asked.requester]
        require_can_act_for(actor, org_id, asked.requester, "request a meeting for it")
        repo = MeetingRepository(connection)
        assert requester.id is not None and target.id is not None
        if repo.request_between(event_id(event), requester.id, target.id) is not None:
            raise Conflict(
                f"{asked.requester!r} has already asked {asked.target!r} at {event.ref!r}",
                field="target",
            )
        status = RequestStatus.PENDING
        if event.acceptance is Acceptance.OPT_OUT:
            status = RequestStatus.ACCEPTED  # the target may still decline
        stored = MeetingRequest(
            asked.requester,
            asked.target,
            asked.priority,
            status,
            asked.message,
            asked.reason,
            actor.label,
            decided_by="opt-out" if status is RequestStatus.ACCEPTED else None,
        )
        request_id = repo.add_request(event_id(event), requester.id, target.id, stored)
        sync_meetings(connection, event, (asked.requester, asked.target))
        found = repo.request(event_id(event), request_id)
        assert found is not None
        return found

    def decide(
        self, actor: Actor, ref: str, request_id: int, status: RequestStatus
    ) -> MeetingRequest:
        """The target accepts or declines; the requester cancels; organisers may do each."""
        if status not in DECISIONS:
            allowed = ", ".join(s.value for s in DECISIONS)
            raise ValidationFailed([FieldError("status", f"must be one of: {allowed}", status)])

        def work(connection: Connection) -> tuple[MeetingRequest, str]:
            event = load_event(connection, ref)
            repo = MeetingRepository(connection)
            request = repo.request(event_id(event), request_id)
            if request is None:
                raise NotFound("meeting request", request_id)
            side = request.requester if status is RequestStatus.CANCELLED else request.target
            org_id = organization_ids(connection, [side])[side]
            verb = {"accepted": "accept", "declined": "decline", "cancelled": "cancel"}
            require_can_act_for(actor, org_id, side, f"{verb[status.value]} request {request_id}")
            current = request.effective_status(event.request_deadline, utc_now())
            if current is RequestStatus.EXPIRED and status is RequestStatus.ACCEPTED:
                raise Conflict(f"request {request_id} expired at the request deadline")
            if current is RequestStatus.CANCELLED or current is status:
                raise Conflict(f"request {request_id} is already {current.value}", field="status")
            repo.decide(request_id, status, actor.label)
            sync_meetings(connection, event, (request.requester, request.target))
            decided = repo.request(event_id(event), request_id)
            assert decided is not None
            return decided, f"{current.value} -> {status.value}"

        return self.audited.run(actor, "meeting.decide", f"{ref}/{request_id}", work)

    def requests(self, actor: Actor, ref: str, org: str | None = None) -> list[MeetingRequest]:
        """Requests with their effective status (expired after the deadline); members see
        those of their organisations only."""
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            found = MeetingRepository(connection).requests(event_id(event), org)
            now = utc_now()
            visible = self._visible(
                connection, actor, {x for r in found for x in (r.requester, r.target)}
            )
            return [
                _with_status(r, r.effective_status(event.request_deadline, now))
                for r in found
                if r.requester in visible or r.target in visible
            ]

    @staticmethod
    def _visible(connection: Connection, actor: Actor, orgs: set[str]) -> set[str]:
        if is_organizer(actor):
            return orgs
        ids = organization_ids(connection, sorted(orgs))
        return {org for org, i in ids.items() if can_act_for(actor, i)}

    def meetings(self, actor: Actor, ref: str) -> list[EventMeeting]:
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            found = MeetingRepository(connection).meetings(event_id(event))
            visible = self._visible(connection, actor, {x for m in found for x in m.pair})
            return [m for m in found if visible & set(m.pair)]

    def import_requests(self, actor: Actor, ref: str, rows: Sequence[Row]) -> ImportSummary:
        """Every row as a request, or none (one bad row rejects the file, naming each)."""

        def work(connection: Connection) -> tuple[ImportSummary, str]:
            require_organizer(actor, f"import meeting requests of {ref!r}")
            event = load_event(connection, ref)
            errors: list[FieldError] = []
            created = 0
            for row in rows:
                errors.extend(
                    FieldError(f"{row.location}: {e.field}", e.reason) for e in row.errors
                )
                if row.errors:
                    continue
                try:
                    # `_add` checks everything before it writes: a refused row leaves nothing
                    self._add(connection, actor, event, build_request(row.raw, actor.label))
                    created += 1
                except ValidationFailed as failure:
                    errors.extend(row_errors(row, failure))
                except Conflict as conflict:
                    errors.append(FieldError(f"{row.location}: {conflict.field}", str(conflict)))
            if errors:
                raise ValidationFailed(errors)
            return ImportSummary(created, 0), f"created={created}"

        return self.audited.run(actor, "event.import", ref, work)

    # -- locks -----------------------------------------------------------------------------

    def lock(
        self, actor: Actor, ref: str, meeting_id: int, slot: str | None, table: int | None
    ) -> EventMeeting:
        """Pin a meeting to a slot and table (None, None: unpin). Contradicting another lock
        or a participant's availability is refused, naming the clash."""

        def work(connection: Connection) -> tuple[EventMeeting, str]:
            require_organizer(actor, f"lock meetings of {ref!r}")
            event = load_event(connection, ref)
            repo = MeetingRepository(connection)
            meeting = repo.meeting(event_id(event), meeting_id)
            if meeting is None or meeting.outcome is Outcome.CANCELLED:
                raise NotFound("meeting", meeting_id)
            if slot is None:
                repo.update_meeting(meeting_id, locked=False)
                return _reload(repo, event, meeting_id), "unlocked"
            events = EventRepository(connection)
            sessions = {s.key: s for s in events.sessions(event_id(event))}
            resolve_slot(slot, sessions, "slot")
            if table is None:
                raise ValidationFailed([FieldError("table", "is required with a slot")])
            unavailable = {
                p.org: unavailable_slots(p, sessions)
                for p in events.participants(event_id(event))
                if p.org in meeting.pair
            }
            repo.update_meeting(meeting_id, slot=slot, table_no=table, locked=True)
            everything = repo.meetings(event_id(event))
            grid = slot_grid(list(sessions.values()))
            problems = [
                p
                for p in lock_conflicts(everything, grid, unavailable, event.tables)
                if f"meeting {meeting_id} " in p
            ]
            if problems:
                raise ValidationFailed([FieldError("slot", p, slot) for p in problems])
            return _reload(repo, event, meeting_id), f"locked to {slot} table {table}"

        return self.audited.run(actor, "meeting.lock", f"{ref}/{meeting_id}", work)

    # -- suggestions -----------------------------------------------------------------------

    def suggestions(
        self, actor: Actor, ref: str, org: str, limit: int = 10
    ) -> list[MeetingSuggestion]:
        """Participants whose listings match `org`'s (its requests ↔ their offers and the
        other way), best first, with the matching explanation; those already asked are left
        out."""
        if self.matching is None:
            raise NotFound("matching service", "suggestions")
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            me = load_participant(connection, event, org, "org")
            ids = organization_ids(connection, [org])
            if not can_act_for(actor, ids[org]):
                raise PermissionDenied(f"see suggestions for {org!r}", "you are not a member")
            people = {
                p.org: p
                for p in EventRepository(connection).participants(
                    event_id(event), ParticipantStatus.CONFIRMED
                )
                if p.org != org
            }
            asked = {
                r.target
                for r in MeetingRepository(connection).requests(event_id(event), org)
                if r.requester == org
            }
            listings = ListingRepository(connection)
            refs = me.listings or listings.refs_of_organization(ids[org])
            mine = [x for x, _ in listings.by_refs(list(refs)).values()]
            country = OrganizationRepository(connection).countries_by_ref([org])[org]
        best: dict[str, MeetingSuggestion] = {}
        for listing in mine:
            wanted = MatchFilter(kind=listing.kind.opposite, open_on=date.today())
            query = MatchQuery.of(IndexedListing(listing, country))
            for match in self.matching.run(query, wanted, 50):
                other = people.get(match.listing.org_ref)
                if other is None or other.org in asked:
                    continue
                if other.listings and match.listing.ref not in other.listings:
                    continue
                found = best.get(other.org)
                if found is None or match.score > found.score:
                    best[other.org] = MeetingSuggestion(
                        other.org,
                        other.org_name,
                        round(match.score, 4),
                        explain(match),
                        listing.ref,
                        match.listing.ref,
                        match,
                    )
        return sorted(best.values(), key=lambda s: (-s.score, s.target))[:limit]


def _with_status(request: MeetingRequest, status: RequestStatus) -> MeetingRequest:
    return request if status is request.status else replace(request, status=status)


def _reload(repo: MeetingRepository, event: Event, meeting_id: int) -> EventMeeting:
    found = repo.meeting(event_id(event), meeting_id)
    assert found is not None
    return found
