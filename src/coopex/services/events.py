"""Events: creating them and their sessions (organisers), registering participants (an
organisation's members, or organisers on its behalf), and the event's marketplace."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict, FieldError, NotFound, ValidationFailed
from coopex.domain.events import (
    Event,
    EventKind,
    Participant,
    ParticipantStatus,
    Registration,
    Session,
    build_event,
    build_participant,
    build_session,
    event_record,
    is_organizer,
    participant_record,
    require_can_act_for,
    require_organizer,
    session_record,
)
from coopex.domain.listings import Listing, ListingStatus
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.interchange.event_csv import Row
from coopex.services.auditing import AuditedChange, changed_fields, record_detail
from coopex.storage.database import Database
from coopex.storage.events import EventRepository
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository


def load_event(connection: Connection, ref: str) -> Event:
    event = EventRepository(connection).get(ref)
    if event is None or event.id is None:
        raise NotFound("event", ref)
    return event


def event_id(event: Event) -> int:
    assert event.id is not None
    return event.id


def load_participant(connection: Connection, event: Event, org: str, field: str) -> Participant:
    """A participant of `event`; a ValidationFailed naming `field` when `org` is not one."""
    found = EventRepository(connection).participant(event_id(event), org)
    if found is None:
        raise ValidationFailed([FieldError(field, f"is not a participant of {event.ref!r}", org)])
    return found


def organization_ids(connection: Connection, refs: Sequence[str]) -> dict[str, int]:
    return OrganizationRepository(connection).ids_by_ref(list(refs))


@dataclass(frozen=True, slots=True)
class ImportSummary:
    created: int
    updated: int


def row_errors(row: Row, failure: ValidationFailed) -> list[FieldError]:
    """A row's errors, each naming the row: `row 3: target`."""
    return [FieldError(f"{row.location}: {e.field}", e.reason, e.value) for e in failure.errors]


