"""A participant's agenda and the table plan, read from an event's sessions and schedule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from coopex.domain.events import Event, Participant, Session, SessionKind, Slot, slot_grid
from coopex.domain.meetings import EventMeeting, Outcome


@dataclass(frozen=True, slots=True)
class AgendaItem:
    starts: datetime  # naive, in the event's time zone
    ends: datetime
    kind: str  # "meeting" or a session kind: business, matchmaking, visit
    title: str
    place: str | None = None
    table: int | None = None
    with_org: str | None = None  # the other side of a meeting
    with_name: str | None = None
    meeting: int | None = None
    key: str = ""  # stable within the event: `meeting-7`, `session-day1-am`


@dataclass(frozen=True, slots=True)
class Agenda:
    event: Event
    org: str
    org_name: str
    items: tuple[AgendaItem, ...]


def _absent(participant: Participant, session: Session) -> bool:
    return session.key in participant.unavailable


def agenda(
    event: Event,
    sessions: Sequence[Session],
    participant: Participant,
    meetings: Sequence[EventMeeting],
    names: Mapping[str, str],
) -> Agenda:
    """The sessions a participant attends and their placed meetings, in time order.
    Matchmaking sessions appear through the meetings held in them."""
    grid = {slot.name: slot for slot in slot_grid(list(sessions))}
    by_key = {s.key: s for s in sessions}
    items: list[AgendaItem] = []
    for session in sessions:
        if session.kind is SessionKind.MATCHMAKING or _absent(participant, session):
            continue
        items.append(
            AgendaItem(
                datetime.combine(session.day, session.starts),
                datetime.combine(session.day, session.ends),
                session.kind.value,
                session.title,
                session.place,
                key=f"session-{session.key}",
            )
        )
    for meeting in meetings:
        slot = grid.get(meeting.slot or "")
        if participant.org not in meeting.pair or slot is None:
            continue
        if meeting.outcome is Outcome.CANCELLED:
            continue
        other = meeting.other(participant.org)
        items.append(
            AgendaItem(
                slot.starts,
                slot.ends,
                "meeting",
                f"B2B meeting: {names.get(other, other)}",
                by_key[slot.session].place,
                meeting.table,
                other,
                names.get(other, other),
                meeting.id,
                key=f"meeting-{meeting.id}",
            )
        )
    items.sort(key=lambda item: (item.starts, item.key))
    return Agenda(event, participant.org, participant.org_name or participant.org, tuple(items))


@dataclass(frozen=True, slots=True)
class TableSeat:
    table: int
    meeting: int
    first: str
    second: str
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class SlotPlan:
    slot: Slot
    seats: tuple[TableSeat, ...]


def table_plan(sessions: Sequence[Session], meetings: Sequence[EventMeeting]) -> list[SlotPlan]:
    """Every slot with the meetings at its tables (empty slots included)."""
    seats: dict[str, list[TableSeat]] = {}
    for meeting in meetings:
        if meeting.slot and meeting.table and meeting.outcome is not Outcome.CANCELLED:
            seat = TableSeat(
                meeting.table, meeting.id or 0, meeting.first, meeting.second, meeting.outcome
            )
            seats.setdefault(meeting.slot, []).append(seat)
    return [
        SlotPlan(slot, tuple(sorted(seats.get(slot.name, []), key=lambda s: s.table)))
        for slot in slot_grid(list(sessions))
    ]
