"""From a stored event to a `SchedulingProblem`, and back to named slots and tables.

Meeting ids in the problem are the stored meetings' ids as text. Meetings that cannot be
scheduled whatever the solver does (a participant not confirmed, no slot both sides are
free) are kept out of the problem and reported with their reason, so nothing is dropped
silently. Contradictory locks are reported before any solving.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from coopex.domain.events import (
    Event,
    Participant,
    ParticipantStatus,
    Session,
    Slot,
    slot_grid,
    unavailable_slots,
)
from coopex.domain.meetings import EventMeeting, Outcome
from coopex.engines.scheduling.problem import Meeting, Placement, SchedulingProblem, Unplaced


@dataclass(frozen=True, slots=True)
class EventProblem:
    problem: SchedulingProblem
    grid: tuple[Slot, ...]
    excluded: tuple[Unplaced, ...]  # meetings kept out of the problem, with the reason


def _session_numbers(grid: Sequence[Slot]) -> tuple[int, ...]:
    numbers: dict[str, int] = {}
    return tuple(numbers.setdefault(slot.session, len(numbers)) for slot in grid)


def _day_starts(grid: Sequence[Slot]) -> frozenset[int]:
    return frozenset(
        slot.index
        for slot in grid
        if slot.index == 0 or grid[slot.index - 1].starts.date() != slot.starts.date()
    )


def lock_conflicts(
    meetings: Sequence[EventMeeting],
    grid: Sequence[Slot],
    unavailable: Mapping[str, frozenset[int]],
    tables: int,
) -> list[str]:
    """Why the locked meetings cannot all stand, in plain words (empty: they can)."""
    slots = {slot.name: slot for slot in grid}
    problems: list[str] = []
    tables_used: dict[tuple[int, int], int] = {}
    people_used: dict[tuple[int, str], int] = {}
    for meeting in meetings:
        if not meeting.locked or meeting.outcome is Outcome.CANCELLED:
            continue
        name = f"meeting {meeting.id} ({meeting.first} – {meeting.second})"
        slot = slots.get(meeting.slot or "")
        if slot is None:
            problems.append(f"{name} is locked to {meeting.slot!r}, which is not a slot")
            continue
        if meeting.table is None or not 1 <= meeting.table <= tables:
            problems.append(f"{name} is locked to table {meeting.table}; tables are 1 to {tables}")
        else:
            other = tables_used.setdefault((slot.index, meeting.table), meeting.id or 0)
            if other != meeting.id:
                problems.append(
                    f"{name} and meeting {other} are both locked to table {meeting.table} "
                    f"in {slot.name}"
                )
        for org in meeting.pair:
            if slot.index in unavailable.get(org, frozenset()):
                problems.append(f"{name} is locked to {slot.name}, when {org} is unavailable")
            other = people_used.setdefault((slot.index, org), meeting.id or 0)
            if other != meeting.id:
                problems.append(
                    f"{name} and meeting {other} are both locked to {slot.name}, "
                    f"and {org} is in both"
                )
    return problems


def event_problem(
    event: Event,
    sessions: Sequence[Session],
    participants: Sequence[Participant],
    meetings: Sequence[EventMeeting],
) -> EventProblem:
    """The problem for the meetings still to hold; placed ones become `previous`, locked
    and already-held ones `locked`. Raises ValidationFailed for bad availability entries."""
    by_key = {s.key: s for s in sessions}
    grid = slot_grid(list(sessions))
    slots = {slot.name: slot for slot in grid}
    people = {p.org: p for p in participants}
    unavailable = {
        p.org: unavailable_slots(p, by_key, f"participant {p.org}: unavailable")
        for p in participants
        if p.unavailable
    }
    every = frozenset(range(len(grid)))
    chosen: list[Meeting] = []
    locked: list[Placement] = []
    previous: list[Placement] = []
    excluded: list[Unplaced] = []
    for meeting in meetings:
        if meeting.outcome is Outcome.CANCELLED:
            continue
        ident = str(meeting.id)
        placed = slots.get(meeting.slot or "")
        happened = meeting.outcome in (Outcome.HELD, Outcome.NO_SHOW)
        if happened and placed is None:
            continue  # held outside the schedule: nothing to place
        reason = _unplaceable(meeting, people, unavailable, every, len(grid), event.tables)
        if reason and not happened:
            excluded.append(Unplaced(ident, reason))
            continue
        table = None if meeting.table is None else meeting.table - 1
        fixed = (meeting.locked or happened) and placed is not None and table is not None
        chosen.append(
            Meeting(
                ident,
                meeting.pair,
                priority=meeting.priority,
                mutual=meeting.mutual,
                fixed_slot=placed.index if fixed and placed else None,
                fixed_table=table if fixed else None,
            )
        )
        if placed is not None and table is not None:
            (locked if fixed else previous).append(Placement(ident, placed.index, table))
    problem = SchedulingProblem(
        slot_sessions=_session_numbers(grid),
        tables=event.tables,
        meetings=tuple(chosen),
        unavailable={org: frozenset(s) for org, s in unavailable.items()},
        locked=tuple(locked),
        previous=tuple(previous),
        day_starts=_day_starts(grid),
    )
    return EventProblem(problem, grid, tuple(excluded))


def _unplaceable(
    meeting: EventMeeting,
    people: Mapping[str, Participant],
    unavailable: Mapping[str, frozenset[int]],
    every: frozenset[int],
    slots: int,
    tables: int,
) -> str | None:
    if not slots:
        return "the event has no matchmaking session with slots"
    if tables < 1:
        return "the event has no meeting tables"
    for org in meeting.pair:
        participant = people.get(org)
        if participant is None:
            return f"{org} is not a participant of the event"
        if participant.status is ParticipantStatus.DECLINED:
            return f"{org}'s registration was declined"
        if participant.status is not ParticipantStatus.CONFIRMED:
            return f"{org}'s registration is not confirmed"
        if not every - unavailable.get(org, frozenset()):
            return f"{org} is unavailable in every slot"
    first, second = (every - unavailable.get(org, frozenset()) for org in meeting.pair)
    if not first & second:
        return f"{meeting.first} and {meeting.second} have no slot in common where both are free"
    return None