class EventService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.audited = AuditedChange(database)

    # -- events ----------------------------------------------------------------------------

    def create(self, actor: Actor, raw: Mapping[str, object]) -> Event:
        event = build_event(raw, actor.label)

        def work(connection: Connection) -> tuple[Event, str]:
            require_organizer(actor, "create an event")
            repo = EventRepository(connection)
            if repo.get(event.ref) is not None:
                raise Conflict(f"an event with ref {event.ref!r} exists", field="ref")
            return repo.add(event), record_detail(event_record(event))

        return self.audited.run(actor, "event.create", event.ref, work)

    def update(self, actor: Actor, ref: str, changes: Mapping[str, object]) -> Event:
        def work(connection: Connection) -> tuple[Event, str]:
            require_organizer(actor, f"change event {ref!r}")
            current = load_event(connection, ref)
            before = event_record(current)
            if changes.get("ref", ref) != ref:
                raise ValidationFailed(
                    [FieldError("ref", "cannot be changed", str(changes["ref"]))]
                )
            updated = build_event({**before, **changes}, current.created_by)
            EventRepository(connection).replace(event_id(current), updated)
            return load_event(connection, ref), changed_fields(before, event_record(updated))

        return self.audited.run(actor, "event.update", ref, work)

    def get(self, ref: str) -> Event:
        with self.database.transaction() as connection:
            return load_event(connection, ref)

    def page(
        self, kind: EventKind | None = None, cursor: str | None = None, limit: int = 50
    ) -> Page[Event]:
        check_page_size(limit)
        with self.database.transaction() as connection:
            return EventRepository(connection).page(kind, decode_cursor(cursor), limit)

    # -- sessions --------------------------------------------------------------------------

    def add_session(self, actor: Actor, ref: str, raw: Mapping[str, object]) -> Session:
        def work(connection: Connection) -> tuple[Session, str]:
            require_organizer(actor, f"add a session to event {ref!r}")
            event = load_event(connection, ref)
            session = build_session(raw, event)
            repo = EventRepository(connection)
            if any(s.key == session.key for s in repo.sessions(event_id(event))):
                raise Conflict(f"event {ref!r} has a session {session.key!r}", field="key")
            host_id = None
            if session.host_org:
                host_id = organization_ids(connection, [session.host_org]).get(session.host_org)
                if host_id is None:
                    raise ValidationFailed(
                        [FieldError("host_org", "no organisation with this ref", session.host_org)]
                    )
            repo.add_session(event_id(event), session, host_id)
            return session, record_detail(session_record(session))

        return self.audited.run(actor, "event.session", ref, work)

    def sessions(self, ref: str) -> list[Session]:
        with self.database.transaction() as connection:
            return EventRepository(connection).sessions(event_id(load_event(connection, ref)))

    # -- participants ----------------------------------------------------------------------

    def register(self, actor: Actor, ref: str, raw: Mapping[str, object]) -> Participant:
        """Register an organisation: confirmed at once when registration is open or an
        organiser registers it; otherwise pending until an organiser confirms it."""

        def work(connection: Connection) -> tuple[Participant, str]:
            event = load_event(connection, ref)
            participant = self._register(connection, actor, event, raw)
            return participant, record_detail(participant_record(participant))

        return self.audited.run(actor, "event.register", ref, work)

    def _register(
        self, connection: Connection, actor: Actor, event: Event, raw: Mapping[str, object]
    ) -> Participant:
        repo = EventRepository(connection)
        sessions = {s.key: s for s in repo.sessions(event_id(event))}
        open_ = event.registration is Registration.OPEN or is_organizer(actor)
        status = ParticipantStatus.CONFIRMED if open_ else ParticipantStatus.PENDING
        participant = build_participant(raw, status, sessions)
        org_id = self._organization(connection, participant.org)
        require_can_act_for(actor, org_id, participant.org, f"register for event {event.ref!r}")
        if repo.participant(event_id(event), participant.org) is not None:
            raise Conflict(
                f"{participant.org!r} is already registered for {event.ref!r}", field="org"
            )
        self._check_listings(connection, participant)
        repo.add_participant(event_id(event), org_id, participant, actor.label)
        return participant

    @staticmethod
    def _organization(connection: Connection, ref: str) -> int:
        org_id = organization_ids(connection, [ref]).get(ref)
        if org_id is None:
            raise ValidationFailed([FieldError("org", "no organisation with this ref", ref)])
        return org_id

    @staticmethod
    def _check_listings(connection: Connection, participant: Participant) -> None:
        if not participant.listings:
            return
        found = ListingRepository(connection).by_refs(list(participant.listings))
        errors = [
            FieldError("listings", f"no listing of {participant.org!r} with this ref", ref)
            for ref in participant.listings
            if ref not in found or found[ref][0].org_ref != participant.org
        ]
        if errors:
            raise ValidationFailed(errors)

    def update_participant(
        self, actor: Actor, ref: str, org: str, changes: Mapping[str, object]
    ) -> Participant:
        """Change a registration: its representatives, unavailability and listings (the
        organisation's members or organisers); its status (organisers only)."""

        def work(connection: Connection) -> tuple[Participant, str]:
            event = load_event(connection, ref)
            current = load_participant(connection, event, org, "org")
            org_id = self._organization(connection, org)
            require_can_act_for(actor, org_id, org, f"change the registration of {org!r}")
            status = current.status
            if "status" in changes:
                require_organizer(actor, f"confirm or decline {org!r}")
                try:
                    status = ParticipantStatus(str(changes["status"]))
                except ValueError:
                    allowed = ", ".join(s.value for s in ParticipantStatus)
                    raise ValidationFailed(
                        [FieldError("status", f"must be one of: {allowed}", str(changes["status"]))]
                    ) from None
            before = participant_record(current)
            merged = {**before, **{k: v for k, v in changes.items() if k != "status"}, "org": org}
            sessions = {s.key: s for s in EventRepository(connection).sessions(event_id(event))}
            updated = build_participant(merged, status, sessions)
            self._check_listings(connection, updated)
            assert current.id is not None
            EventRepository(connection).update_participant(current.id, updated)
            saved = replace(updated, org_name=current.org_name, id=current.id)
            return saved, changed_fields(before, participant_record(updated))

        return self.audited.run(actor, "event.participant", f"{ref}/{org}", work)

    def participants(self, ref: str, status: ParticipantStatus | None = None) -> list[Participant]:
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            return EventRepository(connection).participants(event_id(event), status)

    def marketplace(self, ref: str) -> list[Listing]:
        """The published listings confirmed participants bring (all theirs when they named
        none)."""
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            people = EventRepository(connection).participants(
                event_id(event), ParticipantStatus.CONFIRMED
            )
            listings = ListingRepository(connection)
            ids = organization_ids(connection, [p.org for p in people])
            found: list[Listing] = []
            for participant in people:
                refs = participant.listings or listings.refs_of_organization(ids[participant.org])
                for listing, _ in listings.by_refs(list(refs)).values():
                    if listing.status is ListingStatus.PUBLISHED:
                        found.append(listing)
            return found

    def import_participants(self, actor: Actor, ref: str, rows: Sequence[Row]) -> ImportSummary:
        """Register every row, or none: one bad row rejects the file with every row's errors.
        A row for an organisation already registered updates its registration."""

        def work(connection: Connection) -> tuple[ImportSummary, str]:
            require_organizer(actor, f"import participants of {ref!r}")
            event = load_event(connection, ref)
            repo = EventRepository(connection)
            sessions = {s.key: s for s in repo.sessions(event_id(event))}
            errors: list[FieldError] = []
            created = updated = 0
            seen: set[str] = set()
            for row in rows:
                errors.extend(
                    FieldError(f"{row.location}: {e.field}", e.reason) for e in row.errors
                )
                if row.errors:
                    continue
                try:
                    participant = build_participant(row.raw, ParticipantStatus.CONFIRMED, sessions)
                    if participant.org in seen:
                        raise ValidationFailed(
                            [FieldError("org", "appears twice in the file", participant.org)]
                        )
                    seen.add(participant.org)
                    org_id = self._organization(connection, participant.org)
                    self._check_listings(connection, participant)
                except ValidationFailed as failure:
                    errors.extend(row_errors(row, failure))
                    continue
                current = repo.participant(event_id(event), participant.org)
                if current is None:
                    repo.add_participant(event_id(event), org_id, participant, actor.label)
                    created += 1
                else:
                    assert current.id is not None
                    repo.update_participant(current.id, replace(participant, status=current.status))
                    updated += 1
            if errors:
                raise ValidationFailed(errors)  # rolls back the rows already written
            return ImportSummary(created, updated), f"created={created} updated={updated}"

        return self.audited.run(actor, "event.import", ref, work)
