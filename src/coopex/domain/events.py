"""Events (forums, round tables, business missions, exhibitions), their sessions and
participants, and who may do what with them.

Matchmaking sessions are cut into time slots of `slot_minutes`; the event has `tables`
meeting tables. Slots are named `SESSION#N` (N counted from 1 within the session) wherever
people write them: availability, locks, the table plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coopex.domain.accounts import Actor, Role
from coopex.domain.errors import FieldError, PermissionDenied, ValidationFailed
from coopex.domain.fields import FieldReader, stable_ref

MAX_TABLES = 500
MAX_SLOT_MINUTES = 240


class EventKind(StrEnum):
    FORUM = "forum"
    ROUND_TABLE = "round_table"
    BUSINESS_MISSION = "business_mission"
    EXHIBITION = "exhibition"


class Registration(StrEnum):
    OPEN = "open"  # a registration is confirmed at once
    CONFIRMED = "confirmed"  # the organiser confirms each registration


class Acceptance(StrEnum):
    OPT_IN = "opt_in"  # the target accepts or declines each request
    OPT_OUT = "opt_out"  # requests are accepted at once; the target may still decline


class SessionKind(StrEnum):
    BUSINESS = "business"  # a plenary, panel or business session
    MATCHMAKING = "matchmaking"  # B2B meetings at tables, in slots
    VISIT = "visit"  # a mission's visit to a plant or a meeting on site


class ParticipantStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class Event:
    ref: str
    title: str
    kind: EventKind
    starts_on: date
    ends_on: date
    timezone: str = "UTC"  # IANA name: agendas and calendars are in the event's local time
    place: str | None = None
    registration: Registration = Registration.OPEN
    acceptance: Acceptance = Acceptance.OPT_IN
    tables: int = 0  # meeting tables in the matchmaking area
    request_deadline: datetime | None = None  # aware; pending requests expire after it
    description: str = ""
    created_by: str = ""
    id: int | None = field(default=None, compare=False)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def requests_closed(self, now: datetime) -> bool:
        return self.request_deadline is not None and now > self.request_deadline


@dataclass(frozen=True, slots=True)
class Session:
    key: str  # unique within the event, e.g. `day1-am`
    title: str
    kind: SessionKind
    day: date
    starts: time
    ends: time
    place: str | None = None
    slot_minutes: int | None = None  # matchmaking only
    host_org: str | None = None  # a visit's host organisation (ref), when in the registry
    id: int | None = field(default=None, compare=False)

    @property
    def slot_count(self) -> int:
        if self.kind is not SessionKind.MATCHMAKING or not self.slot_minutes:
            return 0
        minutes = (_minutes(self.ends) - _minutes(self.starts)) // self.slot_minutes
        return max(minutes, 0)


@dataclass(frozen=True, slots=True)
class Participant:
    org: str  # organisation ref
    status: ParticipantStatus
    representatives: tuple[str, ...] = ()
    unavailable: tuple[str, ...] = ()  # `SESSION` or `SESSION#N`
    listings: tuple[str, ...] = ()  # refs brought to the event's marketplace; () = all
    org_name: str = ""
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Slot:
    index: int  # 0..n-1 over the whole event, in time order
    session: str
    number: int  # 1..k within the session
    starts: datetime  # naive, in the event's time zone
    ends: datetime

    @property
    def name(self) -> str:
        return f"{self.session}#{self.number}"


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def slot_grid(sessions: tuple[Session, ...] | list[Session]) -> tuple[Slot, ...]:
    """Every slot of every matchmaking session, in time order."""
    ordered = sorted((s for s in sessions if s.slot_count), key=lambda s: (s.day, s.starts, s.key))
    slots: list[Slot] = []
    for session in ordered:
        assert session.slot_minutes is not None
        start = datetime.combine(session.day, session.starts)
        step = timedelta(minutes=session.slot_minutes)
        for number in range(1, session.slot_count + 1):
            begins = start + step * (number - 1)
            slots.append(Slot(len(slots), session.key, number, begins, begins + step))
    return tuple(slots)


def resolve_slot(name: str, sessions: Mapping[str, Session], field_name: str) -> Slot:
    """The slot `SESSION#N` names; a ValidationFailed naming `field_name` when there is none."""
    grid = {slot.name: slot for slot in slot_grid(list(sessions.values()))}
    if name in grid:
        return grid[name]
    key, _, number = name.partition("#")
    session = sessions.get(key)
    if session is None:
        reason = f"no session {key!r} in this event"
    elif session.kind is not SessionKind.MATCHMAKING:
        reason = f"session {key!r} is a {session.kind.value} session, not matchmaking"
    elif not number:
        reason = "name a slot as SESSION#N"
    else:
        reason = f"session {key!r} has slots #1 to #{session.slot_count}"
    raise ValidationFailed([FieldError(field_name, reason, name)])


def unavailable_slots(
    participant: Participant, sessions: Mapping[str, Session], field_name: str = "unavailable"
) -> frozenset[int]:
    """The slots a participant cannot meet in; every bad entry is named in one error."""
    grid = slot_grid(list(sessions.values()))
    found: set[int] = set()
    errors: list[FieldError] = []
    for entry in participant.unavailable:
        if "#" not in entry:
            if entry not in sessions:
                errors.append(FieldError(field_name, f"no session {entry!r} in this event", entry))
            found.update(slot.index for slot in grid if slot.session == entry)
            continue
        try:
            found.add(resolve_slot(entry, sessions, field_name).index)
        except ValidationFailed as failure:
            errors.extend(failure.errors)
    if errors:
        raise ValidationFailed(errors)
    return frozenset(found)


# -- builders ------------------------------------------------------------------------------


def _time(reader: FieldReader, name: str) -> time | None:
    value = reader.raw.get(name)
    if isinstance(value, time):
        return value
    text = reader.optional_text(name, max_length=8)
    if text is None:
        reader.fail(name, "is required")
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        reader.fail(name, "must be a time as HH:MM", text)
        return None


def _int(reader: FieldReader, name: str, low: int, high: int, default: int | None) -> int | None:
    value = reader.raw.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool) or not isinstance(value, int | str):
        reader.fail(name, "must be a whole number", value)
        return None
    try:
        number = int(value)
    except ValueError:
        reader.fail(name, "must be a whole number", value)
        return None
    if not low <= number <= high:
        reader.fail(name, f"must be from {low} to {high}", value)
        return None
    return number


def _moment(reader: FieldReader, name: str, zone: ZoneInfo | None) -> datetime | None:
    value = reader.raw.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = reader.optional_text(name, max_length=40) or ""
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            reader.fail(name, "must be a date and time as YYYY-MM-DDTHH:MM", text)
            return None
    if moment.tzinfo is None:
        if zone is None:
            return None
        moment = moment.replace(tzinfo=zone)  # written in the event's local time
    return moment


def build_event(raw: Mapping[str, object], created_by: str = "") -> Event:
    reader = FieldReader(raw)
    title = reader.text("title", max_length=300)
    kind = reader.choice("kind", EventKind)
    starts_on = reader.optional_date("starts_on")
    ends_on = reader.optional_date("ends_on") or starts_on
    if starts_on is None and not any(e.field == "starts_on" for e in reader.errors):
        reader.fail("starts_on", "is required")
    if starts_on and ends_on and ends_on < starts_on:
        reader.fail("ends_on", "is before starts_on", ends_on)
    timezone = reader.optional_text("timezone", max_length=60) or "UTC"
    zone: ZoneInfo | None = None
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        reader.fail("timezone", "is not an IANA time zone such as Europe/Moscow", timezone)
    registration = reader.choice("registration", Registration, Registration.OPEN)
    acceptance = reader.choice("acceptance", Acceptance, Acceptance.OPT_IN)
    tables = _int(reader, "tables", 0, MAX_TABLES, 0)
    deadline = _moment(reader, "request_deadline", zone)
    ref = reader.ref("ref")
    place = reader.optional_text("place", max_length=200)
    description = reader.optional_text("description", max_length=5000, multiline=True) or ""
    reader.raise_if_failed()
    assert kind and starts_on and ends_on and registration and acceptance and tables is not None
    return Event(
        ref=ref or stable_ref("event", title.casefold(), starts_on.isoformat()),
        title=title,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        timezone=timezone,
        place=place,
        registration=registration,
        acceptance=acceptance,
        tables=tables,
        request_deadline=deadline,
        description=description,
        created_by=created_by,
    )


def event_record(event: Event) -> dict[str, object]:
    return {
        "ref": event.ref,
        "title": event.title,
        "kind": event.kind.value,
        "starts_on": event.starts_on.isoformat(),
        "ends_on": event.ends_on.isoformat(),
        "timezone": event.timezone,
        "place": event.place,
        "registration": event.registration.value,
        "acceptance": event.acceptance.value,
        "tables": event.tables,
        "request_deadline": event.request_deadline.isoformat() if event.request_deadline else None,
        "description": event.description,
    }


def build_session(raw: Mapping[str, object], event: Event) -> Session:
    reader = FieldReader(raw)
    key = reader.ref("key")
    if key is None and not reader.errors:
        reader.fail("key", "is required")
    if key and "#" in key:
        reader.fail("key", "must not contain '#'", key)
    title = reader.text("title", max_length=300)
    kind = reader.choice("kind", SessionKind, SessionKind.BUSINESS)
    day = reader.optional_date("day")
    if day is None and not any(e.field == "day" for e in reader.errors):
        reader.fail("day", "is required")
    if day and not event.starts_on <= day <= event.ends_on:
        reader.fail("day", f"is outside the event ({event.starts_on} to {event.ends_on})", day)
    starts, ends = _time(reader, "starts"), _time(reader, "ends")
    if starts and ends and ends <= starts:
        reader.fail("ends", "must be after starts", ends)
    slot_minutes = _int(reader, "slot_minutes", 5, MAX_SLOT_MINUTES, None)
    if kind is SessionKind.MATCHMAKING:
        if slot_minutes is None and not any(e.field == "slot_minutes" for e in reader.errors):
            reader.fail("slot_minutes", "is required for a matchmaking session")
        elif starts and ends and slot_minutes and _minutes(ends) - _minutes(starts) < slot_minutes:
            reader.fail("slot_minutes", "is longer than the session", slot_minutes)
        if event.tables < 1:
            reader.fail("kind", "the event has no meeting tables (set its `tables` first)")
    elif slot_minutes is not None:
        reader.fail("slot_minutes", "only matchmaking sessions have slots", slot_minutes)
    place = reader.optional_text("place", max_length=200)
    host = reader.ref("host_org")
    reader.raise_if_failed()
    assert key and kind and day and starts and ends
    return Session(key, title, kind, day, starts, ends, place, slot_minutes, host)


def session_record(session: Session) -> dict[str, object]:
    return {
        "key": session.key,
        "title": session.title,
        "kind": session.kind.value,
        "day": session.day.isoformat(),
        "starts": session.starts.isoformat("minutes"),
        "ends": session.ends.isoformat("minutes"),
        "place": session.place,
        "slot_minutes": session.slot_minutes,
        "host_org": session.host_org,
        "slots": session.slot_count,
    }


def build_participant(
    raw: Mapping[str, object], status: ParticipantStatus, sessions: Mapping[str, Session]
) -> Participant:
    """A registration; `unavailable` is checked against the event's sessions."""
    reader = FieldReader(raw)
    org = reader.ref("org")
    if org is None and not any(e.field == "org" for e in reader.errors):
        reader.fail("org", "is required")
    representatives = reader.text_list("representatives")
    unavailable = reader.text_list("unavailable", max_length=90)
    listings = reader.text_list("listings", max_length=80)
    reader.raise_if_failed()
    assert org
    participant = Participant(org, status, representatives, unavailable, listings)
    unavailable_slots(participant, sessions)
    return participant


def participant_record(participant: Participant) -> dict[str, object]:
    return {
        "org": participant.org,
        "status": participant.status.value,
        "representatives": list(participant.representatives),
        "unavailable": list(participant.unavailable),
        "listings": list(participant.listings),
    }


# -- who may do what ----------------------------------------------------------------------


def is_organizer(actor: Actor) -> bool:
    """Admins and agency staff organise events (as they register organisations)."""
    return actor.role is not Role.ENTERPRISE_MEMBER


def require_organizer(actor: Actor, action: str) -> None:
    if not is_organizer(actor):
        raise PermissionDenied(action, "only admins and agency staff organise events")


def can_act_for(actor: Actor, organization_id: int) -> bool:
    """Organisers act for any participant; members for their own organisations."""
    return is_organizer(actor) or actor.is_member_of(organization_id)


def require_can_act_for(actor: Actor, organization_id: int, org_ref: str, action: str) -> None:
    if not can_act_for(actor, organization_id):
        raise PermissionDenied(action, f"you are not a member of {org_ref!r}")
